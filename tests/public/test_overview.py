"""The top of the public page: counts read from the date index agree with counting every event."""

from __future__ import annotations

import random
from datetime import date

import pytest
from django.db import connection
from django.http import QueryDict
from django.urls import reverse

from tests.factories import CitationFactory, EraFactory, EventFactory, TimelineFactory
from timeline.models import Event
from timeline.periods import Precision
from timeline.public import overview
from timeline.public.forms import EventFilterForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline():
    """Events over eleven years, some of them ranges, with eras that start and end mid-year."""
    timeline = TimelineFactory(slug="counted")
    rng = random.Random(12)
    for n in range(120):
        day = date(2005 + rng.randrange(11), 1 + rng.randrange(12), 1 + rng.randrange(28))
        ranged = n % 7 == 0
        EventFactory(
            timeline=timeline,
            headline=f"Event {n}" + (" about talks" if n % 3 == 0 else ""),
            date=day,
            precision=Precision.DAY,
            end_date=day.replace(year=day.year + 1) if ranged else None,
            end_precision=Precision.DAY if ranged else None,
            is_key=n % 4 == 0,
        )
    EventFactory(timeline=TimelineFactory(slug="other"), date=date(1990, 1, 1))
    EraFactory(timeline=timeline, slug="a", date=date(2006, 5, 17), end_date=date(2008, 2, 1))
    EraFactory(timeline=timeline, slug="b", date=date(2009, 7, 1), end_date=date(2009, 9, 30))
    EraFactory(timeline=timeline, slug="c", date=date(2014, 12, 31), end_date=date(2020, 1, 1))
    # One from the first of January: none of its year's events come before it.
    EraFactory(timeline=timeline, slug="d", date=date(2011, 1, 1), end_date=date(2011, 6, 30))
    return timeline


def counted_one_by_one(events, eras):
    """What the overview should say, from every event in Python."""
    by_year: dict[int, int] = {}
    for event in events:
        by_year[event.date.year] = by_year.get(event.date.year, 0) + 1
    by_era = {
        era.pk: (
            sum(event.date < era.date for event in events),
            sum(era.date <= event.date <= era.period.final_day for event in events),
        )
        for era in eras
    }
    return by_year, by_era


@pytest.mark.parametrize(
    "query", ["", "key=on", "start=2008&end=2011", "start=2012", "q=talks", "q=talks&key=on"]
)
def test_counts_by_year_and_era_agree_with_counting_every_event(timeline, query):
    form = EventFilterForm(QueryDict(query) or None)
    events = form.filter(timeline.events.all())
    eras = list(timeline.eras.all())
    whole = overview.facts(timeline)
    by_year, by_era = overview.counts(
        events, overview._years(whole), eras, searched=form.is_searching
    )
    expected_years, expected_eras = counted_one_by_one(list(events), eras)
    assert {year: n for year, n in by_year.items() if n} == expected_years
    assert by_era == expected_eras


def test_counting_by_ranges_and_in_one_grouped_pass_agree(timeline):
    events = timeline.events.filter(is_key=False)
    eras = list(timeline.eras.all())
    years = overview._years(overview.facts(timeline))
    by_year, by_era = overview.counts(events, years, eras)
    grouped_years, grouped_eras = overview.counts(events, years, eras, searched=True)
    assert {year: n for year, n in by_year.items() if n} == grouped_years
    assert by_era == grouped_eras


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's DateStyle")
def test_searched_counts_hold_whatever_date_style_the_server_writes(timeline):
    events = timeline.events.search("talks")
    eras = list(timeline.eras.all())
    years = overview._years(overview.facts(timeline))
    with connection.cursor() as cursor:
        cursor.execute("SET datestyle = 'German, DMY'")
        try:
            counted = overview.counts(events, years, eras, searched=True)
        finally:
            cursor.execute("RESET datestyle")
    assert counted == counted_one_by_one(list(events), eras)


def test_facts_are_the_whole_timelines_whatever_the_filters(client, timeline):
    events = list(timeline.events.all())
    facts = overview.facts(timeline)
    assert facts.count == len(events) == 120
    assert facts.key_count == sum(event.is_key for event in events)
    assert facts.first_year == min(event.date for event in events).year
    latest_end = max(event.end_date or event.date for event in events)
    assert facts.last_year == latest_end.year
    assert facts.last_start_year == max(event.date for event in events).year
    content = client.get(reverse("public:timeline", args=["counted"]), {"q": "talks"})
    assert f"of {len(events)} events match" in content.content.decode()


def test_an_empty_timeline_has_no_facts_and_no_bars(client):
    empty = TimelineFactory(slug="empty")
    assert overview.facts(empty).first_year is None
    top = overview.overview(empty, empty.events.all(), [], 100, filtered=False)
    assert top.bars == [] and top.facts.count == 0


def test_the_overview_takes_two_queries_filtered_or_not(timeline, django_assert_num_queries):
    eras = list(timeline.eras.all())
    for query in ["", "key=on&start=2008", "q=talks"]:
        form = EventFilterForm(QueryDict(query) or None)
        events = form.filter(timeline.events.all())
        with django_assert_num_queries(2):
            overview.overview(
                timeline,
                events,
                eras,
                100,
                filtered=form.is_filtering,
                searched=form.is_searching,
            )


@pytest.mark.parametrize(
    "suffix", ["", "?page=last", "?key=on", "?q=talks&start=2006", "embed/?event=FIRST"]
)
def test_a_page_takes_as_many_queries_at_120_events_as_at_10(client, suffix):
    def queries_at(count: int) -> int:
        timeline = TimelineFactory(slug=f"t{count}")
        EraFactory(timeline=timeline, date=date(2001, 3, 1), end_date=date(2002, 1, 1))
        for n in range(count):
            event = EventFactory(
                timeline=timeline,
                headline=f"Event {n} talks",
                date=date(2000 + n % 9, 1 + n % 12, 1),
                is_key=n % 5 == 0,
            )
            CitationFactory(event=event)
        first = timeline.events.in_date_order().first()
        url = reverse("public:timeline", args=[timeline.slug]) + suffix.replace(
            "FIRST", str(first.pk)
        )
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert queries_at(10) == queries_at(120)


def test_a_deep_page_shows_its_events_in_date_order_with_their_sources(client):
    timeline = TimelineFactory(slug="deep")
    for n in range(230):
        event = EventFactory(timeline=timeline, headline=f"Event {n:03}", date=date(2000 + n, 1, 1))
        CitationFactory(event=event, quote=f"Quote {n:03}.")
    content = client.get(reverse("public:timeline", args=["deep"]), {"page": 2}).content.decode()
    axis = content[content.index('class="axis"') :]
    shown = [n for n in range(230) if f">Event {n:03}<" in axis]
    assert shown == list(range(100, 200))
    assert axis.index(">Event 100<") < axis.index("Quote 100.") < axis.index(">Event 101<")
    assert sorted(shown, key=lambda n: axis.index(f">Event {n:03}<")) == shown


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the stored search documents")
def test_search_documents_follow_every_write_including_bulk_ones(client):
    timeline = TimelineFactory(slug="searched")
    saved = EventFactory(timeline=timeline, headline="Tender opened")
    saved.headline = "Deliveries postponed"
    saved.save()
    (bulk,) = Event.objects.bulk_create(
        [Event(timeline=timeline, headline="Contract signed", date=date(2019, 1, 1), precision=1)]
    )
    assert list(timeline.events.search("postponing")) == [saved]
    assert list(timeline.events.search("opened")) == []
    assert list(timeline.events.search("signing contracts")) == [bulk]
    CitationFactory(event=bulk, quote="The deliveries were postponed again.")
    assert list(timeline.events.search("postponing")) == [saved, bulk]


def test_a_timeline_reaching_the_calendars_last_day_is_counted():
    timeline = TimelineFactory(slug="far")
    EventFactory(timeline=timeline, date=date(9998, 3, 1))
    EventFactory(timeline=timeline, date=date(9999, 12, 31), precision=Precision.DAY)
    era = EraFactory(timeline=timeline, date=date(9999, 1, 1), end_date=date(9999, 12, 31))
    top = overview.overview(timeline, timeline.events.all(), [era], 100, filtered=False)
    assert [(bar.year, bar.count) for bar in top.bars] == [(9998, 1), (9999, 1)]
    assert [(link.count, link.page) for link in top.eras] == [(1, 1)]
