using Cohesion.BrowserTests.Infrastructure;

namespace Cohesion.BrowserTests;

/// <summary>axe-core finds no WCAG 2.2 AA violation on any published page for an anonymous visitor, once charts and maps are drawn.</summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, int> PublishedPages => new()
    {
        { "/", 200 },
        { "/places", 200 },
        { "/places/E08000004", 200 },
        { "/places/E08000004?level=LSOA&sort=population&dir=desc&page=2", 200 },
        { "/areas/E01005320", 200 },
        { "/areas/E08000004", 200 },
        { "/glossary", 200 },
        { "/accessibility", 200 },
        { "/data-sources", 200 },
        { "/change", 200 },
        { "/change/gp-oldham-synthetic/E08000004", 200 },
        { "/change/gp-oldham-synthetic/E08000004?period=2024-06&measure=arrivals&category=ethnic_group:Pakistani&flagged=yes&sort=arrivals&dir=asc", 200 },
        { "/change/gp-oldham-synthetic/area/E01005320", 200 },
        { "/change/school-oldham-synthetic/E08000004?period=2024", 200 },
        { "/change/no-such-dataset/E08000004", 404 },
        { "/parallel-lives", 200 },
        { "/parallel-lives?level=WARD&group=Bangladeshi&sort=dissimilarity&dir=desc", 200 },
        { "/parallel-lives/E08000004", 200 },
        { "/parallel-lives/E08000004?level=MSOA&map=share&group=Pakistani", 200 },
        { "/surveys/place/E08000004", 200 },
        { "/surveys/items", 200 },
        { "/surveys/items?q=trust&measure=Community+strength", 200 },
        { "/surveys/items?q=zebra", 200 },
        { "/surveys/items/cohesion", 200 },
        { "/surveys/items/ce-dont-get-along", 200 },
        { "/surveys/items/therm-muslims", 200 },
        { "/surveys/items/residence", 200 },
        { "/surveys/items/no-such-item", 404 },
        { "/surveys/methodology", 200 },
        { "/surveys", 200 },
        { "/surveys?status=closed&sort=title&dir=asc", 200 },
        { "/nope", 404 },
    };

    [Theory]
    [MemberData(nameof(PublishedPages))]
    [InlineData("/account/sign-in", 200)]
    public async Task PageHasNoViolationsForAnonymousVisitor(string path, int status)
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path, status);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task AxeCheckFailsAndNamesTheElementWhenAPageHasAViolation()
    {
        // The gate itself: a page with an image without alternative text must not pass.
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/glossary");
        await page.EvaluateAsync("() => { const i = document.createElement('img'); i.src = '/favicon.svg'; i.id = 'no-alt'; document.querySelector('main').append(i) }");
        var failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(() => Axe.AssertNoViolationsAsync(page));
        Assert.Contains("- image-alt (critical): Images must have alternative text", failure.Message);
        Assert.Contains("at #no-alt: <img src=\"/favicon.svg\" id=\"no-alt\">", failure.Message);
    }

    [Fact]
    public async Task SignInWithValidationErrorsHasNoViolationsAndFocusesTheErrorSummary()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/account/sign-in");
        await page.SubmitExpectingErrorsAsync("Sign in");
        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.Equal("govuk-error-summary", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        await Assertions.Expect(page.Locator(".govuk-error-summary__list a")).ToHaveTextAsync(["Enter your email address", "Enter your password"]);
        await Axe.AssertNoViolationsAsync(page);
    }
}
