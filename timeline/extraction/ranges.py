"""Ranges that name two dates are two mentions: "1957–58", "April 6-7", "May-August 1950".

Each end is a date in its own right (an editor may date one event by the start
and another by the end), so a range is split into its endpoints, each with the
offsets of its own words and the parts it shares with the other end: "April
6-7" is "April 6" and "7" (read as "April 7"); "27 May-28 May 1905" takes its
year from the right.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from timeline.extraction import patterns
from timeline.extraction.absolute import Unresolvable

_YEAR = regex.compile(rf"(?<!\d){patterns.YEAR}(?!\d)|(?<=[-–—]\s?)[0-9]{{2}}$")
_MONTH = regex.compile(patterns.MONTH)
_DAY = regex.compile(r"(?<![\d\w])(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?!\d)")
_SEPARATOR = regex.compile(r"\s?[-–—/]\s?|\s+(?:to|until|till|through|and|&)\s+")


class Part(NamedTuple):
    start: int  # offsets within the range's span
    end: int
    reading: str  # what the resolver reads: the part with what it shares
    kind: str  # the resolver that reads it


def split(kind: str, span: str) -> list[Part]:
    if kind == "year_range":
        return _years(span)
    if kind == "day_range":
        return _days(span)
    return _months(span)


def _years(span: str) -> list[Part]:
    found = list(_YEAR.finditer(span))
    first = int(found[0].group())
    last_match = found[-1]
    last = (
        first // 100 * 100 + int(last_match.group())
        if len(last_match.group()) == 2
        else int(last_match.group())
    )
    if last <= first:  # "2009-05" is a month, "2015-13" nothing
        raise Unresolvable(span)
    return [
        Part(*found[0].span(), str(first), "year"),
        Part(*last_match.span(), str(last), "year"),
    ]


def _days(span: str) -> list[Part]:
    separator = _SEPARATOR.search(span)
    halves = ((0, span[: separator.start()]), (separator.end(), span[separator.end() :]))
    months = [_MONTH.search(half) for _, half in halves]
    year = _YEAR.search(halves[1][1])
    suffix = f", {year.group()}" if year else ""
    parts = []
    for (at, half), own_month, other_month in zip(halves, months, reversed(months), strict=True):
        day = _DAY.search(half)
        month = own_month or other_month
        words = [m for m in (own_month, day) if m]
        start, end = min(m.start() for m in words), max(m.end() for m in words)
        if year and at:  # the year is written once, after the second date
            end = year.end()
        parts.append(
            Part(at + start, at + end, f"{month.group()} {day.group()}{suffix}", "month_day")
        )
    return parts


def _months(span: str) -> list[Part]:
    names = list(_MONTH.finditer(span))
    year = _YEAR.search(span)
    suffix = f" {year.group()}" if year else ""
    first, last = names[0], names[-1]
    return [
        Part(*first.span(), first.group() + suffix, "month_year" if year else "month"),
        Part(
            last.start(),
            year.end() if year else last.end(),
            last.group() + suffix,
            "month_year" if year else "month",
        ),
    ]
