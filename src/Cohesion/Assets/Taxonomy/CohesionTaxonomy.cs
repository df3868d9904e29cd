using Cohesion.Assets.Model;

namespace Cohesion.Assets.Taxonomy;

/// <summary>A term of one of Cohesion's seeded taxonomies; <see cref="Parent"/> is the code of its broader term.</summary>
public sealed record SeedTerm(string Code, string Name, string Description, string? Parent = null);

/// <summary>
/// The taxonomies every installation starts with: what an asset is for (the list, with language learning
/// broken down because it is the first thing cohesion work looks for) and whom it is for. Ids are name-based
/// (<see cref="StableId"/>) so they are the same everywhere and survive export and re-import.
/// </summary>
public static class CohesionTaxonomy
{
    public const string ActivityName = "Cohesion community assets";
    public const string AudienceName = "Cohesion audiences";

    public static readonly Guid ActivityId = StableId.For("taxonomy:" + ActivityName);
    public static readonly Guid AudienceId = StableId.For("taxonomy:" + AudienceName);

    public static Guid TermId(Guid taxonomy, string code) => StableId.For($"term:{taxonomy:D}:{code}");

    public static readonly IReadOnlyList<SeedTerm> Activities =
    [
        new("language-learning", "Language learning", "Learning and practising English and other languages."),
        new("esol", "ESOL classes", "English for Speakers of Other Languages: courses at every level, accredited or informal.", "language-learning"),
        new("language-cafe", "Language cafés", "Drop-in sessions where people practise a language over a drink.", "language-learning"),
        new("conversation-club", "Conversation clubs", "Regular groups for practising spoken English or another language.", "language-learning"),
        new("buddy-scheme", "Buddy schemes", "One-to-one language or friendship pairing with a volunteer.", "language-learning"),
        new("mental-health", "Mental health and wellbeing", "Support, peer groups and activities for mental health and wellbeing."),
        new("sport", "Sport and physical activity", "Clubs, classes and sessions for being active."),
        new("arts-culture", "Arts and culture", "Music, drama, crafts, heritage, libraries and festivals."),
        new("faith", "Faith groups", "Places of worship and faith-based community activities."),
        new("youth", "Youth", "Youth clubs, activities and support for young people."),
        new("older-people", "Older people", "Lunch clubs, befriending and activities for older people."),
        new("carers", "Carers", "Support and breaks for unpaid carers."),
        new("disability", "Disability", "Support, groups and accessible activities for disabled people."),
        new("refugee-migrant", "Refugee and migrant support", "Welcome, casework, orientation and community for people new to the country."),
        new("advice", "Advice", "Advice on money, benefits, housing, immigration, employment and rights."),
        new("food", "Food", "Food banks, pantries, community meals and growing."),
        new("volunteering", "Volunteering", "Ways to volunteer and organisations that place volunteers."),
        new("community-space", "Community spaces and halls", "Halls, centres and rooms people can use or hire."),
        new("green-space", "Green spaces", "Parks, gardens, allotments and nature reserves."),
        new("social-prescribing", "Social prescribing link workers", "Link workers who connect people to community support."),
    ];

    public static readonly IReadOnlyList<SeedTerm> Audiences =
    [
        new("everyone", "Everyone", "Open to all."),
        new("children", "Children", "Under 12s (with their families where needed)."),
        new("young-people", "Young people", "Roughly 11 to 25."),
        new("families", "Families", "Parents, carers and their children together."),
        new("older-people", "Older people", "Roughly 60 and over."),
        new("women", "Women", "Women-only provision."),
        new("men", "Men", "Men-only provision."),
        new("lgbtq", "LGBTQ+ people", "Lesbian, gay, bisexual, trans and queer people."),
        new("disabled-people", "Disabled people", "Provision designed with and for disabled people."),
        new("carers", "Carers", "Unpaid carers."),
        new("refugees-asylum-seekers", "Refugees and asylum seekers", "People seeking or granted protection."),
        new("new-arrivals", "New arrivals", "Anyone new to the area or the country."),
        new("faith-communities", "Faith communities", "Members of a particular faith, or people of any faith."),
    ];

    /// <summary>The seeded taxonomies and their terms as entities, parents before children.</summary>
    public static (List<Model.Taxonomy> Taxonomies, List<TaxonomyTerm> Terms) Entities()
    {
        var taxonomies = new List<Model.Taxonomy>
        {
            new() { Id = ActivityId, Name = ActivityName, Description = "What a community asset is for: Cohesion's seeded classification.", Version = "1" },
            new() { Id = AudienceId, Name = AudienceName, Description = "Whom a community asset is for: Cohesion's seeded classification.", Version = "1" },
        };
        var terms = new List<TaxonomyTerm>();
        foreach (var (taxonomy, list) in new[] { (ActivityId, Activities), (AudienceId, Audiences) })
            terms.AddRange(list.Select(t => new TaxonomyTerm
            {
                Id = TermId(taxonomy, t.Code), TaxonomyId = taxonomy, Code = t.Code, Name = t.Name, Description = t.Description,
                ParentId = t.Parent is null ? null : TermId(taxonomy, t.Parent),
            }));
        return (taxonomies, terms);
    }
}
