"""The story's own timeline: what "the next day", "that year" and "in July" refer to.

A news report anchors its relative dates to the day it was published ("on
Friday", "last year"). A narrative text (a history, an explainer) anchors them
to the last date it told: "In 1940 ... In July" is July 1940, "On June 10 ...
twelve days later" is June 22. ``Story`` follows the text in reading order and
remembers the latest date it gave at each precision, so an expression finds
the most recent date fine enough for it ("the next day" needs a day, "the
following year" any date), as the best temporal taggers do.

Expressions that point back explicitly ("the same day", "two years later")
use the story in both kinds of text; year-less and deictic ones use it only in
narrative mode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import regex

from timeline.extraction.absolute import Unresolvable
from timeline.extraction.relative import NUMBER_WORDS
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
_COUNTED = regex.compile(r"\b(?:later|earlier|afterwards?|previously|before)$", regex.IGNORECASE)


@dataclass
class Story:
    """The latest date the text has given at each precision, read in order."""

    published: date | None
    kind: str = NEWS
    latest: dict[Precision, date] = field(default_factory=dict)
    # Once the text is in the years before the common era, nothing can be placed
    # on our calendar until it names a year of ours again.
    before_common_era: bool = False

    @property
    def narrative(self) -> bool:
        return self.kind == NARRATIVE

    def note(self, period: Period | None) -> None:
        """A date the text told: it becomes the reference of what follows."""
        if period is None or period.end is not None:
            return
        self.before_common_era = False
        start, precision = period.start, period.precision
        latest = self.latest
        # (the first day of a month or year made by ``date``: ``replace`` takes keywords,
        # at three times the cost, and a long text notes tens of thousands of dates)
        if precision is Precision.DAY:
            self.latest = {
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
                self.latest = {Precision.DAY: day, Precision.MONTH: start}
            else:
                self.latest = {Precision.MONTH: start}
            self.latest[Precision.YEAR] = date(start.year, 1, 1)
            return
        self.latest = {
            finer: day
            for finer, day in latest.items()
            if finer > precision and day.year == start.year
        }
        self.latest[precision] = start

    def enter_before_common_era(self) -> None:
        self.before_common_era = True
        self.latest.clear()

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


def is_counted(span: str) -> bool:
    """ "two years later": a distance, which news measures from its publication."""
    return bool(_COUNT.search(span) and _COUNTED.search(span.lower()))


def from_publication(span: str, month_number: dict[str, int]) -> bool:
    """Does ``anaphora`` read nothing of a news story but its publication date? A counted
    distance without a month ("two years later", measured from when the report was written)
    and a season ("that summer", which has no value) do; "the next day", "that year" and
    "the following July" read the story's latest date."""
    lowered = span.lower()
    for word in _WORDS.findall(lowered):  # (the month branch of ``anaphora``)
        if word in month_number:
            return False
    return _UNIT.search(lowered) is None or is_counted(span)


def anaphora(span: str, story: Story, month_number: dict[str, int]) -> Period | None:
    """ "the next day", "two years later", "November of that year", "the following July"."""
    lowered = span.lower()
    words = _WORDS.findall(lowered)
    month = next((month_number[w] for w in words if w in month_number), None)
    if month is not None:
        reference = story.reference(Precision.YEAR)
        if reference is None:
            return None
        year = reference.year
        if "year" in words:  # "November of the following year"
            year += _steps(span)
        elif _FORWARD.search(lowered):  # "the following July"
            year += 1 if month <= reference.month else 0
        elif _BACKWARD.search(lowered):
            year -= 1 if month >= reference.month else 0
        day = _DAY_NUMBER.search(lowered)
        if day:  # "July 25 of that year"
            try:
                return Period(date(year, month, int(day.group(1))), Precision.DAY)
            except ValueError:
                raise Unresolvable(span) from None
        return Period(date(year, month, 1), Precision.MONTH)
    unit_match = _UNIT.search(lowered)
    if unit_match is None:  # "that summer": a season, which has no ISO value
        return None
    unit = unit_match.group(1)
    if not story.narrative and is_counted(span):
        # "a year earlier" in a report is measured from when it was written
        reference = story.published
    else:
        reference = story.reference(_UNITS[unit])
    if reference is None:
        return None
    return _shift(reference, _UNITS[unit], unit, _steps(span))


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
