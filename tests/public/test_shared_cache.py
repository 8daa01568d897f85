"""The readers' cache shared by several machines: Redis, with real server processes."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.urls import reverse

from tests import servers
from tests.factories import CitationFactory, EventFactory, SourceFactory, TimelineFactory


@pytest.fixture
def redis_cache(settings):
    url = servers.redis_url()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    }
    return url


@pytest.mark.django_db
def test_on_redis_a_change_drops_its_timeline_and_spares_the_rest(client, redis_cache):
    changed, spared = TimelineFactory(slug="changed"), TimelineFactory(slug="spared")
    for timeline in (changed, spared):
        CitationFactory(event=EventFactory(timeline=timeline, headline=f"{timeline.slug} event"))
    pages = [reverse("public:timeline", args=[t.slug]) for t in (changed, spared)]
    assert [client.get(p)["X-Cache"] for p in pages] == ["miss", "miss"]
    assert [client.get(p)["X-Cache"] for p in pages] == ["hit", "hit"]
    SourceFactory(timeline=changed)  # readers cannot see it
    assert [client.get(p)["X-Cache"] for p in pages] == ["hit", "hit"]
    event = changed.events.get()
    event.headline = "Edited on another machine"
    event.save()
    assert [client.get(p)["X-Cache"] for p in pages] == ["miss", "hit"]
    assert "Edited on another machine" in client.get(pages[0]).content.decode()


@pytest.mark.django_db(transaction=True)
def test_an_edit_in_one_process_is_seen_by_two_servers_that_share_no_memory_or_disk(tmp_path):
    """Two gunicorn servers, each in a folder of its own, and a third process that edits."""
    redis_url = servers.redis_url()
    timeline = TimelineFactory(slug="shared")
    event = EventFactory(timeline=timeline, headline="Tender held")
    CitationFactory(event=event)
    env = servers.environment(
        DATABASE_URL=servers.database_url(), DJANGO_CACHE_URL=redis_url, DJANGO_LOG_LEVEL="WARNING"
    )
    started = []
    try:
        for name in ("a", "b"):
            home = tmp_path / name
            home.mkdir()
            port = servers.free_port()
            started.append(
                (
                    port,
                    subprocess.Popen(
                        [
                            sys.executable,
                            "-m",
                            "gunicorn",
                            "timeline.wsgi",
                            "--workers",
                            "1",
                            "--bind",
                            f"127.0.0.1:{port}",
                            "--chdir",
                            str(servers.ROOT),
                        ],
                        cwd=home,
                        env={**env, "TMPDIR": str(home), "HOME": str(home)},
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.PIPE,
                    ),
                )
            )
        page = "/timelines/shared/"
        a, b = (f"http://127.0.0.1:{port}{page}" for port, _ in started)
        servers.wait_until(lambda: servers.get(a)[0] == 200, what="server a")
        servers.wait_until(lambda: servers.get(b)[0] == 200, what="server b")
        # Server a filled the cache; b is served a's entry: one cache for both.
        assert servers.get(a)[1]["X-Cache"] == "hit"
        assert servers.get(b)[1]["X-Cache"] == "hit"
        servers.manage(
            "shell",
            "-c",
            f"from timeline.models import Event; e = Event.objects.get(pk={event.pk}); "
            "e.headline = 'Tender cancelled'; e.save()",
            env=env,
            cwd=tmp_path,
        )
        for url in (a, b):
            status, _, body = servers.get(url)
            assert status == 200
            assert "Tender cancelled" in body and "Tender held" not in body
        assert servers.get(a)[1]["X-Cache"] == "hit"
    finally:
        for _, process in started:
            process.terminate()
            process.wait(timeout=10)
