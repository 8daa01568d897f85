"""The benchmark's soft temporal diversity variants select what their objective says.

They are measured, not adopted (README, "Measured"), so their figures are only worth reading
if the greedy selections behave as the objectives of Martschat & Markert (2018) describe.
"""

from __future__ import annotations

from datetime import date, timedelta

from tests.bench.reconstruction import _month, sqrt_per_bucket, sqrt_temporal_coverage

D = date.fromisoformat


def busy_may_and_quiet_august() -> dict[date, float]:
    may = {D("2010-05-01") + timedelta(i): 100.0 - 5 * i for i in range(10)}  # 100 down to 55
    return may | {D("2010-08-10"): 20.0, D("2010-08-20"): 4.0}


def test_a_quiet_months_best_day_is_chosen_before_a_busy_months_later_days():
    salience = busy_may_and_quiet_august()
    chosen = sqrt_per_bucket(salience, 4, _month)
    # sqrt(100 + 95) - sqrt(100) = 3.96 < sqrt(20) = 4.47: August's best day comes second.
    assert chosen[:2] == [D("2010-05-01"), D("2010-08-10")]
    assert D("2010-08-20") not in chosen  # soft: a weak quiet day does not beat a busy one
    plain = sorted(salience, key=lambda d: -salience[d])[:4]
    assert D("2010-08-10") not in plain


def test_with_one_month_the_greedy_order_is_the_plain_salience_order():
    salience = {d: s for d, s in busy_may_and_quiet_august().items() if d.month == 5}
    plain = sorted(salience, key=lambda d: -salience[d])
    assert sqrt_per_bucket(salience, len(salience), _month) == plain
    assert sqrt_per_bucket(salience, 3, _month, coverage=1.0) == plain[:3]


def test_temporal_coverage_discounts_a_day_by_the_salience_chosen_near_it():
    salience = {D("2010-05-01"): 100.0, D("2010-05-02"): 90.0, D("2010-06-15"): 50.0}
    within_a_week = sqrt_temporal_coverage(salience, 2, lambda i: 1 - abs(i) / 8, 7)
    assert within_a_week == [D("2010-05-01"), D("2010-06-15")]
    # A kernel reaching no other day leaves each day its own salience: the plain order.
    alone = sqrt_temporal_coverage(salience, 2, lambda i: 1.0, 0)
    assert alone == [D("2010-05-01"), D("2010-05-02")]
