"""What reconstruction reads and returns: immutable records, no Django."""

from __future__ import annotations

import hashlib
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date

from timeline.extraction import Extraction
from timeline.periods import Period


@dataclass(frozen=True, slots=True)
class Document:
    """One source: its text (extracted here) or an extraction already made, and its date."""

    id: Hashable
    published: date | None
    text: str = ""
    extraction: Extraction | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One proposal of one source: a sentence that dates a happening.

    ``key`` identifies it for the caller (a proposal's primary key on the Django
    side, ``(document id, index)`` from raw text). ``position`` is where the
    sentence starts in its article, 0 (lede) to 1 (last line).
    """

    key: Hashable
    source: Hashable
    published: date | None
    period: Period | None
    sentence: str
    headline: str
    position: float = 0.0
    confidence: float = 1.0
    relative: bool = False

    @property
    def value(self) -> str | None:
        return self.period.iso if self.period else None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A happening reported by one or more sources, ranked by how much they make of it.

    ``period`` is None for evidence that cannot be placed on the calendar (a
    relative date in a source without a publication date): such candidates hold
    one piece of evidence each and are listed apart.
    """

    period: Period | None
    headline: str
    summary: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    score: float
    agreement: float = 1.0
    days: tuple[str, ...] = field(default=())

    @property
    def sources(self) -> tuple[Hashable, ...]:
        return tuple(dict.fromkeys(e.source for e in self.evidence))

    @property
    def placed(self) -> bool:
        return self.period is not None

    @property
    def value(self) -> str | None:
        return self.period.iso if self.period else None

    @property
    def fingerprint(self) -> str:
        """Changes whenever the evidence behind the candidate does: a stale page is refused."""
        keys = sorted(repr(e.key) for e in self.evidence)
        return hashlib.sha1("\n".join(keys).encode(), usedforsecurity=False).hexdigest()[:16]

    def as_dict(self, sentences: int | None = None) -> dict:
        return {
            "date": self.value,
            "precision": self.period.precision.label if self.period else None,
            "headline": self.headline,
            "summary": list(self.summary[:sentences] if sentences else self.summary),
            "sources": [str(s) for s in self.sources],
            "score": round(self.score, 3),
        }
