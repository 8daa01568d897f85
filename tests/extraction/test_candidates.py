"""Finding candidates: what only looks like a date is dropped; offsets are exact."""

from __future__ import annotations

import random
import re
from datetime import date
from re import _constants as _c
from re import _parser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extraction import SATURDAY, found
from timeline.extraction import extract, patterns
from timeline.extraction.candidates import _word_before_stop
from timeline.periods import Period


@pytest.mark.parametrize(
    "text",
    [
        "We have already made clear that we will cooperate.",
        "The minister may visit soon, and prices may fall.",
        "Protesters will march on the capital. They March on.",
        "It was the second attempt in a row.",
        "China's FD-2000, Russia's S-400, the Patriot PAC-3, the HQ-9 and the Aster 30 competed.",
        "Turkey intends to spend $3.4 billion on the shield.",
        "Tickets cost $27 and 48, of the 60 seats, were sold; 1/2 of them at a 10% discount.",
        "Growth reached 2015% in the model and 2013 troops were sent.",
        "The tanker lost 2000 gallons and the survey asked 2012 respondents.",
        "See page 2013 and section 2014 of the report.",
        "The meeting starts at 10 a.m. and ends at 3:30 p.m.",
        "The pipe was cut at 1930 CDT and the cap placed by 2330 EDT.",
        "We are on air at 1100 & 1700GMT, and on radio at 1500 & 1930 GMT.",
        "Is a 1000 year climate forecast sound? The tomb is a 5000 year old relic.",
        "He served seven years in office and stayed about a month.",
    ],
)
def test_false_dates_are_rejected(text):
    assert found(text) == []


def test_offsets_never_swallow_neighbouring_words():
    text = "He said on Friday after the meeting that it ended in 2013 and on Feb. 10 it resumed."
    mentions = extract(text, SATURDAY).mentions
    assert [m.text for m in mentions] == ["Friday", "2013", "Feb. 10"]
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_sentence_with_two_dates_gives_two_proposals():
    text = "The system was ordered in 2013 and delivered in August 2015."
    proposals = extract(text, SATURDAY).proposals
    assert [p.value for p in proposals] == ["2013", "2015-08"]
    assert proposals[0].sentence == proposals[1].sentence == text


def test_empty_text_gives_an_empty_result():
    result = extract("", SATURDAY)
    assert result.mentions == () and result.proposals == ()


# --- properties ---------------------------------------------------------------------

DATEISH = st.sampled_from(
    [
        "in 2013",
        "on Friday",
        "Feb. 10",
        "August of 2015",
        "last year",
        "$3.4 billion",
        "FD-2000",
        "2009-10",
        "the 1990s",
        "May",
        "we",
        ". ",
        "\n\n",
        "31 February 2015",
        "Q3 2015",
        "early next year",
        "three days ago",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(st.one_of(st.text(max_size=20), DATEISH), max_size=12),
    published=st.one_of(
        st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))
    ),
)
def test_any_text_gives_exact_offsets_and_valid_values(parts, published):
    text = " ".join(parts)
    result = extract(text, published)
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        if m.value is not None:
            period = Period.parse(m.value)
            assert period.precision.label == m.precision
        else:
            assert m.relative
    for p in result.proposals:
        assert text[p.start : p.end] == p.sentence
        assert all(p.start <= m.start and m.end <= p.end for m in p.mentions)


def test_a_date_never_spans_a_line_break():
    text = "Friday\nFeb. 1 was cold."
    assert [m.text for m in extract(text, SATURDAY).mentions] == ["Friday", "Feb. 1"]
    for proposal in extract(text, SATURDAY).proposals:
        assert all(proposal.start <= m.start and m.end <= proposal.end for m in proposal.mentions)


def _full_candidate_pattern() -> re.Pattern:
    """The candidate pattern without the skip of "the", "a" and "an": the reference."""
    return re.compile(r"\b" + patterns._OPENING + patterns.CANDIDATE_ALTERNATIVES, re.VERBOSE)


# Every word the alternatives spell out, so each can follow "the", "a" or "an".
_PATTERN_WORDS = sorted(set(re.findall(r"[a-z]{2,}", patterns.CANDIDATE_ALTERNATIVES)))
_OPENERS = ["the", "The", "a", "A", "an", "An", "that", "the same", "the very"]
_TAILS = [
    "",
    "of that year",
    "of 2015",
    "half of the year",
    "part of that month",
    "ago",
    "later",
    "quarter of 2015",
    "2015",
    "of the same year",
    "3 March",
    "week",
    "year",
    "month",
    "day",
    "before,",
]


def _spans(pattern: re.Pattern, text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]


def test_skipping_common_openers_finds_the_same_candidates_as_the_full_pattern():
    text = "\n".join(
        f"{opener} {word} {tail}."
        for opener in _OPENERS
        for word in [*_PATTERN_WORDS, "3rd", "1990s"]
        for tail in _TAILS
    )
    found_spans = _spans(patterns.CANDIDATE, text)
    assert found_spans == _spans(_full_candidate_pattern(), text)
    assert len(found_spans) > 1000  # the phrases do contain candidates


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_OPENERS, *_PATTERN_WORDS, "2015", "3", "March", ",", "\n"]), max_size=12
    )
)
def test_any_word_sequence_gives_the_candidates_of_the_full_pattern(words):
    text = " ".join(words)
    assert _spans(patterns.CANDIDATE, text) == _spans(_full_candidate_pattern(), text)


def _first_characters(items) -> tuple[set[str], bool]:
    """The characters a parsed pattern (``re._parser`` items) can start with, ``"\\d"`` for
    any digit, and whether it can match the empty string; lookarounds and anchors are
    passed over (which can only add characters)."""
    first: set[str] = set()
    for op, argument in items:
        if op is _c.LITERAL:
            return first | {chr(argument)}, False
        if op is _c.IN:
            for item, value in argument:
                if item is _c.LITERAL:
                    first.add(chr(value))
                elif item is _c.RANGE:
                    first.update(chr(c) for c in range(value[0], value[1] + 1))
                elif item is _c.CATEGORY and value is _c.CATEGORY_DIGIT:
                    first.add("\\d")
                else:
                    raise AssertionError(f"a class this test does not read: {item}")
            return first, False
        if op is _c.SUBPATTERN:
            inner, empty = _first_characters(argument[3].data)
        elif op is _c.BRANCH:
            parts = [_first_characters(branch.data) for branch in argument[1]]
            inner = set().union(*(chars for chars, _ in parts))
            empty = any(e for _, e in parts)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            inner, empty = _first_characters(argument[2].data)
            empty = empty or argument[0] == 0
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        else:
            raise AssertionError(f"an operation this test does not read: {op}")
        first |= inner
        if not empty:
            return first, False
    return first, True


def _alternatives() -> dict[str, str]:
    pattern = re.compile(patterns.CANDIDATE_ALTERNATIVES, re.VERBOSE)
    ((_, (_, branches)),) = _parser.parse(pattern.pattern, re.VERBOSE).data  # (?:a|b|…)
    names = {number: name for name, number in pattern.groupindex.items()}
    return {names[branch.data[0][1][0]]: branch for branch in branches}


def test_each_alternative_is_tried_at_every_character_it_can_start_with():
    alternatives = _alternatives()
    assert set(alternatives) == set(patterns.FIRST_CHARACTERS)
    for name, branch in alternatives.items():
        first, empty = _first_characters(branch.data)
        assert not empty, name
        guard = re.compile(f"[{patterns.FIRST_CHARACTERS[name]}]")
        missed = {c for c in first if c != "\\d" and not guard.fullmatch(c)}
        if "\\d" in first:
            missed |= {c for c in "0123456789٣३" if not guard.fullmatch(c)}
        assert not missed, f"{name} can start with {sorted(missed)}"


# Words before a full stop: abbreviations, initials, words longer than the window, letters
# outside ASCII, "_", and spaces of every kind.
STOP_PIECES = (
    *("Feb", "U.S", "P", "Mr", "x_y", "é", "İ", "3", "ab", "abcdefghijklmnopq", "Ltd"),
    *(" ", "  ", "\t", "\n", "\xa0", "\x1c", ".", ",", "-"),
)


@pytest.mark.parametrize("seed", range(3))
def test_the_word_before_a_full_stop_is_the_one_the_regex_finds(seed):
    rng = random.Random(seed)
    for _ in range(5_000):
        text = "".join(
            rng.choice(STOP_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(0, 8))
        )
        for at in {len(text), rng.randint(0, len(text))}:
            match = patterns.WORD_BEFORE_STOP.search(text, max(0, at - 12), at)
            assert _word_before_stop(text, at) == (match.group(1) if match else None)


def test_a_house_number_before_a_street_name_is_not_a_year():
    text = "The embassy moved to 1776 Massachusetts Ave. and later to 1812 Orchard Road."
    assert found(text) == []
    # a preposition or an article before it makes it a year again
    assert found("In 1929 Wall Street crashed; the 1987 Wall Street crash was milder.") == [
        ("1929", "1929", "year"),
        ("1987", "1987", "year"),
    ]


def test_a_repeated_weekday_is_a_set_not_a_date():
    text = "The market opens every Tuesday, Thursday and Saturday, and each Sunday in summer."
    assert found(text) == []
    assert found("Meetings are held every week; the last one was on Tuesday.") == [
        ("Tuesday", "2016-11-15", "day")
    ]


def test_a_weekday_in_a_title_is_not_a_date():
    assert found("He told the Sunday Telegraph and The Monday Review of his plans.") == []
    assert found("The Friday vote was close, the Sunday March 6 count closer.") == [
        ("Friday", "2016-11-18", "day"),
        ("Sunday March 6", "2016-03-06", "day"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On April 27 , 2003 , the barge hit a rock.", ("April 27 , 2003", "2003-04-27")),
        ("On 27 April , 2003 , the barge hit a rock.", ("27 April , 2003", "2003-04-27")),
        ("It was Tuesday , September 11 , 2001 .", ("Tuesday , September 11 , 2001", "2001-09-11")),
        ("It opened on Aug 2 , 2009 in Leeds.", ("Aug 2 , 2009", "2009-08-02")),
    ],
)
def test_a_tokenised_comma_still_joins_a_day_to_its_year(text, expected):
    # Research corpora and some feeds put a space before every comma ("May 10 , 1996"): read
    # apart, the day would take the publication's year and the year count again.
    assert found(text) == [(*expected, "day")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Celebrations on the fourth of July were muted.", ("the fourth of July", "2016-07-04")),
        ("Obama gave his Fourth of July remarks.", ("Fourth of July", "2016-07-04")),
        (
            "He left on the twenty-first of June 1998.",
            ("the twenty-first of June 1998", "1998-06-21"),
        ),
        ("The thirty-first of March was cold.", ("The thirty-first of March", "2016-03-31")),
    ],
)
def test_a_day_in_words_before_of_and_a_month_is_a_day(text, expected):
    assert found(text) == [(*expected, "day")]


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("It was the first of three attempts, the second in May.", "May"),
        # a fraction, not a day
        ("A third of March's rainfall fell in one day.", "March"),
        ("Only a tenth of August visitors came back.", "August"),
        # a possessive: May the person
        ("The first of May's three proposals failed.", "May"),
    ],
)
def test_an_ordinal_that_is_no_day_leaves_the_month_alone(text, month):
    assert [(m, v) for m, v, _ in found(text)] == [(month, f"2016-{MONTHS[month]:02}")]


MONTHS = {"May": 5, "March": 3, "August": 8}


def test_a_quarter_opening_a_sentence_keeps_its_determiner():
    assert found("The first quarter of 2010 was weak.") == [
        ("The first quarter of 2010", "2010-01/2010-03", "month")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote on 30 Jun 2009 was close.", ("30 Jun 2009", "2009-06-30")),
        ("The vote on 26th Apr 2009 was close.", ("26th Apr 2009", "2009-04-26")),
        ("The vote on Jun 30 2009 was close.", ("Jun 30 2009", "2009-06-30")),
    ],
)
def test_a_bare_abbreviated_month_with_its_year_makes_a_day(text, expected):
    assert found(text) == [(*expected, "day")]


def test_a_wire_stamps_time_after_a_bare_abbreviated_month_is_no_year():
    assert found("The tanker sailed on Jun 5 1130 GMT from Houston.") == []
