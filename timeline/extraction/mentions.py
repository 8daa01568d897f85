"""Date mentions: find candidate spans, then give each a value at its real precision.

Absolute calendar expressions ("Aug. 7, 1998", "August of 2015") are read by
dateparser, which reports the precision it found. Expressions that depend on
when the article was written ("on Friday", "last year", "Feb. 10") resolve
against its publication date and never against today; without one they are
kept, flagged, with no value.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import lru_cache

import regex

from timeline.extraction import patterns
from timeline.extraction.results import NEEDS_PUBLICATION_DATE, Mention
from timeline.periods import MONTH_NAMES, Period, Precision, truncate

# How sure a kind of expression is to be a real date an editor wants.
CONFIDENCE = {
    "iso": 0.95,
    "month_day": 0.95,
    "day_month": 0.9,
    "month_year": 0.95,
    "year_range": 0.85,
    "decade": 0.8,
    "quarter": 0.8,
    "season": 0.75,
    "relative_month": 0.8,
    "relative_unit": 0.75,
    "ago": 0.7,
    "deictic": 0.8,
    "weekday": 0.8,
    "month": 0.75,
    "year": 0.85,
}
BARE_YEAR_CONFIDENCE = 0.6

_MONTH_NUMBER = {name.lower(): index for index, name in enumerate(MONTH_NAMES, start=1)}
_MONTH_NUMBER.update({name[:3].lower(): number for name, number in _MONTH_NUMBER.items()})
_MONTH_NUMBER["sept"] = 9
_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_SEASON_MONTHS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
_QUARTERS["4th"] = 4

_YEAR = regex.compile(patterns.YEAR)
_WEEKDAY_PREFIX = regex.compile(rf"^{patterns.WEEKDAY},?\s+")
_MONTH_WORD = regex.compile(patterns.MONTH)
_FIRST_WORD = regex.compile(r"[A-Za-z]+")


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


@lru_cache(maxsize=4096)
def parse_calendar(text: str) -> tuple[date, Precision] | None:
    """Ask dateparser for an absolute calendar expression and the precision it carries."""
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


def find_mentions(text: str, published: date | None) -> Iterator[Mention]:
    for match in patterns.CANDIDATE.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "year" and not _is_year(text, start, end):
            continue
        if kind == "month" and not patterns.MONTH_CONTEXT.search(text[max(0, start - 12) : start]):
            continue
        context = _clause(text, start, end)
        confidence = CONFIDENCE[kind]
        if kind == "year" and not _introduced(text, start, match.group()):
            confidence = BARE_YEAR_CONFIDENCE
        try:
            period, relative = resolve(kind, match.group(), published, context)
        except Unresolvable:
            continue
        flags = (NEEDS_PUBLICATION_DATE,) if relative and period is None else ()
        yield Mention(
            start=start,
            end=end,
            text=match.group(),
            period=period,
            relative=relative,
            confidence=confidence,
            kind=kind,
            flags=flags,
        )


def _introduced(text: str, start: int, span: str) -> bool:
    """A year after "in", "since"... or with a modifier is surely a year; a bare one less so."""
    if span.lower().startswith(("early", "late", "mid", "the", "fiscal")):
        return True
    return bool(patterns.YEAR_PREPOSITION.search(text[max(0, start - 12) : start]))


def _is_year(text: str, start: int, end: int) -> bool:
    if patterns.NOT_A_YEAR_BEFORE.search(text[max(0, start - 12) : start]):
        return False
    return not patterns.NOT_A_YEAR_AFTER.match(text[end : end + 12])


def _clause(text: str, start: int, end: int) -> str:
    """The words around a mention, for telling whether it looks ahead or back."""
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 120)
    right_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    right = min([*right_candidates, end + 80])
    return text[left + 1 : start] + " " + text[end:right]


def resolve(
    kind: str, span: str, published: date | None, context: str
) -> tuple[Period | None, bool]:
    """The period a candidate names, and whether it depends on the publication date."""
    resolver = _RESOLVERS[kind]
    return resolver(span, published, context)


def _needs(published: date | None) -> bool:
    return published is None


def _resolve_iso(span, published, context):
    try:
        return Period(date.fromisoformat(span), Precision.DAY), False
    except ValueError:
        raise Unresolvable(span) from None


def _resolve_day(span, published, context):
    core = _WEEKDAY_PREFIX.sub("", span)
    if _YEAR.search(core):
        parsed = parse_calendar(core)
        if parsed is None or parsed[1] is not Precision.DAY:
            raise Unresolvable(span)
        return Period(parsed[0], Precision.DAY), False
    parsed = parse_calendar(core)
    if parsed is None:
        raise Unresolvable(span)
    month, day = parsed[0].month, parsed[0].day
    if _needs(published):
        return None, True
    return Period(_year_for(published, month, day, context), Precision.DAY), True


# News looks back more often than ahead: a date ahead of publication must be
# this many times nearer than the one behind it to be chosen without a cue.
FUTURE_PENALTY = 3


def _nearest(published: date, candidates: list[date], context: str) -> date:
    """The candidate an article most likely means: a cue like "will" looks ahead."""
    if patterns.FUTURE_CUE.search(context):
        ahead = [c for c in candidates if c > published]
        if ahead:
            return min(ahead)

    def distance(candidate: date) -> int:
        days = (candidate - published).days
        return days * FUTURE_PENALTY if days > 0 else -days

    return min(candidates, key=distance)


def _year_for(published: date, month: int, day: int, context: str) -> date:
    """The year a year-less "Feb. 10" most likely has in an article of that date."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise Unresolvable(f"{month}-{day}")
    return _nearest(published, candidates, context)


def _resolve_month_year(span, published, context):
    core = regex.sub(patterns.MODIFIER, "", span, count=1)
    parsed = parse_calendar(core)
    if parsed is None or parsed[1] is not Precision.MONTH:
        raise Unresolvable(span)
    return Period(parsed[0], Precision.MONTH), False


def _resolve_year(span, published, context):
    year = int(_YEAR.search(span).group())
    return Period(date(year, 1, 1), Precision.YEAR), False


def _resolve_year_range(span, published, context):
    years = [int(y) for y in regex.findall(r"\d{4}", span)]
    first = years[0]
    # "2009-10": the century comes from the first year
    last = first // 100 * 100 + int(span[-2:]) if len(years) == 1 else years[1]
    if last <= first:
        raise Unresolvable(span)
    return Period(date(first, 1, 1), Precision.YEAR, date(last, 1, 1), Precision.YEAR), False


def _resolve_decade(span, published, context):
    decade = int(regex.search(r"\d{3}0", span).group())
    period = Period(date(decade, 1, 1), Precision.YEAR, date(decade + 9, 1, 1), Precision.YEAR)
    return period, False


def _month_range(year: int, first_month: int, months: int) -> Period:
    last_year, last_month = divmod(first_month - 1 + months - 1, 12)
    return Period(
        date(year, first_month, 1),
        Precision.MONTH,
        date(year + last_year, last_month + 1, 1),
        Precision.MONTH,
    )


def _nearest_span(published: date, first_month: int, months: int, direction: str) -> Period:
    """The quarter or season of that shape: the last one over, the next one, or the current."""
    spans = [
        _month_range(y, first_month, months) for y in range(published.year - 2, published.year + 2)
    ]
    current = truncate(published, Precision.MONTH)
    if direction == "last":
        return [s for s in spans if s.end < current][-1]
    if direction == "next":
        return next(s for s in spans if s.start > current)
    # "this summer", "the third quarter": the one under way, else this calendar year's.
    for s in spans:
        if s.start <= current <= s.end:
            return s
    return next(s for s in spans if s.start.year == published.year)


def _direction(lowered: str) -> str:
    return "last" if lowered.startswith("last") else "next" if lowered.startswith("next") else ""


def _resolve_quarter(span, published, context):
    lowered = span.lower()
    if lowered.startswith("q"):
        number = int(lowered[1])
    else:
        number = next(_QUARTERS[w] for w in regex.findall(r"[a-z0-9]+", lowered) if w in _QUARTERS)
    first_month = (number - 1) * 3 + 1
    year_match = _YEAR.search(span)
    if year_match:
        return _month_range(int(year_match.group()), first_month, 3), False
    if _needs(published):
        return None, True
    return _nearest_span(published, first_month, 3, _direction(lowered)), True


def _resolve_season(span, published, context):
    lowered = span.lower()
    first_month = next(m for name, m in _SEASON_MONTHS.items() if name in lowered)
    year_match = _YEAR.search(span)
    if year_match:
        return _month_range(int(year_match.group()), first_month, 3), False
    if _needs(published):
        return None, True
    return _nearest_span(published, first_month, 3, _direction(lowered)), True


def _resolve_relative_month(span, published, context):
    lowered = span.lower()
    month = _MONTH_NUMBER[_FIRST_WORD.findall(lowered)[-1]]
    if _needs(published):
        return None, True
    year = published.year
    if lowered.startswith("last"):
        year -= 1 if month >= published.month else 0
    elif lowered.startswith("next"):
        year += 1 if month <= published.month else 0
    elif not lowered.startswith("this"):
        year = _year_for(published, month, 1, context).year
    return Period(date(year, month, 1), Precision.MONTH), True


def _resolve_relative_unit(span, published, context):
    lowered = span.lower()
    unit = _FIRST_WORD.findall(lowered)[-1]
    if _needs(published):
        return None, True
    step = -1 if "last" in lowered else 1 if "next" in lowered else 0
    if unit == "year":
        return Period(date(published.year + step, 1, 1), Precision.YEAR), True
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + step, 12)
        return Period(date(year, month + 1, 1), Precision.MONTH), True
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
    return Period(monday, Precision.DAY, monday + timedelta(days=6), Precision.DAY), True


def _resolve_ago(span, published, context):
    words = span.lower().split()
    count_word = " ".join(words[:-2])
    if count_word.isdigit():
        count = int(count_word)
    elif count_word in _NUMBERS:
        count = _NUMBERS[count_word]
    else:  # "a few years ago" names no date an editor could place
        raise Unresolvable(span)
    unit = words[-2].rstrip("s")
    if _needs(published):
        return None, True
    if unit == "day":
        return Period(published - timedelta(days=count), Precision.DAY), True
    if unit == "week":
        return Period(published - timedelta(weeks=count), Precision.DAY), True
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 - count, 12)
        return Period(date(year, month + 1, 1), Precision.MONTH), True
    return Period(date(published.year - count, 1, 1), Precision.YEAR), True


_DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _resolve_deictic(span, published, context):
    if _needs(published):
        return None, True
    return Period(published + timedelta(days=_DEICTIC_DAYS[span.lower()]), Precision.DAY), True


def _resolve_weekday(span, published, context):
    words = span.lower().split()
    weekday = next(_WEEKDAYS[w] for w in words if w in _WEEKDAYS)
    if _needs(published):
        return None, True
    back = (published.weekday() - weekday) % 7
    behind = published - timedelta(days=back)
    ahead = published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if words[0] == "last":
        return Period(behind if back else published - timedelta(days=7), Precision.DAY), True
    if words[0] == "next":
        return Period(ahead, Precision.DAY), True
    return Period(_nearest(published, [behind, ahead], context), Precision.DAY), True


def _resolve_month(span, published, context):
    month = _MONTH_NUMBER[span.lower()]
    if _needs(published):
        return None, True
    return Period(_year_for(published, month, 1, context).replace(day=1), Precision.MONTH), True


_RESOLVERS = {
    "iso": _resolve_iso,
    "month_day": _resolve_day,
    "day_month": _resolve_day,
    "month_year": _resolve_month_year,
    "year": _resolve_year,
    "year_range": _resolve_year_range,
    "decade": _resolve_decade,
    "quarter": _resolve_quarter,
    "season": _resolve_season,
    "relative_month": _resolve_relative_month,
    "relative_unit": _resolve_relative_unit,
    "ago": _resolve_ago,
    "deictic": _resolve_deictic,
    "weekday": _resolve_weekday,
    "month": _resolve_month,
}
