"""python manage.py demo: migrate, load the Turkey air-defense demo, make an editor, serve."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from timeline import demo
from timeline.editors import ensure_editors_group

EDITOR = "editor"


class Command(BaseCommand):
    help = "Load the Turkey air-defense demo timeline and serve the app (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="load the demo and stop")
        parser.add_argument(
            "--editor-password",
            help="password for the 'editor' account (default: keep it, or print a new random one)",
        )
        parser.add_argument("--addrport", default="127.0.0.1:8000", help="where to serve")

    def handle(self, *args, no_serve: bool, editor_password: str | None, addrport: str, **options):
        call_command("migrate", interactive=False, verbosity=0)
        editor, password = self.ensure_editor(editor_password)
        timeline = demo.load(user=editor)
        events = timeline.events.count()
        pending = sum(s.proposals.pending().count() for s in timeline.sources.all())
        host = addrport if ":" in addrport else f"127.0.0.1:{addrport}"
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: “{timeline.title}”, {events} events, {pending} proposals to review."
            )
        )
        self.stdout.write(f"  Public timeline: http://{host}{timeline.get_absolute_url()}")
        self.stdout.write(f"  Review: http://{host}/review/  (editors log in at /accounts/login/)")
        self.stdout.write(f"  Admin:  http://{host}/admin/")
        self.stdout.write(
            f"  Log in: user {EDITOR!r}, "
            + (
                f"password {password!r}"
                if password
                else "password unchanged (use --editor-password)"
            )
        )
        if not no_serve:
            call_command("runserver", addrport, use_reloader=False)

    def ensure_editor(self, password: str | None):
        User = get_user_model()
        user, created = User.objects.get_or_create(username=EDITOR, defaults={"is_staff": True})
        if created and not password:
            password = secrets.token_urlsafe(12)
        if password:
            user.set_password(password)
        user.is_staff = True
        user.is_active = True
        user.save()
        user.groups.add(ensure_editors_group())
        return user, password
