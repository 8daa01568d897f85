"""How much the sources make of a happening.

Counting how many times a date is mentioned is a strong base (Ghalandari &
Ifrim, ACL 2020). Three refinements, each with a reason rather than a fit:

* distinct sources, not mentions: an article that repeats a date five times is
  still one outlet's judgement;
* retrospective mentions weigh more: a source written weeks after the date that
  still names it shows the happening mattered beyond the day's chatter. The
  weight grows with the logarithm of the delay so that one anniversary piece
  cannot outweigh a day's worth of coverage: 1.35 after a week, 1.8 after a
  month, about 3 after a year;
* the lede counts more than the tail: news is written most-important-first, so
  a sentence at the top of an article is worth up to a quarter more than one at
  the bottom.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from timeline.reconstruction.model import Evidence

RETROSPECTIVE_WEIGHT = 0.5
RETROSPECTIVE_SCALE_DAYS = 7
LEDE_BONUS = 0.25


def weight(evidence: Evidence) -> float:
    w = evidence.confidence * (1.0 + LEDE_BONUS * (1.0 - evidence.position))
    if evidence.published and evidence.period:
        lag = (evidence.published - evidence.period.final_day).days
        if lag > 0:
            w *= 1.0 + RETROSPECTIVE_WEIGHT * math.log1p(lag / RETROSPECTIVE_SCALE_DAYS)
    return w


def source_weight(evidence: Iterable[Evidence]) -> float:
    """Each source counts once, by its strongest sentence."""
    best: dict[object, float] = {}
    for e in evidence:
        w = weight(e)
        if w > best.get(e.source, 0.0):
            best[e.source] = w
    return sum(best.values())
