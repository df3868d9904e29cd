namespace Cohesion.Assets.Csv;

/// <summary>What each column of the directory CSV holds, for the import page (docs/assets.md says the same).</summary>
public static class AssetCsvHelp
{
    public static readonly IReadOnlyList<(string Column, string Holds)> Columns =
    [
        ("id", "Blank for a new record; the record's id (a UUID, as exported) to update it. A new id of your own is kept."),
        ("kind", "service (blank), space, or offer. Offers can only be updated: a new one needs the offerer's consent, recorded with the form."),
        ("name", "Required, up to 200 characters."),
        ("organisation", "Required: who runs it. A name the directory does not have adds the organisation."),
        ("description", "Up to 4,000 characters; line breaks allowed."),
        ("url", "A web address starting https:// or http://."),
        ("email", "An email address (left blank, and ignored, for offers: their contact details are never in a file)."),
        ("phone", "A telephone number: digits, spaces, + ( ) and - (ignored for offers)."),
        ("status", "active (blank), inactive, defunct or temporarily closed."),
        ("address_1", "First line of the address."),
        ("town", "Town or city."),
        ("postcode", "Up to 10 characters."),
        ("latitude", "WGS84 decimal degrees, for example 53.5409; with longitude, places the record on the map and in its area."),
        ("longitude", "WGS84 decimal degrees, for example -2.1114."),
        ("activity_terms", "Codes of what it is for, separated by ; for example esol;refugee-migrant."),
        ("audience_terms", "Codes of whom it is for, separated by ; for example women;new-arrivals."),
        ("languages", "ISO 639 codes of the languages it is offered in, separated by ; for example en;ur;bn."),
        ("min_age", "Youngest age it is for, 0 to 120; blank for no limit."),
        ("max_age", "Oldest age it is for, 0 to 120, not below min_age; blank for no limit."),
        ("free", "yes or no (blank is no)."),
        ("cost", "What it costs, in words, up to 500 characters."),
        ("opening_times", "When it runs, separated by ; as Mon 10:00-12:00, Mon,Wed 18:30-20:30, 1st Tue 18:00-20:00, last Fri 18:00-20:00 or 2026-03-14 14:00-16:00."),
        ("capacity", "Spaces: how many people it holds, a whole number."),
        ("booking", "Spaces: how to book, up to 500 characters."),
        ("last_checked", "The day the details were last checked, as yyyy-mm-dd, not in the future."),
        ("maintainer", "The partner organisation whose staff keep it up to date, as named in Cohesion; blank for the directory's own staff."),
    ];
}
