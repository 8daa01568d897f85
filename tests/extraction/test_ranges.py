"""A range that names two dates gives two mentions, each with its own words and value."""

from __future__ import annotations

import pytest

from tests.extraction import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They talked between 2013 and 2015.",
            [("2013", "2013", "year"), ("2015", "2015", "year")],
        ),
        ("The 2009-2010 season was long.", [("2009", "2009", "year"), ("2010", "2010", "year")]),
        ("The winter of 1957–58 was hard.", [("1957", "1957", "year"), ("58", "1958", "year")]),
        ("It ran from 1991 to 1997.", [("1991", "1991", "year"), ("1997", "1997", "year")]),
        (
            "The battles of April 6-7, 1915 were lost.",
            [("April 6", "1915-04-06", "day"), ("7, 1915", "1915-04-07", "day")],
        ),
        (
            "The fleets met on 27 May-28 May 1905.",
            [("27 May", "1905-05-27", "day"), ("28 May 1905", "1905-05-28", "day")],
        ),
        (
            "The islands fell (May-August 1950).",
            [("May", "1950-05", "month"), ("August 1950", "1950-08", "month")],
        ),
        (
            "The invasion phase (March 19-April 30, 2003) was short.",
            [("March 19", "2003-03-19", "day"), ("April 30, 2003", "2003-04-30", "day")],
        ),
    ],
)
def test_ranges_are_split_into_their_two_dates(text, expected):
    assert found(text) == expected


def test_year_less_day_range_takes_its_year_from_the_publication_in_news():
    assert found("Talks were held on 6-7 November in Ankara.") == [
        ("6", "2016-11-06", "day"),
        ("7 November", "2016-11-07", "day"),
    ]


def test_backwards_year_range_is_not_a_date():
    assert found("Invoice 2015-13 was paid.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The rail strike lasted from 3 to 8 March 2014.",
            [("3", "2014-03-03", "day"), ("8 March 2014", "2014-03-08", "day")],
        ),
        (
            "The fair runs between 12 and 15 of June, 2018.",
            [("12", "2018-06-12", "day"), ("15 of June, 2018", "2018-06-15", "day")],
        ),
        (
            "Polls were open from Oct. 4 to 6, 2009.",
            [("Oct. 4", "2009-10-04", "day"), ("6, 2009", "2009-10-06", "day")],
        ),
        (
            "It was held between May 20 and 22, 1927.",
            [("May 20", "1927-05-20", "day"), ("22, 1927", "1927-05-22", "day")],
        ),
    ],
)
def test_a_day_range_in_words_with_one_month_gives_both_days(text, expected):
    assert found(text) == expected


def test_a_range_of_other_numbers_before_a_month_is_not_a_day_range():
    assert found("Rates rose from 2 to 6 percent in March 2014.") == [
        ("March 2014", "2014-03", "month")
    ]
    assert found("Rates rose from 2 to 6 percent between 3 and 5 March 2014.") == [
        ("3", "2014-03-03", "day"),
        ("5 March 2014", "2014-03-05", "day"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The events of 1 and 2 April 2009 shocked London.",
            [("1", "2009-04-01", "day"), ("2 April 2009", "2009-04-02", "day")],
        ),
        (
            "Votes were held on 3 & 10 May 2009.",
            [("3", "2009-05-03", "day"), ("10 May 2009", "2009-05-10", "day")],
        ),
    ],
)
def test_two_days_of_one_month_are_two_dates(text, expected):
    assert found(text) == expected


def test_two_numbers_before_a_month_name_of_another_kind_are_no_days():
    assert found("Rates rose 2 and 3 percent in May 2009.") == [("May 2009", "2009-05", "month")]


def test_two_days_after_their_month_are_two_dates_only_where_the_phrase_ends():
    assert found("Talks were held on May 3 and 4, 2009 in Ankara.") == [
        ("May 3", "2009-05-03", "day"),
        ("4, 2009", "2009-05-04", "day"),
    ]
    assert [text for text, *_ in found("On May 3 and 4 people died in 2009.")] == ["May 3", "2009"]
    assert [text for text, *_ in found("In May 3 and 4 in 10 voters backed it in 2009.")] == [
        "May 3",
        "2009",
    ]
    assert [text for text, *_ in found("Elections were held on May 3 and 4 in 2009.")] == [
        "May 3",
        "4",
        "2009",
    ]
