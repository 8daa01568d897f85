"""Relative dates resolve against the publication date, never today; without one, flagged."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction import found, values
from timeline.extraction import NEEDS_PUBLICATION_DATE, extract


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
