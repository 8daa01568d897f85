"""Extraction benchmark: our extractor beside dateparser's search_dates on TimeBank/AQUAINT.

    python -m tests.bench.extraction [--corpus ../shared/corpora/tbaq.json] [--errors N]

Each system runs in a process of its own, timed from start to exit, imports
included. Scores are for gold TIMEX3 of type DATE: relaxed (overlapping) and
exact span precision/recall/F1, and value F1, where a system mention counts
when it overlaps a gold date and equals its value at the gold's precision.
Gold values that are not calendar dates (PRESENT_REF, 1989-Q3, 1998-W32, 199X)
count for the span scores only. A system mention that overlaps only a gold
TIME ("Friday night") is neither right nor wrong for DATE scores; one that
overlaps nothing, or only a DURATION or SET, is a false positive.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2].parent / "shared/corpora/tbaq.json"
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
        result = extract(doc["text"], date.fromisoformat(doc["dct"]))
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.extraction")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--errors", type=int, default=0, help="print N of our value errors")
    parser.add_argument("--run", choices=SYSTEMS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    documents = json.loads(args.corpus.read_text(encoding="utf-8"))["documents"]
    if args.run:
        json.dump(SYSTEMS[args.run](documents), sys.stdout)
        return 0

    print(f"{len(documents)} documents, {args.corpus.name}; gold: TIMEX3 type DATE")
    header = f"{'system':<8}{'rel P':>7}{'rel R':>7}{'rel F1':>8}{'exact F1':>10}"
    header += f"{'val P':>7}{'val R':>7}{'val F1':>8}{'seconds':>9}{'docs/s':>8}"
    print(header)
    speeds = {}
    for name in ("naive", "ours"):
        predictions, seconds = run_system(name, args.corpus)
        errors = [] if name == "ours" and args.errors else None
        relaxed, exact, value = score(documents, predictions, errors)
        speeds[name] = len(documents) / seconds
        print(
            f"{name:<8}{relaxed.precision:>7.3f}{relaxed.recall:>7.3f}{relaxed.f1:>8.3f}"
            f"{exact.f1:>10.3f}{value.precision:>7.3f}{value.recall:>7.3f}{value.f1:>8.3f}"
            f"{seconds:>9.2f}{speeds[name]:>8.1f}"
        )
    print(f"speed: ours is {speeds['ours'] / speeds['naive']:.1f}x the naive baseline")
    if args.errors:
        for error in errors[: args.errors]:
            print("  ", *error)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
