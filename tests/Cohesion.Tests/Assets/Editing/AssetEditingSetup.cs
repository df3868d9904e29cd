using System.Net;
using System.Text.RegularExpressions;
using Cohesion.Analytics.Geography;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Places;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohesion.Tests.Assets.Editing;

/// <summary>Records made straight in the database (as an import would), and the add/edit form's fields as a browser posts them.</summary>
public static partial class AssetEditingSetup
{
    /// <summary>A record with a location, a phone and a term, maintained by the named partner organisation (null: the directory's staff), with its first revision.</summary>
    public static async Task<Guid> RecordAsync(TestApp app, string name, string? maintainer, Publication publication = Publication.Published, AssetKind kind = AssetKind.Service)
    {
        await using var db = app.Database.Context();
        int? org = maintainer is null ? null : (await db.Organisations.SingleOrDefaultAsync(o => o.Name == maintainer))?.Id
            ?? throw new InvalidOperationException($"no partner organisation {maintainer}");
        var now = DateTime.UtcNow;
        var organisation = new AssetOrganisation { Id = Guid.NewGuid(), Name = name + " trust", CreatedAt = now, UpdatedAt = now };
        var id = Guid.NewGuid();
        var location = new Cohesion.Assets.Model.Location { Id = Guid.NewGuid(), Name = "Community hall", Postcode = "OL1 1UT", UpdatedAt = now };
        var service = new Service
        {
            Id = id, OrganisationId = organisation.Id, Kind = kind, Name = name, Description = "Meets every week.", Publication = publication,
            MaintainerOrganisationId = org, CreatedAt = now, UpdatedAt = now,
            Locations = [new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = id, LocationId = location.Id, Location = location }],
            Phones = [new Phone { Id = Guid.NewGuid(), ServiceId = id, Number = "0161 770 3000" }],
            Terms = [new ServiceTerm { ServiceId = id, TermId = Cohesion.Assets.Taxonomy.CohesionTaxonomy.TermId(Cohesion.Assets.Taxonomy.CohesionTaxonomy.ActivityId, "esol") }],
        };
        db.AssetOrganisations.Add(organisation);
        db.AssetServices.Add(service);
        Revisions.Record(db, service, "test", "Created by the test", now);
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A partner organisation to maintain records (users made by SignIn.NewUserClientAsync join one by name).</summary>
    public static async Task PartnerAsync(TestApp app, string name)
    {
        await using var db = app.Database.Context();
        if (!await db.Organisations.AnyAsync(o => o.Name == name))
        {
            db.Organisations.Add(new Cohesion.Accounts.Organisation { Name = name, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>A point inside an Oldham LSOA (its centroid, when the boundary holds it) and that LSOA's id.</summary>
    public static async Task<(GeoPoint Point, int LsoaId, string LsoaCode)> PointInLsoaAsync(TestApp app)
    {
        await using var db = app.Database.Context();
        var shapes = await app.App.Services.GetRequiredService<AreaShapes>().AllAsync(db, default);
        var lsoas = await db.Areas.Where(a => a.Level == AreaLevel.Lsoa).OrderBy(a => a.Code).Select(a => new { a.Id, a.Code }).ToListAsync();
        foreach (var l in lsoas)
            if (shapes.TryGetValue(l.Id, out var s) && s.Contains(s.Centroid)) return (s.Centroid, l.Id, l.Code);
        throw new InvalidOperationException("no LSOA holds its own centroid");
    }

    /// <summary>The form fields of the edit page as it stands (every input, the checked boxes and radios, the selected options), for posting back with changes.</summary>
    public static async Task<List<(string Name, string Value)>> FieldsAsync(HttpClient http, string page)
    {
        var html = await http.GetStringAsync(page);
        var form = html[html.IndexOf("<form method=\"post\" novalidate>", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        var fields = new List<(string, string)>();
        foreach (Match m in InputTag().Matches(form))
        {
            var tag = m.Value;
            var name = Attr(tag, "name");
            var type = Attr(tag, "type") ?? "text";
            if (name is null || name == "__RequestVerificationToken") continue;
            if (type is "checkbox" or "radio" && !tag.Contains("checked=\"checked\"", StringComparison.Ordinal)) continue;
            fields.Add((name, WebUtility.HtmlDecode(Attr(tag, "value") ?? "")));
        }
        foreach (Match m in TextareaTag().Matches(form)) fields.Add((m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        foreach (Match m in SelectTag().Matches(form))
        {
            var selected = SelectedOption().Match(m.Groups[2].Value);
            fields.Add((m.Groups[1].Value, selected.Success ? WebUtility.HtmlDecode(selected.Groups[1].Value) : ""));
        }
        return fields;
    }

    /// <summary>The fields with some replaced (or added when absent).</summary>
    public static List<(string Name, string Value)> With(this List<(string Name, string Value)> fields, params (string Name, string Value)[] changes)
    {
        var result = fields.Where(f => changes.All(c => c.Name != f.Name)).ToList();
        result.AddRange(changes);
        return result;
    }

    static string? Attr(string tag, string name) => Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("""<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>""")]
    private static partial Regex TextareaTag();

    [GeneratedRegex("""<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>""", RegexOptions.Singleline)]
    private static partial Regex SelectTag();

    [GeneratedRegex("""<option value="([^"]*)" selected="selected">""")]
    private static partial Regex SelectedOption();
}
