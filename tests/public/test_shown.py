"""The page's events and the sources under them, read as plain rows in one query."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import CitationFactory, EventFactory, SourceFactory, TimelineFactory
from timeline.models import Event
from timeline.periods import Period, Precision
from timeline.public.shown import page_rows
from timeline.templatetags.timeline_tags import sources, sources_html

pytestmark = pytest.mark.django_db


def test_citations_come_by_event_in_the_event_pages_order_sharing_their_sources(
    django_assert_num_queries,
):
    timeline = TimelineFactory()
    first, second, uncited = EventFactory.create_batch(3, timeline=timeline)
    later = SourceFactory(timeline=timeline, title="B later", published=date(2016, 3, 1))
    earlier = SourceFactory(timeline=timeline, title="A earlier", published=date(2015, 1, 9))
    CitationFactory(event=first, source=later)
    CitationFactory(event=first, source=earlier)
    CitationFactory(event=second, source=later)
    with django_assert_num_queries(1):
        shown, found = page_rows(timeline.events.values("pk"))
    assert [event.pk for event in shown] == [first.pk, second.pk, uncited.pk]
    assert [c.source.title for c in found[first.pk]] == ["A earlier", "B later"]
    assert list(first.citations.order_by("source__published").values_list("quote", flat=True)) == [
        c.quote for c in found[first.pk]
    ]
    assert found[second.pk][0].source is found[first.pk][1].source
    assert uncited.pk not in found
    assert found[first.pk][0].source.published_display == "9 January 2015"
    assert found[first.pk][0].source.published_iso == "2015-01-09"


def test_events_come_once_each_in_date_order_with_what_the_page_prints_of_them():
    timeline = TimelineFactory()
    ranged = EventFactory(
        timeline=timeline,
        headline="Talks",
        description="Held in Ankara.",
        date=date(2015, 8, 1),
        precision=Precision.MONTH,
        end_date=date(2016, 1, 1),
        end_precision=Precision.YEAR,
        circa=True,
        is_key=True,
    )
    earlier = EventFactory(timeline=timeline, date=date(2013, 1, 1), precision=Precision.YEAR)
    for _ in range(3):
        CitationFactory(event=ranged, source=SourceFactory(timeline=timeline))
    shown, cited = page_rows(timeline.events.values("pk"))
    # Once each, however many rows its citations make.
    assert [event.pk for event in shown] == [earlier.pk, ranged.pk]
    assert len(cited[ranged.pk]) == 3
    talks = shown[1]
    assert (talks.headline, talks.description, talks.circa, talks.is_key) == (
        "Talks",
        "Held in Ankara.",
        True,
        True,
    )
    assert talks.period == Period.parse("2015-08/2016")
    assert talks.media is None


def test_an_event_with_media_keeps_an_event_instance_that_needs_no_further_query(
    django_assert_num_queries,
):
    timeline = TimelineFactory()
    EventFactory(timeline=timeline, headline="Plain")
    linked = EventFactory(
        timeline=timeline,
        headline="Filmed",
        link_url="https://www.video.example.org/watch/1",
        link_title="The signing, filmed",
    )
    with django_assert_num_queries(1):
        shown, _ = page_rows(timeline.events.values("pk"))
        media = {event.headline: event.media for event in shown}
        assert media["Plain"] is None
        assert isinstance(media["Filmed"], Event) and media["Filmed"].pk == linked.pk
        assert media["Filmed"].link_title == "The signing, filmed"
        assert media["Filmed"].link_host == "video.example.org"


def test_a_source_several_events_cite_is_written_once_and_the_same_under_each():
    timeline = TimelineFactory()
    first, second = EventFactory.create_batch(2, timeline=timeline)
    shared = SourceFactory(timeline=timeline, title="Shared wire", url="https://a.example/1")
    own = SourceFactory(timeline=timeline, title="Second's own", url="")
    CitationFactory(event=first, source=shared, quote="First's sentence.")
    CitationFactory(event=second, source=shared, quote="Second's sentence.")
    CitationFactory(event=second, source=own)
    _, cited = page_rows(timeline.events.values("pk"))
    lines = {}
    written = [sources_html(cited[event.pk], lines=lines) for event in (first, second)]
    # As each event's sources are written alone, and the shared source's line made once.
    assert written == [sources(cited[event.pk]) for event in (first, second)]
    assert len(lines) == 2
    assert "Shared wire" in written[1] and "Second&#x27;s own" in written[1]
    assert "Second&#x27;s sentence." in written[1] and "First&#x27;s" not in written[1]
