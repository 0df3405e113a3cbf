#!/usr/bin/env python3
"""Compare the hand-written diesel schema with `diesel print-schema` output of each backend.

Usage: schema_diff.py SCHEMA_RS BACKEND=PRINTED.rs [BACKEND=PRINTED.rs ...] [--sqlite-db DB]

Each file's `diesel::table!` blocks are parsed into {table: {column: (type, nullable)}} plus
the primary key, and every backend is compared with SCHEMA_RS. Differences go to stderr and
the exit status is 1; 0 when every backend matches.

What is normalised away, because it legitimately differs between the backends' print-schema
output or does not change what the diesel code means:
  - comments, doc comments, `use` lines, `joinable!`, `allow_tables_to_appear_in_same_query!`
    and the `sql_types` module (only `table!` blocks are read);
  - paths on type names (`diesel::sql_types::Text` is `Text`);
  - diesel's own type aliases (Int4 = Integer, Int8 = BigInt, Int2 = SmallInt,
    Float8 = Double, Float4 = Float, VarChar/Varchar = Text, Bytea/Blob = Binary);
  - column order (diesel names columns in every statement, so order cannot matter) and
    primary-key column order;
  - with --sqlite-db, SQLite virtual tables (FTS5) and their shadow tables, which diesel
    code never queries through `table!`;
  - on SQLite only, a single-column `INTEGER PRIMARY KEY` (the rowid, which AUTOINCREMENT
    needs spelt exactly so) that schema.rs declares `BigInt`: SQLite's integers are 64-bit,
    and print-schema calls every INTEGER `Integer`.
Timestamptz is deliberately NOT an alias of Timestamp: it is a distinct diesel type with
different semantics, so a TIMESTAMPTZ column against `Timestamp` in schema.rs is drift.
"""
import re
import sqlite3
import sys

ALIASES = {
    "Int4": "Integer",
    "Int8": "BigInt",
    "Int2": "SmallInt",
    "Float8": "Double",
    "Float4": "Float",
    "VarChar": "Text",
    "Varchar": "Text",
    "Bytea": "Binary",
    "Blob": "Binary",
}

# Shadow tables that SQLite's FTS3/4/5 and R*Tree modules create beside a virtual table.
SHADOW_SUFFIXES = {"data", "idx", "content", "docsize", "config", "segments", "segdir",
                   "stat", "node", "rowid", "parent"}


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def block_after(text, open_idx):
    """The text between the brace at open_idx and its matching closing brace."""
    depth = 0
    for i in range(open_idx, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[open_idx + 1:i], i
    raise ValueError("unbalanced braces in table! block")


def split_top_level(s, sep=","):
    """Split on sep outside <...> generics (the '>' of '->' is not a closing bracket)."""
    parts, depth, cur = [], 0, ""
    for i, ch in enumerate(s):
        depth += ch == "<"
        depth -= ch == ">" and s[i - 1:i] != "-"
        if ch == sep and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def norm_type(t):
    """'diesel::sql_types::Nullable<diesel::sql_types::Int4>' -> ('Integer', True)."""
    t = re.sub(r"\s+", "", t)
    t = re.sub(r"(?:\w+::)+(\w+)", r"\1", t)  # drop paths
    t = re.sub(r"\w+", lambda m: ALIASES.get(m.group(0), m.group(0)), t)
    if not re.fullmatch(r"\w+(<[\w<>,]+>)?", t):
        raise ValueError(f"cannot parse column type {t!r}")
    m = re.fullmatch(r"Nullable<(.*)>", t)
    return (m.group(1), True) if m else (t, False)


def unraw(name):
    return name[2:] if name.startswith("r#") else name


def sql_name(attrs, default):
    m = re.search(r'sql_name\s*=\s*"([^"]+)"', attrs)
    return m.group(1) if m else unraw(default)


def parse_schema(path):
    text = strip_comments(open(path, encoding="utf-8").read())
    tables = {}
    for m in re.finditer(r"\btable!\s*\{", text):
        body, _ = block_after(text, m.end() - 1)
        body = re.sub(r"\buse\s+[^;]*;", " ", body)
        head = re.match(r"\s*((?:#\[[^\]]*\]\s*)*)([\w#]+(?:\.[\w#]+)?)\s*(?:\(([^)]*)\))?\s*\{",
                        body)
        if not head:
            raise ValueError(f"{path}: cannot parse table! block: {body[:80]!r}")
        table = sql_name(head.group(1), head.group(2).split(".")[-1])
        pk = frozenset(unraw(c.strip()) for c in (head.group(3) or "id").split(",") if c.strip())
        cols_text, _ = block_after(body, head.end() - 1)
        columns = {}
        # Each column: optional #[attributes], name -> Type, (the comma is split below).
        for col in split_top_level(cols_text):
            cm = re.fullmatch(r"((?:#\[[^\]]*\]\s*)*)([\w#]+)\s*->\s*(.+)", col, flags=re.S)
            if not cm:
                raise ValueError(f"{path}: cannot parse column in {table}: {col!r}")
            name = sql_name(cm.group(1), cm.group(2))
            if name in columns:
                raise ValueError(f"{path}: column {table}.{name} declared twice")
            columns[name] = norm_type(cm.group(3))
        if table in tables:
            raise ValueError(f"{path}: table {table} declared twice")
        tables[table] = (pk, columns)
    if not tables:
        raise ValueError(f"{path}: no table! blocks found")
    return tables


def sqlite_virtual_tables(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    finally:
        con.close()
    virtual = {n for n, sql in rows if re.match(r"\s*CREATE\s+VIRTUAL\s+TABLE", sql or "", re.I)}
    shadow = {n for n, _ in rows for v in virtual
              if n.startswith(v + "_") and n[len(v) + 1:] in SHADOW_SUFFIXES}
    return virtual | shadow


def fmt(col):
    t, nullable = col
    return f"Nullable<{t}>" if nullable else t


def compare(expected, actual, backend, ignored):
    problems = []
    actual = {t: v for t, v in actual.items() if t not in ignored}
    for t in sorted(expected.keys() - actual.keys()):
        problems.append(f"table {t}: in schema.rs, not in the {backend} migrations")
    for t in sorted(actual.keys() - expected.keys()):
        problems.append(f"table {t}: in the {backend} migrations, not in schema.rs")
    for t in sorted(expected.keys() & actual.keys()):
        (epk, ecols), (apk, acols) = expected[t], actual[t]
        for c in sorted(ecols.keys() - acols.keys()):
            problems.append(f"column {t}.{c}: in schema.rs, not in the {backend} migrations")
        for c in sorted(acols.keys() - ecols.keys()):
            problems.append(f"column {t}.{c} ({fmt(acols[c])}): in the {backend} migrations, "
                            "not in schema.rs")
        for c in sorted(ecols.keys() & acols.keys()):
            rowid = backend == "sqlite" and apk == frozenset([c]) and acols[c] == ("Integer", False)
            if rowid and ecols[c] == ("BigInt", False):
                continue
            if ecols[c] != acols[c]:
                problems.append(f"column {t}.{c}: schema.rs has {fmt(ecols[c])}, "
                                f"{backend} has {fmt(acols[c])}")
        if epk != apk:
            problems.append(f"table {t}: primary key ({', '.join(sorted(epk))}) in schema.rs, "
                            f"({', '.join(sorted(apk))}) in {backend}")
    return problems


def main(argv):
    args, sqlite_db = list(argv), None
    if "--sqlite-db" in args[:-1]:
        i = args.index("--sqlite-db")
        sqlite_db = args.pop(i + 1)
        args.pop(i)
    if len(args) < 2 or not all("=" in a for a in args[1:]):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        expected = parse_schema(args[0])
        failed = False
        for spec in args[1:]:
            backend, printed = spec.split("=", 1)
            ignored = sqlite_virtual_tables(sqlite_db) if backend == "sqlite" and sqlite_db else set()
            problems = compare(expected, parse_schema(printed), backend, ignored)
            if problems:
                failed = True
                print(f"schema drift between {args[0]} and the {backend} migrations:",
                      file=sys.stderr)
                for p in problems:
                    print(f"  - {p}", file=sys.stderr)
    except (OSError, ValueError, sqlite3.Error) as e:
        print(f"schema_diff: {e}", file=sys.stderr)
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
