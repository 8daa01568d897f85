"""Bulk review actions in the admin: one verb of the services on each selected row."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages

from timeline.services import ReviewError


def review_each(
    model_admin: admin.ModelAdmin,
    request,
    queryset,
    verb: Callable,
    done_message: str,
    *,
    keyword: str,
    label: Callable[[object], str],
) -> None:
    """Call `verb(<keyword>=row, user=...)` on each row; say how many were done, and why
    each refused one was refused (who reviewed it first), as the review pages do."""
    done, refused = 0, []
    for row in queryset:
        try:
            verb(**{keyword: row}, user=request.user)
        except ReviewError as error:
            refused.append(f"“{label(row)}”: {error}")
        else:
            done += 1
    if done:
        model_admin.message_user(request, done_message % done, messages.SUCCESS)
    for message in refused:
        model_admin.message_user(request, message, messages.WARNING)
