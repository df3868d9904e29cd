#!/usr/bin/env python3
"""A synthetic Open Referral UK (HSDS 3.0) file of N services around Oldham for bench/oruk.sh.

Usage: oruk_generate.py N SEED OUTPUT
Every service is complete (organisation, a location with address and coordinates in the Oldham district, one or
two schedules, languages, a cost, a contact, a phone, a service area and Cohesion taxonomy terms). Organisations
(one per 100 services) and locations (one per 3 services) are shared, as in real directories. Ids are random UUIDs
from the seed; Cohesion's term ids are its name-based UUIDs, so the terms are the seeded taxonomy's. Synthetic.
"""
import json, random, sys, uuid

NAMESPACE = uuid.UUID("6f1f4c1e-3b55-4a43-9c6e-0c5e7a7d2c01")
ACTIVITY = uuid.uuid5(NAMESPACE, "taxonomy:Cohesion community assets")
AUDIENCE = uuid.uuid5(NAMESPACE, "taxonomy:Cohesion audiences")
def term(taxonomy, code): return str(uuid.uuid5(NAMESPACE, f"term:{taxonomy}:{code}"))

ACTIVITIES = ["esol", "language-cafe", "conversation-club", "buddy-scheme", "mental-health", "sport", "arts-culture", "faith", "youth",
              "older-people", "carers", "disability", "refugee-migrant", "advice", "food", "volunteering", "community-space", "green-space", "social-prescribing"]
AUDIENCES = ["everyone", "children", "young-people", "families", "older-people", "women", "men", "carers", "refugees-asylum-seekers", "new-arrivals"]
WHAT = {"esol": "English classes", "language-cafe": "Language cafe", "conversation-club": "Conversation club", "buddy-scheme": "Buddy scheme",
        "mental-health": "Wellbeing group", "sport": "Football sessions", "arts-culture": "Craft club", "faith": "Community prayer breakfast",
        "youth": "Youth club", "older-people": "Lunch club", "carers": "Carers' cafe", "disability": "Inclusive swimming", "refugee-migrant": "Welcome drop-in",
        "advice": "Benefits advice", "food": "Food pantry", "volunteering": "Volunteer centre", "community-space": "Room hire", "green-space": "Park volunteers",
        "social-prescribing": "Link worker clinic"}
PLACES = ["Coldhurst", "Werneth", "Alexandra", "Chadderton", "Failsworth", "Hollinwood", "Royton", "Shaw", "Saddleworth", "Lees", "Waterhead", "Medlock Vale", "St Mary's", "St James'"]
WARDS = ["Alexandra", "Chadderton Central", "Coldhurst", "Crompton", "Failsworth East", "Hollinwood", "Medlock Vale", "Royton North", "Shaw", "Waterhead", "Werneth"]
LANGS = [("English", "en"), ("Urdu", "ur"), ("Bengali", "bn"), ("Punjabi", "pa"), ("Arabic", "ar"), ("Polish", "pl"), ("Romanian", "ro"), ("Kurdish", "ku"), ("Tigrinya", "ti")]
WORDS = "friendly welcoming weekly free local volunteers practise support meet people community learn together help family children women men older young".split()

def main():
    n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rnd = random.Random(seed)
    uid = lambda: str(uuid.UUID(int=rnd.getrandbits(128), version=4))
    orgs = [{"id": uid(), "name": f"{rnd.choice(PLACES)} Community Trust {i} (synthetic)", "description": "A synthetic community organisation for benchmarks.",
             "email": f"org{i}@example.org", "website": f"https://org{i}.example.org"} for i in range(max(1, n // 100))]
    locations = []
    for i in range(max(1, n // 3)):
        place = rnd.choice(PLACES)
        locations.append({"id": uid(), "location_type": "physical", "name": f"{place} Centre {i}", "latitude": round(rnd.uniform(53.50, 53.59), 6),
                          "longitude": round(rnd.uniform(-2.18, -2.02), 6),
                          "addresses": [{"address_1": f"{rnd.randint(1, 300)} {place} Road", "city": "Oldham", "postal_code": f"OL{rnd.randint(1, 9)} {rnd.randint(1, 9)}AB",
                                         "country": "GB", "address_type": "physical"}],
                          **({"accessibility": [{"id": uid(), "description": "Step-free access"}]} if rnd.random() < 0.5 else {})})
    with open(out, "w", encoding="utf-8") as f:
        f.write("[")
        for i in range(n):
            activity = rnd.choice(ACTIVITIES)
            place = rnd.choice(PLACES)
            sid = uid()
            location = rnd.choice(locations)
            sal = uid()
            lang = rnd.sample(LANGS, rnd.randint(1, 3))
            s = {"id": sid, "name": f"{WHAT[activity]} in {place} {i} (synthetic)",
                 "description": f"{WHAT[activity]} for {place}: " + " ".join(rnd.choices(WORDS, k=18)) + ".",
                 "status": "active" if rnd.random() < 0.93 else rnd.choice(["inactive", "temporarily closed"]),
                 "email": f"service{i}@example.org", "minimum_age": rnd.choice([0, 5, 11, 16, 18, 19]),
                 "last_modified": f"2026-{rnd.randint(1, 11):02d}-{rnd.randint(1, 28):02d}T{rnd.randint(0, 23):02d}:00:00.000Z",
                 "organization": rnd.choice(orgs),
                 "service_at_locations": [{"id": sal, "location": location}],
                 "schedules": [{"id": uid(), "freq": "WEEKLY", "byday": rnd.choice(["MO", "TU,TH", "WE", "FR", "SA"]), "opens_at": f"{rnd.randint(9, 18):02d}:00",
                                "closes_at": f"{rnd.randint(19, 21):02d}:00", "service_at_location_id": sal}]
                              + ([{"id": uid(), "freq": "MONTHLY", "byday": "-1FR", "opens_at": "13:00", "closes_at": "15:00"}] if rnd.random() < 0.3 else []),
                 "languages": [{"id": uid(), "name": name, "code": code} for name, code in lang],
                 "cost_options": [{"id": uid(), "option": "Per session", "amount": rnd.choice([0, 0, 0, 1, 2.5, 5]), "currency": "GBP"}],
                 "contacts": [{"id": uid(), "name": "Duty worker", "email": f"contact{i}@example.org", "phones": [{"number": f"0161 {rnd.randint(100, 999)} {rnd.randint(1000, 9999)}"}]}],
                 "phones": [{"id": uid(), "number": f"0161 {rnd.randint(100, 999)} {rnd.randint(1000, 9999)}", "type": "voice"}],
                 "service_areas": [{"id": uid(), "name": rnd.choice(WARDS)}],
                 "attributes": [{"taxonomy_term_id": term(ACTIVITY, activity)}, {"taxonomy_term_id": term(AUDIENCE, rnd.choice(AUDIENCES))}]}
            if rnd.random() < 0.6: s["url"] = f"https://service{i}.example.org"
            f.write(("," if i else "") + json.dumps(s, ensure_ascii=False))
        f.write("]\n")

if __name__ == "__main__":
    main()
