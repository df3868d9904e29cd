#!/usr/bin/env python3
"""Synthetic survey for bench/survey.sh, used by both cohesion and R survey: a stratified, clustered, weighted
sample with three categorical weighting margins and 1,000 domains.

  20 strata x 100 PSUs (clusters) x ~rows/2000 respondents; weights lognormal around N/n by stratum;
  margins age (6 bands), sex (2), ethnic group (5) whose sample distribution differs from the population's;
  domains: 500 areas (4 PSUs each) x 2 groups; y: a 1-5 scale score with area and PSU effects; 2% missing.

Usage: survey_generate.py ROWS SEED OUT.csv MARGINS.txt
Writes the respondents to OUT.csv and the population margins, as cohesion's --rake text, to MARGINS.txt.
Standard library only; the same seed gives the same files."""
import random
import sys

rows, seed, out, margins_out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
rng = random.Random(seed)
AGES = ["16-24", "25-34", "35-44", "45-54", "55-64", "65+"]
SEXES = ["F", "M"]
ETHNIC = ["White", "Asian", "Black", "Mixed", "Other"]
STRATA, PSUS_PER_STRATUM = 20, 100
psus = STRATA * PSUS_PER_STRATUM
per_psu = rows // psus
extra = rows - per_psu * psus

area_effect = [rng.gauss(0, 0.25) for _ in range(psus // 4)]
weighted = {"age": [0.0] * 6, "sex": [0.0] * 2, "eth": [0.0] * 5}
total_weight = 0.0
with open(out, "w") as f:
    f.write("id,stratum,psu,w,age,sex,ethnic,domain,y\n")
    rid = 0
    for p in range(psus):
        h = p // PSUS_PER_STRATUM
        psu_effect = rng.gauss(0, 0.15)
        area = p // 4
        base = 8 + 0.8 * h  # strata sampled at different rates
        for _ in range(per_psu + (1 if p < extra else 0)):
            rid += 1
            # Younger people and men under-respond; the weighting margins put them back.
            a = min(5, int(rng.triangular(0, 6, 4.5)))
            s = 0 if rng.random() < 0.56 else 1
            e = rng.choices(range(5), weights=[70 - 2 * h, 12 + h, 8, 5, 5])[0]
            w = base * rng.lognormvariate(0, 0.35)
            g = 1 if rng.random() < 0.5 else 2
            y = 3.2 + area_effect[area] + psu_effect + 0.08 * a - 0.1 * (e > 0) + rng.gauss(0, 0.8)
            y = min(5.0, max(1.0, y))
            ytext = "NA" if rng.random() < 0.02 else f"{y:.3f}"
            f.write(f"{rid},S{h + 1:02d},{p % PSUS_PER_STRATUM + 1},{w:.4f},{AGES[a]},{SEXES[s]},{ETHNIC[e]},A{area + 1:03d}-G{g},{ytext}\n")
            weighted["age"][a] += w
            weighted["sex"][s] += w
            weighted["eth"][e] += w
            total_weight += w

# Population counts: a population of about 10 x the weighted sample, with margins shifted from the sample's.
population = round(total_weight * 10)
shift = {"age": [1.35, 1.2, 1.0, 0.95, 0.85, 0.8], "sex": [0.94, 1.08], "eth": [0.9, 1.15, 1.2, 1.1, 1.0]}
names = {"age": AGES, "sex": SEXES, "eth": ETHNIC}
columns = {"age": "age", "sex": "sex", "eth": "ethnic"}
parts = []
for key in ["age", "sex", "eth"]:
    shares = [x * m for x, m in zip(weighted[key], shift[key])]
    counts = [round(population * x / sum(shares)) for x in shares]
    counts[-1] += population - sum(counts)  # every margin adds to the same total
    parts.append(columns[key] + ":" + ",".join(f"{n}={c}" for n, c in zip(names[key], counts)))
with open(margins_out, "w") as f:
    f.write(";".join(parts) + "\n")
