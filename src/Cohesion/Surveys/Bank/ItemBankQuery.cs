using Cohesion.Surveys.ItemBank;

namespace Cohesion.Surveys.Bank;

/// <summary>The item bank's search and measure filter, read leniently from the query string (they come from links).</summary>
public sealed record ItemBankQuery(string? Search, string? Measure)
{
    public const int MaxSearch = 100;

    public static ItemBankQuery From(IQueryCollection q)
    {
        var search = q["q"].ToString().Trim();
        var measure = q["measure"].ToString();
        return new ItemBankQuery(search.Length == 0 ? null : search[..Math.Min(search.Length, MaxSearch)],
            StandardItems.Measures.Contains(measure) ? measure : null);
    }

    /// <summary>
    /// The items matching: every word of the search somewhere in the item's code, stem or question (ignoring case), in the
    /// bank's order. Not the hints: the mixing questions' long hint would make "work" find every one of them.
    /// </summary>
    public List<Item> Apply(IEnumerable<Item> items)
    {
        var words = Search?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return items.Where(i => (Measure is null || i.Measure == Measure)
            && words.All(w => $"{i.Code} {i.Stem} {i.Question}".Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    public string Describe() => $"search={Search ?? "none"}; measure={Measure ?? "all"}";
}
