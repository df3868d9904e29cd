namespace Cohesion.Assets.Model;

/// <summary>
/// When a service runs (HSDS schedule, RFC 5545 recurrence): weekly on days (<see cref="ByDay"/> "MO,WE"), monthly on
/// the nth weekday ("1TU", "-1FR") or day of month, or once (no frequency: <see cref="DtStart"/> is the date).
/// </summary>
public sealed class Schedule
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    /// <summary>Set when the times are for one of the service's locations only.</summary>
    public Guid? LocationId { get; set; }
    public ScheduleFrequency? Freq { get; set; }
    public int? Interval { get; set; }
    public string? ByDay { get; set; }
    public string? ByMonthDay { get; set; }
    public DateOnly? DtStart { get; set; }
    public DateOnly? Until { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public TimeOnly? OpensAt { get; set; }
    public TimeOnly? ClosesAt { get; set; }
    public string? Description { get; set; }
}

/// <summary>A language the service is offered in (HSDS language; ISO 639 code).</summary>
public sealed class ServiceLanguage
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public required string Name { get; set; }
    public string? Code { get; set; }
    public string? Note { get; set; }
}

/// <summary>What it costs (HSDS cost_option), in pounds unless a currency says otherwise.</summary>
public sealed class CostOption
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public string? Option { get; set; }
    public decimal? Amount { get; set; }
    public string Currency { get; set; } = "GBP";
    public string? AmountDescription { get; set; }
}

/// <summary>
/// Someone to contact about a service (HSDS contact). For offers, shown only with the offerer's consent and only to
/// signed-in partners.
/// </summary>
public sealed class Contact
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

/// <summary>A service's phone number (HSDS phone).</summary>
public sealed class Phone
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public required string Number { get; set; }
    public string? Type { get; set; }
    public string? Description { get; set; }
}

/// <summary>An area the service is for (HSDS service_area), as a Cohesion area so searches by area can use it.</summary>
public sealed class ServiceArea
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public int? AreaId { get; set; }
    /// <summary>The area's name as given (imports from other directories may name areas Cohesion does not have).</summary>
    public required string Name { get; set; }
    public string? Description { get; set; }
}

/// <summary>A taxonomy term a service is classified by (HSDS attribute linking a service to a term).</summary>
public sealed class ServiceTerm
{
    public Guid ServiceId { get; set; }
    public Guid TermId { get; set; }
    public TaxonomyTerm? Term { get; set; }
}
