using System.Globalization;
using Cohesion.Admin;
using Cohesion.Assets.Editing;
using Cohesion.Places;
using Cohesion.Tensions.Model;

namespace Cohesion.Tensions.Reports;

/// <summary>
/// The checks every way in (form, CSV, API, public form) makes of a report's fields, so they refuse the same things in
/// the same words: each names the field and repeats the value. <paramref name="fail"/> receives the field, the value as
/// given and the message.
/// </summary>
public sealed class ReportCheck(PlaceDirectory places, Strands enabled, DateTime nowUtc, Action<string, string?, string> fail)
{
    /// <summary>Clocks differ a little; a report of something "just now" from a fast clock is not from the future.</summary>
    static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public Strands Enabled => enabled;

    /// <summary>An ISO 8601 date and time; with Z or an offset it is that instant, without one it is UK local time.</summary>
    public DateTime? OccurredIso(string? raw, string field, string label = "When it happened")
    {
        var s = raw?.Trim() ?? "";
        if (s.Length == 0) { fail(field, raw, $"Enter {label.ToLowerInvariant()}"); return null; }
        DateTime utc;
        if (DateTimeOffset.TryParseExact(s, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var o) && HasZone(s))
            utc = o.UtcDateTime;
        else if (DateTime.TryParseExact(s, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            utc = UkTime.FromUk(local);
        else { fail(field, raw, $"{label} must be an ISO 8601 date and time like 2026-03-27T18:30:00Z (you entered '{FieldRules.Clip(s)}')"); return null; }
        return Bounded(utc, field, s, label);
    }

    static bool HasZone(string s) => s.EndsWith('Z') || s.EndsWith('z') || (s.Length > 6 && s[^6] is '+' or '-' && s[^3] == ':');

    /// <summary>A UK calendar date and time of day (the form's date input and time box).</summary>
    public DateTime? Occurred(DateOnly? day, TimeOnly? time, string field, string typed)
    {
        if (day is null) { fail(field, null, "Enter the date it happened"); return null; }
        return Bounded(UkTime.FromUk(day.Value.ToDateTime(time ?? TimeOnly.MinValue)), field, typed, "When it happened");
    }

    DateTime? Bounded(DateTime utc, string field, string typed, string label)
    {
        if (utc > nowUtc + Skew) { fail(field, typed, $"{label} cannot be in the future (you entered '{FieldRules.Clip(typed)}')"); return null; }
        if (utc < Earliest) { fail(field, typed, $"{label} must be in 2000 or later (you entered '{FieldRules.Clip(typed)}')"); return null; }
        return utc;
    }

    /// <summary>A known district, ward or small area (by code).</summary>
    public AreaInfo? Area(string? raw, string field, string label = "Area")
    {
        var s = raw?.Trim() ?? "";
        if (s.Length == 0) { fail(field, raw, $"Choose the {label.ToLowerInvariant()} it happened in"); return null; }
        if (places.Find(s) is { } a && ReportPlaces.Reportable(a)) return a;
        fail(field, raw, $"{label} must be the code of a district, ward or small area (LSOA) Cohesion knows (you entered '{FieldRules.Clip(s)}')");
        return null;
    }

    public ReportType? Type(string? raw, string field)
    {
        var s = raw?.Trim() ?? "";
        if (s.Length == 0) { fail(field, raw, "Choose what kind of report it is"); return null; }
        if (TensionWords.Parse<ReportType>(s) is { } t && !int.TryParse(s, out _)) return t;
        fail(field, raw, $"Type must be one of {string.Join(", ", Enum.GetValues<ReportType>().Select(x => x.Code()))} (you entered '{FieldRules.Clip(s)}')");
        return null;
    }

    public Strands Strands(IEnumerable<string?> raw, string field)
    {
        var s = Model.Strands.None;
        foreach (var code in raw.Select(r => r?.Trim() ?? "").Where(r => r.Length > 0))
        {
            if (TensionWords.Parse<Strands>(code) is { } one && one != Model.Strands.None && !int.TryParse(code, out _) && (enabled & one) == one) s |= one;
            else fail(field, code, $"Strand must be one of {string.Join(", ", TensionWords.Each(enabled).Select(TensionWords.Code))} (you entered '{FieldRules.Clip(code)}')");
        }
        return s;
    }

    public TensionFactors Factors(IEnumerable<string?> raw, string field)
    {
        var f = TensionFactors.None;
        foreach (var code in raw.Select(r => r?.Trim() ?? "").Where(r => r.Length > 0))
        {
            if (TensionWords.Parse<TensionFactors>(code) is { } one && one != TensionFactors.None && !int.TryParse(code, out _)) f |= one;
            else fail(field, code, $"Tension factor must be one of {string.Join(", ", TensionWords.Each((TensionFactors)255).Select(TensionWords.Code))} (you entered '{FieldRules.Clip(code)}')");
        }
        return f;
    }

    /// <summary>Partner or media monitoring: public reports come only through the public form.</summary>
    public ReportSource? Source(string? raw, string field)
    {
        var s = raw?.Trim() ?? "";
        if (s.Length == 0) return ReportSource.Partner;
        if (TensionWords.Parse<ReportSource>(s) is { } src && src != ReportSource.PublicForm && !int.TryParse(s, out _)) return src;
        fail(field, raw, $"Source must be partner or media-monitoring (you entered '{FieldRules.Clip(s)}')");
        return null;
    }

    public string? Description(string? raw, string field, string label = "Description") =>
        Take(FieldRules.Text(raw, label, TensionLimits.DescriptionLength, required: true), field, raw);

    public string? Location(string? raw, string field, string label = "Exact location") =>
        Take(FieldRules.Text(raw, label, TensionLimits.LocationLength), field, raw);

    public int? People(string? raw, string field) =>
        Take(FieldRules.Whole(raw, "People affected", 0, TensionLimits.MaxPeopleAffected), field, raw);

    /// <summary>Both coordinates or neither, in WGS84 degrees within Great Britain's range.</summary>
    public (double? Lat, double? Lon) Coordinates(string? lat, string? lon, string latField, string lonField)
    {
        var la = Take(FieldRules.Degrees(lat, "Latitude", 49, 61), latField, lat);
        var lo = Take(FieldRules.Degrees(lon, "Longitude", -9, 2), lonField, lon);
        if ((la is null) != (lo is null) && string.IsNullOrWhiteSpace(la is null ? lat : lon))
            fail(la is null ? latField : lonField, null, "Give both latitude and longitude, or neither");
        return la is not null && lo is not null ? (la, lo) : (null, null);
    }

    public ReporterInput? Reporter(string? name, string? email, string? phone, bool mayContact, string prefix)
    {
        var n = Take(FieldRules.Text(name, "Reporter's name", TensionLimits.NameLength), prefix + "name", name);
        var e = Take(FieldRules.Email(email, "Reporter's email address", TensionLimits.EmailLength), prefix + "email", email);
        var p = Take(FieldRules.UkPhone(phone, "Reporter's phone number", TensionLimits.PhoneLength), prefix + "phone", phone);
        var r = new ReporterInput(n, e, p, mayContact);
        return r.IsEmpty ? null : r;
    }

    public string? ClientId(string? raw, string field, bool required)
    {
        var t = FieldRules.Text(raw, "Client id", TensionLimits.ClientIdLength, required);
        if (t.Value is { } s && s.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            fail(field, raw, $"Client id must not hold spaces or control characters (you entered '{FieldRules.Clip(s)}')");
            return null;
        }
        return Take(t, field, raw);
    }

    T Take<T>(FieldRules.Read<T> read, string field, string? raw)
    {
        if (read.Problem is { } p) fail(field, raw, p);
        return read.Value;
    }
}
