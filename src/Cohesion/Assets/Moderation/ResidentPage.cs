using Cohesion.Admin;
using Cohesion.Web.PublicForms;
using Microsoft.AspNetCore.Mvc;

namespace Cohesion.Assets.Moderation;

/// <summary>
/// A resident's form (propose an asset, report a problem): nothing stored until it is sent, sending limited per
/// client address like the survey and Place Standard forms (Cohesion:Security:PublicFormPermitPerMinute), with a 429
/// page that keeps what was typed. Only a form that passes its checks takes a permit, so a correction costs nothing.
/// </summary>
public abstract class ResidentPage(PublicFormLimiter limiter) : AdminPage
{
    /// <summary>Set when the limit refused the form: the page says wait, with the answers still in it.</summary>
    public bool Waiting { get; private set; }

    /// <summary>The refusal when this client has sent too much this minute, or null to go ahead.</summary>
    protected IActionResult? Limited()
    {
        if (limiter.TryAcquire(HttpContext)) return null;
        Waiting = true;
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }

    /// <summary>The value read, reporting its problem against the field.</summary>
    protected T Take<T>(Editing.FieldRules.Read<T> read, string field)
    {
        if (read.Problem is { } p) Fail(field, p);
        return read.Value;
    }

    /// <summary>Typed answers must not be kept by a shared computer's browser cache.</summary>
    protected void NoStore()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
    }
}
