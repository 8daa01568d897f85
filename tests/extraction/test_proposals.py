"""Proposals: one per sentence and distinct date, from the seed article on."""

from __future__ import annotations

import gc

import pytest

from tests.extraction import SATURDAY, values
from timeline import extraction
from timeline.extraction import NEEDS_PUBLICATION_DATE, extract


def test_seed_article_gives_exactly_its_six_dated_mentions(seed_text):
    result = extract(seed_text, SATURDAY)
    assert [(m.text, m.value, m.precision) for m in result.mentions] == [
        ("Friday", "2016-11-18", "day"),
        ("Friday", "2016-11-18", "day"),
        ("2013", "2013", "year"),
        ("2015", "2015", "year"),
        ("August of 2015", "2015-08", "month"),
        ("2013", "2013", "year"),
    ]
    for mention in result.mentions:
        assert seed_text[mention.start : mention.end] == mention.text


def test_seed_article_proposes_one_event_per_sentence_and_date(seed_text):
    proposals = extract(seed_text, SATURDAY).proposals
    assert [p.value for p in proposals] == [
        "2016-11-18",
        "2016-11-18",
        "2013",
        "2015",
        "2015-08",
        "2013",
    ]
    last_sentence = proposals[-1]
    assert proposals[-2].sentence == last_sentence.sentence
    assert seed_text[last_sentence.start : last_sentence.end] == last_sentence.sentence
    assert proposals[2].headline.startswith("Russia’s S-400 system competed")
    assert "2013" not in proposals[2].headline


def test_seed_article_without_publication_date_flags_only_relative_mentions(seed_text):
    mentions = extract(seed_text, None).mentions
    fridays = [m for m in mentions if m.text == "Friday"]
    assert len(fridays) == 2
    assert all(m.value is None and m.relative for m in fridays)
    assert all(NEEDS_PUBLICATION_DATE in m.flags for m in fridays)
    assert [m.value for m in mentions if m.text != "Friday"] == ["2013", "2015", "2015-08", "2013"]


def test_a_repeated_day_takes_its_year_from_the_tense_of_each_clause():
    # the second "March 3" is read again, not given the first one's year
    text = "Officials met on March 3 in Ankara. They will meet on March 3 in Sinop."
    assert values(text) == ["2016-03-03", "2017-03-03"]


def test_a_repeated_day_read_differently_in_the_past_and_in_a_plain_clause_follows_each():
    # Published 2016-11-19: a plain "Feb. 10" is the nearer one ahead, a past verb's the one
    # behind; each repetition is read in its own clause whichever came first.
    text = (
        "Talks on Feb. 10 in Ankara. Officials met on Feb. 10 in Ankara. "
        "They will meet on Feb. 10 in Sinop. Talks on Feb. 10 in Izmir."
    )
    assert values(text) == ["2017-02-10", "2016-02-10", "2017-02-10", "2017-02-10"]


def test_a_repeated_expression_that_names_no_date_is_dropped_each_time():
    text = "It began a few years ago. A few years ago, nobody asked. On Friday they did."
    assert values(text) == ["2016-11-18"]


def test_extraction_leaves_the_garbage_collector_as_it_found_it():
    was_enabled = gc.isenabled()
    try:
        gc.enable()
        extract("Turkey chose the FD-2000 in 2013.", SATURDAY)
        assert gc.isenabled()
        gc.disable()
        extract("Turkey chose the FD-2000 in 2013.", SATURDAY)
        assert not gc.isenabled()
        gc.enable()
        with pytest.raises(ValueError):
            extract("Turkey chose the FD-2000 in 2013.", SATURDAY, kind="poem")
        assert gc.isenabled()
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_extraction_pauses_the_garbage_collector_while_it_runs(monkeypatch):
    seen = []
    real_find_mentions = extraction.find_mentions

    def find_mentions(*args):
        seen.append(gc.isenabled())
        return real_find_mentions(*args)

    monkeypatch.setattr(extraction, "find_mentions", find_mentions)
    gc.enable()
    extract("Turkey chose the FD-2000 in 2013.", SATURDAY)
    assert seen == [False]
    assert gc.isenabled()
