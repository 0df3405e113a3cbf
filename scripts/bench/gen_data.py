#!/usr/bin/env python3
"""Generates the benchmark data set of scripts/bench-search, the same rows for both backends.

    gen_data.py --sqlite FILE [options]   inserts into a migrated SQLite database (executemany,
                                          one transaction; the FTS5 triggers fill tasks_fts)
    gen_data.py --csv DIR [options]       writes associations.csv, tasks.csv,
                                          task_categories.csv and users.csv for psql \\copy

The generator is seeded, and every time is relative to --now, so two runs with the same
options give the same rows (ids included) on both backends. The text is Finnish-looking:
titles and descriptions are drawn from a word list with Zipf-like weights, so some words
are in a large share of the tasks and some in a handful (the selectivities are printed at
the end, and --stats FILE writes them as JSON). search_document is built as the application
builds it (tasks::lifecycle::touch): description + "\\n" + association name.

Besides the search data it creates, for the sign-up contention figure, one verified
association with --signup-tasks automatic tasks (5 spots, waitlist) and --volunteers
verified volunteer accounts that share one password hash (--password-hash).
"""

import argparse
import csv
import datetime as dt
import json
import os
import random
import re
import sys

# --- reference data -------------------------------------------------------------------------
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def reference():
    with open(os.path.join(ROOT, "reference", "municipalities.csv"), newline="", encoding="utf-8") as f:
        munis = [(r["code"], r["name_fi"], r["region_code"]) for r in csv.DictReader(f)]
    with open(os.path.join(ROOT, "reference", "categories.csv"), newline="", encoding="utf-8") as f:
        cats = [r["slug"] for r in csv.DictReader(f)]
    return munis, cats


# Big towns first (roughly by population); the rest follow in file order with a long tail.
BIG_TOWNS = ["091", "049", "837", "092", "564", "853", "179", "297", "398", "609",
             "286", "167", "405", "109", "905", "743", "698", "491", "285", "734"]

# --- words -----------------------------------------------------------------------------------
# (lemma, inflected forms). Order is rank: earlier lemmas are drawn more often.
COMMON = [
    ("vapaaehtoinen", ["vapaaehtoinen", "vapaaehtoisia", "vapaaehtoisten", "vapaaehtoiseksi", "vapaaehtoisena"]),
    ("apu", ["apu", "apua", "avuksi", "avun", "apuna"]),
    ("tapahtuma", ["tapahtuma", "tapahtumaan", "tapahtumassa", "tapahtumat", "tapahtuman"]),
    ("nuori", ["nuori", "nuoret", "nuorten", "nuorille", "nuoria"]),
    ("yhdistys", ["yhdistys", "yhdistyksen", "yhdistyksessä", "yhdistykseen"]),
    ("toiminta", ["toiminta", "toimintaa", "toiminnan", "toimintaan"]),
    ("ilta", ["ilta", "iltaisin", "illan", "iltana"]),
    ("viikonloppu", ["viikonloppu", "viikonloppuna", "viikonlopun"]),
    ("lapsi", ["lapsi", "lapset", "lasten", "lapsille", "lapsia"]),
    ("kerho", ["kerho", "kerhon", "kerhossa", "kerhoon", "kerhot"]),
    ("järjestää", ["järjestää", "järjestämme", "järjestetään", "järjestelyt", "järjestelyissä"]),
    ("mukava", ["mukava", "mukavaa", "mukavan", "mukavia"]),
    ("yhdessä", ["yhdessä"]),
    ("ikäihminen", ["ikäihminen", "ikäihmisiä", "ikäihmisten", "ikäihmisille"]),
    ("kahvio", ["kahvio", "kahvion", "kahviossa", "kahvioon"]),
    ("liikunta", ["liikunta", "liikuntaa", "liikunnan", "liikuntaan"]),
    ("ulkoilu", ["ulkoilu", "ulkoilua", "ulkoilemaan", "ulkoiluun"]),
    ("ystävä", ["ystävä", "ystävää", "ystävän", "ystäväksi", "ystävätoiminta"]),
    ("koulutus", ["koulutus", "koulutuksen", "koulutukseen", "koulutamme"]),
    ("perhe", ["perhe", "perheet", "perheiden", "perheille"]),
    ("kesä", ["kesä", "kesällä", "kesän", "kesäksi"]),
    ("talvi", ["talvi", "talvella", "talven"]),
    ("leiri", ["leiri", "leirille", "leirin", "leirillä", "leirikoulu"]),
    ("ohjaaja", ["ohjaaja", "ohjaajaksi", "ohjaajan", "ohjaajia", "ohjaus"]),
    ("kirjasto", ["kirjasto", "kirjastossa", "kirjaston", "kirjastoon"]),
    ("musiikki", ["musiikki", "musiikkia", "musiikin"]),
    ("konsertti", ["konsertti", "konsertin", "konserttiin", "konsertissa"]),
    ("urheilu", ["urheilu", "urheilua", "urheiluseura", "urheiluseuran"]),
    ("ympäristö", ["ympäristö", "ympäristön", "ympäristöä"]),
    ("luonto", ["luonto", "luontoa", "luonnossa", "luonnon"]),
    ("siivous", ["siivous", "siivoamaan", "siivoustalkoot"]),
    ("keräys", ["keräys", "keräykseen", "keräyksen", "keräämään"]),
    ("myyjäiset", ["myyjäiset", "myyjäisiin", "myyjäisissä"]),
    ("kirpputori", ["kirpputori", "kirpputorilla", "kirpputorin"]),
    ("ruoka", ["ruoka", "ruokaa", "ruoan", "ruokajako", "ruoka-apu"]),
    ("kuljetus", ["kuljetus", "kuljetuksen", "kuljettamaan"]),
    ("digituki", ["digituki", "digitukea", "digituen"]),
    ("kieli", ["kieli", "kielikahvila", "kielen", "kieltä"]),
    ("läksy", ["läksykerho", "läksyjen", "läksyissä"]),
    ("puutarha", ["puutarha", "puutarhassa", "puutarhan"]),
    ("eläin", ["eläin", "eläimet", "eläinten", "eläimiä"]),
    ("koira", ["koira", "koiria", "koirien", "koiran"]),
    ("tanssi", ["tanssi", "tanssia", "tanssin"]),
    ("teatteri", ["teatteri", "teatterin", "teatterissa"]),
    ("museo", ["museo", "museossa", "museon"]),
    ("näyttely", ["näyttely", "näyttelyn", "näyttelyssä"]),
    ("viestintä", ["viestintä", "viestintää", "viestinnän", "some", "somessa"]),
    ("varainhankinta", ["varainhankinta", "varainhankintaan", "lipunmyynti", "lipunmyynnissä"]),
    ("ensiapu", ["ensiapu", "ensiapua", "ensiavun"]),
    ("tukihenkilö", ["tukihenkilö", "tukihenkilöksi", "tukihenkilön", "vertaistuki", "vertaistukea"]),
    ("mentori", ["mentori", "mentoriksi", "mentorin"]),
    ("kummi", ["kummi", "kummiksi", "kummitoiminta"]),
    ("kuoro", ["kuoro", "kuoron", "kuorossa"]),
    ("partio", ["partio", "partiolaiset", "partiolaisten", "partiossa"]),
    ("pelastus", ["pelastus", "vapaapalokunta", "vapaapalokunnan", "pelastuspalvelu"]),
    ("seurakunta", ["seurakunta", "seurakunnan", "seurakunnassa"]),
    ("kylätalo", ["kylätalo", "kylätalolla", "kylätalon", "kyläyhdistys"]),
    ("asukas", ["asukas", "asukkaat", "asukkaiden", "asukastila"]),
    ("maahanmuuttaja", ["maahanmuuttaja", "maahanmuuttajat", "maahanmuuttajien"]),
    ("pyörä", ["pyörä", "pyöräily", "pyöräilyä", "pyörän"]),
    ("melonta", ["melonta", "melontaa", "meloen"]),
    ("suunnistus", ["suunnistus", "suunnistuksen", "suunnistamaan"]),
    ("retki", ["retki", "retkelle", "retken", "retkeily", "retkeilyä"]),
    ("marjastus", ["marjastus", "marjastamaan", "sienestys"]),
    ("kalastus", ["kalastus", "kalastamaan", "kalastuksen"]),
    ("neulonta", ["neulonta", "neulomaan", "käsityö", "käsitöitä"]),
    ("ompelu", ["ompelu", "ompelemaan", "ompelukone"]),
    ("puutyö", ["puutyö", "puutöitä", "korjaus", "korjaamaan"]),
    ("valokuvaus", ["valokuvaus", "valokuvaamaan", "valokuvat"]),
    ("shakki", ["shakki", "shakkia", "shakkikerho"]),
    ("sirkus", ["sirkus", "sirkusta", "sirkuskoulu"]),
    ("festivaali", ["festivaali", "festivaalin", "festivaalilla"]),
    ("markkinat", ["markkinat", "markkinoilla", "markkinoiden"]),
    ("juhannus", ["juhannus", "juhannuksena", "juhannusjuhla"]),
    ("joulu", ["joulu", "joulumyyjäiset", "jouluna", "joulun"]),
    ("itsenäisyyspäivä", ["itsenäisyyspäivä", "itsenäisyyspäivän"]),
    ("kriisi", ["kriisi", "kriisipuhelin", "kriisityö"]),
    ("mielenterveys", ["mielenterveys", "mielenterveyden", "mielenterveyttä"]),
    ("vammainen", ["vammaiset", "vammaisten", "esteetön", "esteettömyys"]),
    ("saavutettavuus", ["saavutettavuus", "saavutettavuuden"]),
    ("e-urheilu", ["e-urheilu", "pelikerho", "pelaamaan", "pelit"]),
    ("tietokone", ["tietokone", "tietokoneen", "älypuhelin", "älypuhelimen"]),
    ("kirjoittaminen", ["kirjoittaminen", "kirjoittamaan", "kirjailija"]),
    ("lukeminen", ["lukeminen", "lukemaan", "lukumummo", "lukuvaari"]),
]
# Filler words of descriptions (sentence glue); very frequent.
FILLER = ["ja", "on", "sekä", "myös", "joka", "meillä", "sinulla", "voit", "tule", "mukaan",
          "tarvitsemme", "etsimme", "kaikille", "avoin", "kokemusta", "ei", "tarvita",
          "perehdytämme", "tehtävään", "tehtävässä", "pääset", "kanssa", "kerran", "viikossa",
          "kuukaudessa", "paikka", "sijaitsee", "lähellä", "keskustaa", "ilmoittaudu",
          "lisätietoja", "antaa", "yhteyshenkilö", "kiitos", "tervetuloa", "hyvä", "mieli",
          "uusia", "ihmisiä", "tutuksi", "taitoja", "oppia", "kokemus", "todistus", "saat"]
# The rare, fixed words the benchmark searches for, each planted in about RARE_SHARE of tasks.
RARE_WORDS = ["kanteleensoitto", "mehiläistarha", "majakkasaari"]
RARE_SHARE = 0.0004   # ~40 tasks of 100,000
SYLLABLES = ["ka", "ta", "la", "ma", "na", "ra", "sa", "va", "ko", "to", "lo", "mo", "no",
             "ro", "so", "vo", "ki", "ti", "li", "mi", "ni", "ri", "si", "vi", "ku", "tu",
             "lu", "mu", "nu", "ru", "su", "pe", "te", "le", "me", "ne", "re", "se", "ve",
             "hä", "jä", "kä", "lä", "mä", "nä", "pä", "rä", "sä", "tä", "vä", "ö", "y"]
ASSOC_KINDS = ["Partiolaiset", "Urheiluseura", "Kyläyhdistys", "Eläkeläiset", "Martat",
               "Nuorisoseura", "Vapaapalokunta", "Kotiseutuyhdistys", "Mielenterveysseura",
               "Luonnonsuojeluyhdistys", "Kuoro", "Teatteriyhdistys", "Sotaveteraanit",
               "Asukasyhdistys", "Reserviläiset", "4H-yhdistys", "Setlementti",
               "Punaisen Ristin osasto", "MLL:n paikallisyhdistys", "Omaishoitajat",
               "Kalastusseura", "Latu", "Pyöräilyseura", "Shakkikerho", "Taideyhdistys"]
ASSOC_ADJ = ["", "", "", "Pohjoisen ", "Eteläisen ", "Itäisen ", "Läntisen ", "Keskustan ",
             "Yhteinen ", "Uusi ", "Vanha "]


def tail_words(rng, n):
    """Pseudo-Finnish words for the long tail of the vocabulary (each one fairly rare)."""
    seen, out = set(), []
    while len(out) < n:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 5)))
        if w not in seen and len(w) >= 6:
            seen.add(w)
            out.append(w)
    return out


class Zipf:
    """Draws indices 0..n-1 with weight 1/(rank+offset)^s."""

    def __init__(self, rng, n, s=1.0, offset=1.0):
        self.rng = rng
        w = [1.0 / ((i + offset) ** s) for i in range(n)]
        total = sum(w)
        acc, self.cum = 0.0, []
        for x in w:
            acc += x / total
            self.cum.append(acc)

    def draw(self):
        import bisect
        i = bisect.bisect_left(self.cum, self.rng.random())
        return min(i, len(self.cum) - 1)


def uuid7(rng, t):
    ms = int(t.replace(tzinfo=dt.timezone.utc).timestamp() * 1000)
    h = f"{ms:012x}"
    r = f"{rng.getrandbits(76):019x}"
    variant = "89ab"[rng.getrandbits(2)]
    return f"{h[:8]}-{h[8:12]}-7{r[:3]}-{variant}{r[3:6]}-{r[6:18]}"


def ts(t):
    return None if t is None else t.strftime("%Y-%m-%d %H:%M:%S.%f")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sqlite")
    ap.add_argument("--csv")
    ap.add_argument("--associations", type=int, default=30000, help="verified associations")
    ap.add_argument("--tasks", type=int, default=100000)
    ap.add_argument("--signup-tasks", type=int, default=50)
    ap.add_argument("--volunteers", type=int, default=50)
    ap.add_argument("--password-hash", default="!")
    ap.add_argument("--now", help="reference time, 'YYYY-MM-DD HH:MM:SS' UTC (default: now, to the hour)")
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--stats", help="write word and row statistics as JSON here")
    args = ap.parse_args()
    if bool(args.sqlite) == bool(args.csv):
        ap.error("give exactly one of --sqlite and --csv")

    rng = random.Random(args.seed)
    now = (dt.datetime.strptime(args.now, "%Y-%m-%d %H:%M:%S") if args.now
           else dt.datetime.utcnow().replace(minute=0, second=0, microsecond=0))
    munis, cats = reference()
    code_index = {c: i for i, (c, _, _) in enumerate(munis)}
    order = [code_index[c] for c in BIG_TOWNS if c in code_index]
    rest = [i for i in range(len(munis)) if i not in set(order)]
    rng.shuffle(rest)
    order += rest
    muni_zipf = Zipf(rng, len(order), s=0.9, offset=2.0)
    cat_zipf = Zipf(rng, len(cats), s=0.7, offset=1.5)
    cat_order = list(range(len(cats)))
    rng.shuffle(cat_order)

    tail = tail_words(rng, 4000)
    common_zipf = Zipf(rng, len(COMMON), s=0.7, offset=4.0)
    tail_zipf = Zipf(rng, len(tail), s=0.5, offset=1.0)
    filler_zipf = Zipf(rng, len(FILLER), s=0.8, offset=1.0)

    def phrase(n_words, filler_share):
        out = []
        for _ in range(n_words):
            r = rng.random()
            if r < filler_share:
                out.append(FILLER[filler_zipf.draw()])
            elif r < filler_share + (1 - filler_share) * 0.8:
                out.append(rng.choice(COMMON[common_zipf.draw()][1]))
            else:
                out.append(tail[tail_zipf.draw()])
        return out

    def description():
        sentences = []
        for _ in range(rng.randint(2, 6)):
            words = phrase(rng.randint(6, 14), 0.45)
            sentences.append(" ".join(words).capitalize() + ".")
        if rng.random() < RARE_SHARE * len(RARE_WORDS):
            sentences.append(f"Erityisesti {rng.choice(RARE_WORDS)} kiinnostaa.")
        return " ".join(sentences)

    def title():
        words = phrase(rng.randint(2, 5), 0.1)
        return " ".join(words).capitalize()

    # --- associations ----------------------------------------------------------------------
    # verified, plus 1 % suspended (their published tasks must not show) and 0.5 % pending
    n_verified = args.associations
    statuses = (["verified"] * n_verified + ["suspended"] * (n_verified // 100)
                + ["pending"] * (n_verified // 200))
    associations = []
    slugs = set()
    start = now - dt.timedelta(days=3 * 365)
    for i, status in enumerate(statuses):
        m = munis[order[muni_zipf.draw()]]
        name = f"{rng.choice(ASSOC_ADJ)}{m[1]}n {rng.choice(ASSOC_KINDS)} ry"
        base = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")
        base = "-".join(p for p in base.split("-") if p)
        slug = base
        k = 1
        while slug in slugs:
            k += 1
            slug = f"{base}-{k}"
        slugs.add(slug)
        created = start + dt.timedelta(seconds=rng.randint(0, 3 * 365 * 86400 - 86400))
        summary = " ".join(phrase(rng.randint(8, 20), 0.4)).capitalize() + "."
        associations.append(dict(
            id=uuid7(rng, created), slug=slug, name=name, municipality_code=m[0],
            field_of_activity=cats[cat_order[cat_zipf.draw()]], status=status,
            summary=summary, search_document=summary, email=f"info@{slug[:40]}.example.fi",
            created_at=created, updated_at=created,
            verified_at=created + dt.timedelta(days=1) if status != "pending" else None))
    # the association of the sign-up benchmark
    su_assoc = dict(
        id=uuid7(rng, now - dt.timedelta(days=30)), slug="ilmoittautumistesti-ry",
        name="Ilmoittautumistesti ry", municipality_code="405", field_of_activity="events",
        status="verified", summary="Sign-up benchmark.", search_document="Sign-up benchmark.",
        email="info@ilmoittautumistesti.example.fi",
        created_at=now - dt.timedelta(days=30), updated_at=now - dt.timedelta(days=30),
        verified_at=now - dt.timedelta(days=29))
    associations.append(su_assoc)

    # --- tasks ------------------------------------------------------------------------------
    n_assoc = len(statuses)
    tasks, task_categories = [], []
    status_draw = ["published"] * 85 + ["draft"] * 7 + ["closed"] * 5 + ["cancelled"] * 3
    for i in range(args.tasks):
        a = associations[int(n_assoc * rng.random() ** 2)]
        status = rng.choice(status_draw)
        if a["status"] == "pending":
            status = "draft"
        created = now - dt.timedelta(seconds=rng.randint(3600, 365 * 86400))
        published = (created + dt.timedelta(seconds=rng.randint(60, 7 * 86400))
                     if status != "draft" else None)
        if published and published > now:
            published = now - dt.timedelta(seconds=rng.randint(60, 3600))
        schedule = rng.choices(["fixed", "flexible", "ongoing"], [50, 25, 25])[0]
        # starts spread over a year: two months back to ten months ahead
        starts = now + dt.timedelta(seconds=rng.randint(-60 * 86400, 300 * 86400))
        starts = starts.replace(minute=rng.choice([0, 30]), second=0, microsecond=0)
        if schedule == "fixed":
            ends = starts + dt.timedelta(hours=rng.choice([2, 3, 4, 6, 8, 24, 48]))
        elif schedule == "flexible":
            ends = starts + dt.timedelta(days=rng.randint(7, 90))
        else:
            ends = None
            if rng.random() < 0.3:
                starts = None
        deadline = None
        if starts is not None and rng.random() < 0.5:
            deadline = starts - dt.timedelta(days=rng.randint(1, 21))
        spots = None if rng.random() < 0.3 else rng.choice([1, 2, 2, 3, 4, 5, 5, 6, 8, 10, 12, 15, 20])
        approval = "automatic" if rng.random() < 0.4 else "manual"
        accepted = 0
        if spots is not None:
            r = rng.random()
            accepted = spots if r < 0.2 else rng.randint(0, spots)
        else:
            accepted = rng.randint(0, 6)
        min_age = rng.choices([None, 13, 15, 16, 18], [35, 15, 15, 15, 20])[0]
        max_age = 29 if rng.random() < 0.1 else None
        remote_online = rng.random() < 0.1
        remote_phone = rng.random() < 0.03
        muni = a["municipality_code"] if rng.random() < 0.8 else munis[order[muni_zipf.draw()]][0]
        if (remote_online or remote_phone) and rng.random() < 0.5:
            muni = None
        languages = rng.choices(['["fi"]', '["fi","sv"]', '["fi","en"]', '["sv"]', '["fi","sv","en"]'],
                                [70, 12, 10, 4, 4])[0]
        placement = (json.dumps({"field_of_study": rng.choice(["sosionomi", "nuoriso-ohjaaja", "liikunnanohjaaja", "merkonomi"]),
                                 "duration": rng.choice(["2 viikkoa", "1 kk", None]), "credits": rng.random() < 0.5})
                     if rng.random() < 0.05 else None)
        desc = description()
        tid = uuid7(rng, created)
        tasks.append(dict(
            id=tid, association_id=a["id"], title=title(), description=desc,
            municipality_code=muni,
            address=None if muni is None else f"{rng.choice(['Koulu', 'Kirkko', 'Asema', 'Puisto', 'Ranta'])}katu {rng.randint(1, 60)}",
            remote_online=remote_online, remote_phone=remote_phone, schedule_type=schedule,
            starts_at=starts, ends_at=ends,
            estimated_hours=rng.choice([None, 1.0, 2.0, 3.0, 4.0, 8.0, 20.0]),
            spots=spots, approval_mode=approval, waitlist=rng.random() < 0.3,
            min_age=min_age, max_age=max_age, languages=languages,
            beginner_friendly=rng.random() < 0.5, supported=rng.random() < 0.15,
            criminal_record_check=rng.random() < 0.1, application_deadline=deadline,
            contact_person=rng.choice([None, "Maija Meikäläinen", "Matti Virtanen", "Liisa Korhonen"]),
            placement=placement, status=status,
            search_document=f"{desc}\n{a['name']}", version=2,
            created_at=created, updated_at=published or created, published_at=published,
            accepted_count=accepted))
        n_cat = rng.choices([1, 2, 3], [50, 35, 15])[0]
        chosen = set()
        while len(chosen) < n_cat:
            chosen.add(cats[cat_order[cat_zipf.draw()]])
        for c in sorted(chosen):
            task_categories.append((tid, c))

    signup_task_ids = []
    for i in range(args.signup_tasks):
        created = now - dt.timedelta(days=2, seconds=i)
        tid = uuid7(rng, created)
        signup_task_ids.append(tid)
        desc = "Ilmoittautumisten kuormitustesti: viisi paikkaa ja jonotuslista."
        tasks.append(dict(
            id=tid, association_id=su_assoc["id"], title=f"Ilmoittautumistesti {i + 1}",
            description=desc, municipality_code="405", address="Koulukatu 1",
            remote_online=False, remote_phone=False, schedule_type="fixed",
            starts_at=now + dt.timedelta(days=30), ends_at=now + dt.timedelta(days=30, hours=3),
            estimated_hours=3.0, spots=5, approval_mode="automatic", waitlist=True,
            min_age=None, max_age=None, languages='["fi"]', beginner_friendly=True,
            supported=False, criminal_record_check=False, application_deadline=None,
            contact_person=None, placement=None, status="published",
            search_document=f"{desc}\n{su_assoc['name']}", version=2,
            created_at=created, updated_at=created, published_at=created + dt.timedelta(hours=1),
            accepted_count=0))
        task_categories.append((tid, "events"))

    users = []
    for i in range(args.volunteers):
        created = now - dt.timedelta(days=10, seconds=i)
        users.append(dict(
            id=uuid7(rng, created), email=f"volunteer{i + 1:03d}@bench.example.fi",
            password_hash=args.password_hash, display_name=f"Vapaaehtoinen {i + 1}",
            birth_date="2000-01-01", municipality_code="405", language="fi",
            email_verified_at=created, is_admin=False, created_at=created, updated_at=created))

    # --- write ------------------------------------------------------------------------------
    a_cols = ["id", "slug", "name", "municipality_code", "field_of_activity", "status", "summary",
              "email", "search_document", "created_at", "updated_at", "verified_at"]
    t_cols = ["id", "association_id", "title", "description", "municipality_code", "address",
              "remote_online", "remote_phone", "schedule_type", "starts_at", "ends_at",
              "estimated_hours", "spots", "approval_mode", "waitlist", "min_age", "max_age",
              "languages", "beginner_friendly", "supported", "criminal_record_check",
              "application_deadline", "contact_person", "placement", "status", "search_document",
              "version", "created_at", "updated_at", "published_at", "accepted_count"]
    u_cols = ["id", "email", "password_hash", "display_name", "birth_date", "municipality_code",
              "language", "email_verified_at", "is_admin", "created_at", "updated_at"]

    if args.sqlite:
        import sqlite3

        def conv(v):
            if isinstance(v, dt.datetime):
                return ts(v)
            if isinstance(v, bool):
                return int(v)
            return v

        con = sqlite3.connect(args.sqlite)
        con.execute("PRAGMA foreign_keys = ON")
        with con:
            for table, cols, rows in (("associations", a_cols, associations), ("tasks", t_cols, tasks),
                                      ("users", u_cols, users)):
                con.executemany(
                    f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    ([conv(r[c]) for c in cols] for r in rows))
            con.executemany("INSERT INTO task_categories (task_id, category_slug) VALUES (?, ?)",
                            task_categories)
        con.close()
    else:
        os.makedirs(args.csv, exist_ok=True)

        def conv(v):
            if v is None:
                return r"\N"
            if isinstance(v, dt.datetime):
                return ts(v)
            if isinstance(v, bool):
                return "t" if v else "f"
            return v

        for table, cols, rows in (("associations", a_cols, associations), ("tasks", t_cols, tasks),
                                  ("users", u_cols, users)):
            with open(os.path.join(args.csv, f"{table}.csv"), "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                for r in rows:
                    w.writerow([conv(r[c]) for c in cols])
            with open(os.path.join(args.csv, f"{table}.cols"), "w") as f:
                f.write(", ".join(cols))
        with open(os.path.join(args.csv, "task_categories.csv"), "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(task_categories)
        with open(os.path.join(args.csv, "task_categories.cols"), "w") as f:
            f.write("task_id, category_slug")

    # --- statistics --------------------------------------------------------------------------
    def share(pred):
        return sum(1 for t in tasks if pred(t))

    from collections import Counter
    doc_words = Counter()
    for t in tasks:
        doc_words.update(set(re.findall(r"\w+", (t["title"] + " " + t["search_document"]).lower())))

    def doc_freq(prefix):
        p = prefix.lower()
        return share(lambda t: any(w.startswith(p) for w in
                                   re.findall(r"\w+", (t["title"] + " " + t["search_document"]).lower())))

    stats = dict(
        now=ts(now), associations=len(associations), tasks=len(tasks),
        task_categories=len(task_categories), volunteers=len(users),
        tasks_by_status={s: share(lambda t, s=s: t["status"] == s) for s in ("published", "draft", "closed", "cancelled")},
        signup_task_ids=signup_task_ids, volunteer_emails=[u["email"] for u in users],
        top_words=doc_words.most_common(40),
        prefix_doc_freq={w: doc_freq(w) for w in ["tapahtuma", "nuor", "leir", "kirj", "konsertti",
                                                   "kanteleensoitto", "mehiläistarha", "majakkasaari"]},
    )
    if args.stats:
        with open(args.stats, "w") as f:
            json.dump(stats, f, indent=1)
    print(json.dumps({k: v for k, v in stats.items() if k not in ("signup_task_ids", "volunteer_emails", "top_words")}),
          file=sys.stderr)


if __name__ == "__main__":
    main()
