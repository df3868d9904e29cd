using System.Globalization;
using Cohesion.Assets.Model;
using Cohesion.Web;

namespace Cohesion.Assets.Search;

/// <summary>
/// A search of the published directory: words and filters as the /assets form and /api/v1/assets take them from the
/// query string (GET, so every search is a link). Read strictly: a value that cannot be understood is an error naming
/// the field and the value, never silently dropped.
/// </summary>
public sealed record AssetQuery
{
    public const int MaxWordsLength = 200, MaxCodeLength = 16, MaxLanguageLength = 64, DefaultPageSize = 20, MaxPageSize = 100;
    /// <summary>The distances the form offers, in kilometres; the API takes any from 0.1 to 50.</summary>
    public static readonly double[] Distances = [0.5, 1, 2, 5];
    public const double MaxDistanceKm = 50;
    public static readonly string[] Sorts = ["relevance", "distance", "name", "updated"];
    /// <summary>How far ahead "open on a day" looks in the form (the API takes any date).</summary>
    public const int DaysAhead = 14;

    public string? Words { get; init; }
    /// <summary>Search exactly what was typed: no corrections of misspelt words.</summary>
    public bool Exact { get; init; }
    public Guid? TermId { get; init; }
    public AssetKind? Kind { get; init; }
    /// <summary>Code of an area: services located in it (or in the areas within it), or serving it.</summary>
    public string? AreaCode { get; init; }
    /// <summary>Code of an area whose centroid the distance is measured from.</summary>
    public string? NearCode { get; init; }
    public double? WithinKm { get; init; }
    public string? Language { get; init; }
    public int? Age { get; init; }
    public Guid? AudienceId { get; init; }
    public bool FreeOnly { get; init; }
    public bool OpenNow { get; init; }
    public DateOnly? OpenOn { get; init; }
    /// <summary>Null: any status. Active unless the query says otherwise.</summary>
    public ServiceStatus? Status { get; init; } = ServiceStatus.Active;
    /// <summary>As asked for; null when not given (see <see cref="EffectiveSort"/>).</summary>
    public string? Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    public bool HasWords => !string.IsNullOrWhiteSpace(Words);
    public bool IsNear => NearCode is not null;

    /// <summary>The sort in force: as asked, else distance when near an area, relevance when there are words, else name.</summary>
    public string EffectiveSort => Sort ?? (IsNear ? "distance" : HasWords ? "relevance" : "name");

    /// <summary>Reads the query string; <paramref name="errors"/> names each field that could not be read, with its value.</summary>
    public static AssetQuery From(IQueryCollection q, out List<FieldError> errors)
    {
        var e = new List<FieldError>();
        string? Text(string key, int max)
        {
            var v = q[key].ToString().Trim();
            if (v.Length == 0) return null;
            if (v.Length > max) e.Add(new FieldError(key, $"{Label(key)} must be {max} characters or fewer (you entered {v.Length})"));
            return v.Length > max ? v[..max] : v;
        }
        Guid? Id(string key)
        {
            var v = Text(key, 64);
            if (v is null) return null;
            if (Guid.TryParse(v, out var g)) return g;
            e.Add(new FieldError(key, $"{Label(key)} '{v}' is not a taxonomy term id (a UUID)"));
            return null;
        }

        AssetKind? kind = null;
        if (Text("kind", 16) is { } k)
        {
            if (Enum.TryParse<AssetKind>(k, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(k, out _)) kind = parsed;
            else e.Add(new FieldError("kind", $"Kind '{k}' is not one of service, offer or space"));
        }

        double? within = null;
        if (Text("within", 8) is { } w)
        {
            if (double.TryParse(w, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var km) && km is >= 0.1 and <= MaxDistanceKm) within = km;
            else e.Add(new FieldError("within", $"Distance '{w}' must be a number of kilometres from 0.1 to {MaxDistanceKm}"));
        }

        int? age = null;
        if (Text("age", 8) is { } a)
        {
            if (int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= AssetLimits.MaxAge) age = years;
            else e.Add(new FieldError("age", $"Age '{a}' must be a whole number of years from 0 to {AssetLimits.MaxAge}"));
        }

        DateOnly? on = null;
        var when = Text("open", 8);
        if (when is not (null or "now" or "day")) e.Add(new FieldError("open", $"Open '{when}' must be now or day"));
        if (Text("on", 10) is { } d)
        {
            if (DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) on = date;
            else e.Add(new FieldError("on", $"Day '{d}' must be a date written 2026-03-14"));
        }
        if (when == "day" && on is null && !e.Any(x => x.FieldId == "on")) e.Add(new FieldError("on", "Choose the day it should be open on"));

        ServiceStatus? status = ServiceStatus.Active;
        if (Text("status", 24) is { } s)
        {
            if (s == "any") status = null;
            else if (AssetWords.ParseStatus(s.Replace('-', ' ')) is { } st) status = st;
            else e.Add(new FieldError("status", $"Status '{s}' is not one of active, inactive, defunct, temporarily-closed or any"));
        }

        var sort = Text("sort", 16);
        if (sort is not null && !Sorts.Contains(sort)) { e.Add(new FieldError("sort", $"Sort '{sort}' is not one of {string.Join(", ", Sorts)}")); sort = null; }

        var page = 1;
        if (Text("page", 9) is { } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            e.Add(new FieldError("page", $"Page '{p}' must be a whole number from 1"));
            page = 1;
        }
        var size = DefaultPageSize;
        if (Text("per_page", 4) is { } pp && (!int.TryParse(pp, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            e.Add(new FieldError("per_page", $"Results per page '{pp}' must be a whole number from 1 to {MaxPageSize}"));
            size = DefaultPageSize;
        }

        var near = Text("near", MaxCodeLength);
        if (near is not null && within is null && !e.Any(x => x.FieldId == "within")) within = 1;
        // The form always sends a distance; without an area to measure from it means nothing, so it is left out.
        if (near is null) within = null;
        if (sort == "distance" && near is null && !e.Any(x => x.FieldId == "near")) e.Add(new FieldError("near", "Choose an area to sort by distance from it"));

        var query = new AssetQuery
        {
            Words = Text("q", MaxWordsLength), Exact = q["exact"] == "1", TermId = Id("term"), Kind = kind, AreaCode = Text("area", MaxCodeLength),
            NearCode = near, WithinKm = within, Language = Text("language", MaxLanguageLength), Age = age, AudienceId = Id("audience"),
            FreeOnly = q["free"] == "1", OpenNow = when == "now", OpenOn = when == "now" ? null : on, Status = status, Sort = sort, Page = page, PageSize = size,
        };
        errors = e;
        return query;
    }

    /// <summary>What the field is called on the form, for error messages.</summary>
    public static string Label(string key) => key switch
    {
        "q" => "Search words",
        "term" => "Type of activity",
        "audience" => "Who it is for",
        "language" => "Language spoken",
        _ => char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' '),
    };

    /// <summary>The filters in words, for export notes and the audit log.</summary>
    public string Describe() => string.Join("; ", new[]
    {
        Words is { } w ? $"words={w}{(Exact ? " (exactly)" : "")}" : null,
        TermId is { } t ? $"term={t}" : null,
        Kind is { } k ? $"kind={k}" : null,
        AreaCode is { } a ? $"area={a}" : null,
        NearCode is { } n ? $"within {WithinKm?.ToString(CultureInfo.InvariantCulture)} km of {n}" : null,
        Language is { } l ? $"language={l}" : null,
        Age is { } g ? $"age={g}" : null,
        AudienceId is { } au ? $"audience={au}" : null,
        FreeOnly ? "free only" : null,
        OpenNow ? "open now" : null,
        OpenOn is { } d ? $"open on {d:yyyy-MM-dd}" : null,
        $"status={(Status is { } s ? s.Hsds() : "any")}",
        $"sort={EffectiveSort}",
    }.Where(x => x is not null));
}
