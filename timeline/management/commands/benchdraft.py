"""python manage.py benchdraft: the draft page of a timeline of 2,000 sources, ~15,000 proposals.

Builds a throwaway database (a temporary SQLite file, or a test database on the
configured server), fills one timeline with sources and pending proposals
written about a few hundred happenings (each told in varied words, on its day
or the next), refreshes its draft (timed), then times the draft page through
Django's full request stack as a logged-in editor, and counts its queries with
few and with many candidates shown.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from timeline.drafts.refresh import refresh
from timeline.editors import ensure_editors_group
from timeline.models import Proposal, Source, Timeline

TARGET_MS = 300
_WORDS = (
    "pipeline tanker refinery senate hearing ministry tender contract pilots strike vote "
    "court ruling appeal fine inquiry report storm flood evacuation vaccine outbreak clinic "
    "election coalition budget tariff embargo summit treaty missile radar satellite launch "
    "bridge collapse rescue divers harbour customs audit merger shares dividend layoffs "
    "protest march police curfew border ceasefire convoy refugees shelter donors"
)
WORDS = _WORDS.split()


class Command(BaseCommand):
    help = "Benchmark the draft page on a throwaway database."

    def add_arguments(self, parser):
        parser.add_argument("--sources", type=int, default=2_000)
        parser.add_argument("--proposals", type=int, default=15_000)
        parser.add_argument("--runs", type=int, default=7, help="requests per URL (median)")

    def handle(self, *args, sources: int, proposals: int, runs: int, **options):
        with tempfile.TemporaryDirectory() as folder:
            if connection.vendor == "sqlite":
                connection.settings_dict.setdefault("TEST", {})["NAME"] = str(
                    Path(folder) / "bench.sqlite3"
                )
            name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
            try:
                self.stdout.write(f"database: {connection.vendor} ({name})")
                timeline = self.fill(sources, proposals)
                started = time.perf_counter()
                draft = refresh(timeline=timeline)
                self.stdout.write(
                    f"refresh: {draft.pending_count} pending proposals → "
                    f"{draft.candidates.count()} candidates in "
                    f"{time.perf_counter() - started:.1f} s"
                )
                with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
                    self.measure(timeline, runs)
            finally:
                connection.creation.destroy_test_db(name, verbosity=0)

    def fill(self, source_count: int, proposal_count: int) -> Timeline:
        started = time.perf_counter()
        rng = random.Random(2010)
        timeline = Timeline.objects.create(title="Benchmark", slug="bench")
        first = date(2010, 1, 1)
        happenings = []
        for n in range(max(1, proposal_count // 25)):
            words = [*rng.sample(WORDS, 5), f"name{n}", f"place{n % 97}"]
            happenings.append((first + timedelta(days=rng.randrange(365)), words))
        sources = Source.objects.bulk_create(
            Source(
                timeline=timeline,
                title=f"Article {n}",
                publisher=f"Wire {n % 7}",
                published=first + timedelta(days=rng.randrange(400)),
                text=f"Article {n}. " + "A sentence about what happened. " * 60,
                content_hash=f"{n:064d}",
            )
            for n in range(source_count)
        )
        rows = []
        for n in range(proposal_count):
            source = sources[n % len(sources)]
            # a few happenings are told often, most rarely (as in the news)
            popular = min(int(rng.paretovariate(1.2)) - 1, len(happenings) - 1)
            which = popular if rng.random() < 0.5 else rng.randrange(len(happenings))
            day, words = happenings[which]
            day += timedelta(days=rng.choice([0, 0, 0, 1]))
            told = rng.sample(words, 4) + rng.sample(WORDS, 3)
            sentence = f"The {' '.join(told)} were reported on {day:%B %d}."
            start = 20 * (n // len(sources)) % 1500
            proposal = Proposal(
                source=source,
                mention_text=f"{day:%B %d}",
                mention_start=start + 10,
                mention_end=start + 16,
                value=day.isoformat(),
                sentence=sentence,
                sentence_start=start,
                sentence_end=start + len(sentence),
                headline=" ".join(told[:6]).capitalize(),
                confidence=0.9,
            )
            proposal.date, proposal.precision = day, 3
            rows.append(proposal)
        Proposal.objects.bulk_create(rows, batch_size=2000)
        self.stdout.write(
            f"filled: {source_count} sources, {proposal_count} pending proposals "
            f"in {time.perf_counter() - started:.1f} s"
        )
        return timeline

    def measure(self, timeline: Timeline, runs: int) -> None:
        from django.contrib.auth import get_user_model

        editor = get_user_model().objects.create_user("bench-editor", password="unused-pw-12")
        editor.groups.add(ensure_editors_group())
        client = Client()
        client.force_login(editor)
        base = f"/review/timelines/{timeline.slug}/draft/"
        urls = {
            "salience, page 1": base,
            "date order, page 3": base + "?order=date&page=3",
            "filtered (words, 2+ sources)": base + "?q=pipeline&min_sources=2",
            "filtered, a few shown": base + "?start=2010-03-01&end=2010-03-03",
            "htmx results": base + "?order=date",
        }
        self.stdout.write(
            f"{'request':<30}{'shown':>6}{'queries':>8}{'median ms':>11}{'max ms':>9}"
        )
        counts = []
        for label, url in urls.items():
            headers = {"HX-Request": "true"} if label.startswith("htmx") else {}
            client.get(url, headers=headers)  # warm templates and the database's caches
            timings = []
            for _ in range(runs):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url, headers=headers)
                    timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, response.status_code)
                query_count = len(queries)
            shown = response.content.decode().count('class="proposal candidate')
            counts.append(query_count)
            median = statistics.median(timings)
            self.stdout.write(
                f"{label:<30}{shown:>6}{query_count:>8}{median:>11.1f}{max(timings):>9.1f}  "
                f"{'met' if median < TARGET_MS else 'MISSED'} (<{TARGET_MS} ms)"
            )
        same = len(set(counts)) == 1
        self.stdout.write(
            f"queries {'do not grow' if same else 'DIFFER'} with the candidates shown: {counts}"
        )
