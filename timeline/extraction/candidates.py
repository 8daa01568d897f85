"""Date mentions: find candidate spans, then give each a value at its real precision.

One regular expression (``patterns.CANDIDATE``) finds where dates can be; the
checks here drop what only looks like one (model numbers, amounts, "may" the
verb); each kept span is read by its kind's resolver: absolute forms in
``absolute``, forms that need the publication date in ``relative``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from timeline.extraction import absolute, patterns, relative
from timeline.extraction.absolute import Unresolvable
from timeline.extraction.relative import Resolution
from timeline.extraction.results import NEEDS_PUBLICATION_DATE, Mention

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


def _absolute(read: Callable[[str], object]) -> Callable[[str, date | None, str], Resolution]:
    return lambda span, published, context: (read(span), False)


# The resolver of each kind of candidate (the named groups of patterns.CANDIDATE).
RESOLVERS: dict[str, Callable[[str, date | None, str], Resolution]] = {
    "iso": _absolute(absolute.iso),
    "month_year": _absolute(absolute.month_year),
    "year": _absolute(absolute.year),
    "year_range": _absolute(absolute.year_range),
    "decade": _absolute(absolute.decade),
    "month_day": relative.day,
    "day_month": relative.day,
    "quarter": relative.quarter,
    "season": relative.season,
    "relative_month": relative.relative_month,
    "relative_unit": relative.relative_unit,
    "ago": relative.ago,
    "deictic": relative.deictic,
    "weekday": relative.weekday,
    "month": relative.month,
}


def find_mentions(text: str, published: date | None) -> Iterator[Mention]:
    for match in patterns.CANDIDATE.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "year" and not _is_year(text, start, end):
            continue
        if kind == "month" and not patterns.MONTH_CONTEXT.search(text[max(0, start - 12) : start]):
            continue
        confidence = CONFIDENCE[kind]
        if kind == "year" and not _introduced(text, start, match.group()):
            confidence = BARE_YEAR_CONFIDENCE
        try:
            period, is_relative = resolve(kind, match.group(), published, _clause(text, start, end))
        except Unresolvable:
            continue
        yield Mention(
            start=start,
            end=end,
            text=match.group(),
            period=period,
            relative=is_relative,
            confidence=confidence,
            kind=kind,
            flags=(NEEDS_PUBLICATION_DATE,) if is_relative and period is None else (),
        )


def resolve(kind: str, span: str, published: date | None, context: str) -> Resolution:
    """The period a candidate names, and whether it depends on the publication date."""
    return RESOLVERS[kind](span, published, context)


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
