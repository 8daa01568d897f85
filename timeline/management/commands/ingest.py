"""python manage.py ingest PATH|- --timeline SLUG: store an article and propose its events."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from timeline import services
from timeline.documents import DocumentError, read_bytes
from timeline.models import Timeline


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--published {value!r} is not a real date of the form YYYY-MM-DD"
        ) from None


class Command(BaseCommand):
    help = "Add an article (text, Markdown or HTML file, or - for stdin) to a timeline."

    def add_arguments(self, parser):
        parser.add_argument("path", help="a .txt, .md or .html file, or - for standard input")
        parser.add_argument("--timeline", required=True, help="the timeline's slug")
        parser.add_argument("--title")
        parser.add_argument("--published", help="publication date, YYYY-MM-DD")
        parser.add_argument("--url", default="")
        parser.add_argument("--publisher", default="")
        parser.add_argument("--author", default="")

    def handle(self, *args, path: str, timeline: str, **options):
        published = _date(options["published"]) if options["published"] else None
        if options["url"]:
            try:
                URLValidator(schemes=["http", "https"])(options["url"])
            except ValidationError:
                url = options["url"]
                raise CommandError(f"--url {url!r} is not an http(s) URL") from None
        try:
            target = Timeline.objects.get(slug=timeline)
        except Timeline.DoesNotExist:
            raise CommandError(f"no timeline with the slug {timeline!r}") from None
        try:
            document = read_bytes(*self.read(path))
        except DocumentError as error:
            raise CommandError(str(error)) from None
        title = options["title"] or document.title or Path(path).stem
        added = services.add_source(
            timeline=target,
            text=document.text,
            title=title,
            published=published or document.published,
            url=options["url"] or document.url,
            publisher=options["publisher"] or document.publisher,
            author=options["author"] or document.author,
        )
        source = added.source
        if not added.created:
            self.stdout.write(
                f"Already present: source #{source.pk} “{source.title}”; nothing added."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Added source #{source.pk} “{source.title}” "
                f"with {added.proposals} proposed events."
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
