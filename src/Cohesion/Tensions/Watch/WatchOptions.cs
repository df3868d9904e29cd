using System.ComponentModel.DataAnnotations;

namespace Cohesion.Tensions.Watch;

/// <summary>How early warning runs: <c>Cohesion:Tensions</c> (the reports side binds its own settings from the same section).</summary>
public sealed class WatchOptions
{
    public const string Section = "Cohesion:Tensions";

    /// <summary>How often detection runs when nothing wakes it (reports also wake it, after <see cref="DetectDebounce"/>).</summary>
    public TimeSpan DetectEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long to wait after a report before running, so a burst (an import) costs one run.</summary>
    public TimeSpan DetectDebounce { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>noufaily (default), farrington, ears-c2 or ears-c3; with too little history the Farrington family falls back to EARS C3.</summary>
    [RegularExpression("^(noufaily|farrington|ears-c2|ears-c3)$")]
    public string Method { get; set; } = "noufaily";

    /// <summary>One-sided level of the upper bound. 0.01 rather than R's 0.05: a partnership watches a hundred or so series each week, and at 0.05 it would get an alarm somewhere most weeks with nothing behind it.</summary>
    [Range(0.0001, 0.2)] public double Alpha { get; set; } = 0.01;

    /// <summary>Complete weeks before the current one that each run looks at again (late reports can still tip them).</summary>
    [Range(0, 104)] public int WeeksBack { get; set; } = 4;

    /// <summary>Clear weeks after an episode's last alarm before a new alarm on the series is a new episode (and a new alert).</summary>
    [Range(1, 52)] public int ClearWeeks { get; set; } = 2;

    /// <summary>Series monitored: see <see cref="MonitoredSeries"/> for the patterns.</summary>
    public string[] Series { get; set; } = [.. MonitoredSeries.Defaults];

    /// <summary>The district's monitoring organisation by name (owner of public reports); default the first Council organisation.</summary>
    public string? MonitoringOrganisation { get; set; }
}

/// <summary>An SMTP server for e-mail copies of alerts (<c>Cohesion:Smtp</c>); none when Host is empty.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Cohesion:Smtp";
    public string? Host { get; set; }
    [Range(1, 65535)] public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    [EmailAddress] public string From { get; set; } = "cohesion@localhost";
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>The address the app is reached at, for links in e-mails (e.g. https://cohesion.example.gov.uk).</summary>
    public string? SiteUrl { get; set; }
    [Range(1, 300)] public int TimeoutSeconds { get; set; } = 30;
}
