"""The read API against its OpenAPI description: real responses validated by its schemas."""

from __future__ import annotations

from datetime import date

import jsonschema
import pytest
from django.urls import reverse

from tests.factories import (
    CitationFactory,
    EraFactory,
    EventFactory,
    SourceFactory,
    TimelineFactory,
)
from timeline.periods import Precision

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline():
    timeline = TimelineFactory(slug="air", title="Air defense", description="Missiles.")
    tender = EventFactory(
        timeline=timeline,
        headline="Negotiations",
        date=date(2013, 1, 1),
        precision=Precision.YEAR,
        end_date=date(2015, 1, 1),
        end_precision=Precision.YEAR,
        circa=True,
        is_key=True,
        link_url="https://video.example.org/watch/1",
        link_title="A video about the talks",
    )
    CitationFactory(
        event=tender, source=SourceFactory(timeline=timeline, url="https://a.example/1")
    )
    talks = EventFactory(
        timeline=timeline, headline="Talks", date=date(2016, 11, 18), precision=Precision.DAY
    )
    CitationFactory(event=talks, source=SourceFactory(timeline=timeline, url="", published=None))
    EraFactory(
        timeline=timeline,
        title="The FD-2000 tender",
        slug="tender",
        date=date(2013, 9, 1),
        precision=Precision.MONTH,
        end_date=date(2015, 11, 1),
        end_precision=Precision.MONTH,
        colour="amber",
    )
    return timeline


@pytest.fixture
def openapi(client):
    document = client.get(reverse("public:api_openapi")).json()
    assert document["openapi"].startswith("3.1")
    return document


def validate(openapi, instance, schema_name):
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": openapi["components"]}
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(instance)


def response_schema(openapi, path, status="200"):
    content = openapi["paths"][path]["get"]["responses"][status]["content"]
    return content["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]


def test_timeline_list_matches_its_description_and_hides_private_ones(client, openapi, timeline):
    TimelineFactory(title="Secret", is_public=False)
    response = client.get(reverse("public:api_timelines"))
    data = response.json()
    validate(openapi, data, response_schema(openapi, "/timelines/"))
    assert [t["slug"] for t in data["timelines"]] == ["air"]
    listed = data["timelines"][0]
    assert listed["event_count"] == 2
    assert [era["title"] for era in listed["eras"]] == ["The FD-2000 tender"]
    assert client.get(listed["api_url"]).json()["slug"] == "air"


def test_one_timeline_matches_its_description_with_span_counts_eras_and_links(
    client, openapi, timeline
):
    response = client.get(reverse("public:api_timeline", args=["air"]))
    data = response.json()
    validate(openapi, data, response_schema(openapi, "/timelines/{slug}/"))
    assert (data["title"], data["description"]) == ("Air defense", "Missiles.")
    assert (data["event_count"], data["key_event_count"]) == (2, 1)
    assert data["span"] == {
        "start": "2013",
        "precision": "year",
        "end": "2016",
        "end_precision": "year",
        "circa": False,
        "edtf": "2013/2016",
        "display": "2013 – 2016",
    }
    (era,) = data["eras"]
    assert era == {
        "title": "The FD-2000 tender",
        "slug": "tender",
        "colour": "amber",
        "date": {
            "start": "2013-09",
            "precision": "month",
            "end": "2015-11",
            "end_precision": "month",
            "circa": False,
            "edtf": "2013-09/2015-11",
            "display": "September 2013 – November 2015",
        },
    }
    timeline.refresh_from_db()
    assert data["updated"] == timeline.content_updated_at.isoformat()
    assert data["url"].endswith("/timelines/air/") and data["feed_url"].endswith("/air/feed/")
    assert client.get(data["events_url"]).json()["count"] == 2
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_timeline_without_events_has_no_span(client, openapi):
    TimelineFactory(slug="empty")
    data = client.get(reverse("public:api_timeline", args=["empty"])).json()
    validate(openapi, data, "TimelineDetail")
    assert data["span"] is None and data["event_count"] == 0 and data["eras"] == []


def test_events_match_their_description_with_dates_at_precision(client, openapi, timeline):
    data = client.get(reverse("public:api_events", args=["air"])).json()
    validate(openapi, data, response_schema(openapi, "/timelines/{slug}/events/"))
    first, second = data["results"]
    assert first["date"] == {
        "start": "2013",
        "precision": "year",
        "end": "2015",
        "end_precision": "year",
        "circa": True,
        "edtf": "2013~/2015~",
        "display": "c. 2013 – 2015",
    }
    assert first["key"] is True and first["link"]["title"] == "A video about the talks"
    assert second["date"]["edtf"] == "2016-11-18" and second["sources"][0]["url"] is None
    assert second["url"].endswith(f"/timelines/air/events/{second['id']}/")


def test_events_take_the_page_filters_and_paginate(client, openapi, timeline):
    url = reverse("public:api_events", args=["air"])
    assert [e["headline"] for e in client.get(url, {"key": "on"}).json()["results"]] == [
        "Negotiations"
    ]
    assert client.get(url, {"start": 2016}).json()["count"] == 1
    for _n in range(100):
        EventFactory(timeline=timeline, date=date(2020, 1, 1))
    data = client.get(url).json()
    validate(openapi, data, "EventPage")
    assert (data["count"], data["pages"], len(data["results"])) == (102, 2, 100)
    assert data["next"].endswith("?page=2") and data["previous"] is None
    second = client.get(data["next"]).json()
    assert len(second["results"]) == 2 and second["previous"].endswith("?page=1")


def test_bad_filters_are_a_400_in_the_described_shape(client, openapi, timeline):
    response = client.get(reverse("public:api_events", args=["air"]), {"start": "soon"})
    assert response.status_code == 400
    validate(openapi, response.json(), response_schema(openapi, "/timelines/{slug}/events/", "400"))


def test_private_timelines_are_invisible(client):
    TimelineFactory(slug="secret", is_public=False)
    assert client.get(reverse("public:api_events", args=["secret"])).status_code == 404
    assert client.get(reverse("public:api_timeline", args=["secret"])).status_code == 404
    assert client.get(reverse("public:api_timelines")).json() == {"timelines": []}


def test_any_origin_may_read_but_nobody_may_write(client, timeline):
    url = reverse("public:api_events", args=["air"])
    for _ in range(2):  # the second answer comes from the cache
        assert client.get(url)["Access-Control-Allow-Origin"] == "*"
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405
    assert client.delete(url).status_code == 405
