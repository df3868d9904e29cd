using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace Cohesion.Analytics.Disclosure;

/// <summary>The kinds of personal data the screen looks for in free text.</summary>
public enum PersonalDataKind
{
    /// <summary>An e-mail address, written normally (jo@example.org) or spelled out (jo at example dot org).</summary>
    Email,
    /// <summary>A UK telephone number: 0 or +44 followed by 9 or 10 digits, with spaces, dashes, dots or brackets.</summary>
    Phone,
    /// <summary>A full UK postcode (OL1 1AA); an outward code alone (OL1) names a district, not an address.</summary>
    Postcode,
}

/// <summary>Where a piece of personal data was found in a text.</summary>
/// <param name="Kind">What it looks like.</param>
/// <param name="Index">Its first character.</param>
/// <param name="Length">Its length in characters.</param>
public sealed record PersonalDataMatch(PersonalDataKind Kind, int Index, int Length);

/// <summary>
/// Screens free text (survey and Place Standard comments) for the patterns of personal data that people most often
/// type into a comment box: e-mail addresses, UK telephone numbers and full UK postcodes. A comment where any is
/// found is held back from publication until a person has looked at it; <see cref="Redact"/> replaces what was
/// found. The screen is a first pass, not a guarantee: names, house numbers and descriptions of a person are for
/// the moderator to spot.
/// </summary>
/// <remarks>
/// Patterns: e-mail as in RFC 5322's common form (local@domain.tld) plus "at … dot …" spellings ending in a
/// common domain; telephone numbers by the UK numbering plan (Ofcom): a trunk 0 or the country code +44/0044
/// followed by 9 or 10 further digits; postcodes by the Royal Mail format (outward code: area letters, district
/// digit(s) and an optional letter; inward code: a digit and two letters), with the area letters checked against
/// the 124 postcode areas (including the Channel Islands and the Isle of Man), so road names such as "A62 3rd"
/// are not taken for postcodes. An inward code written as a lower-case ordinal (3rd, 5th) is not a postcode.
/// </remarks>
public static partial class PersonalDataScreen
{
    [GeneratedRegex(@"(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b[\w.+-]+\s*(?:\(at\)|\[at\]|\bat\b)\s*[\w-]+(?:\s*(?:\(dot\)|\[dot\]|\bdot\b|\.)\s*[\w-]+)*\s*(?:\(dot\)|\[dot\]|\bdot\b|\.)\s*(?:com|org|net|uk|co\s*(?:\(dot\)|\[dot\]|\bdot\b|\.)\s*uk|gov|ac|edu|io|me|info)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpelledEmailPattern();

    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|\b00)\s*44\s*(?:\(\s*0\s*\)\s*)?|\(?\s*0)(?:[\s\-.()]{0,2}\d){9,10}(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b([A-Za-z]{1,2})([0-9][A-Za-z0-9]?)[ \t]*([0-9])([A-Za-z]{2})\b")]
    private static partial Regex PostcodePattern();

    /// <summary>The UK postcode areas (Royal Mail), with GY, JE and IM.</summary>
    static readonly FrozenSet<string> PostcodeAreas = (
        "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX " +
        "FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN " +
        "NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB " +
        "W WA WC WD WF WN WR WS WV YO ZE").Split(' ').ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    static readonly string[] Ordinals = ["st", "nd", "rd", "th"];

    /// <summary>Every piece of personal data found, in order of position, none overlapping another.</summary>
    public static IReadOnlyList<PersonalDataMatch> Scan(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<PersonalDataMatch>();
        foreach (Match m in EmailPattern().Matches(text)) found.Add(new(PersonalDataKind.Email, m.Index, m.Length));
        foreach (Match m in SpelledEmailPattern().Matches(text)) found.Add(new(PersonalDataKind.Email, m.Index, m.Length));
        foreach (Match m in PhonePattern().Matches(text))
        {
            // The pattern may take spaces between an opening bracket and the 0; an opening bracket stays with the number.
            var start = m.Index + (m.Length - m.Value.TrimStart(' ', '\t').Length);
            found.Add(new(PersonalDataKind.Phone, start, m.Index + m.Length - start));
        }
        foreach (Match m in PostcodePattern().Matches(text))
        {
            if (!PostcodeAreas.Contains(m.Groups[1].Value)) continue;
            if (Ordinals.Contains(m.Groups[4].Value, StringComparer.Ordinal)) continue;
            found.Add(new(PersonalDataKind.Postcode, m.Index, m.Length));
        }
        // Overlaps (an e-mail address holding digits, a spelled address caught twice): the earliest, then the longest, wins.
        found.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : b.Length.CompareTo(a.Length));
        var kept = new List<PersonalDataMatch>(found.Count);
        var end = 0;
        foreach (var f in found)
        {
            if (f.Index < end) continue;
            kept.Add(f);
            end = f.Index + f.Length;
        }
        return kept;
    }

    /// <summary>Whether the text holds anything that looks like personal data.</summary>
    public static bool Finds(string? text) => Scan(text).Count > 0;

    /// <summary>The kinds found, each once, in <see cref="PersonalDataKind"/> order.</summary>
    public static IReadOnlyList<PersonalDataKind> Kinds(string? text) => Scan(text).Select(m => m.Kind).Distinct().Order().ToList();

    /// <summary>The text with each piece of personal data replaced by a label saying what was removed.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var matches = Scan(text);
        if (matches.Count == 0) return text;
        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var m in matches)
        {
            sb.Append(text, at, m.Index - at).Append(Label(m.Kind));
            at = m.Index + m.Length;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>What stands in a redacted text for each kind.</summary>
    public static string Label(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Email => "[email removed]",
        PersonalDataKind.Phone => "[phone number removed]",
        _ => "[postcode removed]",
    };

    /// <summary>Plain-English name of a kind, for moderators.</summary>
    public static string Describe(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Email => "an email address",
        PersonalDataKind.Phone => "a phone number",
        _ => "a postcode",
    };
}
