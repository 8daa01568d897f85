"""From ranked candidates to a dated timeline: N dates, K sentences each."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date

from timeline.periods import Period, Precision
from timeline.reconstruction.model import Candidate
from timeline.reconstruction.salience import Coverage, salience


@dataclass(frozen=True, slots=True)
class Entry:
    """One date of a selected timeline: its strongest candidate, topped up by the others."""

    period: Period
    headline: str
    summary: tuple[str, ...]
    sources: tuple[Hashable, ...]
    score: float
    candidates: tuple[Candidate, ...]

    def as_dict(self) -> dict:
        return {
            "date": self.period.iso,
            "precision": self.period.precision.label,
            "headline": self.headline,
            "summary": list(self.summary),
            "sources": [str(s) for s in self.sources],
            "score": round(self.score, 3),
        }


def select(
    candidates: Sequence[Candidate],
    *,
    dates: int | None = None,
    start: date | None = None,
    end: date | None = None,
    sentences: int | None = None,
    precision: Precision | None = None,
) -> list[Entry]:
    """The ``dates`` most salient dates within [start, end], in date order.

    A date's salience is that of all the evidence its candidates hold, each
    source counted once, against the coverage of its week (``salience``): a day
    with two happenings is more of a day than one with a single happening of the
    same size, and evidence a neighbouring day gave the same happening counts for
    the day the sources agree on. Its headline is its strongest candidate's; its
    summary takes the best sentences of its candidates in turn, at most
    ``sentences`` of them.
    """
    by_period: dict[Period, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        period = candidate.period
        if period is None:
            continue
        if precision is not None and (period.precision is not precision or period.is_range):
            continue
        if (start and period.start < start) or (end and period.final_day > end):
            continue
        by_period[period].append(candidate)
    coverage = Coverage(e for c in candidates for e in c.evidence)
    saliences = {
        p: salience(p, [e for c in group for e in c.evidence], coverage)
        for p, group in by_period.items()
    }
    ranked = sorted(by_period, key=lambda p: (-saliences[p], p.start))
    chosen = ranked[:dates] if dates is not None else ranked
    entries = []
    for period in sorted(chosen, key=lambda p: (p.start, p.precision)):
        group = sorted(by_period[period], key=lambda c: -c.score)
        summary: list[str] = []
        depth = 0
        limit = sentences if sentences is not None else len(group[0].summary)
        while len(summary) < limit and any(depth < len(c.summary) for c in group):
            for c in group:
                if depth < len(c.summary) and len(summary) < limit:
                    summary.append(c.summary[depth])
            depth += 1
        sources = tuple(dict.fromkeys(s for c in group for s in c.sources))
        entries.append(
            Entry(
                period=period,
                headline=group[0].headline,
                summary=tuple(summary),
                sources=sources,
                score=saliences[period],
                candidates=tuple(group),
            )
        )
    return entries
