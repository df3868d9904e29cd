using Cohesion.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Assets.Csv;

/// <summary>
/// The directory's CSV exchange: the download is open (published records; offers for signed-in staff only); the
/// upload can change many records at once, so it needs an analyst or administrator, and each row still only changes a
/// record the user may edit (<see cref="AssetAccess"/>).
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
