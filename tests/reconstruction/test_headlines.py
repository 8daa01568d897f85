"""Headlines an editor keeps: what the date dates, in at most 14 of the sentence's words."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction import headline
from timeline.extraction import extract
from timeline.extraction.headlines import MAX_WORDS


def test_seed_article_headlines_read_as_headlines_an_editor_keeps(seed_article):
    proposals = extract(seed_article, date(2016, 11, 19)).proposals
    assert [(p.value, p.headline) for p in proposals] == [
        (
            "2016-11-18",
            "Swiss fighter jets shadowed a Russian government plane flying over the country",
        ),
        ("2016-11-18", "The negotiations were confirmed by Turkish Defense Minister Fikri Isik"),
        ("2013", "Russia’s S-400 system competed with US-made Patriot PAC-3 and others"),
        ("2015", "The deal stalled and was ultimately cancelled"),
        (
            "2015-08",
            "Ankara was angered by the US decision to withdraw Patriot missiles"
            " from Turkey’s border",
        ),
        (
            "2013",
            "Patriot missiles had been deployed to protect Turkey"
            " from a possible cross-border attack",
        ),
    ]


@pytest.mark.parametrize(
    ("sentence", "date_text", "expected"),
    [
        # attribution with "that"
        (
            "Turkish officials said on Friday that the tests were held near Sinop.",
            "Friday",
            "The tests were held near Sinop",
        ),
        # attribution without "that": the pronoun takes the speaker's name back
        (
            "The defence ministry said on Tuesday it had signed the contract with Rosoboronexport.",
            "Tuesday",
            "The defence ministry had signed the contract with Rosoboronexport",
        ),
        # trailing attribution
        (
            "Talks with Moscow are at an advanced stage, the minister told reporters on Friday.",
            "Friday",
            "Talks with Moscow are at an advanced stage",
        ),
        # a passive "confirmed by" is the happening, not an attribution
        (
            "The negotiations were confirmed by the minister, who said on Friday that talks"
            " went well.",
            "Friday",
            "The negotiations were confirmed by the minister",
        ),
    ],
)
def test_attributions_go(sentence, date_text, expected):
    assert headline(sentence, date_text) == expected


@pytest.mark.parametrize(
    ("sentence", "date_text", "expected"),
    [
        ("However, the deal was cancelled in 2015.", "2015", "The deal was cancelled"),
        # the date sits in the leading clause: that clause is what happened then
        (
            "After the rig exploded on April 20, the Coast Guard launched a search for workers.",
            "April 20",
            "The rig exploded",
        ),
        # the date sits in the main clause: the leading clause goes
        (
            "Although talks had stalled, the contract was signed in March with Rosoboronexport.",
            "March",
            "The contract was signed with Rosoboronexport",
        ),
        (
            "In a similar tender in 2013, Russia's system lost to China's bid.",
            "2013",
            "Russia's system lost to China's bid",
        ),
        # a relative clause between subject and verb goes
        (
            "The deal, which worried NATO allies, was cancelled in 2015.",
            "2015",
            "The deal was cancelled",
        ),
        # a "when" clause right after the date is the dated happening
        (
            "The push began in August of 2015 when Ankara was angered by the US decision.",
            "August of 2015",
            "Ankara was angered by the US decision",
        ),
    ],
)
def test_lead_ins_and_subordinate_clauses(sentence, date_text, expected):
    assert headline(sentence, date_text) == expected


def test_a_long_list_keeps_its_first_item():
    sentence = (
        "In 2013, Turkey chose China's FD-2000 over bids from Raytheon, Lockheed Martin, "
        "Eurosam and Rosoboronexport in a tender worth $3.4 billion."
    )
    expected = "Turkey chose China's FD-2000 over bids from Raytheon and others"
    assert headline(sentence, "2013") == expected


def test_a_short_list_stays_whole():
    sentence = "On Monday, Turkey, Greece and Bulgaria signed the pipeline accord."
    assert headline(sentence, "Monday") == "Turkey, Greece and Bulgaria signed the pipeline accord"


@pytest.mark.parametrize(
    ("sentence", "date_text", "expected"),
    [
        ("“We have said our doors are open,” the minister said on Friday.", "Friday", None),
        ('"Our doors are open to any partner," Isik said on Friday.', "Friday", None),
    ],
)
def test_quotes_lose_their_marks_and_their_speaker_tag(sentence, date_text, expected):
    result = headline(sentence, date_text)
    assert not any(mark in result for mark in '"“”')
    assert "said" not in result.split()[-2:]
    assert result.startswith(("Our doors are open", "We have said our doors are open"))


@pytest.mark.parametrize(
    "sentence",
    [
        "The tests, on Friday, were held near Sinop.",
        "On Friday, the tests were held near Sinop.",
        "The tests were held near Sinop on 18 November.",
        "Just last week, the tests were held near Sinop.",
    ],
)
def test_removing_the_date_leaves_no_stray_comma(sentence):
    date_text = next(d for d in ("last week", "18 November", "Friday") if d in sentence)
    assert headline(sentence, date_text) == "The tests were held near Sinop"


def test_long_sentences_end_at_a_phrase_boundary_within_fourteen_words_never_with_an_ellipsis():
    sentence = (
        "On 20 April 2010 an explosion aboard the Deepwater Horizon drilling rig in the Gulf "
        "of Mexico killed 11 workers and started the largest marine oil spill in history."
    )
    result = headline(sentence, "20 April 2010")
    assert len(result.split()) <= MAX_WORDS
    assert not result.endswith(("…", "...", ",", " the", " of", " in", " and"))
    assert result.startswith("An explosion aboard the Deepwater Horizon drilling rig")


def test_wire_datelines_and_tokenised_brackets_go():
    sentence = (
        "HOUSTON | Wed Jun 9 , 2010 3:49 am EDT HOUSTON -LRB- Reuters -RRB- - U.S. experts "
        "confirmed on Tuesday that oil plumes were spreading beneath the surface ."
    )
    assert headline(sentence, "Tuesday") == "Oil plumes were spreading beneath the surface"


def test_headline_falls_back_to_the_sentence_when_nothing_else_is_left():
    assert headline("In 2013.", "2013") != ""


def test_an_empty_subject_after_an_attribution_leaves_the_news():
    sentence = (
        "The government said on Sunday it was likely that ten students back from Mexico "
        "had swine flu."
    )
    assert headline(sentence, "Sunday") == "Ten students back from Mexico had swine flu"


def test_a_heading_in_capitals_glued_to_the_story_goes():
    sentence = "PASSENGERS URGED TO COME FORWARD The man arrived in Hong Kong on Thursday."
    assert headline(sentence, "Thursday") == "The man arrived in Hong Kong"
