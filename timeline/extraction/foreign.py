"""Dates in languages other than English, found with the grammar ``languages`` builds.

Absolute forms are read from their parts (day digits, the month word's number,
the year), relative ones from dateparser's phrase data ("geçen yıl" is one year
back, "vor 3 Tagen" three days back), against the publication date in news
and the story's year in a narrative, like the English ones. A language we do
not support gives its years only.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import regex

from timeline.extraction import languages
from timeline.extraction.absolute import Unresolvable
from timeline.extraction.narrative import Story
from timeline.extraction.relative import Clause, nearest, year_for
from timeline.extraction.results import NEEDS_PUBLICATION_DATE, NEEDS_STORY_DATE, Mention
from timeline.periods import Period, Precision

CONFIDENCE = {
    "date": 0.9,
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
_NO_CONTEXT = Clause()


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
    for match in grammar.pattern.finditer(normal):
        group = match.lastgroup
        start, end = match.span()
        span = match.group()
        before = normal[max(0, start - 20) : start]
        if group == "month" and not (
            languages.introduced(language, before, shape.month_intro)
            or (shape.after_name and regex.search(shape.after_name + "$", span))
        ):
            continue
        if group == "year" and not (
            languages.introduced(language, before, shape.year_intro)
            or (shape.after_year and regex.search(shape.after_year + "$", span))
            or _PUNCTUATION_AFTER.match(normal[end : end + 3])
        ):
            continue
        try:
            period, relative = _resolve(group, span, grammar, story)
        except Unresolvable:
            continue
        flags = ()
        if period is None:
            flags = (NEEDS_STORY_DATE,) if story.narrative else (NEEDS_PUBLICATION_DATE,)
        yield Mention(
            start, end, text[start:end], period, relative, CONFIDENCE[group], group, flags
        )
        story.note(period)


def _resolve(group: str, span: str, grammar: languages.Grammar, story: Story):
    published = story.published
    if group == "year":
        return Period(date(int(_YEAR_DIGITS.search(span).group()), 1, 1), Precision.YEAR), False
    if group in {"date", "month_year", "month"}:
        month = grammar.month_number(span)
        if month is None:
            raise Unresolvable(span)
        year_match = _YEAR_DIGITS.search(span)
        day = int(_DIGITS.search(span).group()) if group == "date" else None
        if year_match:
            return _calendar(int(year_match.group()), month, day), False
        if story.narrative:
            year = story.year()
            return (_calendar(year, month, day) if year else None), True
        if published is None:
            return None, True
        found = year_for(published, month, day or 1, _NO_CONTEXT)
        return _calendar(found.year, month, day), True
    if published is None and not story.narrative:
        return None, True
    reference = story.reference(Precision.DAY) if story.narrative else published
    if reference is None:
        return None, True
    if group == "relative":
        steps, unit = grammar.relatives[regex.sub(r"\s+", " ", span.lower())]
        return _shift(reference, steps, unit, whole_week=True), True
    if group == "counted":
        for pattern, unit, direction in grammar.counted:
            found = pattern.fullmatch(span)
            if found:
                count = int(float(found.group(1).replace(",", ".")))
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
    return Period(nearest(reference, [behind, ahead], _NO_CONTEXT), Precision.DAY), True


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
