"""Extraction benchmark: our extractor beside dateparser's search_dates.

    python -m tests.bench.extraction [--errors N]

The headline is the reference scorer's (``../shared/scoring/eval_dates.py``,
``--date-only``: gold DATE, a value counts only when it equals the gold's at
the gold's precision) on TimeBank/AQUAINT news (``tbaq.json``) and WikiWars
history articles (``wikiwars-dev.json``), with the kind of text left to
detection, beside HeidelTime's published figure on the same wikiwars
documents. Our own, more lenient scorer follows for TBAQ (definitions below).
Then one line per language from the tables of ``tests.extraction.languages``
(sentences we wrote: a mention counts when its text and value are the
expected ones), the 2 MB dense-text timing with peak memory (and the time of a
quarter and a half of it, which a linear cost doubles), and the language
detector's speed.

Each system runs in a process of its own, timed from start to exit, imports
included. Own scorer: gold TIMEX3 of type DATE: relaxed (overlapping) and
exact span precision/recall/F1, and value F1, where a system mention counts
when it overlaps a gold date and equals its value at the gold's precision.
Gold values that are not calendar dates (PRESENT_REF, 1989-Q3, 1998-W32, 199X)
count for the span scores only. A system mention that overlaps only a gold
TIME ("Friday night") is neither right nor wrong for DATE scores; one that
overlaps nothing, or only a DURATION or SET, is a false positive.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

# ../shared beside the checkout; TIMELINE_SHARED points elsewhere (a git worktree).
SHARED = Path(
    os.environ.get("TIMELINE_SHARED", Path(__file__).resolve().parents[2].parent / "shared")
)
DEFAULT_CORPUS = SHARED / "corpora/tbaq.json"
WIKIWARS = SHARED / "corpora/wikiwars-dev.json"
SCORER = SHARED / "scoring/eval_dates.py"
HEIDELTIME_WIKIWARS = {"value": 0.89, "relaxed": 0.92}
_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:$|-XX|T)")


def gold_calendar_value(value: str) -> tuple[date, int] | None:
    """(first day, precision 1-3) for a TimeML value that names a calendar date."""
    match = _CALENDAR.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return date(int(year), int(month), int(day)), 3
        if month:
            return date(int(year), int(month), 1), 2
        return date(int(year), 1, 1), 1
    except ValueError:
        return None


# --- the two systems, each run in its own process -------------------------------------


def run_ours(documents: list[dict]) -> list[list[dict]]:
    from timeline.extraction import extract

    results = []
    for doc in documents:
        result = extract(doc["text"], date.fromisoformat(doc["dct"]))  # kind and language detected
        results.append(
            [
                {"start": m.start, "end": m.end, "text": m.text, "value": m.value}
                for m in result.mentions
            ]
        )
    return results


def run_naive(documents: list[dict]) -> list[list[dict]]:
    from dateparser.search import search_dates

    results = []
    for doc in documents:
        text = doc["text"]
        found = search_dates(
            text,
            languages=["en"],
            settings={
                "RELATIVE_BASE": datetime.fromisoformat(doc["dct"]),
                "PREFER_DATES_FROM": "past",
            },
        )
        mentions, cursor = [], 0
        for span, moment in found or []:
            start = text.find(span, cursor)
            if start == -1:
                continue
            cursor = start + len(span)
            mentions.append(
                {"start": start, "end": cursor, "text": span, "value": moment.date().isoformat()}
            )
        results.append(mentions)
    return results


SYSTEMS = {"ours": run_ours, "naive": run_naive}


# --- scoring ----------------------------------------------------------------------------


@dataclass
class Score:
    system_total: int = 0
    system_hit: int = 0
    gold_total: int = 0
    gold_hit: int = 0

    @property
    def precision(self) -> float:
        return self.system_hit / self.system_total if self.system_total else 0.0

    @property
    def recall(self) -> float:
        return self.gold_hit / self.gold_total if self.gold_total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _value_matches(system_value: str | None, gold: tuple[date, int]) -> bool:
    if not system_value:
        return False
    first = system_value.split("/")[0]
    parts = first.split("-")
    if len(parts) < gold[1]:  # coarser than the gold: not the same date
        return False
    gold_day, precision = gold
    wanted = [f"{gold_day.year:04d}", f"{gold_day.month:02d}", f"{gold_day.day:02d}"][:precision]
    return parts[:precision] == wanted


def score(documents: list[dict], predictions: list[list[dict]], errors: list | None = None):
    relaxed, exact, value = Score(), Score(), Score()
    for doc, predicted in zip(documents, predictions, strict=True):
        golds = [t for t in doc["timexes"] if t["type"] == "DATE"]
        times = [t for t in doc["timexes"] if t["type"] == "TIME"]
        for g in golds:
            g["calendar"] = gold_calendar_value(g["value"])
        counted = []
        for p in predicted:
            over = [g for g in golds if _overlaps(p, g)]
            if not over and any(_overlaps(p, t) for t in times):
                continue  # a time of day on a date: not a DATE, not wrong
            counted.append((p, over))
            relaxed.system_total += 1
            exact.system_total += 1
            relaxed.system_hit += bool(over)
            exact.system_hit += any(g["start"] == p["start"] and g["end"] == p["end"] for g in over)
            if p["value"] and not any(g["calendar"] is None for g in over):
                value.system_total += 1
                hit = any(_value_matches(p["value"], g["calendar"]) for g in over)
                value.system_hit += hit
                if errors is not None and not hit:
                    gold_values = [g["value"] for g in over] or ["—"]
                    errors.append((doc["id"], doc["dct"], p["text"], p["value"], gold_values))
        for g in golds:
            over = [p for p, _ in counted if _overlaps(p, g)]
            relaxed.gold_total += 1
            exact.gold_total += 1
            relaxed.gold_hit += bool(over)
            exact.gold_hit += any(p["start"] == g["start"] and p["end"] == g["end"] for p in over)
            if g["calendar"] is not None:
                value.gold_total += 1
                value.gold_hit += any(_value_matches(p["value"], g["calendar"]) for p in over)
                if errors is not None and not over:
                    errors.append(
                        (doc["id"], doc["dct"], "MISSED " + g["text"], None, [g["value"]])
                    )
    return relaxed, exact, value


# --- driver -----------------------------------------------------------------------------


def reference_scorer():
    """The shared reference scorer, or None (with a message) where ../shared is absent."""
    if not SCORER.exists():
        print(f"reference scorer not found ({SCORER}): skipping its figures")
        return None
    spec = importlib.util.spec_from_file_location("eval_dates", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_system(name: str, corpus: Path) -> tuple[list, float]:
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "tests.bench.extraction", "--run", name, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return json.loads(completed.stdout), time.perf_counter() - started


def as_predictions(documents: list[dict], predictions: list[list[dict]]) -> dict:
    return {
        "documents": [
            # every mention counts, those without a value (unresolved, BC) too
            {"id": doc["id"], "dates": [{**m, "value": m["value"] or ""} for m in found]}
            for doc, found in zip(documents, predictions, strict=True)
        ]
    }


def reference_figures(scorer, corpus: Path, errors: int) -> dict:
    gold = json.loads(corpus.read_text(encoding="utf-8"))
    documents = gold["documents"]
    print(f"\n{corpus.name}: {len(documents)} documents, reference scorer --date-only")
    print(
        f"{'system':<10}{'rel P':>7}{'rel R':>7}{'rel F1':>8}{'val P':>7}{'val R':>7}"
        f"{'val F1':>8}{'seconds':>9}{'docs/s':>8}"
    )
    figures = {}
    for name in ("naive", "ours"):
        predictions, seconds = run_system(name, corpus)
        result, wrong = scorer.score(gold, as_predictions(documents, predictions), date_only=True)
        rel, val = result["relaxed"], result["value"]
        figures[name] = result
        print(
            f"{name:<10}{rel['P'] / 100:>7.3f}{rel['R'] / 100:>7.3f}{rel['F1'] / 100:>8.3f}"
            f"{val['P'] / 100:>7.3f}{val['R'] / 100:>7.3f}{val['F1'] / 100:>8.3f}"
            f"{seconds:>9.2f}{len(documents) / seconds:>8.1f}"
        )
        if name == "ours" and errors:
            for error in wrong[:errors]:
                print("  ", error)
    return figures


def language_lines() -> None:
    from tests.extraction.languages import TABLES, score_table

    print("\nlanguages: sentences of tests/extraction/languages.py (mention text and value)")
    print(
        f"{'language':<10}{'sentences':>10}{'expected':>9}{'ours P':>8}{'ours R':>8}{'ours F1':>9}"
        f"{'naive F1':>9}"
    )
    for language, table in TABLES.items():
        ours = score_table(language, table)
        naive = score_table(language, table, naive_baseline=True)
        print(
            f"{language:<10}{len(table):>10}{ours.gold_total:>9}{ours.precision:>8.3f}"
            f"{ours.recall:>8.3f}{ours.f1:>9.3f}{naive.f1:>9.3f}"
        )


def dense_text_timing() -> None:
    """2 MB of dense dated text: time and peak memory of one extraction, in a fresh process."""
    completed = subprocess.run(
        [sys.executable, "-m", "tests.bench.extraction", "--dense"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    print("\n" + completed.stdout.strip())


DENSE_SENTENCES = (
    "The ministry said on Friday that the talks would resume.",
    "Turkey chose the FD-2000 in 2013 and cancelled the award in November 2015.",
    "Deliveries of the S-400 began on July 12, 2019, two years later than planned.",
    "Officials met in Ankara last week and again on March 3.",
    "The contract, signed in August of 2015, was revised early last year.",
    "Parliament will vote on April 7 after the holiday.",
    "The air-defence system, its radars and its missiles were shown to reporters at the base.",
)


def dense_text(size: int = 2 * 1024 * 1024) -> str:
    """News-like sentences, a date every ~55 characters (as dense as the 2 MB text of
    issue 10, 37,407 mentions), cut to ``size`` characters."""
    paragraph = " ".join(DENSE_SENTENCES) + "\n"
    return (paragraph * (size // len(paragraph) + 1))[:size]


def dense() -> None:
    import resource
    import tracemalloc

    from timeline.extraction import extract

    text = dense_text()
    extract(dense_text(20_000), date(2016, 11, 19))  # imports and models load once
    # The least of three runs, as timeit reports: a shared machine's busy moments only add.
    runs = []
    for _ in range(3):
        started, cpu_started = time.perf_counter(), time.process_time()
        result = extract(text, date(2016, 11, 19))
        runs.append((time.process_time() - cpu_started, time.perf_counter() - started))
    cpu, seconds = min(runs)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # a quarter and a half of it: linear cost doubles with the text
    growth = []
    for part in (4, 2):
        sample = text[: len(text) // part]
        part_started = time.process_time()
        extract(sample, date(2016, 11, 19))
        growth.append(f"{len(sample) / 2**20:.1f} MB {time.process_time() - part_started:.2f} s")
    growth.append(f"{len(text) / 2**20:.1f} MB {cpu:.2f} s")
    # tracemalloc slows Python several times over: a second run, for memory only
    tracemalloc.start()
    extract(text, date(2016, 11, 19))
    _, peak = tracemalloc.get_traced_memory()
    print(
        f"2 MB dense text ({len(text):,} characters): {len(result.mentions):,} mentions, "
        f"{len(result.proposals):,} proposals in {seconds:.2f} s wall, {cpu:.2f} s CPU "
        f"(the least of three runs after a warm-up call: "
        f"{', '.join(f'{c:.2f}' for c, _ in runs)} s CPU); "
        f"peak Python allocations {peak / 2**20:.0f} MiB (tracemalloc), "
        f"process peak RSS {rss:.0f} MiB"
    )
    print("growth with the text (CPU): " + ", ".join(growth))


def detector_speed() -> None:
    from timeline.extraction.languages import detect_language

    samples = {
        "en": "Turkey said on Friday it was in talks to buy Russia's S-400 missile system. ",
        "tr": "Türkiye geçen cuma Rusya'dan S-400 hava savunma sistemi almak için görüştü. ",
        "de": "Die Türkei verhandelt seit letztem Jahr mit Russland über das System S-400. ",
        "ru": "В прошлом году Турция начала переговоры о покупке системы С-400 у России. ",
    }
    detect_language("warm up the model " * 10)
    for size in (300, 3000):
        runs, started = 0, time.perf_counter()
        for text in samples.values():
            sample = (text * (size // len(text) + 1))[:size]
            for _ in range(50):
                detect_language(sample)
                runs += 1
        per_call = (time.perf_counter() - started) / runs * 1000
        print(f"language detection (py3langid): {per_call:.2f} ms per {size}-character text")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.extraction")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--errors", type=int, default=0, help="print N of our value errors")
    parser.add_argument("--run", choices=SYSTEMS, help=argparse.SUPPRESS)
    parser.add_argument("--dense", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dense:
        dense()
        return 0
    if args.run:
        documents = json.loads(args.corpus.read_text(encoding="utf-8"))["documents"]
        json.dump(SYSTEMS[args.run](documents), sys.stdout)
        return 0

    scorer = reference_scorer()
    if scorer is not None:
        for corpus in (DEFAULT_CORPUS, WIKIWARS):
            if not corpus.exists():
                print(f"corpus not found ({corpus}): skipped")
                continue
            figures = reference_figures(scorer, corpus, args.errors)
            if corpus == WIKIWARS:
                print(
                    f"{'HeidelTime':<10}{'':>14}{HEIDELTIME_WIKIWARS['relaxed']:>8.3f}"
                    f"{'':>14}{HEIDELTIME_WIKIWARS['value']:>8.3f}   (narrative mode, published)"
                )
                del figures
    if args.corpus.exists():
        own_scorer(args.corpus)
    language_lines()
    dense_text_timing()
    detector_speed()
    return 0


def own_scorer(corpus: Path) -> None:
    documents = json.loads(corpus.read_text(encoding="utf-8"))["documents"]
    print(f"\n{corpus.name}, this module's own (more lenient) scorer")
    print(
        f"{'system':<8}{'rel P':>7}{'rel R':>7}{'rel F1':>8}{'exact F1':>10}"
        f"{'val P':>7}{'val R':>7}{'val F1':>8}"
    )
    for name in ("naive", "ours"):
        predictions, _ = run_system(name, corpus)
        relaxed, exact, value = score(documents, predictions)
        print(
            f"{name:<8}{relaxed.precision:>7.3f}{relaxed.recall:>7.3f}{relaxed.f1:>8.3f}"
            f"{exact.f1:>10.3f}{value.precision:>7.3f}{value.recall:>7.3f}{value.f1:>8.3f}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
