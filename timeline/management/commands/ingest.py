"""python manage.py ingest PATH --timeline SLUG: add articles and propose their events.

PATH is one article (.txt, .md or .html, or - for standard input), a folder of
them, or a .jsonl file with one {"text", "title", "published", "url",
"publisher", "author"} a line, and optionally "kind" (news or narrative) and
"language" (an ISO 639-1 code), which are otherwise detected. Each source is
extracted by a background task (at once with the default backend). The same
text twice is never added twice.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from timeline import services
from timeline.ingest.documents import (
    HTML_SUFFIXES,
    TEXT_SUFFIXES,
    Document,
    DocumentError,
    read_bytes,
)
from timeline.models import SourceKind, Timeline, language_code

ARTICLE_SUFFIXES = (HTML_SUFFIXES | TEXT_SUFFIXES) - {""}
BATCH = 200  # articles a transaction when adding many


def _date(value: str | None, what: str = "--published") -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise DocumentError(f"{what} {value!r} is not a real date of the form YYYY-MM-DD") from None


def _kind(value: object) -> str:
    if value in (None, ""):
        return ""
    if value not in SourceKind.values:
        raise DocumentError(f"kind {value!r} is not one of {', '.join(SourceKind.values)}")
    return str(value)


def _language(value: object) -> str:
    if value in (None, ""):
        return ""
    try:
        language_code(str(value).lower())
    except ValidationError:
        raise DocumentError(
            f"language {value!r} is not an ISO 639-1 code such as 'tr' or 'de'"
        ) from None
    return str(value).lower()


def _url(value: str | None, what: str = "--url") -> str:
    if not value:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise DocumentError(f"{what} {value!r} is not an http(s) URL") from None
    return value


@dataclass
class Summary:
    added: int = 0
    present: int = 0
    failed: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.added + self.present + len(self.failed)


class Command(BaseCommand):
    help = "Add articles (a file, - for stdin, a folder, or a .jsonl file) to a timeline."

    def add_arguments(self, parser):
        parser.add_argument("path", help="a .txt/.md/.html file, -, a folder, or a .jsonl file")
        parser.add_argument("--timeline", required=True, help="the timeline's slug")
        parser.add_argument("--title", help="one article only")
        parser.add_argument("--published", help="publication date, YYYY-MM-DD")
        parser.add_argument("--url", default="", help="one article only")
        parser.add_argument("--publisher", default="")
        parser.add_argument("--author", default="")

    def handle(self, *args, path: str, timeline: str, **options):
        try:
            self.defaults = {
                "published": _date(options["published"]),
                "url": _url(options["url"]),
                "title": options["title"] or "",
                "publisher": options["publisher"],
                "author": options["author"],
            }
        except DocumentError as error:
            raise CommandError(str(error)) from None
        try:
            self.target = Timeline.objects.get(slug=timeline)
        except Timeline.DoesNotExist:
            raise CommandError(f"no timeline with the slug {timeline!r}") from None
        source = Path(path)
        if path != "-" and (source.is_dir() or source.suffix.lower() == ".jsonl"):
            if options["title"] or options["url"]:
                raise CommandError("--title and --url name one article; not with a folder or JSONL")
            self.ingest_many(source)
        else:
            self.ingest_one(path)

    # --- one article -------------------------------------------------------------------

    def ingest_one(self, path: str) -> None:
        try:
            document = read_bytes(*self.read(path))
        except DocumentError as error:
            raise CommandError(str(error)) from None
        added = self.add(document, fallback_title=Path(path).stem)
        source = added.source
        if not added.created:
            self.stdout.write(
                f"Already present: source #{source.pk} “{source.title}”; nothing added."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Added source #{source.pk} “{source.title}” "
                f"with {added.proposals} proposed events ({source.get_extraction_state_display()})."
            )
        )
        if source.published is None and source.proposals.filter(relative=True).exists():
            self.stdout.write(
                "Relative dates are unresolved: give --published, or set the date in the admin."
            )

    def read(self, path: str) -> tuple[bytes, str]:
        if path == "-":
            return sys.stdin.buffer.read(), "standard input"
        try:
            return Path(path).read_bytes(), path
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None

    def add(self, document: Document, fallback_title: str) -> services.SourceAdded:
        d = self.defaults
        return services.add_source(
            timeline=self.target,
            text=document.text,
            title=d["title"] or document.title or fallback_title,
            published=document.published or d["published"],
            url=d["url"] or document.url,
            publisher=d["publisher"] or document.publisher,
            author=d["author"] or document.author,
            kind=document.kind,
            language=document.language,
        )

    # --- many articles -----------------------------------------------------------------

    def ingest_many(self, path: Path) -> None:
        """Read every article, adding them a batch at a time (one transaction each)."""
        items = self.folder_items(path) if path.is_dir() else self.jsonl_items(path)
        summary = Summary()
        batch = []
        for n, (label, load) in enumerate(self.progress(items, summary), start=1):
            try:
                batch.append(self.article(load(), fallback_title=label))
            except (DocumentError, ValueError) as error:
                summary.failed.append(f"{label}: {error}")
            if len(batch) == BATCH or n == len(items):
                for added in services.add_sources(timeline=self.target, articles=batch):
                    summary.added += added
                    summary.present += not added
                batch = []
        self.stdout.write(
            f"Added {summary.added}, already present {summary.present}, "
            f"failed {len(summary.failed)}."
        )
        for reason in summary.failed:
            self.stdout.write(f"  failed: {reason}")
        if summary.failed:
            raise CommandError(f"{len(summary.failed)} of {summary.done} articles failed")

    def article(self, document: Document, fallback_title: str) -> services.NewSource:
        d = self.defaults
        if not document.text.strip():
            raise DocumentError("no text")
        return services.NewSource(
            text=document.text,
            title=d["title"] or document.title or fallback_title,
            published=document.published or d["published"],
            url=d["url"] or document.url,
            publisher=d["publisher"] or document.publisher,
            author=d["author"] or document.author,
            kind=document.kind,
            language=document.language,
        )

    def folder_items(self, folder: Path) -> list:
        files = sorted(
            p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
        )
        return [(p.stem, lambda p=p: read_bytes(p.read_bytes(), p.name)) for p in files]

    def jsonl_items(self, path: Path) -> list:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read {path}: {error}") from None
        return [
            (f"line {n}", lambda line=line, n=n: self.jsonl_document(line, n))
            for n, line in enumerate(lines, start=1)
            if line.strip()
        ]

    def jsonl_document(self, line: str, number: int) -> Document:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise DocumentError(f"not JSON ({error.msg})") from None
        if not isinstance(record, dict) or not str(record.get("text") or "").strip():
            raise DocumentError("no text")
        return Document(
            text=str(record["text"]),
            title=str(record.get("title") or ""),
            publisher=str(record.get("publisher") or ""),
            author=str(record.get("author") or ""),
            published=_date(record.get("published"), "published"),
            url=_url(record.get("url"), "url"),
            kind=_kind(record.get("kind")),
            language=_language(record.get("language")),
        )

    def progress(self, items: list, summary: Summary):
        """Yield the items, drawing a bar on stderr as they go."""
        total = len(items)
        err = self.stderr._out
        for index, item in enumerate(items, start=1):
            yield item
            filled = int(30 * index / total)
            err.write(
                f"\r[{'#' * filled}{'.' * (30 - filled)}] {index}/{total} "
                f"added {summary.added} · present {summary.present} · failed {len(summary.failed)}"
            )
            err.flush()
        if total:
            err.write("\n")
