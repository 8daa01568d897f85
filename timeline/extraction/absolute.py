"""Absolute dates: expressions that name their own place on the calendar.

"Aug. 7, 1998", "August of 2015", "2013", "2009-10", "the 1990s" mean the same
whatever day the article was written. dateparser reads the calendar forms and
reports the precision it found; the rest are plain arithmetic.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

import regex

from timeline.extraction import patterns
from timeline.periods import Period, Precision

YEAR = re.compile(patterns.YEAR)
WEEKDAY_PREFIX = re.compile(rf"^{patterns.WEEKDAY},?\s+")
_MODIFIER = re.compile(patterns.MODIFIER)


class Unresolvable(Exception):
    """The span looked like a date but names no real one (e.g. "Feb. 30, 2015")."""


@lru_cache(maxsize=1)
def _parser():
    # Imported here so that loading the package stays cheap for callers that
    # only need the result types.
    from dateparser.date import DateDataParser

    # A leap year as the base, so "Feb. 29" without a year still parses; the
    # year of a year-less date is chosen afterwards from the publication date.
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(2000, 1, 1),
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": False,
        },
    )


# "the fourth of July" as dateparser reads it: "4 July".
_DAY_IN_WORDS = re.compile(rf"^(?:the\s+)?({patterns.DAY_IN_WORDS})\s+of\s+", re.IGNORECASE)


@lru_cache(maxsize=4096)
def parse_calendar(text: str) -> tuple[date, Precision] | None:
    """Ask dateparser for an absolute calendar expression and the precision it carries."""
    words = _DAY_IN_WORDS.match(text)
    if words:
        text = f"{patterns.DAY_WORDS[words[1].lower()]} {text[words.end() :]}"
    data = _parser().get_date_data(text)
    if data.date_obj is None or data.period not in {"day", "month", "year"}:
        return None
    precision = Precision.from_label(data.period)
    day = data.date_obj.date()
    if precision is Precision.MONTH:
        day = day.replace(day=1)
    elif precision is Precision.YEAR:
        day = day.replace(month=1, day=1)
    return day, precision


def iso(span: str) -> Period:
    try:
        return Period(date.fromisoformat(span), Precision.DAY)
    except ValueError:
        raise Unresolvable(span) from None


def full_day(span: str) -> Period:
    """A day with its year: "Monday, Oct. 26, 2015", "7 August 1998"."""
    parsed = parse_calendar(WEEKDAY_PREFIX.sub("", span))
    if parsed is None or parsed[1] is not Precision.DAY:
        raise Unresolvable(span)
    return Period(parsed[0], Precision.DAY)


def month_year(span: str) -> Period:
    core = _MODIFIER.sub("", span, count=1)
    parsed = parse_calendar(core)
    if parsed is None or parsed[1] is not Precision.MONTH:
        raise Unresolvable(span)
    return Period(parsed[0], Precision.MONTH)


def year(span: str) -> Period:
    return Period(date(int(YEAR.search(span).group()), 1, 1), Precision.YEAR)


_ERA_NUMBER = regex.compile(r"\d{1,4}")
_BEFORE_COMMON_ERA = regex.compile(r"B\.?C")


def era_year(span: str) -> Period | None:
    """ "AD 70" is the year 70; "499 BC" is a real year that our calendar cannot store (None)."""
    if _BEFORE_COMMON_ERA.search(span):
        return None
    return Period(date(int(_ERA_NUMBER.search(span).group()), 1, 1), Precision.YEAR)


def decade(span: str) -> Period:
    first = int(regex.search(r"\d{3}0", span).group())
    return Period(date(first, 1, 1), Precision.YEAR, date(first + 9, 1, 1), Precision.YEAR)


def month_range(first_year: int, first_month: int, months: int) -> Period:
    """``months`` months from the first of ``first_month``: a quarter, a season."""
    last_year, last_month = divmod(first_month - 1 + months - 1, 12)
    return Period(
        date(first_year, first_month, 1),
        Precision.MONTH,
        date(first_year + last_year, last_month + 1, 1),
        Precision.MONTH,
    )
