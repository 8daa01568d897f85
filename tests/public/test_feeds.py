from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import EventFactory, TimelineFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_feed_lists_newly_confirmed_events_first_with_permalinks(client):
    timeline = TimelineFactory(slug="air", title="Air defense")
    EventFactory(timeline=timeline, headline="Older news, confirmed first", date=date(2019, 1, 1))
    EventFactory(
        timeline=timeline, headline="Earlier event, confirmed later", date=date(2013, 1, 1)
    )
    response = client.get(reverse("public:feed", args=["air"]))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.find(f"{ATOM}title").text == "Air defense: new events"
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Earlier event, confirmed later (2013)", "Older news, confirmed first (2019)"]
    link = next(feed.iter(f"{ATOM}entry")).find(f"{ATOM}link").get("href")
    assert link.startswith("http://testserver/timelines/air/events/")


def test_the_page_links_to_its_feed(client):
    timeline = TimelineFactory(slug="air")
    content = client.get(timeline.get_absolute_url()).content.decode()
    assert 'type="application/atom+xml"' in content and "/timelines/air/feed/" in content


def test_private_timelines_have_no_feed(client):
    TimelineFactory(slug="secret", is_public=False)
    assert client.get(reverse("public:feed", args=["secret"])).status_code == 404


def test_feed_links_come_from_the_site_url_not_the_host_header(client, settings):
    settings.TIMELINE_SITE_URL = "https://timeline.example.org"
    settings.ALLOWED_HOSTS = ["timeline.example.org"]
    timeline = TimelineFactory(slug="air")
    EventFactory(timeline=timeline)
    url = reverse("public:feed", args=["air"])
    client.get(url, headers={"host": "timeline.example.org:6666"})  # cached, if it could be
    content = client.get(url, headers={"host": "timeline.example.org"}).content.decode()
    assert ":6666" not in content
    assert 'href="https://timeline.example.org/timelines/air/events/' in content
    assert 'href="https://timeline.example.org/timelines/air/feed/"' in content
