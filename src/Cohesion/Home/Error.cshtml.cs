using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Home;

/// <summary>One page for 404, 500 and other statuses, in the service's own style; it never shows exception details.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> log) : PageModel
{
    public string Title { get; private set; } = "";
    public string[] Paragraphs { get; private set; } = [];

    // From the route only: a re-executed POST carries its form, and a form field called "status" must not change the page's status.
    public void OnGet([FromRoute] int? status) => Describe(status);
    public void OnPost([FromRoute] int? status) => Describe(status);

    void Describe(int? status)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var code = exception is not null ? 500 : status ?? 500;
        if (exception is not null) log.LogError(exception.Error, "Unhandled error on {Path}", exception.Path);
        Response.StatusCode = code;
        (Title, Paragraphs) = code switch
        {
            404 => ("Page not found", new[] { "If you typed the web address, check it is correct.", "If you pasted the web address, check you copied the entire address.", "If an area code is in the address, check the area is loaded." }),
            403 => ("You do not have permission to see this page", ["Ask your organisation's Cohesion administrator if you need it."]),
            429 => ("Too many attempts", ["You have tried too many times in a short time. Wait a minute, then try again."]),
            400 => ("There is a problem with that request", ["Go back and try again."]),
            _ => ("Sorry, there is a problem with the service", ["Try again later.", "Nothing you entered has been saved unless you were told it was."]),
        };
    }
}
