using System.Net;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests;

public class HealthTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task HealthIsOpenAndSaysHealthyWhenTheDatabaseAnswers(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var http = app.Client();
        var r = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("Healthy", await r.Content.ReadAsStringAsync());
    }
}
