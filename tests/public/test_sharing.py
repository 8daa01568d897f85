from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from django.urls import reverse
from PIL import Image

from tests.factories import CitationFactory, EventFactory, SourceFactory, TimelineFactory
from timeline.periods import Precision

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline():
    timeline = TimelineFactory(slug="air", title="Air defense", description="Missiles & radars.")
    event = EventFactory(
        timeline=timeline,
        headline="Talks </script>",
        date=date(2016, 11, 18),
        precision=Precision.DAY,
    )
    source = SourceFactory(
        timeline=timeline, title="Report", publisher="Wire", url="https://a.example/"
    )
    CitationFactory(event=event, source=source)
    return timeline


def meta(content: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{name}" content="([^"]*)">', content)
    return found[1] if found else ""


def test_timeline_page_has_share_tags_a_canonical_url_and_an_image(client, timeline):
    content = client.get(timeline.get_absolute_url() + "?q=talks").content.decode()
    assert '<link rel="canonical" href="http://testserver/timelines/air/">' in content
    assert meta(content, "og:title") == "Air defense"
    assert meta(content, "og:image") == "http://testserver/timelines/air/share.png"
    assert meta(content, "twitter:card") == "summary_large_image"
    image = client.get(reverse("public:share_image", args=["air"]))
    assert image["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(image.content)).size == (1200, 630)


def test_event_page_shares_as_an_article_with_its_date(client, timeline):
    event = timeline.events.get()
    content = client.get(event.get_absolute_url()).content.decode()
    assert meta(content, "og:type") == "article"
    assert meta(content, "og:title") == "Talks &lt;/script&gt; (18 November 2016)"
    assert f'<link rel="canonical" href="http://testserver{event.get_absolute_url()}">' in content


def test_json_ld_lists_the_events_with_dates_and_citations_safely_escaped(client, timeline):
    content = client.get(timeline.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', content, re.S)[1]
    assert "</script>" not in block
    data = json.loads(block)
    assert data["@type"] == "ItemList" and data["numberOfItems"] == 1
    item = data["itemListElement"][0]["item"]
    assert item["name"] == "Talks </script>" and item["startDate"] == "2016-11-18"
    assert item["citation"][0] == {
        "@type": "CreativeWork",
        "name": "Report",
        "publisher": {"@type": "Organization", "name": "Wire"},
        "datePublished": "2016-11-19",
        "url": "https://a.example/",
    }
