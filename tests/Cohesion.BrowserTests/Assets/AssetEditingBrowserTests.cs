using Cohesion.Accounts;
using Cohesion.BrowserTests.Infrastructure;
using Cohesion.Tests.Assets.Editing;

namespace Cohesion.BrowserTests.Assets;

/// <summary>
/// The directory's editing, history, residents' and moderation pages in Chromium: axe-core finds no WCAG 2.2 AA
/// violation on any of them, with or without errors, and adding a record and proposing one work with JavaScript off.
/// </summary>
public sealed class AssetEditingBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Partner = "Asset browser partner";
    const string Password = "a long browser test password";

    async Task<IPage> StaffPageAsync(IBrowserContext context, string email)
    {
        await AssetEditingSetup.PartnerAsync(fixture.App, Partner);
        await fixture.AddUserAsync(email, Password, Role.Analyst, Partner);
        var page = await context.NewPageAsync();
        await page.SignInAsync(email, Password);
        return page;
    }

    [Fact]
    public async Task EditingHistoryResidentsAndModerationPagesHaveNoViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await StaffPageAsync(context, "as.editor@example.org");
        var id = await AssetEditingSetup.RecordAsync(fixture.App, "Browser sewing circle", Partner);

        await page.OpenAsync("/assets/new");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#url").FillAsync("www.example.org");
        await page.Locator("#location-0-postcode").FillAsync("OL1");
        await page.SubmitExpectingErrorsAsync("Add asset");
        await Assertions.Expect(page.Locator(".govuk-error-summary__list a")).ToHaveTextAsync([
            "Enter name", "Enter description", "Website must be a web address starting with http:// or https:// (you entered 'www.example.org')",
            "Enter the name of the organisation that runs it", "Postcode of place 1 must be a full UK postcode like OL1 1UT (you entered 'OL1')"]);
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another time" }).ClickAsync();
        await Assertions.Expect(page.Locator("#schedule-1-repeat")).ToBeVisibleAsync();
        await page.Locator("#name").FillAsync("Browser chess club");
        await page.Locator("#description").FillAsync("Chess for all ages, boards provided.");
        await page.Locator("#organisation").FillAsync("Browser chess society");
        await page.Locator("#url").FillAsync("https://example.org/chess");
        await page.Locator("#location-0-postcode").FillAsync("OL1 1UT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add asset" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Browser chess club added as a draft");
        await Axe.AssertNoViolationsAsync(page);

        var edit = $"/assets/{id:D}/edit";
        await page.OpenAsync(edit);
        await page.Locator("#name").FillAsync("");
        await page.Locator("#phone-0-number").FillAsync("12345");
        await page.SubmitExpectingErrorsAsync("Save changes");
        await Assertions.Expect(page.Locator(".govuk-error-summary__list a")).ToHaveTextAsync([
            "Enter name", "Phone number 1 must be a UK phone number like 0161 770 3000 or +44 161 770 3000 (you entered '12345')"]);
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#name").FillAsync("Browser sewing and mending circle");
        await page.Locator("#phone-0-number").FillAsync("0161 770 3000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("saved as version 2");

        await page.OpenAsync($"/assets/{id:D}/history");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Version 2" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Version 2");
        await Axe.AssertNoViolationsAsync(page);
        await page.OpenAsync($"/assets/{id:D}/history/1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore this version" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Version 1 restored as version 3");
        await page.OpenAsync("/assets/mine");
        await Axe.AssertNoViolationsAsync(page);

        // A resident, not signed in: propose (with errors, then sent) and report.
        await using var residentContext = await fixture.NewContextAsync(bypassCsp: true);
        var resident = await residentContext.NewPageAsync();
        await resident.OpenAsync("/assets/propose");
        await Axe.AssertNoViolationsAsync(resident);
        await resident.Locator("#description").FillAsync("Call 07700 900123 to join");
        await resident.SubmitExpectingErrorsAsync("Send");
        await Assertions.Expect(resident.Locator(".govuk-error-summary__list a")).ToHaveTextAsync([
            "Choose what kind of asset it is", "Enter its name", "What it is holds a phone number: take it out. We do not keep anyone’s contact details in what partners read."]);
        await Axe.AssertNoViolationsAsync(resident);
        await resident.Locator("#kind").CheckAsync();
        await resident.Locator("#name").FillAsync("Browser repair café");
        await resident.Locator("#description").FillAsync("Volunteers fix things on the first Saturday.");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you");
        await Axe.AssertNoViolationsAsync(resident);
        await resident.OpenAsync($"/assets/{id:D}/report");
        await Axe.AssertNoViolationsAsync(resident);
        await resident.SubmitExpectingErrorsAsync("Send report");
        await Axe.AssertNoViolationsAsync(resident);
        await resident.Locator("#kind-3").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you");
        await Axe.AssertNoViolationsAsync(resident);

        // The moderator's side.
        await page.OpenAsync("/assets/moderation");
        await Axe.AssertNoViolationsAsync(page);
        var proposal = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Browser repair café" }).GetByRole(AriaRole.Link);
        Assert.True(await proposal.CountAsync() == 1, await page.Locator("main").InnerTextAsync());
        await proposal.ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.SubmitExpectingErrorsAsync("Reject");
        await Axe.AssertNoViolationsAsync(page);
        await page.OpenAsync("/assets/moderation?kind=report");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "It no longer exists" }).GetByRole(AriaRole.Link).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.SubmitExpectingErrorsAsync("Accept report");
        await Assertions.Expect(page.Locator(".govuk-error-summary__list a")).ToHaveTextAsync(["Confirm that Browser sewing circle has closed for good before marking it so, or choose another answer"]);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task AddingAndProposingWorkWithoutJavaScript()
    {
        string state;
        await using (var signIn = await fixture.NewContextAsync())
        {
            await StaffPageAsync(signIn, "as.nojs@example.org");
            state = await signIn.StorageStateAsync();
        }
        await using var context = await fixture.NewContextAsync(javaScript: false, storageState: state);
        var page = await context.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync("/assets/new"))?.Status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another place" }).ClickAsync();
        await Assertions.Expect(page.Locator("#location-1-name")).ToBeVisibleAsync();
        await page.Locator("#name").FillAsync("No script allotment");
        await page.Locator("#description").FillAsync("Plots to share.");
        await page.Locator("#organisation").FillAsync("No script growers");
        await page.Locator("#location-1-name").FillAsync("Allotments off Ripponden Road");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add asset" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("No script allotment added as a draft");
        await Assertions.Expect(page.Locator("#location-0-name")).ToHaveValueAsync("Allotments off Ripponden Road");

        await using var anonymous = await fixture.NewContextAsync(javaScript: false);
        var resident = await anonymous.NewPageAsync();
        Assert.Equal(200, (await resident.GotoAsync("/assets/propose"))?.Status);
        await resident.Locator("#kind-3").CheckAsync();
        await resident.Locator("#name").FillAsync("No script bowling green");
        await resident.Locator("#description").FillAsync("A green by the park.");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you");
    }
}
