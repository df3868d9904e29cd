using Cohesion.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Assets.Csv;

/// <summary>
/// The directory's CSV exchange: the download is open (published records; offers for signed-in staff only); the
/// upload changes records across the whole directory, so it needs an analyst or administrator.
/// </summary>
public static class CsvSetup
{
    public static IServiceCollection AddAssetCsv(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Assets/Csv/Import", Policies.Analyst));
        return services;
    }

    public static void MapAssetCsv(this WebApplication app) => app.MapAssetCsvExport();
}
