"""The sources a reader's page shows under its events, read as plain rows.

The page shows a hundred events citing two or three sources each: as model
instances (a Citation and a Source per row, every column converted) they cost
more than everything else the page reads. Here they are one query of the six
columns shown, made into small objects that the `sources` tag and the JSON-LD
read as they would read the models.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.models import Citation, Source


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


# The order the event page lists an event's sources in (Event.with_sources()).
SOURCE_ORDER = ("source__published", "source__title", "start", "id")


def citations_by_event(event_pks) -> dict[int, list[Cited]]:
    """Each event's citations (by event pk) in source order; one query."""
    rows = (
        Citation.objects.filter(event__in=list(event_pks))
        .order_by(*SOURCE_ORDER)
        .values_list(
            "event_id",
            "quote",
            "source_id",
            "source__title",
            "source__publisher",
            "source__url",
            "source__published",
        )
    )
    sources: dict[int, CitedSource] = {}
    found: dict[int, list[Cited]] = {}
    for event_pk, quote, source_pk, *source in rows:
        if source_pk not in sources:
            sources[source_pk] = CitedSource(*source)
        found.setdefault(event_pk, []).append(Cited(quote, sources[source_pk]))
    return found
