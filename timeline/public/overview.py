"""The top of a timeline's page: the year strip, its eras, and the facts about the whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import Coalesce, ExtractYear


@dataclass(frozen=True)
class EraBand:
    """The part of one year an era covers, in the 0–10 units of the year's bar."""

    era: object
    x: float
    width: float


@dataclass(frozen=True)
class YearBar:
    """One year of the overview strip: its events, the page they start on, its bar."""

    year: int
    count: int
    page: int
    height: int
    eras: tuple[EraBand, ...] = ()

    @property
    def y(self) -> int:
        return CHART_HEIGHT - self.height


CHART_HEIGHT = 40


def _bands(year: int, eras) -> tuple[EraBand, ...]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    bands = []
    for era in eras:
        start, end = max(era.period.start, first), min(era.period.final_day, last)
        if start <= end:
            x = (start - first).days / 366 * 10
            width = ((end - start).days + 1) / 366 * 10
            bands.append(EraBand(era, round(x, 2), round(width, 2)))
    return tuple(bands)


def year_overview(events, per_page: int, eras=()) -> list[YearBar]:
    """Every year from the first event's to the last's, empty years included."""
    counts = dict(
        events.order_by()
        .annotate(year=ExtractYear("date"))
        .values_list("year")
        .annotate(n=Count("id"))
        .values_list("year", "n")
    )
    largest = max(counts.values(), default=0)
    bars, before = [], 0
    for year in range(min(counts, default=0), max(counts, default=-1) + 1):
        count = counts.get(year, 0)
        height = max(2, round(CHART_HEIGHT * count / largest)) if count else 0
        page = before // per_page + 1
        bars.append(YearBar(year, count, page, height, _bands(year, eras)))
        before += count
    return bars


@dataclass(frozen=True)
class EraLink:
    """An era in the page's list of eras: where it starts, if any shown event falls in it."""

    era: object
    count: int
    page: int


def era_links(events, eras, per_page: int) -> list[EraLink]:
    """One query for all eras: how many events each holds and how many come before it."""
    if not eras:
        return []
    counts = {}
    for era in eras:
        counts[f"before_{era.pk}"] = Count("pk", filter=Q(date__lt=era.date))
        inside = Q(date__gte=era.date, date__lte=era.period.final_day)
        counts[f"in_{era.pk}"] = Count("pk", filter=inside)
    found = events.order_by().aggregate(**counts)
    return [
        EraLink(era, found[f"in_{era.pk}"], found[f"before_{era.pk}"] // per_page + 1)
        for era in eras
    ]


@dataclass(frozen=True)
class Facts:
    """What the top of the page says about the whole timeline, filters aside."""

    count: int
    key_count: int
    first_year: int | None
    last_year: int | None
    updated: datetime | None

    @property
    def span(self) -> str:
        if self.first_year is None:
            return ""
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year} – {self.last_year}"


def facts(timeline) -> Facts:
    found = timeline.events.order_by().aggregate(
        count=Count("pk"),
        key_count=Count("pk", filter=Q(is_key=True)),
        first=Min("date"),
        last=Max(Coalesce("end_date", "date")),
        updated=Max("updated_at"),
    )
    first, last = found["first"], found["last"]
    return Facts(
        found["count"],
        found["key_count"],
        first.year if first else None,
        last.year if last else None,
        found["updated"],
    )
