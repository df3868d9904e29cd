using System.Globalization;
using System.Text.RegularExpressions;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;

namespace Cohesion.Surveys.Builder;

/// <summary>A local question as typed on its add or edit page (bound by field name, no prefix).</summary>
public sealed partial class LocalQuestionForm
{
    public string? Code { get; set; }
    public string? Question { get; set; }
    public string? Hint { get; set; }
    /// <summary>choice, number or thermometer.</summary>
    public string? Kind { get; set; }
    /// <summary>For a choice: one answer a line, as a label or <c>code|label</c>.</summary>
    public string? Options { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }

    public const int MaxLabel = 200;
    public static readonly ItemKind[] Kinds = [ItemKind.Choice, ItemKind.Number, ItemKind.Thermometer];

    public static LocalQuestionForm Of(LocalItem i) => new()
    {
        Code = i.Code, Question = i.Question, Hint = i.Hint, Kind = i.Kind.ToString().ToLowerInvariant(),
        Options = i.Kind == ItemKind.Choice ? i.Options.Replace("\n", "\r\n") : "",
        Min = i.Kind == ItemKind.Number ? i.Min.ToString(CultureInfo.InvariantCulture) : "",
        Max = i.Kind == ItemKind.Number ? i.Max.ToString(CultureInfo.InvariantCulture) : "",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex CodePattern();

    /// <summary>
    /// Checks the form and writes it onto <paramref name="item"/> (a new one, or the one being edited); false when
    /// anything is wrong, each problem reported by field. With <paramref name="answered"/>, only the wording and hint
    /// may change: the kind, answers and range are what people already answered against.
    /// </summary>
    public bool TryApply(LocalItem item, Survey survey, bool isNew, bool answered, Action<string, string> fail)
    {
        var errors = 0;
        void Fail(string field, string message) { errors++; fail(field, message); }

        var question = Question?.Trim() ?? "";
        if (question.Length == 0) Fail("question", "Enter the question");
        else if (question.Length > SurveyLimits.QuestionLength) Fail("question", $"The question must be {SurveyLimits.QuestionLength} characters or fewer");
        var hint = Hint?.Trim() ?? "";
        if (hint.Length > SurveyLimits.HintLength) Fail("hint", $"The hint must be {SurveyLimits.HintLength:N0} characters or fewer");

        var code = item.Code;
        if (isNew)
        {
            // The prefix is added for them; typing it as well is not a mistake.
            var typed = Code?.Trim().ToLowerInvariant() ?? "";
            if (typed.StartsWith(SurveyItems.LocalPrefix, StringComparison.Ordinal)) typed = typed[SurveyItems.LocalPrefix.Length..];
            code = typed.Length == 0 ? NextCode(survey) : SurveyItems.LocalPrefix + typed;
            if (typed.Length > 0 && !CodePattern().IsMatch(typed)) Fail("code", "The code must be lower-case letters, digits, hyphens (-) and underscores (_), starting with a letter or digit");
            else if (code.Length > SurveyLimits.ItemCodeLength) Fail("code", $"The code must be {SurveyLimits.ItemCodeLength - SurveyItems.LocalPrefix.Length} characters or fewer after '{SurveyItems.LocalPrefix}'");
            else if (survey.LocalItems.Any(l => l.Code == code)) Fail("code", $"This survey already has a question with the code {code}: choose another");
            if (survey.LocalItems.Count >= SurveyLimits.MaxLocalItems) Fail("question", $"A survey may have at most {SurveyLimits.MaxLocalItems} questions of its own");
        }

        var kind = item.Kind;
        string options = item.Options;
        int min = item.Min, max = item.Max;
        if (!answered)
        {
            var chosen = Kinds.Where(k => string.Equals(k.ToString(), Kind?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(k => (ItemKind?)k).FirstOrDefault();
            if (chosen is { } k) kind = k;
            else Fail("kind", "Select how the question is answered");
            options = "";
            (min, max) = kind == ItemKind.Thermometer ? (0, 100) : (0, 0);
            if (chosen is null) { }
            else if (kind == ItemKind.Choice)
            {
                if (ParseOptions(Options, out var parsed) is { } problem) Fail("options", problem);
                else options = SurveyItems.FormatOptions(parsed);
            }
            else if (kind == ItemKind.Number)
            {
                var lo = Bound("min", Min, "lowest", Fail);
                var hi = Bound("max", Max, "highest", Fail);
                if (lo is { } a && hi is { } b)
                {
                    if (a >= b) Fail("max", $"The highest answer must be more than the lowest ({a:N0})");
                    else (min, max) = (a, b);
                }
            }
        }
        if (errors > 0) return false;
        item.Code = code;
        item.Question = question;
        item.Hint = hint.Length == 0 ? null : hint;
        item.Kind = kind;
        item.Options = options;
        item.Min = min;
        item.Max = max;
        return true;
    }

    static int? Bound(string field, string? text, string which, Action<string, string> fail)
    {
        var s = text?.Trim() ?? "";
        if (!int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            fail(field, s.Length == 0 ? $"Enter the {which} answer allowed, a whole number" : $"The {which} answer allowed must be a whole number, like 0 or 10");
            return null;
        }
        if (Math.Abs(n) > SurveyLimits.NumberLimit)
        {
            fail(field, $"The {which} answer allowed must be from {-SurveyLimits.NumberLimit:N0} to {SurveyLimits.NumberLimit:N0}");
            return null;
        }
        return n;
    }

    /// <summary>The answers typed one a line; a line is a label (its code made from it) or <c>code|label</c>. Returns the problem, or null.</summary>
    public static string? ParseOptions(string? text, out List<ItemOption> options)
    {
        options = [];
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count < 2) return "Enter at least two answers, one a line";
        if (lines.Count > SurveyLimits.MaxLocalOptions) return $"A question may offer at most {SurveyLimits.MaxLocalOptions} answers";
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var (code, label) = lines[i].Split('|', 2) is [var c, var l] ? (c.Trim().ToLowerInvariant(), l.Trim()) : (SurveyNames.Slug(lines[i]), lines[i]);
            if (code.Length == 0) code = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (label.Length == 0) return $"Answer {i + 1} has a code but no words: write it as code|words";
            if (label.Length > MaxLabel) return $"Answer {i + 1} must be {MaxLabel} characters or fewer";
            if (code.Length > SurveyLimits.ChoiceLength || !CodePattern().IsMatch(code))
                return $"Answer {i + 1}'s code '{code}' must be lower-case letters, digits, hyphens and underscores, {SurveyLimits.ChoiceLength} characters or fewer";
            if (seen.TryGetValue(code, out var other)) return $"Answers {other} and {i + 1} have the same code '{code}': give one of them its own, as code|words";
            seen[code] = i + 1;
            options.Add(new ItemOption(code, label, i + 1));
        }
        if (SurveyItems.FormatOptions(options).Length > SurveyLimits.OptionsLength) return $"The answers must be {SurveyLimits.OptionsLength:N0} characters or fewer in all";
        return null;
    }

    /// <summary>local-1, local-2, …: the first number no local question of the survey has.</summary>
    static string NextCode(Survey survey)
    {
        for (var n = 1; ; n++)
        {
            var code = SurveyItems.LocalPrefix + n.ToString(CultureInfo.InvariantCulture);
            if (survey.LocalItems.All(l => l.Code != code)) return code;
        }
    }
}
