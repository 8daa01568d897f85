"""Dated events from article text: the extractor behind every proposal.

Pure Python, no Django. ``extract(text, published)`` finds each date mention
at its real precision, resolving relative ones against the publication date,
and proposes one event per sentence and distinct date.
"""

from __future__ import annotations

from datetime import date

from timeline.extraction.candidates import find_mentions
from timeline.extraction.headlines import suggest_headline
from timeline.extraction.results import (
    FLAG_MESSAGES,
    NEEDS_PUBLICATION_DATE,
    Extraction,
    Mention,
    ProposedEvent,
)
from timeline.extraction.sentences import split_sentences

__all__ = [
    "FLAG_MESSAGES",
    "NEEDS_PUBLICATION_DATE",
    "Extraction",
    "Mention",
    "ProposedEvent",
    "extract",
]


def extract(text: str, published: date | None = None) -> Extraction:
    mentions = tuple(find_mentions(text, published))
    if not mentions:
        return Extraction(published=published)
    return Extraction(
        published=published, mentions=mentions, proposals=tuple(_propose(text, mentions))
    )


def _propose(text: str, mentions: tuple[Mention, ...]):
    remaining = list(mentions)
    for sentence in split_sentences(text):
        inside = [m for m in remaining if sentence.start <= m.start < sentence.end]
        if not inside:
            continue
        remaining = remaining[len(inside) :]
        # One proposal per distinct date; an unresolved mention stands alone.
        groups: dict[object, list[Mention]] = {}
        for mention in inside:
            groups.setdefault(mention.value or ("unresolved", mention.start), []).append(mention)
        for group in groups.values():
            first = group[0]
            yield ProposedEvent(
                sentence=sentence.text,
                start=sentence.start,
                end=sentence.end,
                headline=suggest_headline(
                    sentence.text, first.start - sentence.start, first.end - sentence.start
                ),
                confidence=max(m.confidence for m in group),
                mentions=tuple(group),
            )
