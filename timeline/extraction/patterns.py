"""Where dates can be: one regular expression that finds candidate spans cheaply.

Each alternative is a named group, tried in order at each position, most
specific first, so "Monday, Oct. 26" is one day and not a weekday followed by
a month. Spans never include a leading "in", "on" or "since": the mention is
the date, and its offsets must say exactly where it is written.

Case matters on purpose: "May", "March" and "Friday" are dates when
capitalised; "may", "march on" and "we" are not.
"""

from __future__ import annotations

import calendar
import re

from timeline.periods import MONTH_NAMES

# A date never spans a line break: headlines and paragraphs end at one. "\r" is a
# line break too, or "March 3,\r\n2021" is read as a year-less "March 3" and gets
# the wrong year. The one exception: a line wrapped right after the comma before
# a year, which is still one date.
H = r"[^\S\r\n]"
BEFORE_YEAR = rf"(?:{H}?,?{H}+|,{H}*\r?\n{H}*)"


def either_case(words: str) -> str:
    """ "a|two" -> "(?:[Aa]|[Tt]wo)": a sentence may start with the word."""
    return "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split("|")) + ")"


MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
MONTH_ABBR_BARE = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
MONTH_ABBR = rf"{MONTH_ABBR_BARE}\."
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
# A day in words, read only before "of" and a month: "the fourth of July".
_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"]
_TEENS += ["sixteenth", "seventeenth", "eighteenth", "nineteenth"]
DAY_WORDS = {word: number for number, word in enumerate(_UNITS + _TEENS, 1)}
DAY_WORDS |= {f"twenty-{word}": 20 + number for number, word in enumerate(_UNITS, 1)}
DAY_WORDS |= {"twentieth": 20, "thirtieth": 30, "thirty-first": 31}
DAY_IN_WORDS = either_case("|".join(sorted(DAY_WORDS, key=len, reverse=True)))
# Only after "the" or capitalised as a name ("Fourth of July"): "a third of March's
# rainfall" is a fraction. Nor before a possessive: "the first of May's three proposals".
_DAY_IN_WORDS_TITLE = "(?:" + "|".join(w.capitalize() for w in DAY_WORDS) + ")"
_NOT_POSSESSIVE = r"(?![^\S\n]?['’]s\b)"
# The words a day in words can open with, for the scan's first tests ("twenty-first": "twenty").
_DAY_WORD_OPENINGS = [*(word for word in DAY_WORDS if "-" not in word), "twenty", "thirty"]
YEAR = r"(?:1[0-9][0-9][0-9]|20[0-9][0-9])"
# "499 BC", "AD 70", "44 B.C.": a year of any length, once an era names it.
ERA_AFTER = r"(?:BCE|BC|B\.C\.E\.|B\.C\.|AD|A\.D\.|CE)(?!\w)"
ERA_BEFORE = r"(?:AD|A\.D\.)"
# The time zones a clock time in news comes with ("at 1930 CDT"; US zones: Eastern,
# Central, Mountain, Pacific).
TIME_ZONE = r"(?:GMT|UTC|BST|CES?T|[ECMP][SD]T)"
# After a wire stamp's day, four digits and a time zone are its time: "Jun 5 1130 GMT".
_NO_ZONE = rf"(?![^\S\n]*{TIME_ZONE}\b)"
# A year stands alone: not part of a model name ("FD-2000"), an amount
# ("$2013", "2013%"), a longer number or a decimal.
ALONE_BEFORE = r"(?<![\w$€£#/.,-])"
ALONE_AFTER = r"(?![\w%]|[.,/–—-]\d|-[A-Za-z])"
_COUNTS = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several"
NUMBER_WORD = rf"(?:{either_case(_COUNTS)}|[Aa]{H}+few|[Aa]{H}+couple{H}+of|\d{{1,3}})"
UNIT = r"(?:day|week|month|year)s?"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
ORDINAL_QUARTER = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
PART_OF_DAY = rf"(?:{H}+(?:morning|afternoon|evening|night))"
# Words that qualify a period without changing its precision: "early 2017" is 2017.
MODIFIER = (
    rf"(?:(?:{either_case('early|late|mid|the')}{H}+end{H}+of|"
    rf"(?:[Tt]he{H}+)?(?:end|start|beginning|middle|first{H}+half|second{H}+half|"
    rf"latter{H}+part|early{H}+part){H}+of|"
    rf"{either_case('early|late|mid|fiscal')})(?:{H}|-)+)"
)
# Words that point back to a date the text gave before: "the next day", "that year".
ANAPHOR_UNIT = r"(?:day|week|month|year)"
SAME = rf"(?:[Tt]hat{H}+same|[Tt]he{H}+same|[Tt]hat|[Tt]he{H}+very{H}+same)"
STEP = r"(?:next|following|previous|preceding|prior)"


# "from 2 to 6 February", "between March 3 and 5": a range in words whose month is written
# once. (With a month at each end, "from July 27 to Aug. 12" is two dates already.)
_TO = rf"{H}+(?:to|until|till|through){H}+"
DAYS_IN_WORDS = (
    rf"[Ff]rom{H}+{DAY}{_TO}{DAY}{H}+(?:of{H}+)?{MONTH}(?:,?{H}+{YEAR})?"
    rf"|[Bb]etween{H}+{DAY}{H}+and{H}+{DAY}{H}+(?:of{H}+)?{MONTH}(?:,?{H}+{YEAR})?"
    rf"|[Ff]rom{H}+{MONTH}{H}+{DAY}{_TO}{DAY}(?:{BEFORE_YEAR}{YEAR})?"
    rf"|[Bb]etween{H}+{MONTH}{H}+{DAY}{H}+and{H}+{DAY}(?:{BEFORE_YEAR}{YEAR})?"
    # two days of one month: "on 3 and 4 May", "the events of 1 and 2 April"; "May 3 and 4"
    # only before its year or where the phrase ends: in "May 3 and 4 people" and "May 3
    # and 4 in 10 voters", the 4 counts ("May 3 and 4 in 2009" is two days)
    rf"|{ALONE_BEFORE}{DAY}{H}+(?:and|&){H}+{DAY}{H}+(?:of{H}+)?{MONTH}(?:,?{H}+{YEAR})?"
    rf"|{MONTH}{H}+{DAY}{H}+(?:and|&){H}+{DAY}"
    rf"(?:{BEFORE_YEAR}{YEAR}|(?=[^\S\n]*(?:[,.;:)]|$)|{H}+(?:in|at|on|and|to|for|when)\b)"
    rf"(?!{H}+in{H}+\d{{1,3}}(?!\d)))"
)


def word_trie(words: list[str]) -> str:
    """A pattern matching any of ``words`` as a whole word, factored by shared prefixes, so
    the engine follows one branch per letter instead of trying every word in turn."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if "" in node:
            branches.append(r"\b")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(tree)


_OPENING_WORDS = [
    "between",
    "from",
    "the",
    "this",
    "that",
    "last",
    "next",
    "past",
    "early",
    "earlier",
    "late",
    "later",
    "latter",
    "mid",
    "fiscal",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "several",
    "just",
    "only",
    "some",
    "about",
    "almost",
    "nearly",
    *_DAY_WORD_OPENINGS,
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "year",
    "end",
    "start",
    "beginning",
    "middle",
    "c",
    "ca",
    "circa",
]
_NAMES = [
    *MONTH_NAMES,
    *(name[:3] for name in MONTH_NAMES if name != "May"),
    "Sept",
    *calendar.day_name,
    "AD",
]
# Every candidate starts at a word that can open a date; checking that first
# lets the scan skip most positions of the text at once.
_OPENING_NAMES = _OPENING_WORDS + [w.capitalize() for w in _OPENING_WORDS] + _NAMES
_OPENING = r"(?=[0-9]|Q[1-4]|A\.D|" + word_trie(_OPENING_NAMES) + ")"
# The characters a candidate can start with, tested before all else: with one class at its
# head the engine passes over the other positions of the text in one step each, without
# testing them for a word boundary first.
_FIRST_CHARACTER = (
    "(?=[0-9QA" + "".join(sorted({re.escape(word[0]) for word in _OPENING_NAMES})) + "])"
)

# "the", "a" and "an" open a candidate only before a few words ("the next day", "a
# week ago"), yet they are the commonest words of any text: at each other one the
# scan would try every alternative below in vain. These words are all that can
# follow them in an alternative (a superset is harmless: the full pattern decides).
_AFTER_THE = (
    r"(?:same|very|next|following|previous|preceding|prior|coming|day|end|start|beginning|middle|"
    r"latter|early|past|rest|spring|summer|fall|autumn|winter|[0-9]|"
    + either_case("|".join(_DAY_WORD_OPENINGS))
    + ")"
)
_AFTER_A = r"(?:few|couple|day|week|month|year)"
_NOT_OPENING = rf"(?![Tt]he{H}+(?!{_AFTER_THE}))(?![Aa]n?{H}+(?!{_AFTER_A}))"

# The alternatives, each a named group; tried only where ``_OPENING`` allows.
CANDIDATE_ALTERNATIVES = rf"""
    (?:
    (?P<iso>{ALONE_BEFORE}{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]){ALONE_AFTER})
  | (?P<era_year>
        (?:(?:c\.|ca\.|circa){H}+)?{ALONE_BEFORE}[1-9][0-9]{{0,3}}{H}*{ERA_AFTER}
        | {ERA_BEFORE}{H}*[1-9][0-9]{{0,3}}\b)
  | (?P<year_range>
        (?:[Bb]etween{H}+{YEAR}{H}+and{H}+{YEAR}
        | [Ff]rom{H}+{YEAR}{H}+(?:to|until|till|through){H}+{YEAR}
        | {ALONE_BEFORE}{YEAR}{H}?[-–—]{H}?(?:{YEAR}|[0-9]{{2}}))
        {ALONE_AFTER})
  | (?P<day_range>
        (?:{MONTH}{H}+{DAY}{H}?[-–]{H}?(?:{MONTH}{H}+)?{DAY}(?:{BEFORE_YEAR}{YEAR})?
        | {ALONE_BEFORE}{DAY}(?:{H}+{MONTH})?{H}?[-–]{H}?{DAY}{H}+{MONTH}(?:,?{H}+{YEAR})?
        | {DAYS_IN_WORDS})
        {ALONE_AFTER})
  | (?P<month_span>
        (?:{MONTH_FULL}{H}?[-–/]{H}?{MONTH_FULL}
        | [Ff]rom{H}+{MONTH_FULL}{H}+(?:to|until|till|through){H}+{MONTH_FULL}
        | [Bb]etween{H}+{MONTH_FULL}{H}+and{H}+{MONTH_FULL})
        (?:,?{H}+{YEAR})?{ALONE_AFTER})
  | (?P<month_day>
        (?:{WEEKDAY}{H}?,?{H}+)?{MONTH}{H}+{DAY}(?:{BEFORE_YEAR}{YEAR})?{ALONE_AFTER}
          (?!{H}+of{H}+(?:that|the){H})
        | {MONTH_ABBR_BARE}{H}+{DAY}{H}?,?{H}+{YEAR}{ALONE_AFTER}{_NO_ZONE})
  | (?P<day_month>
        (?:{WEEKDAY}{H}?,?{H}+)?(?:the{H}+)?{ALONE_BEFORE}{DAY}{H}+(?:of{H}+)?{MONTH}(?:{H}?,?{H}+{YEAR})?{ALONE_AFTER}
        | (?:[Tt]he{H}+{DAY_IN_WORDS}|{_DAY_IN_WORDS_TITLE}){H}+of{H}+{MONTH_FULL}
          (?:{H}?,?{H}+{YEAR})?{ALONE_AFTER}{_NOT_POSSESSIVE}
        | (?:the{H}+)?{ALONE_BEFORE}{DAY}{H}+{MONTH_ABBR_BARE}{H}?,?{H}+{YEAR}
          {ALONE_AFTER}{_NO_ZONE})
  | (?P<month_year>
        {MODIFIER}?{MONTH}(?:{H}+of)?,?{H}+{YEAR}{ALONE_AFTER})
  | (?P<quarter>
        (?:(?:{either_case("the|this|last|next")}){H}+)?{ORDINAL_QUARTER}(?:{H}|-)quarter(?:{H}+of)?(?:{H}+{YEAR})?\b
        | {ALONE_BEFORE}Q[1-4]{H}+{YEAR}{ALONE_AFTER})
  | (?P<season>
        (?:(?:{either_case("last|this|next|early|late|the")}){H}+)?{SEASON}(?:{H}+of)?{H}+{YEAR}{ALONE_AFTER}
        | (?:{either_case("last|this|next|early|late")}){H}+{SEASON}\b)
  | (?P<anaphora>
        {SAME}{H}+{ANAPHOR_UNIT}\b
        | [Tt]he{H}+{STEP}{H}+(?:{ANAPHOR_UNIT}|{MONTH_FULL}|{SEASON})\b
        | [Tt]he{H}+day{H}+(?:before|after)(?=\s*[,.;:)])
        | (?:(?:just|only|some|about|almost|nearly){H}+)?{NUMBER_WORD}{H}+{UNIT}{H}+
          (?:later|earlier|afterwards?|previously|before(?=\s*[,.;:)]))\b(?!{H}+than\b)
        | {either_case("later|earlier")}{H}+(?:that|the{H}+same|in{H}+that){H}+{ANAPHOR_UNIT}\b
        | {MONTH_FULL}(?:{H}+{DAY})?{H}+(?:of{H}+)?(?:that|the{H}+same|the{H}+{STEP}){H}+year\b
        | (?:{either_case("the|that")}{H}+)?(?:same{H}+)?{SEASON}{H}+of{H}+
          (?:that|the{H}+same|the{H}+{STEP}){H}+year\b
        | {either_case("the")}{H}+(?:end|start|beginning|middle|latter{H}+part|rest){H}+of{H}+
          that{H}+{ANAPHOR_UNIT}\b
        | [Tt]hat{H}+{SEASON}\b)
  | (?P<current>
        {either_case("the")}{H}+(?:end|start|beginning|middle|latter{H}+part|first{H}+half|second{H}+half){H}+of{H}+the{H}+(?:month|year)\b
        | {either_case("year")}-end\b
        | {either_case("later|earlier")}{H}+in{H}+the{H}+(?:day|month|year)\b
        | [Tt]he{H}+past{H}+week\b
        | [Tt]his{H}+fiscal{H}+year\b
        | [Tt]he{H}+{SEASON}\b(?!{H}+of\b))
  | (?P<month_relative_year>
        {MONTH_FULL}{H}+(?:of{H}+)?(?:last|this|next){H}+year\b)
  | (?P<relative_month>
        (?:{either_case("last|next|this|early|late|mid")})(?:{H}|-)+{MONTH_FULL}\b)
  | (?P<decade>
        (?:{MODIFIER}|{ALONE_BEFORE})(?:1[0-9]|20)[0-9]0'?s\b)
  | (?P<relative_unit>
        (?:(?:earlier|later|early|late){H}+)?(?:this|last|next){H}+(?:week|month|year)\b
        | (?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate){H}+
          (?:this|last|next){H}+(?:week|month|year)\b
        | (?:This|Last|Next){H}+(?:week|month|year)\b)
  | (?P<ago>
        \b{NUMBER_WORD}{H}+{UNIT}{H}+ago\b)
  | (?P<deictic>
        \b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b)
  | (?P<weekday>
        (?:(?:[Ll]ast|[Nn]ext|(?:[Tt]his|[Tt]he){H}+coming|[Tt]his){H}+)?\b{WEEKDAY}\b{PART_OF_DAY}?)
  | (?P<month>
        {MONTH_FULL}\b(?!{H}+\d))
  | (?P<year>
        (?:{MODIFIER}|{ALONE_BEFORE}){YEAR}{ALONE_AFTER})
    )
    """
# The characters each alternative can start with. At each opening the engine enters every
# alternative in turn, and most fail only after a few steps: a test of the first character
# in front of each spares those that cannot start there. (A superset of an alternative's
# first characters is harmless; a test holds each to its alternative.)
FIRST_CHARACTERS = {
    "iso": "12",
    "era_year": "1-9Ac",
    "year_range": "12BFbf",
    "day_range": "0-9ABDFJMNOSbf",
    "month_span": "ABDFJMNOSbf",
    "month_day": "ADFJMNOSTW",
    "day_month": "0-9EFMNSTWefnst",
    "month_year": "ADEFJLMNOSTbeflmst",
    "quarter": "1-4FLNQTflnst",
    "season": "ELNTaeflnstw",
    "anaphora": r"\dADEFJLMNOSTaefjlnostw",
    "current": "ELTYelty",
    "month_relative_year": "ADFJMNOS",
    "relative_month": "ELMNTelmnt",
    "decade": "12EFLMTbeflmst",
    "relative_unit": "ELNTelnt",
    "ago": r"\dAEFNOSTaefnost",
    "deictic": "TYty",
    "weekday": "FLMNSTWlnt",
    "month": "ADFJMNOS",
    "year": "12EFLMTbeflmst",
}
_GUARDED_ALTERNATIVES = re.sub(
    r"\(\?P<(\w+)>",
    lambda group: f"(?=[{FIRST_CHARACTERS[group[1]]}]){group[0]}",
    CANDIDATE_ALTERNATIVES,
)
# The standard library's engine scans this pattern about twice as fast as ``regex``.
CANDIDATE = re.compile(
    rf"{_FIRST_CHARACTER}\b{_OPENING}{_NOT_OPENING}" + _GUARDED_ALTERNATIVES, re.VERBOSE
)

# The checks below look at the word just before a candidate.
WORD_BEFORE = re.compile(r"(\w+)(\.?)([\s-]*)$|([#№§])\s*$")
# A bare month is a date only where a date is expected: "in March", not "March on".
MONTH_CONTEXT_WORDS = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "during",
        "from",
        "before",
        "after",
        "through",
        "to",
        "of",
        "end",
        "late",
        "early",
        "start",
        "beginning",
    ]
)
# Words before a bare number that make it something other than a year ("page 2013").
NOT_A_YEAR_WORDS = frozenset(
    [
        "page",
        "pages",
        "p",
        "pp",
        "section",
        "sections",
        "chapter",
        "no",
        "number",
        "flight",
        "route",
        "article",
        "room",
        "model",
        "rule",
        "resolution",
        "paragraph",
        "item",
        "table",
        "figure",
        "vol",
        "volume",
        "issue",
        "verse",
        "code",
        "highway",
        "interstate",
        "exit",
        "suite",
        "box",
        "unit",
        "version",
        "grade",
        "level",
        "size",
    ]
)
# What must not follow a bare year for it to be a year at all (used with .match).
NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent\b|per\s+cent\b|million\b|billion\b|trillion\b|thousand\b|hundred\b|"
    r"people\b|persons\b|troops\b|soldiers\b|men\b|women\b|children\b|workers\b|employees\b|"
    r"jobs\b|units\b|shares\b|votes\b|feet\b|foot\b|meters\b|metres\b|miles\b|km\b|kilometers\b|"
    r"tons\b|tonnes\b|pounds\b|dollars\b|euros\b|yuan\b|rubles\b|points\b|cases\b|deaths\b|"
    r"gallons\b|litres\b|liters\b|barrels\b|acres\b|hectares\b|kilograms\b|grams\b|"
    r"respondents\b|residents\b|students\b|patients\b|passengers\b|participants\b|"
    r"households\b|homes\b|vehicles\b|words\b|pages\b|"
    # "a 1000 year climate forecast", "a 5000 year old tomb" (not a "2010 year-end" report)
    r"year\b(?![^\S\n]*-?[^\S\n]*end\b)|"
    r"hours\b|minutes\b|seconds\b|a\.m\.|p\.m\.|am\b|pm\b|ft\b|lbs?\b|kg\b|"
    # "at 1930 CDT" is a time of day in a time zone, and so is the first of two: "1100 &
    # 1700GMT", "from 1100 to 1700 GMT"
    rf"(?:(?:&|and|to|-|–)\s*\d{{4}}\s*)?{TIME_ZONE}\b)",
)
# A house number: a number before a capitalised street name ("1600 Pennsylvania Avenue",
# "moved to 1127 Connecticut Ave."), unless a preposition of time or an article makes it a
# year ("in 1929 Wall Street crashed", "the 1987 Wall Street crash": ``YEAR_BEFORE_STREET``).
STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'-]*\.?\s+){1,3}"
    r"(?:Avenue|Ave\.|Street|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Place|Square"
    r"|St\.(?!\s+[A-Z]))"
)
YEAR_BEFORE_STREET = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "during",
        "before",
        "after",
        "through",
        "early",
        "late",
        "mid",
        "the",
        "a",
        "an",
        "this",
        "that",
        "its",
        "his",
        "her",
        "their",
    ]
)
# "every Monday and Thursday", "each Friday": a weekday that repeats is no date.
REPEATED_WEEKDAY = re.compile(
    rf"\b(?:[Ee]very|[Ee]ach)\s+(?:{WEEKDAY}(?:\s*,\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+))*$"
)
# "the Sunday Times", "the Monday Night Football": a weekday in a title, not a date.
TITLE_AROUND_WEEKDAY = (
    re.compile(r"\b[Tt]he\s+$"),
    re.compile(rf"\s+(?!{MONTH_FULL}\b|{MONTH_ABBR_BARE}\b)[A-Z][a-z]"),
)
# Prepositions that make a bare number a year beyond doubt.
YEAR_PREPOSITIONS = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "during",
        "from",
        "before",
        "after",
        "through",
        "of",
        "to",
        "early",
        "late",
        "mid",
        "fiscal",
        "year",
        "summer",
        "spring",
        "autumn",
        "fall",
        "winter",
    ]
)
# Cues before a mention, in its clause, that it looks ahead: "will meet on Friday".
_FUTURE_CUE_LIST = (
    *("will", "shall", "won't", r"should(?!\s+have)"),
    # the modal, not the noun: "might cap the well", not "its military might in a parade"
    r"might(?!\s+(?:not\s+)?have\b)(?=\s+(?!(?:of|in|on|at|to|and|or|the|a|an|with|for)\b)[a-z])",
    *(r"going\s+to", r"is\s+to", r"are\s+to", "scheduled", "expected", "slated"),
    *(r"plans?\s+to", r"planning\s+to", r"set\s+to", "due", "upcoming", "effective"),
    *("until", r"as\s+soon\s+as"),
)
_FUTURE_CUES = "|".join(_FUTURE_CUE_LIST)
FUTURE_CUE = re.compile(rf"\b(?:{_FUTURE_CUES})\b|'ll\b", re.IGNORECASE)
# Those that are a verb's, the mention's own when right before it.
_OWN_FUTURE_CUES = "|".join(cue for cue in _FUTURE_CUE_LIST if cue != "until")
OWN_FUTURE_CUE = re.compile(rf"\b(?:{_OWN_FUTURE_CUES})\b|'ll\b", re.IGNORECASE)
# The same cues without the flag, for ASCII text put in lower case first: the same matches
# (no letter outside ASCII folds to one of these), found in a fifth of the time, most
# positions passed over by a test of the first letters the cues can start with.
_FUTURE_FIRST = "".join(sorted({cue[0] for cue in _FUTURE_CUE_LIST} | {"'"}))
FUTURE_CUE_LOWERED = re.compile(rf"(?=[{_FUTURE_FIRST}])(?:{FUTURE_CUE.pattern})")
# A past verb right next to the mention is its own: "said Friday", "on Friday announced".
_NOT_PAST = (
    r"(?!(?:scheduled|expected|slated|planned|delayed|postponed|extended|need|speed|feed)\b)"
)
# The past forms of the verbs news reports with, and any regular past.
_PAST_VERB = r"(?:said|told|met|was|were|had|held|began|came|went|made|left|took|[a-z]{2,}ed)"
PAST_BEFORE = re.compile(rf"\b{_NOT_PAST}{_PAST_VERB}(?:\s+(?:on|late|early|last))?\s+$")
# A past verb a few words before the mention, its object between, with nothing that looks
# ahead in the clause: "raised rates in March", "took effect on 1 March", "had reopened in
# September". Read word by word (``relative.Clause``): the preposition before the date, then
# at most three words back to the verb. A verb of saying is left out: the clause it reports
# has a tense of its own ("said the plant closes in March"); words that start another verb
# stop the search ("agreed to meet in March").
PAST_WORD = re.compile(rf"{_NOT_PAST}{_PAST_VERB}")
REPORTING_WORDS = frozenset(
    [
        "said",
        "told",
        "announced",
        "reported",
        "stated",
        "added",
        "noted",
        "warned",
        "predicted",
        "claimed",
    ]
)
# ("by" is left out: it sets a deadline, which lies ahead of the asking: "demanded a
# response by June 18")
OBJECT_PREPOSITIONS = frozenset(["in", "on", "at", "during"])
NOT_AN_OBJECT = frozenset(
    ["to", "will", "would", "shall", "could", "may", "might", "can", "must", "that"]
)
# What makes the word after it a participle, not a past verb: a passive's "be", or a word
# that opens a noun phrase ("the proposed merger", "a still unspecified date").
PARTICIPLE_BEFORE = re.compile(
    r"\b(?:be|been|being|a|an|the|this|that|these|those|its|their|his|her|our|still|newly|"
    r"recently|so-called)\s+(?:[a-z]+ly\s+)?$"
)
# "will be held on", "is expected to be signed": a participle after "be" is a passive, whose
# time its auxiliary tells, not a past verb (used with .search up to the participle).
PASSIVE_BE = re.compile(r"\b(?:be|been)\s+(?:[a-z]+ly\s+)?$")
# The present of a schedule, right before the date: "the next meeting is on Tuesday", "the
# vote is set for March 3". (Its past, "was on Tuesday", is read by PAST_BEFORE.)
SCHEDULED_PRESENT = re.compile(
    r"\b(?:is|are)\s+(?:(?:now|still|set|slated|due|pencilled|penciled)\s+)*(?:on|for)\s+$"
)
# A comparison of figures before a counted distance: "up from $4 million a year earlier",
# "higher than a year earlier", "compared with a loss of $9.7 million a year earlier".
COMPARISON = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|versus|vs\.)\s"
    r"|\bfrom\s+(?:\S*[$€£¥0-9]\S*\s|$)"
)
# "since the April 20 blowout": what a clause counts from has happened, whatever its verb.
PAST_PREPOSITION = re.compile(r"\b[Ss]ince(?:\s+the)?\s+$")
PAST_AFTER = re.compile(
    rf"^(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:he\s+|she\s+|it\s+|they\s+)?"
    rf"{_NOT_PAST}{_PAST_VERB}\b"
)
# A clause ends at a sentence's full stop, a semicolon or a line break; not at an
# abbreviation's full stop ("Daniel P. Davison", "Feb. 1", "U.S.").
WORD_BEFORE_STOP = re.compile(r"(\w+)$")
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "rev",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "vs",
        "etc",
        "m",
    ]
)
