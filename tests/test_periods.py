from __future__ import annotations

from datetime import date, timedelta

import pytest
from edtf import parse_edtf

from timeline.periods import Period, Precision, truncate


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


def _every_day(year: int) -> list[date]:
    return [date(year, 1, 1) + timedelta(days=n) for n in range(366 if year % 4 == 0 else 365)]


@pytest.mark.parametrize("precision", list(Precision))
def test_a_period_starts_only_on_the_first_day_of_its_precision(precision):
    for day in _every_day(2016) + _every_day(2015):
        first = truncate(day, precision) == day
        if first:
            assert Period(day, precision).start == day
        else:
            with pytest.raises(ValueError, match=f"^{day} carries more detail than a "):
                Period(day, precision)


@pytest.mark.parametrize("precision", list(Precision))
def test_a_range_ends_only_on_the_first_day_of_its_end_precision(precision):
    start = date(2014, 1, 1)
    for day in _every_day(2016):
        if truncate(day, precision) == day:
            assert Period(start, Precision.YEAR, day, precision).end == day
        else:
            message = f"^{day} carries more detail than a {precision.label}$"
            with pytest.raises(ValueError, match=message):
                Period(start, Precision.YEAR, day, precision)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((date(2015, 8, 1), Precision.MONTH, date(2016, 1, 1), None), "needs both"),
        ((date(2015, 8, 1), Precision.MONTH, None, Precision.YEAR), "needs both"),
        ((date(2015, 8, 1), Precision.MONTH, date(2015, 1, 1), Precision.YEAR), "cannot end"),
        ((date(2015, 8, 2), Precision.MONTH), "2015-08-02 carries more detail than a month"),
    ],
)
def test_malformed_periods_say_what_is_wrong(arguments, message):
    with pytest.raises(ValueError, match=message):
        Period(*arguments)
