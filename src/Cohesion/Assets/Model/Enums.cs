namespace Cohesion.Assets.Model;

/// <summary>What a directory record describes. Offers and spaces are services in Open Referral terms, kept apart
/// here because they carry consent (offers) and booking details (spaces), and offers never leave the app.</summary>
public enum AssetKind
{
    /// <summary>An activity, group or service run by an organisation (HSDS service).</summary>
    Service,
    /// <summary>Skills and time a resident or group offers, recorded with their consent.</summary>
    Offer,
    /// <summary>A hall, park, room or pitch people can use or book.</summary>
    Space,
}

/// <summary>The Open Referral service status; stored by name, exported in HSDS's words (<see cref="AssetWords"/>).</summary>
public enum ServiceStatus { Active, Inactive, Defunct, TemporarilyClosed }

/// <summary>Whether a record is visible in the published directory.</summary>
public enum Publication
{
    /// <summary>Being written or awaiting moderation: only its maintainers and moderators see it.</summary>
    Draft,
    Published,
    /// <summary>Taken out of the directory but kept with its history (restorable).</summary>
    Archived,
}

/// <summary>How far a record can be trusted today, from its maintainer's last check and residents' reports.</summary>
public enum ReviewStatus
{
    /// <summary>Never checked since it was entered or imported.</summary>
    Unchecked,
    /// <summary>Its maintainer confirmed the details on <c>LastCheckedOn</c>.</summary>
    Checked,
    /// <summary>A problem was reported and accepted, or the last check is too old: it needs its maintainer.</summary>
    NeedsChecking,
}

/// <summary>HSDS location types.</summary>
public enum LocationKind { Physical, Postal, Virtual }

/// <summary>HSDS schedule frequency (RFC 5545 FREQ); none for a one-off date.</summary>
public enum ScheduleFrequency { Weekly, Monthly }

/// <summary>What a resident says is wrong with a record.</summary>
public enum ProblemKind { InformationUnclear, ContactDetailsWrong, NoLongerExists, NotInMyArea, Other }

/// <summary>Where a resident's proposal or report stands in the moderation queue.</summary>
public enum ModerationState { Pending, Accepted, Rejected }

/// <summary>The words HSDS and the pages use for the enums.</summary>
public static class AssetWords
{
    public static string Hsds(this ServiceStatus s) => s switch
    {
        ServiceStatus.Active => "active",
        ServiceStatus.Inactive => "inactive",
        ServiceStatus.Defunct => "defunct",
        _ => "temporarily closed",
    };

    public static ServiceStatus? ParseStatus(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "active" => ServiceStatus.Active,
        "inactive" => ServiceStatus.Inactive,
        "defunct" => ServiceStatus.Defunct,
        "temporarily closed" => ServiceStatus.TemporarilyClosed,
        _ => null,
    };

    public static string Hsds(this LocationKind k) => k switch
    {
        LocationKind.Physical => "physical",
        LocationKind.Postal => "postal",
        _ => "virtual",
    };

    public static string Label(this ProblemKind k) => k switch
    {
        ProblemKind.InformationUnclear => "Information is unclear",
        ProblemKind.ContactDetailsWrong => "Contact details are wrong",
        ProblemKind.NoLongerExists => "It no longer exists",
        ProblemKind.NotInMyArea => "It is not in my area",
        _ => "Something else",
    };

    public static string Label(this AssetKind k) => k switch
    {
        AssetKind.Service => "Service or activity",
        AssetKind.Offer => "Offer of skills or time",
        _ => "Space",
    };
}
