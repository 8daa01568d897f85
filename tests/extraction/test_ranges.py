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
