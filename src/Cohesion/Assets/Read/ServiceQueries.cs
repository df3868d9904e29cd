using System.Linq.Expressions;
using Cohesion.Assets.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Read;

/// <summary>Queries every part of the module shares, so the asset page, the editor, history and the HSDS export read a record the same way.</summary>
public static class ServiceQueries
{
    /// <summary>A service with all its parts: organisation, locations (with accessibility), schedules, languages, costs, contacts, phones, areas and terms.</summary>
    public static IQueryable<Service> WithParts(this IQueryable<Service> services) =>
        services
            .Include(s => s.Organisation)
            .Include(s => s.Locations).ThenInclude(l => l.Location).ThenInclude(l => l!.Accessibility)
            .Include(s => s.Schedules)
            .Include(s => s.Languages)
            .Include(s => s.CostOptions)
            .Include(s => s.Contacts)
            .Include(s => s.Phones)
            .Include(s => s.ServiceAreas)
            .Include(s => s.Terms).ThenInclude(t => t.Term)
            .AsSplitQuery();

    /// <summary>What the public may see: published, and an offer only with the offerer's recorded consent.</summary>
    public static readonly Expression<Func<Service, bool>> IsPublic =
        s => s.Publication == Publication.Published && (s.Kind != AssetKind.Offer || s.ConsentRecordedOn != null);

    static readonly Func<Service, bool> IsPublicNow = IsPublic.Compile();

    /// <summary>The records the public may see (<see cref="IsPublic"/>), in the query.</summary>
    public static IQueryable<Service> Published(this IQueryable<Service> services) => services.Where(IsPublic);

    /// <summary>Whether a loaded record is one the public may see (<see cref="IsPublic"/>): the same rule, so pages and queries never disagree.</summary>
    public static bool Published(this Service service) => IsPublicNow(service);
}
