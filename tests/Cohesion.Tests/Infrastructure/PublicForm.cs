using System.Net;
using System.Text.RegularExpressions;

namespace Cohesion.Tests.Infrastructure;

/// <summary>
/// A public form (Place Standard, survey) as a browser without JavaScript fills it in: every page is a POST of its
/// fields with the carried state, the step and the antiforgery token, and the next page comes back.
/// </summary>
public partial class PublicForm(HttpClient http, string path)
{
    public string Path { get; } = path;
    public string Html { get; private set; } = "";
    public HttpResponseMessage? Last { get; private set; }
    public string? State => StateInput().Match(Html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    public string? Step => StepInput().Match(Html) is { Success: true } m ? m.Groups[1].Value : null;
    /// <summary>The page's text with entities decoded, for assertions on wording.</summary>
    public string Text => WebUtility.HtmlDecode(Html);

    [GeneratedRegex("""<input type="hidden" name="state" value="([^"]+)">""")]
    private static partial Regex StateInput();

    [GeneratedRegex("""<input type="hidden" name="step" value="([^"]+)">""")]
    private static partial Regex StepInput();

    public async Task OpenAsync(string? query = null)
    {
        Last = await http.GetAsync(Path + query);
        Html = await Last.Content.ReadAsStringAsync();
    }

    /// <summary>Presses a button (go) on the current page with its fields.</summary>
    public async Task PressAsync(string go, params (string Name, string Value)[] fields)
    {
        List<KeyValuePair<string, string>> form = [new("__RequestVerificationToken", SignIn.Token(Html)), new("go", go), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))];
        if (State is { } s) form.Add(new("state", s));
        if (Step is { } step) form.Add(new("step", step));
        Last = await http.PostAsync(Path, new FormUrlEncodedContent(form));
        Html = await Last.Content.ReadAsStringAsync();
    }

    public Task ContinueAsync(params (string Name, string Value)[] fields) => PressAsync("continue", fields);

    /// <summary>POSTs a state kept from earlier (the back button, a second tab), with this page's antiforgery token unless told not to.</summary>
    public Task<HttpResponseMessage> PostStateAsync(string go, string step, string state, bool token = true, params (string Name, string Value)[] fields)
    {
        List<KeyValuePair<string, string>> form = [new("go", go), new("step", step), new("state", state), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))];
        if (token) form.Add(new("__RequestVerificationToken", SignIn.Token(Html)));
        return http.PostAsync(Path, new FormUrlEncodedContent(form));
    }
}
