"""Drafts and candidates in the admin: to look, refresh, and act through the same services.

Candidates are built by a refresh, so their fields are read-only here: an open
candidate's text would be rebuilt by the next refresh. What an editor can do is
what the draft page does — accept, reject, undo — through `drafts.services`, so
locking, history and the 409-style refusals are the same.
"""

from __future__ import annotations

from operator import attrgetter

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from timeline.admin_actions import review_each
from timeline.drafts import refresh, services
from timeline.drafts.models import Candidate, CandidateState, Draft


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    list_display = [
        "timeline",
        "state",
        "refreshed_at",
        "pending_count",
        "open_candidates",
        "accepted_candidates",
        "draft_page",
    ]
    list_filter = ["state"]
    search_fields = ["timeline__title"]
    list_select_related = ["timeline"]
    readonly_fields = [
        "timeline",
        "state",
        "progress",
        "error",
        "refreshed_at",
        "pending_count",
        "last_proposal",
    ]
    actions = ["refresh_now"]

    def has_add_permission(self, request):
        return False  # a timeline's draft is made by its first refresh

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                open_count=Count("candidates", filter=Q(candidates__state=CandidateState.OPEN)),
                accepted_count=Count(
                    "candidates", filter=Q(candidates__state=CandidateState.ACCEPTED)
                ),
            )
        )

    @admin.display(description=_("open candidates"), ordering="open_count")
    def open_candidates(self, obj):
        return obj.open_count

    @admin.display(description=_("accepted"), ordering="accepted_count")
    def accepted_candidates(self, obj):
        return obj.accepted_count

    @admin.display(description=_("review"))
    def draft_page(self, obj):
        url = reverse("review:draft", args=[obj.timeline.slug])
        return format_html('<a href="{}">{}</a>', url, _("Draft page"))

    @admin.action(description=_("Refresh selected drafts now"))
    def refresh_now(self, request, queryset):
        for draft in queryset.select_related("timeline"):
            # Forced: a draft left "refreshing" by a dead worker must be rebuilt too.
            refresh.schedule(timeline=draft.timeline, force=True)
        self.message_user(
            request, _("%d drafts queued for a refresh.") % len(queryset), messages.SUCCESS
        )


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = [
        "date_display",
        "headline",
        "score",
        "source_count",
        "proposal_count",
        "state",
        "match",
        "event",
        "reviewed_by",
    ]
    list_display_links = ["headline"]
    list_filter = ["state", "draft__timeline", "precision", "pinned"]
    search_fields = ["headline"]
    list_select_related = ["match", "event", "reviewed_by"]
    ordering = ["-score", "date", "id"]
    actions = ["accept_selected", "reject_selected", "undo_selected"]
    fields = readonly_fields = [
        "draft",
        "date_display",
        "headline",
        "score",
        "agreement",
        "source_count",
        "proposal_count",
        "sentences",
        "match",
        "state",
        "event",
        "created_event",
        "pinned",
        "split_from",
        "reviewed_by",
        "reviewed_at",
    ]

    def has_add_permission(self, request):
        return False  # candidates come from a refresh of the draft

    @admin.display(description=_("date"), ordering="date")
    def date_display(self, obj):
        return obj.date_display

    @admin.display(description=_("best sentences"))
    def sentences(self, obj):
        if not obj.summary:
            return "—"
        items = format_html_join(
            "", "<li>{} <em>({})</em></li>", ((s["sentence"], s["title"]) for s in obj.summary)
        )
        return format_html("<ul>{}</ul>", items)

    def _act(self, request, queryset, verb, done_message):
        review_each(
            self,
            request,
            queryset,
            verb,
            done_message,
            keyword="candidate",
            label=attrgetter("headline"),
        )

    @admin.action(description=_("Accept selected candidates (one event each, all citations)"))
    def accept_selected(self, request, queryset):
        self._act(request, queryset, services.accept, _("%d candidates accepted."))

    @admin.action(description=_("Reject selected candidates (every proposal behind them)"))
    def reject_selected(self, request, queryset):
        self._act(request, queryset, services.reject, _("%d candidates rejected."))

    @admin.action(description=_("Undo what was done to selected candidates"))
    def undo_selected(self, request, queryset):
        self._act(request, queryset, services.undo, _("%d candidates undone."))
