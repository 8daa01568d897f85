"""Relative dates resolve against the publication date, never today; without one, flagged."""

from __future__ import annotations

import random
from datetime import date

import pytest

from tests.extraction import found, values
from timeline.extraction import NEEDS_PUBLICATION_DATE, extract, patterns
from timeline.extraction.relative import Clause


def test_relative_dates_resolve_against_publication_not_today():
    assert values("The minister said on Friday that talks went well.") == ["2016-11-18"]
    assert values("Sales fell last year.") == ["2015"]
    assert values("He left two weeks ago.") == ["2016-11-05"]
    assert values("Prices rose yesterday.") == ["2016-11-18"]
    assert values("Sales fell last month.") == ["2016-10"]


def test_weekday_equal_to_publication_day_is_that_day_not_a_week_back():
    friday = date(2016, 11, 18)
    assert values("The minister spoke Friday in Ankara.", friday) == ["2016-11-18"]


def test_this_coming_weekday_is_the_next_one_whatever_the_verb():
    thursday = date(1998, 3, 5)
    assert values("Voters go to the polls this coming Sunday.", thursday) == ["1998-03-08"]
    assert values("The match was moved to the coming Saturday.", thursday) == ["1998-03-07"]
    assert values("Voters went to the polls this Sunday.", thursday) == ["1998-03-01"]


def test_future_dates_are_not_forced_into_the_past():
    march = date(2015, 3, 20)
    assert values("Parliament will vote on April 7 on the bill.", march) == ["2015-04-07"]
    assert values("A vote is scheduled for Tuesday.", date(2016, 11, 16)) == ["2016-11-22"]


def test_should_looks_ahead_and_should_have_looks_back():
    monday = date(2010, 5, 24)
    assert values("BP said the effort should start Wednesday morning.", monday) == ["2010-05-26"]
    assert values("The plane should have landed on Wednesday.", monday) == ["2010-05-19"]


def test_might_looks_ahead_and_might_have_looks_back():
    monday = date(2010, 5, 24)
    assert values("BP said it might cap the well on Wednesday.", monday) == ["2010-05-26"]
    assert values("The crew might have left the rig on Wednesday.", monday) == ["2010-05-19"]
    # the noun is no modal
    assert values("Russia showed its military might in a parade on Wednesday.", monday) == [
        "2010-05-19"
    ]
    assert values("The might of the storm hit the coast on Wednesday.", monday) == ["2010-05-19"]


def test_year_less_dates_lean_to_the_past_when_the_text_does():
    assert values("The contract was signed Oct. 23.", date(1999, 5, 6)) == ["1998-10-23"]


def test_what_a_clause_counts_since_is_past_even_when_its_verb_looks_ahead():
    may = date(2010, 5, 26)
    assert values("It will be the first try since the April 20 blowout.", may) == ["2010-04-20"]
    assert values("Shares will fall further since April 20.", may) == ["2010-04-20"]


def test_a_question_before_the_sentence_does_not_lend_it_its_future():
    text = "What will emerge? The spill that began with the April 20 explosion is the largest."
    assert values(text, date(2010, 7, 4)) == ["2010-04-20"]


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


# Words and spaces that make the tense shortcut's edge cases: cues in other cases, letters
# outside ASCII that fold to ASCII ones ("ſ", "K", "İ"), information separators, tabs.
CUE_PIECES = (
    *("will", "WILL", "Will", "shall", "won't", "going to", "going\tto", "is to", "are\x1cto"),
    *("scheduled", "Expected", "plans to", "set to", "due", "upcoming", "effective", "until"),
    *("as soon as", "he'll", "ſhall", "İs to", "ünTIL", "willow", "dueling", "said", "on"),
    *(" ", "  ", "\xa0", "\n", ",", "é"),
)


@pytest.mark.parametrize("seed", range(3))
def test_the_tense_of_lowered_ascii_text_is_the_case_blind_pattern_s(seed):
    rng = random.Random(seed)
    for _ in range(5_000):
        before = "".join(
            rng.choice(CUE_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(0, 8))
        )
        past = patterns.PAST_BEFORE.search(before, max(0, len(before) - 40))
        expected = -1 if past else 1 if patterns.FUTURE_CUE.search(before) else 0
        tense = Clause(before, "").tense()
        assert (tense > 0) - (tense < 0) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The new bridge will be opened on May 2.", date(2019, 6, 10), "2020-05-02"),
        ("The winners will be announced Friday.", date(2016, 11, 16), "2016-11-18"),
        ("The accord is expected to be signed on Monday.", date(2016, 11, 19), "2016-11-21"),
        ("The report will have been released on Nov. 3.", date(2020, 11, 20), "2021-11-03"),
    ],
)
def test_a_future_passive_looks_ahead_like_its_auxiliary(text, published, expected):
    assert values(text, published) == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # another verb's future, further back in the clause
        (
            "The money will go toward a program to study the effects of the April 20 blast.",
            date(2010, 5, 24),
            "2010-04-20",
        ),
        (
            "He was set to fly to Houston to join the effort early on 5 May.",
            date(2010, 5, 21),
            "2010-05-05",
        ),
        # "until" is no verb
        ("The oil spewed unchecked for 87 days until July 15.", date(2010, 9, 19), "2010-07-15"),
        # but the date's own verb, or a date in the nearer months, looks ahead
        ("The trial, it said, will begin on March 3.", date(2010, 9, 19), "2011-03-03"),
        ("The company will ask the court to rule by January 5.", date(2010, 9, 19), "2011-01-05"),
    ],
)
def test_a_date_most_of_a_year_ahead_needs_its_own_verb_to_look_ahead(text, published, expected):
    assert values(text, published) == [expected]


def test_a_deadline_after_a_past_verb_lies_ahead_of_the_asking():
    june = date(2010, 6, 13)
    assert values("The senators demanded a response by June 18.", june) == ["2010-06-18"]


def test_the_month_under_way_is_this_year_s_whatever_the_tense():
    july = date(2010, 7, 1)
    assert values("The well is likely to be finished by the end of July.", july) == ["2010-07"]


def test_a_past_participle_after_be_without_a_future_stays_past():
    saturday = date(2016, 11, 19)
    assert values("The plant, opened on May 2, will be sold.", saturday) == ["2016-05-02"]
    assert values("The accord had been signed on Tuesday.", saturday) == ["2016-11-15"]
    # the future's auxiliary is in another clause than the date's own past verb
    text = "The plant, which was opened on May 2, will be sold to a rival."
    assert values(text, saturday) == ["2016-05-02"]
    assert values("The bridge will be opened on May 2.", saturday) == ["2017-05-02"]


def test_the_present_of_a_schedule_right_before_the_date_looks_ahead():
    saturday = date(2016, 11, 19)
    assert values("The next board meeting is on Thursday.", saturday) == ["2016-11-24"]
    assert values("The hearing is set for March 3.", saturday) == ["2017-03-03"]
    assert values("The two votes are on Dec. 2 and Dec. 9.", saturday) == [
        "2016-12-02",
        "2016-12-09",
    ]
    # its past, and a present that is not the date's, do not
    assert values("The last board meeting was on Thursday.", saturday) == ["2016-11-17"]
    assert values("The focus is on jobs after Thursday's figures.", saturday) == ["2016-11-17"]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a past verb with its object between it and the date: the nearer year ahead loses
        ("The mill lowered its output in February.", date(2021, 12, 1), "2021-02"),
        ("The new tariff took effect on 1 March.", date(2014, 12, 30), "2014-03-01"),
        ("Flights had resumed in January after the strike.", date(2017, 11, 8), "2017-01"),
    ],
)
def test_a_past_verb_a_few_words_before_the_date_looks_back(text, published, expected):
    assert values(text, published) == [expected]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a verb of saying reports a clause with a tense of its own
        ("He said the mill closes in February.", date(2021, 12, 1), "2022-02"),
        # "agreed to" opens another verb, which looks ahead
        ("The sides agreed to resume talks in February.", date(2021, 12, 1), "2022-02"),
        # a passive, and a participle describing a noun, are no past verbs
        ("They expect the sale to be completed by Jan. 15.", date(2021, 12, 1), "2022-01-15"),
        ("It will be paid on a still unspecified date in January.", date(2021, 12, 1), "2022-01"),
    ],
)
def test_a_past_verb_that_is_not_the_date_s_own_leaves_it_ahead(text, published, expected):
    assert values(text, published) == [expected]
