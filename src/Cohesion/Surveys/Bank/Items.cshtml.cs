using Cohesion.Surveys.ItemBank;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Surveys.Bank;

/// <summary>/surveys/items: every standard question, grouped by what it measures, searchable, filterable by measure, downloadable.</summary>
public sealed class ItemBankModel : PageModel
{
    public const string Path = "/surveys/items";

    public ItemBankQuery Query { get; private set; } = null!;
    public IReadOnlyList<(string Measure, IReadOnlyList<Item> Items)> Groups { get; private set; } = [];
    public int Shown { get; private set; }
    public static int Total => StandardItems.All.Count;

    public void OnGet()
    {
        Query = ItemBankQuery.From(Request.Query);
        var items = Query.Apply(StandardItems.All);
        Shown = items.Count;
        Groups = items.GroupBy(i => i.Measure).Select(g => (g.Key, (IReadOnlyList<Item>)g.ToList())).ToList();
    }

    public string ExportLink(string format) => QueryLinks.With($"{Path}/export.{format}", Request.Query);
}
