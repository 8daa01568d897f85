"""Which language a text is in, and how dates are written in it.

The language is detected by py3langid (offline, a model of ~2 MB shipped in the
package, no download). English has its own hand-tuned grammar (``patterns``).
Every other supported language gets a candidate pattern generated from
dateparser's locale data: its month and weekday names (genitive forms
included), its words for a year and its relative phrases ("geçen yıl", "в
прошлом году", "letztes Jahr", "hier", "el mes pasado", "N gün önce"). What the
data cannot know is written here once per language, in a few words: the
morphology that decides whether a word is a date (Turkish case suffixes
"2019'da", "Temmuz'da", "Kasım ayında"; Russian, Ukrainian and Greek endings
"в июле", "у липні"; Spanish "15 de julio de 2016"), the prepositions that
make a bare year or month a date, and the words for "last" and "next".

A language that is not supported gives years only, and the extraction says so
(``UNSUPPORTED_LANGUAGE``), because a day read by the wrong grammar is worse
than no day.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from functools import lru_cache

import regex

from timeline.extraction import patterns

ENGLISH = "en"
SUPPORTED = {
    "en": "English",
    "tr": "Turkish",
    "ru": "Russian",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "ar": "Arabic",
    "el": "Greek",
    "uk": "Ukrainian",
}
# Shorter texts say too little for a detector: they are taken as English.
LEAST_LETTERS = 20

# Eastern Arabic and Persian digits read as ASCII ones, character for character,
# so offsets into the original text stay exact.
# Greek accents are dropped the same way: "Ιούλιο" and "Ιουλίου" share a stem.
FOLD = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹άέήίόύώϊϋΐΰΆΈΉΊΌΎΏ",
    "01234567890123456789αεηιουωιυιυΑΕΗΙΟΥΩ",
)

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@dataclass(frozen=True)
class Morphology:
    """What a language adds to dateparser's words, in the few places that matter."""

    inflects: bool = False  # "июля", "июле": a stem with endings
    after_name: str = ""  # suffix a month or weekday may carry: Turkish "'da", " ayında"
    after_year: str = ""  # what may follow a year: "'da", " года", " г."
    connector: str = ""  # between day, month and year: Spanish "de"
    year_intro: str = ""  # words before a bare year that make it one
    month_intro: str = ""  # words before a bare month that make it one
    last: str = ""  # "last Friday"
    next: str = ""  # "next Friday"


_TR_SUFFIX = r"['’](?:d[ae]|t[ae]|d[ae]n|t[ae]n|[yn]?[ıiuü]n?|[yn]?[ae]|k[ıi])\b"
MORPHOLOGY = {
    "tr": Morphology(
        after_name=rf"(?:{_TR_SUFFIX}|{patterns.H}+ay[ıi]n(?:d[ae]|[ıi]n)?\b|{patterns.H}+ay[ıi]\b|"
        rf"{patterns.H}+günü\b)",
        after_year=rf"(?:{_TR_SUFFIX}|{patterns.H}+yıl(?:ı|ında|ından)\b)",
        last="geçen|geçtiğimiz",
        next="gelecek|önümüzdeki",
    ),
    "ru": Morphology(
        inflects=True,
        after_year=rf"{patterns.H}+(?:года|году|год|г\.)",
        # "до 2000 рублей": a Russian year says "года"/"году"/"г." or ends the clause
        month_intro="в|с|до|к|по|от|после|начале|конце|середине|середина|конец|начало",
        last=r"прошл\w*",
        next=r"следующ\w*|будущ\w*",
    ),
    "uk": Morphology(
        inflects=True,
        after_year=rf"{patterns.H}+(?:року|році|рік|р\.)",
        month_intro="в|у|з|до|по|від|після|початку|кінці|середині|наприкінці",
        last=r"минул\w*",
        next=r"наступн\w*",
    ),
    "el": Morphology(
        inflects=True,
        connector="του",
        year_intro="το|του|από|έως|μέχρι|ως|στο|έτος|και",
        month_intro="τον|στον|από|έως|μέχρι|αρχές|τέλη|μέσα|του|στις|τις",
        last=r"προηγούμεν\w*|περασμέν\w*",
        next=r"επόμεν\w*|ερχόμεν\w*",
    ),
    "de": Morphology(
        year_intro="in|im|seit|bis|ab|von|vor|nach|zwischen|und|Jahr|Jahre|Jahres|Anfang|Ende|Mitte",
        month_intro="im|seit|bis|ab|vom|zum|Anfang|Ende|Mitte|bis|nach|vor|im|Monat",
        last=r"letzt\w*|vergangen\w*|vorig\w*",
        next=r"nächst\w*|kommend\w*",
    ),
    "fr": Morphology(
        year_intro="en|depuis|dès|jusqu'en|avant|après|année|de|entre|et|fin|début|mi",
        month_intro="en|depuis|dès|jusqu'en|début|fin|mi|avant|après|mois de|d'ici",
        last="dernier|dernière",
        next="prochain|prochaine",
    ),
    "es": Morphology(
        connector="de|del",
        year_intro="en|desde|hasta|de|del|año|entre|antes|después|y|finales de|principios de",
        month_intro="en|desde|hasta|de|finales de|principios de|mediados de|mes de",
        last="pasado|pasada",
        next="próximo|próxima",
    ),
    "ar": Morphology(
        year_intro="عام|العام|سنة|في|منذ|حتى|و",
        month_intro="في|منذ|حتى|شهر|مطلع|أواخر|منتصف|بداية|نهاية",
        last="الماضي|الماضية|المنصرم",
        next="المقبل|المقبلة|القادم|القادمة",
    ),
}

# Forms dateparser's data lacks: the Russian prepositional of May ("в мае").
EXTRA_FORMS = {"ru": {5: ["мае"]}}

_WORD_EDGE_BEFORE = r"(?<![\w'’-])"
_WORD_EDGE_AFTER = r"(?![\w])"
_UNITS = ("day", "week", "month", "year")


def fold(text: str) -> str:
    """ASCII digits and unaccented Greek, one character for one, so offsets hold."""
    return text.translate(FOLD)


# Below this many letters a text says too little to tell any of the ~97 languages
# the model knows: it is told among the supported ones only, and taken as English
# unless the model is sure.
SHORT_TEXT_LETTERS = 400
# A language shows in its first lines; more costs time and tells nothing new.
SAMPLE = 2000
SHORT_TEXT_CERTAINTY = 0.9


@lru_cache(maxsize=1)
def _model():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=2)
def _identifier(only_supported: bool):
    if not only_supported:
        return _model()
    # the same model (decompressed once) told among the supported languages only
    restricted = copy.copy(_model())
    restricted.set_languages(list(SUPPORTED))
    return restricted


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language; very short texts are taken as English."""
    sample = text[:SAMPLE]
    letters = sum(1 for c in sample if c.isalpha())
    if letters < LEAST_LETTERS:
        return ENGLISH
    short = letters < SHORT_TEXT_LETTERS
    code, probability = _identifier(short).classify(sample)
    if short and probability < SHORT_TEXT_CERTAINTY:
        return ENGLISH
    return code


def is_supported(language: str) -> bool:
    return language in SUPPORTED


def _alternation(words) -> str:
    return "|".join(sorted({w for w in words if w}, key=len, reverse=True))


@dataclass(frozen=True)
class Grammar:
    """The compiled candidate pattern of one language, and what its words mean."""

    language: str
    pattern: regex.Pattern
    months: tuple[tuple[regex.Pattern, int], ...]
    weekdays: tuple[tuple[regex.Pattern, int], ...]
    relatives: dict[str, tuple[int, str]]
    counted: tuple[tuple[regex.Pattern, str, int], ...]
    last: regex.Pattern
    next: regex.Pattern

    def month_number(self, span: str) -> int | None:
        return _lookup(self.months, span, self.language)

    def weekday_number(self, span: str) -> int | None:
        return _lookup(self.weekdays, span, self.language)


_TOKEN = regex.compile(r"\w+(?:['’]\w+)*\.?")


def _lookup(table, span: str, language: str) -> int | None:
    for token in _TOKEN.findall(span.lower()):
        # "п'ятниці" is one word; "temmuz'da" is "temmuz" with a case ending;
        # Arabic joins "و" and "ب" to the word they introduce.
        candidates = (token, regex.split(r"['’]", token)[0], token[1:])
        for candidate in candidates if language == "ar" else candidates[:2]:
            for word in (candidate, candidate.rstrip(".")):
                for pattern, number in table:
                    if pattern.fullmatch(word):
                        return number
    return None


def _name_forms(info: dict, key: str, inflects: bool) -> list[str]:
    forms = sorted({fold(f.lower()) for f in info.get(key, []) if len(f) >= 3})
    # An abbreviation ("янв" of "январь", "mar" of "marzo") is a date word only with
    # its full stop; "март" of "марта" is a name with an ending, not an abbreviation.
    short = {f for f in forms if any(o.startswith(f) and len(o) >= len(f) + 2 for o in forms)}
    result = [regex.escape(f) + (r"\." if f in short else "") for f in forms]
    names = [f for f in forms if f not in short and len(f) >= 4]
    if inflects and names:
        stem = os.path.commonprefix(names)  # noqa: RUF071 - words, not paths
        if len(stem) >= 3:
            result.append(regex.escape(stem) + r"\w{0,4}")
    return result


@lru_cache(maxsize=16)
def grammar(language: str) -> Grammar:
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(language).info
    shape = MORPHOLOGY[language]
    extra = EXTRA_FORMS.get(language, {})
    month_forms = {
        n: _name_forms(info, m, shape.inflects) + extra.get(n, []) for n, m in enumerate(MONTHS, 1)
    }
    weekday_forms = {n: _name_forms(info, d, shape.inflects) for n, d in enumerate(WEEKDAYS)}
    month = "(?:" + "|".join(_alternation(f) for f in month_forms.values()) + ")"
    weekday = "(?:" + "|".join(_alternation(f) for f in weekday_forms.values()) + ")"
    prefix = r"(?:[وبل]|ف)?" if language == "ar" else ""
    h = patterns.H
    name_tail = shape.after_name and f"(?:{shape.after_name})?"
    link = rf"(?:{h}+(?:{shape.connector}))?{h}+" if shape.connector else rf",?{h}+"
    day = r"(?:3[01]|[12][0-9]|0?[1-9])(?:\.|er|º|ª)?"
    year = rf"{patterns.ALONE_BEFORE}(?:1[0-9]{{3}}|20[0-9]{{2}})(?!\d)"
    year_tail = shape.after_year and f"(?:{shape.after_year})?"

    relatives: dict[str, tuple[int, str]] = {}
    for key, phrases in info.get("relative-type", {}).items():
        found = regex.fullmatch(r"(in )?(\d+) (day|week|month|year) ?(ago)?", key)
        if not found:
            continue
        steps = int(found.group(2)) * (1 if found.group(1) else -1)
        for phrase in phrases:
            if len(phrase) >= 3:
                relatives[fold(phrase.lower())] = (steps, found.group(3))
    counted = []
    for key, expressions in info.get("relative-type-regex", {}).items():
        found = regex.fullmatch(r"(in )?\\1 (day|week|month|year)( ago)?", key)
        if not found:
            continue
        for expression in expressions:
            counted.append(
                (
                    regex.compile(fold(expression).replace(" ", r"\s+"), regex.IGNORECASE),
                    found.group(2),
                    1 if found.group(1) else -1,
                )
            )
    relative_words = "|".join(
        regex.escape(p).replace(r"\ ", rf"{h}+") for p in sorted(relatives, key=len, reverse=True)
    )
    counted_words = "|".join(fold(e.pattern).replace(" ", rf"{h}+") for e, _, _ in counted)
    modifier = f"(?:{shape.last}|{shape.next})"
    articles = r"(?:el|la|le|на|в|во|у|την|το|τον|ο|η)"

    source = rf"""
    (?P<date>{_WORD_EDGE_BEFORE}{day}{h}*(?:{shape.connector and f"(?:{shape.connector}){h}+"})?
        {prefix}{month}{name_tail}(?:{link}(?P<date_year>{year}){year_tail})?{_WORD_EDGE_AFTER})
  | (?P<month_year>{_WORD_EDGE_BEFORE}{prefix}{month}{link}{year}{year_tail}{_WORD_EDGE_AFTER}
        | {year}{h}+{prefix}{month}{name_tail}{_WORD_EDGE_AFTER})
  | (?P<relative>{_WORD_EDGE_BEFORE}(?:{relative_words}){_WORD_EDGE_AFTER})
  | (?P<counted>{_WORD_EDGE_BEFORE}(?:{counted_words}){_WORD_EDGE_AFTER})
  | (?P<weekday>{_WORD_EDGE_BEFORE}(?:(?:{articles}{h}+)?{modifier}{h}+)?{prefix}{weekday}
        (?:{h}+{modifier})?{name_tail}{_WORD_EDGE_AFTER})
  | (?P<month>{_WORD_EDGE_BEFORE}{prefix}{month}{name_tail}{_WORD_EDGE_AFTER})
  | (?P<year>{year}{year_tail}(?![\w%]|[.,/–—-]\d))
    """
    return Grammar(
        language=language,
        pattern=regex.compile(fold(source), regex.VERBOSE | regex.IGNORECASE),
        months=tuple(
            (regex.compile(_alternation(f), regex.IGNORECASE), n)
            for n, f in month_forms.items()
            if f
        ),
        weekdays=tuple(
            (regex.compile(_alternation(f), regex.IGNORECASE), n)
            for n, f in weekday_forms.items()
            if f
        ),
        relatives=relatives,
        counted=tuple(counted),
        last=regex.compile(fold(shape.last), regex.IGNORECASE),
        next=regex.compile(fold(shape.next), regex.IGNORECASE),
    )


def introduced(language: str, before: str, words: str) -> bool:
    """Is the word just before a bare year or month one that makes it a date?"""
    if not words:
        return False
    return bool(regex.search(rf"(?:^|[\s(])(?:{fold(words)})\s*$", before, regex.IGNORECASE))
