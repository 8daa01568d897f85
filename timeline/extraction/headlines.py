"""A suggested headline: the sentence's own words, shortened, without its date."""

from __future__ import annotations

import regex

MAX_WORDS = 14

_LEAD_IN = regex.compile(
    r"^(?:(?:However|Meanwhile|Furthermore|Moreover|Also|But|And|So|Still|Yet|Instead|"
    r"Separately|In addition|According to [^,]{1,60}|Earlier|Later|Previously),\s*)+",
)
_DATE_PREPOSITION = regex.compile(
    r"\s*\b(?:in|on|since|by|during|from|until|as of|at the end of|at the start of)\s*$",
    regex.IGNORECASE,
)
_QUOTES = regex.compile(r"[\"“”]")
_SPACES = regex.compile(r"\s{2,}")
_CLAUSE_END = regex.compile(r"\s+(?:[-–—]|which|who|because|after|while|although|citing)\s")


def suggest_headline(sentence: str, mention_start: int, mention_end: int) -> str:
    """Drop the date (with its "in"/"on"), lead-in words and quotes; keep the first clause."""
    before = _DATE_PREPOSITION.sub("", sentence[:mention_start])
    text = f"{before} {sentence[mention_end:]}"
    text = _QUOTES.sub("", text)
    text = _SPACES.sub(" ", text).strip(" ,;:-–—")
    text = text.replace(" ,", ",")
    text = _LEAD_IN.sub("", text)
    clause = _CLAUSE_END.search(text, pos=min(len(text), 40))
    if clause:
        text = text[: clause.start()]
    words = text.split()
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS]).rstrip(",;:") + "…"
    text = text.rstrip(" .,;:")
    return text[:1].upper() + text[1:] if text else sentence[:120]
