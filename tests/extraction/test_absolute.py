"""Absolute dates are read at the precision written, never an invented one."""

from __future__ import annotations

import pytest

from tests.extraction import found


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
    ],
)
def test_precision_is_the_one_written_never_invented(text, expected):
    assert found(text) == [expected]


def test_impossible_calendar_dates_are_not_mentions():
    assert found("The deal was signed on Feb. 30, 2015 and on 2015-02-30.") == []
