"""An event's history for editors: who created, edited, cited or merged what, and when."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from timeline.editors import editor_required
from timeline.models import Event


@require_GET
@editor_required
def event_history(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("timeline"), pk=pk)
    records = list(event.history.select_related("history_user").order_by("history_date"))
    changes = []
    for older, newer in zip([None, *records], records, strict=False):
        changed = []
        if older is not None:
            changed = [c.field for c in newer.diff_against(older).changes]
        changes.append((newer, changed))
    citations = event.citations.model.history.filter(event_id=event.pk).select_related(
        "history_user", "source"
    )
    proposals = event.proposals.select_related("reviewed_by", "source")
    context = {
        "event": event,
        "changes": reversed(changes),
        "citations": citations.order_by("-history_date"),
        "proposals": proposals,
    }
    return render(request, "timeline/review/event_history.html", context)
