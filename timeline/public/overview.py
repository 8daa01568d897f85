"""The top of a timeline's page: the year strip, its eras, and the facts about the whole.

All three come from one grouped query over the events (per year: how many,
how many key, the latest end and update, and for each era how many come
before it and fall in it), so the page reads its 10,000 events once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import CharField, Count, Max, Q
from django.db.models.functions import Cast, Coalesce, Substr


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


@dataclass(frozen=True)
class EraLink:
    """An era in the page's list of eras: where it starts, if any shown event falls in it."""

    era: object
    count: int
    page: int


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


@dataclass(frozen=True)
class Overview:
    bars: list[YearBar]
    eras: list[EraLink]
    facts: Facts


def year_rows(events, eras=()) -> dict[int, dict]:
    """One grouped query: per year, counts and latest dates, and each era's position."""
    # The year as text from the ISO date: a database function, not a Python one per row.
    year = Substr(Cast("date", CharField()), 1, 4)
    per_era = {}
    for era in eras:
        per_era[f"before_{era.pk}"] = Count("pk", filter=Q(date__lt=era.date))
        inside = Q(date__gte=era.date, date__lte=era.period.final_day)
        per_era[f"in_{era.pk}"] = Count("pk", filter=inside)
    rows = (
        events.order_by()
        .annotate(year=year)
        .values("year")
        .annotate(
            n=Count("pk"),
            key=Count("pk", filter=Q(is_key=True)),
            last=Max(Coalesce("end_date", "date")),
            updated=Max("updated_at"),
            **per_era,
        )
    )
    return {int(row["year"]): row for row in rows}


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


def year_bars(rows: dict[int, dict], per_page: int, eras=()) -> list[YearBar]:
    """Every year from the first event's to the last's, empty years included."""
    largest = max((row["n"] for row in rows.values()), default=0)
    bars, before = [], 0
    for year in range(min(rows, default=0), max(rows, default=-1) + 1):
        count = rows[year]["n"] if year in rows else 0
        height = max(2, round(CHART_HEIGHT * count / largest)) if count else 0
        bars.append(YearBar(year, count, before // per_page + 1, height, _bands(year, eras)))
        before += count
    return bars


def era_links(rows: dict[int, dict], eras, per_page: int) -> list[EraLink]:
    links = []
    for era in eras:
        before = sum(row[f"before_{era.pk}"] for row in rows.values())
        inside = sum(row[f"in_{era.pk}"] for row in rows.values())
        links.append(EraLink(era, inside, before // per_page + 1))
    return links


def facts_of(rows: dict[int, dict]) -> Facts:
    if not rows:
        return Facts(0, 0, None, None, None)
    return Facts(
        sum(row["n"] for row in rows.values()),
        sum(row["key"] for row in rows.values()),
        min(rows),
        max(row["last"] for row in rows.values()).year,
        max(row["updated"] for row in rows.values()),
    )


def overview(timeline, events, eras, per_page: int, *, filtered: bool) -> Overview:
    """The strip, the eras and the facts: one query, two when filters narrow the events."""
    rows = year_rows(events, eras)
    facts = facts_of(year_rows(timeline.events.all()) if filtered else rows)
    return Overview(year_bars(rows, per_page, eras), era_links(rows, eras, per_page), facts)


def year_overview(events, per_page: int) -> list[YearBar]:
    """The strip alone (the share image draws it)."""
    return year_bars(year_rows(events), per_page)
