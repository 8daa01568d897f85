"""Merge suggestions: the events a proposal likely reports; which are likely enough for `m`.

Measured as the issue found it: sentences of the seed article against the demo's events.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline import demo, services
from timeline.review.suggestions import likely_events

pytestmark = pytest.mark.django_db

# From the seed article (../shared/seeds), inlined so the test runs without it.
IMPETUS = (
    "However, the impetus to launch another push for a missile shield was prompted in August "
    "of 2015 when Ankara was angered by the US decision to withdraw Patriot missiles from "
    "Turkey’s border with Syria - a move which some speculated was in retaliation for Turkish "
    "attacks on Kurdish militia forces which remain US allies in the war against ISIS - which "
    "had been deployed in 2013 to protect Turkey from a possible cross-border attack."
)
CONFIRMED = (
    "The negotiations were confirmed by Turkish Defense Minister Fikri Isik, who said on "
    "Friday that Russia’s attitude toward the potential deal was positive."
)


def first_suggestion(text: str, value: str):
    timeline = demo.load()
    source = services.add_source(
        timeline=timeline, text=text, title="Seed", published=date(2016, 11, 19)
    ).source
    return likely_events(source.proposals.get(value=value))[0]


def test_the_same_date_and_similar_words_is_a_likely_match():
    first = first_suggestion(CONFIRMED, "2016-11-18")
    assert first.event.headline.startswith("Turkey confirms talks with Russia")
    assert first.likely


def test_a_shared_year_and_little_else_is_suggested_but_not_likely():
    first = first_suggestion(IMPETUS, "2013")
    assert first.event.headline.startswith("Four systems compete")  # what `m` used to merge into
    assert not first.likely


def test_a_suggestion_with_other_wording_is_not_likely():
    first = first_suggestion(
        "Farmers in the valley harvested record apricot crops in 2013.", "2013"
    )
    assert not first.likely
