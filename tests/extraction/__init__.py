"""Tests of the extractor, a file per concern. No database needed."""

from __future__ import annotations

from datetime import date

from timeline.extraction import extract

SATURDAY = date(2016, 11, 19)


def found(text: str, published: date | None = SATURDAY) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.value, m.precision) for m in extract(text, published).mentions]


def values(text: str, published: date | None = SATURDAY) -> list[str | None]:
    return [m.value for m in extract(text, published).mentions]
