"""The headline's shortcuts read a sentence as the whole-text patterns they stand for."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction import extract, headlines

# Words and spaces that make the shortcuts' edge cases: prepositions in other cases and
# letters that fold to "s" or "i" ("ſ", "İ"), spaces a regex does not count as spaces
# ("\x1c"), no-break and line-break spaces, words that end like a preposition.
PIECES = (
    *("in", "on", "since", "by", "during", "from", "until", "as of", "at the end of"),
    *("at the start of", "early", "late", "earlier", "later", "IN", "On", "ſince", "İn"),
    *("within", "talks", "x", "2015", ",", ".", "-", "é", "ß", "the", "end", "of", "at"),
    *(" ", "  ", "\t", "\xa0", "\x1c", "\n", "\r", "\u2009"),
)


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(
            rng.choice(PIECES) + rng.choice(["", " ", "\xa0"]) for _ in range(rng.randint(0, 12))
        )
        for _ in range(count)
    ]


@pytest.mark.parametrize("seed", range(4))
def test_the_preposition_found_from_the_end_is_the_one_a_whole_text_search_removes(seed):
    for text in _texts(seed, 5_000):
        assert headlines._without_preposition(text) == headlines._DATE_PREPOSITION.sub("", text)


@pytest.mark.parametrize(
    ("sentence", "date_text", "expected"),
    [
        # a preposition in capitals goes with the date
        (
            "The talks resumed IN March after a long pause in Ankara.",
            "March",
            "The talks resumed after a long pause in Ankara",
        ),
        # and one of three words
        (
            "The embargo stayed in place until at the end of 2015 it was lifted by the council.",
            "2015",
            "The embargo stayed in place until it was lifted by the council",
        ),
        # a word that only ends like a preposition stays
        (
            "The price was within 2015 budget limits for the ministry.",
            "2015",
            "The price was within budget limits for the ministry",
        ),
    ],
)
def test_the_date_goes_with_its_preposition_and_nothing_more(sentence, date_text, expected):
    start = sentence.index(date_text)
    assert headlines.suggest_headline(sentence, start, start + len(date_text)) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["(", ")", "-LRB-", "-", "--", "—", ";", "AP", "Photo", "Picture", "a", " "]
        ),
        max_size=8,
    ).map("".join)
)
def test_the_furniture_pretest_passes_wherever_one_of_its_patterns_may_match(sentence):
    assert headlines._may_have_furniture(sentence) == any(
        needed(sentence) for needed, _ in headlines._FURNITURE
    )


# Marks _clean tidies, the function words a comma is orphaned after, and spaces of every kind.
CLEAN_PIECES = (
    *('"', "'", "’", "‘", "“", "”", "(", ")", "( )", "()", ",", ", ,", ",,", ".", "!", "?"),
    *(";", ":", "-", "–", "—", "the", "The", "a", "of", "in", "for", "and", "with", "bathe"),
    *("-the", "x", "don't", "it’s", "é", "_", "3", " ", "  ", "\t", "\n", "\xa0", "\u200b"),
)


@pytest.mark.parametrize("seed", range(3))
def test_a_settled_cleaning_needs_only_the_closing_strip_again(seed):
    rng = random.Random(seed)
    for _ in range(5_000):
        text = "".join(
            rng.choice(CLEAN_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(0, 12))
        )
        cleaned, settled = headlines._cleaned(text)
        if settled:
            for again in (cleaned, cleaned.rstrip(" .!?")):
                assert headlines._clean(again) == again.strip(" ,;:-–—")


def test_a_speaker_with_a_backslash_in_their_name_replaces_the_pronoun_as_written():
    # Tokenised corpora escape slashes ("Photo\/AP"): as a sub() template it raised.
    sentence = r"The A\1 group said it held the first tests in 2015 near the capital."
    result = extract(sentence, date(2016, 1, 1))
    assert [p.headline for p in result.proposals] == [
        r"The A\1 group held the first tests near the capital"
    ]
