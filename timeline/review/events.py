"""Editors' changes to a confirmed event outside the proposal flow: marking it as key."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from timeline import services
from timeline.editors import editor_required
from timeline.models import Event


@require_POST
@editor_required
def set_key(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the event as key (or not), then back to its history page."""
    event = get_object_or_404(Event, pk=pk)
    is_key = request.POST.get("is_key") == "on"
    services.set_key_events(
        events=Event.objects.filter(pk=event.pk), is_key=is_key, user=request.user
    )
    if is_key:
        messages.success(request, "Marked as a key event: it stands out on the public page.")
    else:
        messages.success(request, "No longer a key event.")
    return redirect("review:event_history", pk=event.pk)
