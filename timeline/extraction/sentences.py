"""Sentence boundaries with exact offsets.

sentencex does the splitting: it needs no download, and on the 256 documents
of the TimeBank/AQUAINT corpus it takes about 10 ms where pysbd takes 2.3 s.
Line breaks end a sentence too, because headlines and datelines carry no full
stop.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex
import sentencex

from timeline.extraction.results import direct_init

_LINE = regex.compile(r"[^\n]+")


@direct_init
@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> Iterator[Sentence]:
    for line in _LINE.finditer(text):
        cursor = line.start()
        for segment in sentencex.segment("en", line.group()):
            stripped = segment.strip()
            if not stripped:
                continue
            start = text.find(stripped, cursor, line.end())
            if start == -1:  # the segmenter altered the text; keep the line whole
                start, stripped = line.start(), line.group().strip()
            cursor = start + len(stripped)
            yield Sentence(start, cursor, stripped)
