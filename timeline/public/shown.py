"""The events a reader's page shows and the sources they cite, read as plain rows.

A hundred Event instances a page (every column converted, a model's __init__
and its signals each) cost the page three times what reading their rows does,
and their citations as Citation and Source instances more than everything else
the page reads. Here both are one query: the page's events joined to their
citations and sources, the columns the page prints, made into small objects
that the axis, the `sources` tag and the JSON-LD read as they would read the
models. (Two queries, the events then their citations by pk, cost a compiled
query and a round trip more.) The few events with an image or a link card keep
an Event instance for the media template, made from the same row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.models import DATE_ORDER, Event, PeriodFields, Source

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
CITED = (
    "citations__quote",
    "citations__source_id",
    "citations__source__title",
    "citations__source__publisher",
    "citations__source__url",
    "citations__source__published",
)
# The order the event page lists an event's sources in (Event.with_sources()).
SOURCE_ORDER = ("source__published", "source__title", "start", "id")
_IMAGE, _LINK = len(SHOWN), len(SHOWN) + MEDIA.index("link_url")
_QUOTE = len(SHOWN) + len(MEDIA)


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class CitedSource:
    title: str
    publisher: str
    url: str
    published: date | None

    # Source's own properties, so the page writes a date exactly as the model does.
    published_iso = Source.published_iso
    published_display = Source.published_display


@dataclass(frozen=True, slots=True)
class Cited:
    quote: str
    source: CitedSource


def page_rows(events) -> tuple[list[ShownEvent], dict[int, list[Cited]]]:
    """`events` (an Event queryset) in date order as the page shows them, and what each
    cites (by event pk, in the order the event page lists its sources); one query."""
    order = (*DATE_ORDER, *(f"citations__{field}" for field in SOURCE_ORDER))
    rows = events.order_by(*order).values_list(*SHOWN, *MEDIA, *CITED)
    shown: list[ShownEvent] = []
    cited: dict[int, list[Cited]] = {}
    sources: dict[int, CitedSource] = {}
    previous = None
    for row in rows:
        pk = row[0]
        # An event cited n times comes in n rows, one after another.
        if pk != previous:
            previous = pk
            media = None
            if row[_IMAGE] or row[_LINK]:
                media = Event.from_db(events.db, SHOWN + MEDIA, row[:_QUOTE])
            shown.append(ShownEvent(*row[:_IMAGE], media))
        quote, source_pk, *source = row[_QUOTE:]
        if source_pk is None:
            continue  # an event citing nothing: its row has no citation
        if source_pk not in sources:
            sources[source_pk] = CitedSource(*source)
        cited.setdefault(pk, []).append(Cited(quote, sources[source_pk]))
    return shown, cited
