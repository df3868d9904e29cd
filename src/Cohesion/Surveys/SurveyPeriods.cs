using System.Globalization;
using System.Text.RegularExpressions;

namespace Cohesion.Surveys;

/// <summary>
/// Orders survey periods as people write them ("2024", "Spring 2025", "Autumn 2025", "2025 Q3", "March 2025"): by the
/// first four-digit year, then by the part of the year a word names (a whole year first), then as text. An ordinal
/// sort would put "Autumn 2025" before "Spring 2025" and both before "2024" written as "Winter 2024".
/// </summary>
public static partial class SurveyPeriods
{
    public static readonly IComparer<string> Comparer = Comparer<string>.Create(Compare);

    public static int Compare(string? a, string? b)
    {
        var (ya, pa) = Key(a ?? "");
        var (yb, pb) = Key(b ?? "");
        var c = ya.CompareTo(yb);
        if (c == 0) c = pa.CompareTo(pb);
        return c != 0 ? c : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The year (int.MaxValue when there is none, so such periods come last) and the month the period's words point to (0 = the whole year).</summary>
    public static (int Year, int Month) Key(string period)
    {
        var year = YearPattern().Match(period) is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : int.MaxValue;
        var text = period.ToLowerInvariant();
        var month = 0;
        for (var i = 0; i < Months.Length && month == 0; i++)
            if (text.Contains(Months[i], StringComparison.Ordinal)) month = i + 1;
        if (month == 0 && QuarterPattern().Match(text) is { Success: true } q) month = 3 * int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture) - 1;
        if (month == 0) month = Seasons.FirstOrDefault(s => text.Contains(s.Word, StringComparison.Ordinal)).Month;
        return (year, month);
    }

    static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    static readonly (string Word, int Month)[] Seasons = [("spring", 4), ("summer", 7), ("autumn", 10), ("fall", 10), ("winter", 12)];

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"\bq([1-4])\b")]
    private static partial Regex QuarterPattern();
}
