"""Date mentions: find candidate spans, then give each a value at its real precision.

One regular expression (``patterns.CANDIDATE``) finds where dates can be; the
checks here drop what only looks like one (model numbers, amounts, "may" the
verb); each kept span is read by its kind's resolver: absolute forms in
``absolute``, forms that need the publication date in ``relative``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import NamedTuple, Protocol

import regex

from timeline.extraction import absolute, narrative, patterns, ranges, relative, stamps
from timeline.extraction.absolute import Unresolvable
from timeline.extraction.narrative import NEWS, Story
from timeline.extraction.relative import UNANCHORED, Resolution
from timeline.extraction.results import (
    BEFORE_COMMON_ERA,
    NEEDS_PUBLICATION_DATE,
    NEEDS_STORY_DATE,
    Mention,
)
from timeline.periods import Period, Precision

# How sure a kind of expression is to be a real date an editor wants.
CONFIDENCE = {
    "iso": 0.95,
    "month_day": 0.95,
    "day_month": 0.9,
    "month_year": 0.95,
    "era_year": 0.85,
    "year_range": 0.85,
    "day_range": 0.9,
    "month_span": 0.85,
    "decade": 0.8,
    "quarter": 0.8,
    "season": 0.75,
    "anaphora": 0.7,
    "current": 0.7,
    "relative_month": 0.8,
    "month_relative_year": 0.85,
    "relative_unit": 0.75,
    "ago": 0.7,
    "deictic": 0.8,
    "weekday": 0.8,
    "month": 0.75,
    "year": 0.85,
}
BARE_YEAR_CONFIDENCE = 0.6


Resolver = Callable[[str, date | None, relative.Context], Resolution]


def _absolute(read: Callable[[str], object]) -> Resolver:
    return lambda span, published, context: (read(span), False)


# The resolver of each kind of candidate (the named groups of patterns.CANDIDATE).
RESOLVERS: dict[str, Resolver] = {
    "iso": _absolute(absolute.iso),
    "month_year": _absolute(absolute.month_year),
    "year": _absolute(absolute.year),
    "era_year": _absolute(absolute.era_year),
    "decade": _absolute(absolute.decade),
    "month_day": relative.day,
    "day_month": relative.day,
    "quarter": relative.quarter,
    "season": relative.season,
    "relative_month": relative.relative_month,
    "month_relative_year": relative.month_relative_year,
    "relative_unit": relative.relative_unit,
    "ago": relative.ago,
    "deictic": relative.deictic,
    "weekday": relative.weekday,
    "month": relative.month,
}
# Ranges that name two dates: each end is a mention (see ``ranges``).
SPLIT = {"year_range", "day_range", "month_span"}
# In a narrative these take their year from the story, not the publication date.
YEARLESS = {"month", "month_day", "day_month", "relative_month", "quarter", "season"}
# And these their day, month or year.
DEICTIC = {"relative_unit", "ago", "deictic", "weekday", "month_relative_year"}
_SEASON_WORD = regex.compile(patterns.SEASON)
# The forms an article's own stamp takes (``stamps``): a month and a day, with a year.
STAMPED = {"month_day", "day_month", "iso"}


def find_mentions(text: str, published: date | None, kind: str = NEWS) -> Iterator[Mention]:
    """Every date mention in reading order; a narrative's relative ones follow its story."""
    story = Story(published, kind)
    # (bound once: this loop runs for every candidate of the text)
    resolve, note, note_span = _Readings(story, text).resolve, story.note, story.note_span
    previous: Mention | None = None  # the last dated mention: a range's start, a restated moment
    stamped_until = 0  # the end of the last stamp of the article's own (``stamps``)
    entry_times: frozenset[int] | None = None  # a live blog's, looked for at the first "NNNN :"
    for match in patterns.CANDIDATE.finditer(text):
        group = match.lastgroup
        start, end = match.span()
        if start < stamped_until:
            continue
        span = match.group()
        if group == "year":
            before = _word_before(text, start)
            if not _is_year(text, end, before) or stamps.heads_comment(text, start, end):
                continue
            if text.startswith((":", " :"), end):
                if entry_times is None:
                    entry_times = stamps.entry_times(text, published)
                if start in entry_times:
                    continue
            confidence = CONFIDENCE[group] if _introduced(span, before) else BARE_YEAR_CONFIDENCE
        elif (group == "month" and not _month_expected(text, start)) or (
            group == "weekday" and not _weekday_is_a_date(text, start, end)
        ):
            continue
        else:
            confidence = CONFIDENCE[group]
        if group in SPLIT:
            try:
                parts = ranges.split(group, span)
            except Unresolvable:
                continue
            pieces = [(start + p.start, start + p.end, p.reading, p.kind) for p in parts]
        else:
            pieces = ((start, end, span, group),)
        for piece_start, piece_end, reading, piece_kind in pieces:
            try:
                period, is_relative = resolve(piece_kind, reading, start, end)
            except Unresolvable:
                continue
            if period is None:
                yield _mention(
                    text, piece_start, piece_end, period, is_relative, confidence, piece_kind, story
                )
                if piece_kind == "era_year":
                    story.enter_before_common_era()
                continue
            if period.precision is Precision.DAY and period.end is None:
                if piece_kind in STAMPED:
                    stamp_end = stamps.stamp_end(text, piece_start, piece_end)
                    if stamp_end is not None:
                        stamped_until = stamp_end  # its year and time too, if read apart
                        continue
                if previous is not None and previous.period.precision is Precision.DAY:
                    if stamps.restates(text, previous.end, piece_start):
                        continue
                    # (a week back, "Sunday through Saturday were busy", is the start's to
                    # move, which is said already: only a range from today on moves its end)
                    if (
                        is_relative
                        and (
                            piece_kind in YEARLESS
                            or (
                                piece_kind == previous.kind == "weekday"
                                and published is not None
                                and previous.period.start >= published
                            )
                        )
                        and period.start < previous.period.start
                        and stamps.ends_range(text, previous.start, previous.end, piece_start)
                    ):
                        period = Period(
                            stamps.after(period.start, previous.period.start, piece_kind),
                            Precision.DAY,
                        )
            mention = Mention(
                piece_start,
                piece_end,
                text[piece_start:piece_end],
                period,
                is_relative,
                confidence,
                piece_kind,
            )
            yield mention
            previous = mention
            if piece_kind == "anaphora" and narrative.is_flashback(reading):
                continue  # "two years earlier" is an aside: the story stays where it was
            if period.end is None:
                note(period)
            else:
                note_span(period)


def _mention(text, start, end, period, is_relative, confidence, kind, story) -> Mention:
    flags: tuple[str, ...] = ()
    if period is None and kind == "era_year":
        flags = (BEFORE_COMMON_ERA,)
    elif period is None and is_relative:
        flags = (
            (NEEDS_STORY_DATE,) if story.narrative or story.published else (NEEDS_PUBLICATION_DATE,)
        )
    return Mention(
        start=start,
        end=end,
        text=text[start:end],
        period=period,
        relative=is_relative,
        confidence=confidence,
        kind=kind,
        flags=flags,
    )


class Clause(relative.Context, Protocol):
    """An English mention's clause: its tense, and whether it compares figures."""

    def compares(self) -> bool: ...


def resolve(kind: str, span: str, story: Story, context: Clause) -> Resolution:
    """The period a candidate names, and whether it depends on the publication or the story."""
    if kind == "anaphora":
        # "up from $4 million a year earlier" compares with the same period a year before
        # the report's, which is the publication's, whatever date the story told last.
        compared = not story.narrative and narrative.is_counted(span) and context.compares()
        period = narrative.anaphora(span, story, relative.MONTH_NUMBER, compared)
        if (
            period is not None
            and not story.narrative
            and story.published is not None
            and period.start > story.published
            and context.tense() <= 0
        ):
            # A report tells what has happened: "it sank two days later" counted past its
            # own writing means the date it counts from is not the one we took (a
            # "tomorrow" told in between): flagged, not guessed. Only a clause that looks
            # ahead may go past the publication.
            return None, True
        return period, True
    if kind == "current":
        if _SEASON_WORD.search(span.lower()):
            if story.narrative:
                return _in_story_year("season", span, story, context)
            return relative.season(span, story.published, context)
        return narrative.current(span, story), True
    if story.narrative and kind in YEARLESS and not absolute.YEAR.search(span):
        return _in_story_year(kind, span, story, context)
    if story.narrative and kind in DEICTIC:
        needs = Precision.DAY if kind in {"weekday", "deictic"} else Precision.YEAR
        return RESOLVERS[kind](span, story.reference(needs), context)
    return RESOLVERS[kind](span, story.published, context)


class _Readings:
    """``resolve`` for one text, each expression read once where its value cannot change.

    News repeats its expressions ("on Friday", "in 2015"). In news, an expression's
    value depends only on its words, the publication date and, for some, the tense of
    its clause, which is asked for again each time: such an expression is read once for
    each tense (``_ByTense``). That holds for "the end of the year"; a narrative's
    relative dates and, in both kinds, the anaphora ("that day", "two years later")
    follow the story, and are always read afresh.
    """

    __slots__ = ("_known", "_narrative", "_story", "_text")

    def __init__(self, story: Story, text: str) -> None:
        self._story, self._text = story, text
        self._narrative = story.narrative
        self._known: dict[tuple[str, str], object] = {}

    def resolve(self, kind: str, span: str, start: int, end: int) -> Resolution:
        """The reading of ``span``, the candidate at [start, end) of the text or a piece of it.
        (Its clause is read only for a resolver that asks its tense.)"""
        if self._narrative or kind == "anaphora":
            return resolve(kind, span, self._story, _LazyClause(self._text, start, end))
        key = (kind, span)
        known = self._known.get(key)
        if known is None:
            known = self._first_reading(kind, span, start, end)
        else:
            if known is _TENSE_ASKED:
                known = self._known[key] = _ByTense.of(
                    *(self._attempt(kind, span, _Tense(tense)) for tense in _TENSES)
                )
            if type(known) is _ByTense:
                known = known.reading(self._text, start, end)
        if isinstance(known, Unresolvable):
            raise known
        return known

    def _first_reading(self, kind: str, span: str, start: int, end: int) -> object:
        """Its reading in this clause, kept for the next time. One that asked the clause's
        tense is read for each tense when it comes again: most expressions come once."""
        asking = _LazyClause(self._text, start, end)
        reading = self._attempt(kind, span, asking)
        self._known[(kind, span)] = reading if asking.tense_asked is None else _TENSE_ASKED
        return reading

    def _attempt(self, kind: str, span: str, context: Clause) -> object:
        """The reading, or the ``Unresolvable`` it raised."""
        try:
            return resolve(kind, span, self._story, context)
        except Unresolvable as error:
            return error


_TENSE_ASKED = object()
_TENSES = (relative.PAST, relative.UNSAID, relative.AHEAD_IN_CLAUSE, relative.AHEAD)


class _ByTense(NamedTuple):
    """An expression's readings in a clause that looks back, says nothing, looks ahead by a
    cue further back, or by its own verb (``relative.Clause.tense``, in that order)."""

    back: object
    unsaid: object
    ahead_in_clause: object
    ahead: object
    # Most such expressions read the same back and unsaid ("said on Friday" and "on Friday"
    # are the last Friday): only whether the clause looks ahead decides.
    only_ahead_differs: bool

    @classmethod
    def of(cls, back: object, unsaid: object, ahead_in_clause: object, ahead: object) -> object:
        if back == unsaid == ahead_in_clause == ahead:
            return back  # the tense changes nothing: no clause need be read
        return cls(back, unsaid, ahead_in_clause, ahead, back == unsaid)

    def reading(self, text: str, start: int, end: int) -> object:
        """The reading in the clause of the mention at [start, end) of ``text``."""
        before = _words_before(text, start)
        if self.only_ahead_differs:
            # (the clause looks ahead exactly where it may and says no past)
            if not relative.may_look_ahead(before):
                return self.back
            clause = relative.Clause(before, _words_after(text, end))
            if clause.says_past():
                return self.back
            if self.ahead == self.ahead_in_clause or clause.looks_ahead_itself():
                return self.ahead
            return self.ahead_in_clause
        tense = relative.Clause(before, _words_after(text, end)).tense()
        return self[_TENSES.index(tense)]


class _Tense:
    """A clause of a given tense: what an expression reads as there."""

    __slots__ = ("_tense",)

    def __init__(self, tense: int) -> None:
        self._tense = tense

    def tense(self) -> int:
        return self._tense

    def compares(self) -> bool:
        raise AssertionError("anaphora are read afresh, never by tense")


def _in_story_year(kind: str, span: str, story: Story, context: relative.Context) -> Resolution:
    """A narrative's year-less "July" or "June 10" is in the year its story has reached."""
    year = story.year()
    if year is None:
        return UNANCHORED
    if kind in {"month_day", "day_month"}:
        return relative.day(f"{span}, {year}", None, context)[0], True
    if kind == "month" or (kind == "relative_month" and span[:1] in "EeLlMm"):
        return absolute.month_year(f"{span} {year}"), True
    if kind in {"quarter", "season"}:
        return RESOLVERS[kind](f"{span} {year}", None, context)[0], True
    # "last March", "next spring": relative to where the story is
    return RESOLVERS[kind](span, story.reference(Precision.YEAR), context)


def _word_before(text: str, start: int) -> re.Match | None:
    return patterns.WORD_BEFORE.search(text, max(0, start - 16), start)


def _introduced(span: str, before: re.Match | None) -> bool:
    """A year after "in", "since"... or with a modifier is surely a year; a bare one less so.
    (``before`` is its ``_word_before``.)"""
    if span.lower().startswith(("early", "late", "mid", "the", "fiscal")):
        return True
    return bool(
        before and before[1] and not before[2] and before[1].lower() in patterns.YEAR_PREPOSITIONS
    )


def _is_year(text: str, end: int, before: re.Match | None) -> bool:
    """Is the number ending at ``end``, after ``before`` (its ``_word_before``), a year?"""
    if before and (
        before[4] or ("-" not in before[3] and before[1].lower() in patterns.NOT_A_YEAR_WORDS)
    ):
        return False
    if patterns.NOT_A_YEAR_AFTER.match(text, end, end + 12):
        return False
    if patterns.STREET_AFTER.match(text, end, end + 60):
        return bool(
            before
            and before[1]
            and not before[2]
            and before[1].lower() in patterns.YEAR_BEFORE_STREET
        )
    return True


def _weekday_is_a_date(text: str, start: int, end: int) -> bool:
    """Not "every Monday and Thursday" (a set), nor "the Sunday Times" (a title)."""
    window = max(0, start - 60)
    if patterns.REPEATED_WEEKDAY.search(text, window, start):
        return False
    before_title, after_title = patterns.TITLE_AROUND_WEEKDAY
    return not (
        before_title.search(text, max(0, start - 8), start)
        and after_title.match(text, end, end + 16)
    )


def _month_expected(text: str, start: int) -> bool:
    """A bare month is a date only where a date is expected: "in March", not "March on"."""
    before = _word_before(text, start)
    return bool(
        before
        and before[1]
        and not before[2]
        and before[3].isspace()
        and before[1].lower() in patterns.MONTH_CONTEXT_WORDS
    )


class _LazyClause:
    """The mention's clause, read only by the resolvers that ask whether it looks ahead; it
    keeps the tense it gave, if one asked."""

    __slots__ = ("_end", "_start", "_text", "tense_asked")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end
        self.tense_asked: int | None = None

    def tense(self) -> int:
        if self.tense_asked is None:
            self.tense_asked = _clause(self._text, self._start, self._end).tense()
        return self.tense_asked

    def compares(self) -> bool:
        return _clause(self._text, self._start, self._end).compares()


def _clause(text: str, start: int, end: int) -> relative.Clause:
    """The words of the mention's clause, for telling whether it looks ahead or back."""
    return relative.Clause(_words_before(text, start), _words_after(text, end))


def _words_before(text: str, start: int) -> str:
    """The words of the clause before the mention that starts at ``start``."""
    left = max(0, start - 120)
    # (a question or an exclamation ends its sentence too: "What will emerge? The spill began")
    cut = max(
        text.rfind(";", left, start),
        text.rfind("\n", left, start),
        text.rfind("?", left, start),
        text.rfind("!", left, start),
    )
    stop = start
    while (stop := text.rfind(".", max(left, cut + 1), stop)) != -1:
        if _ends_clause(text, stop):
            cut = max(cut, stop)
            break
    return text[max(left, cut + 1) : start]


def _words_after(text: str, end: int) -> str:
    """The words of the clause after the mention that ends at ``end``: up to the first of a
    semicolon, a line break and a sentence's full stop, within 80 characters."""
    right = min(len(text), end + 80)
    semicolon = text.find(";", end, right)
    if semicolon != -1:
        right = semicolon
    line_break = text.find("\n", end, right)
    if line_break != -1:
        right = line_break
    stop = end - 1
    while (stop := text.find(".", stop + 1, right)) != -1:
        if _ends_clause(text, stop):
            right = stop
            break
    return text[end:right]


def _ends_clause(text: str, at: int) -> bool:
    """Is the full stop at ``at`` a sentence's, not an abbreviation's ("P.", "Feb.")?"""
    if at + 1 < len(text) and not text[at + 1].isspace():
        return False  # "U.S", "3.5"
    word = _word_before_stop(text, at)
    if word is None:
        return True
    return not ((len(word) == 1 and word.isupper()) or word.lower() in patterns.ABBREVIATIONS)


def _word_before_stop(text: str, at: int) -> str | None:
    """The word (``\\w+``) that ends at ``at``, at most 12 characters of it."""
    # Searching the 12 characters for the longest word that ends at ``at`` tries each of
    # them in turn. After the last " " is where it starts when all that follows is letters
    # and digits (``re``'s \w is str.isalnum's and "_"); anything else ("U.S", "x_y", a
    # tab) goes to the regex.
    window = max(0, at - 12)
    word = text[window:at].rpartition(" ")[2]
    if word.isalnum():
        return word
    if not word:
        return None
    match = patterns.WORD_BEFORE_STOP.search(text, window, at)
    return match.group(1) if match else None
