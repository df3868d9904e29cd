namespace Cohesion.PlaceStandard.Demo;

/// <summary>Made-up comments for the demo's synthetic assessments: a few per theme, of each kind.</summary>
static class DemoComments
{
    /// <summary>Per theme (in theme order): what is good now, then what could be better.</summary>
    public static readonly (string[] Good, string[] Better)[] ByTheme =
    [
        (["The canal towpath is a lovely way to walk into town.", "Most pavements are wide enough for a pushchair."],
         ["There is no safe cycle route to the town centre.", "Dropped kerbs are missing at several crossings."]),
        (["Buses to Manchester are frequent during the day.", "The Metrolink stop is a short walk away."],
         ["Evening buses stop too early to get home from work.", "Bus stops need shelters and timetables that work."]),
        (["The new crossing outside the school has made a difference.", "Parking is easy near the shops."],
         ["Cars speed along the main road at night.", "Pavement parking blocks wheelchairs and prams."]),
        (["The market square looks much better since it was repaved.", "The old mill buildings give the area character."],
         ["Empty shop fronts make the high street feel neglected.", "Signs are hard to follow if you are new here."]),
        (["The park and the moors are close by.", "The community garden has brought people out."],
         ["Some of the green space feels unsafe after dark.", "More trees on the main streets would help in summer."]),
        (["The new play area is well used by families.", "The youth club runs football every week."],
         ["There is nothing for teenagers to do in the evenings.", "The playground equipment is broken and not repaired."]),
        (["The library and the community centre are friendly and busy.", "The health centre is easy to get to."],
         ["It takes weeks to get a GP appointment.", "The post office closed and the nearest is two buses away."]),
        (["There are more small businesses opening on the parade.", "The college runs good courses for adults."],
         ["Young people leave because there are few good jobs here.", "Most work on offer is short hours and low pay."]),
        (["Neighbours look out for each other on our street.", "The new family homes near the park are good quality."],
         ["Damp and mould in rented homes are a big problem.", "There are not enough homes big enough for large families."]),
        (["The lunch club and the mosque open day bring people together.", "The summer fair is something everyone goes to."],
         ["There are few places where different communities mix.", "Older people living alone can go days without talking to anyone."]),
        (["People are proud of where they come from here.", "I have lived here all my life and feel at home."],
         ["Newer residents do not always feel welcome.", "The area is talked down in the news."]),
        (["It feels safe during the day on the main streets.", "The police community support officers are known by name."],
         ["Some alleyways are badly lit and feel unsafe.", "Antisocial behaviour near the shops puts people off going out."]),
        (["Volunteers keep the park tidy.", "The council repaired the potholes on our road quickly."],
         ["Fly-tipping in the back alleys is not cleared for weeks.", "Litter and overflowing bins are a daily problem."]),
        (["The ward forum listens and reports back.", "Residents were asked about the new play area and it shows."],
         ["Decisions are made elsewhere and we hear about them afterwards.", "Consultations are online only and many people miss them."]),
    ];

    /// <summary>Comments holding made-up personal data (reserved test numbers, example domains), so the demo's moderation queue has something to do.</summary>
    public static readonly (int Theme, CommentKind Kind, string Text)[] WithPersonalData =
    [
        (5, CommentKind.GoodNow, "The allotments are great, ring the society on 07700 900461 if you want a plot."),
        (14, CommentKind.CouldBeBetter, "Nobody answers, email me at tenants.group@example.org and I will tell you more."),
        (13, CommentKind.CouldBeBetter, "The bins behind OL1 1AA have not been emptied for a month."),
    ];

    public static readonly string[] GroupLabels =
        ["Youth club", "Over-60s lunch club", "Women's group at the community centre", "Residents' association", "Parents at the primary school", "Community centre volunteers"];
}
