"""Confirm on a source's page warns when a likely-same event exists and offers Merge first."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import EventFactory, SourceFactory, TimelineFactory
from timeline import services
from timeline.periods import Precision

pytestmark = pytest.mark.django_db

TEXT = "Eleven workers were killed when the Deepwater Horizon rig exploded on Tuesday."


@pytest.fixture
def source():
    timeline = TimelineFactory()
    source = SourceFactory(timeline=timeline, text=TEXT, published=date(2010, 4, 21))
    services.propose_events(source=source)
    return source


def page(editor_client, source) -> str:
    return editor_client.get(reverse("review:source", args=[source.pk])).content.decode()


def test_a_same_event_on_a_neighbouring_day_puts_merge_first(editor_client, source):
    event = EventFactory(
        timeline=source.timeline,
        headline="The Deepwater Horizon rig exploded, eleven workers killed",
        date=date(2010, 4, 21),  # another outlet dated it a day later
        precision=Precision.DAY,
    )
    html = page(editor_client, source)
    assert "Likely already an event" in html and event.headline in html
    assert "Confirm as a new event anyway" in html
    assert html.index("Merge into it") < html.index("Confirm as a new event anyway")


def test_different_wording_or_a_distant_date_gives_no_warning(editor_client, source):
    EventFactory(
        timeline=source.timeline,
        headline="Senators questioned Halliburton executives",
        date=date(2010, 4, 20),
        precision=Precision.DAY,
    )
    EventFactory(
        timeline=source.timeline,
        headline="The Deepwater Horizon rig exploded, eleven workers killed",
        date=date(2010, 5, 20),
        precision=Precision.DAY,
    )
    html = page(editor_client, source)
    assert "Likely already an event" not in html
    assert ">Confirm <kbd>" in html
