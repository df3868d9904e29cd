using System.Text;
using System.Text.Json;

namespace Cohesion.BrowserTests.Infrastructure;

/// <summary>Runs axe-core in the page at WCAG 2.2 AA and fails with every violation spelled out.</summary>
public static class Axe
{
    // Closed <details> (the map's table alternative) are opened first so their content is checked too.
    const string Run = """
        async (tags) => {
          document.querySelectorAll('details').forEach(d => { d.open = true })
          const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } })
          return {
            passes: r.passes.length,
            violations: r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary }))
            }))
          }
        }
        """;

    /// <summary>Needs a context with BypassCSP: the app's CSP (script-src 'self') blocks the injected script otherwise.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = BrowserEnvironment.Axe });
        var result = await page.EvaluateAsync<JsonElement>(Run, BrowserEnvironment.AxeTags);
        Assert.True(result.GetProperty("passes").GetInt32() > 0, $"axe-core checked nothing on {page.Url}");
        var violations = result.GetProperty("violations");
        if (violations.GetArrayLength() == 0) return;

        var message = new StringBuilder($"{violations.GetArrayLength()} accessibility violation(s) on {page.Url}:\n");
        foreach (var v in violations.EnumerateArray())
        {
            message.Append($"- {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} {v.GetProperty("helpUrl").GetString()}\n");
            foreach (var n in v.GetProperty("nodes").EnumerateArray())
                message.Append($"    at {n.GetProperty("target").GetString()}: {n.GetProperty("html").GetString()}\n      {n.GetProperty("summary").GetString()?.Replace("\n", "\n      ")}\n");
        }
        Assert.Fail(message.ToString());
    }
}
