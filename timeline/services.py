"""The writes that touch several models: adding sources and reviewing proposals.

The review UI, the admin's actions, the demo and the ingest command all go
through these functions, each one transaction. A review locks its proposal
row first, so two editors acting on one proposal cannot both succeed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from timeline.extraction import UNSUPPORTED_LANGUAGE, extract
from timeline.models import (
    Citation,
    Event,
    ExtractionState,
    Proposal,
    ProposalState,
    Source,
    Timeline,
    content_hash,
)
from timeline.periods import Period
from timeline.tasks import enqueue_extractions, extract_source


class ReviewError(Exception):
    """A review that cannot be done; the message is for the editor."""


class AlreadyReviewed(ReviewError):
    pass


@dataclass(frozen=True)
class SourceAdded:
    source: Source
    created: bool
    proposals: int


# --- sources -------------------------------------------------------------------------------


def find_duplicate(*, timeline: Timeline, text: str) -> Source | None:
    return Source.objects.filter(timeline=timeline, content_hash=content_hash(text)).first()


def add_source(
    *,
    timeline: Timeline,
    text: str,
    title: str,
    published: date | None = None,
    url: str = "",
    publisher: str = "",
    author: str = "",
    kind: str = "",
    language: str = "",
    user: AbstractBaseUser | None = None,
) -> SourceAdded:
    """Store a source and propose its events; the same text twice returns the first.

    ``kind`` (news or narrative) and ``language`` are detected when left empty."""
    if not text.strip():
        raise ValueError(_("The article has no text."))
    existing = find_duplicate(timeline=timeline, text=text)
    if existing:
        return SourceAdded(existing, created=False, proposals=0)
    source = Source(
        timeline=timeline,
        text=text,
        title=title.strip()[:300] or _("Untitled source"),
        published=published,
        url=url,
        publisher=publisher,
        author=author,
        kind=kind,
        language=language,
        added_by=user,
    )
    source._history_user = user
    try:
        with transaction.atomic():
            source.save()
            schedule_extraction(source=source)
    except IntegrityError:
        # Another request stored the same text a moment ago.
        existing = find_duplicate(timeline=timeline, text=text)
        if existing is None:
            raise
        return SourceAdded(existing, created=False, proposals=0)
    source.refresh_from_db(
        fields=[
            "extraction_state",
            "extraction_error",
            "read_as_kind",
            "read_as_language",
            "language_unsupported",
        ]
    )
    return SourceAdded(source, created=True, proposals=source.proposals.count())


@dataclass(frozen=True)
class NewSource:
    """One article of a batch for add_sources()."""

    text: str
    title: str
    published: date | None = None
    url: str = ""
    publisher: str = ""
    author: str = ""
    kind: str = ""  # news or narrative; empty: detected
    language: str = ""  # ISO 639-1; empty: detected


def add_sources(
    *, timeline: Timeline, articles: list[NewSource], user: AbstractBaseUser | None = None
) -> list[bool]:
    """Store a batch of sources in one transaction and queue their extraction.

    What add_source() does for one, in a handful of queries for all: a text
    already in the timeline, or twice in the batch, is not stored again. Returns,
    for each article, whether it was added. Proposals come from the task, at once
    with the immediate backend.
    """
    if any(not article.text.strip() for article in articles):
        raise ValueError(_("The article has no text."))
    try:
        return _add_batch(timeline=timeline, articles=articles, user=user)
    except IntegrityError:
        # Another process stored one of these texts a moment ago: one at a time, then.
        return [
            add_source(timeline=timeline, user=user, **asdict(article)).created
            for article in articles
        ]


def _add_batch(*, timeline: Timeline, articles: list[NewSource], user) -> list[bool]:
    hashes = [content_hash(article.text) for article in articles]
    with transaction.atomic():
        present = set(
            Source.objects.filter(timeline=timeline, content_hash__in=hashes).values_list(
                "content_hash", flat=True
            )
        )
        now = timezone.now()
        added, new = [], []
        for article, digest in zip(articles, hashes, strict=True):
            fresh = digest not in present
            added.append(fresh)
            if fresh:
                present.add(digest)
                new.append(
                    Source(
                        timeline=timeline,
                        text=article.text,
                        content_hash=digest,
                        title=article.title.strip()[:300] or _("Untitled source"),
                        published=article.published,
                        url=article.url,
                        publisher=article.publisher,
                        author=article.author,
                        kind=article.kind,
                        language=article.language,
                        added_by=user,
                        added_at=now,
                        extraction_state=ExtractionState.QUEUED,
                        extraction_changed_at=now,
                    )
                )
        # With history, as save() would leave it; no signal: nothing cites a new source.
        stored = bulk_create_with_history(new, Source, default_user=user)
        enqueue_extractions([source.pk for source in stored])
    return added


def schedule_extraction(*, source: Source) -> None:
    """Queue the extractor for this source; the immediate backend runs it at once."""
    Source.objects.filter(pk=source.pk).update(
        extraction_state=ExtractionState.QUEUED,
        extraction_error="",
        extraction_changed_at=timezone.now(),
    )
    extract_source.enqueue(source.pk)


@transaction.atomic
def set_publication_date(
    *, source: Source, published: date | None, user: AbstractBaseUser | None
) -> None:
    """Give a source its publication date and re-read the dates of its pending proposals.

    Relative dates ("on Friday") resolve against it; reviewed proposals are kept as
    they are. Used by the review page and the admin alike.
    """
    source.published = published
    reread(source=source, user=user)


@transaction.atomic
def set_reading(*, source: Source, kind: str, language: str, user: AbstractBaseUser | None) -> None:
    """Say how a source is read (news or narrative, its language; empty: detected) and
    re-read the dates of its pending proposals, as a new publication date does."""
    source.kind = kind
    source.language = language
    reread(source=source, user=user)


@transaction.atomic
def reread(*, source: Source, user: AbstractBaseUser | None) -> None:
    """Save what the editor changed about how the source is read, and extract it again."""
    source._history_user = user
    source.save()
    schedule_extraction(source=source)


@transaction.atomic
def propose_events(*, source: Source) -> int:
    """(Re)run the extractor: pending proposals are replaced, reviewed ones kept as they are."""
    source.proposals.pending().delete()
    reviewed = list(source.proposals.reviewed().values_list("mention_start", "mention_end"))
    created = 0
    result = extract(
        source.text,
        source.published,
        kind=source.kind or None,
        language=source.language or None,
    )
    source.read_as_kind = result.kind
    source.read_as_language = result.language
    source.language_unsupported = UNSUPPORTED_LANGUAGE in result.flags
    Source.objects.filter(pk=source.pk).update(
        read_as_kind=source.read_as_kind,
        read_as_language=source.read_as_language,
        language_unsupported=source.language_unsupported,
    )
    for proposed in result.proposals:
        mention = proposed.mention
        if any(start < mention.end and mention.start < end for start, end in reviewed):
            continue
        proposal = Proposal(
            source=source,
            mention_text=mention.text[:200],
            mention_start=mention.start,
            mention_end=mention.end,
            value=mention.value or "",
            relative=mention.relative,
            sentence=proposed.sentence,
            sentence_start=proposed.start,
            sentence_end=proposed.end,
            headline=proposed.headline[:300],
            confidence=proposed.confidence,
            flags=list(proposed.flags),
        )
        proposal.period = mention.period
        proposal.save()
        created += 1
    return created


# --- review --------------------------------------------------------------------------------


def _locked_pending(proposal: Proposal) -> Proposal:
    locked = Proposal.objects.select_for_update().select_related("source").get(pk=proposal.pk)
    if locked.state != ProposalState.PENDING:
        who = locked.reviewed_by.get_username() if locked.reviewed_by else _("someone")
        when = (
            timezone.localtime(locked.reviewed_at).strftime("%d %b %Y %H:%M")
            if locked.reviewed_at
            else ""
        )
        raise AlreadyReviewed(
            _("%(who)s already %(state)s this proposal %(when)s; nothing was changed.")
            % {"who": who, "state": locked.get_state_display(), "when": when}
        )
    return locked


def _mark(proposal: Proposal, state: str, user, event=None, citation=None) -> None:
    proposal.state = state
    proposal.event = event
    proposal.citation = citation
    reviewed = state != ProposalState.PENDING
    proposal.reviewed_by = user if reviewed else None
    proposal.reviewed_at = timezone.now() if reviewed else None
    proposal._history_user = user
    proposal.save()


def _cite(proposal: Proposal, event: Event, user) -> Citation:
    citation = Citation.objects.filter(
        event=event,
        source=proposal.source,
        start=proposal.sentence_start,
        end=proposal.sentence_end,
    ).first()
    if citation is None:
        citation = Citation(
            event=event,
            source=proposal.source,
            quote=proposal.sentence,
            start=proposal.sentence_start,
            end=proposal.sentence_end,
        )
        citation._history_user = user
        citation.save()
    return citation


@transaction.atomic
def confirm(
    *,
    proposal: Proposal,
    user: AbstractBaseUser | None,
    headline: str | None = None,
    description: str = "",
    period: Period | None = None,
    circa: bool = False,
) -> Event:
    """A new event on the proposal's timeline, citing its sentence."""
    proposal = _locked_pending(proposal)
    period = period or proposal.period
    if period is None:
        raise ReviewError(
            _("This date could not be resolved: give the event a date to confirm it.")
        )
    event = Event(
        timeline=proposal.source.timeline,
        headline=(headline or proposal.headline).strip()[:300],
        description=description,
        circa=circa,
    )
    event.period = period
    event._history_user = user
    event.save()
    _mark(proposal, ProposalState.CONFIRMED, user, event, _cite(proposal, event, user))
    return event


def _locked_event(pk: int) -> Event:
    """The event's row, locked: an undo deleting it and a merge citing it take turns."""
    event = Event.objects.select_for_update().filter(pk=pk).first()
    if event is None:
        raise ReviewError(_("That event no longer exists: it was removed a moment ago."))
    return event


@transaction.atomic
def merge(*, proposal: Proposal, event: Event, user: AbstractBaseUser | None) -> Citation:
    """The proposal is the same happening as `event`: it becomes one more citation of it."""
    proposal = _locked_pending(proposal)
    event = _locked_event(event.pk)
    if event.timeline_id != proposal.source.timeline_id:
        raise ReviewError(_("That event belongs to another timeline."))
    citation = _cite(proposal, event, user)
    _mark(proposal, ProposalState.MERGED, user, event, citation)
    return citation


@transaction.atomic
def reject(*, proposal: Proposal, user: AbstractBaseUser | None) -> None:
    proposal = _locked_pending(proposal)
    _mark(proposal, ProposalState.REJECTED, user)


@transaction.atomic
def undo(*, proposal: Proposal, user: AbstractBaseUser | None) -> None:
    """Back to pending; the citation and event it created go if nothing else rests on them."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.state == ProposalState.PENDING:
        raise ReviewError(_("This proposal is already pending; there is nothing to undo."))
    # Proposal first, then event, as merge takes them: no deadlock, and no merge
    # can cite the event between our look at what rests on it and its deletion.
    event = _locked_event(proposal.event_id) if proposal.event_id else None
    citation = proposal.citation
    created_event = proposal.state == ProposalState.CONFIRMED
    _mark(proposal, ProposalState.PENDING, user)
    if citation is not None and not citation.proposals.exists():
        citation._history_user = user
        citation.delete()
    # Only an event this proposal created goes, and only if nothing else rests on it.
    if created_event and not event.citations.exists() and not event.proposals.exists():
        event._history_user = user
        event.delete()


@transaction.atomic
def set_key_events(*, events, is_key: bool, user: AbstractBaseUser | None) -> int:
    """Mark events as key (or not); each is saved, so history and the readers' cache follow."""
    changed = 0
    for event in events.select_for_update().exclude(is_key=is_key):
        event.is_key = is_key
        event._history_user = user
        event.save(update_fields=["is_key", "updated_at"])
        changed += 1
    return changed
