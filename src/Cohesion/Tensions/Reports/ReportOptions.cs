using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tensions.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Reports;

/// <summary>
/// The reporting settings of <c>Cohesion:Tensions</c>: which organisation owns what the public reports (the district's
/// monitoring organisation), which strands beyond the five monitored nationally are enabled here, and how many API
/// submissions one key may make a minute.
/// </summary>
public sealed class ReportOptions
{
    public const string Section = "Cohesion:Tensions";

    /// <summary>An organisation's name; empty means the first Council organisation.</summary>
    public string? MonitoringOrganisation { get; set; }

    /// <summary>Locally enabled strands as codes separated by ";" or "," (age; sex-or-gender; migration-status; other).</summary>
    public string? LocalStrands { get; set; }

    /// <summary>Requests one API key may make a minute (a partner's system sending a backlog is fine; a loop is not).</summary>
    public int ApiPermitPerMinute { get; set; } = 600;

    /// <summary>The strands reports may carry here: the monitored five and the locally enabled ones.</summary>
    public Strands Enabled()
    {
        var s = TensionWords.Monitored;
        foreach (var code in (LocalStrands ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (TensionWords.Parse<Strands>(code) is { } one) s |= one;
        return s;
    }

    /// <summary>The organisation that owns public reports and triages them, or null when there is none to own them.</summary>
    public async Task<int?> MonitoringOrganisationIdAsync(CohesionDb db, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(MonitoringOrganisation))
            return await db.Organisations.Where(o => o.Name == MonitoringOrganisation.Trim()).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        return await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
    }
}
