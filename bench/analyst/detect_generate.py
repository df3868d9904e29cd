"""Writes SERIES weekly count series of WEEKS weeks as series,week,count (rows with 0 left out, as event tables do):
the mix tension monitoring has — most series sparse (area × type × strand), some busier and seasonal, a few with a
recent outbreak. Deterministic. Usage: python3 detect_generate.py SERIES WEEKS OUT.csv"""
import math, random, sys
n, weeks, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(20261201)
def poisson(mu):
    l, k, p = math.exp(-mu), 0, 1.0
    while True:
        p *= rng.random()
        if p <= l: return k
        k += 1
with open(out, "w") as f:
    f.write("series,week,count\n")
    for s in range(n):
        kind = rng.random()
        base = 0.05 + rng.random() * 0.4 if kind < 0.7 else 1 + rng.random() * 8
        amp = rng.random() * 0.5
        outbreak = rng.randrange(weeks - 52, weeks) if rng.random() < 0.05 else -1
        for t in range(1, weeks + 1):
            mu = base * math.exp(amp * math.sin(2 * math.pi * t / 52)) + (6 if 0 <= t - outbreak < 3 else 0)
            c = poisson(mu)
            if c: f.write(f"s{s:05d},{t},{c}\n")
