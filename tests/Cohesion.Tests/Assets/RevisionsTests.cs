using Cohesion.Assets.Model;
using Cohesion.Assets.Read;

namespace Cohesion.Tests.Assets;

/// <summary>A revision holds the whole record: what is saved comes back the same.</summary>
public class RevisionsTests
{
    [Fact]
    public void ASnapshotSurvivesSerialisationWithEveryPart()
    {
        var location = new Location
        {
            Id = Guid.NewGuid(), Name = "Hall", Postcode = "OL1 1AA", Latitude = 53.54, Longitude = -2.11, AreaId = 7,
            Accessibility = [new Accessibility { Id = Guid.NewGuid(), Description = "Step-free access" }],
        };
        var id = Guid.NewGuid();
        var service = new Service
        {
            Id = id, OrganisationId = Guid.NewGuid(), Kind = AssetKind.Space, Name = "Room <b>hire</b>", Description = "Rooms", Capacity = 80,
            Status = ServiceStatus.TemporarilyClosed, MinimumAge = 16, Version = 3, LastCheckedOn = new DateOnly(2026, 11, 1), Review = ReviewStatus.Checked,
            Locations = [new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = id, LocationId = location.Id, Location = location }],
            Schedules = [new Schedule { Id = Guid.NewGuid(), ServiceId = id, Freq = ScheduleFrequency.Monthly, ByDay = "-1FR", OpensAt = new TimeOnly(18, 30), ClosesAt = new TimeOnly(20, 0) }],
            Languages = [new ServiceLanguage { Id = Guid.NewGuid(), ServiceId = id, Name = "Urdu", Code = "ur" }],
            CostOptions = [new CostOption { Id = Guid.NewGuid(), ServiceId = id, Amount = 12.50m, Option = "Per hour" }],
            Contacts = [new Contact { Id = Guid.NewGuid(), ServiceId = id, Name = "Bookings", Email = "hall@example.org" }],
            Phones = [new Phone { Id = Guid.NewGuid(), ServiceId = id, Number = "0161 000 0000" }],
            ServiceAreas = [new ServiceArea { Id = Guid.NewGuid(), ServiceId = id, AreaId = 7, Name = "Waterhead" }],
            Terms = [new ServiceTerm { ServiceId = id, TermId = Guid.NewGuid() }],
        };
        var json = Revisions.Serialise(Revisions.Snapshot(service));
        var back = Revisions.Deserialise(json);
        Assert.Equal(json, Revisions.Serialise(back));
        Assert.Equal("Room <b>hire</b>", back.Name);
        Assert.Equal(ServiceStatus.TemporarilyClosed, back.Status);
        Assert.Equal(new TimeOnly(18, 30), back.Schedules.Single().OpensAt);
        Assert.Equal(12.50m, back.CostOptions.Single().Amount);
        Assert.Equal("Step-free access", back.Locations.Single().Accessibility.Single().Description);
        Assert.Contains("\"TemporarilyClosed\"", json);
    }
}
