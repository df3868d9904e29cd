using Cohesion.Assets;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohesion.Tests.Assets;

/// <summary>The seeded taxonomies: there on first start with stable ids, and seeding again adds nothing.</summary>
public class TaxonomyTests
{
    [Fact]
    public void StableIdsAreRfc9562NameBasedUuids()
    {
        // Python's uuid.uuid5 with Cohesion's namespace gives the same id, so other tools can work ids out too.
        Assert.Equal(new Guid("5db8dd95-9ca0-5803-a58a-c8d80a65aabd"), StableId.For("taxonomy:Cohesion community assets"));
        Assert.Equal(CohesionTaxonomy.ActivityId, StableId.For("taxonomy:" + CohesionTaxonomy.ActivityName));
    }

    [Theory]
    [BothProviders]
    public async Task FirstStartSeedsBothTaxonomiesOnceWithEveryTermTheIssueNames(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohesionDb>();
        var terms = await db.AssetTaxonomyTerms.Where(t => t.TaxonomyId == CohesionTaxonomy.ActivityId).ToListAsync();
        Assert.Equal(CohesionTaxonomy.Activities.Count, terms.Count);
        foreach (var name in new[] { "ESOL classes", "Language cafés", "Conversation clubs", "Buddy schemes", "Mental health and wellbeing",
                     "Sport and physical activity", "Arts and culture", "Faith groups", "Youth", "Older people", "Carers", "Disability",
                     "Refugee and migrant support", "Advice", "Food", "Volunteering", "Community spaces and halls", "Green spaces",
                     "Social prescribing link workers" })
            Assert.Contains(terms, t => t.Name == name);
        var esol = terms.Single(t => t.Code == "esol");
        Assert.Equal(terms.Single(t => t.Code == "language-learning").Id, esol.ParentId);
        Assert.Equal(CohesionTaxonomy.Audiences.Count, await db.AssetTaxonomyTerms.CountAsync(t => t.TaxonomyId == CohesionTaxonomy.AudienceId));

        Assert.Equal(0, await TaxonomySeeder.EnsureAsync(db, CancellationToken.None));
        Assert.Equal(2, await db.AssetTaxonomies.CountAsync());
    }
}
