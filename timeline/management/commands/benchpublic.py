"""python manage.py benchpublic --events 10000: the public page and exports on a big timeline.

Builds a throwaway database (a temporary SQLite file, or a database of a fresh
random name on the configured server, dropped afterwards), fills one timeline
with N confirmed events citing 1–3 sources each, then times each public URL
through Django's full request stack. It uses a cache of its own in its own
memory: the configured cache, which the web servers share, is never touched.
"""

from __future__ import annotations

import gc
import random
import statistics
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from timeline.models import Citation, Era, Event, Source, Timeline
from timeline.periods import Precision
from timeline.public.renderings import outdate

TARGET_QUERIES = 10
COLD = "TimelineJS cold"
# Issue 14's targets at 50,000 events on PostgreSQL, uncached.
TARGET_MS = {
    "page (first)": 60,
    "page (last)": 60,
    "page filtered": 60,
    "TimelineJS": 250,
    "CSV": 250,
}
# Issue 12's at 10,000 events (the default run): what readers and newsrooms ask for.
PAGE_MS, DOCUMENT_MS = 40, 80
TARGET_MS_10K = {
    "page (first)": PAGE_MS,
    "page (last)": PAGE_MS,
    "page filtered": PAGE_MS,
    "page key only": PAGE_MS,
    "event page": PAGE_MS,
    "embed (deep)": PAGE_MS,
    "TimelineJS": DOCUMENT_MS,
    "CSV": DOCUMENT_MS,
    "Atom feed": DOCUMENT_MS,
    "API page": DOCUMENT_MS,
    "API timeline": DOCUMENT_MS,
    "oEmbed XML": DOCUMENT_MS,
    "share image": DOCUMENT_MS,
}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


class Command(BaseCommand):
    help = "Benchmark the public timeline page and exports on a throwaway database."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=7, help="requests per URL (median)")

    def handle(self, *args, events: int, runs: int, **options):
        own_cache = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": f"benchpublic-{uuid.uuid4().hex}",
            }
        }
        test_settings = connection.settings_dict.setdefault("TEST", {})
        configured_name = test_settings.get("NAME")
        with tempfile.TemporaryDirectory() as folder, override_settings(CACHES=own_cache):
            if connection.vendor == "sqlite":
                test_settings["NAME"] = str(Path(folder) / "bench.sqlite3")
            else:
                # A name nobody uses: an existing database is never dropped or reused.
                test_settings["NAME"] = f"timeline_bench_{uuid.uuid4().hex[:16]}"
            try:
                name = connection.creation.create_test_db(verbosity=0, autoclobber=False)
                try:
                    self.stdout.write(f"database: {connection.vendor} ({name})")
                    timeline = self.fill(events)
                    # As a server does once the app is loaded (timeline/wsgi.py): the fill's
                    # garbage is collected now, and what stays is kept out of the collector's
                    # full passes, which otherwise ran inside the timed requests.
                    gc.collect()
                    gc.freeze()
                    # As in production: no debug overhead.
                    with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
                        self.measure(timeline, runs)
                finally:
                    connection.creation.destroy_test_db(name, verbosity=0)
            finally:
                test_settings["NAME"] = configured_name

    def fill(self, count: int) -> Timeline:
        started = time.perf_counter()
        rng = random.Random(2016)
        timeline = Timeline.objects.create(title="Benchmark", slug="bench", is_public=True)
        sources = Source.objects.bulk_create(
            Source(
                timeline=timeline,
                title=f"Article {n}",
                publisher=f"Wire {n % 7}",
                url=f"https://news.example/{n}",
                published=date(1990 + n % 30, 1 + n % 12, 1 + n % 28),
                text=f"Article {n}. " + "A sentence about the event. " * 20,
                content_hash=f"{n:064d}",
            )
            for n in range(max(1, count // 20))
        )
        precisions = list(Precision)
        rows = []
        for n in range(count):
            precision = rng.choice(precisions)
            day = date(1990 + rng.randrange(30), 1 + rng.randrange(12), 1 + rng.randrange(28))
            if precision is Precision.YEAR:
                day = day.replace(month=1, day=1)
            elif precision is Precision.MONTH:
                day = day.replace(day=1)
            rows.append(
                Event(
                    timeline=timeline,
                    headline=f"Event {n}: something happened",
                    description="What happened, in a sentence or two. " * 2,
                    date=day,
                    precision=precision,
                    is_key=n % 10 == 0,
                )
            )
        created = Event.objects.bulk_create(rows, batch_size=2000)
        citations = [
            Citation(
                event=event, source=source, quote="A sentence about the event.", start=0, end=27
            )
            for event in created
            for source in rng.sample(sources, k=min(len(sources), rng.randint(1, 3)))
        ]
        Citation.objects.bulk_create(citations, batch_size=2000)
        for n, first in enumerate(range(1990, 2020, 8)):
            Era.objects.create(
                timeline=timeline,
                title=f"Era {n}",
                slug=f"era-{n}",
                date=date(first, 1, 1),
                end_date=date(first + 5, 1, 1),
            )
        if connection.vendor == "postgresql":
            # What autovacuum does within a minute of a bulk load on a live server: without
            # statistics the planner guesses (a full sort for a hundred rows, say).
            with connection.cursor() as cursor:
                for model in (Event, Citation, Source):
                    cursor.execute(f"VACUUM (ANALYZE) {model._meta.db_table}")
        self.stdout.write(
            f"filled: {count} events, {len(citations)} citations, {len(sources)} sources "
            f"in {time.perf_counter() - started:.1f} s"
        )
        return timeline

    def measure(self, timeline: Timeline, runs: int) -> None:
        client = Client()
        slug = timeline.slug
        count = timeline.events.count()
        middle = timeline.events.in_date_order()[count // 2]
        urls = {
            "page (first)": f"/timelines/{slug}/",
            "page (last)": f"/timelines/{slug}/?page=last",
            "page filtered": f"/timelines/{slug}/?q=happened&start=2000&end=2004",
            "page key only": f"/timelines/{slug}/?key=on",
            "event page": middle.get_absolute_url(),
            "embed (deep)": f"/timelines/{slug}/embed/?event={middle.pk}",
            "TimelineJS": f"/timelines/{slug}/timelinejs.json",
            "CSV": f"/timelines/{slug}/events.csv",
            "Atom feed": f"/timelines/{slug}/feed/",
            "API page": f"/api/v1/timelines/{slug}/events/?page={count // 200 or 1}",
            "API timeline": f"/api/v1/timelines/{slug}/",
            "oEmbed XML": f"/oembed/?url=/timelines/{slug}/&format=xml",
            "share image": f"/timelines/{slug}/share.png",
            # The first export after every event changed (or was loaded in bulk, as here):
            # each run outdates every stored rendering first. No target; printed so that
            # the README can say what it costs.
            COLD: f"/timelines/{slug}/timelinejs.json",
        }
        # Past 10,000 events only issue 14's targets hold: the others were set at 10,000.
        targets = TARGET_MS if count > 10_000 else TARGET_MS_10K
        # On a shared machine the wall clock counts other people's work too; the CPU
        # time this process spent (SQLite runs in it) is the steadier figure.
        self.stdout.write(
            f"{'request':<16}{'queries':>8}{'median ms':>11}{'max ms':>9}{'cpu ms':>8}"
            f"{'cached ms':>11}  target (uncached median)"
        )
        for label, url in urls.items():
            client.get(url)  # warm the templates and the database's own caches
            timings, cpu = [], []
            # Once for the cold export: seconds at 50,000 events, and it has no target.
            for _ in range(1 if label == COLD else runs):
                if label == COLD:
                    outdate(timeline.events.all())
                cache.clear()  # the server's work, not the page cache's
                with CaptureQueriesContext(connection) as queries:
                    started, started_cpu = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    body(response)  # a streamed export is made as it is read
                    timings.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - started_cpu) * 1000)
                assert response.status_code == 200, (url, response.status_code)
                # Read now: the next request's start empties the query log.
                query_count = len(queries)
            started = time.perf_counter()
            hit = client.get(url)
            body(hit)
            cached = (time.perf_counter() - started) * 1000
            assert hit["X-Cache"] == "hit", url
            median = statistics.median(timings)
            if label in targets:
                met = query_count < TARGET_QUERIES and median <= targets[label]
                verdict = "met" if met else "MISSED"
                verdict += f" (<{TARGET_QUERIES} queries, ≤{targets[label]} ms)"
            elif label == COLD:
                verdict = "no target: every row re-rendered, as after a mass change"
            else:
                verdict = "no target at this size"
            self.stdout.write(
                f"{label:<16}{query_count:>8}{median:>11.1f}{max(timings):>9.1f}"
                f"{statistics.median(cpu):>8.1f}{cached:>11.1f}  {verdict}"
            )
