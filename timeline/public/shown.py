"""The events a reader's page shows, read as plain rows.

A hundred Event instances a page (every column converted, a model's __init__
and its signals each) cost the page three times what reading their rows does.
Here they are one query of the columns the axis prints, made into small objects
that the axis, its tags and the JSON-LD read as they would read the model. The
few events with an image or a link card keep an Event instance for the media
template, made from the same row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.models import Event, PeriodFields

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


def shown_events(events) -> list[ShownEvent]:
    """`events` (an Event queryset, in the order wanted) as the page shows them; one query."""
    rows = events.values_list(*SHOWN, *MEDIA)
    shown = []
    width = len(SHOWN)
    for row in rows:
        media = None
        # image, link_url: empty strings when the event has neither.
        if row[width] or row[width + 7]:
            media = Event.from_db(events.db, SHOWN + MEDIA, row)
        shown.append(ShownEvent(*row[:width], media))
    return shown
