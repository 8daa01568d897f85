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
make a bare year or month a date, the words for "last", "this" and "next" and the
units they take ("im vergangenen Jahr", "العام المقبل"), number words the data
lacks ("iki yıl önce"), the words between two days of one month ("11. und 12.
Juli"), Arabic's Levantine month names and ordinal days, and the few words that tell
whether a clause's verb looks ahead or back (read by ``foreign``).

A language that is not supported gives years only, and the extraction says so
(``UNSUPPORTED_LANGUAGE``), because a day read by the wrong grammar is worse
than no day.
"""

from __future__ import annotations

import copy
import os
import unicodedata
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
    this: str = ""  # "this year": with ``units`` below
    # The words for a year, a month and a week that take ``last``/``this``/``next``
    # ("im vergangenen Jahr", "прошлого года", "geçen yılın", "l'an dernier", "العام
    # المقبل"), and whether the modifier follows the unit (French, Arabic).
    units: tuple[tuple[str, str], ...] = ()
    modifier_after: bool = False
    # Spanish writes the modifier on either side: "el mes pasado", "el próximo mes",
    # "marzo del año pasado", "marzo del próximo año".
    modifier_either: bool = False
    # Small numbers written as words in counted phrases ("iki yıl önce", "ثلاثة أيام"),
    # where dateparser's locale data has none; theirs are used where it has them.
    numbers: tuple[tuple[str, int], ...] = ()
    # Another word for the one dateparser's counted phrases use: Arabic "منذ" beside "قبل".
    ago_synonyms: tuple[tuple[str, str], ...] = ()
    # Words between two days that share one month: "11. und 12. Juli", "15-17 марта".
    pair: str = ""
    # A weekday written as one word with its part of the day: "Dienstagabend".
    weekday_tail: str = ""
    # Words before a number that make it a name, not a year: "رؤية 2030" (Vision 2030).
    not_year_before: str = ""
    # What tells that the verb of a date's clause looks ahead or back (``foreign``).
    future: str = ""
    past: str = ""
    # Whether the verb ends its clause (Turkish): the past is then read from the clause's
    # last word only, as nouns end like past verbs too ("toplantı", "ordu").
    verb_last: bool = False
    # "since" right before a date: what a clause counts from has happened ("seit August")
    since: str = ""
    # Phrases dateparser's data lacks, with their steps back or ahead and unit.
    relatives: tuple[tuple[str, int, str], ...] = ()
    # Counted phrases it lacks ("{n}" the count), with their unit and direction: the
    # Russian genitive plural after five and more ("пять дней назад", "десять лет назад").
    counted: tuple[tuple[str, str, int], ...] = ()
    # Days written as ordinal words before "of" and a month: Arabic "الخامس من تموز".
    ordinals: tuple[tuple[str, int], ...] = ()
    # The word for "of" between a day or month and what it belongs to: "الخامس من تموز",
    # "نيسان من العام الجاري", "juillet de l'année prochaine", "März des nächsten Jahres",
    # "Μάρτιο του προηγούμενου έτους".
    of: str = ""
    # What may join a month to the word before it: French "mi-septembre".
    month_prefix: str = ""
    # The ending an ordinal day may carry before its month: Russian "24-го февраля",
    # Greek "5ης Ιουλίου".
    day_suffix: str = ""


_AR_UNITS = [
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
]
# "الخامس من تموز", "الحادي والعشرين من آذار": the day of a month as an ordinal word
AR_ORDINAL_DAYS = (
    *((word, n) for n, word in enumerate(_AR_UNITS, 1)),
    ("العاشر", 10),
    ("الحادي عشر", 11),
    *((f"{word} عشر", n) for n, word in enumerate(_AR_UNITS[1:], 12)),
    ("العشرين", 20),
    ("الحادي والعشرين", 21),
    *((f"{word} والعشرين", n) for n, word in enumerate(_AR_UNITS[1:], 22)),
    ("الثلاثين", 30),
    ("الحادي والثلاثين", 31),
)

_TR_SUFFIX = r"['’](?:d[ae]|t[ae]|d[ae]n|t[ae]n|[yn]?[ıiuü]n?|[yn]?[ae]|k[ıi])\b"
MORPHOLOGY = {
    "tr": Morphology(
        after_name=rf"(?:{_TR_SUFFIX}|{patterns.H}+ay[ıi]n(?:d[ae]|[ıi]n)?\b|{patterns.H}+ay[ıi]\b|"
        rf"{patterns.H}+günü\b)",
        after_year=rf"(?:{_TR_SUFFIX}|{patterns.H}+yıl(?:ı|ında|ından|ının)\b)",
        last="geçen|geçtiğimiz",
        next="gelecek|önümüzdeki",
        this="bu",
        units=(("year", r"yıl(?:ın|ı)?"), ("month", r"ay(?:ın)?"), ("week", r"hafta(?:nın)?")),
        numbers=(
            ("bir", 1),
            ("iki", 2),
            ("üç", 3),
            ("dört", 4),
            ("beş", 5),
            ("altı", 6),
            ("yedi", 7),
            ("sekiz", 8),
            ("dokuz", 9),
            ("on", 10),
            ("on bir", 11),
            ("on iki", 12),
        ),
        pair="ve|ile|-|–",
        # "önceki gün" is the day before yesterday ("bir önceki gün", the day before, is not:
        # ``foreign`` skips it)
        relatives=(("önceki gün", -2, "day"), ("evvelki gün", -2, "day")),
        not_year_before="Vizyon|Vizyonu",
        # a Turkish verb ends its clause: its suffix tells the tense ("-acak", "-di", "-miş")
        future=r"\w+(?:acak|ecek|acağ|eceğ)\w*|önümüzdeki|planlanıyor|bekleniyor",
        past=r"\w+(?:d[ıiuü]|t[ıiuü]|m[ıiuü]ş(?:t[ıiuü])?)(?:r|lar|ler)?",
        verb_last=True,
    ),
    "ru": Morphology(
        inflects=True,
        # "год назад", "месяц назад": one, said without a number
        relatives=(("год назад", -1, "year"), ("месяц назад", -1, "month")),
        day_suffix="-го",
        after_year=rf"{patterns.H}+(?:года|году|год|г\.)",
        # "до 2000 рублей": a Russian year says "года"/"году"/"г." or ends the clause
        month_intro="в|с|до|к|по|от|после|начале|конце|середине|середина|конец|начало",
        last=r"прошл\w*",
        next=r"следующ\w*|будущ\w*",
        this=r"эт(?:от|ого|ом|ой|у|а)|текущ\w*|нынешн\w*",
        units=(("year", r"год(?:а|у)?"), ("month", r"месяц(?:а|е)?"), ("week", r"недел[июея]")),
        pair="и|по|до|-|–",
        counted=(
            ("{n} дней назад", "day", -1),
            ("{n} недель назад", "week", -1),
            ("{n} месяцев назад", "month", -1),
            ("{n} лет назад", "year", -1),
            ("через {n} дней", "day", 1),
            ("через {n} недель", "week", 1),
            ("через {n} месяцев", "month", 1),
            ("через {n} лет", "year", 1),
        ),
        not_year_before="Стратегия|Стратегии|Повестка|Повестки",
        # the perfective present of the verbs that announce events is a future
        future=r"будет|будут|состоится|состоятся|пройд[её]т|пройдут|начн[её]тся|начнутся|"
        r"откро[её]тся|откроются|заверш[иа]тся|планиру\w+|запланирован\w*|намечен\w*|"
        r"намерен\w*|ожидается|предстоящ\w*|должн[аоы]?",
        past=r"был[аио]?|состоял\w*|прош[её]л|прошл[аи]|произош[её]л|произошл[аи]|"
        r"заявил\w*|сообщил\w*|подписал\w*|начал[аи]?|выступил\w*|пров[её]л\w*|"
        r"встретил\w*|прибыл\w*|посетил\w*|объявил\w*",
    ),
    "uk": Morphology(
        inflects=True,
        after_year=rf"{patterns.H}+(?:року|році|рік|р\.)",
        month_intro="в|у|з|до|по|від|після|початку|кінці|середині|наприкінці",
        last=r"минул\w*",
        next=r"наступн\w*",
        this=r"цього|цей|цьому|поточн\w*",
        units=(
            ("year", r"рік|року|році"),
            # "місяці", "тижні" after "минулому" only: "у наступні місяці" are no one month
            ("month", r"місяць|місяця|(?<=ому\s)місяці"),
            ("week", r"тиждень|тижня|(?<=ому\s)тижні"),
        ),
        pair="і|й|та|по|до|-|–",
        not_year_before="Стратегія|Стратегії|Стратегію|Агенда|Агенди|Порядок денний|"
        "Порядку денного",
        # the perfective present of the verbs that announce events is a future, as is the
        # synthetic future "-тиме" ("триватиме")
        future=r"буде|будуть|відбудеться|відбудуться|пройде|пройдуть|розпочнеться|"
        r"розпочнуться|почнеться|почнуться|відкриється|відкриються|завершиться|"
        r"планується|плануються|плану\w+|запланован\w*|заплановано|очікується|"
        r"має\s+відбутися|мають\s+відбутися|\w+тиме|\w+тимуть",
        # the past is the "-в", "-ла", "-ли", "-ло" of its verb (with "-ся" for reflexives);
        # "Київ", "Львів", "років" end in "-ів", which no past here does
        past=r"був|була|було|були|став|\w{3,}[иаую]в|\w{2,}[иаіуя]л[аои](?:ся|сь)?|"
        r"\w+(?:вся|шов|шла|шли)",
        # the plural counts dateparser's data lacks ("2 роки тому", "п'ять днів тому")
        counted=(
            ("{n} роки тому", "year", -1),
            ("{n} років тому", "year", -1),
            ("{n} дні тому", "day", -1),
            ("{n} днів тому", "day", -1),
            ("{n} тижні тому", "week", -1),
            ("{n} тижнів тому", "week", -1),
            ("{n} місяці тому", "month", -1),
            ("{n} місяців тому", "month", -1),
            # and the plural counts ahead: "через 10 днів"
            ("через {n} дні", "day", 1),
            ("через {n} днів", "day", 1),
            ("через {n} тижні", "week", 1),
            ("через {n} тижнів", "week", 1),
            ("через {n} місяці", "month", 1),
            ("через {n} місяців", "month", 1),
            ("через {n} роки", "year", 1),
            ("через {n} років", "year", 1),
        ),
        day_suffix="-го",
    ),
    "el": Morphology(
        inflects=True,
        connector="του",
        year_intro="το|του|από|έως|μέχρι|ως|στο|έτος|και",
        month_intro="τον|στον|από|έως|μέχρι|αρχές|τέλη|μέσα|του|στις|τις",
        last=r"προηγούμεν\w*|περασμέν\w*",
        next=r"επόμεν\w*|ερχόμεν\w*",
        this=r"τρέχ\w*",
        # "την περασμένη εβδομάδα", "τον επόμενο μήνα", "του προηγούμενου έτους"
        units=(
            ("year", r"έτος|έτους|χρόνο|χρόνου|χρονιά|χρονιάς"),
            ("month", r"μήνα|μήνας"),
            ("week", r"εβδομάδα|εβδομάδας"),
        ),
        of="του|της",
        numbers=(
            ("ένα", 1),
            ("έναν", 1),
            ("μία", 1),
            ("μια", 1),
            ("δύο", 2),
            ("δυο", 2),
            ("τρία", 3),
            ("τρεις", 3),
            ("τέσσερα", 4),
            ("τέσσερις", 4),
            ("πέντε", 5),
            ("έξι", 6),
            ("επτά", 7),
            ("εφτά", 7),
            ("οκτώ", 8),
            ("οχτώ", 8),
            ("εννέα", 9),
            ("εννιά", 9),
            ("δέκα", 10),
            ("έντεκα", 11),
            ("δώδεκα", 12),
        ),
        # the data counts years in "έτη" and days in "ημέρες"; news says "χρόνια" and
        # "μέρες" too, and "πριν" without its "από". ("σε τέσσερα χρόνια" stays unread:
        # it is as often a sentence, "καταδικάστηκε σε τέσσερα χρόνια", as a time ahead.)
        counted=(
            ("πριν από {n} χρόνια", "year", -1),
            ("πριν από {n} χρόνο", "year", -1),
            ("πριν από {n} μέρες", "day", -1),
            ("πριν {n} χρόνια", "year", -1),
            ("πριν {n} χρόνο", "year", -1),
            ("πριν {n} μήνες", "month", -1),
            ("πριν {n} μήνα", "month", -1),
            ("πριν {n} εβδομάδες", "week", -1),
            ("πριν {n} ημέρες", "day", -1),
            ("πριν {n} μέρες", "day", -1),
        ),
        relatives=(
            ("προχθές", -2, "day"),
            ("προχτές", -2, "day"),
            ("μεθαύριο", 2, "day"),
            ("πέρυσι", -1, "year"),
            ("φέτος", 0, "year"),
        ),
        # "από τις 12 έως τις 15 Απριλίου": the article of the second day comes with it
        pair="και τις|έως τις|ως τις|μέχρι τις|και|έως|ως|μέχρι|-|–",
        # the feminine ordinal a day is often written as: "1η Μαΐου", "5ης Ιουλίου"
        day_suffix="ης|η",
        not_year_before="Ατζέντα|Ατζέντας|Στρατηγική|Στρατηγικής|Όραμα|Οράματος",
        # "θα" makes every future; the past is the aorist's "-ηκε", "-σε", "-σαν"
        future=r"θα|πρόκειται|αναμένεται|αναμένονται|προγραμματίζεται|προγραμματίζονται|"
        r"προβλέπεται|προβλέπονται",
        past=r"ήταν|είχε|είχαν|έγινε|έγιναν|ήρθε|ήρθαν|είπε|είπαν|"
        r"\w+(?:ηκε|ηκαν|ηχθη|ηχθησαν|ησε|ησαν|ωσε|ωσαν|ασε|ασαν|εψε|εψαν|ιξε|ιξαν)",
    ),
    "de": Morphology(
        year_intro="in|im|seit|bis|ab|von|vor|nach|zwischen|und|Jahr|Jahre|Jahres|Anfang|Ende|Mitte",
        month_intro="im|seit|bis|ab|vom|zum|Anfang|Ende|Mitte|bis|nach|vor|im|Monat",
        last=r"letzt\w*|vergangen\w*|vorig\w*",
        next=r"nächst\w*|kommend\w*",
        this=r"dies(?:es|en|er|em)?",
        units=(("year", r"Jahr(?:es|s|e)?"), ("month", r"Monat(?:s|es)?"), ("week", r"Woche")),
        of="des",
        pair="und dem|und den|und|bis zum|bis|-|–",
        since="seit|seitdem",
        weekday_tail="morgen|vormittag|mittag|nachmittag|abend|nacht",
        not_year_before="Agenda|Vision|Strategie",
        future=r"wird|werden|werde|soll|sollen|sollte|sollten|will|wollen|findet|finden|"
        r"stattfinden|geplant|vorgesehen|anberaumt|bevorsteh\w*",
        # the auxiliaries of the past and the past forms of the verbs news reports with
        past=r"wurde|wurden|war|waren|hat|haben|hatte|hatten|fand|fanden|ereignete|begann|"
        r"sagte|sagten|teilte|teilten|erklärte|erklärten|meldete|kündigte|besuchte|reiste|"
        r"sprach|sprachen|traf|trafen|kam|kamen|gab|nahm|hielt|ging|starb|fiel",
    ),
    "fr": Morphology(
        year_intro="en|depuis|dès|jusqu'en|avant|après|année|de|entre|et|fin|début|mi",
        month_intro="en|depuis|dès|jusqu'en|début|fin|mi|mi-|avant|après|mois de|d'ici",
        last="dernier|dernière",
        next="prochain|prochaine",
        units=(("year", r"l'an|l'année|an|année"), ("month", r"mois"), ("week", r"semaine")),
        modifier_after=True,
        pair="et le|et|au|à|-|–",
        # dateparser's "sept" is written with a look-ahead this module does not take
        numbers=(("sept", 7),),
        since="depuis",
        month_prefix="mi-",
        of="de|d'",
        not_year_before="Agenda|Vision|Horizon|Stratégie",
        # the simple future's endings ("aura lieu", "se tiendra", "s'ouvriront")
        future=r"\w+(?:era|eront|ira|iront|dra|dront)|aura|auront|sera|seront|fera|feront|"
        r"pourra|pourront|devra|devront|prévu|prévue|prévus|prévues|doit|doivent|va|vont",
        # the passé composé's "a" before a participle ("a signé", "a été") and the past tenses
        past=r"avait|avaient|était|étaient|ont|fut|furent|s'est|se sont|"
        r"a\s+(?:été|eu|\w+é(?:e|s|es)?)",
    ),
    "es": Morphology(
        connector="de|del",
        year_intro="en|desde|hasta|de|del|año|entre|antes|después|y|finales de|principios de",
        month_intro="en|desde|hasta|de|finales de|principios de|mediados de|mes de",
        last="pasado|pasada",
        next="próximo|próxima",
        this="este|esta",
        units=(("year", r"año"), ("month", r"mes"), ("week", r"semana")),
        modifier_after=True,
        modifier_either=True,
        of="del|de",
        not_year_before="Agenda|Visión|Estrategia|Horizonte|Plan",
        # the simple future's endings ("se celebrará", "jugarán") and "va a"; the names
        # that end like them are no verbs
        future=r"(?!Irán|Teherán|Corán)\w+rán?|va\s+a|van\s+a|prevé|prevén|previst[oa]s?",
        # the preterite's "-ó", "-aron", "-ieron", the imperfect's "-aba" and the auxiliaries
        past=r"\w+(?:ó|aron|ieron|yeron|aba|aban)|fue|fueron|era|eran|ha|han|había|habían",
        numbers=(
            ("dos", 2),
            ("tres", 3),
            ("cuatro", 4),
            ("cinco", 5),
            ("seis", 6),
            ("siete", 7),
            ("ocho", 8),
            ("nueve", 9),
            ("diez", 10),
            ("once", 11),
            ("doce", 12),
        ),
        pair="y|al|a|-|–",
    ),
    "ar": Morphology(
        year_intro="عام|العام|سنة|في|منذ|حتى|و",
        month_intro="في|منذ|حتى|شهر|مطلع|أواخر|منتصف|بداية|نهاية",
        last="الماضي|الماضية|المنصرم|المنصرمة|الفائت|الفائتة",
        next="المقبل|المقبلة|القادم|القادمة",
        this="الجاري|الجارية|الحالي|الحالية",
        units=(("year", r"العام|عام|السنة"), ("month", r"الشهر"), ("week", r"الأسبوع")),
        modifier_after=True,
        numbers=(
            ("واحد", 1),
            ("واحدة", 1),
            ("اثنين", 2),
            ("اثنتين", 2),
            ("ثلاثة", 3),
            ("ثلاث", 3),
            ("أربعة", 4),
            ("أربع", 4),
            ("خمسة", 5),
            ("خمس", 5),
            ("ستة", 6),
            ("ست", 6),
            ("سبعة", 7),
            ("سبع", 7),
            ("ثمانية", 8),
            ("ثماني", 8),
            ("تسعة", 9),
            ("تسع", 9),
            ("عشرة", 10),
            ("عشر", 10),
            ("أحد عشر", 11),
            ("إحدى عشرة", 11),
            ("اثني عشر", 12),
            ("اثنتي عشرة", 12),
        ),
        # "منذ ثلاثة أيام", "منذ عامين": "since" a span back is "ago" in Arabic news
        ago_synonyms=(("قبل", "منذ"),),
        pair="و|إلى|الى|حتى|-|–",
        # "this" stands before its unit ("هذا العام"), "last" and "next" after it
        relatives=(
            ("هذا العام", 0, "year"),
            ("هذه السنة", 0, "year"),
            ("هذا الأسبوع", 0, "week"),
            # "the first of yesterday": the day before yesterday, not yesterday
            ("أول أمس", -2, "day"),
            ("أمس الأول", -2, "day"),
        ),
        since="منذ",
        ordinals=AR_ORDINAL_DAYS,
        of="من",
        not_year_before="رؤية|رؤيه|أجندة",
        # "سوف" and the prefix "سـ" on a present verb ("ستعقد", "سيتم") make a future
        future=r"سوف|المقرر|المزمع|يعتزم|تعتزم|"
        r"س(?:ت|ي)(?!اس|ار|طر|ن|د|ف|ر|ول|ة|ين|وك|اد|ت)\w{3,}(?<!ة)",
        past=r"كان|كانت|جرى|جرت|وقع|وقعت|شهد|شهدت",
    ),
}

# Forms dateparser's data lacks: the Russian prepositional of May ("в мае"), and the
# Levantine and Iraqi month names of Arabic news from Syria, Lebanon, Jordan and Iraq,
# often written beside the other name ("آذار/مارس 2021").
EXTRA_FORMS = {
    "ru": {5: ["мае"]},
    "ar": {
        1: ["كانون الثاني"],
        2: ["شباط"],
        3: ["آذار"],
        4: ["نيسان"],
        5: ["أيار"],
        6: ["حزيران"],
        7: ["تموز"],
        8: ["آب"],
        9: ["أيلول"],
        10: ["تشرين الأول"],
        11: ["تشرين الثاني"],
        12: ["كانون الأول"],
    },
}


_WORD_EDGE_BEFORE = r"(?<![\w'’-])"
_WORD_EDGE_AFTER = r"(?![\w])"
# How dateparser's counted phrases write their count.
COUNT = r"(\d++[.,]?\d*+)"
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


@lru_cache(maxsize=4)
def _identifier(only: tuple[str, ...] | None):
    if only is None:
        return _model()
    # the same model (decompressed once) told among the given languages only
    restricted = copy.copy(_model())
    restricted.set_languages(list(only))
    return restricted


# The supported languages each script is written in, where it is not Latin.
SCRIPTS = {
    "CYRILLIC": ("ru", "uk"),
    "ARABIC": ("ar",),
    "GREEK": ("el",),
}


def _script_languages(sample: str) -> tuple[str, ...] | None:
    """The supported languages of the script most of the sample's letters are in, when
    that script is not Latin."""
    counts = dict.fromkeys(SCRIPTS, 0)
    latin = 0
    for c in sample:
        if not c.isalpha():
            continue
        if c.isascii():
            latin += 1
            continue
        name = unicodedata.name(c, "").split(" ", 1)[0]
        if name in counts:
            counts[name] += 1
        else:
            latin += 1
    script, most = max(counts.items(), key=lambda item: item[1])
    return SCRIPTS[script] if most > latin else None


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language; very short texts are taken as English
    unless they are written in another script than the Latin one."""
    sample = text[:SAMPLE]
    letters = sum(1 for c in sample if c.isalpha())
    short = letters < SHORT_TEXT_LETTERS
    if letters < LEAST_LETTERS or short:
        code, probability = (ENGLISH, 0.0)
        if letters >= LEAST_LETTERS:
            code, probability = _identifier(tuple(SUPPORTED)).classify(sample)
        if probability < SHORT_TEXT_CERTAINTY:
            # A text in Cyrillic, Arabic or Greek letters cannot be English, however unsure
            # the detector is of so few words: it is told among the supported languages
            # written in that script (Russian or Ukrainian; Arabic; Greek) instead.
            candidates = _script_languages(sample)
            if candidates is None:
                return ENGLISH
            if len(candidates) == 1:
                return candidates[0]
            return _identifier(candidates).classify(sample)[0]
        return code
    return _identifier(None).classify(sample)[0]


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
    month_phrases: tuple[tuple[regex.Pattern, int], ...]
    weekdays: tuple[tuple[regex.Pattern, int], ...]
    relatives: dict[str, tuple[int, str]]
    counted: tuple[tuple[regex.Pattern, str, int], ...]
    last: regex.Pattern
    next: regex.Pattern
    numbers: tuple[tuple[regex.Pattern, int], ...]
    units: tuple[tuple[regex.Pattern, str], ...]
    weekday_tail: regex.Pattern | None
    ordinals: tuple[tuple[regex.Pattern, int], ...]
    # a phrase of "last"/"this"/"next" and a year, right after a date or month ("1 января
    # следующего года", "نيسان من العام الجاري") or, in Turkish, right before it ("bu
    # yılın mart ayında")
    year_after: regex.Pattern | None
    year_before: regex.Pattern | None

    def month_number(self, span: str) -> int | None:
        # the two-word Levantine names ("كانون الثاني") are found whole, before any token
        for pattern, number in self.month_phrases:
            if pattern.search(span):
                return number
        return _lookup(self.months, span, self.language)

    def weekday_number(self, span: str) -> int | None:
        found = _lookup(self.weekdays, span, self.language)
        if found is None and self.weekday_tail is not None:
            # "Dienstagabend" is Tuesday; "Sonnabend" was found whole above
            found = _lookup(self.weekdays, self.weekday_tail.sub("", span.strip()), self.language)
        return found

    def number(self, word: str) -> int | None:
        """A count written in digits or as a small number word ("zwei", "ثلاثة")."""
        word = regex.sub(r"\s+", " ", word.lower())
        if word[:1].isdigit():
            return int(float(word.replace(",", ".")))
        for pattern, value in self.numbers:
            if pattern.fullmatch(word):
                return value
        return None

    def step(self, span: str) -> int:
        """-1 for "last", 1 for "next", 0 for "this" (or nothing said) in ``span``."""
        if self.last.search(span):
            return -1
        if self.next.search(span):
            return 1
        return 0

    def unit(self, span: str) -> str | None:
        for pattern, unit in self.units:
            if pattern.search(span):
                return unit
        return None


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


def _name_forms(info: dict, key: str, inflects: bool, abbreviation_before: str = "") -> list[str]:
    forms = sorted({fold(f.lower()) for f in info.get(key, []) if len(f) >= 3})
    # An abbreviation ("янв" of "январь", "mar" of "marzo") is a date word only with
    # its full stop; "март" of "марта" is a name with an ending, not an abbreviation.
    short = {f for f in forms if any(o.startswith(f) and len(o) >= len(f) + 2 for o in forms)}
    result = [regex.escape(f) + (r"\." + abbreviation_before if f in short else "") for f in forms]
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
        n: _name_forms(info, m, shape.inflects) + [regex.escape(f) for f in extra.get(n, [])]
        for n, m in enumerate(MONTHS, 1)
    }
    h = patterns.H
    # A weekday's abbreviation is one only before a date ("Mi., 12. Juli"): alone it is
    # as often a word with a full stop after it ("teilte … mit.", "la mer.").
    weekday_forms = {
        n: _name_forms(info, d, shape.inflects, rf"(?=,?{h}*\d)") for n, d in enumerate(WEEKDAYS)
    }
    single_month = "(?:" + "|".join(_alternation(f) for f in month_forms.values()) + ")"
    # Arabic news writes a month by both its names: "آذار/مارس 2021", "مارس/آذار".
    month = rf"(?:{single_month}(?:{h}*/{h}*{single_month})?)" if language == "ar" else single_month
    weekday = "(?:" + "|".join(_alternation(f) for f in weekday_forms.values()) + ")"
    if shape.weekday_tail:
        weekday = rf"(?:{weekday}(?:{shape.weekday_tail})?)"
    prefix = r"(?:[وبل]|ف)?" if language == "ar" else ""
    name_tail = shape.after_name and f"(?:{shape.after_name})?"
    link = rf"(?:{h}+(?:{shape.connector}))?{h}+" if shape.connector else rf",?{h}+"
    day_suffix = shape.day_suffix and f"|{shape.day_suffix}"
    day = rf"(?:3[01]|[12][0-9]|0?[1-9])(?:\.|er|º|ª{day_suffix})?"
    year = rf"{patterns.ALONE_BEFORE}(?:1[0-9]{{3}}|20[0-9]{{2}})(?!\d)"
    year_tail = shape.after_year and f"(?:{shape.after_year})?"

    number_words = [
        (key, int(value))
        for entry in info.get("simplifications", [])
        for key, value in entry.items()
        if value.isdigit() and "\\" not in key and int(value) <= 12
    ] + list(shape.numbers)
    number_alternation = "|".join(
        sorted((fold(k).replace(" ", r"\s+") for k, _ in number_words), key=len, reverse=True)
    )

    def synonyms(phrase: str) -> list[str]:
        found = [phrase]
        for word, other in shape.ago_synonyms:
            found += [p.replace(word, other) for p in found if word in p]
        return found

    relatives: dict[str, tuple[int, str]] = {}
    for key, phrases in info.get("relative-type", {}).items():
        found = regex.fullmatch(r"(in )?(\d+) (day|week|month|year) ?(ago)?", key)
        if not found:
            continue
        steps = int(found.group(2)) * (1 if found.group(1) else -1)
        for phrase in (p for written in phrases for p in synonyms(written)):
            if len(phrase) >= 3:
                relatives[fold(phrase.lower())] = (steps, found.group(3))
    for phrase, steps, unit in shape.relatives:
        relatives[fold(phrase)] = (steps, unit)
    counted = []
    for key, expressions in info.get("relative-type-regex", {}).items():
        found = regex.fullmatch(r"(in )?\\1 (day|week|month|year)( ago)?", key)
        if not found:
            continue
        for written in expressions:
            expression = written
            if number_alternation:
                # a count in words beside digits: "vor zwei Jahren", "il y a deux jours"
                expression = written.replace(COUNT, rf"(\d++[.,]?\d*+|{number_alternation})")
            for phrase in synonyms(expression):
                counted.append(
                    (
                        regex.compile(fold(phrase).replace(" ", r"\s+"), regex.IGNORECASE),
                        found.group(2),
                        1 if found.group(1) else -1,
                    )
                )
    for phrase, unit, direction in shape.counted:
        expression = phrase.replace("{n}", rf"(\d++[.,]?\d*+|{number_alternation})")
        counted.append(
            (
                regex.compile(fold(expression).replace(" ", r"\s+"), regex.IGNORECASE),
                unit,
                direction,
            )
        )
    relative_words = "|".join(
        regex.escape(p).replace(r"\ ", rf"{h}+") for p in sorted(relatives, key=len, reverse=True)
    )
    # The expressions that open with their count share it: tried at every word, the count's
    # alternatives (digits, then the number words) are tried once, not once per expression.
    count = fold(rf"(\d++[.,]?\d*+|{number_alternation})" if number_alternation else COUNT)
    opening, others = [], []
    for expression, _, _ in counted:
        written = fold(expression.pattern)
        if written.startswith(count):
            opening.append(written[len(count) :])
        else:
            others.append(written)
    shared = [rf"(?:{count})(?:{'|'.join(opening)})"] if opening else []
    counted_words = "|".join(shared + others).replace(" ", rf"{h}+")
    modifier = f"(?:{shape.last}|{shape.next})"
    articles = r"(?:el|la|le|на|в|во|у|την|το|τον|ο|η)"
    connector = shape.connector and f"(?:{shape.connector}){h}+"

    # "11. und 12. Juli", "с 15 по 17 марта", "15-17 марта": the first day is a date of
    # the month (and year) written once, after the second; the second is read as usual.
    pair_words = "|".join(
        w.replace(" ", f"{h}+") for w in shape.pair.split("|") if w and w not in "-–"
    )
    pair = ""
    if shape.pair:
        pair = rf"""
    (?P<pair>{_WORD_EDGE_BEFORE}{day}(?=(?:{h}*[-–]{h}*|{h}+(?:{pair_words}){h}*)
        (?P<pair_rest>{day}{h}*(?:{connector})?{prefix}{month}{name_tail}
        (?:{link}{year}{year_tail})?){_WORD_EDGE_AFTER})) |"""
    # "im vergangenen Jahr", "прошлого года", "bu yılın", "l'an dernier", "العام المقبل"
    modifiers = "|".join(w for w in (shape.last, shape.next, shape.this) if w)
    unit_words = "|".join(w for _, w in shape.units)
    year_unit = dict(shape.units).get("year", "")
    unit_relative = year_after = year_before = ""
    # A Turkish "bu yılın", "geçen yıl" before its month is read with the month, one
    # mention: "bu yılın mart ayında", "geçen yıl aralık ayında"; a Spanish "el pasado mes
    # de marzo" is last March, not last month.
    month_follows = ""
    if language == "tr":
        month_follows = rf"(?!{h}+{prefix}{month})"
    elif shape.modifier_either:
        month_follows = rf"(?!{h}+(?:(?:{shape.of}){h}+)?{month})"
    if shape.units:
        unit_first = rf"(?:{unit_words}){h}+(?:{modifiers})"
        modifier_first = rf"(?:{modifiers}){h}+(?:{unit_words})"
        phrase = unit_first if shape.modifier_after else modifier_first
        if shape.modifier_either:
            phrase = rf"(?:{modifier_first}|{unit_first})"
        unit_relative = rf"""
  | (?P<unit_relative>{_WORD_EDGE_BEFORE}{prefix}{phrase}{_WORD_EDGE_AFTER}{month_follows})"""
        if shape.modifier_after:
            # "نيسان من العام الجاري", "juillet de l'année prochaine", "تموز المقبل"
            year_phrase = rf"(?:(?:{year_unit}){h}+)?(?:{modifiers})"
            if shape.modifier_either:
                # "marzo del próximo año", "marzo de este año" beside "marzo del año pasado"
                year_phrase = rf"(?:(?:{modifiers}){h}+(?:{year_unit})|{year_phrase})"
            year_after = rf"{h}+(?:(?:{shape.of}){h}*)?{year_phrase}{_WORD_EDGE_AFTER}"
        elif language == "tr":
            # "bu yılın mart ayında": the genitive year comes before its month
            year_before = rf"(?:{modifiers}){h}+(?:{year_unit}){h}+$"
        else:
            # "1 января следующего года", "im März nächsten Jahres", "Μάρτιο του
            # προηγούμενου έτους", "березні минулого року"
            of = rf"(?:(?:{shape.of}){h}+)?" if shape.of else ""
            year_after = rf"{h}+{of}(?:{modifiers}){h}+(?:{year_unit}){_WORD_EDGE_AFTER}"

    # the second day of "15-17 марта" follows a hyphen
    # (in Arabic, of "6 و7 تشرين الثاني" after the "و" joined to it)
    joined = "|و" if language == "ar" else ""
    after_first_day = rf"(?<=(?<![\d.])\d{{1,2}}\.?{h}?(?:[-–]{joined}){h}?)"
    month_edge = _WORD_EDGE_BEFORE
    if shape.month_prefix:
        month_edge = rf"(?:{_WORD_EDGE_BEFORE}|(?<=(?<!\w){shape.month_prefix}))"
    ordinal = ""
    if shape.ordinals:
        words = _alternation(fold(w).replace(" ", f"{h}+") for w, _ in shape.ordinals)
        # (their shared opening, Arabic "ال", rules most positions out at once)
        shared = regex.escape(os.path.commonprefix([w for w, _ in shape.ordinals]))  # noqa: RUF071
        ordinal = rf"""
    (?P<ordinal>{_WORD_EDGE_BEFORE}(?={shared})(?:{words}){h}+(?:{shape.of}){h}+{prefix}{month}
        (?:{link}{year}{year_tail})?{_WORD_EDGE_AFTER}) |"""
    source = rf"""{pair}{ordinal}
    (?P<date>(?:{_WORD_EDGE_BEFORE}|{after_first_day}){day}{h}*(?:{connector})?
        {prefix}{month}{name_tail}(?:{link}(?P<date_year>{year}){year_tail})?{_WORD_EDGE_AFTER})
  | (?P<month_year>{_WORD_EDGE_BEFORE}{prefix}{month}{link}{year}{year_tail}{_WORD_EDGE_AFTER}
        | {year}{year_tail}{h}+{prefix}{month}{name_tail}{_WORD_EDGE_AFTER})
  | (?P<relative>{_WORD_EDGE_BEFORE}(?:{relative_words}){_WORD_EDGE_AFTER}{month_follows})
  | (?P<counted>{_WORD_EDGE_BEFORE}(?:{counted_words}){_WORD_EDGE_AFTER}){unit_relative}
  | (?P<weekday>{_WORD_EDGE_BEFORE}(?:(?:{articles}{h}+)?{modifier}{h}+)?{prefix}{weekday}
        (?:{h}+{modifier})?{name_tail}{_WORD_EDGE_AFTER})
  | (?P<month>{month_edge}{prefix}{month}{name_tail}{_WORD_EDGE_AFTER})
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
        month_phrases=tuple(
            (regex.compile(form, regex.IGNORECASE), n)
            for n, forms in month_forms.items()
            for form in forms
            if " " in form
        ),
        weekdays=tuple(
            (regex.compile(_alternation(_name_forms(info, d, shape.inflects)), regex.IGNORECASE), n)
            for n, d in enumerate(WEEKDAYS)
            if weekday_forms[n]
        ),
        relatives=relatives,
        counted=tuple(counted),
        last=regex.compile(fold(shape.last), regex.IGNORECASE),
        next=regex.compile(fold(shape.next), regex.IGNORECASE),
        numbers=tuple(
            (regex.compile(fold(k).replace(" ", r"\s+"), regex.IGNORECASE), v)
            for k, v in number_words
        ),
        units=tuple(
            (regex.compile(rf"(?<![\w'’])(?:{fold(w)})(?!\w)", regex.IGNORECASE), u)
            for u, w in shape.units
        ),
        weekday_tail=(
            regex.compile(rf"(?<=\w{{3}})(?:{shape.weekday_tail})$", regex.IGNORECASE)
            if shape.weekday_tail
            else None
        ),
        ordinals=tuple(
            (regex.compile(fold(w).replace(" ", r"\s+"), regex.IGNORECASE), n)
            for w, n in sorted(shape.ordinals, key=lambda item: -len(item[0]))
        ),
        year_after=regex.compile(fold(year_after), regex.IGNORECASE) if year_after else None,
        year_before=regex.compile(fold(year_before), regex.IGNORECASE) if year_before else None,
    )


def introduced(language: str, before: str, words: str) -> bool:
    """Is the word just before a bare year or month one that makes it a date?"""
    if not words:
        return False
    return bool(regex.search(rf"(?:^|[\s(])(?:{fold(words)})\s*$", before, regex.IGNORECASE))
