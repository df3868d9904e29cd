namespace Cohesion.Assets.Model;

/// <summary>Who keeps a record up to date and how current it is: every directory record carries these.</summary>
public interface IStewarded
{
    /// <summary>The Cohesion partner organisation whose staff maintain it (null: the directory's own staff).</summary>
    int? MaintainerOrganisationId { get; set; }
    DateOnly? LastCheckedOn { get; set; }
    ReviewStatus Review { get; set; }
}

/// <summary>
/// One directory entry: a service or activity (HSDS service), a resident's offer, or a space to use. Its parts
/// (locations, schedules, languages, costs, contacts, terms) hang off it and are versioned with it
/// (<see cref="AssetRevision"/>).
/// </summary>
public sealed class Service : IStewarded
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public AssetOrganisation? Organisation { get; set; }
    public AssetKind Kind { get; set; }
    public required string Name { get; set; }
    public string? AlternateName { get; set; }
    public string Description { get; set; } = "";
    public string? Url { get; set; }
    public string? Email { get; set; }
    public ServiceStatus Status { get; set; } = ServiceStatus.Active;
    public Publication Publication { get; set; } = Publication.Published;
    /// <summary>True when it costs nothing to take part; cost options say what it costs otherwise.</summary>
    public bool IsFree { get; set; }
    public string? FeesDescription { get; set; }
    public string? EligibilityDescription { get; set; }
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public string? ApplicationProcess { get; set; }
    public string? InterpretationServices { get; set; }

    /// <summary>Offers: the person or group offering, as they asked to be named.</summary>
    public string? OfferedBy { get; set; }
    /// <summary>Offers: the date the offerer agreed to be listed; an offer without it is never published.</summary>
    public DateOnly? ConsentRecordedOn { get; set; }
    /// <summary>Offers: whether the offerer agreed to their contact details being shown to signed-in partners.</summary>
    public bool ContactConsent { get; set; }
    /// <summary>Spaces: how many people it holds.</summary>
    public int? Capacity { get; set; }
    /// <summary>Spaces: how to book (a page or a sentence).</summary>
    public string? BookingDetails { get; set; }

    public int? MaintainerOrganisationId { get; set; }
    public DateOnly? LastCheckedOn { get; set; }
    public ReviewStatus Review { get; set; }
    /// <summary>Counts saved versions; a save against an older version is refused rather than overwriting.</summary>
    public int Version { get; set; } = 1;
    public bool IsSynthetic { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>HSDS last_modified; the ORUK API's modified_after filters on it.</summary>
    public DateTime UpdatedAt { get; set; }

    public List<ServiceAtLocation> Locations { get; set; } = [];
    public List<Schedule> Schedules { get; set; } = [];
    public List<ServiceLanguage> Languages { get; set; } = [];
    public List<CostOption> CostOptions { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
    public List<Phone> Phones { get; set; } = [];
    public List<ServiceArea> ServiceAreas { get; set; } = [];
    public List<ServiceTerm> Terms { get; set; } = [];
}
