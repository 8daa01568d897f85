"""A timeline's stored draft: candidate events grouped across sources, ranked by salience.

Grouping thousands of proposals takes seconds, so it is stored and refreshed
(as a task) rather than recomputed on each page view. A candidate is never
public: only accepting it makes events. Candidates an editor acted on (accepted,
rejected, split off) are kept by a refresh; open ones are rebuilt.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from timeline.models import PRECISION_CHOICES, Event, PeriodFields, Proposal, Timeline


class DraftState(models.TextChoices):
    IDLE = "idle", _("up to date")
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("refreshing")
    FAILED = "failed", _("failed")


class Draft(models.Model):
    """One per timeline: when its candidates were built, and from which proposals."""

    timeline = models.OneToOneField(
        Timeline, on_delete=models.CASCADE, related_name="draft", verbose_name=_("timeline")
    )
    state = models.CharField(
        _("state"), max_length=10, choices=DraftState.choices, default=DraftState.IDLE
    )
    progress = models.PositiveSmallIntegerField(
        _("progress"), default=0, help_text=_("Percent done while a refresh runs.")
    )
    error = models.TextField(_("error"), blank=True)
    refreshed_at = models.DateTimeField(_("last refreshed"), null=True, blank=True)
    pending_count = models.PositiveIntegerField(
        _("pending proposals"), default=0, help_text=_("How many it was built from.")
    )
    last_proposal = models.PositiveBigIntegerField(
        _("last proposal"),
        default=0,
        help_text=_("The newest proposal it saw: a newer one means new sources arrived."),
    )

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")

    def __str__(self) -> str:
        return f"{self.timeline}: draft"

    @property
    def is_refreshing(self) -> bool:
        return self.state in {DraftState.QUEUED, DraftState.RUNNING}

    def is_stale(self, pending_count: int, last_proposal: int | None) -> bool:
        """Proposals came or went (new sources, reviews elsewhere) since it was built."""
        return self.refreshed_at is None or (pending_count, last_proposal or 0) != (
            self.pending_count,
            self.last_proposal,
        )


class CandidateState(models.TextChoices):
    OPEN = "open", _("open")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class CandidateQuerySet(models.QuerySet):
    def open(self) -> CandidateQuerySet:
        return self.filter(state=CandidateState.OPEN)

    def placed(self) -> CandidateQuerySet:
        return self.filter(date__isnull=False)

    def unplaced(self) -> CandidateQuerySet:
        return self.filter(date__isnull=True)

    def in_salience_order(self) -> CandidateQuerySet:
        return self.order_by("-score", "date", "id")

    def in_date_order(self) -> CandidateQuerySet:
        return self.order_by("date", "precision", "-score", "id")


class Candidate(PeriodFields, models.Model):
    """A happening one or more sources report: the proposals behind it, worded and ranked."""

    State = CandidateState

    draft = models.ForeignKey(
        Draft, on_delete=models.CASCADE, related_name="candidates", verbose_name=_("draft")
    )
    date = models.DateField(_("date"), null=True, blank=True)
    precision = models.PositiveSmallIntegerField(
        _("precision"), choices=PRECISION_CHOICES, null=True, blank=True
    )
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_precision = models.PositiveSmallIntegerField(
        _("end precision"), choices=PRECISION_CHOICES, null=True, blank=True
    )
    headline = models.CharField(_("headline"), max_length=300)
    summary = models.JSONField(
        _("summary"),
        default=list,
        help_text=_("The most representative sentences: proposal, source, title, sentence."),
    )
    score = models.FloatField(_("salience"), default=0)
    agreement = models.FloatField(
        _("date agreement"), default=1, help_text=_("Share of the evidence on this very date.")
    )
    source_count = models.PositiveIntegerField(_("sources"), default=0)
    proposal_count = models.PositiveIntegerField(_("proposals"), default=0)
    fingerprint = models.CharField(
        _("fingerprint"),
        max_length=16,
        help_text=_("Changes with the proposals behind it: a page drawn before is refused."),
    )
    proposals = models.ManyToManyField(
        Proposal, related_name="candidates", verbose_name=_("proposals")
    )
    match = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("matching event"),
        help_text=_("An event already confirmed that this candidate reports again."),
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidates",
        verbose_name=_("event"),
        help_text=_("The event accepting it created or added citations to."),
    )
    created_event = models.BooleanField(_("created its event"), default=False)
    pinned = models.BooleanField(
        _("kept by refreshes"), default=False, help_text=_("An editor split it: keep it so.")
    )
    split_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="splits",
        verbose_name=_("split from"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=CandidateState.choices, default=CandidateState.OPEN
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "date", "id"]
        verbose_name = _("candidate event")
        verbose_name_plural = _("candidate events")
        indexes = [
            models.Index(fields=["draft", "state", "-score"], name="candidate_salience"),
            models.Index(fields=["draft", "state", "date"], name="candidate_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="accepted", event__isnull=False) | ~Q(state="accepted"),
                name="candidate_accepted_has_event",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date_display}: {self.headline}"

    @property
    def date_display(self) -> str:
        period = self.period
        return period.display() if period else _("cannot be placed")

    @property
    def is_open(self) -> bool:
        return self.state == CandidateState.OPEN
