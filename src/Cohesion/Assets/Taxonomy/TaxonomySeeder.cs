using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Taxonomy;

/// <summary>
/// Adds any of Cohesion's seeded taxonomy terms the database lacks when the app starts (a few dozen rows: cheap),
/// so a new term in a release reaches existing installations without a data migration.
/// </summary>
public sealed class TaxonomySeeder(IServiceScopeFactory scopes, ILogger<TaxonomySeeder> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohesionDb>();
        try
        {
            await EnsureAsync(db, ct);
        }
        catch (DbUpdateException e)
        {
            // Another app node seeded at the same moment; its rows are the same rows.
            log.LogInformation(e, "Seeded taxonomy terms were added by another node");
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public static async Task<int> EnsureAsync(CohesionDb db, CancellationToken ct)
    {
        var (taxonomies, terms) = CohesionTaxonomy.Entities();
        var haveTaxonomies = await db.AssetTaxonomies.Select(t => t.Id).ToListAsync(ct);
        var haveTerms = (await db.AssetTaxonomyTerms.Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        db.AssetTaxonomies.AddRange(taxonomies.Where(t => !haveTaxonomies.Contains(t.Id)));
        var missing = terms.Where(t => !haveTerms.Contains(t.Id)).ToList();
        db.AssetTaxonomyTerms.AddRange(missing);
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }
}
