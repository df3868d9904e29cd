using Cohesion.BrowserTests.Infrastructure;

namespace Cohesion.BrowserTests;

/// <summary>Charts and the map draw under the app's real CSP, with nothing logged as an error or blocked.</summary>
public sealed class ChartsAndConsoleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Injected through the DevTools protocol before any page script, so the page's CSP does not apply to it.
    const string RecordCspViolations = """
        window.__cspViolations = []
        document.addEventListener('securitypolicyviolation', e =>
          window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber))
        """;

    [Theory]
    [InlineData("/places/E08000004", "overview", 2)]
    [InlineData("/areas/E01005320", "area-profile", 1)]
    [InlineData("/change/gp-oldham-synthetic/E08000004", "change-district", 3)]
    [InlineData("/change/gp-oldham-synthetic/area/E01005320", "change-area", 7)]
    [InlineData("/parallel-lives/E08000004", "parallel-lives", 2)]
    [InlineData("/parallel-lives/E08000004?level=WARD&map=local_dissimilarity&group=Indian", "parallel-lives-ward", 2)]
    [InlineData("/place-standard/coldhurst-2025?compare=coldhurst-2023", "place-standard", 2)]
    [InlineData("/place-standard/compare?e=coldhurst-2023&e=coldhurst-2025&e=werneth-2023&e=werneth-2025", "place-standard-compare", 1)]
    public async Task PageDrawsItsChartsWithNoConsoleErrorsOrCspViolations(string path, string name, int charts)
    {
        await using var context = await fixture.NewContextAsync(); // CSP enforced: no bypass here
        await context.AddInitScriptAsync(RecordCspViolations);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"console {m.Type}: {m.Text} ({m.Location})"); };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        page.RequestFailed += (_, r) => problems.Add($"request failed: {r.Url} {r.Failure}");
        page.Response += (_, r) => { if (r.Status >= 400) problems.Add($"HTTP {r.Status}: {r.Url}"); };

        await page.OpenAsync(path);

        var containers = page.Locator(".app-chart, .app-map");
        Assert.Equal(charts, await containers.CountAsync());
        Assert.Equal(0, await page.Locator(".app-chart--failed").CountAsync());
        foreach (var c in await containers.AllAsync())
        {
            await Assertions.Expect(c.Locator("canvas")).ToHaveCountAsync(1);
            var box = await c.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 300 }, $"{await c.GetAttributeAsync("class")} is {box?.Width}x{box?.Height}");
        }
        problems.AddRange(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // For a person to look at: the whole page and each chart, in bin/.../screenshots (not committed).
        var dir = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
        var n = 0;
        foreach (var c in await containers.AllAsync())
            await c.ScreenshotAsync(new() { Path = Path.Combine(dir, $"{name}-chart-{++n}.png") });
    }
}
