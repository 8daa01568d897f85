"""What the source review page shows: a row per proposal, the highlighted article, the counts.

The views build these; the template only displays them. A row carries what the
page adds to a proposal (its open edit form, the events it likely reports), so
nothing is hung on the model instance where a reader of the template would look.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.models import Event, Proposal, ProposalState, Source
from timeline.review.forms import ConfirmForm, PublishedForm, ReadingForm
from timeline.review.suggestions import Suggestion, likely_duplicate, likely_events


@dataclass(frozen=True)
class ProposalRow:
    """One proposal on the review page, with its edit form when open and merge suggestions."""

    proposal: Proposal
    form: ConfirmForm | None = None
    suggestions: tuple[Suggestion, ...] = ()
    duplicate: Event | None = None

    @property
    def headline(self) -> str:
        """What was saved once reviewed (the event's headline), else the suggestion."""
        if self.proposal.event_id and self.proposal.event is not None:
            return self.proposal.event.headline
        return self.proposal.headline

    @property
    def date_display(self) -> str:
        """The event's date once confirmed (it may have been edited), else the proposal's."""
        if self.proposal.state == ProposalState.CONFIRMED and self.proposal.event is not None:
            return self.proposal.event.date_display
        return self.proposal.date_display

    @property
    def merge_by_key(self) -> bool:
        """`m` merges into the first suggestion only when it is a likely match."""
        return bool(self.suggestions) and self.suggestions[0].likely


def source_context(
    source: Source,
    *,
    editing: int | str | None = None,
    forms: dict[int, ConfirmForm] | None = None,
    published_form: PublishedForm | None = None,
    reading_form: ReadingForm | None = None,
    rendered: int | None = None,
    pending_only: bool = False,
) -> dict:
    """The review page's context. Merge suggestions only for the proposal `rendered`
    (all of them when None), since each costs a query and a fuzzy ranking."""
    proposals = list(
        source.proposals.select_related("event", "reviewed_by").order_by("mention_start")
    )
    forms = forms or {}
    rows = []
    for proposal in proposals:
        suggestions = (
            likely_events(proposal)
            if proposal.is_pending and rendered in (None, proposal.pk)
            else []
        )
        rows.append(
            ProposalRow(
                proposal=proposal,
                form=forms.get(proposal.pk)
                or (
                    ConfirmForm.for_proposal(proposal) if str(proposal.pk) == str(editing) else None
                ),
                suggestions=tuple(suggestions),
                duplicate=likely_duplicate(proposal, suggestions),
            )
        )
    if pending_only:
        rows = [row for row in rows if row.proposal.is_pending]
    return {
        "source": source,
        "rows": rows,
        "pending_only": pending_only,
        "segments": highlighted(source.text, proposals),
        "counts": counts(proposals),
        "published_form": published_form or PublishedForm(initial={"published": source.published}),
        "reading_form": reading_form or ReadingForm(source=source),
    }


def proposal_context(proposal: Proposal, **kwargs) -> dict:
    """The page's context with `row` set to this proposal's, as its partial renders it."""
    context = source_context(proposal.source, rendered=proposal.pk, **kwargs)
    context["row"] = next(row for row in context["rows"] if row.proposal.pk == proposal.pk)
    return context


def highlighted(text: str, proposals: list[Proposal]) -> list[tuple[str, Proposal | None]]:
    """The text cut into plain runs and the mentions that proposals come from."""
    segments, cursor = [], 0
    for proposal in sorted(proposals, key=lambda p: p.mention_start):
        if proposal.mention_start < cursor:
            continue  # overlapping mentions: the first one keeps the highlight
        segments.append((text[cursor : proposal.mention_start], None))
        segments.append((text[proposal.mention_start : proposal.mention_end], proposal))
        cursor = proposal.mention_end
    segments.append((text[cursor:], None))
    return segments


def counts(proposals: list[Proposal]) -> dict[str, int]:
    tally = {state: 0 for state in ProposalState.values}
    for proposal in proposals:
        tally[proposal.state] += 1
    tally["reviewed"] = len(proposals) - tally[ProposalState.PENDING]
    tally["total"] = len(proposals)
    return tally
