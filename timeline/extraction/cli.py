"""python -m timeline.extraction: dated events from a file, stdin or a JSONL batch."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from typing import TextIO

from timeline.extraction import FLAG_MESSAGES, KINDS, Extraction, extract

PROGRESS_EVERY_SECONDS = 2.0


class InputError(Exception):
    """Input the extractor cannot read; the message is shown as is."""


def parse_published(value: str | None) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError(
            f"publication date {value!r} is not a real date of the form YYYY-MM-DD"
        ) from None


def parse_kind(value: object) -> str | None:
    if value in (None, ""):
        return None
    if value not in KINDS:
        raise InputError(f"kind {value!r} is not one of {', '.join(KINDS)}")
    return str(value)


def parse_language(value: object) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not value.isalpha() or not 2 <= len(value) <= 3:
        raise InputError(f"language {value!r} is not an ISO 639 code such as 'en' or 'tr'")
    return value.lower()


def decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise InputError(f"{name} is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name} is not UTF-8 text (byte {error.start} cannot be decoded)"
        ) from None


def read_input(path: str) -> str:
    if path == "-":
        return decode(sys.stdin.buffer.read(), "standard input")
    try:
        with open(path, "rb") as handle:
            return decode(handle.read(), path)
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None


def render_text(result: Extraction, out: TextIO) -> None:
    published = result.published.isoformat() if result.published else "unknown"
    out.write(f"Publication date: {published}\nKind: {result.kind}\nLanguage: {result.language}\n")
    for flag in result.flags:
        out.write(f"[{FLAG_MESSAGES.get(flag, flag)}]\n")
    out.write(f"\nMentions ({len(result.mentions)}):\n")
    for m in result.mentions:
        value = m.value or "unresolved"
        notes = "".join(f"  [{FLAG_MESSAGES.get(flag, flag)}]" for flag in m.flags)
        out.write(
            f"  {m.start:>6}-{m.end:<6} {m.text!r:<28} {value:<22} {m.confidence:.2f}{notes}\n"
        )
    out.write(f"\nProposed events ({len(result.proposals)}):\n")
    for p in result.proposals:
        out.write(f"  {p.value or 'unresolved':<22} {p.headline}\n")
        out.write(f"  {'':<22} “{p.sentence}” ({p.start}-{p.end}, confidence {p.confidence:.2f})\n")


def run_batch(path: str, out: TextIO, err: TextIO) -> int:
    try:
        handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    started = last_report = time.monotonic()
    failures = done = 0
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                document = json.loads(line)
                published = parse_published(document.get("published"))
                result = extract(
                    str(document.get("text") or ""),
                    published,
                    kind=parse_kind(document.get("kind")),
                    language=parse_language(document.get("language")),
                )
            except (json.JSONDecodeError, AttributeError, InputError) as error:
                failures += 1
                err.write(f"line {number}: skipped: {error}\n")
                continue
            record = {"id": document.get("id"), **result.as_dict()}
            del record["published"]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            done += 1
            now = time.monotonic()
            if now - last_report >= PROGRESS_EVERY_SECONDS:
                err.write(f"{done} documents ({done / (now - started):.0f}/s)\n")
                last_report = now
    if failures:
        err.write(f"{done} documents extracted, {failures} lines skipped\n")
    return 1 if failures and not done else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m timeline.extraction",
        description="Find dated events in news text, at their real precision.",
    )
    parser.add_argument("path", nargs="?", help="a text file, or - for standard input")
    parser.add_argument("--published", help="the article's publication date, YYYY-MM-DD")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--jsonl",
        metavar="IN.jsonl",
        help='batch: one {"id", "text", "published"} a line, optional "kind" and "language"',
    )
    parser.add_argument("--kind", choices=KINDS, help="news or narrative (default: detected)")
    parser.add_argument("--language", help="ISO 639-1 code, e.g. tr (default: detected)")
    args = parser.parse_args(argv)
    if bool(args.path) == bool(args.jsonl):
        parser.error("give either a FILE (or -) or --jsonl IN.jsonl")
    try:
        if args.jsonl:
            return run_batch(args.jsonl, sys.stdout, sys.stderr)
        published = parse_published(args.published)
        result = extract(
            read_input(args.path),
            published,
            kind=args.kind,
            language=parse_language(args.language),
        )
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(result.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        render_text(result, sys.stdout)
    return 0
