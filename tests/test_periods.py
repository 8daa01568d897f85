from __future__ import annotations

from datetime import date

import pytest
from edtf import parse_edtf

from timeline.periods import Period, Precision


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2013", "2013"),
        ("2015-08", "August 2015"),
        ("2016-11-18", "18 November 2016"),
        ("2013/2015", "2013 – 2015"),
    ],
)
def test_dates_display_at_their_precision(value, shown):
    assert Period.parse(value).display() == shown
    assert Period.parse(value).iso == value


def test_circa_dates_display_with_c_and_edtf_tilde():
    period = Period.parse("2017")
    assert period.display(circa=True) == "c. 2017"
    assert period.edtf(circa=True) == "2017~"


@pytest.mark.parametrize("value", ["2013", "2015-08", "2016-11-18", "2013/2015", "2015-08/2016"])
def test_edtf_strings_are_valid_extended_date_time_format(value):
    period = Period.parse(value)
    assert str(parse_edtf(period.edtf())) == period.edtf()
    assert str(parse_edtf(period.edtf(circa=True))) == period.edtf(circa=True)


@pytest.mark.parametrize("value", ["2015-02-30", "2015-13", "15", "2015/2013", "2013-1", "soon"])
def test_impossible_values_are_refused(value):
    with pytest.raises(ValueError):
        Period.parse(value)


def test_a_year_cannot_carry_a_day():
    with pytest.raises(ValueError):
        Period(date(2013, 5, 4), Precision.YEAR)


def test_coarser_precision_sorts_first_at_the_same_start():
    periods = [Period.parse(v) for v in ["2015-08-19", "2015-08", "2015", "2014"]]
    ordered = sorted(periods, key=lambda p: (p.start, p.precision))
    assert [p.iso for p in ordered] == ["2014", "2015", "2015-08", "2015-08-19"]
