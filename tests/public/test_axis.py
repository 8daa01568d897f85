from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from timeline.models import Era
from timeline.periods import Period, Precision
from timeline.public.axis import Gap, axis


def event(value: str, pk: int = 0):
    citations = SimpleNamespace(all=list)
    return SimpleNamespace(pk=pk, period=Period.parse(value), citations=citations)


def era(pk: int, start: str, end: str) -> Era:
    first, last = Period.parse(start), Period.parse(end)
    return Era(
        pk=pk,
        slug=f"e{pk}",
        date=first.start,
        precision=first.precision,
        end_date=last.start,
        end_precision=last.precision,
    )


def test_a_long_quiet_stretch_is_collapsed_with_its_span_written_out():
    groups = axis([event("2015-11-20"), event("2017-01-25")], [], str)
    assert [g.year for g in groups] == [2015, 2017]
    assert groups[1].gap.size == "collapsed"
    assert groups[1].gap.text == "14 months later"


def test_short_gaps_are_space_without_words_and_years_are_counted_past_two():
    assert Gap(20).size == "narrow" and Gap(20).text == ""
    assert Gap(90).size == "wide" and Gap(90).text == "3 months later"
    assert Gap(4 * 365).text == "4 years later"


def test_a_range_covers_the_time_it_spans_so_no_gap_shows_inside_it():
    groups = axis([event("2013/2015"), event("2015-08"), event("2015-09-01")], [], str)
    entries = groups[0].entries + groups[1].entries
    assert groups[1].gap is None
    assert all(entry.gap is None for entry in entries)


def test_markers_follow_precision():
    markers = [
        entry.marker
        for group in axis(
            [event("2013"), event("2013/2014"), event("2014-03"), event("2014-03-02")], [], str
        )
        for entry in group.entries
    ]
    assert markers == ["year", "range", "month", "day"]


def test_each_event_carries_its_era_and_an_era_opens_once_a_page():
    eras = [era(1, "2013", "2015-11"), era(2, "2016-11", "2019-07-12")]
    groups = axis(
        [event("2013-09"), event("2015-11"), event("2016-11-18"), event("2018")], eras, str
    )
    entries = [entry for group in groups for entry in group.entries]
    assert [e.era.pk if e.era else None for e in entries] == [1, 1, 2, 2]
    assert [e.opens_era for e in entries] == [True, False, True, False]


def test_an_era_contains_events_that_start_in_it():
    fd2000 = era(1, "2013", "2015-11")
    assert fd2000.contains(Period(date(2015, 11, 30), Precision.DAY))
    assert not fd2000.contains(Period(date(2015, 12, 1), Precision.DAY))


def test_only_the_timelines_last_event_is_marked_latest():
    events = [event("2015-11-20", pk=1), event("2017-01-25", pk=2), event("2017-03-01", pk=3)]
    last_page = [e for g in axis(events, [], str, ends_timeline=True) for e in g.entries]
    assert [e.latest for e in last_page] == [False, False, True]
    earlier_page = [e for g in axis(events, [], str) for e in g.entries]
    assert not any(e.latest for e in earlier_page)


def test_each_entry_carries_the_citations_given_for_its_event():
    events = [event("2015-11-20", pk=1), event("2016-01-25", pk=2)]
    entries = [e for g in axis(events, [], str, {2: ["cited"]}) for e in g.entries]
    assert [e.citations for e in entries] == [[], ["cited"]]
