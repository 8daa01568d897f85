"""Which existing events a proposal most likely reports again, for merging."""

from __future__ import annotations

from datetime import timedelta

from rapidfuzz import fuzz, process, utils

from timeline.models import Event, Proposal
from timeline.periods import Period, Precision

MAX_SUGGESTIONS = 6
MIN_SCORE = 30
# Above this (token-set ratio of the headlines, 0-100) on the same or a neighbouring day,
# confirming would most likely make a second event of one happening: merge is offered first.
DUPLICATE_SCORE = 60


def likely_events(proposal: Proposal, limit: int = MAX_SUGGESTIONS) -> list[Event]:
    """Events of the same timeline whose dates are compatible, most similar wording first.

    Compatible means the two periods overlap: "2015" can be the same happening as
    "November 2015", never as "2013". An unresolved proposal is compared by words alone.
    """
    events = Event.objects.filter(timeline_id=proposal.source.timeline_id)
    period = proposal.period
    if period is not None:
        # A day also reaches its neighbours: "Tuesday" in one report, "20 April" in another.
        near = _widened(period)
        events = events.filter(date__lte=near.final_day).overlapping_years(near.start.year, None)
        events = [e for e in events if e.period.overlaps(near)]
    else:
        events = list(events)
    if not events:
        return []
    choices = {e.pk: f"{e.headline} {e.description}" for e in events}
    query = f"{proposal.headline} {proposal.sentence}"
    ranked = process.extract(
        query,
        choices,
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        limit=None,
        score_cutoff=MIN_SCORE,
    )
    by_pk = {e.pk: e for e in events}
    scored = [(score + date_bonus(period, by_pk[pk].period), pk) for _, score, pk in ranked]
    scored.sort(key=lambda item: -item[0])
    return [by_pk[pk] for _, pk in scored[:limit]]


def date_bonus(proposal: Period | None, event: Period) -> int:
    """The same date written the same way is stronger evidence than an overlapping range."""
    if proposal is None:
        return 0
    if proposal == event:
        return 20
    if not proposal.is_range and not event.is_range:
        return 10
    return 0


def _widened(period: Period) -> Period:
    if period.precision is not Precision.DAY or period.is_range:
        return period
    return Period(
        period.start - timedelta(days=1),
        Precision.DAY,
        period.start + timedelta(days=1),
        Precision.DAY,
    )


def likely_duplicate(proposal: Proposal, suggestions: list[Event]) -> Event | None:
    """The suggested event that confirming would most likely duplicate, if any."""
    period = proposal.period
    if period is None:
        return None
    near = _widened(period)
    for event in suggestions:
        same_date = event.period.overlaps(near) and event.precision == period.precision
        score = fuzz.token_set_ratio(
            proposal.headline, event.headline, processor=utils.default_process
        )
        if same_date and score >= DUPLICATE_SCORE:
            return event
    return None
