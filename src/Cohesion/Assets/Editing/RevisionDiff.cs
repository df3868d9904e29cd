using System.Globalization;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Editing;

/// <summary>One difference between two versions of a record: the field (or part) and what it was and is now ("" for nothing).</summary>
public sealed record FieldChange(string Field, string Was, string Now);

/// <summary>The names the comparison shows instead of ids: organisations, partner organisations, terms and areas.</summary>
public sealed record DiffNames(IReadOnlyDictionary<Guid, string> Organisations, IReadOnlyDictionary<int, string> Partners,
    IReadOnlyDictionary<Guid, string> Terms, IReadOnlyDictionary<int, string> Areas)
{
    public static async Task<DiffNames> LoadAsync(CohesionDb db, IEnumerable<ServiceSnapshot> versions, CancellationToken ct)
    {
        var list = versions.ToList();
        var orgIds = list.Select(v => v.OrganisationId).Distinct().ToList();
        var termIds = list.SelectMany(v => v.TermIds).Distinct().ToList();
        var areaIds = list.SelectMany(v => v.Locations.Select(l => l.AreaId).Concat(v.ServiceAreas.Select(a => a.AreaId))).OfType<int>().Distinct().ToList();
        return new DiffNames(
            await db.AssetOrganisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct),
            await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct),
            await db.AssetTaxonomyTerms.AsNoTracking().Where(t => termIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct),
            await db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct));
    }
}

/// <summary>
/// What changed between two versions of a record, field by field and part by part ("was → now"), for the version page
/// and for the summary a save writes into the history. Parts are matched by id, so a location whose postcode changed
/// reads as one change, not a removal and an addition.
/// </summary>
public static class RevisionDiff
{
    static string Inv(IFormattable? x, string? format = null) => x?.ToString(format, CultureInfo.InvariantCulture) ?? "";
    static string Date(DateOnly? d) => d?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? "";

    /// <summary>The record's own fields with their labels, in the order the form shows them.</summary>
    static IEnumerable<(string Label, Func<ServiceSnapshot, string> Value)> Fields(DiffNames n) =>
    [
        ("Kind", s => s.Kind.Label()),
        ("Name", s => s.Name),
        ("Other name", s => s.AlternateName ?? ""),
        ("Description", s => s.Description),
        ("Website", s => s.Url ?? ""),
        ("Email address", s => s.Email ?? ""),
        ("Organisation", s => n.Organisations.GetValueOrDefault(s.OrganisationId, "(organisation no longer listed)")),
        ("Kept up to date by", s => s.MaintainerOrganisationId is { } m ? n.Partners.GetValueOrDefault(m, $"partner {m}") : "the directory's own staff"),
        ("Running", s => s.Status.Label()),
        ("Shown in the directory", s => s.Publication.Label()),
        ("Youngest age", s => Inv(s.MinimumAge)),
        ("Oldest age", s => Inv(s.MaximumAge)),
        ("Who can take part", s => s.EligibilityDescription ?? ""),
        ("How to join", s => s.ApplicationProcess ?? ""),
        ("Interpreting", s => s.InterpretationServices ?? ""),
        ("Free", s => s.IsFree ? "Yes" : "No"),
        ("What it costs", s => s.FeesDescription ?? ""),
        ("Who offers it", s => s.OfferedBy ?? ""),
        ("Date they agreed to be listed", s => Date(s.ConsentRecordedOn)),
        ("Contact details shown to signed-in partners", s => s.Kind == AssetKind.Offer ? (s.ContactConsent ? "Yes" : "No") : ""),
        ("How many people it holds", s => Inv(s.Capacity)),
        ("How to book", s => s.BookingDetails ?? ""),
        ("Last checked", s => Date(s.LastCheckedOn)),
        ("Review", s => s.Review.Label()),
    ];

    /// <summary>The parts, each as (kind, id, one line describing it).</summary>
    static IEnumerable<(string Part, string Key, string Text)> Parts(ServiceSnapshot s, DiffNames n) =>
        s.Locations.Select(l => ("Place", l.Id.ToString(), Describe(l, n)))
            .Concat(s.Schedules.Select(x => ("Time", x.Id.ToString(), AssetText.Schedule(x))))
            .Concat(s.Languages.Select(x => ("Language", x.Id.ToString(), x.Name + (x.Code is { } c ? $" ({c})" : ""))))
            .Concat(s.CostOptions.Select(x => ("Price", x.Id.ToString(), AssetText.Cost(x))))
            .Concat(s.Contacts.Select(x => ("Contact", x.Id.ToString(), AssetText.Join(x.Name, x.Title, x.Email, x.Phone))))
            .Concat(s.Phones.Select(x => ("Phone", x.Id.ToString(), AssetText.Join(x.Number, x.Description))))
            .Concat(s.ServiceAreas.Select(x => ("Area served", x.Id.ToString(), x.AreaId is { } a ? n.Areas.GetValueOrDefault(a, x.Name) : x.Name)))
            .Concat(s.TermIds.Select(t => ("Category", t.ToString(), n.Terms.GetValueOrDefault(t, "(term no longer listed)"))));

    static string Describe(LocationSnapshot l, DiffNames n) => AssetText.Join(l.Name, l.Address1, l.Address2, l.City, l.Postcode,
        l.Latitude is { } y && l.Longitude is { } x ? $"{Inv(y, "0.#####")}, {Inv(x, "0.#####")}" : null,
        l.AreaId is { } a ? "in " + n.Areas.GetValueOrDefault(a, "area " + Inv(a)) : null,
        l.Accessibility.Count > 0 ? string.Join(", ", l.Accessibility.Select(x => x.Description)) : null);

    /// <summary>Every difference from <paramref name="was"/> (null: the record's first version, compared with nothing) to <paramref name="now"/>.</summary>
    public static List<FieldChange> Compare(ServiceSnapshot? was, ServiceSnapshot now, DiffNames names)
    {
        var changes = new List<FieldChange>();
        foreach (var (label, value) in Fields(names))
        {
            var before = was is null ? "" : value(was);
            var after = value(now);
            if (before != after) changes.Add(new FieldChange(label, before, after));
        }
        var old = was is null ? [] : Parts(was, names).ToList();
        var @new = Parts(now, names).ToList();
        foreach (var o in old)
        {
            var match = @new.FirstOrDefault(x => x.Part == o.Part && x.Key == o.Key);
            if (match.Key is null) changes.Add(new FieldChange(o.Part, o.Text, ""));
            else if (match.Text != o.Text) changes.Add(new FieldChange(o.Part, o.Text, match.Text));
        }
        changes.AddRange(@new.Where(x => !old.Any(o => o.Part == x.Part && o.Key == x.Key)).Select(x => new FieldChange(x.Part, "", x.Text)));
        return changes;
    }

    /// <summary>A short account of the changes for the history list: "Changed name, description; added a time".</summary>
    public static string Summary(IReadOnlyList<FieldChange> changes)
    {
        if (changes.Count == 0) return "Saved with no changes";
        var parts = Parts(new[] { "Place", "Time", "Language", "Price", "Contact", "Phone", "Area served", "Category" });
        var fields = changes.Where(c => !parts.Contains(c.Field)).Select(c => c.Field.ToLowerInvariant()).Distinct().ToList();
        var bits = new List<string>();
        if (fields.Count > 0) bits.Add("changed " + string.Join(", ", fields));
        foreach (var group in changes.Where(c => parts.Contains(c.Field)).GroupBy(c => c.Field))
        {
            var added = group.Count(c => c.Was == "");
            var removed = group.Count(c => c.Now == "");
            var changed = group.Count() - added - removed;
            var noun = group.Key.ToLowerInvariant();
            if (added > 0) bits.Add($"added {Count(added, noun)}");
            if (removed > 0) bits.Add($"removed {Count(removed, noun)}");
            if (changed > 0) bits.Add($"changed {Count(changed, noun)}");
        }
        var s = string.Join("; ", bits);
        return char.ToUpperInvariant(s[0]) + s[1..];
    }

    static HashSet<string> Parts(IEnumerable<string> names) => names.ToHashSet();
    static string Count(int n, string noun) => n == 1 ? (noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + noun : $"{n} {noun}s";
}
