using System.Globalization;
using Cohesion.Web;

namespace Cohesion.Surveys.Demo;

/// <summary>
/// A synthetic respondent's answers to every standard item, as typed (option codes, whole numbers, the ward's code),
/// made from a few latent variables so that answers hang together as real ones do:
/// <list type="bullet">
/// <item>the ward's character (<see cref="WardEffects"/>): neighbourhoods differ in trust, community strength and
/// collective efficacy, so ward estimates differ and neighbourhood reliability is meaningful;</item>
/// <item>the person's sociability (older people more, young people less) and their general optimism and trust.</item>
/// </list>
/// Each item's latent is a weighted sum of these plus its own noise, with a variance of about 1, cut at the normal
/// quantiles of the item's answer shares, which are set near the national Community Life Survey levels (cohesion
/// about 80% positive, belonging 60%, influence 25%, trusting many or some neighbours 40%, chatting monthly 70%,
/// pulling together 60%), with the Community Life Survey's differences between groups (minority ethnic groups more
/// often feel they can influence decisions, Asian residents belong more strongly), so weighting by ethnic group moves
/// the figures. The story: in <see cref="StoryWard"/> cohesion falls sharply in the last year.
/// </summary>
sealed class DemoAnswers(DemoPopulation population, int year)
{
    /// <summary>Waterhead: a mixed ward where, in the demo's last year, far fewer people say people from different backgrounds get on.</summary>
    public const string StoryWard = "E05000737";
    public const int StoryYear = 2;

    /// <summary>How neighbourly each Oldham ward is, relative to the district (latent units): the Saddleworth villages most, the inner wards least.</summary>
    static readonly Dictionary<string, double> WardEffects = new()
    {
        ["E05000719"] = -0.25, ["E05000720"] = 0.10, ["E05000721"] = 0.15, ["E05000722"] = 0.0, ["E05000723"] = -0.2,
        ["E05000724"] = 0.25, ["E05000725"] = 0.15, ["E05000726"] = 0.05, ["E05000727"] = -0.3, ["E05000728"] = -0.2,
        ["E05000729"] = 0.20, ["E05000730"] = 0.10, ["E05000731"] = 0.45, ["E05000732"] = 0.50, ["E05000733"] = 0.35,
        ["E05000734"] = -0.2, ["E05000735"] = -0.25, ["E05000736"] = 0.05, ["E05000737"] = -0.1, ["E05000738"] = -0.15,
    };

    /// <summary>The variance of the ward effects, so an item's own noise can make its latent's variance about 1.</summary>
    const double WardVariance = 0.06;

    static readonly string[] Agree = ["definitely-agree", "tend-to-agree", "tend-to-disagree", "definitely-disagree"];
    static readonly string[] AgreeFive = ["strongly-agree", "agree", "neither", "disagree", "strongly-disagree"];
    static readonly string[] Likely = ["very-likely", "likely", "neither", "unlikely", "very-unlikely"];
    static readonly string[] Mixing = ["every-day", "at-least-weekly", "at-least-monthly", "at-least-yearly", "less-often", "never"];

    static readonly DemoScale Cohesion = DemoScale.Of(Agree, 0.27, 0.53, 0.13, 0.07);
    static readonly DemoScale Belonging = DemoScale.Of(["very-strongly", "fairly-strongly", "not-very-strongly", "not-at-all-strongly"], 0.22, 0.38, 0.27, 0.13);
    static readonly DemoScale Influence = DemoScale.Of(Agree, 0.05, 0.20, 0.40, 0.35);
    static readonly DemoScale Trust = DemoScale.Of(["many", "some", "a-few", "none"], 0.10, 0.30, 0.42, 0.18);
    static readonly DemoScale Chat = DemoScale.Of(["most-days", "weekly", "monthly", "less-than-monthly", "never"], 0.16, 0.34, 0.20, 0.18, 0.12);
    static readonly DemoScale PullTogether = DemoScale.Of(Agree, 0.15, 0.45, 0.25, 0.15);
    static readonly DemoScale Borrow = DemoScale.Of(Agree, 0.08, 0.27, 0.35, 0.30);
    static readonly DemoScale MeetSocially = DemoScale.Of(["every-day", "several-times-week", "once-week", "several-times-month", "once-month", "less-than-monthly", "never"],
        0.08, 0.22, 0.20, 0.18, 0.12, 0.15, 0.05);
    static readonly DemoScale YesNo90 = DemoScale.Of(["yes", "no"], 0.93, 0.07);
    static readonly DemoScale Volunteering = DemoScale.Of(["yes", "no"], 0.24, 0.76);
    static readonly DemoScale GeneralTrust = DemoScale.Of(["most-people", "it-depends", "cant-be-too-careful"], 0.40, 0.12, 0.48);

    /// <summary>Mixing with people from different ethnic or religious backgrounds, by setting: who does not go there, then how often, top first.</summary>
    static readonly (string Code, double NotThere, DemoScale Scale)[] Settings =
    [
        ("work", 0.25, DemoScale.Of(Mixing, 0.20, 0.25, 0.12, 0.08, 0.08, 0.27)),
        ("education", 0.55, DemoScale.Of(Mixing, 0.15, 0.20, 0.12, 0.10, 0.10, 0.33)),
        ("leisure", 0.15, DemoScale.Of(Mixing, 0.05, 0.15, 0.18, 0.14, 0.12, 0.36)),
        ("worship", 0.35, DemoScale.Of(Mixing, 0.03, 0.07, 0.07, 0.08, 0.10, 0.65)),
        ("shops", 0.03, DemoScale.Of(Mixing, 0.10, 0.20, 0.15, 0.10, 0.10, 0.35)),
        ("volunteering", 0.60, DemoScale.Of(Mixing, 0.04, 0.10, 0.10, 0.08, 0.10, 0.58)),
        ("home", 0.10, DemoScale.Of(Mixing, 0.04, 0.10, 0.14, 0.12, 0.12, 0.48)),
    ];

    static readonly (string Code, DemoScale Scale)[] OtherGroups =
    [
        ("age", DemoScale.Of(Mixing, 0.15, 0.30, 0.20, 0.15, 0.10, 0.10)),
        ("disability", DemoScale.Of(Mixing, 0.05, 0.12, 0.15, 0.18, 0.15, 0.35)),
        ("sexual-orientation", DemoScale.Of(Mixing, 0.04, 0.10, 0.14, 0.15, 0.15, 0.42)),
        ("country-of-birth", DemoScale.Of(Mixing, 0.08, 0.15, 0.17, 0.15, 0.12, 0.33)),
        ("income", DemoScale.Of(Mixing, 0.10, 0.20, 0.20, 0.15, 0.10, 0.25)),
    ];

    /// <summary>Collective efficacy items: the five cohesion and trust items (two worded negatively) and the five informal social control items.</summary>
    static readonly (string Code, bool Negative, DemoScale Scale)[] Efficacy =
    [
        ("ce-help", false, DemoScale.Of(AgreeFive, 0.14, 0.46, 0.22, 0.12, 0.06)),
        ("ce-close-knit", false, DemoScale.Of(AgreeFive, 0.08, 0.30, 0.30, 0.22, 0.10)),
        ("ce-trusted", false, DemoScale.Of(AgreeFive, 0.10, 0.42, 0.26, 0.15, 0.07)),
        ("ce-dont-get-along", true, DemoScale.Of(AgreeFive, 0.04, 0.12, 0.28, 0.40, 0.16)),
        ("ce-dont-share-values", true, DemoScale.Of(AgreeFive, 0.05, 0.20, 0.35, 0.30, 0.10)),
        ("ce-skipping-school", false, DemoScale.Of(Likely, 0.12, 0.30, 0.20, 0.25, 0.13)),
        ("ce-graffiti", false, DemoScale.Of(Likely, 0.22, 0.38, 0.15, 0.16, 0.09)),
        ("ce-disrespect", false, DemoScale.Of(Likely, 0.10, 0.28, 0.24, 0.25, 0.13)),
        ("ce-fight", false, DemoScale.Of(Likely, 0.20, 0.38, 0.17, 0.16, 0.09)),
        ("ce-fire-station", false, DemoScale.Of(Likely, 0.28, 0.38, 0.17, 0.11, 0.06)),
    ];

    /// <summary>Mean warmth (0–100) towards each thermometer's group, before the respondent's own groups and outlook move it.</summary>
    static readonly Dictionary<string, double> Warmth = new()
    {
        ["white-british"] = 72, ["black"] = 66, ["asian"] = 63, ["mixed"] = 67, ["gypsy-traveller"] = 45, ["christians"] = 72, ["muslims"] = 58,
        ["jews"] = 66, ["hindus"] = 65, ["sikhs"] = 65, ["no-religion"] = 68, ["immigrants"] = 58, ["refugees"] = 54, ["young"] = 68, ["older"] = 80,
        ["disabled"] = 80, ["lgb"] = 66, ["trans"] = 55, ["women"] = 80, ["men"] = 74,
    };

    /// <summary>The answers of <paramref name="p"/>, by item code; an item left out was not answered.</summary>
    public Dictionary<string, string> For(DemoPerson p, DemoRandom rng)
    {
        var ward = population.Wards[p.Ward];
        var story = ward.Code == StoryWard && year == StoryYear;
        var r = new Latents(rng, WardEffects.GetValueOrDefault(ward.Code),
            rng.Normal() + (p.Young ? -0.25 : p.Older ? 0.25 : 0) - (p.Disabled ? 0.15 : 0), rng.Normal());
        var a = new Dictionary<string, string>(StringComparer.Ordinal);
        var nonWhiteBritish = 1 - ward.WhiteBritishShare;
        var white = p.Ethnic == "white-british";
        var minority = p.Broad != "White";

        // Cohesion: lower among White British residents of the most mixed wards, and in the story's ward and year.
        Answer(a, rng, "cohesion", () =>
            rng.Chance(0.04) ? "dont-know"
            : rng.Chance(0.01) ? "too-few-people"
            : rng.Chance(ward.WhiteBritishShare > 0.9 ? 0.05 : 0.005) ? "all-same-background"
            : Cohesion.Pick(r.Item(0.8, 0.2, 0.35) - (white ? 0.6 * nonWhiteBritish : 0) + (p.Broad == "Asian" ? 0.25 : 0) + 0.1 - (story ? 0.9 : 0)));
        Answer(a, rng, "belonging", () => rng.Chance(0.01) ? "dont-know"
            : Belonging.Pick(r.Item(0.4, 0.65, 0.2) + (p.Age <= 1 ? -0.2 : p.Older ? 0.2 : 0) + (p.Broad == "Asian" ? 0.35 : 0) - (p.BornInUk ? 0 : 0.1) + 0.02 * year));
        Answer(a, rng, "influence", () => rng.Chance(0.07) ? "dont-know"
            : Influence.Pick(r.Item(0.2, 0.35, 0.45) + (minority ? 0.45 : 0) - (p.Disabled ? 0.1 : 0) - 0.03 * year));
        Answer(a, rng, "trust-neighbours", () => rng.Chance(0.02) ? "just-moved" : rng.Chance(0.03) ? "dont-know"
            : Trust.Pick(r.Item(0.9, 0.3, 0.55) + (p.Young ? -0.25 : p.Older ? 0.2 : 0) - (story ? 0.3 : 0)));
        Answer(a, rng, "chat-neighbours", () => rng.Chance(0.005) ? "dont-know" : Chat.Pick(r.Item(0.3, 0.75, 0) + (p.Older ? 0.3 : p.Young ? -0.3 : 0)));
        Answer(a, rng, "pull-together", () => rng.Chance(0.02) ? "nothing-needs-improving" : rng.Chance(0.07) ? "dont-know"
            : PullTogether.Pick(r.Item(0.9, 0.3, 0.35) - (story ? 0.4 : 0)));
        Answer(a, rng, "borrow-favours", () => rng.Chance(0.02) ? "dont-know" : Borrow.Pick(r.Item(0.35, 0.7, 0)));

        // Mixing: more opportunity in mixed wards for White British residents; people in minority groups mix across groups more often.
        var exposure = (white ? 1.2 * nonWhiteBritish - 0.2 : 0.5) + (p.Young ? 0.25 : 0);
        foreach (var (code, notThere, scale) in Settings)
        {
            var away = code switch
            {
                "work" => p.Age >= 5 ? 0.85 : notThere,
                "education" => p.Age == 0 ? 0.2 : p.Age >= 4 ? 0.85 : notThere,
                "worship" => p.Religion == "none" ? 0.9 : notThere,
                _ => notThere,
            };
            Answer(a, rng, $"mix-{code}", () => rng.Chance(away) ? "not-applicable" : scale.Pick(r.Item(0, 0.5, 0.3) + exposure));
        }
        foreach (var (code, scale) in OtherGroups)
            Answer(a, rng, $"mix-by-{code}", () => rng.Chance(0.04) ? "not-applicable" : scale.Pick(r.Item(0.1, 0.55, 0.2) + (p.Young ? 0.15 : 0)));

        // Collective efficacy: mostly the ward, so neighbourhoods can be told apart; both subscales share it.
        var efficacy = r.Item(1.0, 0.3, 0.4) - (story ? 0.25 : 0);
        foreach (var (code, negative, scale) in Efficacy)
            Answer(a, rng, code, () => scale.Pick((negative ? -0.7 : 0.7) * efficacy + 0.71 * rng.Normal()), skip: 0.03);

        // Warmth towards groups: a general warmth, warmer still towards one's own groups, and some cooler feelings typical of surveys like the EHRC barometer.
        var warmth = 0.6 * r.Optimism + 0.8 * rng.Normal();
        foreach (var (target, mean) in Warmth)
        {
            var shift = (Member(p, target) ? 14 : 0) + Cooler(p, target, story);
            Answer(a, rng, $"therm-{target}", () => Rating(rng, mean + 12 * warmth + shift + 16 * rng.Normal()), skip: 0.04);
        }

        Answer(a, rng, "sc-meet-socially", () => rng.Chance(0.005) ? "dont-know" : MeetSocially.Pick(r.Item(0.1, 0.8, 0.1) + (p.Young ? 0.3 : 0)));
        Answer(a, rng, "sc-rely-on", () => rng.Chance(0.01) ? "dont-know" : YesNo90.Pick(r.Item(0.1, 0.4, 0.3)));
        Answer(a, rng, "sc-volunteering", () => rng.Chance(0.01) ? "dont-know"
            : Volunteering.Pick(r.Item(0.3, 0.6, 0.1) + (p.Religion is "none" ? 0 : 0.15) + (p.Older ? 0.15 : 0)));
        Answer(a, rng, "sc-generalised-trust", () => rng.Chance(0.03) ? "dont-know" : GeneralTrust.Pick(r.Item(0.3, 0.1, 0.7)));

        About(a, rng, p, ward.Code);
        return a;
    }

    /// <summary>The respondent's own answers about themselves: each may be left blank or declined; proficiency only when English is not their main language.</summary>
    static void About(Dictionary<string, string> a, DemoRandom rng, DemoPerson p, string ward)
    {
        a["residence"] = ward;
        Say(a, rng, "age", DemoPopulation.AgeBands[p.Age], 0.015);
        Say(a, rng, "sex", p.Sex, 0.01);
        Say(a, rng, "gender-identity", p.Trans ? "no" : "yes", 0.02, blank: 0.06);
        Say(a, rng, "ethnic-group", p.Ethnic, 0.02);
        Say(a, rng, "religion", p.Religion, 0.03, blank: 0.04);
        Say(a, rng, "disability", p.Disability, 0.02);
        Say(a, rng, "sexual-orientation", p.SexualOrientation, 0.05, blank: 0.07);
        Say(a, rng, "country-of-birth", p.CountryOfBirth, 0.01);
        Say(a, rng, "main-language", p.MainLanguage, 0.01);
        if (p.EnglishProficiency is { } e) Say(a, rng, "english-proficiency", e, 0.02);
    }

    static void Say(Dictionary<string, string> a, DemoRandom rng, string code, string value, double declined, double blank = 0.01)
    {
        if (rng.Chance(blank)) return;
        a[code] = rng.Chance(declined) ? "prefer-not-to-say" : value;
    }

    /// <summary>Answers unless the respondent skips the question (1.5% by default).</summary>
    static void Answer(Dictionary<string, string> a, DemoRandom rng, string code, Func<string> answer, double skip = 0.015)
    {
        // The answer is drawn whether or not it is kept, so skipping one question does not change the draws for the next.
        var value = answer();
        if (!rng.Chance(skip)) a[code] = value;
    }

    /// <summary>A rating as people give them: most round to the nearest 10 or 5, within 0–100.</summary>
    static string Rating(DemoRandom rng, double x)
    {
        var u = rng.Uniform();
        var step = u < 0.55 ? 10 : u < 0.8 ? 5 : 1;
        var v = Math.Clamp(Math.Round(x / step, MidpointRounding.AwayFromZero) * step, 0, 100);
        return ((int)v).ToString(CultureInfo.InvariantCulture);
    }

    static bool Member(DemoPerson p, string target) => target switch
    {
        "white-british" => p.Ethnic == "white-british",
        "black" => p.Broad == "Black",
        "asian" => p.Broad == "Asian",
        "mixed" => p.Broad == "Mixed",
        "gypsy-traveller" => p.Ethnic is "white-gypsy-traveller" or "white-roma",
        "christians" => p.Religion == "christian",
        "muslims" => p.Religion == "muslim",
        "jews" => p.Religion == "jewish",
        "hindus" => p.Religion == "hindu",
        "sikhs" => p.Religion == "sikh",
        "no-religion" => p.Religion == "none",
        "immigrants" => !p.BornInUk,
        "young" => p.Age == 0,
        "older" => p.Age >= 6,
        "disabled" => p.Disabled,
        "lgb" => p.SexualOrientation is "gay-lesbian" or "bisexual",
        "trans" => p.Trans,
        "women" => p.Sex == "female",
        "men" => p.Sex == "male",
        _ => false,
    };

    static double Cooler(DemoPerson p, string target, bool story)
    {
        var shift = 0.0;
        if (p.Ethnic == "white-british")
        {
            shift += target switch { "muslims" or "immigrants" => -6, "refugees" => -8, "asian" => -4, "gypsy-traveller" => -5, _ => 0 };
            if (story && target is "muslims" or "asian") shift -= 8;
        }
        if (p.Religion == "muslim") shift += target switch { "jews" => -6, "lgb" => -8, "trans" => -6, _ => 0 };
        if (p.Age >= 5) shift += target switch { "lgb" => -6, "trans" => -8, "young" => -4, "immigrants" => -4, _ => 0 };
        if (p.Age == 0) shift += target switch { "lgb" or "trans" => 6, "older" => -3, _ => 0 };
        return shift;
    }

    /// <summary>One respondent's latent parts: their ward's effect, their sociability and their optimism.</summary>
    sealed class Latents(DemoRandom rng, double ward, double sociability, double optimism)
    {
        public double Optimism => optimism;

        /// <summary>An item's latent: the weighted parts plus the item's own noise, scaled so its variance is about 1.</summary>
        public double Item(double wardLoading, double sociabilityLoading, double optimismLoading)
        {
            var explained = wardLoading * wardLoading * WardVariance + sociabilityLoading * sociabilityLoading + optimismLoading * optimismLoading;
            var noise = Math.Sqrt(Math.Max(0.1, 1 - explained));
            return wardLoading * ward + sociabilityLoading * sociability + optimismLoading * optimism + noise * rng.Normal();
        }
    }
}
