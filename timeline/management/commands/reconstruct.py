"""python manage.py reconstruct --timeline SLUG: refresh a timeline's draft and summarise it."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from timeline.drafts.models import DraftState
from timeline.drafts.refresh import refresh
from timeline.models import Timeline


class Command(BaseCommand):
    help = "Rebuild the draft of candidate events of a timeline from its pending proposals."

    def add_arguments(self, parser):
        parser.add_argument("--timeline", required=True, help="the timeline's slug")
        parser.add_argument("--top", type=int, default=10, help="candidates to list (10)")

    def handle(self, *args, timeline: str, top: int, **options):
        found = Timeline.objects.filter(slug=timeline).first()
        if found is None:
            raise CommandError(f"no timeline with the slug {timeline!r}")
        started = time.perf_counter()
        draft = refresh(
            timeline=found, progress=lambda p: self.stderr.write(f"  {p}%", ending="\r")
        )
        elapsed = time.perf_counter() - started
        self.stderr.write("")
        candidates = draft.candidates.open()
        placed = candidates.placed()
        unplaced = candidates.unplaced().count()
        matching = placed.filter(match__isnull=False).count()
        self.stdout.write(
            f"{found.title}: {draft.pending_count} pending proposals → {placed.count()} candidate "
            f"events ({matching} match an existing event), {unplaced} cannot be placed; "
            f"{draft.candidates.exclude(state='open').count()} already reviewed kept. "
            f"{elapsed:.1f} s."
        )
        for candidate in placed.in_salience_order()[:top]:
            self.stdout.write(
                f"  {candidate.score:6.1f}  {candidate.date_display:<20} "
                f"{candidate.source_count:>3} sources  {candidate.headline}"
            )
        if draft.state != DraftState.IDLE:
            raise CommandError(f"the draft is {draft.get_state_display()}: {draft.error}")
