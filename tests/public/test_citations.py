"""The sources under the page's events, read as plain rows."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import CitationFactory, EventFactory, SourceFactory, TimelineFactory
from timeline.public.citations import citations_by_event

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
        found = citations_by_event([first.pk, second.pk, uncited.pk])
    assert [c.source.title for c in found[first.pk]] == ["A earlier", "B later"]
    assert list(first.citations.order_by("source__published").values_list("quote", flat=True)) == [
        c.quote for c in found[first.pk]
    ]
    assert found[second.pk][0].source is found[first.pk][1].source
    assert uncited.pk not in found
    assert found[first.pk][0].source.published_display == "9 January 2015"
    assert found[first.pk][0].source.published_iso == "2015-01-09"
