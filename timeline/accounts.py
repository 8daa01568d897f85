"""Account pages: Django's own, except that password reset exists only where mail can go.

Without DJANGO_EMAIL_HOST a reset would be "sent" nowhere while telling the editor
to check their inbox; so there is no reset page and no link to one, and the login
page says to ask an administrator (`manage.py changepassword`).
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import Http404
from django.urls import path


def email_configured() -> bool:
    return "default" in getattr(settings, "MAILERS", {})


def needs_email(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not email_configured():
            raise Http404("Password reset needs email, and none is configured.")
        return view(request, *args, **kwargs)

    return wrapper


# Before django.contrib.auth.urls in timeline/urls.py, so these names win.
password_reset_urls = [
    path(
        "password_reset/",
        needs_email(auth_views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path(
        "password_reset/done/",
        needs_email(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        needs_email(auth_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        needs_email(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
]
