using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Reports;

/// <summary>What the report pages share: the viewer, the place directory, the settings, and the wake-up for detection.</summary>
public abstract class ReportPage(CohesionDb db, AreaStatsCache places, IOptions<ReportOptions> options, DetectionSignal signal) : AdminPage
{
    protected CohesionDb Db => db;
    protected DetectionSignal Signal => signal;
    public ReportOptions Options => options.Value;
    public ReportViewer Viewer { get; private set; } = ReportViewer.Nobody;
    public PlaceDirectory Places { get; private set; } = null!;

    protected async Task LoadViewerAsync(CancellationToken ct)
    {
        Viewer = await ReportViewer.OfAsync(db, User, ct);
        Places = await places.DirectoryAsync(db, ct);
    }

    public static string Link(Guid id) => $"/tensions/reports/{id:D}";

    protected ReportCheck Check() => new(Places, Options.Enabled(), DateTime.UtcNow, (field, _, message) => Fail(field, message));

    /// <summary>A report the viewer can see, by its reference (the first eight hex digits) or its full id; null when none or more than one match.</summary>
    protected async Task<Func<string, Guid?>> ReferencesAsync(string? typed, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(typed)) return _ => null;
        var ids = await db.TensionReports.AsNoTracking().Visible(Viewer).Select(r => r.Id).ToListAsync(ct);
        return reference =>
        {
            if (Guid.TryParse(reference, out var full)) return ids.Contains(full) ? full : null;
            var prefix = reference.Trim().ToUpperInvariant();
            if (prefix.Length != 8) return null;
            var hits = ids.Where(i => ReportAccess.Reference(i) == prefix).Take(2).ToList();
            return hits.Count == 1 ? hits[0] : null;
        };
    }

    public ReportFieldsView Fields(ReportForm form, bool showReporter) =>
        new(form, Errors, ReportPlaces.Choices(Places), Options.Enabled(), showReporter);
}

/// <summary>What the report fields partial needs.</summary>
public sealed record ReportFieldsView(ReportForm Form, IReadOnlyList<FieldError> Errors, IReadOnlyList<ReportPlaces.Group> Areas, Strands Enabled, bool ShowReporter)
{
    public FieldError? Error(string field) => Errors.FirstOrDefault(e => e.FieldId == field);
}
