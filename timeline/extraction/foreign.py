"""Dates in languages other than English, found with the grammar ``languages`` builds.

Absolute forms are read from their parts (day digits, the month word's number,
the year), relative ones from dateparser's phrase data ("geçen yıl" is one year
back, "vor 3 Tagen" three days back), against the publication date in news
and the story's year in a narrative, like the English ones. A year-less date or a
bare weekday leans the way its clause's verb looks, from each language's few future
and past markers ("wird … stattfinden", "aura lieu", "-acak"), as English does with
``relative.Clause``; a clause that says nothing leans to the past. A language we do
not support gives its years only.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

import regex

from timeline.extraction import languages, relative
from timeline.extraction.absolute import Unresolvable
from timeline.extraction.narrative import Story
from timeline.extraction.relative import nearest, year_for
from timeline.extraction.results import NEEDS_PUBLICATION_DATE, NEEDS_STORY_DATE, Mention
from timeline.periods import Period, Precision

CONFIDENCE = {
    "date": 0.9,
    "pair": 0.9,
    "ordinal": 0.85,
    "unit_relative": 0.75,
    "month_year": 0.9,
    "relative": 0.75,
    "counted": 0.7,
    "weekday": 0.75,
    "month": 0.7,
    "year": 0.8,
}
_DIGITS = regex.compile(r"\d+")
_YEAR_DIGITS = regex.compile(r"(?<!\d)(?:1[0-9]{3}|20[0-9]{2})(?!\d)")
_PUNCTUATION_AFTER = regex.compile(r"^\s*(?:[,.;:)!?»”\"]|$)")
YEARS_ONLY = regex.compile(
    rf"{languages.patterns.ALONE_BEFORE}(?:1[0-9]{{3}}|20[0-9]{{2}})(?![\w%]|[.,/–—-]\d)"
)
# A clause ends at a sentence's end, a semicolon, a colon, a line or a comma; a full stop
# after a number is a German ordinal ("26. September"), not an end.
_CLAUSE_END = regex.compile(r"[;:!?\n,،؛]|(?<!\d)\.(?=\s|$)")


class ForeignClause:
    """The words of a mention's clause, before and after it, in its own language: does its
    verb look ahead ("wird … stattfinden", "aura lieu", "пройдут", "-acak", "ستعقد") or
    back? Both or neither say nothing, and the date leans to the past as before. Read only
    when a resolver asks (most mentions carry their year)."""

    __slots__ = ("_end", "_shape", "_start", "_text")

    def __init__(self, text: str, start: int, end: int, shape: languages.Morphology) -> None:
        self._text, self._start, self._end, self._shape = text, start, end, shape

    def tense(self) -> int:
        shape, text, start, end = self._shape, self._text, self._start, self._end
        if not (shape.future or shape.past or shape.since):
            return 0
        left = max(0, start - 120)
        ends = list(_CLAUSE_END.finditer(text, left, start))
        before = text[ends[-1].end() if ends else left : start]
        if shape.since and _cue(rf"(?:{shape.since})\s*$").search(before):
            return -1
        right = min(len(text), end + 120)
        stop = _CLAUSE_END.search(text, end, right)
        after = text[end : stop.start() if stop else right]
        words = f"{before} \x00 {after}"
        future = bool(shape.future) and _cue(shape.future).search(words) is not None
        if shape.verb_last:
            words = (after.split() or before.split() or [""])[-1]
        past = bool(shape.past) and _cue(shape.past).search(words) is not None
        if future != past:
            # (a language's cues are verb forms: the clause's verb is the date's own)
            return relative.AHEAD if future else relative.PAST
        return relative.UNSAID


@lru_cache(maxsize=32)
def _cue(words: str) -> regex.Pattern:
    return regex.compile(rf"(?<!\w)(?:{languages.fold(words)})(?!\w)", regex.IGNORECASE)


_NO_CONTEXT = ForeignClause("", 0, 0, languages.Morphology())


def find_mentions(text: str, published: date | None, kind: str, language: str) -> Iterator[Mention]:
    normal = languages.fold(text)
    if not languages.is_supported(language):
        for match in YEARS_ONLY.finditer(normal):
            start, end = match.span()
            period = Period(date(int(match.group()), 1, 1), Precision.YEAR)
            yield Mention(start, end, text[start:end], period, False, 0.6, "year")
        return
    grammar = languages.grammar(language)
    shape = languages.MORPHOLOGY[language]
    story = Story(published, kind)
    taken = 0  # a year phrase read with its month ("марта следующего года") is not read again
    for match in grammar.pattern.finditer(normal):
        group = match.lastgroup
        start, end = match.span()
        if start < taken:
            continue
        span = match.group()
        before = normal[max(0, start - 20) : start]
        year_step = None
        if group in {"date", "month", "pair", "ordinal"} and not _YEAR_DIGITS.search(span):
            reading_end = match.end("pair_rest") if group == "pair" else end
            after = grammar.year_after and grammar.year_after.match(normal, reading_end)
            ahead = grammar.year_before and grammar.year_before.search(before)
            if after:
                year_step = _year_step(grammar, after.group())
                if group != "pair":
                    end = after.end()
                    span = normal[start:end]
                    taken = end
            elif ahead:
                year_step = _year_step(grammar, ahead.group())
                if group != "pair":
                    start -= len(ahead.group())
                    span = normal[start:end]
        if (
            group == "month"
            and year_step is None
            and not (
                languages.introduced(language, before, shape.month_intro)
                or (shape.after_name and regex.search(shape.after_name + "$", span))
            )
        ):
            continue
        if group == "year" and not (
            languages.introduced(language, before, shape.year_intro)
            or (shape.after_year and regex.search(shape.after_year + "$", span))
            or _PUNCTUATION_AFTER.match(normal[end : end + 3])
        ):
            continue
        if group == "year" and languages.introduced(language, before, shape.not_year_before):
            continue
        if group == "relative" and language == "tr" and regex.search(r"(?i)\bbir\s+$", before):
            continue  # "bir önceki gün" is the day before the story's, not before today
        if group == "pair":
            # the first day of "11. und 12. Juli" with the month and year written after both
            rest = match.group("pair_rest")
            reading = span + " " + regex.sub(r"^\d+\S*\s*", "", rest)
        elif group == "ordinal":
            # "الخامس من تموز" is read as "5 تموز"
            reading = span
            for pattern, day in grammar.ordinals:
                ordinal = pattern.match(span)
                if ordinal:
                    reading = f"{day} {span[ordinal.end() :]}"
                    break
        else:
            reading = span
        clause = ForeignClause(normal, start, end, shape)
        try:
            period, relative = _resolve(group, reading, grammar, story, clause, year_step)
        except Unresolvable:
            continue
        flags = ()
        if period is None:
            flags = (NEEDS_STORY_DATE,) if story.narrative else (NEEDS_PUBLICATION_DATE,)
        yield Mention(
            start, end, text[start:end], period, relative, CONFIDENCE[group], group, flags
        )
        story.note(period)


def _year_step(grammar: languages.Grammar, phrase: str) -> tuple[int, bool]:
    """The step of "следующего года" (1) and whether it names the year ("تموز المقبل" does
    not: it is the next July)."""
    return grammar.step(phrase), grammar.unit(phrase) == "year"


def _resolve(
    group: str,
    span: str,
    grammar: languages.Grammar,
    story: Story,
    clause: ForeignClause = _NO_CONTEXT,
    year_step: tuple[int, bool] | None = None,
):
    published = story.published
    if group == "year":
        return Period(date(int(_YEAR_DIGITS.search(span).group()), 1, 1), Precision.YEAR), False
    if group in {"date", "month_year", "month", "pair", "ordinal"}:
        month = grammar.month_number(span)
        if month is None:
            raise Unresolvable(span)
        year_match = _YEAR_DIGITS.search(span)
        day = int(_DIGITS.search(span).group()) if group in {"date", "pair", "ordinal"} else None
        if year_match:
            return _calendar(int(year_match.group()), month, day), False
        if year_step is not None:
            reference = story.reference(Precision.DAY) if story.narrative else published
            if reference is None:
                return None, True
            step, names_year = year_step
            year = reference.year + step
            if not names_year:
                # "juillet prochain" is the next July, "تموز الماضي" the last one over
                year = reference.year
                if step < 0 and month >= reference.month:
                    year -= 1
                elif step > 0 and month <= reference.month:
                    year += 1
            return _calendar(year, month, day), True
        if story.narrative:
            year = story.year()
            return (_calendar(year, month, day) if year else None), True
        if published is None:
            return None, True
        found = year_for(published, month, day or 1, clause)
        return _calendar(found.year, month, day), True
    if published is None and not story.narrative:
        return None, True
    reference = story.reference(Precision.DAY) if story.narrative else published
    if reference is None:
        return None, True
    if group == "relative":
        steps, unit = grammar.relatives[regex.sub(r"\s+", " ", span.lower())]
        return _shift(reference, steps, unit, whole_week=True), True
    if group == "unit_relative":
        unit = grammar.unit(span)
        if unit is None:
            raise Unresolvable(span)
        return _shift(reference, grammar.step(span), unit, whole_week=True), True
    if group == "counted":
        for pattern, unit, direction in grammar.counted:
            found = pattern.fullmatch(span)
            if found:
                count = grammar.number(found.group(1))
                if count is None:
                    raise Unresolvable(span)
                return _shift(reference, count * direction, unit, whole_week=False), True
        raise Unresolvable(span)
    named = grammar.weekday_number(span)
    if named is None:
        raise Unresolvable(span)
    back = (reference.weekday() - named) % 7
    behind = reference - timedelta(days=back)
    ahead = reference + timedelta(days=(named - reference.weekday()) % 7 or 7)
    if grammar.last.search(span):
        return Period(behind if back else reference - timedelta(days=7), Precision.DAY), True
    if grammar.next.search(span):
        return Period(ahead, Precision.DAY), True
    if not back:
        return Period(reference, Precision.DAY), True
    return Period(nearest(reference, [behind, ahead], clause), Precision.DAY), True


def _calendar(year: int, month: int, day: int | None) -> Period:
    try:
        if day is None:
            return Period(date(year, month, 1), Precision.MONTH)
        return Period(date(year, month, day), Precision.DAY)
    except ValueError:
        raise Unresolvable(f"{year}-{month}-{day}") from None


def _shift(reference: date, steps: int, unit: str, *, whole_week: bool) -> Period:
    if unit == "year":
        return Period(date(reference.year + steps, 1, 1), Precision.YEAR)
    if unit == "month":
        year, month = divmod(reference.year * 12 + reference.month - 1 + steps, 12)
        return Period(date(year, month + 1, 1), Precision.MONTH)
    if unit == "week":
        if not whole_week:
            return Period(reference + timedelta(weeks=steps), Precision.DAY)
        monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=steps)
        return Period(monday, Precision.DAY, monday + timedelta(days=6), Precision.DAY)
    return Period(reference + timedelta(days=steps), Precision.DAY)
