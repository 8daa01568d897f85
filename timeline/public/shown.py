"""The events a reader's page shows and the sources they cite, read as plain rows.

A hundred Event instances a page (every column converted, a model's __init__
and its signals each) cost the page three times what reading their rows does,
and their citations as Citation and Source instances more than everything else
the page reads. Here both are one query: the page's events joined to their
citations and sources, the columns the page prints, made into small objects
that the axis, the `sources` tag and the JSON-LD read as they would read the
models. The query is written out around the ORM's pick of the page's pks: built
through the ORM (twenty-four columns across three tables, nine sort keys), it
took longer to compile than the database took to answer it. The few events
with an image or a link card keep an Event instance for the media template,
made from the same row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db import connection

from timeline.models import Citation, Event, PeriodFields, Source

# What the axis prints of an event, then what its media block reads (Event.from_db
# takes them by these names).
SHOWN = (
    "id",
    "headline",
    "description",
    "date",
    "precision",
    "end_date",
    "end_precision",
    "circa",
    "is_key",
)
MEDIA = (
    "image",
    "image_width",
    "image_height",
    "image_widths",
    "image_alt",
    "image_caption",
    "image_credit",
    "link_url",
    "link_title",
)
_IMAGE, _LINK = len(SHOWN), len(SHOWN) + MEDIA.index("link_url")
_QUOTE = len(SHOWN) + len(MEDIA)


def _rows_sql(picked: str) -> str:
    """The page's rows: each event once a citation (once if it cites nothing), in date
    order (DATE_ORDER) and each event's citations in the event page's order
    (Event.with_sources()), as the ORM would write it.

    The events are found by pk alone: given the timeline too, SQLite walked its whole
    date index for them.
    """
    quote = connection.ops.quote_name
    event, citation, source = (quote(model._meta.db_table) for model in (Event, Citation, Source))

    def of(table: str, *columns: str) -> list[str]:
        return [f"{table}.{quote(column)}" for column in columns]

    columns = [
        *of(event, *SHOWN, *MEDIA),
        *of(citation, "quote", "source_id"),
        *of(source, "title", "publisher", "url", "published"),
    ]
    day, precision, end, end_precision, pk = of(
        event, "date", "precision", "end_date", "end_precision", "id"
    )
    order = [
        day,
        precision,
        f"{end} NULLS FIRST",
        end_precision,
        pk,
        *of(source, "published", "title"),
        *of(citation, "start", "id"),
    ]
    return (
        f"SELECT {', '.join(columns)} FROM {event} "
        f"LEFT OUTER JOIN {citation} ON ({citation}.{quote('event_id')} = {pk}) "
        f"LEFT OUTER JOIN {source} ON ({source}.{quote('id')} = {citation}.{quote('source_id')}) "
        f"WHERE {pk} IN ({picked}) ORDER BY {', '.join(order)}"
    )


def stored_date(value) -> date | None:
    """A date column as read without Django's converters: SQLite answers with the stored
    ISO text, PostgreSQL with a date."""
    return date.fromisoformat(value) if isinstance(value, str) else value


# Not frozen, nor the two below: a frozen dataclass sets each field through
# object.__setattr__, and a page makes some four hundred of these objects.
@dataclass(slots=True)
class ShownEvent(PeriodFields):
    pk: int
    headline: str
    description: str
    date: date
    precision: int
    end_date: date | None
    end_precision: int | None
    circa: bool
    is_key: bool
    # The Event itself, for the media template, when it has an image or a link card.
    media: Event | None = None


@dataclass(slots=True)
class CitedSource:
    title: str
    publisher: str
    url: str
    published: date | None

    # Source's own properties, so the page writes a date exactly as the model does.
    published_iso = Source.published_iso
    published_display = Source.published_display


@dataclass(slots=True)
class Cited:
    quote: str
    source: CitedSource


def page_rows(picked) -> tuple[list[ShownEvent], dict[int, list[Cited]]]:
    """The events whose pks `picked` (a queryset of pks) holds, in date order as the page
    shows them, and what each cites (by event pk, in the order the event page lists its
    sources); one query."""
    try:
        sql, params = picked.query.sql_with_params()
    except EmptyResultSet:
        return [], {}  # a pick nothing can match (no events, an empty page), as the ORM does
    with connection.cursor() as cursor:
        cursor.execute(_rows_sql(sql), params)
        rows = cursor.fetchall()
    shown: list[ShownEvent] = []
    cited: dict[int, list[Cited]] = {}
    sources: dict[int, CitedSource] = {}
    previous, db = None, picked.db  # the router asked once, not once an event
    for row in rows:
        pk = row[0]
        # An event cited n times comes in n rows, one after another.
        if pk != previous:
            previous = pk
            shown.append(_shown(row, db))
        quote, source_pk, title, publisher, url, published = row[_QUOTE:]
        if source_pk is None:
            continue  # an event citing nothing: its row has no citation
        if source_pk not in sources:
            sources[source_pk] = CitedSource(title, publisher, url, stored_date(published))
        cited.setdefault(pk, []).append(Cited(quote, sources[source_pk]))
    return shown, cited


def _shown(row: tuple, db: str) -> ShownEvent:
    pk, headline, description, day, precision, end, end_precision, circa, is_key = row[:_IMAGE]
    shown = ShownEvent(
        pk,
        headline,
        description,
        stored_date(day),
        precision,
        stored_date(end),
        end_precision,
        # SQLite answers 0 or 1.
        bool(circa),
        bool(is_key),
    )
    # Empty strings when the event has neither an image nor a link card.
    if row[_IMAGE] or row[_LINK]:
        # The values as the fields' converters would give them (from_db runs none).
        values = dict(zip(SHOWN + MEDIA, row[:_QUOTE], strict=True))
        values.update(
            date=shown.date, end_date=shown.end_date, circa=shown.circa, is_key=shown.is_key
        )
        if isinstance(values["image_widths"], str):  # JSON as the database sent it, text
            values["image_widths"] = json.loads(values["image_widths"])
        shown.media = Event.from_db(db, list(values), list(values.values()))
    return shown
