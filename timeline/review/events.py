"""Editors' changes to a confirmed event outside the proposal flow: marking it as key.

The event's history page, the source page (a reviewed proposal's event) and the
draft page (an accepted candidate's event) all offer the toggle; each view
answers with its own page or fragment, and all set the flag through here.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from timeline import services
from timeline.editors import editor_required
from timeline.models import Event


def set_key_from_form(request: HttpRequest, event_id: int) -> None:
    """Mark the event as key when the form says ``is_key=on``, unmark it otherwise, and say so.

    The form states the value rather than asking to flip it, so a second submit
    from a page that was not refreshed does not undo the first."""
    is_key = request.POST.get("is_key") == "on"
    services.set_key_events(
        events=Event.objects.filter(pk=event_id), is_key=is_key, user=request.user
    )
    if is_key:
        messages.success(request, _("Marked as a key event: it stands out on the public page."))
    else:
        messages.success(request, _("No longer a key event."))


@require_POST
@editor_required
def set_key(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the event as key (or not), then back to its history page."""
    event = get_object_or_404(Event, pk=pk)
    set_key_from_form(request, event.pk)
    return redirect("review:event_history", pk=event.pk)
