using System.Net;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests;

public class HealthTests
{
    [Theory]
    [BothProviders]
    public async Task HealthIsOpenAndSaysHealthyWhenTheDatabaseAnswers(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var http = app.Client();
        var r = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("Healthy", await r.Content.ReadAsStringAsync());
    }
}
