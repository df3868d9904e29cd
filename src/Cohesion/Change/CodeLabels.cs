namespace Cohesion.Change;

/// <summary>
/// Readable names for the codes extracts use (docs/change-formats.md): the Census 2011 ethnic groups and ISO
/// 639-3 languages. A code not listed is shown as it is.
/// </summary>
public static class CodeLabels
{
    static readonly Dictionary<string, string> Ethnic = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WhiteBrit"] = "White British", ["Irish"] = "White Irish", ["OtherWhite"] = "Other White", ["Mixed"] = "Mixed or multiple",
        ["Indian"] = "Indian", ["Pakistani"] = "Pakistani", ["Bangladeshi"] = "Bangladeshi", ["Chinese"] = "Chinese",
        ["OtherAsian"] = "Other Asian", ["BlkAfrican"] = "Black African", ["BlkCaribbean"] = "Black Caribbean", ["OtherBlk"] = "Other Black",
        ["Arab"] = "Arab", ["Other"] = "Any other ethnic group", ["GypsyTraveller"] = "Gypsy or Irish Traveller",
    };

    static readonly Dictionary<string, string> Language = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eng"] = "English", ["cym"] = "Welsh", ["gle"] = "Irish", ["pol"] = "Polish", ["ron"] = "Romanian", ["lit"] = "Lithuanian",
        ["lav"] = "Latvian", ["por"] = "Portuguese", ["ita"] = "Italian", ["spa"] = "Spanish", ["fra"] = "French", ["deu"] = "German",
        ["bul"] = "Bulgarian", ["hun"] = "Hungarian", ["slk"] = "Slovak", ["ces"] = "Czech", ["rus"] = "Russian", ["ukr"] = "Ukrainian",
        ["sqi"] = "Albanian", ["rom"] = "Romany", ["urd"] = "Urdu", ["pan"] = "Panjabi", ["pus"] = "Pashto", ["prs"] = "Dari",
        ["fas"] = "Persian", ["ben"] = "Bengali", ["syl"] = "Sylheti", ["guj"] = "Gujarati", ["hin"] = "Hindi", ["tam"] = "Tamil",
        ["mal"] = "Malayalam", ["sin"] = "Sinhala", ["nep"] = "Nepali", ["tgl"] = "Tagalog", ["vie"] = "Vietnamese", ["tha"] = "Thai",
        ["kor"] = "Korean", ["yue"] = "Cantonese", ["cmn"] = "Mandarin", ["ara"] = "Arabic", ["kur"] = "Kurdish", ["tur"] = "Turkish",
        ["som"] = "Somali", ["tir"] = "Tigrinya", ["amh"] = "Amharic", ["yor"] = "Yoruba", ["twi"] = "Twi", ["swa"] = "Swahili",
    };

    static readonly Dictionary<string, string> Sex = new() { ["F"] = "Female", ["M"] = "Male", ["X"] = "Another or indeterminate", ["U"] = "Unknown" };

    /// <summary>The label of a stored category code <c>characteristic:code</c> (or <c>all</c>).</summary>
    public static string Category(string stored)
    {
        if (stored == "all") return "All";
        var colon = stored.IndexOf(':');
        if (colon < 0) return stored;
        var (ch, code) = (stored[..colon], stored[(colon + 1)..]);
        if (code == "not_stated") return "Not stated";
        return ch switch
        {
            "sex" => Sex.GetValueOrDefault(code, code),
            "ethnic_group" => Ethnic.GetValueOrDefault(code, code),
            "main_language" => Language.GetValueOrDefault(code, code),
            "year_group" => code == "R" ? "Reception" : $"Year {code}",
            _ => code,
        };
    }
}
