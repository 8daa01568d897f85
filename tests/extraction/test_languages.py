"""Dates in other languages, at their real precision, from sentences we wrote."""

from __future__ import annotations

import pytest

from tests.extraction.languages import PUBLISHED, TABLES, ours
from timeline.extraction import UNSUPPORTED_LANGUAGE, extract
from timeline.extraction.languages import detect_language

CASES = [
    pytest.param(language, sentence, expected, id=f"{language}-{number}")
    for language, table in TABLES.items()
    for number, (sentence, expected) in enumerate(table)
]


def test_each_language_has_a_table_of_at_least_thirty_sentences_with_traps():
    for language, table in TABLES.items():
        assert len(table) >= 30, language
        assert sum(1 for _, expected in table if not expected) >= 4, language


@pytest.mark.parametrize(("language", "sentence", "expected"), CASES)
def test_sentence_gives_exactly_its_dates(language, sentence, expected):
    assert ours(sentence, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "tr",
            "Türkiye geçen cuma Rusya ile S-400 sistemi için görüşmelerin sürdüğünü açıkladı.",
        ),
        (
            "ru",
            "В прошлом году Турция начала переговоры с Россией о покупке зенитных систем С-400.",
        ),
        (
            "de",
            "Die Türkei verhandelt seit dem letzten Jahr mit Russland über den Kauf des Systems.",
        ),
        ("fr", "La Turquie a annoncé vendredi dernier qu'elle négociait l'achat du système russe."),
        (
            "es",
            "Turquía anunció el pasado viernes que negocia la compra del sistema ruso de defensa.",
        ),
        ("ar", "أعلنت تركيا يوم الجمعة الماضية أنها تتفاوض على شراء منظومة الدفاع الروسية."),
        (
            "el",
            "Η Τουρκία ανακοίνωσε την περασμένη Παρασκευή ότι διαπραγματεύεται την αγορά.",
        ),
        (
            "uk",
            "Туреччина минулої п'ятниці оголосила, що веде переговори про купівлю системи.",
        ),
        ("en", "Turkey said on Friday that it was in talks with Russia to buy the S-400 system."),
    ],
)
def test_language_is_detected_from_the_text(language, text):
    assert detect_language(text) == language
    assert extract(text, PUBLISHED).language == language


def test_unsupported_language_gives_years_only_and_a_flag_never_a_day():
    text = "Il 15 luglio 2016 il colpo di stato è fallito; nel 2019 sono arrivati gli S-400."
    result = extract(text, PUBLISHED, language="it")
    assert [(m.text, m.value) for m in result.mentions] == [("2016", "2016"), ("2019", "2019")]
    assert result.flags == (UNSUPPORTED_LANGUAGE,)


def test_language_given_by_the_caller_overrides_detection():
    result = extract("Am 12. September 2017 unterzeichnet.", PUBLISHED, language="de")
    assert [(m.text, m.value) for m in result.mentions] == [("12. September 2017", "2017-09-12")]
    assert result.language == "de"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Выборы прошли 4 декабря.", "ru"),
        ("Торік у Львові.", "uk"),
        ("أمس في بيروت.", "ar"),
        ("Χθες στην Αθήνα.", "el"),
    ],
)
def test_short_text_in_a_non_latin_script_is_told_among_that_scripts_languages(text, language):
    # too short for the detector to be sure, but no English is written in these letters
    assert detect_language(text) == language
    assert detect_language("Talks resumed.") == "en"


def test_short_cyrillic_sentence_detected_gives_its_date():
    result = extract("Саммит намечен на 3 марта.", PUBLISHED)
    assert result.language == "ru"
    assert [(m.text, m.value) for m in result.mentions] == [("3 марта", "2017-03-03")]
