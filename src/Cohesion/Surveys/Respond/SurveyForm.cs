using System.Globalization;
using System.Security.Claims;
using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Web.PublicForms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Respond;

/// <summary>
/// A survey's answers so far, carried from page to page of the online form encrypted (<see cref="CarriedState"/>):
/// each answer as <see cref="Answers.Parse"/> reads it (an option code, a whole number, an area code), already checked.
/// A question skipped has no entry, and will have no row.
/// </summary>
public sealed class SurveyFormState : FormState
{
    public int SurveyId { get; set; }
    public Dictionary<string, string> Answers { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The survey form's pages (one per item, in the survey's order, then check answers) and their rules.</summary>
public static class SurveyForm
{
    /// <summary>The last page's step; item codes are the others (a local item's code starts with <c>local-</c>, so never this).</summary>
    public const string CheckStep = "check-answers";
    /// <summary>More choices than this and the residence question is a select rather than radios (GOV.UK: radios for a short list).</summary>
    public const int MaxRadios = 25;
    const string Purpose = "Cohesion.Surveys.Respond.v1";

    /// <summary>
    /// The survey behind a form address, with its area, questions and local items: any open one (the form is for
    /// anyone while it is open, published or not: publishing is about the results), or a closed one the viewer may
    /// see. A closed survey a viewer may not see is not found, so its form does not give its title away.
    /// </summary>
    public static async Task<Survey?> FindAsync(CohesionDb db, string name, ClaimsPrincipal user, CancellationToken ct)
    {
        var s = await db.Surveys.AsNoTracking().Include(x => x.Area).Include(x => x.Questions).Include(x => x.LocalItems)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Name == name, ct);
        return s is not null && (s.IsOpen || SurveyAccess.CanSee(s, Viewer.Of(user))) ? s : null;
    }

    public static SurveyFormState Start(int surveyId) => new() { SurveyId = surveyId, Receipt = CarriedState.NewReceipt() };

    public static string Protect(IDataProtectionProvider dp, SurveyFormState s) => CarriedState.Protect(dp, Purpose, s);

    /// <summary>The state a form carried, or null when it was tampered with, is from another survey or cannot be read.</summary>
    public static SurveyFormState? Unprotect(IDataProtectionProvider dp, string? token, int surveyId) =>
        CarriedState.Unprotect<SurveyFormState>(dp, Purpose, token) is { Answers: not null } s && s.SurveyId == surveyId ? s : null;

    /// <summary>The step after <paramref name="step"/>: the next item, or check answers after the last.</summary>
    public static string Next(IReadOnlyList<Item> items, string step)
    {
        var i = IndexOf(items, step);
        return i >= 0 && i + 1 < items.Count ? items[i + 1].Code : CheckStep;
    }

    /// <summary>The step before <paramref name="step"/>: the previous item, the last item before check answers, or null before the first (the start page).</summary>
    public static string? Previous(IReadOnlyList<Item> items, string step)
    {
        var i = step == CheckStep ? items.Count : IndexOf(items, step);
        return i > 0 ? items[i - 1].Code : null;
    }

    public static int IndexOf(IReadOnlyList<Item> items, string? step)
    {
        for (var i = 0; i < items.Count; i++)
            if (items[i].Code == step) return i;
        return -1;
    }

    public static bool IsStep(IReadOnlyList<Item> items, string? step) => step == CheckStep || IndexOf(items, step) >= 0;

    /// <summary>
    /// Takes an item page's answer into the state: blank is not answered (the entry goes), anything else must be an
    /// answer <see cref="Answers.Parse"/> accepts, kept as the canonical code or number; otherwise its error.
    /// </summary>
    public static string? Apply(SurveyFormState s, Item item, string? raw, IReadOnlyDictionary<string, int>? residenceAreas)
    {
        var answer = Answers.Parse(item, raw, residenceAreas, out var error);
        if (error is not null) return Sentence(error);
        if (answer is null) s.Answers.Remove(item.Code);
        else s.Answers[item.Code] = Canonical(answer, residenceAreas);
        return null;
    }

    static string Canonical(SurveyAnswer a, IReadOnlyDictionary<string, int>? residenceAreas)
    {
        if (a.Choice is not { } choice) return ((int)a.Value!.Value).ToString(CultureInfo.InvariantCulture);
        // Area codes match in any case; keep the code as the survey's areas spell it.
        return residenceAreas?.Keys.FirstOrDefault(k => string.Equals(k, choice, StringComparison.OrdinalIgnoreCase)) ?? choice;
    }

    static string Sentence(string m) => char.ToUpperInvariant(m[0]) + m[1..];

    /// <summary>
    /// The answers as a response, each checked again against its item (the survey's questions could have changed since
    /// the page was answered, or a draft be old), or the item to send the respondent back to with why. Entries for
    /// items the survey no longer asks are dropped.
    /// </summary>
    public static (NewResponse? Response, string? Step, string? Problem) ToResponse(SurveyFormState s, IReadOnlyList<Item> items, IReadOnlyDictionary<string, int> residenceAreas)
    {
        var answers = new List<SurveyAnswer>();
        foreach (var item in items)
        {
            if (!s.Answers.TryGetValue(item.Code, out var raw)) continue;
            if (Answers.Parse(item, raw, residenceAreas, out var error) is { } a) answers.Add(a);
            else return (null, item.Code, Sentence(error ?? "this answer cannot be read"));
        }
        if (answers.Count == 0) return (null, items.Count > 0 ? items[0].Code : CheckStep, "Answer at least one question before you submit");
        return (new NewResponse(answers), null, null);
    }

    /// <summary>An answer as the check-answers page shows it.</summary>
    public static string Describe(Item item, string? raw, IReadOnlyList<ResidenceAreas.Choice> residence) => raw is null ? "Not answered" : item.Kind switch
    {
        ItemKind.Choice => item.Option(raw)?.Label ?? raw,
        ItemKind.Thermometer => $"{raw} out of {item.Max}",
        ItemKind.Residence => residence.FirstOrDefault(c => string.Equals(c.Code, raw, StringComparison.OrdinalIgnoreCase))?.Name ?? raw,
        _ => raw,
    };

    /// <summary>"Don't know" and "prefer not to say" stand apart from the answers proper, after GOV.UK's "or" divider.</summary>
    public static bool IsAside(ItemOption o) => o.Code == Scales.DontKnow.Code || o.Code == Scales.PreferNotToSay.Code;

    /// <summary>Roughly how long the form takes: about 15 seconds a question, at least 2 minutes, in whole minutes.</summary>
    public static int Minutes(int questions) => Math.Max(2, (int)Math.Ceiling(questions / 4.0));
}

/// <summary>Save and come back later (<see cref="SavedDrafts"/>), for survey drafts; kept <see cref="SurveyOptions.DraftDays"/> days.</summary>
public static class SurveyDrafts
{
    public static Task<(string Code, DateTime Until)> SaveAsync(CohesionDb db, IDataProtectionProvider dp, SurveyFormState s, int days, CancellationToken ct) =>
        SavedDrafts.SaveAsync(db, db.SurveyDrafts, new SurveyDraft { SurveyId = s.SurveyId, CodeHash = "", Payload = "" }, s, days, () => SurveyForm.Protect(dp, s), ct);

    public static async Task<SurveyFormState?> RestoreAsync(CohesionDb db, IDataProtectionProvider dp, string? code, int surveyId, CancellationToken ct) =>
        await SavedDrafts.FindAsync(db.SurveyDrafts.Where(d => d.SurveyId == surveyId), code, ct) is { } payload ? SurveyForm.Unprotect(dp, payload, surveyId) : null;
}
