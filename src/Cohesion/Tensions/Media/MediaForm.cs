using System.Globalization;
using Cohesion.Assets.Editing;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Reports;
using Cohesion.Web;

namespace Cohesion.Tensions.Media;

/// <summary>A media item's form as typed, and its checks (each naming the field and repeating the value).</summary>
public sealed class MediaForm
{
    public string? Source { get; set; }
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }
    public string? Headline { get; set; }
    public string? Url { get; set; }
    public string? Tone { get; set; }
    public string? Groups { get; set; }
    public string? Area { get; set; }

    public static MediaForm From(IFormCollection f) => new()
    {
        Source = f["source"], Day = f["published-day"], Month = f["published-month"], Year = f["published-year"], Headline = f["headline"],
        Url = f["url"], Tone = f["tone"], Groups = f["groups"], Area = f["area"],
    };

    public static MediaForm Of(MediaItem m, string? areaCode) => new()
    {
        Source = m.Source, Day = m.PublishedOn.Day.ToString(CultureInfo.InvariantCulture), Month = m.PublishedOn.Month.ToString(CultureInfo.InvariantCulture),
        Year = m.PublishedOn.Year.ToString(CultureInfo.InvariantCulture), Headline = m.Headline, Url = m.Url, Tone = m.Tone.ToString().ToLowerInvariant(),
        Groups = m.GroupsMentioned, Area = areaCode,
    };

    /// <summary>Sets the checked values on the item; false (with the problems reported) when any field is wrong.</summary>
    public bool ApplyTo(MediaItem m, PlaceDirectory places, DateOnly today, Action<string, string> fail)
    {
        var failed = false;
        void Fail(string f, string message) { failed = true; fail(f, message); }
        T Take<T>(FieldRules.Read<T> r, string field) { if (r.Problem is { } p) Fail(field, p); return r.Value; }
        var source = Take(FieldRules.Text(Source, "Source", TensionLimits.SourceLength, required: true), "source");
        var day = Take(FieldRules.Date(Day, Month, Year, "The date it was published"), "published");
        if (day is null && !failed) Fail("published", "Enter the date it was published");
        else if (day is { } d && d > today) Fail("published", $"The date it was published cannot be in the future (you entered '{Day}/{Month}/{Year}')");
        var headline = Take(FieldRules.Text(Headline, "Headline", TensionLimits.HeadlineLength, required: true), "headline");
        var url = Take(FieldRules.Url(Url, "Link", TensionLimits.UrlLength), "url");
        var tone = TensionWords.Parse<MediaTone>(Tone);
        if (tone is null || int.TryParse(Tone, out _)) Fail("tone", string.IsNullOrWhiteSpace(Tone) ? "Choose the tone" : $"Tone must be negative, neutral or positive (you sent '{FieldRules.Clip(Tone)}')");
        var groups = Take(FieldRules.Text(Groups, "Groups mentioned", TensionLimits.GroupsLength), "groups");
        int? areaId = null;
        if (!string.IsNullOrWhiteSpace(Area))
        {
            if (places.Find(Area.Trim()) is { } a && ReportPlaces.Reportable(a)) areaId = a.Id;
            else Fail("area", $"Area must be the district or one of its wards (you chose '{FieldRules.Clip(Area)}')");
        }
        if (failed) return false;
        (m.Source, m.PublishedOn, m.Headline, m.Url, m.Tone, m.GroupsMentioned, m.AreaId) = (source!, day!.Value, headline!, url, tone!.Value, groups, areaId);
        return true;
    }
}

/// <summary>What the media item fields partial needs.</summary>
public sealed record MediaFieldsView(MediaForm Form, IReadOnlyList<FieldError> Errors, IReadOnlyList<Cohesion.Admin.Choice> Areas)
{
    public FieldError? Error(string field) => Errors.FirstOrDefault(e => e.FieldId == field);
}
