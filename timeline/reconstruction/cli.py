"""python -m timeline.reconstruction: a ranked, dated draft timeline from a JSONL batch."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from typing import TextIO

from timeline.extraction.cli import InputError, parse_published
from timeline.periods import Precision
from timeline.reconstruction import Document, Entry, reconstruct, select

PROGRESS_EVERY_SECONDS = 2.0


def read_documents(path: str, err: TextIO) -> list[Document]:
    try:
        handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    documents, seen = [], set()
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise InputError("not a JSON object")
                published = parse_published(record.get("published"))
            except (json.JSONDecodeError, InputError) as error:
                err.write(f"line {number}: skipped: {error}\n")
                continue
            key = str(record.get("id") if record.get("id") is not None else number)
            if key in seen:
                err.write(f"line {number}: skipped: id {key!r} given twice\n")
                continue
            seen.add(key)
            documents.append(
                Document(id=key, published=published, text=str(record.get("text") or ""))
            )
    return documents


def _progress(err: TextIO):
    started = last = time.monotonic()

    def report(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_EVERY_SECONDS or done == total:
            err.write(
                f"extracted {done}/{total} documents ({done / max(now - started, 1e-9):.0f}/s)\n"
            )
            last = now

    return report


def render_text(entries: list[Entry], out: TextIO) -> None:
    for entry in entries:
        out.write(f"{entry.period.display()}  ·  {entry.headline}  ")
        out.write(f"({len(entry.sources)} sources, score {entry.score:.1f})\n")
        for sentence in entry.summary:
            out.write(f"    “{' '.join(sentence.split())}”\n")


def parse_day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--{name} {value!r} is not a real date of the form YYYY-MM-DD") from None


def main(
    argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    parser = argparse.ArgumentParser(
        prog="python -m timeline.reconstruction",
        description="Reconstruct a ranked, dated timeline from many news articles.",
    )
    parser.add_argument(
        "--jsonl",
        metavar="IN.jsonl",
        required=True,
        help='one {"id", "text", "published"} a line, or - for standard input',
    )
    parser.add_argument("--dates", type=int, metavar="N", help="the N most salient dates (all)")
    parser.add_argument("--start", metavar="YYYY-MM-DD", help="no date before this one")
    parser.add_argument("--end", metavar="YYYY-MM-DD", help="no date after this one")
    parser.add_argument("--sentences", type=int, metavar="K", help="summary sentences a date")
    parser.add_argument(
        "--precision", choices=["day", "month", "year"], help="keep dates at this precision only"
    )
    parser.add_argument("--json", action="store_true", help='print one {"timeline": [...]} object')
    parser.add_argument("--workers", type=int, help="extraction processes (all cores)")
    args = parser.parse_args(argv)
    if args.dates is not None and args.dates < 1:
        parser.error("--dates must be at least 1")
    if args.sentences is not None and args.sentences < 1:
        parser.error("--sentences must be at least 1")
    try:
        start, end = parse_day(args.start, "start"), parse_day(args.end, "end")
        if start and end and end < start:
            raise InputError("--end is before --start")
        documents = read_documents(args.jsonl, err)
    except InputError as error:
        err.write(f"error: {error}\n")
        return 2
    started = time.monotonic()
    candidates = reconstruct(documents, workers=args.workers, progress=_progress(err))
    entries = select(
        candidates,
        dates=args.dates,
        start=start,
        end=end,
        sentences=args.sentences,
        precision=Precision.from_label(args.precision) if args.precision else None,
    )
    unplaced = sum(1 for c in candidates if not c.placed)
    err.write(
        f"{len(documents)} documents → {len(candidates) - unplaced} candidates"
        f" ({unplaced} cannot be placed) → {len(entries)} dates"
        f" in {time.monotonic() - started:.1f} s\n"
    )
    if args.json:
        json.dump({"timeline": [e.as_dict() for e in entries]}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        render_text(entries, out)
    return 0
