"""Issue 10 §3: each known miss or bug, with the case that showed it."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction import found, values
from timeline.extraction import extract

SATURDAY = date(2016, 11, 19)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A year ago, the plant closed.", [("A year ago", "2015", "year")]),
        ("Two weeks ago, the talks stalled.", [("Two weeks ago", "2016-11-05", "day")]),
        ("Early 2015 saw the first tests.", [("Early 2015", "2015", "year")]),
        ("Sales rose over the past week.", [("the past week", "2016-11-12/2016-11-18", "day")]),
        ("Costs will rise this fiscal year.", [("this fiscal year", "2016", "year")]),
        ("The deal should close by year-end.", [("year-end", "2016", "year")]),
        ("Deliveries start by the end of the year.", [("the end of the year", "2016", "year")]),
    ],
)
def test_sentence_start_and_period_expressions_are_found(text, expected):
    assert found(text) == expected


def test_a_crlf_line_break_inside_a_date_never_changes_its_year():
    published = date(2020, 6, 1)
    assert values("It was signed on March 3,\r\n2021 in Ankara.", published) == ["2021-03-03"]
    assert values("It was signed on March 3,\n2021 in Ankara.", published) == ["2021-03-03"]
    (mention,) = extract("Talks ended March 3\r\n\r\nThe 2021 budget", published).mentions[:1]
    assert "\r" not in mention.text and mention.text == "March 3"


def test_the_publication_weekday_with_will_is_that_day_not_a_week_ahead():
    friday = date(2016, 11, 18)
    text = "The FAA on Friday announced it will close the airport."
    assert values(text, friday) == ["2016-11-18"]
    assert values("The minister will speak on Friday.", friday) == ["2016-11-18"]


def test_said_friday_in_a_thursday_paper_is_the_friday_before():
    thursday = date(2016, 11, 17)
    assert values("The minister said Friday that talks went well.", thursday) == ["2016-11-11"]
    assert values("The court on Friday refused the appeal.", thursday) == ["2016-11-11"]


def test_a_past_verb_next_to_the_weekday_outweighs_will_elsewhere():
    wednesday = date(1990, 8, 15)
    text = "The king met Monday with the envoy, who will travel on Thursday."
    assert values(text, wednesday) == ["1990-08-13", "1990-08-16"]


def test_abbreviations_do_not_cut_the_clause_that_looks_ahead():
    published = date(1989, 10, 26)
    text = "Mr. Schwarz, 52 years old, will succeed Daniel P. Davison Feb. 1, soon after."
    assert values(text, published) == ["1990-02-01"]


def test_grouping_mentions_into_proposals_is_one_pass_at_any_size():
    sentence = "Talks resumed on March 3, 2015 and ended in 2016. "
    text = sentence * 3000
    result = extract(text, SATURDAY)
    assert len(result.mentions) == 6000
    assert len(result.proposals) == 6000
    for proposal in result.proposals:
        assert proposal.start <= proposal.mention.start < proposal.end
        assert text[proposal.start : proposal.end] == proposal.sentence
