"""Proposals about the same happening, across sources, become one candidate.

Evidence is grouped in two passes:

1. within one date (at its precision), sentences join the group whose words
   they share most, if they share enough (cosine of idf-weighted content words
   against the group's centroid); two happenings on one date stay apart because
   their words differ;
2. groups then meet again: those of one day whose centroids agree as much
   merge (one pass of leader clustering splits a big happening told many
   ways), and so do groups on neighbouring days (a report dated "Tuesday" and
   another "on 20 April", or the day after in another time zone) when their
   words agree more strongly still; a merged group spans at most
   ``MAX_SPAN_DAYS + 1`` days and takes the day most of its sources give.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline.periods import Period, Precision
from timeline.reconstruction.model import Candidate, Evidence
from timeline.reconstruction.salience import Coverage, source_weight, weight
from timeline.reconstruction.summary import headline_for, representative, summary_of
from timeline.reconstruction.words import Vocabulary, content_words, cosine, norm

# Two sentences about one happening share its actors and its verb; the topic's
# own vocabulary ("oil", "spill", "BP") is left out of the comparison (words.py)
# and rare words weigh more (idf), so sentences sharing only the topic stay below.
SAME_HAPPENING = 0.2
# Across days the bar is higher: neighbouring days of a busy story are full of
# different happenings told in the same vocabulary.
SAME_HAPPENING_NEXT_DAY = 0.45
MAX_SPAN_DAYS = 1
# Centroids keep their strongest words only: enough to tell happenings apart,
# and it keeps comparing large groups cheap.
CENTROID_WORDS = 40


@dataclass(eq=False)
class _Group:
    period: Period
    members: list[tuple[Evidence, dict[str, float]]] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0

    def add(self, evidence: Evidence, vector: dict[str, float], size: float) -> None:
        self.members.append((evidence, vector))
        for word, value in vector.items():
            self.centroid[word] = self.centroid.get(word, 0.0) + value / size
        if len(self.centroid) > CENTROID_WORDS * 2:
            strongest = sorted(self.centroid.items(), key=lambda kv: -kv[1])[:CENTROID_WORDS]
            self.centroid = dict(strongest)
        self.norm = norm(self.centroid)

    def absorb(self, other: _Group) -> None:
        self.members.extend(other.members)
        for word, value in other.centroid.items():
            self.centroid[word] = self.centroid.get(word, 0.0) + value
        self.norm = norm(self.centroid)


def _is_day(period: Period) -> bool:
    return period.precision is Precision.DAY and period.end is None


def _cluster(
    items: Sequence[tuple[Evidence, dict[str, float], float]], period: Period
) -> list[_Group]:
    """Leader clustering, strongest evidence first, through an index of the groups' words."""
    groups: list[_Group] = []
    index: dict[str, set[int]] = defaultdict(set)
    for evidence, vector, size in sorted(
        items, key=lambda item: (-weight(item[0]), repr(item[0].key))
    ):
        dots: dict[int, float] = defaultdict(float)
        for word, value in vector.items():
            for number in index.get(word, ()):
                dots[number] += value * groups[number].centroid.get(word, 0.0)
        best, best_similarity = None, SAME_HAPPENING
        for number, dot in dots.items():
            similarity = dot / (size * groups[number].norm) if size and groups[number].norm else 0
            if similarity > best_similarity or (
                similarity == best_similarity and best is not None and number < best
            ):
                best, best_similarity = number, similarity
        if best is None:
            groups.append(_Group(period))
            best = len(groups) - 1
        group = groups[best]
        group.add(evidence, vector, size)
        for word in group.centroid:
            index[word].add(best)
    return groups


def _merge_neighbours(groups_by_day: dict[date, list[_Group]]) -> list[list[_Group]]:
    parent: dict[int, int] = {}
    span: dict[int, tuple[date, date]] = {}
    every = [g for groups in groups_by_day.values() for g in groups]
    for g in every:
        parent[id(g)] = id(g)
        span[id(g)] = (g.period.start, g.period.start)

    def root(key: int) -> int:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    pairs = []
    for day, groups in groups_by_day.items():
        # Leader clustering splits a big happening told many ways: its groups meet again here.
        for i, a in enumerate(groups):
            for b in groups[i + 1 :]:
                similarity = cosine(a.centroid, b.centroid, a.norm, b.norm)
                if similarity >= SAME_HAPPENING:
                    pairs.append((similarity, a, b))
        following = groups_by_day.get(day + timedelta(days=1), ())
        for a in groups:
            for b in following:
                similarity = cosine(a.centroid, b.centroid, a.norm, b.norm)
                if similarity >= SAME_HAPPENING_NEXT_DAY:
                    pairs.append((similarity, a, b))
    for _, a, b in sorted(pairs, key=lambda p: -p[0]):
        ra, rb = root(id(a)), root(id(b))
        if ra == rb:
            continue
        first = min(span[ra][0], span[rb][0])
        last = max(span[ra][1], span[rb][1])
        if (last - first).days > MAX_SPAN_DAYS:
            continue
        parent[rb] = ra
        span[ra] = (first, last)
    merged: dict[int, list[_Group]] = defaultdict(list)
    for g in every:
        merged[root(id(g))].append(g)
    return list(merged.values())


def _candidate(groups: list[_Group], vocabulary: Vocabulary, coverage: Coverage) -> Candidate:
    evidence = [e for g in groups for e, _ in g.members]
    vectors = {id(e): v for g in groups for e, v in g.members}
    centroid: dict[str, float] = {}
    for g in groups:
        for word, value in g.centroid.items():
            centroid[word] = centroid.get(word, 0.0) + value
    by_period: dict[Period, list[Evidence]] = defaultdict(list)
    for e in evidence:
        by_period[e.period].append(e)
    weights = {p: source_weight(es) for p, es in by_period.items()}
    period = max(weights, key=lambda p: (weights[p], -p.start.toordinal()))
    total = source_weight(evidence)
    agreement = weights[period] / total if total else 1.0
    ranked = representative(evidence, vectors, centroid)
    return Candidate(
        period=period,
        headline=headline_for(ranked, centroid, vocabulary),
        summary=tuple(summary_of(ranked, vectors)),
        # The strongest, most typical sentences first: what an editor reads.
        evidence=tuple(ranked),
        # A happening the sources date consistently is surer than one they scatter; one
        # that fills its week's coverage more than one lost in it (``salience``).
        score=total * (0.75 + 0.25 * agreement) * math.sqrt(coverage.share(period, evidence)),
        agreement=agreement,
        days=tuple(sorted(p.iso for p in by_period)),
    )


def group(evidence: Iterable[Evidence]) -> list[Candidate]:
    """Candidates, most salient first; evidence that cannot be placed comes last, alone."""
    placed: dict[Period, list[Evidence]] = defaultdict(list)
    unplaced: list[Evidence] = []
    for e in evidence:
        (placed[e.period] if e.period else unplaced).append(e)
    words = {id(e): content_words(e.sentence) for es in placed.values() for e in es}
    vocabulary = Vocabulary(words.values())
    groups_by_day: dict[date, list[_Group]] = defaultdict(list)
    other: list[_Group] = []
    for period, items in placed.items():
        vectors = []
        for e in items:
            vector = vocabulary.vector(words[id(e)])
            vectors.append((e, vector, norm(vector)))
        groups = _cluster(vectors, period)
        if _is_day(period):
            groups_by_day[period.start].extend(groups)
        else:
            other.extend(groups)
    clusters = _merge_neighbours(groups_by_day) + [[g] for g in other]
    coverage = Coverage(e for es in placed.values() for e in es)
    candidates = [_candidate(c, vocabulary, coverage) for c in clusters]
    candidates.sort(key=lambda c: (-c.score, c.period.start, c.headline))
    for e in unplaced:
        candidates.append(
            Candidate(
                period=None,
                headline=e.headline,
                summary=(e.sentence,),
                evidence=(e,),
                score=weight(e),
            )
        )
    return candidates
