"""A timeline's "last updated": every change readers can see moves it, deletions included."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from tests.conftest import visible_text
from tests.factories import (
    CitationFactory,
    EraFactory,
    EventFactory,
    ProposalFactory,
    SourceFactory,
    TimelineFactory,
)
from timeline import services
from timeline.models import Timeline

pytestmark = pytest.mark.django_db

LONG_AGO = datetime(2020, 3, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def timeline():
    timeline = TimelineFactory(slug="air", title="Air defense")
    event = EventFactory(timeline=timeline, headline="Tender held")
    CitationFactory(event=event, source=SourceFactory(timeline=timeline, title="Wire story"))
    EraFactory(timeline=timeline, slug="tender")
    EventFactory(timeline=timeline, headline="Talks")
    Timeline.objects.filter(pk=timeline.pk).update(content_updated_at=LONG_AGO)
    return timeline


def updated(timeline) -> datetime:
    return Timeline.objects.values_list("content_updated_at", flat=True).get(pk=timeline.pk)


def _edit(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()


def test_deleting_an_event_moves_last_updated_on_the_page(client, timeline):
    page = reverse("public:timeline", args=[timeline.slug])
    assert "Last updated 4 March 2020" in visible_text(client.get(page).content.decode())
    assert client.get(page)["X-Cache"] == "hit"
    before = datetime.now(UTC)
    timeline.events.get(headline="Talks").delete()
    assert updated(timeline) >= before
    text = visible_text(client.get(page).content.decode())
    assert "Last updated 4 March 2020" not in text
    assert f"Last updated {updated(timeline):%-d %B %Y}" in text


@pytest.mark.parametrize(
    "change",
    [
        lambda t: EventFactory(timeline=t),
        lambda t: _edit(t.events.first(), headline="Edited"),
        lambda t: t.events.first().delete(),
        lambda t: CitationFactory(event=t.events.last(), source=t.sources.first()),
        lambda t: t.events.first().citations.first().delete(),
        lambda t: EraFactory(timeline=t),
        lambda t: _edit(t.eras.first(), title="Renamed era"),
        lambda t: t.eras.first().delete(),
        lambda t: _edit(t, description="Now described."),
        lambda t: _edit(t.sources.first(), title="Corrected title"),
        lambda t: services.set_publication_date(
            source=t.sources.first(), published=date(2016, 1, 2), user=None
        ),
    ],
    ids=[
        "event added",
        "event edited",
        "event deleted",
        "citation added",
        "citation deleted",
        "era added",
        "era edited",
        "era deleted",
        "timeline edited",
        "cited source retitled",
        "cited source redated",
    ],
)
def test_every_change_readers_see_moves_last_updated_and_drops_the_cache(client, timeline, change):
    urls = [reverse("public:timeline", args=["air"]), reverse("public:api_timeline", args=["air"])]
    for url in urls:
        client.get(url)
    before = datetime.now(UTC)
    change(timeline)
    assert updated(timeline) >= before
    for url in urls:
        assert client.get(url)["X-Cache"] == "miss", url


@pytest.mark.parametrize(
    "change",
    [
        lambda t: SourceFactory(timeline=t),
        lambda t: ProposalFactory(source=SourceFactory(timeline=t)),
        lambda t: _edit(SourceFactory(timeline=t), title="An uncited source renamed"),
        lambda t: services.set_reading(source=t.sources.first(), kind="", language="fr", user=None),
        lambda t: _edit(t.sources.first(), author="Someone"),
    ],
    ids=[
        "source added",
        "proposal added",
        "uncited source edited",
        "cited source read again",
        "cited source's unshown author",
    ],
)
def test_what_readers_cannot_see_leaves_last_updated_and_the_cache(client, timeline, change):
    page = reverse("public:timeline", args=["air"])
    client.get(page)
    change(timeline)
    assert updated(timeline) == LONG_AGO
    assert client.get(page)["X-Cache"] == "hit"


def test_a_change_to_one_timeline_leaves_the_others_last_updated(timeline):
    other = TimelineFactory(slug="elsewhere")
    EventFactory(timeline=other)
    Timeline.objects.filter(pk=other.pk).update(content_updated_at=LONG_AGO)
    timeline.events.first().delete()
    assert updated(other) == LONG_AGO and updated(timeline) > LONG_AGO


def test_the_api_says_the_same_last_updated_as_the_page(client, timeline):
    timeline.events.first().delete()
    listed = client.get(reverse("public:api_timelines")).json()["timelines"][0]
    detail = client.get(reverse("public:api_timeline", args=["air"])).json()
    assert listed["updated"] == detail["updated"] == updated(timeline).isoformat()


# --- the migration that fills it -------------------------------------------------------------

BEFORE = [("timeline", "0008_eras_key_events_media")]
AFTER = [("timeline", "0009_timeline_content_updated_at")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_last_updated_from_history_deletions_included():
    apps = migrate(BEFORE)
    Timeline_ = apps.get_model("timeline", "Timeline")
    Event = apps.get_model("timeline", "Event")
    HistoricalEvent = apps.get_model("timeline", "HistoricalEvent")
    quiet, busy = (Timeline_.objects.create(title=s, slug=s) for s in ("quiet", "busy"))
    Timeline_.objects.update(created_at=datetime(2019, 1, 1, tzinfo=UTC))
    kept = Event.objects.create(timeline=busy, headline="Kept", date="2015-01-01", precision=1)
    Event.objects.filter(pk=kept.pk).update(updated_at=datetime(2020, 1, 1, tzinfo=UTC))
    deleted_at = datetime(2021, 6, 7, 8, 9, tzinfo=UTC)
    HistoricalEvent.objects.create(
        id=kept.pk + 1,
        timeline_id=busy.pk,
        headline="Deleted later",
        date="2016-01-01",
        precision=1,
        created_at=datetime(2020, 5, 1, tzinfo=UTC),
        updated_at=datetime(2020, 5, 1, tzinfo=UTC),
        history_date=deleted_at,
        history_type="-",
    )
    try:
        apps = migrate(AFTER)
        filled = apps.get_model("timeline", "Timeline").objects.in_bulk()
        assert filled[busy.pk].content_updated_at == deleted_at
        assert filled[quiet.pk].content_updated_at == datetime(2019, 1, 1, tzinfo=UTC)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())  # back to the latest
