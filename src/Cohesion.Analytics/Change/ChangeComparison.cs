namespace Cohesion.Analytics.Change;

/// <summary>
/// How a figure compares with an earlier one: against the previous period, or against the same period a year
/// earlier (which removes seasonal patterns such as the September intake of students).
/// </summary>
public static class ChangeComparison
{
    /// <summary>
    /// Difference = now − before; percent change = 100 × (now − before) / before. Both null when either figure
    /// is missing (null or NaN: not available or withheld); the percent change is also null when before is 0,
    /// where a percentage has no meaning.
    /// </summary>
    public static (double? Difference, double? PercentChange) Against(double? now, double? before)
    {
        if (now is not { } n || before is not { } b || double.IsNaN(n) || double.IsNaN(b)) return (null, null);
        var difference = n - b;
        return (difference, b == 0 ? null : 100 * difference / b);
    }

    /// <summary>
    /// The key of the period before <paramref name="key"/>. Consecutive periods have consecutive keys whatever
    /// their length (see <see cref="Periods"/>), so this is key − 1: December 2023 before January 2024,
    /// 2023-Q4 before 2024-Q1.
    /// </summary>
    public static int PreviousPeriod(int key) => key - 1;

    /// <summary>
    /// The key of the same period a year earlier: key − 12 for months, − 4 for quarters, − 1 for years (for
    /// years it is the previous period).
    /// </summary>
    public static int YearEarlier(PeriodKind kind, int key) => key - Periods.PerYear(kind);

    /// <summary>
    /// The figure for period <paramref name="key"/> in a series that starts at <paramref name="firstKey"/>, or
    /// null when the period lies outside the series or its figure is NaN.
    /// </summary>
    public static double? At(ReadOnlySpan<double> series, int firstKey, int key)
    {
        var i = key - firstKey;
        return i < 0 || i >= series.Length || double.IsNaN(series[i]) ? null : series[i];
    }
}
