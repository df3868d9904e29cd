using Cohesion.Analytics.Disclosure;
using Cohesion.Assets.Editing;
using Cohesion.Assets.Model;

namespace Cohesion.Assets.Moderation;

/// <summary>
/// What residents may send without signing in: bounded text, screened for personal data (e-mail addresses, phone
/// numbers, postcodes) because partners read proposals and reports, and the directory must not keep a resident's
/// details in text that is passed around. The one place for contact details is the proposal's own box, which only a
/// moderator sees and which is deleted once the proposal is dealt with.
/// </summary>
public static class ResidentRules
{
    /// <summary>Longer than this is not a description from a resident but a paste of something else.</summary>
    public const int MaxText = AssetLimits.DetailsLength;

    /// <summary>The text, or the problem: too long, or holding personal data the screen found (named, so the resident knows what to take out).</summary>
    public static FieldRules.Read<string?> Screened(string? raw, string label, int max, bool required = false)
    {
        var t = FieldRules.Text(raw, label, max, required);
        if (t.Value is not { } s) return t;
        var found = PersonalDataScreen.Scan(s);
        return found.Count == 0 ? t : new(null,
            $"{label} holds {string.Join(" and ", found.Select(f => f.Kind).Distinct().Select(PersonalDataScreen.Describe))}: take it out. We do not keep anyone’s contact details in what partners read.");
    }

    /// <summary>An e-mail address or a UK phone number for the moderator to reply to, or nothing.</summary>
    public static FieldRules.Read<string?> Contact(string? raw)
    {
        var t = FieldRules.Text(raw, "How we can reach you", AssetLimits.EmailLength);
        if (t.Value is not { } s) return t;
        if (FieldRules.Email(s, "", AssetLimits.EmailLength).Problem is null || FieldRules.UkPhone(s, "", AssetLimits.EmailLength).Problem is null) return t;
        return new(null, $"How we can reach you must be an email address or a UK phone number (you entered '{FieldRules.Clip(s)}')");
    }
}
