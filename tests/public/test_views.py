from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import (
    CitationFactory,
    EditorFactory,
    EraFactory,
    EventFactory,
    ProposalFactory,
    SourceFactory,
    TimelineFactory,
)
from timeline.models import Proposal
from timeline.periods import Precision

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline():
    return TimelineFactory(slug="air-defense", title="Air defense", description="Missiles.")


def event(timeline, headline, day, precision, **kwargs):
    created = EventFactory(
        timeline=timeline, headline=headline, date=day, precision=precision, **kwargs
    )
    CitationFactory(event=created, source=SourceFactory(timeline=timeline, title=f"On {headline}"))
    return created


@pytest.fixture
def events(timeline):
    return [
        event(timeline, "Tender held", date(2013, 1, 1), Precision.YEAR),
        event(timeline, "Patriots withdrawn", date(2015, 8, 1), Precision.MONTH),
        event(timeline, "Talks confirmed", date(2016, 11, 18), Precision.DAY),
        event(
            timeline,
            "Negotiations",
            date(2013, 1, 1),
            Precision.YEAR,
            end_date=date(2015, 1, 1),
            end_precision=Precision.YEAR,
        ),
        event(timeline, "Deal agreed", date(2017, 1, 1), Precision.YEAR, circa=True),
    ]


def page(client, timeline, **params):
    return client.get(reverse("public:timeline", args=[timeline.slug]), params)


def test_home_lists_public_timelines_only(client, timeline):
    TimelineFactory(title="Secret plans", is_public=False)
    content = client.get("/").content.decode()
    assert "Air defense" in content and "Secret plans" not in content


def test_timeline_shows_confirmed_events_in_date_order_grouped_by_year(client, timeline, events):
    content = page(client, timeline).content.decode()
    order = [content.index(h) for h in ["Tender held", "Negotiations", "Patriots", "Talks", "Deal"]]
    assert order == sorted(order)
    assert content.count("<h1>") == 1
    for year in (2013, 2015, 2016, 2017):
        assert f'<h2 id="year-{year}" class="year-marker">{year}</h2>' in content


def test_dates_show_at_their_precision_in_time_elements(client, timeline, events):
    content = page(client, timeline).content.decode()
    assert '<time datetime="2013">2013</time>' in content
    assert '<time datetime="2015-08">August 2015</time>' in content
    assert '<time datetime="2016-11-18">18 November 2016</time>' in content
    assert '<time datetime="2013">2013</time> – <time datetime="2015">2015</time>' in content
    assert 'c.</abbr> <time datetime="2017">2017</time>' in content


def test_pending_and_rejected_proposals_never_show(client, timeline, events):
    source = SourceFactory(timeline=timeline)
    ProposalFactory(source=source, headline="Pending rumour")
    ProposalFactory(source=source, headline="Rejected rumour", state=Proposal.State.REJECTED)
    content = page(client, timeline).content.decode()
    assert "rumour" not in content


def test_non_public_timeline_is_a_404_for_readers_but_visible_to_editors(client):
    hidden = TimelineFactory(is_public=False)
    hidden_event = EventFactory(timeline=hidden)
    urls = [
        reverse("public:timeline", args=[hidden.slug]),
        reverse("public:event", args=[hidden.slug, hidden_event.pk]),
        reverse("public:timelinejs_export", args=[hidden.slug]),
        reverse("public:csv_export", args=[hidden.slug]),
    ]
    assert [client.get(url).status_code for url in urls] == [404, 404, 404, 404]
    client.force_login(EditorFactory())
    assert [client.get(url).status_code for url in urls] == [200, 200, 200, 200]


def test_event_shows_its_sources_with_quotes_and_links(client, timeline):
    shown = event(timeline, "Deliveries", date(2019, 7, 12), Precision.DAY)
    for n in (2, 3):
        source = SourceFactory(
            timeline=timeline,
            publisher=f"Wire {n}",
            title=f"Report {n}",
            url=f"https://news.example/{n}",
        )
        CitationFactory(event=shown, source=source, quote=source.text)
    content = page(client, timeline).content.decode()
    assert "Cited by 3 sources" in content
    assert (
        '<a href="https://news.example/2" rel="noopener noreferrer nofollow">'
        '<span class="publisher">Wire 2</span>: Report 2</a>' in content
    )
    assert "<blockquote>Article" in content
    assert '<time datetime="2016-11-19">19 November 2016</time>' in content


def test_event_permalink_page_has_a_title_fit_for_sharing(client, timeline, events):
    target = events[1]
    response = client.get(target.get_absolute_url())
    content = response.content.decode()
    assert "<title>Patriots withdrawn (August 2015) · Air defense</title>" in content
    assert '<meta property="og:title" content="Patriots withdrawn (August 2015)">' in content
    assert content.count("<h1>") == 1
    other = EventFactory()
    assert client.get(reverse("public:event", args=[timeline.slug, other.pk])).status_code == 404


def test_filters_by_year_range_including_ranges_that_overlap(client, timeline, events):
    content = page(client, timeline, start=2014, end=2016).content.decode()
    assert "Patriots withdrawn" in content and "Talks confirmed" in content
    assert "Negotiations" in content  # 2013 – 2015 overlaps 2014
    assert "Tender held" not in content and "Deal agreed" not in content
    assert "3 of 5 events match." in content


def test_filters_by_text_in_headlines_descriptions_and_quotes(client, timeline, events):
    events[0].description = "Four bidders competed."
    events[0].save()
    assert "Tender held" in page(client, timeline, q="bidders").content.decode()
    quoted = page(client, timeline, q="on talks").content.decode()  # a source title is no quote
    assert "Talks confirmed" in quoted
    CitationFactory(event=events[2], quote="The minister spoke of radar.")
    by_quote = page(client, timeline, q="radar minister").content.decode()
    assert "Talks confirmed" in by_quote and "Tender held" not in by_quote


def test_reversed_year_range_says_so_and_shows_everything(client, timeline, events):
    content = page(client, timeline, start=2017, end=2013).content.decode()
    assert "“To year” is before “From year”." in content
    assert "Tender held" in content and "Deal agreed" in content


def test_htmx_filter_returns_only_the_results_fragment_and_varies(client, timeline, events):
    response = client.get(
        reverse("public:timeline", args=[timeline.slug]),
        {"q": "Patriots"},
        headers={"HX-Request": "true"},
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="results"')
    assert "<html" not in content and "<form" not in content
    assert "Patriots withdrawn" in content and "Tender held" not in content
    assert "HX-Request" in response["Vary"]
    plain = page(client, timeline, q="Patriots")
    assert "HX-Request" in plain["Vary"] and "<form" in plain.content.decode()


def test_overview_strip_counts_events_per_year_and_links_to_them(client, timeline, events):
    content = page(client, timeline).content.decode()
    assert 'href="?page=1#year-2013">' in content
    assert '<span class="year">2013</span> <span class="count">2<' in content
    assert '<span class="year">2014</span> <span class="count">0<' in content
    assert content.count('href="?page=1#year-') == 4
    assert 'height="40"/>' in content and 'height="0"/>' in content


def test_overview_links_to_the_page_a_year_starts_on(client, timeline, settings, monkeypatch):
    monkeypatch.setattr("timeline.public.views.EVENTS_PER_PAGE", 2)
    for year in (2010, 2011, 2012):
        event(timeline, f"Event of {year}", date(year, 1, 1), Precision.YEAR)
    content = page(client, timeline).content.decode()
    assert 'href="?page=2#year-2012"' in content
    second = page(client, timeline, page=2).content.decode()
    assert "Event of 2012" in second and "Event of 2010" not in second
    assert 'rel="prev" href="?page=1"' in second


def test_timelinejs_export_has_the_timelinejs3_structure(client, timeline, events):
    response = client.get(reverse("public:timelinejs_export", args=[timeline.slug]))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert 'filename="air-defense-timelinejs.json"' in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["title"]["text"]["headline"] == "Air defense"
    slides = {s["text"]["headline"]: s for s in data["events"]}
    assert slides["Tender held"]["start_date"] == {"year": 2013}
    assert slides["Patriots withdrawn"]["start_date"] == {"year": 2015, "month": 8}
    assert slides["Talks confirmed"]["start_date"] == {"year": 2016, "month": 11, "day": 18}
    assert slides["Negotiations"]["end_date"] == {"year": 2015}
    assert slides["Deal agreed"]["display_date"] == "c. 2017"
    for slide in data["events"]:
        assert set(slide) >= {"start_date", "text", "unique_id"}
        assert slide["unique_id"].startswith("event-")
        assert "Sources (1)" in slide["text"]["text"]
    assert len({s["unique_id"] for s in data["events"]}) == len(events)


def test_csv_export_has_one_row_per_event_at_its_precision(client, timeline, events):
    response = client.get(reverse("public:csv_export", args=[timeline.slug]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="air-defense-events.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["date"], r["precision"], r["end_date"], r["headline"]) for r in rows] == [
        ("2013", "year", "", "Tender held"),
        ("2013", "year", "2015", "Negotiations"),
        ("2015-08", "month", "", "Patriots withdrawn"),
        ("2016-11-18", "day", "", "Talks confirmed"),
        ("2017", "year", "", "Deal agreed"),
    ]
    assert rows[0]["sources"].startswith("Test Wire — On Tender held")
    assert rows[0]["permalink"].endswith(f"/timelines/air-defense/events/{events[0].pk}/")


def test_exports_hold_confirmed_events_of_this_timeline_only(client, timeline, events):
    EventFactory(headline="Elsewhere")
    ProposalFactory(source=SourceFactory(timeline=timeline), headline="Pending rumour")
    for name in ("public:timelinejs_export", "public:csv_export"):
        body = client.get(reverse(name, args=[timeline.slug])).content.decode()
        assert "Elsewhere" not in body and "rumour" not in body


def test_csv_export_keeps_formulas_as_text(client, timeline):
    EventFactory(timeline=timeline, headline='=HYPERLINK("http://evil")')
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("public:csv_export", args=[timeline.slug])).content.decode()
            )
        )
    )
    assert rows[1][6].startswith("'=")


def test_hostile_text_renders_as_text(client, timeline):
    hostile = EventFactory(
        timeline=timeline, headline='<script>alert("x")</script>', description="<b onclick=x>"
    )
    source = SourceFactory(timeline=timeline, title="<img src=x onerror=alert(1)>", url="")
    CitationFactory(event=hostile, source=source, quote="<a href='javascript:alert(1)'>q</a>")
    linked = SourceFactory(
        timeline=timeline, publisher="<i>Wire</i>", url='https://a.example/?"><b>x'
    )
    CitationFactory(event=hostile, source=linked)
    content = page(client, timeline).content.decode()
    assert "<script>alert" not in content and "<img src=x" not in content
    assert "<i>Wire" not in content and '"><b>x' not in content
    assert 'href="https://a.example/?&quot;&gt;&lt;b&gt;x"' in content
    assert "&lt;script&gt;" in content
    assert "&lt;a href=&#x27;javascript:alert(1)&#x27;&gt;q&lt;/a&gt;" in content
    data = client.get(reverse("public:timelinejs_export", args=[timeline.slug])).content.decode()
    assert "<script>" not in data and "<img" not in data


@pytest.mark.parametrize("count", [10, 100])
def test_public_page_and_exports_take_a_fixed_number_of_queries(
    client, timeline, django_assert_max_num_queries, count
):
    for n in range(count):
        event(timeline, f"Event {n}", date(2000 + n % 20, 1 + n % 12, 1), Precision.MONTH)
    EraFactory(timeline=timeline, slug="early", date=date(2000, 1, 1), end_date=date(2004, 1, 1))
    EraFactory(timeline=timeline, slug="late", date=date(2010, 1, 1), end_date=date(2019, 1, 1))
    first = timeline.events.in_date_order().first()
    slug = timeline.slug
    for url, queries in [
        # timeline, eras, facts, counts by year and era, the page's events with their citations
        (reverse("public:timeline", args=[slug]), 5),
        (reverse("public:timeline", args=[slug]) + "?key=on&q=Event", 5),
        # timeline, event, citations, same day, nearest before and after, their rows
        (reverse("public:event", args=[slug, first.pk]), 7),
        # timeline, its blocks, their spans' checksums; none stored yet: the events'
        # versions, citations, sources, events, upsert (in a savepoint, in a test)
        (reverse("public:timelinejs_export", args=[slug]), 10),
        (reverse("public:csv_export", args=[slug]), 10),
        (reverse("public:feed", args=[slug]), 2),
        # timeline, count, events, citations
        (reverse("public:api_events", args=[slug]), 4),
        # timelines with their counts, their eras
        (reverse("public:api_timelines"), 2),
        # timeline, counts and span, eras
        (reverse("public:api_timeline", args=[slug]), 3),
        # timeline, the event, its day, events before it, count, eras, events with citations
        (reverse("public:embed", args=[slug]) + f"?event={first.pk}", 7),
        (reverse("public:share_image", args=[slug]), 2),
    ]:
        with django_assert_max_num_queries(queries, info=url):
            assert client.get(url).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")
def test_search_on_postgresql_is_full_text_with_stemming(client, timeline, events):
    content = page(client, timeline, q="talking confirmations").content.decode()
    assert "Talks confirmed" in content and "Tender held" not in content


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the portable search")
def test_search_elsewhere_needs_every_word_in_any_case(client, timeline, events):
    assert "Talks confirmed" in page(client, timeline, q="TALKS conf").content.decode()
    assert "Talks confirmed" not in page(client, timeline, q="talking").content.decode()


@pytest.mark.parametrize("name", ["list", "timeline", "event", "timelinejs", "csv"])
def test_public_pages_answer_head_requests(client, timeline, events, name):
    event = events[0]
    url = {
        "list": reverse("public:timeline_list"),
        "timeline": reverse("public:timeline", args=[timeline.slug]),
        "event": reverse("public:event", args=[timeline.slug, event.pk]),
        "timelinejs": reverse("public:timelinejs_export", args=[timeline.slug]),
        "csv": reverse("public:csv_export", args=[timeline.slug]),
    }[name]
    response = client.head(url)
    assert response.status_code == 200
    assert response.content == b""


def test_pages_name_a_favicon_and_favicon_ico_leads_to_it(client, timeline):
    content = client.get(reverse("public:timeline", args=[timeline.slug])).content.decode()
    assert 'rel="icon" href="/static/timeline/favicon.svg"' in content
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/timeline/favicon.svg"
    assert client.get(response["Location"]).status_code == 200


def test_every_page_shows_the_events_counted_from_the_start_ties_and_ranges_included(timeline):
    # Pages are picked from the nearer end of the date index, or from the first of January
    # of their year counting on or the last day of a year counting back: each must hold
    # exactly the events the forward order puts there, through ties on the first day.
    from django.core.paginator import Paginator

    from timeline.public.overview import counts, year_bars
    from timeline.public.views import page_pks

    for n in range(5):
        for precision in (Precision.YEAR, Precision.MONTH, Precision.DAY):
            EventFactory(timeline=timeline, date=date(2010 + n, 1, 1), precision=precision)
        EventFactory(
            timeline=timeline,
            date=date(2010 + n, 1, 1),
            precision=Precision.YEAR,
            end_date=date(2012 + n, 1, 1),
            end_precision=Precision.YEAR,
        )
        for k in range(n):  # years of 4 to 9 events, some ending on the last day
            when = date(2010 + n, 3 + 3 * k, 1 + k)
            EventFactory(timeline=timeline, date=when, precision=Precision.DAY)
        if n % 2:
            EventFactory(timeline=timeline, date=date(2010 + n, 12, 31), precision=Precision.DAY)
    events = timeline.events.all()
    years = year_bars(counts(events, range(2010, 2015))[0], 3)
    in_order = list(events.in_date_order().values_list("pk", flat=True))
    for per_page in (3, 5, 7):
        paginator = Paginator(events.in_date_order(), per_page)
        for number in paginator.page_range:
            first = (number - 1) * per_page
            expected = in_order[first : first + per_page]
            for bars in ((), years):
                picked = page_pks(paginator.page(number), bars)
                shown = events.filter(pk__in=picked).in_date_order()
                assert list(shown.values_list("pk", flat=True)) == expected, (per_page, number)


def test_an_empty_timeline_has_an_empty_page(client, timeline):
    assert "No confirmed events yet." in page(client, timeline).content.decode()


def test_from_year_keeps_every_range_running_into_it_however_early_it_began(client, timeline):
    def ranged(headline, first, last):
        end = {"end_date": date(last, 1, 1), "end_precision": Precision.YEAR}
        return event(timeline, headline, date(first, 1, 1), Precision.YEAR, **end)

    ranged("Long embargo", 1990, 2005)
    event(timeline, "Early order", date(1992, 1, 1), Precision.YEAR)
    ranged("Later talks", 1995, 2003)
    ranged("Finished trial", 1996, 1999)
    event(timeline, "Delivery", date(2001, 1, 1), Precision.YEAR)
    content = page(client, timeline, start=2000).content.decode()
    assert "Long embargo" in content and "Later talks" in content and "Delivery" in content
    assert "Early order" not in content and "Finished trial" not in content
    assert "3 of 5 events match." in content
