"""Relative dates: expressions that need the article's publication date.

"on Friday", "last year", "two weeks ago", "Feb. 10", "the third quarter"
mean a day, month or year only once we know when the article was written.
They resolve against its publication date, never against today; with none,
they are returned unresolved (and flagged by the caller), not guessed.

Each resolver takes the span, the publication date (or None) and the words
around the span, and returns the period and whether it was relative. A span
that turns out to carry its own year ("Q3 2015", "Feb. 10, 2015") is absolute.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import NamedTuple, Protocol

import regex

from timeline.extraction import absolute, patterns
from timeline.extraction.absolute import Unresolvable
from timeline.periods import MONTH_NAMES, Period, Precision, truncate

Resolution = tuple[Period | None, bool]

# Without a publication date a relative expression has nothing to anchor to.
UNANCHORED: Resolution = (None, True)

MONTH_NUMBER = {name.lower(): index for index, name in enumerate(MONTH_NAMES, start=1)}
MONTH_NUMBER.update({name[:3].lower(): number for name, number in MONTH_NUMBER.items()})
MONTH_NUMBER["sept"] = 9
_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {
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
SEASON_MONTHS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
_QUARTERS["4th"] = 4
_DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_FIRST_WORD = regex.compile(r"[A-Za-z]+")

# News looks back more often than ahead: a date ahead of publication must be
# this many times nearer than the one behind it to be chosen without a cue.
FUTURE_PENALTY = 3
# News writes the year of a date in another calendar year unless the date is near (the
# wire styles' rule): a year-less date most of a year ahead is this year's when what looks
# ahead is another verb of its clause ("will study the effects of the April 20 explosion",
# "was set to fly to Houston to join the effort on 5 May").
FUTURE_REACH_DAYS = 243  # eight months

# What ``Context.tense`` answers. A clause looks ahead through the mention's own verb
# ("will be opened on May 2") or through a cue further back, which may be another verb's.
PAST, UNSAID, AHEAD_IN_CLAUSE, AHEAD = -1, 0, 1, 2


class Context(Protocol):
    """Whatever tells a resolver which way the mention's verb looks."""

    def tense(self) -> int: ...


class Clause(NamedTuple):
    """The words of a mention's clause before and after it: do they look ahead or back?"""

    before: str = ""
    after: str = ""

    def tense(self) -> int:
        """PAST when the mention's own verb is past ("said Friday"), AHEAD when it looks
        ahead ("will meet on Thursday"), AHEAD_IN_CLAUSE when only a cue further back
        does, UNSAID when nothing says."""
        if self.says_past():
            return PAST
        if may_look_ahead(self.before):
            return AHEAD if self.looks_ahead_itself() else AHEAD_IN_CLAUSE
        return PAST if _past_verb_with_its_object(self.before) else UNSAID

    def looks_ahead_itself(self) -> bool:
        """Is what looks ahead the mention's own verb, right before it ("will be opened on
        May 2", "is set for")? A cue further back may be another verb's, and "until" is no
        verb ("ran until July 15")."""
        before = self.before
        near = max(0, len(before) - 40)
        return bool(
            patterns.SCHEDULED_PRESENT.search(before, near)
            or patterns.OWN_FUTURE_CUE.search(before, near)
        )

    def says_past(self) -> bool:
        """Is the verb right next to the mention past ("said Friday", "on Friday announced"),
        or does the clause count from it ("since the April 20 blowout")? This comes before
        any look ahead."""
        before = self.before
        # the verb is right before the mention: its last words are enough to look at
        near = max(0, len(before) - 40)
        past = patterns.PAST_BEFORE.search(before, near)
        if past and patterns.PASSIVE_BE.search(before, max(0, past.start() - 24), past.start()):
            past = None  # "will be held on": the auxiliary's tense, which tense() reads next
        return bool(
            past
            or patterns.PAST_AFTER.match(self.after)
            or patterns.PAST_PREPOSITION.search(before, near)
        )

    def compares(self) -> bool:
        """Does the clause compare a figure with one the mention dates ("up from $4 million
        a year earlier")?"""
        before = self.before
        last = None
        for last in patterns.COMPARISON.finditer(before, max(0, len(before) - 100)):  # noqa: B007
            pass
        if last is None:
            return False
        # What is compared is a figure ("than $13.5 million, or 34 cents a share, a year
        # earlier") or the distance itself ("higher than a year earlier"): "the rig, larger
        # than a football field, sank two days later" compares no figure with its time.
        compared = before[last.start() :]  # ("from $4 million": the figure is in the match)
        return not before[last.end() :].strip() or any(
            c.isdigit() or c in "$€£¥%" for c in compared
        )


def may_look_ahead(before: str) -> bool:
    """Does a schedule ("is set for") or a future cue ("will") come before the mention? Only
    then can its clause look ahead (``Clause.tense``): without one, the tests of the past
    need not be made."""
    return bool(
        patterns.SCHEDULED_PRESENT.search(before, max(0, len(before) - 40)) or _future_cue(before)
    )


def _future_cue(before: str) -> bool:
    if before.isascii():
        return bool(patterns.FUTURE_CUE_LOWERED.search(before.lower()))
    return bool(patterns.FUTURE_CUE.search(before))


def _past_verb_with_its_object(before: str) -> bool:
    """ "raised rates in March": a past verb, at most three words of its object, and the
    preposition before the date; not a passive ("to be completed by Dec. 15") nor a
    participle that describes a noun ("on a still unspecified date in January")."""
    tail = before.rstrip()
    if tail[tail.rfind(" ") + 1 :] not in patterns.OBJECT_PREPOSITIONS:
        return False  # (most mentions: one string test, no list made)
    words = tail[-60:].split()
    for at in range(len(words) - 2, max(-1, len(words) - 6), -1):
        word = words[at]
        if word in patterns.NOT_AN_OBJECT:
            return False
        if word in patterns.REPORTING_WORDS or not patterns.PAST_WORD.fullmatch(word):
            continue
        return not patterns.PARTICIPLE_BEFORE.search(" ".join(words[:at]) + " ")
    return False


def nearest(published: date, candidates: list[date], context: Context) -> date:
    """The candidate an article most likely means: its verb's tense decides, else the past."""
    tense = context.tense()
    if tense:
        side = [c for c in candidates if (c - published).days * tense > 0]
        if side:
            chosen = min(side, key=lambda c: abs((c - published).days))
            if not (
                tense == AHEAD_IN_CLAUSE
                and chosen.year > published.year
                and (chosen - published).days > FUTURE_REACH_DAYS
            ):
                return chosen

    def distance(candidate: date) -> int:
        days = (candidate - published).days
        return days * FUTURE_PENALTY if days > 0 else -days

    return min(candidates, key=distance)


def year_for(published: date, month: int, day: int, context: Context) -> date:
    """The year a year-less "Feb. 10" most likely has in an article of that date."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise Unresolvable(f"{month}-{day}")
    return nearest(published, candidates, context)


def day(span: str, published: date | None, context: Context) -> Resolution:
    """ "Feb. 10" takes its year from the publication date; "Feb. 10, 2015" is absolute."""
    core = absolute.WEEKDAY_PREFIX.sub("", span)
    if absolute.YEAR.search(core):
        return absolute.full_day(span), False
    parsed = absolute.parse_calendar(core)
    if parsed is None:
        raise Unresolvable(span)
    if published is None:
        return UNANCHORED
    month, day_of_month = parsed[0].month, parsed[0].day
    return Period(year_for(published, month, day_of_month, context), Precision.DAY), True


def _nearest_span(published: date, first_month: int, months: int, direction: str) -> Period:
    """The quarter or season of that shape: the last one over, the next one, or the current."""
    spans = [
        absolute.month_range(y, first_month, months)
        for y in range(published.year - 2, published.year + 2)
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


def _three_months(span: str, first_month: int, published: date | None) -> Resolution:
    year_match = absolute.YEAR.search(span)
    if year_match:
        return absolute.month_range(int(year_match.group()), first_month, 3), False
    if published is None:
        return UNANCHORED
    return _nearest_span(published, first_month, 3, _direction(span.lower())), True


def quarter(span: str, published: date | None, context: Context) -> Resolution:
    lowered = span.lower()
    if lowered.startswith("q"):
        number = int(lowered[1])
    else:
        number = next(_QUARTERS[w] for w in regex.findall(r"[a-z0-9]+", lowered) if w in _QUARTERS)
    return _three_months(span, (number - 1) * 3 + 1, published)


def season(span: str, published: date | None, context: Context) -> Resolution:
    lowered = span.lower()
    first_month = next(m for name, m in SEASON_MONTHS.items() if name in lowered)
    return _three_months(span, first_month, published)


def relative_month(span: str, published: date | None, context: Context) -> Resolution:
    lowered = span.lower()
    month = MONTH_NUMBER[_FIRST_WORD.findall(lowered)[-1]]
    if published is None:
        return UNANCHORED
    year = published.year
    if lowered.startswith("last"):
        year -= 1 if month >= published.month else 0
    elif lowered.startswith("next"):
        year += 1 if month <= published.month else 0
    elif not lowered.startswith("this"):
        year = year_for(published, month, 1, context).year
    return Period(date(year, month, 1), Precision.MONTH), True


def relative_unit(span: str, published: date | None, context: Context) -> Resolution:
    lowered = span.lower()
    unit = _FIRST_WORD.findall(lowered)[-1]
    if published is None:
        return UNANCHORED
    step = -1 if "last" in lowered else 1 if "next" in lowered else 0
    if unit == "year":
        return Period(date(published.year + step, 1, 1), Precision.YEAR), True
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + step, 12)
        return Period(date(year, month + 1, 1), Precision.MONTH), True
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
    return Period(monday, Precision.DAY, monday + timedelta(days=6), Precision.DAY), True


def ago(span: str, published: date | None, context: Context) -> Resolution:
    words = span.lower().split()
    count_word = " ".join(words[:-2])
    if count_word.isdigit():
        count = int(count_word)
    elif count_word in NUMBER_WORDS:
        count = NUMBER_WORDS[count_word]
    else:  # "a few years ago" names no date an editor could place
        raise Unresolvable(span)
    unit = words[-2].rstrip("s")
    if published is None:
        return UNANCHORED
    if unit == "day":
        return Period(published - timedelta(days=count), Precision.DAY), True
    if unit == "week":
        return Period(published - timedelta(weeks=count), Precision.DAY), True
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 - count, 12)
        return Period(date(year, month + 1, 1), Precision.MONTH), True
    return Period(date(published.year - count, 1, 1), Precision.YEAR), True


def deictic(span: str, published: date | None, context: Context) -> Resolution:
    if published is None:
        return UNANCHORED
    return Period(published + timedelta(days=_DEICTIC_DAYS[span.lower()]), Precision.DAY), True


def weekday(span: str, published: date | None, context: Context) -> Resolution:
    words = span.lower().split()
    named = next(_WEEKDAYS[w] for w in words if w in _WEEKDAYS)
    if published is None:
        return UNANCHORED
    back = (published.weekday() - named) % 7
    behind = published - timedelta(days=back)
    ahead = published + timedelta(days=(named - published.weekday()) % 7 or 7)
    if words[0] == "last":
        return Period(behind if back else published - timedelta(days=7), Precision.DAY), True
    if words[0] == "next" or "coming" in words:  # "this coming Sunday"
        return Period(ahead, Precision.DAY), True
    # The publication's own weekday is that very day, whichever way the verb looks.
    if not back:
        return Period(published, Precision.DAY), True
    return Period(nearest(published, [behind, ahead], context), Precision.DAY), True


def month(span: str, published: date | None, context: Context) -> Resolution:
    number = MONTH_NUMBER[span.lower()]
    if published is None:
        return UNANCHORED
    if number == published.month:
        # the month under way is both behind and ahead: "by the end of July", written in
        # July, is this July whatever the tense
        return Period(date(published.year, number, 1), Precision.MONTH), True
    return Period(year_for(published, number, 1, context).replace(day=1), Precision.MONTH), True


def month_relative_year(span: str, published: date | None, context: Context) -> Resolution:
    """ "June last year", "January this year", "April next year"."""
    words = _FIRST_WORD.findall(span.lower())
    if published is None:
        return UNANCHORED
    step = -1 if "last" in words else 1 if "next" in words else 0
    return Period(date(published.year + step, MONTH_NUMBER[words[0]], 1), Precision.MONTH), True
