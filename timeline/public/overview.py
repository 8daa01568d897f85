"""The top of a timeline's page: the year strip, its eras, and the facts about the whole.

Two queries that the indexes answer without reading the events themselves: the
facts, a row of scalar subqueries (how many, how many key, first and last dates:
counts over an index and seeks to its ends), then for the events shown (filters
applied) how many start in each year and, for each era, how many come before it
and fall in it (one count over a date range of the date-order index a year, and
two a era). A single GROUP BY year would read every event and sort them by an
expression, which at 10,000 events cost more than the rest of the page together.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import batched

from django.db import connection

from timeline.public.axis import era_spans
from timeline.public.shown import stored_date

# Past this many years one grouped scan is cheaper than a range count a year.
MAX_YEAR_COUNTS = 200


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
    # The year the latest event starts in: where the strip ends.
    last_start_year: int | None = None

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


def _sql(queryset) -> tuple[str, list]:
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def facts(timeline, *, count: bool = True) -> Facts:
    """The whole timeline's facts in one query, every part read from an index: a count
    over the key events, seeks to both ends of the date index and of the end dates'.

    Written out rather than built through the ORM: its five subqueries compiled and
    nested took three times what the database took to answer them. Counting every event
    reads the whole date index; the caller that counts them by year anyway leaves
    `count` out (its Facts count 0) and sums the years.
    """
    quote = connection.ops.quote_name
    events = f"FROM {quote(timeline.events.model._meta.db_table)} WHERE {quote('timeline_id')} = %s"
    day, end = quote("date"), quote("end_date")
    parts = [
        f"(SELECT COUNT(*) {events} AND {quote('is_key')} = %s)",
        f"(SELECT {day} {events} ORDER BY {day} LIMIT 1)",
        f"(SELECT {day} {events} ORDER BY {day} DESC LIMIT 1)",
        f"(SELECT {end} {events} AND {end} IS NOT NULL ORDER BY {end} DESC LIMIT 1)",
    ]
    params = [timeline.pk, True, timeline.pk, timeline.pk, timeline.pk]
    if count:
        parts.append(f"(SELECT COUNT(*) {events})")
        params.append(timeline.pk)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        key_count, first, last_start, last_end, *counted = cursor.fetchone()
    if first is None:
        return Facts(0, 0, None, None)
    first, last_start, last_end = map(stored_date, (first, last_start, last_end))
    last = max(day for day in (last_start, last_end) if day is not None)
    return Facts(
        counted[0] if count else 0,
        key_count,
        first.year,
        last.year,
        last_start_year=last_start.year,
    )


# Ranges a query: 2 parameters each, well under any database's limit (SQLite: 32,766).
RANGES_A_QUERY = 5000


def per_range(events, ranges: list[tuple[date, date]], aggregate: str = "COUNT(*)") -> list:
    """``aggregate`` over the `events` (a values() queryset with their "date") that start
    in each [first, last] range of days, in the ranges' order: one query (one more for
    each RANGES_A_QUERY ranges past the first).

    The events' own SQL (compiled once) is aggregated once a row of a VALUES list of the
    ranges: one subquery, planned once and run per range as one range of the date-order
    index, whatever the filters, on both databases. (A scalar subquery per range, forty
    copies of the events' SQL, took PostgreSQL 3.4 ms to plan at 50,000 events.)
    """
    base, base_params = _sql(events)
    adapt = connection.ops.adapt_datefield_value
    found = {}
    for chunk in batched(range(len(ranges)), RANGES_A_QUERY):
        # The row numbers are ours, written in; only the dates are parameters.
        rows = ", ".join(f"({number}, %s, %s)" for number in chunk)
        params = base_params + [adapt(day) for number in chunk for day in ranges[number]]
        sql = (
            f'SELECT "ranges"."column1", (SELECT {aggregate} FROM ({base}) "shown" '
            f'WHERE "shown"."date" BETWEEN "ranges"."column2" AND "ranges"."column3") '
            f'FROM (VALUES {rows}) "ranges"'
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found.update(cursor.fetchall())
    return [found[number] for number in range(len(ranges))]


def range_counts(events, ranges: dict[str, tuple[date, date]]) -> dict[str, int]:
    """How many of `events` start in each [first, last] range of days, in one query."""
    counts = per_range(events.order_by().values("date"), list(ranges.values()))
    return dict(zip(ranges, counts, strict=True))


def _year_start(year: int) -> date:
    return date(year, 1, 1)


def counts(
    events, years: range, eras=(), *, searched: bool = False
) -> tuple[dict[int, int], dict[int, tuple]]:
    """How many of `events` start in each of `years`, and for each era (by pk) how many
    come before it and fall in it: one query.

    An era's counts are its whole years' counts plus the part of a year on each side
    (from the first of January of its start and of its end): one pass over the events
    and two partial years an era, not a pass an era. Events narrowed by a text search
    are counted in one grouped pass instead: the search is then read once, not once a
    range (on PostgreSQL each range would read the GIN indexes again).
    """
    if searched or len(years) > MAX_YEAR_COUNTS:
        return _grouped(events, eras)
    ranges = {f"y{year}": (_year_start(year), date(year, 12, 31)) for year in years}
    spans = era_spans(eras)
    for era, start, last in spans:
        if start != _year_start(start.year):
            # Its year's events before it; none when it starts on the first of January.
            ranges[f"head_{era.pk}"] = (_year_start(start.year), start - timedelta(days=1))
        ranges[f"tail_{era.pk}"] = (_year_start(last.year), last)
    found = range_counts(events, ranges)
    by_year = {year: found[f"y{year}"] for year in years}

    def in_years_before(year: int) -> int:
        return sum(count for counted, count in by_year.items() if counted < year)

    by_era = {}
    for era, start, last in spans:
        preceding = in_years_before(start.year) + found.get(f"head_{era.pk}", 0)
        up_to_its_end = in_years_before(last.year) + found[f"tail_{era.pk}"]
        by_era[era.pk] = (preceding, up_to_its_end - preceding)
    return by_year, by_era


def _year_of(column: str) -> str:
    """SQL for the year of a date column, computed by the database for each row."""
    if connection.vendor == "postgresql":
        # A number, hashed to group; a date cast to text follows the server's DateStyle
        # ("01.01.2000" in German style), and text groups by sorting.
        return f"EXTRACT(YEAR FROM {column})"
    # SQLite stores ISO text; its Extract is a Python function called once a row.
    return f"SUBSTR({column}, 1, 4)"


def _grouped(events, eras=()) -> tuple[dict[int, int], dict[int, tuple]]:
    """The same counts in one grouped pass over the events.

    The events are counted by day first, in the order the date index gives them, then
    the days by year and era: the year of each event, sorted to group (PostgreSQL's
    plan), took 11 ms at 8,400 events where this takes 8, and the eras' sums read a
    row a day rather than a row an event. Written around the events' own SQL, as
    range_counts is: built through the ORM, two filtered aggregates an era cost more
    to compile than the database took to run them.
    """
    base, base_params = _sql(events.order_by().values("date"))
    adapt = connection.ops.adapt_datefield_value
    day, number = '"days"."day"', '"days"."n"'
    columns, params = [_year_of(day), f"SUM({number})"], []
    for _era, start, last in era_spans(eras):
        # Before it, then in it.
        columns.append(f"SUM(CASE WHEN {day} < %s THEN {number} ELSE 0 END)")
        columns.append(f"SUM(CASE WHEN {day} BETWEEN %s AND %s THEN {number} ELSE 0 END)")
        params += [adapt(start), adapt(start), adapt(last)]
    days = (
        f'SELECT "shown"."date" AS "day", COUNT(*) AS "n" FROM ({base}) "shown" '
        f'GROUP BY "shown"."date"'
    )
    sql = f'SELECT {", ".join(columns)} FROM ({days}) "days" GROUP BY 1'
    with connection.cursor() as cursor:
        cursor.execute(sql, params + base_params)
        # PostgreSQL sums counts as numeric: Decimals.
        rows = [[int(value) for value in row] for row in cursor.fetchall()]
    by_year = {year: count for year, count, *_ in rows}
    by_era = {}
    for number, era in enumerate(eras):
        before = sum(row[2 + 2 * number] for row in rows)
        by_era[era.pk] = (before, sum(row[3 + 2 * number] for row in rows))
    return by_year, by_era


def _bands(year: int, spans) -> tuple[EraBand, ...]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    bands = []
    for era, era_start, era_end in spans:
        start, end = max(era_start, first), min(era_end, last)
        if start <= end:
            x = (start - first).days / 366 * 10
            width = ((end - start).days + 1) / 366 * 10
            bands.append(EraBand(era, round(x, 2), round(width, 2)))
    return tuple(bands)


def year_bars(by_year: dict[int, int], per_page: int, eras=()) -> list[YearBar]:
    """Every year from the first shown event's to the last's, empty years included."""
    shown = [year for year, count in by_year.items() if count]
    largest = max(by_year.values(), default=0)
    spans = era_spans(eras)
    bars, before = [], 0
    for year in range(min(shown, default=0), max(shown, default=-1) + 1):
        count = by_year.get(year, 0)
        height = max(2, round(CHART_HEIGHT * count / largest)) if count else 0
        bars.append(YearBar(year, count, before // per_page + 1, height, _bands(year, spans)))
        before += count
    return bars


def era_links(by_era: dict[int, tuple], eras, per_page: int) -> list[EraLink]:
    links = []
    for era in eras:
        before, inside = by_era[era.pk]
        links.append(EraLink(era, inside, before // per_page + 1))
    return links


def _years(whole: Facts) -> range:
    if whole.first_year is None:
        return range(0)
    return range(whole.first_year, whole.last_start_year + 1)


def overview(
    timeline, events, eras, per_page: int, *, filtered: bool, searched: bool = False
) -> Overview:
    """The strip, the eras and the facts: two queries, filtered or not."""
    whole = facts(timeline, count=filtered)
    by_year, by_era = counts(events, _years(whole), eras, searched=searched)
    if not filtered:
        # The events shown are all of them: their years add up to the count.
        whole = replace(whole, count=sum(by_year.values()))
    return Overview(year_bars(by_year, per_page, eras), era_links(by_era, eras, per_page), whole)


def year_overview(events, per_page: int) -> list[YearBar]:
    """The strip alone (the share image draws it): one grouped query, as its years are unknown."""
    by_year, _ = _grouped(events)
    return year_bars(by_year, per_page)
