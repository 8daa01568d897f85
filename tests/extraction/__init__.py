"""Tests of the extractor, a file per concern. No database needed."""

from __future__ import annotations

from datetime import date

from timeline.extraction import extract, suggest_headline

SATURDAY = date(2016, 11, 19)


def found(text: str, published: date | None = SATURDAY) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.value, m.precision) for m in extract(text, published).mentions]


def values(text: str, published: date | None = SATURDAY) -> list[str | None]:
    return [m.value for m in extract(text, published).mentions]


def headline(sentence: str, date_text: str) -> str:
    """The headline for the first occurrence of ``date_text`` in ``sentence``."""
    start = sentence.index(date_text)
    return suggest_headline(sentence, start, start + len(date_text))
