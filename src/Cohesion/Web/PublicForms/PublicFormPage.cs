using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Web.PublicForms;

/// <summary>What the page models of the public forms (survey, Place Standard) share: which view, errors, and the two answers that are not a question page.</summary>
public abstract class PublicFormPage : PageModel
{
    /// <summary>start, closed, saved, wait, or one of the form's steps.</summary>
    public string View { get; protected set; } = "start";
    public List<FieldError> Errors { get; } = [];
    public FieldError? Error(string field) => Errors.FirstOrDefault(e => e.FieldId == field);
    /// <summary>Set once answers are saved: the code to show.</summary>
    public SavedForm? Saved { get; protected set; }

    /// <summary>Too many saves or submissions from this address: 429, with the answers handed back to try again in a minute.</summary>
    protected PageResult TooMany()
    {
        View = "wait";
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }

    /// <summary>Answers in progress must not be kept by a shared computer's browser cache or a proxy.</summary>
    protected void NoStore()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
    }
}
