using Cohesion.Accounts;
using Cohesion.Analytics.Disclosure;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.PlaceStandard;

/// <summary>
/// What a moderator may do to a comment, each written to the audit log (who, which comment, what was done; never the
/// text): approve it as written, publish it redacted (the personal data removed, the original text discarded), or
/// reject it (its text deleted; it is never published).
/// </summary>
public static class Moderation
{
    public static readonly ModerationState[] States = [ModerationState.Pending, ModerationState.Approved, ModerationState.Redacted, ModerationState.Rejected];

    static void Done(CohesionDb db, ThemeComment c, ModerationState state, string engagement, string actor, string ip, string detail)
    {
        c.State = state;
        c.ModeratedAt = DateTime.UtcNow;
        c.ModeratedBy = actor;
        db.Record(actor, AuditActions.Moderation, $"place-standard {engagement} comment {c.Id}", detail, ip);
    }

    public static void Approve(CohesionDb db, ThemeComment c, string engagement, string actor, string ip) =>
        Done(db, c, ModerationState.Approved, engagement, actor, ip, c.Flags.Length == 0 ? "approved" : $"approved although the screen found: {c.Flags}");

    /// <summary>Publishes <paramref name="text"/> in place of the comment; returns why not when it is empty, too long or still holds personal data.</summary>
    public static string? Redact(CohesionDb db, ThemeComment c, string? text, string engagement, string actor, string ip)
    {
        var s = text?.Trim() ?? "";
        if (s.Length == 0) return "Enter the comment as it should be published, or reject it";
        if (AssessmentRules.Comment(s) is { } tooLong) return char.ToUpperInvariant(tooLong[0]) + tooLong[1..];
        if (PersonalDataScreen.Scan(s) is { Count: > 0 } found)
            return $"The comment still holds {string.Join(" and ", found.Select(f => f.Kind).Distinct().Select(PersonalDataScreen.Describe))}: remove it before publishing";
        var flags = c.Flags;
        c.Text = s;
        c.Flags = "";
        Done(db, c, ModerationState.Redacted, engagement, actor, ip, flags.Length == 0 ? "redacted" : $"redacted ({flags})");
        return null;
    }

    public static void Reject(CohesionDb db, ThemeComment c, string engagement, string actor, string ip)
    {
        // The text goes: a rejected comment is never published, and keeping personal data nobody will use is not allowed.
        c.Text = "";
        Done(db, c, ModerationState.Rejected, engagement, actor, ip, "rejected; text deleted");
    }

    /// <summary>Approves every waiting comment of the engagement in which the screen found nothing; one audit entry with the count.</summary>
    public static async Task<int> ApproveCleanAsync(CohesionDb db, Engagement e, string actor, string ip, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var n = await db.PsComments.Where(c => c.Assessment!.EngagementId == e.Id && c.State == ModerationState.Pending && c.Flags == "")
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, ModerationState.Approved).SetProperty(c => c.ModeratedAt, now).SetProperty(c => c.ModeratedBy, actor), ct);
        db.Record(actor, AuditActions.Moderation, $"place-standard {e.Name}", $"approved {n} waiting comments in which the screen found nothing", ip);
        await db.SaveChangesAsync(ct);
        return n;
    }
}
