"""The words of a candidate: its most representative sentences and a headline from them."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.reconstruction.model import Evidence
from timeline.reconstruction.salience import weight
from timeline.reconstruction.words import cosine, norm

SUMMARY_SENTENCES = 5
# Above this the second sentence repeats the first (syndicated copy, a rewrite).
NEAR_DUPLICATE = 0.7
# A headline shorter than this rarely says what happened ("Oil spill hearing").
MIN_HEADLINE_WORDS = 4


def representative(
    evidence: Sequence[Evidence],
    vectors: dict[int, dict[str, float]],
    centroid: dict[str, float],
) -> list[Evidence]:
    """Evidence ordered by how typical of the group it is, times its own weight."""
    centroid_norm = norm(centroid)

    def typicality(e: Evidence) -> float:
        vector = vectors[id(e)]
        return cosine(vector, centroid, norm(vector), centroid_norm)

    return sorted(evidence, key=lambda e: (-(0.1 + typicality(e)) * weight(e), repr(e.key)))


def summary_of(ranked: Sequence[Evidence], vectors: dict[int, dict[str, float]]) -> list[str]:
    chosen: list[tuple[str, dict[str, float], float]] = []
    seen: set[str] = set()
    for e in ranked:
        if len(chosen) >= SUMMARY_SENTENCES:
            break
        text = " ".join(e.sentence.split())
        if text.lower() in seen:
            continue
        vector = vectors[id(e)]
        size = norm(vector)
        if any(cosine(vector, v, size, n) >= NEAR_DUPLICATE for _, v, n in chosen):
            continue
        seen.add(text.lower())
        chosen.append((e.sentence, vector, size))
    return [sentence for sentence, _, _ in chosen]


def headline_for(ranked: Sequence[Evidence]) -> str:
    """The headline of the most representative sentence that makes a full statement."""
    for e in ranked[:10]:
        if len(e.headline.split()) >= MIN_HEADLINE_WORDS:
            return e.headline
    return ranked[0].headline if ranked else ""
