#!/usr/bin/env python3
"""The SQL of one HTTP request, captured and replayed without the application.

    sqlset.py pg-log DBNAME < LOG_CHUNK > SET.sql
        Reads a slice of the PostgreSQL server log written with log_min_duration_statement = 0
        and prints the statements that database ran, in order, with the bound parameters
        written in as literals: a pgbench script (-M simple) for the same SQL.
    sqlset.py sqlite-gdb < CAPTURE > SET.sql
        The same from the "SQL| " lines of scripts/bench/sqlite-capture.gdb (SQLite's own
        sqlite3_expanded_sql, so the values are already in place).
    sqlset.py sqlite-run --db FILE --clients N --seconds S [--warmup W] SET.sql
        Runs the set in a loop on N threads (one connection each, the application's PRAGMAs)
        and prints {"sets_per_s", "lat_avg_ms", "lat_p50_ms", "lat_p99_ms", "sets"} as JSON.
    sqlset.py sqlite-explain --db FILE SET.sql
        EXPLAIN QUERY PLAN of every statement.

Left out of a set, on purpose: the pool's connection check ("SELECT 1", r2d2
test_on_check_out) and session set-up (SET, PRAGMA), which are the application's own
overhead rather than the query's; on SQLite also the statements FTS5 runs internally
(they run again when the outer statement is replayed) and the email worker's polling, which
can interleave with a request.
"""

import json
import re
import sqlite3
import sys
import threading
import time

PG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \w+ \[(\d+)\] (\S*)@(\S*) (\w+):  (.*)$")
PG_EXEC = re.compile(r"^duration: [\d.]+ ms  (?:execute [^:]*|statement): (.*)$", re.S)
PG_PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")


def is_overhead(sql):
    s = sql.strip().rstrip(";").strip().upper()
    return s == "SELECT 1" or s.startswith("SET ") or s.startswith("PRAGMA ")


def pg_log(db):
    entries = []  # [pid, level, text]
    for raw in sys.stdin.read().splitlines():
        m = PG_LINE.match(raw)
        if m:
            pid, _user, dbname, level, text = m.groups()
            entries.append([pid, level, text, dbname])
        elif entries and raw.startswith("\t"):
            entries[-1][2] += "\n" + raw[1:]
    out = []
    pending = {}  # pid -> index in out of the statement waiting for its parameters
    for pid, level, text, dbname in entries:
        if dbname != db:
            continue
        if level == "LOG":
            m = PG_EXEC.match(text)
            if not m:
                continue
            out.append([m.group(1), {}])
            pending[pid] = len(out) - 1
        elif level == "DETAIL" and text.startswith("parameters: ") and pid in pending:
            out[pending.pop(pid)][1] = dict((int(n), v) for n, v in PG_PARAM.findall(text))
    stmts = []
    for sql, params in out:
        if params:
            sql = re.sub(r"\$(\d+)\b", lambda m: params[int(m.group(1))], sql)
        stmts.append(" ".join(sql.split("\n")))
    emit(stmts, '"outbox"')


def emit(stmts, outbox):
    """Prints the set, without the email worker's polls (BEGIN, statements on the outbox
    table, COMMIT) and with the connection checks and set-up as comments."""
    keep = []
    i = 0
    while i < len(stmts):
        s = stmts[i]
        if s.upper().startswith("BEGIN") and i + 1 < len(stmts) and outbox in stmts[i + 1]:
            j = i + 1
            while j < len(stmts) and not stmts[j].upper().startswith(("COMMIT", "ROLLBACK")):
                j += 1
            i = j + 1
            continue
        if outbox not in s:
            keep.append(s)
        i += 1
    for s in keep:
        if is_overhead(s):
            print(f"-- left out (connection check or set-up): {s}")
        else:
            print(s.rstrip().rstrip(";") + ";")


def sqlite_gdb():
    stmts = [line[5:] for line in sys.stdin.read().splitlines() if line.startswith("SQL| ")]
    # FTS5's internal statements and stray NULLs from statements without SQL
    stmts = [s for s in stmts if "'main'." not in s and s != "(null)"]
    emit(stmts, "`outbox`")


def read_set(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").rstrip(";") for line in f if line.strip() and not line.startswith("--")]


def connect(db):
    con = sqlite3.connect(db, check_same_thread=False, isolation_level=None, cached_statements=256)
    for pragma in ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                   "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"):
        con.execute(pragma).fetchall()
    return con


def sqlite_run(args):
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--clients", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--warmup", type=float, default=2)
    ap.add_argument("set")
    a = ap.parse_args(args)
    stmts = read_set(a.set)
    lock = threading.Lock()
    lat = []
    state = {"measure": False, "stop": False}

    def worker():
        con = connect(a.db)
        mine = []
        while not state["stop"]:
            t0 = time.perf_counter()
            for s in stmts:
                con.execute(s).fetchall()
            t1 = time.perf_counter()
            if state["measure"] and not state["stop"]:
                mine.append(t1 - t0)
        con.close()
        with lock:
            lat.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(a.clients)]
    for t in threads:
        t.start()
    time.sleep(a.warmup)
    state["measure"] = True
    t0 = time.perf_counter()
    time.sleep(a.seconds)
    state["stop"] = True
    elapsed = time.perf_counter() - t0
    for t in threads:
        t.join()
    lat.sort()

    def pct(p):
        return 1000 * lat[min(len(lat) - 1, int(p * len(lat)))] if lat else 0.0

    print(json.dumps({"sets_per_s": len(lat) / elapsed, "sets": len(lat), "seconds": elapsed,
                      "lat_avg_ms": 1000 * sum(lat) / len(lat) if lat else 0.0,
                      "lat_p50_ms": pct(0.5), "lat_p99_ms": pct(0.99),
                      "sqlite_version": sqlite3.sqlite_version}))


def sqlite_explain(args):
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("set")
    a = ap.parse_args(args)
    con = connect(a.db)
    for s in read_set(a.set):
        t0 = time.perf_counter()
        rows = con.execute(s).fetchall()
        ms = 1000 * (time.perf_counter() - t0)
        print(f"-- {s[:300]}{' …' if len(s) > 300 else ''}")
        print(f"-- {len(rows)} row(s), {ms:.2f} ms (SQLite {sqlite3.sqlite_version})")
        for row in con.execute("EXPLAIN QUERY PLAN " + s):
            print(f"   {row[0]:>3} {row[1]:>3} {row[3]}")
        print()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd, rest = sys.argv[1], sys.argv[2:]
    if cmd == "pg-log":
        pg_log(rest[0])
    elif cmd == "sqlite-gdb":
        sqlite_gdb()
    elif cmd == "sqlite-run":
        sqlite_run(rest)
    elif cmd == "sqlite-explain":
        sqlite_explain(rest)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
