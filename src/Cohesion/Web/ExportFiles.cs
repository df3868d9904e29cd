using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Data;

namespace Cohesion.Web;

/// <summary>Downloads of tables: every one is written to the audit log (who, what, when, under which policy) before it is sent.</summary>
public static class ExportFiles
{
    /// <summary>Who exported it and when: the last line of every download's notes.</summary>
    public static (string, string) Exported(string actor) =>
        ("Exported", DateTime.UtcNow.ToString("dd/MM/yyyy HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB")) + " by " + actor);

    /// <param name="name">The file name without "cohesion-" and the extension; also the audit target.</param>
    /// <param name="detail">Rows, filters and the disclosure policy the figures were released under.</param>
    public static async Task<IResult> AuditedAsync(HttpContext http, CohesionDb db, ExportTable export, string name, string format, string detail, CancellationToken ct)
    {
        db.Record(http.Actor(), AuditActions.Export, $"{name}.{format}", detail, http.Ip());
        await db.SaveChangesAsync(ct);
        var file = $"cohesion-{name.Replace(':', '-').Replace('/', '-')}.{format}";
        return format == "csv"
            ? Results.File(TableExport.Csv(export), "text/csv; charset=utf-8", file)
            : Results.File(TableExport.Xlsx(export), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file);
    }
}
