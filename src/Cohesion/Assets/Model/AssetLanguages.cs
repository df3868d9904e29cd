namespace Cohesion.Assets.Model;

/// <summary>A language a directory record can say it is offered in: its code as stored, its English name, and the other ISO 639 code people may write.</summary>
/// <param name="Code">ISO 639-1 where the language has one, ISO 639-3 otherwise (as HSDS allows).</param>
/// <param name="Alternate">The ISO 639-3 code of a language that also has a 639-1 one, so files may use either.</param>
public sealed record LanguageChoice(string Code, string Name, string? Alternate = null);

/// <summary>
/// The languages the directory knows, one list for the editing form's choices and for imports, so a code one accepts
/// the other does too and the same language is always stored under the same code.
/// </summary>
public static class AssetLanguages
{
    /// <summary>
    /// Languages commonly spoken in England, by the Census 2021 main-language counts (ONS TS024) for England and the
    /// languages of recent arrivals, in English alphabetical order.
    /// </summary>
    public static readonly IReadOnlyList<LanguageChoice> All =
    [
        new("sq", "Albanian", "sqi"), new("am", "Amharic", "amh"), new("ar", "Arabic", "ara"), new("bn", "Bengali", "ben"),
        new("bfi", "British Sign Language"), new("bg", "Bulgarian", "bul"), new("yue", "Cantonese"), new("zh", "Chinese", "zho"),
        new("cs", "Czech", "ces"), new("prs", "Dari"), new("en", "English", "eng"), new("fa", "Farsi (Persian)", "fas"),
        new("fr", "French", "fra"), new("gd", "Gaelic", "gla"), new("de", "German", "deu"), new("el", "Greek", "ell"),
        new("gu", "Gujarati", "guj"), new("hi", "Hindi", "hin"), new("hu", "Hungarian", "hun"), new("ig", "Igbo", "ibo"),
        new("ga", "Irish", "gle"), new("it", "Italian", "ita"), new("ku", "Kurdish", "kur"), new("lv", "Latvian", "lav"),
        new("lt", "Lithuanian", "lit"), new("cmn", "Mandarin"), new("ne", "Nepali", "nep"), new("phr", "Pahari-Pothwari"),
        new("ps", "Pashto", "pus"), new("pl", "Polish", "pol"), new("pt", "Portuguese", "por"), new("pa", "Punjabi", "pan"),
        new("ro", "Romanian", "ron"), new("rom", "Romany"), new("ru", "Russian", "rus"), new("sk", "Slovak", "slk"),
        new("so", "Somali", "som"), new("es", "Spanish", "spa"), new("sw", "Swahili", "swa"), new("syl", "Sylheti"),
        new("tl", "Tagalog (Filipino)", "tgl"), new("ta", "Tamil", "tam"), new("ti", "Tigrinya", "tir"), new("tr", "Turkish", "tur"),
        new("tw", "Twi", "twi"), new("uk", "Ukrainian", "ukr"), new("ur", "Urdu", "urd"), new("vi", "Vietnamese", "vie"),
        new("cy", "Welsh", "cym"), new("yo", "Yoruba", "yor"),
    ];

    static readonly Dictionary<string, LanguageChoice> ByCode = All
        .SelectMany(l => l.Alternate is { } alt ? new[] { (l.Code, l), (alt, l) } : [(l.Code, l)])
        .ToDictionary(x => x.Item1, x => x.l, StringComparer.OrdinalIgnoreCase);

    /// <summary>The language with this ISO 639-1 or 639-3 code (any case), or null.</summary>
    public static LanguageChoice? Find(string code) => ByCode.GetValueOrDefault(code.Trim());
}
