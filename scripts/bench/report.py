#!/usr/bin/env python3
"""Prints the markdown tables of a scripts/bench-search results directory."""

import json
import os
import sys
from collections import OrderedDict, defaultdict


def rows(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


def fmt(x):
    """A rate with the digits that matter: 1234, 12, 1.3, 0.06."""
    if x != x:
        return "–"
    return "%.0f" % x if x >= 10 else "%.1f" % x if x >= 1 else "%.2f" % x


def precise(d, kind, r):
    """The rate from the raw output (the tsv rounds it), for the slow queries' small rates."""
    path = os.path.join(d, f"{kind}-{r[0]}-r{r[1]}-{r[2]}.txt")
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        for line in text.splitlines():
            if line.startswith("Requests/sec:"):
                return float(line.split()[1])
            if line.startswith("tps = "):
                return float(line.split()[2])
        if text.lstrip().startswith("{"):
            return float(json.loads(text)["sets_per_s"])
    except (OSError, ValueError, KeyError, IndexError):
        pass
    return float(r[3])


def main():
    d = sys.argv[1]
    with open(os.path.join(d, "params")) as f:
        print(f.read().rstrip())
    for b, a, t, tc, u in (r[0].split("|") for r in rows(os.path.join(d, "sizes.txt"))):
        print(f"{b}: {a} associations, {t} tasks, {tc} task categories, {u} users")
    print()

    queries = OrderedDict()
    for backend, label, path, n, total in rows(os.path.join(d, "queries.tsv")):
        queries[(backend, label)] = (path, n, total)
    http = defaultdict(list)
    for r in rows(os.path.join(d, "http.tsv")):
        http[(r[0], r[2])].append(r)
    db = defaultdict(list)
    for r in rows(os.path.join(d, "db.tsv")):
        db[(r[0], r[2])].append(r)

    backends = list(OrderedDict.fromkeys(b for b, _ in queries))
    for backend in backends:
        print(f"**{'PostgreSQL' if backend == 'pg' else 'SQLite'}**")
        print()
        print("| query | matches | SQL statements per request | concurrency HTTP / DB | HTTP req/s (min–max) | p50 ms | p99 ms | DB-only sets/s (min–max) | DB-only ms per set | ratio HTTP ÷ DB | CPU % during HTTP: server / db / wrk / other | CPU % during DB-only: db / client / other |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for (b, label), (path, n, total) in queries.items():
            if b != backend:
                continue
            h, g = http.get((b, label), []), db.get((b, label), [])
            rps = [precise(d, "wrk", r) for r in h]
            sets = [precise(d, "db", r) for r in g]
            errors = sum(int(r[6]) for r in h)
            cpu_h = " / ".join("%.0f" % mean([float(r[i]) for r in h]) for i in (7, 8, 9, 10)) if h else ""
            cpu_d = " / ".join("%.0f" % mean([float(r[i]) for r in g]) for i in (6, 7, 8)) if g else ""
            lat = [float(r[4]) for r in g if r[4] not in ("NA", "")]
            ratio = mean(rps) / mean(sets) if rps and sets else float("nan")
            err = f" ({errors} errors)" if errors else ""
            conc = "/".join(sorted(set(r[11] for r in h if len(r) > 11))) + " / " + "/".join(sorted(set(r[9] for r in g if len(r) > 9)))
            print(f"| {label} | {total} | {n} | {conc} | {fmt(mean(rps))} ({fmt(min(rps, default=0))}–{fmt(max(rps, default=0))}){err} "
                  f"| {mean([float(r[4]) for r in h]):.1f} | {mean([float(r[5]) for r in h]):.1f} "
                  f"| {fmt(mean(sets))} ({fmt(min(sets, default=0))}–{fmt(max(sets, default=0))}) | {mean(lat):.2f} "
                  f"| {ratio:.2f} | {cpu_h} | {cpu_d} |")
        print()
        print("`" + "`, `".join(f"{label}`: `{path}" for (b, label), (path, _, _) in queries.items() if b == backend) + "`")
        print()

    s = rows(os.path.join(d, "signups.tsv"))
    if s:
        print("**Sign-up contention**")
        print()
        print("| backend | volunteers × tasks | sign-ups/s | p50 ms | p99 ms | max ms | HTTP codes | statuses | tasks with exactly 5 accepted, rest waitlisted | CPU % server / db / client / other |")
        print("| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- | ---: |")
        for r in s:
            j = json.loads(r[1])
            tasks, ok = r[2].split("|")
            print(f"| {'PostgreSQL' if r[0] == 'pg' else 'SQLite'} | {j['volunteers']} × {j['tasks']} | {j['signups_per_s']:.0f} "
                  f"| {j['p50_ms']:.1f} | {j['p99_ms']:.1f} | {j['max_ms']:.1f} | {j['http_codes']} | {j['statuses']} "
                  f"| {ok} of {tasks} | {' / '.join(r[3:7])} |")
        print()


if __name__ == "__main__":
    main()
