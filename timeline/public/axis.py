"""The vertical axis of the public page: events by year, with time between them made visible.

Pure display logic over events already loaded: no queries. A quiet stretch
between two events becomes a gap on the axis; a long one is collapsed into one
marker with its span written out ("14 months later"). Each event carries the
era it starts in, and the first event of an era on the page opens it with a
heading readers can jump to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from timeline.periods import Period, Precision

# Days of silence before a gap shows, is written out, and is collapsed.
SPACED_AFTER = 14
WRITTEN_AFTER = 60
COLLAPSED_AFTER = 180


@dataclass(frozen=True)
class Gap:
    days: int

    @property
    def size(self) -> str:
        if self.days >= COLLAPSED_AFTER:
            return "collapsed"
        return "wide" if self.days >= WRITTEN_AFTER else "narrow"

    @property
    def text(self) -> str:
        """ "3 weeks later", "14 months later", "3 years later"; empty for a short gap."""
        if self.days < WRITTEN_AFTER:
            return ""
        months = round(self.days / 30.44)
        if months < 24:
            return f"{months} months later"
        years = round(self.days / 365.25)
        return f"{years} years later"


@dataclass
class Entry:
    event: object
    # The event's period, made once: event.period builds a new one at every read.
    period: Period
    url: str
    citations: list
    era: object | None = None
    gap: Gap | None = None
    opens_era: bool = False
    # The timeline's last event: the "Latest event" link lands here.
    latest: bool = False

    @property
    def anchor(self) -> str:
        return f"event-{self.event.pk}"

    @property
    def css(self) -> str:
        """The article's classes: its marker, whether it is key, its era's colour."""
        classes = ["event", f"marker-{self.marker}"]
        if self.event.is_key:
            classes.append("key")
        if self.era is not None:
            classes.append(f"era-{self.era.colour}")
        return " ".join(classes)

    @property
    def marker(self) -> str:
        """How the event sits on the axis: a dot for a day, a band for a year, a bar for a range."""
        period = self.period
        if period.is_range:
            return "range"
        return {Precision.YEAR: "year", Precision.MONTH: "month", Precision.DAY: "day"}[
            period.precision
        ]


@dataclass
class YearGroup:
    year: int
    gap: Gap | None = None
    entries: list[Entry] = field(default_factory=list)


def era_spans(eras) -> list[tuple[object, date, date]]:
    """Each era with its first and last day, read once for all the events on the axis or
    the years of the strip: era.period builds a new Period at every read."""
    return [(era, era.date, era.period.final_day) for era in eras]


def _era_at(day: date, spans) -> object | None:
    """The era a day falls in (Era.contains); where eras overlap, the one that started last."""
    found = None
    for era, first, last in spans:
        if first <= day <= last:
            found = era
    return found


def axis(
    events, eras, permalink, citations=None, *, ends_timeline: bool = False
) -> list[YearGroup]:
    """Events (in date order) grouped by the year they start in, with gaps and eras.

    `permalink(pk)` gives an event's URL and `citations` (by event pk) what it
    cites. When `ends_timeline`, the last of these events is the timeline's latest.
    """
    citations = citations or {}
    groups: list[YearGroup] = []
    covered_until: date | None = None
    previous_era, opened = None, set()
    spans = era_spans(eras)
    for event in events:
        period = event.period
        gap = None
        if covered_until is not None:
            days = (period.start - covered_until).days
            if days >= SPACED_AFTER:
                gap = Gap(days)
        covered_until = max(covered_until or period.final_day, period.final_day)
        era = _era_at(period.start, spans)
        # An era opens once a page: its heading is the anchor readers jump to.
        opens = era is not None and era is not previous_era and era.pk not in opened
        cited = citations.get(event.pk, [])
        entry = Entry(event, period, permalink(event.pk), cited, era, gap, opens_era=opens)
        previous_era = era
        if opens:
            opened.add(era.pk)
        if not groups or groups[-1].year != period.start.year:
            groups.append(YearGroup(period.start.year, gap=gap))
            entry.gap = None
        groups[-1].entries.append(entry)
    if ends_timeline and groups:
        groups[-1].entries[-1].latest = True
    return groups
