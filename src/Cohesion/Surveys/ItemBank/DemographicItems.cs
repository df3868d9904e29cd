namespace Cohesion.Surveys.ItemBank;

/// <summary>
/// Questions about the respondent, worded as Census 2021 (England) asks them so results can be weighted to, and set
/// beside, census figures; each is optional and has "prefer not to say". Broad groups are what results are broken
/// down by, so no published figure rests on a small detailed group.
/// </summary>
static class DemographicItems
{
    const string Census = "Census 2021 (England), ONS; GSS harmonised standard";
    const string AboutYou = "About you";
    static readonly ItemOption NotSay = Scales.PreferNotToSay;

    public static IEnumerable<Item> All()
    {
        yield return new Item("age", AboutYou, "What is your age?", ItemKind.Choice,
            [
                new("16-24", "16 to 24", Broad: "16 to 34"), new("25-34", "25 to 34", Broad: "16 to 34"),
                new("35-44", "35 to 44", Broad: "35 to 54"), new("45-54", "45 to 54", Broad: "35 to 54"),
                new("55-64", "55 to 64", Broad: "55 to 69"), new("65-69", "65 to 69", Broad: "55 to 69"),
                new("70-74", "70 to 74", Broad: "70 or over"), new("75-plus", "75 or over", Broad: "70 or over"),
                NotSay,
            ])
        { Characteristic = "age", Source = "Age bands for survey results (ONS harmonised age groups, joined at 70 for the thermometer's \"older people\")", Derivation = "Used to break results down by broad age group." };

        yield return new Item("sex", AboutYou, "What is your sex?", ItemKind.Choice,
            [new("female", "Female"), new("male", "Male"), NotSay])
        { Characteristic = "sex", Source = Census, Derivation = "Used to break results down by sex." };

        yield return new Item("gender-identity", AboutYou, "Is the gender you identify with the same as your sex registered at birth?", ItemKind.Choice,
            [new("yes", "Yes", Broad: "Gender identity the same as sex registered at birth"), new("no", "No", Broad: "Gender identity different from sex registered at birth (trans)"), NotSay])
        { Characteristic = "gender-identity", Hint = "This question is voluntary.", Source = Census, Derivation = "Used to break results down by gender identity." };

        yield return new Item("ethnic-group", AboutYou, "What is your ethnic group?", ItemKind.Choice,
            [
                new("white-british", "White: English, Welsh, Scottish, Northern Irish or British", Broad: "White"),
                new("white-irish", "White: Irish", Broad: "White"),
                new("white-gypsy-traveller", "White: Gypsy or Irish Traveller", Broad: "White"),
                new("white-roma", "White: Roma", Broad: "White"),
                new("white-other", "White: any other White background", Broad: "White"),
                new("mixed-white-black-caribbean", "Mixed or Multiple ethnic groups: White and Black Caribbean", Broad: "Mixed"),
                new("mixed-white-black-african", "Mixed or Multiple ethnic groups: White and Black African", Broad: "Mixed"),
                new("mixed-white-asian", "Mixed or Multiple ethnic groups: White and Asian", Broad: "Mixed"),
                new("mixed-other", "Mixed or Multiple ethnic groups: any other Mixed or Multiple background", Broad: "Mixed"),
                new("asian-indian", "Asian or Asian British: Indian", Broad: "Asian"),
                new("asian-pakistani", "Asian or Asian British: Pakistani", Broad: "Asian"),
                new("asian-bangladeshi", "Asian or Asian British: Bangladeshi", Broad: "Asian"),
                new("asian-chinese", "Asian or Asian British: Chinese", Broad: "Asian"),
                new("asian-other", "Asian or Asian British: any other Asian background", Broad: "Asian"),
                new("black-african", "Black, Black British, Caribbean or African: African", Broad: "Black"),
                new("black-caribbean", "Black, Black British, Caribbean or African: Caribbean", Broad: "Black"),
                new("black-other", "Black, Black British, Caribbean or African: any other Black, Black British or Caribbean background", Broad: "Black"),
                new("other-arab", "Other ethnic group: Arab", Broad: "Other"),
                new("other-any", "Other ethnic group: any other ethnic group", Broad: "Other"),
                NotSay,
            ])
        { Characteristic = "ethnic-group", Source = Census, Derivation = "Used to break results down by broad ethnic group (Asian, Black, Mixed, White, Other) and to weight to the census population by broad ethnic group." };

        yield return new Item("religion", AboutYou, "What is your religion?", ItemKind.Choice,
            [
                new("none", "No religion", Broad: "No religion"),
                new("christian", "Christian, including Church of England, Catholic, Protestant and all other Christian denominations", Broad: "Christian"),
                new("buddhist", "Buddhist", Broad: "Buddhist"),
                new("hindu", "Hindu", Broad: "Hindu"),
                new("jewish", "Jewish", Broad: "Jewish"),
                new("muslim", "Muslim", Broad: "Muslim"),
                new("sikh", "Sikh", Broad: "Sikh"),
                new("other", "Any other religion", Broad: "Any other religion"),
                NotSay,
            ])
        { Characteristic = "religion", Hint = "This question is voluntary.", Source = Census, Derivation = "Used to break results down by religion." };

        yield return new Item("disability", AboutYou, "Are your day-to-day activities limited because of a health problem or disability which has lasted, or is expected to last, at least 12 months?", ItemKind.Choice,
            [
                new("limited-a-lot", "Yes, limited a lot", Broad: "Disabled"),
                new("limited-a-little", "Yes, limited a little", Broad: "Disabled"),
                new("no", "No", Broad: "Not disabled"),
                NotSay,
            ])
        { Characteristic = "disability", Hint = "Include problems related to old age.", Source = "Census 2011 (England and Wales), ONS; Equality Act 2010 definition of disability as the GSS harmonised standard applies it", Derivation = "Disabled = day-to-day activities limited a lot or a little; used to break results down by disability." };

        yield return new Item("sexual-orientation", AboutYou, "Which of the following best describes your sexual orientation?", ItemKind.Choice,
            [
                new("straight", "Straight or Heterosexual", Broad: "Straight or heterosexual"),
                new("gay-lesbian", "Gay or Lesbian", Broad: "Gay, lesbian, bisexual or other"),
                new("bisexual", "Bisexual", Broad: "Gay, lesbian, bisexual or other"),
                new("other", "Other sexual orientation", Broad: "Gay, lesbian, bisexual or other"),
                NotSay,
            ])
        { Characteristic = "sexual-orientation", Hint = "This question is voluntary.", Source = Census, Derivation = "Used to break results down by sexual orientation (straight or heterosexual; gay, lesbian, bisexual or other)." };

        yield return new Item("country-of-birth", AboutYou, "What is your country of birth?", ItemKind.Choice,
            [
                new("england", "England", Broad: "Born in the UK"), new("wales", "Wales", Broad: "Born in the UK"),
                new("scotland", "Scotland", Broad: "Born in the UK"), new("northern-ireland", "Northern Ireland", Broad: "Born in the UK"),
                new("ireland", "Republic of Ireland", Broad: "Born outside the UK"), new("elsewhere", "Elsewhere", Broad: "Born outside the UK"),
                NotSay,
            ])
        { Characteristic = "country-of-birth", Source = Census, Derivation = "Used to break results down by born in or outside the UK." };

        yield return new Item("main-language", AboutYou, "What is your main language?", ItemKind.Choice,
            [new("english", "English", Broad: "English"), new("other", "Other, including British Sign Language", Broad: "Other main language"), NotSay])
        { Characteristic = "main-language", Source = Census, Derivation = "Used to break results down by main language." };

        yield return new Item("english-proficiency", AboutYou, "How well can you speak English?", ItemKind.Choice,
            [
                new("very-well", "Very well", Broad: "Speaks English well or very well"), new("well", "Well", Broad: "Speaks English well or very well"),
                new("not-well", "Not well", Broad: "Speaks English not well or not at all"), new("not-at-all", "Not at all", Broad: "Speaks English not well or not at all"),
                NotSay,
            ])
        { Characteristic = "english-proficiency", Hint = "Answer this if your main language is not English.", Source = Census, Derivation = "Used to break results down by proficiency in English among those whose main language is not English." };

        yield return new Item("residence", AboutYou, "Which area do you live in?", ItemKind.Residence, [])
        { Characteristic = "area", Hint = "Choose the area your home is in. If you are not sure, choose the nearest one.", Source = "Cohesion: the survey's areas at its residence level (ward, MSOA or LSOA)", Derivation = "Used to break results down by area and to weight to each area's census population." };
    }
}
