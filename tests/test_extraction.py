"""The extractor's rules, each with the failure it prevents. No database needed."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction import NEEDS_PUBLICATION_DATE, extract
from timeline.periods import Period

SATURDAY = date(2016, 11, 19)


def found(text: str, published: date | None = SATURDAY) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.value, m.precision) for m in extract(text, published).mentions]


def values(text: str, published: date | None = SATURDAY) -> list[str | None]:
    return [m.value for m in extract(text, published).mentions]


# --- the seed article ------------------------------------------------------------------


def test_seed_article_gives_exactly_its_six_dated_mentions(seed_text):
    result = extract(seed_text, SATURDAY)
    assert [(m.text, m.value, m.precision) for m in result.mentions] == [
        ("Friday", "2016-11-18", "day"),
        ("Friday", "2016-11-18", "day"),
        ("2013", "2013", "year"),
        ("2015", "2015", "year"),
        ("August of 2015", "2015-08", "month"),
        ("2013", "2013", "year"),
    ]
    for mention in result.mentions:
        assert seed_text[mention.start : mention.end] == mention.text


def test_seed_article_proposes_one_event_per_sentence_and_date(seed_text):
    proposals = extract(seed_text, SATURDAY).proposals
    assert [p.value for p in proposals] == [
        "2016-11-18",
        "2016-11-18",
        "2013",
        "2015",
        "2015-08",
        "2013",
    ]
    last_sentence = proposals[-1]
    assert proposals[-2].sentence == last_sentence.sentence
    assert seed_text[last_sentence.start : last_sentence.end] == last_sentence.sentence
    assert proposals[2].headline.startswith("In a similar tender, Russia’s S-400 system competed")
    assert "2013" not in proposals[2].headline


def test_seed_article_without_publication_date_flags_only_relative_mentions(seed_text):
    mentions = extract(seed_text, None).mentions
    fridays = [m for m in mentions if m.text == "Friday"]
    assert len(fridays) == 2
    assert all(m.value is None and m.relative for m in fridays)
    assert all(NEEDS_PUBLICATION_DATE in m.flags for m in fridays)
    assert [m.value for m in mentions if m.text != "Friday"] == ["2013", "2015", "2015-08", "2013"]


# --- precision --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tender was held in 2013.", ("2013", "2013", "year")),
        ("It was prompted in August of 2015.", ("August of 2015", "2015-08", "month")),
        ("It ended in July 1997 for good.", ("July 1997", "1997-07", "month")),
        ("Talks began on 18 November 2016.", ("18 November 2016", "2016-11-18", "day")),
        ("Talks began on Nov. 18, 2016.", ("Nov. 18, 2016", "2016-11-18", "day")),
        ("Talks began on 2016-11-18.", ("2016-11-18", "2016-11-18", "day")),
        ("Deliveries are due in early 2017.", ("early 2017", "2017", "year")),
        ("It was built in the 1990s.", ("1990s", "1990/1999", "year")),
        ("They talked between 2013 and 2015.", ("between 2013 and 2015", "2013/2015", "year")),
        ("The 2009-2010 season was long.", ("2009-2010", "2009/2010", "year")),
    ],
)
def test_precision_is_the_one_written_never_invented(text, expected):
    assert found(text) == [expected]


def test_impossible_calendar_dates_are_not_mentions():
    assert found("The deal was signed on Feb. 30, 2015 and on 2015-02-30.") == []


# --- relative dates ---------------------------------------------------------------------


def test_relative_dates_resolve_against_publication_not_today():
    assert values("The minister said on Friday that talks went well.") == ["2016-11-18"]
    assert values("Sales fell last year.") == ["2015"]
    assert values("He left two weeks ago.") == ["2016-11-05"]
    assert values("Prices rose yesterday.") == ["2016-11-18"]
    assert values("Sales fell last month.") == ["2016-10"]


def test_weekday_equal_to_publication_day_is_that_day_not_a_week_back():
    friday = date(2016, 11, 18)
    assert values("The minister spoke Friday in Ankara.", friday) == ["2016-11-18"]


def test_future_dates_are_not_forced_into_the_past():
    march = date(2015, 3, 20)
    assert values("Parliament will vote on April 7 on the bill.", march) == ["2015-04-07"]
    assert values("A vote is scheduled for Tuesday.", date(2016, 11, 16)) == ["2016-11-22"]


def test_year_less_dates_lean_to_the_past_when_the_text_does():
    assert values("The contract was signed Oct. 23.", date(1999, 5, 6)) == ["1998-10-23"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares rose this week.", ("this week", "2016-11-14/2016-11-20", "day")),
        ("It happened last summer.", ("last summer", "2016-06/2016-08", "month")),
        ("Profit fell in the third quarter.", ("the third quarter", "2016-07/2016-09", "month")),
        ("It closed last November.", ("last November", "2015-11", "month")),
    ],
)
def test_periods_named_relative_to_publication(text, expected):
    assert found(text) == [expected]


def test_relative_date_without_publication_date_is_flagged_not_guessed():
    (mention,) = extract("The minister said on Friday that talks went well.").mentions
    assert mention.value is None
    assert mention.relative
    assert mention.flags == (NEEDS_PUBLICATION_DATE,)
    (proposal,) = extract("The minister said on Friday that talks went well.").proposals
    assert proposal.flags == (NEEDS_PUBLICATION_DATE,)


# --- false dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We have already made clear that we will cooperate.",
        "The minister may visit soon, and prices may fall.",
        "Protesters will march on the capital. They March on.",
        "It was the second attempt in a row.",
        "China's FD-2000, Russia's S-400, the Patriot PAC-3, the HQ-9 and the Aster 30 competed.",
        "Turkey intends to spend $3.4 billion on the shield.",
        "Tickets cost $27 and 48, of the 60 seats, were sold; 1/2 of them at a 10% discount.",
        "Growth reached 2015% in the model and 2013 troops were sent.",
        "See page 2013 and section 2014 of the report.",
        "The meeting starts at 10 a.m. and ends at 3:30 p.m.",
        "He served seven years in office and stayed about a month.",
    ],
)
def test_false_dates_are_rejected(text):
    assert found(text) == []


def test_offsets_never_swallow_neighbouring_words():
    text = "He said on Friday after the meeting that it ended in 2013 and on Feb. 10 it resumed."
    mentions = extract(text, SATURDAY).mentions
    assert [m.text for m in mentions] == ["Friday", "2013", "Feb. 10"]
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_sentence_with_two_dates_gives_two_proposals():
    text = "The system was ordered in 2013 and delivered in August 2015."
    proposals = extract(text, SATURDAY).proposals
    assert [p.value for p in proposals] == ["2013", "2015-08"]
    assert proposals[0].sentence == proposals[1].sentence == text


def test_empty_text_gives_an_empty_result():
    result = extract("", SATURDAY)
    assert result.mentions == () and result.proposals == ()


# --- properties -------------------------------------------------------------------------

DATEISH = st.sampled_from(
    [
        "in 2013",
        "on Friday",
        "Feb. 10",
        "August of 2015",
        "last year",
        "$3.4 billion",
        "FD-2000",
        "2009-10",
        "the 1990s",
        "May",
        "we",
        ". ",
        "\n\n",
        "31 February 2015",
        "Q3 2015",
        "early next year",
        "three days ago",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(st.one_of(st.text(max_size=20), DATEISH), max_size=12),
    published=st.one_of(
        st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))
    ),
)
def test_any_text_gives_exact_offsets_and_valid_values(parts, published):
    text = " ".join(parts)
    result = extract(text, published)
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        if m.value is not None:
            period = Period.parse(m.value)
            assert period.precision.label == m.precision
        else:
            assert m.relative
    for p in result.proposals:
        assert text[p.start : p.end] == p.sentence
        assert all(p.start <= m.start and m.end <= p.end for m in p.mentions)


def test_a_date_never_spans_a_line_break():
    text = "Friday\nFeb. 1 was cold."
    assert [m.text for m in extract(text, SATURDAY).mentions] == ["Friday", "Feb. 1"]
    for proposal in extract(text, SATURDAY).proposals:
        assert all(proposal.start <= m.start and m.end <= proposal.end for m in proposal.mentions)
