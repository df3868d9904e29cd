namespace Cohesion.Analytics.Change;

/// <summary>The length of a reporting period.</summary>
public enum PeriodKind
{
    /// <summary>Calendar month, labelled 2024-03.</summary>
    Month,
    /// <summary>Calendar quarter, labelled 2024-Q1.</summary>
    Quarter,
    /// <summary>Calendar year, labelled 2024.</summary>
    Year,
}

/// <summary>
/// Calendar periods as integer keys (month: 12·year + month − 1; quarter: 4·year + quarter − 1; year: year),
/// so that consecutive periods have consecutive keys.
/// </summary>
public static class Periods
{
    /// <summary>The key of the period that contains a date.</summary>
    public static int Key(PeriodKind kind, DateOnly d) => Key(kind, d.Year, d.Month);

    /// <summary>The key of the period that contains a month of a year, for readers that parse dates themselves.</summary>
    public static int Key(PeriodKind kind, int year, int month) => kind switch
    {
        PeriodKind.Month => year * 12 + month - 1,
        PeriodKind.Quarter => year * 4 + (month - 1) / 3,
        _ => year,
    };

    /// <summary>"2024-03", "2024-Q1" or "2024".</summary>
    public static string Label(PeriodKind kind, int key) => kind switch
    {
        PeriodKind.Month => $"{key / 12:D4}-{key % 12 + 1:D2}",
        PeriodKind.Quarter => $"{key / 4:D4}-Q{key % 4 + 1}",
        _ => $"{key:D4}",
    };

    /// <summary>The first day of the period.</summary>
    public static DateOnly Start(PeriodKind kind, int key) => kind switch
    {
        PeriodKind.Month => new DateOnly(key / 12, key % 12 + 1, 1),
        PeriodKind.Quarter => new DateOnly(key / 4, key % 4 * 3 + 1, 1),
        _ => new DateOnly(key, 1, 1),
    };

    /// <summary>The last day of the period.</summary>
    public static DateOnly End(PeriodKind kind, int key) => Start(kind, key + 1).AddDays(-1);

    /// <summary>The number of periods a year, for "the same period a year earlier".</summary>
    public static int PerYear(PeriodKind kind) => kind switch { PeriodKind.Month => 12, PeriodKind.Quarter => 4, _ => 1 };
}

/// <summary>The age bands used for registrations: age at the end of the period.</summary>
public static class AgeBands
{
    /// <summary>Band labels, youngest first; index = <see cref="Of"/>.</summary>
    public static readonly string[] Labels = ["0-4", "5-15", "16-24", "25-44", "45-64", "65+"];

    /// <summary>The band index for an age in whole years; ages below 0 (born after the period) return −1.</summary>
    public static int Of(int age) => age switch
    {
        < 0 => -1,
        <= 4 => 0,
        <= 15 => 1,
        <= 24 => 2,
        <= 44 => 3,
        <= 64 => 4,
        _ => 5,
    };
}
