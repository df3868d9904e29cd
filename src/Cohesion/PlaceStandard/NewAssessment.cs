using System.Globalization;
using Cohesion.Analytics.Disclosure;
using Cohesion.Data;

namespace Cohesion.PlaceStandard;

/// <summary>
/// A checked assessment on its way into the database, from the online form, an import or the demo. Arrays hold one
/// entry per theme, in theme order: a score of 0 is "not answered", a null or blank comment is no comment.
/// </summary>
public sealed record NewAssessment(AssessmentKind Kind, int Participants, string? GroupLabel, string? AgeBand, string? Sex, string? EthnicGroup,
    string? Disability, int[] Scores, string?[] GoodNow, string?[] CouldBeBetter);

/// <summary>The rules every way in applies to an assessment's answers; each returns a message for a person, or null when the answer is fine.</summary>
public static class AssessmentRules
{
    /// <summary>A score as typed: 1 to 7 whole; blank is not answered (0).</summary>
    public static string? Score(string? text, out int score)
    {
        score = 0;
        var s = text?.Trim() ?? "";
        if (s.Length == 0) return null;
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out score) || score is < 1 or > 7)
        {
            score = 0;
            return "a score must be a whole number from 1 (a lot of room for improvement) to 7 (very little room for improvement), or blank for not answered";
        }
        return null;
    }

    /// <summary>Participants as typed: an individual is 1 (or blank); a group is 2 to <see cref="PlaceStandardLimits.MaxParticipants"/>.</summary>
    public static string? Participants(AssessmentKind kind, string? text, out int participants)
    {
        var s = text?.Trim() ?? "";
        participants = 1;
        if (kind == AssessmentKind.Individual)
            return s.Length == 0 || s == "1" ? null : "an individual assessment has 1 participant: leave participants blank, or make it a group assessment";
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out participants) || participants < 2 || participants > PlaceStandardLimits.MaxParticipants)
        {
            participants = 0;
            return $"a group assessment needs the number of people who took part, a whole number from 2 to {PlaceStandardLimits.MaxParticipants:N0}";
        }
        return null;
    }

    public static string? Comment(string? text) =>
        text is not null && text.Trim().Length > PlaceStandardLimits.CommentLength ? $"a comment must be {PlaceStandardLimits.CommentLength:N0} characters or fewer" : null;

    public static string? GroupLabel(AssessmentKind kind, string? text)
    {
        var s = text?.Trim() ?? "";
        if (s.Length == 0) return null;
        if (kind == AssessmentKind.Individual) return "only a group assessment has a group label (an individual's would say who they are)";
        if (s.Length > PlaceStandardLimits.GroupLabelLength) return $"a group label must be {PlaceStandardLimits.GroupLabelLength} characters or fewer";
        return PersonalDataScreen.Finds(s) ? "a group label must not hold an email address, phone number or postcode" : null;
    }

    /// <summary>An answer about the respondent: one of the question's codes, or blank for not stated.</summary>
    public static string? Code(RespondentQuestion q, string? text, out string? code)
    {
        var s = text?.Trim() ?? "";
        code = null;
        if (s.Length == 0) return null;
        if (q.Find(s) is not { } found) return $"unknown {q.Label.ToLowerInvariant()}: use one of {string.Join(", ", q.Values.Select(v => v.Code))}, or leave it blank";
        code = found.Code;
        return null;
    }
}

/// <summary>Adds checked assessments to the context, screening every comment for personal data on the way in.</summary>
public static class AssessmentWriter
{
    public const string Online = "online", Import = "import", Demo = "demo";

    /// <param name="approveClean">
    /// Publish comments in which the screen finds nothing without waiting for a moderator (an import a facilitator
    /// has already read; the demo). Comments where it finds something are always held.
    /// </param>
    public static Assessment Add(CohesionDb db, int engagementId, NewAssessment a, string source, DateOnly on, string? receipt = null, bool approveClean = false)
    {
        var assessment = new Assessment
        {
            EngagementId = engagementId, Kind = a.Kind, Participants = a.Kind == AssessmentKind.Group ? a.Participants : 1,
            GroupLabel = a.Kind == AssessmentKind.Group && !string.IsNullOrWhiteSpace(a.GroupLabel) ? a.GroupLabel.Trim() : null,
            AgeBand = a.AgeBand, Sex = a.Sex, EthnicGroup = a.EthnicGroup, Disability = a.Disability, SubmittedOn = on, Source = source, Receipt = receipt,
        };
        for (var t = 0; t < PlaceStandardThemes.Count; t++)
        {
            if (a.Scores[t] is >= 1 and <= 7) assessment.Scores.Add(new ThemeScore { Theme = (short)(t + 1), Score = (short)a.Scores[t] });
            AddComment(assessment, t, CommentKind.GoodNow, a.GoodNow[t], approveClean);
            AddComment(assessment, t, CommentKind.CouldBeBetter, a.CouldBeBetter[t], approveClean);
        }
        db.PsAssessments.Add(assessment);
        return assessment;
    }

    static void AddComment(Assessment assessment, int theme, CommentKind kind, string? text, bool approveClean)
    {
        var s = text?.Trim() ?? "";
        if (s.Length == 0) return;
        var flags = Flags(s);
        assessment.Comments.Add(new ThemeComment
        {
            Theme = (short)(theme + 1), Kind = kind, Text = s, Flags = flags,
            State = approveClean && flags.Length == 0 ? ModerationState.Approved : ModerationState.Pending,
        });
    }

    /// <summary>The screen's findings as stored: "email,phone,postcode" (each once), or empty.</summary>
    public static string Flags(string text) => string.Join(",", PersonalDataScreen.Kinds(text).Select(k => k.ToString().ToLowerInvariant()));
}
