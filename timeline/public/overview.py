"""The overview strip above a timeline: how many events each year holds, as bars."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear


@dataclass(frozen=True)
class YearBar:
    """One year of the overview strip: its events, the page they start on, its bar."""

    year: int
    count: int
    page: int
    height: int

    @property
    def y(self) -> int:
        return CHART_HEIGHT - self.height


CHART_HEIGHT = 40


def year_overview(events, per_page: int) -> list[YearBar]:
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
        bars.append(YearBar(year, count, page, height))
        before += count
    return bars
