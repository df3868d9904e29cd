using System.Globalization;
using Cohesion.Data;
using Cohesion.Web.PublicForms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.PlaceStandard.Pages;

/// <summary>
/// The answers of the online form so far. It travels with the form from page to page, encrypted and signed (ASP.NET
/// Core data protection), so nothing is stored until the respondent submits, or asks to save and come back.
/// </summary>
public sealed class RespondState : FormState
{
    public RespondState() => Step = RespondForm.KindStep;

    public int EngagementId { get; set; }
    public string? Kind { get; set; }
    public string? Participants { get; set; }
    public string? GroupLabel { get; set; }
    public int[] Scores { get; set; } = new int[PlaceStandardThemes.Count];
    public string?[] Good { get; set; } = new string?[PlaceStandardThemes.Count];
    public string?[] Better { get; set; } = new string?[PlaceStandardThemes.Count];
    public Dictionary<string, string> About { get; set; } = [];
}

/// <summary>The online form's pages, their rules, and how its answers are carried, saved and restored.</summary>
public static class RespondForm
{
    public const string KindStep = "kind", AboutStep = "about", CheckStep = "check";
    const string Purpose = "Cohesion.PlaceStandard.Respond.v1";

    public static readonly IReadOnlyList<string> Steps =
        [KindStep, .. PlaceStandardThemes.All.Select(t => ThemeStep(t.Number)), AboutStep, CheckStep];

    public static string ThemeStep(int number) => $"theme-{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The theme a step asks about, or 0.</summary>
    public static int ThemeOf(string step) =>
        step.StartsWith("theme-", StringComparison.Ordinal) && int.TryParse(step.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= PlaceStandardThemes.Count ? n : 0;

    public static bool IsStep(string? step) => step is not null && Steps.Contains(step);
    public static string Next(string step) => Steps[Math.Min(Steps.Count - 1, Steps.ToList().IndexOf(step) + 1)];
    public static string Previous(string step) => Steps[Math.Max(0, Steps.ToList().IndexOf(step) - 1)];

    /// <summary>
    /// The engagement behind a form address: any open one (the form is for anyone while it is open, published or
    /// not: publishing is about the results), or a closed one the viewer may see. A closed, unpublished engagement of
    /// another organisation is not found, so its form does not give its title away.
    /// </summary>
    public static async Task<Engagement?> FindAsync(CohesionDb db, string name, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var e = await db.PsEngagements.AsNoTracking().Include(x => x.Area).FirstOrDefaultAsync(x => x.Name == name, ct);
        return e is not null && (e.IsOpen || PlaceStandardAccess.CanSee(e, Cohesion.Sharing.Viewer.Of(user))) ? e : null;
    }

    public static RespondState Start(int engagementId) => new() { EngagementId = engagementId, Receipt = CarriedState.NewReceipt() };

    public static string Protect(IDataProtectionProvider dp, RespondState s) => CarriedState.Protect(dp, Purpose, s);

    /// <summary>The state a form carried, or null when it was tampered with, is from another engagement or cannot be read.</summary>
    public static RespondState? Unprotect(IDataProtectionProvider dp, string? token, int engagementId) =>
        CarriedState.Unprotect<RespondState>(dp, Purpose, token) is { } s && s.EngagementId == engagementId && s.Scores.Length == PlaceStandardThemes.Count
            && s.Good.Length == PlaceStandardThemes.Count && s.Better.Length == PlaceStandardThemes.Count ? s : null;

    /// <summary>
    /// Takes a page's answers into the state. Problems are reported when <paramref name="check"/> (going forward); going
    /// back keeps what can be kept without a word.
    /// </summary>
    public static void Apply(RespondState s, string step, IFormCollection form, bool check, Action<string, string> fail)
    {
        void Fail(string field, string message) { if (check) fail(field, message); }
        static string Sentence(string m) => char.ToUpperInvariant(m[0]) + m[1..];
        if (step == KindStep)
        {
            var kind = form["kind"].ToString();
            if (kind is "individual" or "group") s.Kind = kind;
            else Fail("kind", "Select whether you are giving your own views or a group's");
            s.Participants = Clip(form["participants"], 10);
            s.GroupLabel = Clip(form["groupLabel"], PlaceStandardLimits.GroupLabelLength * 2);
            if (s.Kind == "group")
            {
                if (AssessmentRules.Participants(AssessmentKind.Group, s.Participants, out _) is { } p) Fail("participants", Sentence(p));
                if (AssessmentRules.GroupLabel(AssessmentKind.Group, s.GroupLabel) is { } g) Fail("groupLabel", Sentence(g));
            }
        }
        else if (ThemeOf(step) is var t and > 0)
        {
            var score = form["score"].ToString();
            if (AssessmentRules.Score(score, out var n) is not null) Fail("score", "Select a score from 1 to 7, or leave the question out");
            else s.Scores[t - 1] = n;
            foreach (var (field, target) in new[] { ("good", s.Good), ("better", s.Better) })
            {
                var text = form[field].ToString().Trim();
                if (AssessmentRules.Comment(text) is { } tooLong) { Fail(field, Sentence(tooLong)); target[t - 1] = Clip(text, PlaceStandardLimits.CommentLength); }
                else target[t - 1] = text.Length == 0 ? null : text;
            }
        }
        else if (step == AboutStep)
        {
            foreach (var q in RespondentGroups.Questions)
            {
                var value = form[q.Key].ToString();
                if (value.Length == 0) s.About.Remove(q.Key);
                else if (q.Find(value) is { } v) s.About[q.Key] = v.Code;
                else Fail(q.Key, $"Select an answer about your {q.Label.ToLowerInvariant()}, or prefer not to say");
            }
        }
    }

    static string? Clip(Microsoft.Extensions.Primitives.StringValues v, int max)
    {
        var s = v.ToString().Trim();
        return s.Length == 0 ? null : s.Length > max ? s[..max] : s;
    }

    /// <summary>The answers as an assessment, or the step to send the respondent back to with why.</summary>
    public static (NewAssessment? Assessment, string? Step, string? Field, string? Problem) ToAssessment(RespondState s)
    {
        if (s.Kind is not ("individual" or "group")) return (null, KindStep, "kind", "Select whether you are giving your own views or a group's");
        var kind = s.Kind == "group" ? AssessmentKind.Group : AssessmentKind.Individual;
        if (AssessmentRules.Participants(kind, kind == AssessmentKind.Group ? s.Participants : null, out var participants) is { } p) return (null, KindStep, "participants", p);
        if (kind == AssessmentKind.Group && AssessmentRules.GroupLabel(kind, s.GroupLabel) is { } g) return (null, KindStep, "groupLabel", g);
        for (var t = 0; t < PlaceStandardThemes.Count; t++)
            if (AssessmentRules.Comment(s.Good[t]) is not null || AssessmentRules.Comment(s.Better[t]) is not null) return (null, ThemeStep(t + 1), "good", "A comment must be 1,000 characters or fewer");
        if (s.Scores.All(x => x == 0) && s.Good.All(x => x is null) && s.Better.All(x => x is null))
            return (null, ThemeStep(1), "score", "Answer at least one question before you submit");
        string? About(string key) => s.About.GetValueOrDefault(key);
        return (new NewAssessment(kind, participants, kind == AssessmentKind.Group ? s.GroupLabel : null, About("age_band"), About("sex"), About("ethnic_group"), About("disability"),
            (int[])s.Scores.Clone(), (string?[])s.Good.Clone(), (string?[])s.Better.Clone()), null, null, null);
    }
}

/// <summary>Save and come back later (<see cref="SavedDrafts"/>), for Place Standard drafts; kept <see cref="PlaceStandardOptions.DraftDays"/> days.</summary>
public static class Drafts
{
    public static Task<(string Code, DateTime Until)> SaveAsync(CohesionDb db, IDataProtectionProvider dp, RespondState s, int days, CancellationToken ct) =>
        SavedDrafts.SaveAsync(db, db.PsDrafts, new AssessmentDraft { EngagementId = s.EngagementId, CodeHash = "", Payload = "" }, s, days, () => RespondForm.Protect(dp, s), ct);

    public static async Task<RespondState?> RestoreAsync(CohesionDb db, IDataProtectionProvider dp, string? code, int engagementId, CancellationToken ct) =>
        await SavedDrafts.FindAsync(db.PsDrafts.Where(d => d.EngagementId == engagementId), code, ct) is { } payload ? RespondForm.Unprotect(dp, payload, engagementId) : null;
}
