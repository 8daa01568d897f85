"""The Editors group: everything the review work needs, and nothing of a superuser's."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

EDITORS = "Editors"
REVIEW_PERMISSION = "timeline.change_proposal"

# model -> actions editors may take on it in the admin.
EDITOR_PERMISSIONS = {
    "timeline": ("view", "add", "change"),
    "source": ("view", "add", "change", "delete"),
    "event": ("view", "add", "change", "delete"),
    "citation": ("view", "add", "change", "delete"),
    "proposal": ("view", "change"),
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
