"""The formats newsrooms already use: TimelineJS3 JSON and CSV, streamed.

Exports hold every event of a timeline, so they read plain rows (three queries,
no model instances, only the columns they print) and are written in chunks as
the rows arrive: the first bytes leave at once and memory stays flat however
long the timeline.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from html import escape
from typing import NamedTuple

from timeline.models import Citation, Source, Timeline
from timeline.periods import Period, Precision, iso

CHUNK = 2000  # rows read, and events written, at a time

EVENT_COLUMNS = (
    "pk",
    "date",
    "precision",
    "end_date",
    "end_precision",
    "circa",
    "headline",
    "description",
)

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
    """The timeline's events in date order, each with its sources.

    Three plain queries, read in chunks, none joined to the wide source table or
    sorted by it: the citations' order (source's publication date, title, then
    position) is applied in Python to each event's one to three citations.
    """
    cited = defaultdict(list)
    for event_id, quote, source_id, start, pk in (
        Citation.objects.filter(event__timeline=timeline)
        .order_by()
        .values_list("event_id", "quote", "source_id", "start", "id")
        .iterator(chunk_size=CHUNK)
    ):
        cited[event_id].append((source_id, start, pk, quote))
    sources = {}
    cited_sources = {source_id for rows in cited.values() for source_id, *_ in rows}
    for pk, *info in Source.objects.filter(pk__in=cited_sources).values_list(
        "pk", "publisher", "title", "published", "url"
    ):
        source = SourceInfo(*info)
        # As the database would sort them: by publication date (none last), then title.
        rank = (source.published is None, source.published or date.min, source.title)
        sources[pk] = (rank, source.line, escape(source.line))
    events = timeline.events.in_date_order().values_list(*EVENT_COLUMNS).iterator(chunk_size=CHUNK)
    for pk, start, precision, end, end_precision, circa, headline, description in events:
        rows = cited.pop(pk, ())
        if len(rows) > 1:
            rows.sort(key=lambda r: (sources[r[0]][0], r[1] is None, r[1] or 0, r[2]))
        cited_by = [CitedSource(quote, *sources[source_id][1:]) for source_id, _, _, quote in rows]
        period = Period.from_stored(start, precision, end, end_precision)
        yield ExportedEvent(pk, period, circa, headline, description, cited_by)


def _timelinejs_date(day: date, precision: Precision) -> dict:
    """Only the parts the precision has: a year stays a year."""
    parts = {"year": day.year}
    if precision >= Precision.MONTH:
        parts["month"] = day.month
    if precision >= Precision.DAY:
        parts["day"] = day.day
    return parts


def _slide(event: ExportedEvent, permalink: Callable[[int], str]) -> dict:
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
    return slide


def timelinejs(timeline: Timeline, permalink: Callable[[int], str]) -> Iterator[str]:
    """The TimelineJS3 JSON document, in pieces. TimelineJS renders texts as HTML: all escaped."""
    title = {
        "text": {
            "headline": escape(timeline.title),
            "text": f"<p>{escape(timeline.description)}</p>",
        }
    }
    yield '{"title": ' + json.dumps(title, ensure_ascii=False) + ', "events": ['
    slides, first = [], True
    for event in exported_events(timeline):
        slides.append(_slide(event, permalink))
        if len(slides) == CHUNK:
            yield ("" if first else ", ") + json.dumps(slides, ensure_ascii=False)[1:-1]
            slides, first = [], False
    if slides:
        yield ("" if first else ", ") + json.dumps(slides, ensure_ascii=False)[1:-1]
    yield "]}"


def _cell(value: str) -> str:
    # A cell starting with = + - @ runs as a formula in spreadsheets: keep it text.
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def csv_rows(timeline: Timeline, permalink: Callable[[int], str]) -> Iterator[str]:
    """The CSV document, one header and a row an event, in pieces."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for n, event in enumerate(exported_events(timeline), start=1):
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
        if n % CHUNK == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
