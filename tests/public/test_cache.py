from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, EditorFactory, EventFactory, TimelineFactory
from timeline.periods import Precision

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline():
    timeline = TimelineFactory(slug="air-defense")
    CitationFactory(event=EventFactory(timeline=timeline, headline="Tender held"))
    return timeline


PUBLIC = [
    "public:timeline_list",
    "public:timeline",
    "public:timelinejs_export",
    "public:csv_export",
]


def url(name, timeline):
    return reverse(name) if name == "public:timeline_list" else reverse(name, args=[timeline.slug])


@pytest.mark.parametrize("name", PUBLIC)
def test_readers_get_cached_public_pages_without_queries(
    client, timeline, name, django_assert_num_queries
):
    first = client.get(url(name, timeline))
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url(name, timeline))
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize(
    "change",
    [
        lambda t: EventFactory(timeline=t, headline="Talks confirmed"),
        lambda t: _edit(t.events.first(), headline="Edited headline"),
        lambda t: CitationFactory(event=t.events.first(), quote="New words."),
        lambda t: t.events.first().citations.first().delete(),
        lambda t: t.events.first().delete(),
        lambda t: _edit(t, title="Renamed"),
        lambda t: [_edit(s, title="Re-titled") for s in t.sources.all()],
    ],
    ids=[
        "event added",
        "event edited",
        "citation added",
        "citation removed",
        "event deleted",
        "timeline renamed",
        "source renamed",
    ],
)
@pytest.mark.parametrize("name", PUBLIC)
def test_any_change_to_what_readers_see_drops_the_cache(client, timeline, change, name):
    client.get(url(name, timeline))
    assert client.get(url(name, timeline))["X-Cache"] == "hit"
    change(timeline)
    assert client.get(url(name, timeline))["X-Cache"] == "miss"


def test_a_changed_event_shows_at_once(client, timeline):
    client.get(reverse("public:timeline", args=[timeline.slug]))
    _edit(timeline.events.first(), headline="Tender cancelled")
    content = client.get(reverse("public:timeline", args=[timeline.slug])).content.decode()
    assert "Tender cancelled" in content and "Tender held" not in content


def _edit(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()


def test_htmx_and_full_responses_are_cached_apart_and_vary(client, timeline):
    page = client.get(reverse("public:timeline", args=[timeline.slug]))
    fragment = client.get(
        reverse("public:timeline", args=[timeline.slug]), headers={"HX-Request": "true"}
    )
    assert fragment["X-Cache"] == "miss"
    again = client.get(
        reverse("public:timeline", args=[timeline.slug]), headers={"HX-Request": "true"}
    )
    assert again.content == fragment.content != page.content
    assert "HX-Request" in page["Vary"] and "HX-Request" in again["Vary"]


def test_editors_are_never_served_the_readers_cache(client, timeline):
    client.get(reverse("public:timeline", args=[timeline.slug]))
    client.force_login(EditorFactory())
    response = client.get(reverse("public:timeline", args=[timeline.slug]))
    assert "X-Cache" not in response
    assert "Review queue" in response.content.decode()


def test_a_private_timeline_is_never_cached_for_readers(client):
    hidden = TimelineFactory(is_public=False)
    EventFactory(timeline=hidden, date=date(2015, 1, 1), precision=Precision.YEAR)
    assert client.get(reverse("public:timeline", args=[hidden.slug])).status_code == 404
    assert client.get(reverse("public:timeline", args=[hidden.slug])).status_code == 404
