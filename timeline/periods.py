"""Dates at their real precision: "2013" is a year, not 2013-01-01.

Pure Python, shared by the extractor and the Django models. A period is the
first day of a year, month or day plus that precision, optionally with an end
for a range ("2013/2015"). Its ISO form is the one TimeML, EDTF and HTML's
``<time datetime>`` agree on at these precisions.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Precision(IntEnum):
    """Ordered coarse to fine, so sorting by (start, precision) puts 2015 before 2015-08."""

    YEAR = 1
    MONTH = 2
    DAY = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def from_label(cls, label: str) -> Precision:
        try:
            return cls[label.upper()]
        except KeyError:
            raise ValueError(f"unknown precision {label!r}: use year, month or day") from None


_ISO = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def truncate(day: date, precision: Precision) -> date:
    """The first day of the year or month that contains `day`, at `precision`."""
    if precision is Precision.YEAR:
        return day.replace(month=1, day=1)
    if precision is Precision.MONTH:
        return day.replace(day=1)
    return day


def last_day(day: date, precision: Precision) -> date:
    """The last day of the year, month or day that starts at `day`."""
    if precision is Precision.YEAR:
        return day.replace(month=12, day=31)
    if precision is Precision.MONTH:
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


def _starts_its_period(day: date, precision: Precision) -> bool:
    """``truncate(day, precision) == day``, without making a date."""
    if precision is Precision.YEAR:
        return day.month == 1 and day.day == 1
    if precision is Precision.MONTH:
        return day.day == 1
    return True


def iso(day: date, precision: Precision) -> str:
    if precision is Precision.YEAR:
        return f"{day.year:04d}"
    if precision is Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def parse_iso(value: str) -> tuple[date, Precision]:
    """Read "2013", "2015-08" or "2016-11-18"; raise ValueError for anything else."""
    match = _ISO.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match["year"], match["month"], match["day"]
    try:
        if day:
            return date(int(year), int(month), int(day)), Precision.DAY
        if month:
            return date(int(year), int(month), 1), Precision.MONTH
        return date(int(year), 1, 1), Precision.YEAR
    except ValueError:
        raise ValueError(f"{value!r} is not a date that exists") from None


def display(day: date, precision: Precision) -> str:
    """How a reader sees a date: "2013", "August 2015", "18 November 2016"."""
    if precision is Precision.YEAR:
        return str(day.year)
    if precision is Precision.MONTH:
        return f"{MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class Period:
    """A date at a precision, or a range of two such dates."""

    start: date
    precision: Precision
    end: date | None = None
    end_precision: Precision | None = None

    def __post_init__(self) -> None:
        # The extractor makes tens of thousands of periods: the checks read the day and
        # month instead of building the truncated date (``truncate``) to compare.
        start = self.start
        if not _starts_its_period(start, self.precision):
            raise ValueError(f"{start} carries more detail than a {self.precision.label}")
        end = self.end
        if (end is None) != (self.end_precision is None):
            raise ValueError("a range needs both an end date and its precision")
        if end is not None:
            if not _starts_its_period(end, self.end_precision):
                raise ValueError(f"{end} carries more detail than a {self.end_precision.label}")
            if end < start:
                raise ValueError("a range cannot end before it starts")

    @classmethod
    def from_stored(
        cls, start: date, precision: int, end: date | None = None, end_precision: int | None = None
    ) -> Period:
        """From database columns, where precisions are their integer values."""
        return cls(
            start, Precision(precision), end, Precision(end_precision) if end_precision else None
        )

    @classmethod
    def parse(cls, value: str) -> Period:
        """Read an ISO value: "2013", "2015-08", "2016-11-18" or a range "2013/2015"."""
        first, sep, last = value.partition("/")
        start, precision = parse_iso(first)
        if not sep:
            return cls(start, precision)
        end, end_precision = parse_iso(last)
        return cls(start, precision, end, end_precision)

    @property
    def final_day(self) -> date:
        """The last day the period covers: 2015-08 ends on 2015-08-31."""
        if self.end is not None:
            return last_day(self.end, self.end_precision)
        return last_day(self.start, self.precision)

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.final_day and other.start <= self.final_day

    @property
    def is_range(self) -> bool:
        return self.end is not None

    @property
    def iso(self) -> str:
        text = iso(self.start, self.precision)
        if self.end is not None:
            text += "/" + iso(self.end, self.end_precision)
        return text

    def edtf(self, circa: bool = False) -> str:
        """The Extended Date/Time Format string; "~" marks an approximate date."""
        mark = "~" if circa else ""
        text = iso(self.start, self.precision) + mark
        if self.end is not None:
            text += "/" + iso(self.end, self.end_precision) + mark
        return text

    def display(self, circa: bool = False) -> str:
        text = display(self.start, self.precision)
        if self.end is not None:
            text += " – " + display(self.end, self.end_precision)
        return f"c. {text}" if circa else text

    def __str__(self) -> str:
        return self.iso
