"""The reader's view: axis, key events, eras, facts at the top, filters, event neighbours."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.conftest import visible_text
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
    timeline = TimelineFactory(slug="air", title="Air defense")
    for headline, day, precision, key in [
        ("Tender opens", date(2013, 1, 1), Precision.YEAR, False),
        ("FD-2000 chosen", date(2013, 9, 1), Precision.MONTH, True),
        ("Award cancelled", date(2015, 11, 1), Precision.MONTH, True),
        ("Talks with Russia", date(2017, 1, 25), Precision.DAY, False),
    ]:
        event = EventFactory(
            timeline=timeline, headline=headline, date=day, precision=precision, is_key=key
        )
        CitationFactory(event=event, source=SourceFactory(timeline=timeline, url=""))
    EraFactory(
        timeline=timeline,
        title="The FD-2000 tender",
        slug="fd-2000-tender",
        date=date(2013, 1, 1),
        end_date=date(2015, 11, 1),
        end_precision=Precision.MONTH,
        colour="blue",
    )
    return timeline


def get(client, timeline, **params):
    return client.get(reverse("public:timeline", args=[timeline.slug]), params).content.decode()


def test_a_long_quiet_stretch_is_one_marker_with_its_span(client, timeline):
    text = visible_text(get(client, timeline))
    assert "14 months later" in text  # end of November 2015 to 25 January 2017


def test_events_sit_on_the_axis_with_markers_by_precision_and_key_events_stand_out(
    client, timeline
):
    content = get(client, timeline)
    assert 'class="axis"' in content
    assert "marker-year" in content and "marker-month" in content and "marker-day" in content
    assert content.count("Key event</strong>") == 2
    assert content.count('class="event marker-month key era-blue"') == 2


def test_key_events_only_gives_the_short_version(client, timeline):
    content = get(client, timeline)
    assert "?key=on" in content and "Key events only (2)" in content
    short = visible_text(get(client, timeline, key="on"))
    assert "FD-2000 chosen" in short and "Award cancelled" in short
    assert "Tender opens" not in short and "Talks with Russia" not in short
    assert "2 of 4 events match. Show all 4" in short


def test_eras_are_headings_on_the_axis_and_listed_to_jump_to(client, timeline):
    content = get(client, timeline)
    assert 'id="era-fd-2000-tender"' in content
    assert content.count('id="era-fd-2000-tender"') == 1
    assert 'href="?page=1#era-fd-2000-tender"' in content
    assert '<rect class="era-blue"' in content  # on the overview strip


def test_the_top_says_the_span_and_when_it_was_last_updated(client, timeline):
    text = visible_text(get(client, timeline))
    assert "4 events 2013 – 2017 Last updated" in text
    content = get(client, timeline)
    assert "?page=1#beginning" in content and "?page=last#latest" in content
    assert 'id="beginning"' in content and 'id="latest"' in content


def test_page_last_is_the_page_with_the_latest_events(client):
    timeline = TimelineFactory()
    for n in range(101):
        EventFactory(timeline=timeline, headline=f"Event {n:03}", date=date(2000 + n // 12, 1, 1))
    content = get(client, timeline, page="last")
    assert "Page 2 of 2" in content and 'id="latest"' in content


def test_filters_fold_behind_a_disclosure_open_when_filtering(client, timeline):
    assert '<details class="filter-disclosure">' in get(client, timeline)
    assert '<details class="filter-disclosure" open>' in get(client, timeline, q="Talks")


def test_show_all_is_inside_the_results_htmx_replaces(client, timeline):
    url = reverse("public:timeline", args=[timeline.slug])
    fragment = client.get(url, {"q": "Talks"}, headers={"HX-Request": "true"}).content.decode()
    assert "Show all 4" in fragment and "<html" not in fragment


def test_a_source_without_url_says_so(client, timeline):
    assert "(not online: no link)" in get(client, timeline)


def test_event_page_names_its_sources_once_and_links_to_neighbours(client, timeline):
    events = list(timeline.events.in_date_order())
    content = client.get(events[1].get_absolute_url()).content.decode()
    text = visible_text(content)
    assert '<h2 class="sources-count">1 source</h2>' in content
    assert "Sources" not in text
    assert "← Previous 2013 Tender opens" in text and "Next → November 2015 Award cancelled" in text
    first = visible_text(client.get(events[0].get_absolute_url()).content.decode())
    assert "This is the first event." in first
    last = visible_text(client.get(events[-1].get_absolute_url()).content.decode())
    assert "This is the latest event." in last


def test_neighbours_stay_in_the_timeline(client, timeline):
    other = EventFactory(headline="Elsewhere", date=date(2014, 1, 1))
    content = client.get(timeline.events.get(headline="FD-2000 chosen").get_absolute_url())
    assert "Elsewhere" not in content.content.decode()
    assert other.timeline != timeline


def test_neighbours_follow_date_order_through_events_of_the_same_first_day(client):
    timeline = TimelineFactory()
    year = EventFactory(timeline=timeline, headline="The year", date=date(2015, 1, 1))
    month = EventFactory(
        timeline=timeline, headline="The month", date=date(2015, 1, 1), precision=Precision.MONTH
    )
    day = EventFactory(
        timeline=timeline, headline="The day", date=date(2015, 1, 1), precision=Precision.DAY
    )
    later = EventFactory(timeline=timeline, headline="Later", date=date(2016, 1, 1))
    assert timeline.events.neighbours(month) == (year, day)
    assert timeline.events.neighbours(day) == (month, later)
    assert timeline.events.neighbours(year) == (None, month)
    assert timeline.events.position(later) == 3


def test_model_names_never_break_at_their_hyphen_on_public_pages(client):
    timeline = TimelineFactory(title="The FD-2000 affair", description="Then the S-400.")
    event = EventFactory(timeline=timeline, headline="Turkey picks the FD-2000")
    source = SourceFactory(timeline=timeline, text="Talks on the S-400 began.")
    CitationFactory(event=event, source=source)
    page = client.get(timeline.get_absolute_url()).content.decode()
    assert '<h1>The <span class="nobr">FD-2000</span> affair</h1>' in page
    assert 'Turkey picks the <span class="nobr">FD-2000</span></a>' in page
    assert '<blockquote>Talks on the <span class="nobr">S-400</span> began.</blockquote>' in page
    event_page = client.get(event.get_absolute_url()).content.decode()
    assert '<h1>Turkey picks the <span class="nobr">FD-2000</span></h1>' in event_page
    assert "<title>Turkey picks the FD-2000 (2013)" in event_page  # no markup in the title


def test_a_link_card_shows_on_the_timeline_page_as_on_the_events_own_page(client, timeline):
    event = timeline.events.get(headline="Talks with Russia")
    event.link_url = "https://www.video.example.org/watch/1"
    event.link_title = "The talks, filmed"
    event.save()
    card = '<p class="link-card"><a href="https://www.video.example.org/watch/1"'
    pages = [
        client.get(reverse("public:timeline", args=[timeline.slug])).content.decode(),
        client.get(reverse("public:event", args=[timeline.slug, event.pk])).content.decode(),
    ]
    blocks = [page[page.index(card) : page.index("</p>", page.index(card))] for page in pages]
    assert blocks[0] == blocks[1]
    assert '<span class="link-host">video.example.org</span>' in blocks[0]
    assert pages[0].count('class="link-card"') == 1
