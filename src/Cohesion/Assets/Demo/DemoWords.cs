namespace Cohesion.Assets.Demo;

/// <summary>What one activity term looks like in the demo: how many services, where they cluster, their names, descriptions, audiences and times.</summary>
/// <param name="Count">Services of the term in the demo directory.</param>
/// <param name="Centre">Weight of a town-centre ward, per resident (inner wards weigh 1).</param>
/// <param name="Outer">Weight of an outer ward, per resident; 0 leaves the outer wards without it, the gap the analysis finds.</param>
/// <param name="Kinds">The kinds of organisation that run it.</param>
sealed record DemoTerm(string Code, int Count, double Centre, double Outer, string[] Kinds, string[] Names, string[] Blurbs, string[] Audiences,
    (int Min, int Max)? Ages, string[] Times);

/// <summary>A kind of organisation in the demo: how its invented names are made, and what partner maintains its records.</summary>
sealed record DemoOrgKind(string Code, string[] Names, string Blurb, string Maintainer);

/// <summary>
/// The word lists and templates the demo directory is written from. Every name is invented: organisations are made of
/// made-up street and building names with the real ward and town names; people's offers give first names only.
/// Email addresses are on <c>example.org</c> (reserved, RFC 2606) and telephone numbers in Ofcom's ranges kept for
/// drama (0161 496 0xxx, 07700 900xxx), so none reaches anyone.
/// </summary>
static class DemoWords
{
    public const string Council = "Oldham Council Communities Team (demo)";
    public const string Voluntary = "Oldham Voluntary Action (demo)";
    public const string Health = "Oldham Social Prescribing Network (demo)";

    /// <summary>The demo's partner organisations that maintain records, with their kind.</summary>
    public static readonly (string Name, Accounts.OrganisationKind Kind)[] Maintainers =
    [
        (Council, Accounts.OrganisationKind.Council), (Voluntary, Accounts.OrganisationKind.Voluntary), (Health, Accounts.OrganisationKind.Nhs),
    ];

    /// <summary>Wards around the town centre, where ESOL and refugee support cluster (as they do in many towns).</summary>
    public static readonly HashSet<string> CentreWards = ["Coldhurst", "St Mary's", "Werneth", "Alexandra", "St James'"];

    /// <summary>The outer, more rural or suburban wards: green spaces, few language classes.</summary>
    public static readonly HashSet<string> OuterWards = ["Saddleworth North", "Saddleworth South", "Saddleworth West and Lees", "Crompton", "Shaw", "Royton North"];

    /// <summary>The town a ward's addresses are in, and its postcode district (outward code only: no made-up full postcode can be someone's).</summary>
    public static (string Town, string Outward) TownOf(string ward) => ward switch
    {
        "Chadderton Central" or "Chadderton North" or "Chadderton South" => ("Chadderton", "OL9"),
        "Failsworth East" or "Failsworth West" => ("Failsworth", "M35"),
        "Royton North" or "Royton South" => ("Royton", "OL2"),
        "Shaw" or "Crompton" => ("Shaw", "OL2"),
        "Saddleworth North" => ("Delph", "OL3"),
        "Saddleworth South" => ("Greenfield", "OL3"),
        "Saddleworth West and Lees" => ("Lees", "OL4"),
        "Hollinwood" or "Medlock Vale" => ("Oldham", "OL8"),
        "Alexandra" => ("Oldham", "OL8"),
        "Waterhead" or "St James'" => ("Oldham", "OL4"),
        "Werneth" or "Coldhurst" => ("Oldham", "OL9"),
        _ => ("Oldham", "OL1"),
    };

    public static readonly string[] Streets =
    [
        "Alder Street", "Beacon Road", "Cobden Lane", "Dunmore Street", "Elmfield Road", "Fernlea Avenue", "Garside Street", "Hartley Lane",
        "Ivy Bank Road", "Juniper Way", "Kestrel Road", "Larkhill Street", "Mossbank Road", "Netherfield Lane", "Oakwell Street", "Primrose Bank",
        "Quarry Lane", "Rowan Street", "Sandbrook Road", "Thornham Lane", "Upperwood Street", "Vine Street", "Willowbank Road", "Yewtree Lane",
        "Ashbourne Road", "Birchfield Street", "Clough Lane", "Delamere Street", "Edgecote Road", "Foxdenton Way", "Greenacres Street", "Heyside Lane",
    ];

    public static readonly string[] Buildings =
    [
        "Community Centre", "Family Hub", "Neighbourhood Centre", "Resource Centre", "Community Hall", "Youth Centre", "Methodist Hall", "Friends Meeting Room",
    ];

    public static readonly string[] Adjectives = ["Bright", "Open", "Common", "Kind", "Brave", "Good", "Hopeful", "Steady", "Warm", "New", "Together", "Roots"];
    public static readonly string[] Nouns = ["Horizons", "Door", "Ground", "Hands", "Steps", "Neighbours", "Futures", "Paths", "Threads", "Table", "Bridges", "Circle"];

    public static readonly DemoOrgKind[] OrgKinds =
    [
        new("faith", ["{street} Community Mosque", "{street} Methodist Church", "St Aidan's Church, {town}", "{town} Gurdwara Community Trust", "{street} Baptist Church", "{ward} Islamic Centre", "{street} Hindu Community Centre", "{street} Christian Fellowship"],
            "A faith community with a place of worship and activities open to the wider neighbourhood.", Voluntary),
        new("community", ["{ward} Community Association", "{street} Residents' Association", "{street} Neighbourhood Forum", "{ward} Tenants and Residents Group", "Friends of {street}"],
            "A residents' group run by volunteers for the people of the neighbourhood.", Voluntary),
        new("charity", ["{adj} {noun} {town}", "{adj} {noun} Trust", "{town} {noun} Project", "{adj} {noun} CIC"],
            "A local charity working with residents across the borough.", Voluntary),
        new("migrant", ["{town} Welcome Project", "{adj} Bridges Refugee Support", "{town} New Neighbours Network", "{adj} Roots Migrant Forum"],
            "A charity welcoming and supporting refugees, asylum seekers and people new to the country.", Voluntary),
        new("sport", ["{ward} {sport} Club", "{town} {sport} Club", "{street} {sport} Club"],
            "A community sports club run by volunteers, open to all abilities.", Voluntary),
        new("council", ["Oldham Lifelong Learning Service ({town})", "{town} Neighbourhood Team", "Oldham Parks Service ({ward})", "Oldham Youth Service ({ward})", "{town} Adult Social Care Community Team"],
            "A council service for residents of the borough.", Council),
        new("health", ["{ward} Primary Care Network", "{town} Wellbeing Hub", "{ward} Health Centre Patient Group"],
            "An NHS or health partnership team working with local GP practices.", Health),
        new("school", ["{street} Primary School", "{ward} Academy", "{street} High School"],
            "A school that opens its halls, pitches and rooms to the community outside school hours.", Council),
        new("library", ["{ward} Library", "{town} Library and Lifelong Learning Centre"],
            "A public library with free activities, computers and study space.", Council),
        new("advice", ["{town} Advice Centre", "{adj} Advice Oldham", "{town} Money and Housing Advice"],
            "Free, independent advice for residents.", Voluntary),
        new("food", ["{ward} Community Pantry", "{street} Food Bank", "{adj} {noun} Kitchen"],
            "Food support and shared meals run with volunteers.", Voluntary),
        new("arts", ["{town} Arts Collective", "{street} Community Theatre", "{adj} {noun} Arts", "{town} Heritage Group"],
            "Arts, crafts, music and heritage for everyone.", Voluntary),
        new("timebank", ["Oldham Good Neighbours Time Bank"],
            "Residents swap skills and time: an hour given is an hour to spend. It lists what members offer, with their consent.", Voluntary),
    ];

    public static readonly string[] Sports = ["Cricket", "Football", "Boxing", "Badminton", "Running", "Netball", "Cycling", "Swimming", "Table Tennis", "Walking Football"];

    const string Morning = "10:00-12:00", Midday = "12:00-14:00", Afternoon = "13:30-15:30", After = "16:00-18:00", Evening = "18:30-20:30";

    public static readonly DemoTerm[] Terms =
    [
        new("esol", 22, 9, 0, ["migrant", "council", "library", "faith", "community", "charity"],
            ["ESOL Entry 1", "ESOL Entry 2 and 3", "ESOL for beginners", "Women's ESOL group", "Family ESOL", "ESOL Level 1 (accredited)", "ESOL for work"],
            ["English classes for adults whose first language is not English, from beginners up. Free for people on benefits and for refugees and asylum seekers.", "Small friendly English classes with a qualified teacher; a crèche is available. Come to a session to be assessed for the right level."],
            ["new-arrivals", "refugees-asylum-seekers", "women", "everyone"], (16, 120), [Morning, Afternoon, Evening]),
        new("language-cafe", 10, 8, 0, ["migrant", "library", "charity", "faith", "community"],
            ["Language café", "Chai and chat language café", "Saturday language café", "Coffee and conversation"],
            ["Drop in to practise English (and other languages) over tea and cake with local volunteers. No booking, all levels welcome."],
            ["everyone", "new-arrivals"], null, [Morning, Afternoon]),
        new("conversation-club", 12, 6, 0, ["library", "community", "charity", "migrant"],
            ["English conversation club", "Talk English", "Conversation club for women", "Speak up conversation group"],
            ["A weekly group for practising spoken English in a relaxed setting, with volunteers who help with everyday situations: the doctor, school, shops and work."],
            ["everyone", "women", "new-arrivals"], null, [Morning, Afternoon, Evening]),
        new("buddy-scheme", 6, 7, 0, ["migrant", "charity"],
            ["Language buddies", "Welcome buddies", "Conversation partners scheme"],
            ["We match newcomers with a trained volunteer for an hour a week of conversation practice and help finding their way around Oldham."],
            ["refugees-asylum-seekers", "new-arrivals"], (18, 120), [Morning, Afternoon]),
        new("language-learning", 4, 5, 0, ["community", "faith", "school"],
            ["Urdu and Arabic classes", "Polish Saturday school", "Bengali classes for children", "Community language classes"],
            ["Classes in community languages for children and adults, so families keep their languages alive."],
            ["children", "families", "faith-communities"], (5, 16), [After, Morning]),
        new("mental-health", 32, 1.2, 0.8, ["charity", "health", "community", "faith"],
            ["Wellbeing walk and talk", "Men's mental health group", "Anxiety peer support", "Mindfulness for beginners", "Low mood drop-in", "Talking therapies outreach", "Women's wellbeing circle"],
            ["A friendly, confidential group for anyone whose mental health is getting them down. Come along, listen or talk: there is no pressure to share.", "Peer support led by people with lived experience, with a trained facilitator."],
            ["everyone", "men", "women", "lgbtq"], (18, 120), [Morning, Afternoon, Evening]),
        new("sport", 42, 0.8, 1.2, ["sport", "school", "council", "community"],
            ["Junior {sport}", "{sport} for all", "Women's {sport}", "Walking football", "Chair-based exercise", "Couch to 5k", "Family swim", "Boxing fitness"],
            ["Coached sessions for all abilities; equipment provided. Just turn up in comfortable clothes.", "A relaxed session for people who want to get more active, at their own pace."],
            ["everyone", "young-people", "women", "older-people", "families"], null, [After, Evening, Morning]),
        new("arts-culture", 32, 1.1, 0.9, ["arts", "library", "community", "faith"],
            ["Community choir", "Craft and natter", "Creative writing group", "Mela planning group", "Heritage walks", "Drama for teenagers", "Textile art workshop"],
            ["Meet people, learn something new and make things together. All materials provided; no experience needed."],
            ["everyone", "young-people", "older-people", "women"], null, [Afternoon, Evening]),
        new("faith", 28, 1.6, 0.6, ["faith"],
            ["Friday community lunch", "Open mosque day", "Interfaith dialogue evening", "Sunday fellowship and tea", "Faith and neighbours forum", "Iftar open to all"],
            ["Open to people of all faiths and none: come and meet your neighbours, ask questions and share food."],
            ["faith-communities", "everyone"], null, [Midday, Evening]),
        new("youth", 30, 1.3, 0.8, ["community", "council", "sport", "faith", "school"],
            ["Youth club", "Girls' group", "Homework club", "Duke of Edinburgh's Award group", "Detached youth work", "Young leaders"],
            ["A safe space for young people to meet friends, try new activities and get support from trained youth workers."],
            ["young-people", "children"], (11, 19), [After, Evening]),
        new("older-people", 30, 0.9, 1.2, ["community", "faith", "charity", "council"],
            ["Lunch club", "Friendship café", "Tea dance", "Befriending calls", "Memory café", "Chair yoga for over 60s"],
            ["A warm welcome, a hot drink and good company. Transport can be arranged for people who cannot get here on their own."],
            ["older-people"], (60, 120), [Morning, Midday, Afternoon]),
        new("carers", 12, 1, 1, ["charity", "health", "council"],
            ["Carers' coffee morning", "Young carers group", "Carers' break scheme", "Caring for someone with dementia"],
            ["Support, information and a break for people who look after a family member or friend."],
            ["carers"], null, [Morning, After]),
        new("disability", 15, 1, 1, ["charity", "council", "sport"],
            ["Disability sports session", "Learning disability social club", "Deaf community group", "Accessible arts", "Sight loss support group"],
            ["Activities designed with disabled people, in a fully accessible venue with support workers on hand."],
            ["disabled-people", "everyone"], null, [Afternoon, Evening]),
        new("refugee-migrant", 14, 9, 0, ["migrant", "faith", "charity"],
            ["Welcome drop-in", "Asylum support casework", "New arrivals orientation", "Women's welcome group", "Refugee employment support"],
            ["Help for people new to the country: registering with a GP and schools, understanding letters, and meeting others in the same situation."],
            ["refugees-asylum-seekers", "new-arrivals"], null, [Morning, Afternoon]),
        new("advice", 24, 1.5, 0.7, ["advice", "council", "library", "charity"],
            ["Benefits advice", "Debt and money advice", "Housing advice drop-in", "Immigration advice (OISC registered)", "Employment rights clinic", "Energy bills help"],
            ["Free, confidential advice from trained advisers. Bring any letters you have received."],
            ["everyone", "new-arrivals"], (16, 120), [Morning, Afternoon]),
        new("food", 24, 1.4, 0.6, ["food", "faith", "community"],
            ["Community pantry", "Food bank", "Community meal", "Cook and eat", "Growing club"],
            ["Affordable and free food, shared meals and cooking together. No referral needed for the pantry; food bank by referral or drop-in."],
            ["everyone", "families"], null, [Midday, Afternoon]),
        new("volunteering", 18, 1, 1, ["charity", "community", "council"],
            ["Volunteer drop-in", "Litter pick", "Community garden volunteers", "Volunteer drivers", "Befriending volunteers"],
            ["Give some time and meet new people: we find the volunteering role that suits you, with training and expenses paid."],
            ["everyone"], (16, 120), [Morning, Afternoon]),
        new("community-space", 8, 1, 1, ["community", "faith"],
            ["Open community lounge", "Warm space", "Community drop-in"],
            ["A free warm space with Wi-Fi, drinks and friendly faces; come in for as long as you like."],
            ["everyone"], null, [Morning, Afternoon]),
        new("green-space", 8, 0.5, 2, ["council", "community"],
            ["Park walk", "Friends of the park work day", "Nature trail", "Allotment open day"],
            ["Get outdoors, help look after a green space and learn about the wildlife on your doorstep."],
            ["everyone", "families"], null, [Morning]),
        new("social-prescribing", 10, 1, 1, ["health"],
            ["Social prescribing link worker", "Community connector drop-in", "Wellbeing coaching"],
            ["Link workers spend time with you to find out what matters to you and connect you with local groups and support. Ask your GP practice for a referral or self-refer."],
            ["everyone"], (16, 120), [Morning, Afternoon]),
    ];

    /// <summary>Languages a session is run in besides English, with how often: weighted towards Oldham's (Census 2011 main languages).</summary>
    public static readonly (string Name, string Code, double Weight)[] Languages =
    [
        ("Urdu", "ur", 0.30), ("Bengali", "bn", 0.22), ("Punjabi", "pa", 0.14), ("Polish", "pl", 0.07), ("Arabic", "ar", 0.08),
        ("Kurdish", "ku", 0.03), ("Romanian", "ro", 0.03), ("Pashto", "ps", 0.02), ("Persian", "fa", 0.02), ("Tigrinya", "ti", 0.015),
    ];

    /// <summary>First names only: people's offers never carry a surname.</summary>
    public static readonly string[] FirstNames =
    [
        "Aisha", "Bilal", "Carol", "Daniel", "Eilidh", "Farah", "Gareth", "Hina", "Imran", "Joanne", "Kasia", "Liam", "Maryam", "Nasreen", "Olu",
        "Pat", "Qasim", "Rita", "Sajid", "Tomasz", "Usha", "Vera", "Waqas", "Yasmin", "Zainab", "Alan", "Bushra", "Colin", "Dawn", "Ejaz",
    ];

    public static readonly (string Skill, string Blurb, string Term)[] Offers =
    [
        ("English conversation practice", "I am happy to meet for a chat in English over a cup of tea, to help someone practise.", "conversation-club"),
        ("help with forms and letters", "I can help read and fill in forms and official letters.", "advice"),
        ("gardening help", "I can give a few hours a month to help with a community garden or an older neighbour's garden.", "volunteering"),
        ("bike repairs", "I can fix bikes and show people how to do basic repairs.", "volunteering"),
        ("cooking lessons", "I can teach simple, cheap family meals from Pakistani, Bengali and British kitchens.", "food"),
        ("sewing and mending", "I can teach sewing and help mend clothes.", "arts-culture"),
        ("computer help", "I can help people get online: email, video calls, booking appointments.", "advice"),
        ("walking buddy", "I walk most mornings and would welcome company for anyone who wants to get out more.", "mental-health"),
        ("Urdu and English interpreting at appointments", "I can come along to appointments to help with Urdu and English.", "refugee-migrant"),
        ("football coaching for kids", "I have a coaching badge and can help with junior football sessions.", "sport"),
        ("music lessons (guitar)", "I can give beginners' guitar lessons to young people.", "arts-culture"),
        ("befriending older neighbours", "I can visit or phone an older neighbour for a chat once a week.", "older-people"),
    ];

    public static readonly (string Name, string Term, int Min, int Max, string Booking)[] Spaces =
    [
        ("Main hall", "community-space", 80, 200, "Book by phone or email at least a week ahead; reduced rates for community groups."),
        ("Meeting room", "community-space", 10, 30, "Book online or at reception; free for residents' groups."),
        ("Kitchen and café space", "community-space", 15, 40, "Bookable for community meals; food hygiene certificate needed."),
        ("Sports hall", "community-space", 40, 120, "Evening and weekend bookings through the school office."),
        ("Park", "green-space", 200, 2000, "Events need permission from the parks service: apply at least six weeks ahead."),
        ("Community garden", "green-space", 20, 60, "Open to all in daylight; groups arrange sessions with the volunteers."),
        ("Playing field", "green-space", 50, 400, "Pitches bookable by the session from the parks service."),
        ("Allotments", "green-space", 10, 40, "Plots let through the allotment society; waiting list."),
    ];

    public static readonly string[] Accessibility = ["Step-free access", "Hearing loop", "Accessible toilet", "Accessible parking", "Baby changing facilities", "Quiet room"];
}
