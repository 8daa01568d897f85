"""From documents to evidence: run the extractor (in parallel for large batches)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from timeline.extraction import Extraction, extract
from timeline.reconstruction.model import Document, Evidence

# Below this many documents a process pool costs more to start than it saves.
PARALLEL_FROM = 64


def evidence_of(document: Document, extraction: Extraction) -> Iterator[Evidence]:
    """One Evidence per proposal of the document, keyed (document id, index)."""
    proposals = extraction.proposals
    length = len(document.text) or max((p.end for p in proposals), default=1)
    for index, proposal in enumerate(proposals):
        yield Evidence(
            key=(document.id, index),
            source=document.id,
            published=document.published,
            period=proposal.period,
            sentence=proposal.sentence,
            headline=proposal.headline,
            position=min(1.0, proposal.start / max(1, length)),
            confidence=proposal.confidence,
            relative=proposal.mention.relative,
        )


def _extract(document: Document) -> Extraction:
    return extract(document.text, document.published)


def extract_all(
    documents: Sequence[Document],
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Evidence]:
    """Evidence from every document; those that carry an extraction are not re-extracted."""
    todo = [d for d in documents if d.extraction is None]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    extracted: Iterable[Extraction]
    pool = None
    if workers > 1 and len(todo) >= PARALLEL_FROM:
        pool = ProcessPoolExecutor(max_workers=workers)
        extracted = pool.map(_extract, todo, chunksize=max(1, len(todo) // (workers * 8)))
    else:
        extracted = map(_extract, todo)
    results: dict[int, Extraction] = {}
    try:
        for done, (document, extraction) in enumerate(zip(todo, extracted, strict=True), 1):
            results[id(document)] = extraction
            if progress:
                progress(done, len(todo))
    finally:
        if pool:
            pool.shutdown()
    evidence: list[Evidence] = []
    for document in documents:
        extraction = document.extraction or results[id(document)]
        evidence.extend(evidence_of(document, extraction))
    return evidence
