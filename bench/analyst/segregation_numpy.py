#!/usr/bin/python3
"""The analyst's way to the figures of `cohesion segregation`, for bench/segregation.sh.

A numpy/pandas RE-STATEMENT of the pysal `segregation` package's formulas (pysal itself cannot be installed
here: only python3-libpysal from Debian, without the segregation package). It follows pysal's way of working
- per index, dense numpy arrays, and the n x n matrices its Gini indices build - but calls plain functions on
arrays instead of pysal's classes on DataFrames, so it is, if anything, faster than pysal itself.

Usage (the census file's 14 groups, Persons as the total, districts in column LAD):
  segregation_numpy.py all INPUT OUTPUT
      every two-group index (each group against the rest of Persons) and every multigroup index (sum of the
      14 groups) for each district, written as the long CSV `cohesion segregation` writes (value column only)
  segregation_numpy.py gini INPUT N
      multigroup Gini over the first N LSOAs as one set, the pysal way (n x n matrices); prints seconds and the
      bytes one n x n matrix takes
  segregation_numpy.py systematic INPUT OUTPUT ITERATIONS SEED [DISTRICTS]
      pysal's systematic null for D of each group in each district (the first DISTRICTS districts; default
      all): the group and its complement each spread over units by a multinomial with the units' population
      shares, vectorised over the iterations (pysal loops over them in Python); p = share of simulated D >= observed
  segregation_numpy.py systematic-loop INPUT ITERATIONS SEED DISTRICTS
      the same, shaped as pysal's SingleValueTest runs it: one pandas DataFrame and one call of a DataFrame-based D
      (pysal's _dissim) per iteration, for the first DISTRICTS districts; prints seconds per (district, group)
      so the whole can be estimated. An emulation of pysal's loop, not pysal.
"""
import sys
import time
import warnings

import numpy as np
import pandas as pd

GROUPS = ["WhiteBrit", "Irish", "OtherWhite", "Mixed", "Indian", "Pakistani", "Bangladeshi", "Chinese",
          "OtherAsian", "BlkAfrican", "BlkCaribbean", "OtherBlk", "Arab", "Other"]
TWO_GROUP = ["dissimilarity", "gini", "entropy", "isolation", "interaction", "atkinson"]
MULTI = ["multi_dissimilarity", "multi_gini", "multi_information_theory", "multi_relative_diversity",
         "multi_normalized_exposure", "multi_squared_coefficient_of_variation", "multi_diversity",
         "multi_diversity_normalized", "simpsons_concentration", "simpsons_interaction"]


def shares(x, t):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(t == 0, 0, x / t)


# Two-group indices, pysal segregation.singlegroup
def dissimilarity(x, t):
    T = t.sum(); P = x.sum() / T; pi = shares(x, t)
    return (t * np.abs(pi - P)).sum() / (2 * T * P * (1 - P))


def gini(x, t):
    T = t.sum(); P = x.sum() / T; pi = shares(x, t)
    num = (np.matmul(t[np.newaxis].T, t[np.newaxis]) * np.abs(pi[np.newaxis].T - pi[np.newaxis])).sum()
    return num / (2 * T ** 2 * P * (1 - P))


def entropy(x, t):
    T = t.sum(); P = x.sum() / T; pi = shares(x, t)
    E = P * np.log(1 / P) + (1 - P) * np.log(1 / (1 - P))
    with np.errstate(divide="ignore", invalid="ignore"):
        Ei = np.where((pi <= 0) | (pi >= 1), 0, pi * np.log(1 / pi) + (1 - pi) * np.log(1 / (1 - pi)))
    return (t * (E - Ei) / (E * T)).sum()


def isolation(x, t):
    X = x.sum()
    return np.nansum((x / X) * shares(x, t))


def interaction(x, t):
    X = x.sum()
    return np.nansum((x / X) * shares(t - x, t))


def atkinson(x, t, b=0.5):
    T = t.sum(); P = x.sum() / T; pi = shares(x, t)
    return 1 - (P / (1 - P)) * np.abs((((1 - pi) ** (1 - b) * pi ** b * t) / (P * T)).sum()) ** (1 / (1 - b))


# Multigroup indices, pysal segregation.multigroup
def multi_prep(df):
    T = df.sum(); ti = df.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        pik = np.nan_to_num(df / ti[:, None])
    Pk = df.sum(axis=0) / T
    return T, ti, pik, Pk


def multi_dissimilarity(df):
    T, ti, pik, Pk = multi_prep(df); n, K = df.shape
    Is = (Pk * (1 - Pk)).sum()
    return 1 / (2 * T * Is) * np.multiply(np.abs(pik - Pk), np.repeat(ti, K, axis=0).reshape(n, K)).sum()


def multi_gini(df):
    T, ti, pik, Pk = multi_prep(df); n, K = df.shape
    Is = (Pk * (1 - Pk)).sum()
    elements = np.empty(K)
    for k in range(K):
        col = pik[:, k]
        # pysal: np.multiply(np.outer(ti, ti), manhattan_distances(pik[:, k].reshape(-1, 1))).sum()
        elements[k] = np.multiply(np.outer(ti, ti), np.abs(col[:, None] - col[None, :])).sum()
    return elements.sum() / (2 * T ** 2 * Is)


def multi_information_theory(df):
    T, ti, pik, Pk = multi_prep(df)
    with np.errstate(divide="ignore", invalid="ignore"):
        E = (Pk * np.log(1 / Pk)).sum()
        return np.nansum(np.multiply(ti[:, None], np.multiply(pik, np.log(pik / Pk)))) / (T * E)


def multi_relative_diversity(df):
    T, ti, pik, Pk = multi_prep(df)
    Is = (Pk * (1 - Pk)).sum()
    return (ti[:, None] * (pik - Pk) ** 2).sum() / (T * Is)


def multi_normalized_exposure(df):
    T, ti, pik, Pk = multi_prep(df)
    return ((ti[:, None] * (pik - Pk) ** 2) / (1 - Pk)).sum() / T


def multi_squared_coefficient_of_variation(df):
    T, ti, pik, Pk = multi_prep(df); K = df.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.nansum((ti[:, None] * (pik - Pk) ** 2) / (T * (K - 1) * Pk))


def multi_diversity(df, normalized=False):
    Pk = df.sum(axis=0) / df.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        E = -np.nansum(Pk * np.log(Pk))
    return E / np.log(df.shape[1]) if normalized else E


def simpsons_concentration(df):
    Pk = df.sum(axis=0) / df.sum()
    return (Pk * Pk).sum()


def simpsons_interaction(df):
    Pk = df.sum(axis=0) / df.sum()
    return (Pk * (1 - Pk)).sum()


MULTI_FUNCTIONS = [multi_dissimilarity, multi_gini, multi_information_theory, multi_relative_diversity,
                   multi_normalized_exposure, multi_squared_coefficient_of_variation, multi_diversity,
                   lambda df: multi_diversity(df, True), simpsons_concentration, simpsons_interaction]
TWO_GROUP_FUNCTIONS = [dissimilarity, gini, entropy, isolation, interaction, atkinson]


def quote(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n') else s


def number(v):
    return "" if v is None or np.isnan(v) else repr(float(v))


def read(path):
    return pd.read_csv(path)


def run_all(path, output):
    data = read(path)
    lines = ["by,index,group,reference,value,p_value,ci_low,ci_high,units,population"]
    for lad, d in data.groupby("LAD", sort=False):
        t = d["Persons"].to_numpy(dtype=float)
        counts = d[GROUPS].to_numpy(dtype=float)
        n = len(d)
        with np.errstate(divide="ignore", invalid="ignore"):
            for name, f in zip(TWO_GROUP, TWO_GROUP_FUNCTIONS):
                for k, g in enumerate(GROUPS):
                    lines.append(f"{quote(lad)},{name},{g},,{number(f(counts[:, k], t))},,,,{n},{number(t.sum())}")
            for name, f in zip(MULTI, MULTI_FUNCTIONS):
                lines.append(f"{quote(lad)},{name},,,{number(f(counts))},,,,{n},{number(counts.sum())}")
    with open(output, "w") as out:
        out.write("\n".join(lines) + "\n")


def run_gini(path, n):
    counts = read(path)[GROUPS].to_numpy(dtype=float)[:n]
    started = time.perf_counter()
    value = multi_gini(counts)
    seconds = time.perf_counter() - started
    print(f"multi_gini {value!r} units {len(counts)} seconds {seconds:.3f} matrix_bytes {len(counts) ** 2 * 8}")


def run_systematic(path, output, iterations, seed, districts):
    data = read(path)
    rng = np.random.default_rng(seed)
    lines = ["by,index,group,reference,value,p_value,ci_low,ci_high,units,population"]
    for number_of, (lad, d) in enumerate(data.groupby("LAD", sort=False)):
        if districts is not None and number_of >= districts:
            break
        t = d["Persons"].to_numpy(dtype=float)
        p_j = t / t.sum()
        for g in GROUPS:
            x = d[g].to_numpy(dtype=float)
            observed = dissimilarity(x, t)
            sim0 = rng.multinomial(int(x.sum()), p_j, size=iterations).astype(float)
            sim1 = rng.multinomial(int((t - x).sum()), p_j, size=iterations).astype(float)
            st = sim0 + sim1
            T = st.sum(axis=1, keepdims=True)
            P = sim0.sum(axis=1, keepdims=True) / T
            with np.errstate(divide="ignore", invalid="ignore"):
                pi = np.where(st == 0, 0, sim0 / st)
                D = ((st * np.abs(pi - P)).sum(axis=1, keepdims=True) / (2 * T * P * (1 - P))).ravel()
            p = (D >= observed).sum() / iterations
            low, high = np.nanpercentile(D, [2.5, 97.5])
            lines.append(f"{quote(lad)},dissimilarity,{g},,{number(observed)},{number(p)},{number(low)},{number(high)},{len(d)},{number(t.sum())}")
    with open(output, "w") as out:
        out.write("\n".join(lines) + "\n")


def dissim_frame(data, group_pop_var, total_pop_var):
    """pysal segregation's _dissim: DataFrame in, D out."""
    data = data.rename(columns={group_pop_var: "group_pop_var", total_pop_var: "total_pop_var"})
    if any(data.total_pop_var < data.group_pop_var):
        raise ValueError("Group of interest population must equal or lower than the total population of the units.")
    T = data.total_pop_var.sum()
    P = data.group_pop_var.sum() / T
    data = data.assign(pi=np.where(data.total_pop_var == 0, 0, data.group_pop_var / data.total_pop_var))
    D = ((data.total_pop_var * abs(data.pi - P)).sum()) / (2 * T * P * (1 - P))
    return D, data[["group_pop_var", "total_pop_var"]]


def run_systematic_loop(path, iterations, seed, districts):
    data = read(path)
    np.random.seed(seed)
    pairs = 0
    started = time.perf_counter()
    for number_of, (lad, d) in enumerate(data.groupby("LAD", sort=False)):
        if number_of >= districts:
            break
        for g in GROUPS:
            frame = d[[g, "Persons"]].rename(columns={g: "group", "Persons": "total"})
            observed = dissim_frame(frame, "group", "total")[0]
            p_j = frame["total"] / frame["total"].sum()
            sim0 = np.random.multinomial(frame["group"].sum(), p_j, size=iterations)
            sim1 = np.random.multinomial((frame["total"] - frame["group"]).sum(), p_j, size=iterations)
            stars = np.empty(iterations)
            for i in range(iterations):
                aux = pd.DataFrame.from_dict({"simul_group": sim0[i].tolist(), "simul_tot": (sim0[i] + sim1[i]).tolist()})
                stars[i] = dissim_frame(aux, "simul_group", "simul_tot")[0]
            _ = (stars > observed).sum() / iterations
            pairs += 1
    seconds = time.perf_counter() - started
    print(f"pairs {pairs} seconds {seconds:.3f} per_pair {seconds / pairs:.4f}")


if __name__ == "__main__":
    # 0/0 for a group absent from a district is NaN on purpose, as in pysal; no need to say so 300 times.
    warnings.simplefilter("ignore", RuntimeWarning)
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "all" and len(sys.argv) == 4:
        run_all(sys.argv[2], sys.argv[3])
    elif mode == "gini" and len(sys.argv) == 4:
        run_gini(sys.argv[2], int(sys.argv[3]))
    elif mode == "systematic-loop" and len(sys.argv) == 6:
        run_systematic_loop(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    elif mode == "systematic" and len(sys.argv) in (6, 7):
        run_systematic(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]) if len(sys.argv) == 7 else None)
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
