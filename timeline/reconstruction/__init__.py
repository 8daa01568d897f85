"""Reconstruct a timeline from many sources: candidate events, ranked, worded.

Pure Python, no Django, like the extractor. ``reconstruct(documents)`` extracts
each document that does not already carry an extraction, groups proposals
about the same happening across sources and neighbouring days, ranks the groups
by how much the sources make of them and words each with a headline and its
most representative sentences. ``group(evidence)`` does the same from evidence
already extracted (the Django side passes stored proposals), and
``select(candidates, ...)`` picks the dated timeline a reader would see.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from timeline.reconstruction.evidence import evidence_of, extract_all
from timeline.reconstruction.grouping import group
from timeline.reconstruction.model import Candidate, Document, Evidence
from timeline.reconstruction.selection import Entry, select

__all__ = [
    "Candidate",
    "Document",
    "Entry",
    "Evidence",
    "evidence_of",
    "extract_all",
    "group",
    "reconstruct",
    "select",
]


def reconstruct(
    documents: Sequence[Document],
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Candidate]:
    """Every candidate event of the documents, most salient first (unplaceable ones last)."""
    return group(extract_all(documents, workers=workers, progress=progress))
