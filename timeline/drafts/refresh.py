"""Build a timeline's draft from its pending proposals with ``timeline.reconstruction``.

Open candidates are rebuilt; candidates an editor acted on are left as they
are, and so are their proposals: an accepted or rejected candidate's
proposals are no longer pending, and a split-off candidate is pinned, its
proposals kept out of the regrouping.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, F, Max, Q
from django.db.models.functions import Length
from django.utils import timezone
from rapidfuzz import fuzz, utils

from timeline.drafts.models import Candidate, CandidateState, Draft, DraftState
from timeline.models import Event, Proposal, ProposalState, Timeline
from timeline.periods import Period, Precision
from timeline.reconstruction import Candidate as Reconstructed
from timeline.reconstruction import Evidence, group

SUMMARY_SENTENCES = 3
# Same wording, by rapidfuzz's token-set ratio of the headlines (0-100): above this an
# existing event on a compatible date is taken to be the same happening.
MATCH_SCORE = 70


def pending_signature(timeline: Timeline) -> tuple[int, int | None]:
    """How many proposals are pending, and the newest proposal: one query.

    A new source (or a re-extraction) brings newer proposals; a review on a
    source's page changes the count. The draft's own actions keep its stored
    count in step (``note_reviewed``), so they do not make it stale.
    """
    found = Proposal.objects.filter(source__timeline=timeline)
    row = found.aggregate(count=Count("id", filter=Q(state=ProposalState.PENDING)), last=Max("id"))
    return row["count"], row["last"]


def note_reviewed(draft_id: int, change: int) -> None:
    """The draft's own actions moved `change` proposals out of (or back into) pending."""
    Draft.objects.filter(pk=draft_id).update(pending_count=F("pending_count") - change)


def evidence_of(timeline: Timeline, exclude: set[int]) -> tuple[list[Evidence], dict]:
    rows = (
        Proposal.objects.filter(source__timeline=timeline, state=ProposalState.PENDING)
        .exclude(pk__in=exclude)
        .annotate(length=Length("source__text"))
        .values_list(
            "pk",
            "source_id",
            "source__published",
            "source__title",
            "date",
            "precision",
            "end_date",
            "end_precision",
            "sentence",
            "sentence_start",
            "headline",
            "confidence",
            "relative",
            "length",
        )
        .order_by("pk")
    )
    evidence, titles = [], {}
    for (pk, source, published, title, day, precision, end, end_precision, sentence, start,
         headline, confidence, relative, length) in rows:  # fmt: skip
        titles[source] = title
        period = Period.from_stored(day, precision, end, end_precision) if day else None
        evidence.append(
            Evidence(
                key=pk,
                source=source,
                published=published,
                period=period,
                sentence=sentence,
                headline=headline,
                position=min(1.0, start / max(1, length)),
                confidence=confidence,
                relative=relative,
            )
        )
    return evidence, titles


def _events_by_day(timeline: Timeline) -> dict:
    by_start: dict = defaultdict(list)
    for event in Event.objects.filter(timeline=timeline).only(
        "pk", "headline", "date", "precision", "end_date", "end_precision"
    ):
        by_start[event.date].append(event)
    return by_start


def matching_event(period: Period | None, headline: str, events_by_day: dict) -> Event | None:
    """A confirmed event on the same or a neighbouring day (or the same period) told alike."""
    if period is None:
        return None
    days = [period.start]
    if period.precision is Precision.DAY and not period.is_range:
        days += [period.start - timedelta(days=1), period.start + timedelta(days=1)]
    best, best_score = None, MATCH_SCORE
    for day in days:
        for event in events_by_day.get(day, ()):
            if event.precision != period.precision:
                continue
            score = fuzz.token_set_ratio(headline, event.headline, processor=utils.default_process)
            if score >= best_score:
                best, best_score = event, score
    return best


def _stored(draft: Draft, candidate: Reconstructed, titles: dict, events_by_day: dict):
    period = candidate.period
    # The most representative sentences first, then the strongest of sources not yet
    # shown: an editor judges the grouping by seeing who else reports it.
    chosen, seen_sources, seen_sentences = [], set(), set()
    by_sentence = {}
    for e in candidate.evidence:
        by_sentence.setdefault(e.sentence, e)
    for e in [by_sentence[s] for s in candidate.summary] + list(candidate.evidence):
        if len(chosen) >= SUMMARY_SENTENCES:
            break
        if e.sentence in seen_sentences or (e.source in seen_sources and len(chosen) > 0):
            continue
        chosen.append(e)
        seen_sources.add(e.source)
        seen_sentences.add(e.sentence)
    summary = [
        {"proposal": e.key, "source": e.source, "title": titles.get(e.source, ""),
         "sentence": e.sentence}
        for e in chosen
    ]  # fmt: skip
    stored = Candidate(
        draft=draft,
        headline=candidate.headline[:300],
        summary=summary,
        score=candidate.score,
        agreement=candidate.agreement,
        source_count=len(candidate.sources),
        proposal_count=len(candidate.evidence),
        fingerprint=candidate.fingerprint,
        match=matching_event(period, candidate.headline, events_by_day),
    )
    stored.period = period
    return stored


def refresh(*, timeline: Timeline, progress: Callable[[int], None] | None = None) -> Draft:
    """Rebuild the open candidates of the timeline's draft; returns the draft."""
    report = progress or (lambda percent: None)
    draft, _ = Draft.objects.get_or_create(timeline=timeline)
    signature = pending_signature(timeline)
    pinned = set(
        Candidate.proposals.through.objects.filter(
            candidate__draft=draft, candidate__state=CandidateState.OPEN, candidate__pinned=True
        ).values_list("proposal_id", flat=True)
    )
    evidence, titles = evidence_of(timeline, exclude=pinned)
    report(20)
    reconstructed = group(evidence)
    report(60)
    events_by_day = _events_by_day(timeline)
    stored = [_stored(draft, c, titles, events_by_day) for c in reconstructed]
    report(80)
    with transaction.atomic():
        Draft.objects.select_for_update().get(pk=draft.pk)
        draft.candidates.filter(state=CandidateState.OPEN, pinned=False).delete()
        # A pinned candidate whose proposals were reviewed elsewhere has nothing left to offer.
        draft.candidates.filter(state=CandidateState.OPEN, pinned=True).exclude(
            proposals__state=ProposalState.PENDING
        ).delete()
        Candidate.objects.bulk_create(stored, batch_size=500)
        through = Candidate.proposals.through
        through.objects.bulk_create(
            [
                through(candidate_id=s.pk, proposal_id=e.key)
                for s, c in zip(stored, reconstructed, strict=True)
                for e in c.evidence
            ],
            batch_size=2000,
        )
        Draft.objects.filter(pk=draft.pk).update(
            state=DraftState.IDLE,
            progress=100,
            error="",
            refreshed_at=timezone.now(),
            pending_count=signature[0],
            last_proposal=signature[1] or 0,
        )
    draft.refresh_from_db()
    return draft


def schedule(*, timeline: Timeline, force: bool = False) -> Draft:
    """Queue a refresh unless one is already queued or running; the immediate backend runs it.

    `force` queues one anyway: an editor's *Refresh now* must get a draft out of a refresh
    whose worker died.
    """
    from timeline.tasks import refresh_draft

    draft, _ = Draft.objects.get_or_create(timeline=timeline)
    waiting = Draft.objects.filter(pk=draft.pk)
    if not force:
        waiting = waiting.exclude(state__in=[DraftState.QUEUED, DraftState.RUNNING])
    if waiting.update(state=DraftState.QUEUED, progress=0, error=""):
        refresh_draft.enqueue(timeline.pk)
    draft.refresh_from_db()
    return draft
