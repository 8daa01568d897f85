"""The words of a candidate: its most representative sentences and a headline from them."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.extraction.headlines import MAX_WORDS
from timeline.reconstruction.model import Evidence
from timeline.reconstruction.salience import weight
from timeline.reconstruction.words import Vocabulary, content_words, cosine, norm

SUMMARY_SENTENCES = 5
# Above this the second sentence repeats the first (syndicated copy, a rewrite).
NEAR_DUPLICATE = 0.7
# Headlines are chosen among this many of the most representative sentences.
HEADLINE_CHOICES = 10
ANAPHORIC_OPENINGS = frozenset(
    (
        *("This", "That", "These", "Those", "Such", "It", "It's", "Its", "He", "He's", "His"),
        *("She", "She's", "Her", "They", "They're", "Their"),
    )
)
ANAPHORIC_PENALTY = 0.5


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


def headline_for(
    ranked: Sequence[Evidence], centroid: dict[str, float], vocabulary: Vocabulary
) -> str:
    """The headline, among the most representative sentences', that best says what they share.

    A headline of a few words may be typical and still say little ("The flow
    was stopped"): typicality is weighed by length, up to the 14 words allowed.
    """
    centroid_norm = norm(centroid)
    best, best_score = "", -1.0
    for e in ranked[:HEADLINE_CHOICES]:
        vector = vocabulary.vector(content_words(e.headline))
        score = cosine(vector, centroid, norm(vector), centroid_norm)
        # Of two equally typical headlines the fuller one says more.
        score *= min(len(e.headline.split()), MAX_WORDS) / MAX_WORDS
        # and one that names its subject says more than one that points back ("This was
        # completed at 1930 CDT"): the sentence it pointed to is not beside it on the page
        if e.headline.split(" ", 1)[0] in ANAPHORIC_OPENINGS:
            score *= ANAPHORIC_PENALTY
        if score > best_score:
            best, best_score = e.headline, score
    return best
