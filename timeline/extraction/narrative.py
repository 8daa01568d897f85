"""The story's own timeline: what "the next day", "that year" and "in July" refer to.

A news report anchors its relative dates to the day it was published ("on
Friday", "last year"). A narrative text (a history, an explainer) anchors them
to the last date it told: "In 1940 ... In July" is July 1940, "On June 10 ...
twelve days later" is June 22. ``Story`` follows the text in reading order and
remembers the latest date it gave at each precision, so an expression finds
the most recent date fine enough for it ("the next day" needs a day, "the
following year" any date), as the best temporal taggers do.

Expressions that point back explicitly ("the same day", "two years later",
"the following June") use the story in both kinds of text: a report that
tells of January 25 and then of "18 days later" means February 12, not 18
days after it was written; with no date told yet, a report's anaphor counts
from its publication, except a distance forward ("a week later"), which is
flagged. Year-less and deictic ones ("July", "last year", "two
years ago") use the story only in narrative mode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import regex

from timeline.extraction.absolute import Unresolvable, month_range
from timeline.extraction.relative import NUMBER_WORDS, SEASON_MONTHS
from timeline.periods import Period, Precision, truncate

NEWS = "news"
NARRATIVE = "narrative"
KINDS = (NEWS, NARRATIVE)

_UNITS = {"day": Precision.DAY, "week": Precision.DAY, "month": Precision.MONTH}
_UNITS["year"] = Precision.YEAR
_UNIT = regex.compile(r"\b(day|week|month|year)s?\b")
_FORWARD = regex.compile(r"\b(?:next|following|later|afterwards?|after)\b", regex.IGNORECASE)
_BACKWARD = regex.compile(r"\b(?:previous|preceding|prior|earlier|previously|before)\b", regex.I)
_COUNT = regex.compile(
    r"\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve)\s+(?:day|week|month|year)s?\b",
    regex.IGNORECASE,
)
_VAGUE_COUNT = regex.compile(r"\b(?:few|several|couple)\b", regex.IGNORECASE)
_WORDS = re.compile(r"[a-z]+")
_DAY_NUMBER = re.compile(r"\b(\d{1,2})\b")
_SAME = regex.compile(r"\b(?:that|same|in\s+the)\b")
_STEP = regex.compile(r"\b(?:next|following|previous|preceding|prior)\b")
_COUNTED = regex.compile(r"\b(?:later|earlier|afterwards?|previously|before)$", regex.IGNORECASE)


@dataclass
class Story:
    """The latest date the text has given at each precision, read in order."""

    published: date | None
    kind: str = NEWS
    # Once the text is in the years before the common era, nothing can be placed
    # on our calendar until it names a year of ours again.
    before_common_era: bool = False
    # The last span within one year told since the latest date ("the autumn of 1918"):
    # "the following spring" is the one after it. (A span is not "that year" or "that
    # day": an aside, "as opposed to a peak in summer 2007", does not move the story.)
    span: Period | None = None
    # The dates told since ``latest`` was last read, in order; and what it was then.
    _told: list[Period] = field(default_factory=list, repr=False)
    _latest: dict[Precision, date] = field(default_factory=dict, repr=False)

    @property
    def narrative(self) -> bool:
        return self.kind == NARRATIVE

    @property
    def latest(self) -> dict[Precision, date]:
        """The latest date the text has given at each precision."""
        if self._told:
            for period in self._told:
                self._take(period)
            self._told.clear()
        return self._latest

    def note(self, period: Period | None) -> None:
        """A date the text told: it becomes the reference of what follows. (What it changes in
        ``latest`` is worked out when that is next read: a news report reads it only for an
        anaphor, and a long text tells tens of thousands of dates.)"""
        if period is None or period.end is not None:
            return
        self.before_common_era = False
        self.span = None
        if period.precision is Precision.DAY:
            self._told.clear()  # a day replaces all that was told before it (``_take``)
        self._told.append(period)

    def _take(self, period: Period) -> None:
        """``latest`` once the date ``period`` is told after it."""
        start, precision = period.start, period.precision
        latest = self._latest
        # (the first day of a month or year made by ``date``: ``replace`` takes keywords,
        # at three times the cost, and a long text notes tens of thousands of dates)
        if precision is Precision.DAY:
            self._latest = {
                Precision.DAY: start,
                Precision.MONTH: date(start.year, start.month, 1),
                Precision.YEAR: date(start.year, 1, 1),
            }
            return
        # A finer date that the new one does not contain is no longer "that day". (The
        # start of a year or month period is its first day: comparing the year, and the
        # month, is comparing ``truncate(day, precision)`` with it, without making dates.)
        if precision is Precision.MONTH:
            day = latest.get(Precision.DAY)
            if day is not None and day.year == start.year and day.month == start.month:
                self._latest = {Precision.DAY: day, Precision.MONTH: start}
            else:
                self._latest = {Precision.MONTH: start}
            self._latest[Precision.YEAR] = date(start.year, 1, 1)
            return
        self._latest = {
            finer: day
            for finer, day in latest.items()
            if finer > precision and day.year == start.year
        }
        self._latest[precision] = start

    def note_span(self, period: Period) -> None:
        """A span the text told ("the autumn of 1918", "the third quarter"): "the following
        spring" is the one after it, if it lies within one year."""
        end = period.end
        if end is not None and end.year == period.start.year:
            self.span = period

    def enter_before_common_era(self) -> None:
        self.before_common_era = True
        self._told.clear()
        self._latest = {}
        self.span = None

    def anchor(
        self, precision: Precision, *, publication: bool = True
    ) -> tuple[date, Precision] | None:
        """What an anaphor counts from: the latest date at ``precision``, else the latest
        coarser one at its own ("the next day" after "April 1986" is in April 1986); with
        none told, in news, the ``publication``."""
        if self.before_common_era:
            return None
        latest = self.latest
        for told in (Precision.DAY, Precision.MONTH, Precision.YEAR):
            if told <= precision and told in latest:
                return latest[told], told
        if self.narrative or self.published is None or not publication:
            return None
        return self.published, precision

    def reference(self, precision: Precision) -> date | None:
        """The latest date at least as fine as ``precision``; in news, else the publication."""
        if self.before_common_era:
            return None
        if precision in self.latest:
            return self.latest[precision]
        if self.narrative:
            return None
        return self.published

    def year(self) -> int | None:
        """The year a year-less "July" takes in a narrative."""
        reference = self.reference(Precision.YEAR)
        return reference.year if reference else None


def _shift(day: date, precision: Precision, unit: str, steps: int) -> Period:
    if unit == "year":
        return Period(date(day.year + steps, 1, 1), Precision.YEAR)
    if unit == "month":
        year, month = divmod(day.year * 12 + day.month - 1 + steps, 12)
        return Period(date(year, month + 1, 1), Precision.MONTH)
    if unit == "week":
        return Period(day + timedelta(weeks=steps), Precision.DAY)
    return Period(day + timedelta(days=steps), Precision.DAY)


def _steps(span: str) -> int:
    """How many units from the reference: "two years later" 2, "the day before" -1, "that day" 0."""
    lowered = span.lower()
    counted = _COUNT.search(lowered)
    if counted and _COUNTED.search(lowered):
        word = counted.group(1)
        count = int(word) if word.isdigit() else NUMBER_WORDS[word]
        return -count if _BACKWARD.search(lowered) else count
    if _VAGUE_COUNT.search(lowered):
        raise Unresolvable(span)  # "a few days later" names no day an editor could place
    if _SAME.search(lowered):  # "earlier that day", "later the same year"
        return 0
    if _BACKWARD.search(lowered):
        return -1
    if _FORWARD.search(lowered):
        return 1
    return 0


def _after(month: int, year: int, reached: int | None, steps: int) -> int:
    """The year of "the following June" (steps 1), "the previous June" (-1) or "that June" (0)
    after the story reached month ``reached`` of ``year``: with no month reached, "the
    following June" after "in 1961" is in 1962."""
    if steps > 0:
        return year + (1 if reached is None or month <= reached else 0)
    if steps < 0:
        return year - (1 if reached is None or month >= reached else 0)
    return year


def is_counted(span: str) -> bool:
    """ "two years later": a distance counted in units."""
    return bool(_COUNT.search(span) and _COUNTED.search(span.lower()))


def is_flashback(span: str) -> bool:
    """ "two decades earlier", "a year before": a distance back, told as an aside (the text
    returns to where it was: "In 2003 ... a year earlier ... On April 9" is April 2003)."""
    return is_counted(span) and bool(_BACKWARD.search(span.lower()))


def anaphora(
    span: str, story: Story, month_number: dict[str, int], from_publication: bool = False
) -> Period | None:
    """ "the next day", "two years later", "November of that year", "the following July",
    "the following spring"; counted ``from_publication`` when the caller says so."""
    lowered = span.lower()
    words = _WORDS.findall(lowered)
    month = next((month_number[w] for w in words if w in month_number), None)
    season = next((SEASON_MONTHS[w] for w in words if w in SEASON_MONTHS), None)
    unit_match = _UNIT.search(lowered)
    if month is not None or (season is not None and unit_match is None):
        anchor = story.anchor(Precision.MONTH)
        if anchor is None:
            return None
        reference = anchor[0]
        reached = reference.month if anchor[1] is Precision.MONTH else None
        if story.span is not None and story.span.end is not None:
            reference = story.span.end
            reached = reference.month
        if "year" in words:  # "November of the following year"
            year = reference.year + _steps(span)
        elif month is None and not _STEP.search(lowered):
            return None  # "that summer": a season, which has no ISO value
        else:
            year = _after(month or season, reference.year, reached, _steps(span))
        if month is None:  # "the following spring"
            return month_range(year, season, 3)
        day = _DAY_NUMBER.search(lowered)
        if day:  # "July 25 of that year"
            try:
                return Period(date(year, month, int(day.group(1))), Precision.DAY)
            except ValueError:
                raise Unresolvable(span) from None
        return Period(date(year, month, 1), Precision.MONTH)
    if unit_match is None:
        return None
    unit = unit_match.group(1)
    steps = _steps(span)
    if from_publication and story.published is not None:
        anchor: tuple[date, Precision] | None = (story.published, _UNITS[unit])
    else:
        # "A week later, …" before the report has told any date: later than what, it does
        # not say, and a report does not tell of a week after its own writing: flagged,
        # not guessed. (A distance back, "three days earlier", is back from its writing.)
        forward = steps > 0 and is_counted(span)
        anchor = story.anchor(_UNITS[unit], publication=not forward)
    if anchor is None:
        return None
    reference, told = anchor
    shifted = _shift(reference, _UNITS[unit], unit, steps)
    if told < shifted.precision:  # "two weeks later" after "in 1914": in 1914, it seems
        return Period(truncate(shifted.start, told), told)
    return shifted


def current(span: str, story: Story) -> Period | None:
    """ "the end of the year", "year-end", "the past week": the story's or the publication's."""
    lowered = span.lower()
    reference = story.reference(Precision.YEAR) if story.narrative else story.published
    if reference is None:
        return None
    if lowered.endswith("day"):  # "later in the day"
        day_reference = story.reference(Precision.DAY) if story.narrative else reference
        return Period(day_reference, Precision.DAY) if day_reference else None
    if "week" in lowered:
        # "the past week": the seven days before the publication day
        end = reference - timedelta(days=1)
        return Period(end - timedelta(days=6), Precision.DAY, end, Precision.DAY)
    if "month" in lowered:
        month_reference = story.reference(Precision.MONTH) if story.narrative else reference
        if month_reference is None:
            return None
        return Period(truncate(month_reference, Precision.MONTH), Precision.MONTH)
    if "year" in lowered:
        return Period(date(reference.year, 1, 1), Precision.YEAR)
    return None  # "the summer": a season, which has no ISO value
