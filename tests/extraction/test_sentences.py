"""Sentence boundaries: a dot inside a date ends no sentence."""

from __future__ import annotations

import pytest

from timeline.extraction.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Der Rat tagte am 14. März in Brüssel. Danach reiste er ab.",
        "Das Gesetz gilt seit dem 1. Januar 2021. Danach reiste er ab.",
        "Die Frist endet am 30. Sept. 2025 um Mitternacht. Danach reiste er ab.",
        "Fabrika 3. Mart 2020 tarihinde açıldı. Danach reiste er ab.",
        "Gestreikt wurde am 2. und 3. Mai in Brüssel. Danach reiste er ab.",
    ],
)
def test_an_ordinal_day_before_a_month_name_stays_inside_its_sentence(text):
    first, second = texts(text)
    assert second == "Danach reiste er ab."
    assert first.endswith(("Brüssel.", "2021.", "Mitternacht.", "açıldı."))


def test_a_number_with_a_dot_before_any_other_word_still_ends_a_sentence():
    # the trap: "am 6." before a capitalised word that names no month
    assert texts("Er kam am 6. Er ging am 7. Dann war Schluss.") == [
        "Er kam am 6.",
        "Er ging am 7.",
        "Dann war Schluss.",
    ]


def test_joined_sentences_keep_exact_offsets():
    text = "Vorspann.\nDer Rat tagte am 14. März in Brüssel. Ende."
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
