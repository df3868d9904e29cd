using Cohesion.Tensions.Model;

namespace Cohesion.Tensions.Reports;

/// <summary>Plain words for the report enums the model's <see cref="TensionWords"/> does not cover.</summary>
public static class ReportWords
{
    public static string Source(ReportSource s) => s switch
    {
        ReportSource.PublicForm => "Public report form",
        ReportSource.MediaMonitoring => "Media monitoring",
        _ => "Partner organisation",
    };

    public static string SourceCode(ReportSource s) => s switch
    {
        ReportSource.PublicForm => "public-form",
        ReportSource.MediaMonitoring => "media-monitoring",
        _ => "partner",
    };

    public static string Channel(ReportChannel c) => c switch
    {
        ReportChannel.CsvImport => "CSV import",
        ReportChannel.Api => "the API",
        ReportChannel.PublicForm => "the public form",
        ReportChannel.Demo => "the demo (synthetic)",
        _ => "the form",
    };

    public static string Triage(ReportTriage t) => t switch
    {
        ReportTriage.Pending => "Waiting for triage",
        ReportTriage.Rejected => "Rejected at triage",
        _ => "Accepted",
    };
}
