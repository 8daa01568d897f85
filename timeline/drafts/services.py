"""What editors do with a candidate: accept (as is or edited), reject, split, undo.

Each verb is one transaction that locks the candidate row, then its
proposals, and goes through the review services (`confirm`, `merge`,
`reject`, `undo`) for each proposal, so history, citations, constraints and
the public cache behave exactly as on the per-source page. A candidate
someone already acted on is refused naming who; one whose proposals changed
since the page was drawn (its fingerprint) is refused before anything is
written.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from timeline import services
from timeline.drafts.models import Candidate, CandidateState
from timeline.drafts.refresh import note_reviewed
from timeline.models import Event, Proposal, ProposalState
from timeline.periods import Period
from timeline.reconstruction.model import Candidate as Reconstructed
from timeline.reconstruction.model import Evidence


class CandidateChanged(services.ReviewError):
    """The candidate is not what the editor saw: nothing was written."""


def _locked(candidate: Candidate, fingerprint: str | None) -> tuple[Candidate, list[Proposal]]:
    locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if locked.state != CandidateState.OPEN:
        who = locked.reviewed_by.get_username() if locked.reviewed_by else _("someone")
        when = timezone.localtime(locked.reviewed_at).strftime("%d %b %Y %H:%M")
        raise services.AlreadyReviewed(
            _("%(who)s already %(state)s this candidate %(when)s; nothing was changed.")
            % {"who": who, "state": locked.get_state_display(), "when": when}
        )
    proposals = list(
        Proposal.objects.select_for_update()
        .filter(candidates=locked)
        .select_related("source")
        .order_by("-confidence", "pk")
    )
    current = _fingerprint(p.pk for p in proposals)
    if fingerprint is not None and fingerprint != locked.fingerprint:
        raise CandidateChanged(
            _(
                "This candidate changed since the page was drawn (its sources were regrouped); "
                "nothing was changed. Look at it again before acting."
            )
        )
    reviewed = [p for p in proposals if p.state != ProposalState.PENDING]
    if current != locked.fingerprint or reviewed or not proposals:
        raise CandidateChanged(
            _(
                "This candidate's proposals changed since the draft was built (reviewed on a "
                "source's page, or re-read with a new publication date); nothing was changed. "
                "Refresh the draft."
            )
        )
    return locked, proposals


def _fingerprint(keys) -> str:
    evidence = tuple(
        Evidence(key=k, source=None, published=None, period=None, sentence="", headline="")
        for k in keys
    )
    return Reconstructed(None, "", (), evidence, 0).fingerprint


def _done(candidate: Candidate, state: str, user, event: Event | None = None) -> None:
    candidate.state = state
    candidate.event = event
    candidate.reviewed_by = user
    candidate.reviewed_at = timezone.now()
    candidate.save()


def _lead(candidate: Candidate, proposals: list[Proposal]) -> Proposal:
    """The proposal whose sentence heads the summary: it confirms; the others merge."""
    first = candidate.summary[0]["proposal"] if candidate.summary else None
    return next((p for p in proposals if p.pk == first), proposals[0])


@transaction.atomic
def accept(
    *,
    candidate: Candidate,
    user: AbstractBaseUser | None,
    fingerprint: str | None = None,
    headline: str | None = None,
    description: str = "",
    period: Period | None = None,
    circa: bool = False,
) -> Event:
    """One event (or the matching one) with one citation per supporting proposal."""
    candidate, proposals = _locked(candidate, fingerprint)
    match = Event.objects.filter(pk=candidate.match_id).first() if candidate.match_id else None
    if match is None and (period or candidate.period) is None:
        raise services.ReviewError(
            _("This candidate has no date: edit it and give one to accept it.")
        )
    lead = _lead(candidate, proposals)
    if match is None:
        event = services.confirm(
            proposal=lead,
            user=user,
            headline=headline or candidate.headline,
            description=description,
            period=period or candidate.period,
            circa=circa,
        )
        created = True
    else:
        event, created = match, False
        if headline or description or period:
            event.headline = (headline or event.headline)[:300]
            event.description = description or event.description
            if period:
                event.period = period
                event.circa = circa
            event._history_user = user
            event.save()
        services.merge(proposal=lead, event=event, user=user)
    for proposal in proposals:
        if proposal.pk != lead.pk:
            services.merge(proposal=proposal, event=event, user=user)
    candidate.created_event = created
    _done(candidate, CandidateState.ACCEPTED, user, event)
    note_reviewed(candidate.draft_id, len(proposals))
    return event


@transaction.atomic
def reject(
    *, candidate: Candidate, user: AbstractBaseUser | None, fingerprint: str | None = None
) -> int:
    """Every proposal behind the candidate is rejected; returns how many."""
    candidate, proposals = _locked(candidate, fingerprint)
    for proposal in proposals:
        services.reject(proposal=proposal, user=user)
    _done(candidate, CandidateState.REJECTED, user)
    note_reviewed(candidate.draft_id, len(proposals))
    return len(proposals)


@transaction.atomic
def split(
    *,
    candidate: Candidate,
    proposal: Proposal,
    user: AbstractBaseUser | None,
    fingerprint: str | None = None,
) -> Candidate:
    """Take one proposal out: it becomes a candidate of its own. Both are kept by refreshes."""
    candidate, proposals = _locked(candidate, fingerprint)
    if proposal.pk not in {p.pk for p in proposals}:
        raise services.ReviewError(_("That proposal is not part of this candidate."))
    if len(proposals) == 1:
        raise services.ReviewError(_("A candidate of one proposal cannot be split."))
    taken = next(p for p in proposals if p.pk == proposal.pk)
    rest = [p for p in proposals if p.pk != taken.pk]
    alone = Candidate(
        draft=candidate.draft,
        headline=taken.headline,
        summary=[_summary_item(taken)],
        score=candidate.score / len(proposals),
        source_count=1,
        proposal_count=1,
        fingerprint=_fingerprint([taken.pk]),
        pinned=True,
        split_from=candidate,
    )
    alone.period = taken.period
    alone.save()
    alone.proposals.set([taken])
    candidate.proposals.remove(taken)
    candidate.summary = [s for s in candidate.summary if s["proposal"] != taken.pk] or [
        _summary_item(rest[0])
    ]
    candidate.proposal_count = len(rest)
    candidate.source_count = len({p.source_id for p in rest})
    candidate.score -= alone.score
    candidate.fingerprint = _fingerprint(p.pk for p in rest)
    candidate.pinned = True
    candidate.save()
    return alone


def _summary_item(proposal: Proposal) -> dict:
    return {
        "proposal": proposal.pk,
        "source": proposal.source_id,
        "title": proposal.source.title,
        "sentence": proposal.sentence,
    }


@transaction.atomic
def undo(*, candidate: Candidate, user: AbstractBaseUser | None) -> Candidate:
    """Accepted or rejected: its proposals are pending again (an event it created goes).
    Split off: it rejoins the candidate it came from. Returns the candidate to show."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.state == CandidateState.OPEN:
        if candidate.split_from_id is None:
            raise services.ReviewError(_("Nothing was done to this candidate; nothing to undo."))
        return _unsplit(candidate)
    proposals = list(
        Proposal.objects.select_for_update().filter(candidates=candidate).order_by("pk")
    )
    event_id = candidate.event_id
    # Open again first: the event it created may go below, and an accepted candidate keeps one.
    candidate.state = CandidateState.OPEN
    candidate.event = None
    candidate.created_event = False
    candidate.reviewed_by = None
    candidate.reviewed_at = None
    candidate.save()
    # Merged citations first: the event a confirmation created goes last, once nothing rests on it.
    undone = 0
    for proposal in sorted(proposals, key=lambda p: p.state == ProposalState.CONFIRMED):
        if proposal.state != ProposalState.PENDING and proposal.event_id in (None, event_id):
            services.undo(proposal=proposal, user=user)
            undone += 1
    note_reviewed(candidate.draft_id, -undone)
    return candidate


def _unsplit(alone: Candidate) -> Candidate:
    parent = Candidate.objects.select_for_update().get(pk=alone.split_from_id)
    if parent.state != CandidateState.OPEN:
        raise services.ReviewError(
            _("The candidate it was split from was already acted on; undo that first.")
        )
    taken = list(alone.proposals.all())
    parent.proposals.add(*taken)
    keys = list(parent.proposals.values_list("pk", flat=True))
    parent.summary = parent.summary + alone.summary
    parent.proposal_count = len(keys)
    parent.source_count = (
        Proposal.objects.filter(pk__in=keys).values("source_id").distinct().count()
    )
    parent.score += alone.score
    parent.fingerprint = _fingerprint(keys)
    parent.save()
    alone.delete()
    return parent
