"""Dated events from article text: the extractor behind every proposal.

Pure Python, no Django. ``extract(text, published)`` finds each date mention
at its real precision, resolving relative ones against the publication date
(news) or the story's own latest date (narrative), and proposes one event per
sentence and distinct date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from timeline import collector
from timeline.extraction import foreign
from timeline.extraction.candidates import find_mentions
from timeline.extraction.headlines import suggest_headline
from timeline.extraction.kinds import detect_kind
from timeline.extraction.languages import ENGLISH, SUPPORTED, detect_language, is_supported
from timeline.extraction.narrative import KINDS, NARRATIVE, NEWS
from timeline.extraction.results import (
    FLAG_MESSAGES,
    NEEDS_PUBLICATION_DATE,
    UNSUPPORTED_LANGUAGE,
    Extraction,
    Mention,
    ProposedEvent,
)
from timeline.extraction.sentences import split_sentences

__all__ = [
    "FLAG_MESSAGES",
    "KINDS",
    "NARRATIVE",
    "NEEDS_PUBLICATION_DATE",
    "NEWS",
    "SUPPORTED",
    "UNSUPPORTED_LANGUAGE",
    "Extraction",
    "Mention",
    "ProposedEvent",
    "extract",
]


def extract(
    text: str,
    published: date | None = None,
    kind: str | None = None,
    language: str | None = None,
) -> Extraction:
    """Dated mentions and proposals. ``kind`` (news or narrative) and ``language`` (ISO
    639-1) are detected from the text when not given."""
    # Tens of thousands of records, almost none in a cycle (timeline/collector.py).
    with collector.paused():
        return _extract(text, published, kind, language)


def _extract(
    text: str, published: date | None, kind: str | None, language: str | None
) -> Extraction:
    if language is None:
        language = detect_language(text)
    if kind is None:
        kind = detect_kind(text, language)
    elif kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: use {' or '.join(KINDS)}")
    if language == ENGLISH:
        mentions = tuple(find_mentions(text, published, kind))
    else:
        mentions = tuple(foreign.find_mentions(text, published, kind, language))
    flags = () if is_supported(language) else (UNSUPPORTED_LANGUAGE,)
    return Extraction(
        published=published,
        kind=kind,
        language=language,
        flags=flags,
        mentions=mentions,
        proposals=tuple(_propose(text, mentions)) if mentions else (),
    )


def _propose(text: str, mentions: tuple[Mention, ...]):
    # Mentions and sentences are both in text order: one pass over each.
    starts = [mention.start for mention in mentions]
    index, count = 0, len(mentions)
    for sentence in split_sentences(text):
        sentence_start, sentence_end, sentence_text = sentence.start, sentence.end, sentence.text
        while index < count and starts[index] < sentence_start:
            index += 1
        first = index
        while index < count and starts[index] < sentence_end:
            index += 1
        if index == first:
            continue
        for group in _by_date(mentions[first:index]):
            first_mention = group[0]
            headline = suggest_headline(
                sentence_text,
                first_mention.start - sentence_start,
                first_mention.end - sentence_start,
            )
            confidence = (
                first_mention.confidence if len(group) == 1 else max([m.confidence for m in group])
            )
            # (by position, in the order of the fields: a long text makes tens of thousands)
            yield ProposedEvent(
                sentence_text, sentence_start, sentence_end, headline, confidence, tuple(group)
            )


def _by_date(mentions: tuple[Mention, ...]) -> Iterable[Sequence[Mention]]:
    """One group per distinct date, in the order of their first mentions; an unresolved
    mention stands alone."""
    if len(mentions) == 1:
        return (mentions,)  # most sentences have one date: it needs no grouping
    by_date: dict[object, list[Mention]] = {}
    for mention in mentions:
        key = mention.period if mention.period is not None else ("unresolved", mention.start)
        by_date.setdefault(key, []).append(mention)
    return by_date.values()
