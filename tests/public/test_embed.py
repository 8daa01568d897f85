from __future__ import annotations

from datetime import date
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from tests.factories import EventFactory, TimelineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline():
    timeline = TimelineFactory(slug="air", title="Air defense")
    for n in range(120):
        EventFactory(timeline=timeline, headline=f"Event {n:03}", date=date(1950 + n, 1, 1))
    return timeline


def test_only_the_embed_may_be_framed_and_by_the_configured_sites(client, settings, timeline):
    settings.TIMELINE_EMBED_FRAME_ANCESTORS = ["https://news.example"]
    for _ in range(2):  # fresh, then from the cache
        embed = client.get(reverse("public:embed", args=["air"]))
        assert "frame-ancestors https://news.example" in embed["Content-Security-Policy"]
        assert "X-Frame-Options" not in embed
    page = client.get(timeline.get_absolute_url())
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    assert page["X-Frame-Options"] == "DENY"


def test_a_deep_link_opens_the_page_holding_the_event_and_marks_it(client, timeline):
    target = timeline.events.get(headline="Event 110")
    content = client.get(reverse("public:embed", args=["air"]), {"event": target.pk})
    content = content.content.decode()
    assert "Page 2 of 2" in content
    assert f'data-target="event-{target.pk}"' in content and f'id="event-{target.pk}"' in content
    assert 'target="_blank"' in content  # events open the full page, not inside the frame


def test_the_page_offers_an_embed_snippet(client, timeline):
    content = client.get(timeline.get_absolute_url()).content.decode()
    assert "&lt;iframe src=&quot;http://testserver/timelines/air/embed/&quot;" in content
    assert "embed-host.js" in content


def test_oembed_answers_for_timeline_and_event_urls(client, timeline):
    url = "http://testserver" + timeline.get_absolute_url()
    data = client.get(reverse("public:oembed"), {"url": url, "maxwidth": 500}).json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["title"] == "Air defense" and data["width"] == 500
    assert '<iframe src="http://testserver/timelines/air/embed/"' in data["html"]
    event = timeline.events.first()
    data = client.get(
        reverse("public:oembed"), {"url": "http://testserver" + event.get_absolute_url()}
    )
    assert f"/timelines/air/embed/?event={event.pk}" in data.json()["html"]


def test_oembed_refuses_what_it_cannot_embed(client, timeline):
    TimelineFactory(slug="secret", is_public=False)
    oembed = reverse("public:oembed")
    assert client.get(oembed, {"url": "http://testserver/timelines/secret/"}).status_code == 404
    assert client.get(oembed, {"url": "http://testserver/admin/"}).status_code == 404
    for unknown in ("yaml", "JSON", "xml+json"):
        response = client.get(oembed, {"url": "http://x/timelines/air/", "format": unknown})
        assert response.status_code == 501, unknown
    # Left empty, it is the default.
    assert client.get(oembed, {"url": "http://x/timelines/air/", "format": ""}).json()["version"]


def test_oembed_answers_in_xml_with_the_same_fields_as_json(client, timeline):
    event = timeline.events.get(headline="Event 003")
    query = {"url": "http://testserver" + event.get_absolute_url(), "maxheight": 400}
    as_json = client.get(reverse("public:oembed"), query).json()
    for _ in range(2):  # fresh, then from the cache
        response = client.get(reverse("public:oembed"), {**query, "format": "xml"})
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
        root = ElementTree.fromstring(response.content)
        assert root.tag == "oembed"
        assert {child.tag: child.text for child in root} == {
            name: str(value) for name, value in as_json.items()
        }
    # The snippet is text in an element, escaped: a consumer gets back the very same HTML.
    assert b"&lt;iframe src=" in response.content
    assert root.find("html").text.startswith('<iframe src="http://testserver/timelines/air/embed/')
    assert root.find("title").text == "Event 003 · Air defense"


def test_oembed_xml_refuses_what_json_refuses(client, timeline):
    TimelineFactory(slug="secret", is_public=False)
    oembed = reverse("public:oembed")
    for url in ("http://testserver/timelines/secret/", "http://testserver/admin/"):
        assert client.get(oembed, {"url": url, "format": "xml"}).status_code == 404


def test_pages_announce_their_oembed_in_json_and_xml(client, timeline):
    for page in (timeline.get_absolute_url(), timeline.events.first().get_absolute_url()):
        content = client.get(page).content.decode()
        assert 'type="application/json+oembed"' in content
        xml_link = content.split('type="text/xml+oembed"')[1].split(">")[0]
        href = xml_link.split('href="')[1].split('"')[0].replace("&amp;", "&")
        answer = client.get(href)
        assert answer.status_code == 200 and answer["Content-Type"].startswith("text/xml")
        assert ElementTree.fromstring(answer.content).find("type").text == "rich"


def test_embed_and_oembed_links_come_from_the_site_url(client, settings, timeline):
    settings.TIMELINE_SITE_URL = "https://timeline.example.org"
    settings.ALLOWED_HOSTS = ["timeline.example.org"]
    forged = {"host": "timeline.example.org:6666"}
    embed = client.get(reverse("public:embed", args=["air"]), headers=forged).content.decode()
    assert '<link rel="canonical" href="https://timeline.example.org/timelines/air/">' in embed
    url = "https://timeline.example.org/timelines/air/"
    data = client.get(reverse("public:oembed"), {"url": url}, headers=forged).json()
    assert ":6666" not in data["html"] and ":6666" not in data["provider_url"]
