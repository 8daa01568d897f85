"""News or narrative: which timeline a text's relative dates belong to.

A news report anchors to the day it was published: it says "on Friday",
"yesterday", "last week", and who "said" so. A narrative (a history, an
explainer, an encyclopedia section) chains explicit years with "later", "the
following year", "the same day". The kind decides what a year-less or
relative date refers to (see ``narrative``); the caller can always say it.
"""

from __future__ import annotations

import regex

from timeline.extraction.narrative import NARRATIVE, NEWS

_NEWS_CUES = regex.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|"
    r"tonight|ago|(?:this|last|next)\s+week|said|says)\b"
)
_STORY_CUES = regex.compile(
    r"(?<![\w$€£#/.,-])(?:1[0-9]{3}|20[0-9]{2})(?![\w%])"
    r"|\b[1-9][0-9]{0,3}\s*(?:BC|AD)\b"
    r"|\b(?:later|earlier|the\s+following|the\s+next|the\s+previous|that\s+year|the\s+same)\b",
    regex.IGNORECASE,
)
_YEARS = regex.compile(r"(?<![\w$€£#/.,-])(?:1[0-9]{3}|20[0-9]{2})(?![\w%])")
# A narrative gives this many story cues for each news cue, and a few at least.
STORY_TO_NEWS = 5
LEAST_STORY_CUES = 8


# What a text is shows in its first pages; a 2 MB text need not be read whole.
SAMPLE = 50_000


def detect_kind(text: str, language: str = "en") -> str:
    text = text[:SAMPLE]
    if language == "en":
        news = sum(1 for _ in _NEWS_CUES.finditer(text))
        story = sum(1 for _ in _STORY_CUES.finditer(text))
    else:
        news, story = _foreign_cues(text, language)
    if story >= LEAST_STORY_CUES and story >= STORY_TO_NEWS * (news + 1):
        return NARRATIVE
    return NEWS


def _foreign_cues(text: str, language: str) -> tuple[int, int]:
    """In another language: weekdays and "yesterday"-like words against years."""
    from timeline.extraction import languages

    story = sum(1 for _ in _YEARS.finditer(languages.fold(text)))
    if not languages.is_supported(language):
        return 0, 0  # nothing to anchor but years, which need no anchor
    found = languages.grammar(language).pattern.finditer(languages.fold(text))
    news = sum(1 for m in found if m.lastgroup in {"weekday", "relative", "counted"})
    return news, story
