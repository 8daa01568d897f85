"""Who is an editor: the Editors group, its permissions, and the check every editor page makes.

The group has everything the review work needs, and nothing of a superuser's.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.models import Group, Permission
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from timeline.htmx import HtmxHttpRequest

EDITORS = "Editors"
REVIEW_PERMISSION = "timeline.change_proposal"

# model -> actions editors may take on it in the admin.
EDITOR_PERMISSIONS = {
    "timeline": ("view", "add", "change"),
    "source": ("view", "add", "change", "delete"),
    "event": ("view", "add", "change", "delete"),
    "citation": ("view", "add", "change", "delete"),
    "proposal": ("view", "change"),
    "era": ("view", "add", "change", "delete"),
    # Drafts are built by refreshes; editors look at them and act through the services.
    "draft": ("view", "change"),
    "candidate": ("view", "change"),
}


def ensure_editors_group(**kwargs) -> Group:
    group, _ = Group.objects.get_or_create(name=EDITORS)
    codenames = [
        f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions
    ]
    # History pages read the historical models.
    codenames += [f"view_historical{model}" for model in EDITOR_PERMISSIONS]
    permissions = Permission.objects.filter(
        content_type__app_label="timeline", codename__in=codenames
    )
    group.permissions.add(*permissions)
    return group


def is_editor(user) -> bool:
    return user.is_active and user.has_perm(REVIEW_PERMISSION)


def editor_required(view):
    """Anonymous: to the login page (htmx: a client redirect). Others: 403."""

    @wraps(view)
    def wrapper(request: HtmxHttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            if request.htmx:
                login = reverse("login") + "?next=" + (request.htmx.current_url_abs_path or "/")
                return HttpResponseClientRedirect(login)
            return redirect_to_login(request.get_full_path())
        if not is_editor(request.user):
            raise PermissionDenied(_("Only editors can review sources."))
        return view(request, *args, **kwargs)

    return wrapper
