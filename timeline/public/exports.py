"""The formats newsrooms already use: TimelineJS3 JSON and CSV.

Exports hold every event of a timeline, so they read plain rows (two queries,
no model instances) and escape with the standard library: at 10,000 events
that is the difference between two seconds and a fraction of one.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from html import escape
from typing import NamedTuple, TextIO

from timeline.models import Citation, Timeline
from timeline.periods import Period, Precision, iso

CSV_COLUMNS = [
    "date",
    "precision",
    "end_date",
    "end_precision",
    "circa",
    "display_date",
    "headline",
    "description",
    "sources",
    "quotes",
    "permalink",
]


class SourceInfo(NamedTuple):
    publisher: str
    title: str
    published: date | None
    url: str

    @property
    def line(self) -> str:
        published = self.published.isoformat() if self.published else ""
        return " — ".join(p for p in (self.publisher, self.title, published, self.url) if p)


class CitedSource(NamedTuple):
    quote: str
    line: str
    line_html: str  # escaped once per source, not once per citation


class ExportedEvent(NamedTuple):
    pk: int
    period: Period
    circa: bool
    headline: str
    description: str
    sources: list[CitedSource]


def exported_events(timeline: Timeline) -> Iterator[ExportedEvent]:
    """The timeline's events in date order, each with its sources."""
    lines = {}
    for pk, *info in (
        timeline.sources.filter(citations__isnull=False)
        .distinct()
        .values_list("pk", "publisher", "title", "published", "url")
    ):
        line = SourceInfo(*info).line
        lines[pk] = (line, escape(line))
    cited = defaultdict(list)
    rows = (
        Citation.objects.filter(event__timeline=timeline)
        .order_by("event_id", "source__published", "source__title", "start", "id")
        .values_list("event_id", "quote", "source_id")
    )
    for event_id, quote, source_id in rows:
        cited[event_id].append(CitedSource(quote, *lines[source_id]))
    events = timeline.events.in_date_order().values_list(
        "pk", "date", "precision", "end_date", "end_precision", "circa", "headline", "description"
    )
    for pk, start, precision, end, end_precision, circa, headline, description in events:
        period = Period.from_stored(start, precision, end, end_precision)
        yield ExportedEvent(pk, period, circa, headline, description, cited[pk])


def _timelinejs_date(day: date, precision: Precision) -> dict:
    """Only the parts the precision has: a year stays a year."""
    parts = {"year": day.year}
    if precision >= Precision.MONTH:
        parts["month"] = day.month
    if precision >= Precision.DAY:
        parts["day"] = day.day
    return parts


def timelinejs(timeline: Timeline, permalink: Callable[[int], str]) -> dict:
    """The TimelineJS3 JSON document. TimelineJS renders its texts as HTML: all are escaped."""
    slides = []
    for event in exported_events(timeline):
        sources = "".join(f"<li>{s.line_html}: “{escape(s.quote)}”</li>" for s in event.sources)
        text = f"<p>{escape(event.description)}</p>" if event.description else ""
        text += f"<p>Sources ({len(event.sources)}):</p><ul>{sources}</ul>"
        text += f'<p><a href="{escape(permalink(event.pk))}">Permalink</a></p>'
        slide = {
            "unique_id": f"event-{event.pk}",
            "start_date": _timelinejs_date(event.period.start, event.period.precision),
            "display_date": event.period.display(circa=event.circa),
            "text": {"headline": escape(event.headline), "text": text},
        }
        if event.period.end:
            slide["end_date"] = _timelinejs_date(event.period.end, event.period.end_precision)
        slides.append(slide)
    return {
        "title": {
            "text": {
                "headline": escape(timeline.title),
                "text": f"<p>{escape(timeline.description)}</p>",
            }
        },
        "events": slides,
    }


def _cell(value: str) -> str:
    # A cell starting with = + - @ runs as a formula in spreadsheets: keep it text.
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def write_csv(timeline: Timeline, out: TextIO, permalink: Callable[[int], str]) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for event in exported_events(timeline):
        period = event.period
        row = [
            iso(period.start, period.precision),
            period.precision.label,
            iso(period.end, period.end_precision) if period.end else "",
            period.end_precision.label if period.end else "",
            "yes" if event.circa else "no",
            period.display(circa=event.circa),
            event.headline,
            event.description,
            "; ".join(s.line for s in event.sources),
            " | ".join(s.quote for s in event.sources),
            permalink(event.pk),
        ]
        writer.writerow([_cell(value) for value in row])
