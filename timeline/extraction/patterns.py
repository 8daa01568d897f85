"""Where dates can be: one regular expression that finds candidate spans cheaply.

Each alternative is a named group, tried in order at each position, most
specific first, so "Monday, Oct. 26" is one day and not a weekday followed by
a month. Spans never include a leading "in", "on" or "since": the mention is
the date, and its offsets must say exactly where it is written.

Case matters on purpose: "May", "March" and "Friday" are dates when
capitalised; "may", "march on" and "we" are not.
"""

from __future__ import annotations

import regex

# A date never spans a line break (\s would): headlines and paragraphs end at one.

MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\."
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9][0-9][0-9]|20[0-9][0-9])"
# A year stands alone: not part of a model name ("FD-2000"), an amount
# ("$2013", "2013%"), a longer number or a decimal.
ALONE_BEFORE = r"(?<![\w$€£#/.,-])"
ALONE_AFTER = r"(?![\w%]|[.,/-]\d|-[A-Za-z])"
NUMBER_WORD = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a[^\S\n]+few|several|a[^\S\n]+couple[^\S\n]+of|\d{1,3})"
)
UNIT = r"(?:day|week|month|year)s?"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
ORDINAL_QUARTER = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
PART_OF_DAY = r"(?:[^\S\n]+(?:morning|afternoon|evening|night))"
# Words that qualify a period without changing its precision: "early 2017" is 2017.
MODIFIER = (
    r"(?:(?:early|late|mid|the[^\S\n]+end[^\S\n]+of|the[^\S\n]+start[^\S\n]+of|the[^\S\n]+beginning[^\S\n]+of|"
    r"the[^\S\n]+middle[^\S\n]+of|the[^\S\n]+first[^\S\n]+half[^\S\n]+of|the[^\S\n]+second[^\S\n]+half[^\S\n]+of|fiscal)(?:[^\S\n]|-)+)"
)

# Every candidate starts at a word that can open a date; checking that first
# lets the scan skip most positions of the text at once.
_OPENING = (
    r"(?=[0-9]|Q[1-4]|(?:[Bb]etween|[Ff]rom|[Tt]he|[Tt]his|[Ll]ast|[Nn]ext|[Ee]arl|[Ll]ate|"
    r"[Mm]id|fiscal|[Tt]od|[Yy]est|[Tt]om|[Tt]oni|a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|several|first|second|third|fourth|spring|summer|fall|autumn|"
    r"winter|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun))"
)

CANDIDATE = regex.compile(
    rf"""
    \b{_OPENING}
    (?:
    (?P<iso>{ALONE_BEFORE}{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]){ALONE_AFTER})
  | (?P<year_range>
        (?:[Bb]etween[^\S\n]+{YEAR}[^\S\n]+and[^\S\n]+{YEAR}
        | [Ff]rom[^\S\n]+{YEAR}[^\S\n]+(?:to|until|through)[^\S\n]+{YEAR}
        | {ALONE_BEFORE}{YEAR}[^\S\n]?[-–][^\S\n]?(?:{YEAR}|[0-9]{{2}}))
        {ALONE_AFTER})
  | (?P<month_day>
        (?:{WEEKDAY},?[^\S\n]+)?{MONTH}[^\S\n]+{DAY}(?:,?[^\S\n]+{YEAR})?{ALONE_AFTER})
  | (?P<day_month>
        (?:{WEEKDAY},?[^\S\n]+)?(?:the[^\S\n]+)?{ALONE_BEFORE}{DAY}[^\S\n]+(?:of[^\S\n]+)?{MONTH}(?:,?[^\S\n]+{YEAR})?{ALONE_AFTER})
  | (?P<month_year>
        {MODIFIER}?{MONTH}(?:[^\S\n]+of)?,?[^\S\n]+{YEAR}{ALONE_AFTER})
  | (?P<quarter>
        (?:(?:the|this|last|next)[^\S\n]+)?{ORDINAL_QUARTER}(?:[^\S\n]|-)quarter(?:[^\S\n]+of)?(?:[^\S\n]+{YEAR})?\b
        | {ALONE_BEFORE}Q[1-4][^\S\n]+{YEAR}{ALONE_AFTER})
  | (?P<season>
        (?:(?:last|this|next|early|late|the)[^\S\n]+)?{SEASON}(?:[^\S\n]+of)?[^\S\n]+{YEAR}{ALONE_AFTER}
        | (?:[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate)[^\S\n]+{SEASON}\b)
  | (?P<relative_month>
        (?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id)(?:[^\S\n]|-)+{MONTH_FULL}\b)
  | (?P<decade>
        (?:{MODIFIER}|{ALONE_BEFORE})(?:1[0-9]|20)[0-9]0'?s\b)
  | (?P<relative_unit>
        (?:(?:earlier|later|early|late)[^\S\n]+)?(?:this|last|next)[^\S\n]+(?:week|month|year)\b
        | (?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)[^\S\n]+
          (?:this|last|next)[^\S\n]+(?:week|month|year)\b
        | (?:This|Last|Next)[^\S\n]+(?:week|month|year)\b)
  | (?P<ago>
        \b{NUMBER_WORD}[^\S\n]+{UNIT}[^\S\n]+ago\b)
  | (?P<deictic>
        \b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b)
  | (?P<weekday>
        (?:(?:[Ll]ast|[Nn]ext|[Tt]his)[^\S\n]+)?\b{WEEKDAY}\b{PART_OF_DAY}?)
  | (?P<month>
        {MONTH_FULL}\b(?![^\S\n]+\d))
  | (?P<year>
        (?:{MODIFIER}|{ALONE_BEFORE}){YEAR}{ALONE_AFTER})
    )
    """,
    regex.VERBOSE,
)

# A bare month is a date only where a date is expected: "in March", not "March on".
MONTH_CONTEXT = regex.compile(
    r"\b(?:in|since|by|until|till|during|from|before|after|through|to|of|end|late|early|"
    r"start|beginning)\s+$",
    regex.IGNORECASE,
)

# What must not precede or follow a bare year for it to be a year at all.
NOT_A_YEAR_BEFORE = regex.compile(
    r"(?:\b(?:page|pages|p|pp|section|sections|chapter|no|number|flight|route|article|room|"
    r"model|rule|resolution|paragraph|item|table|figure|vol|volume|issue|verse|code|"
    r"highway|interstate|exit|suite|box|unit|version|grade|level|size)\.?|[#№§])\s*$",
    regex.IGNORECASE,
)
NOT_A_YEAR_AFTER = regex.compile(
    r"^\s*(?:%|percent\b|per\s+cent\b|million\b|billion\b|trillion\b|thousand\b|hundred\b|"
    r"people\b|persons\b|troops\b|soldiers\b|men\b|women\b|children\b|workers\b|employees\b|"
    r"jobs\b|units\b|shares\b|votes\b|feet\b|foot\b|meters\b|metres\b|miles\b|km\b|kilometers\b|"
    r"tons\b|tonnes\b|pounds\b|dollars\b|euros\b|yuan\b|rubles\b|points\b|cases\b|deaths\b|"
    r"hours\b|minutes\b|seconds\b|a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|EST\b|ft\b|lbs?\b|kg\b)",
)
# Prepositions that make a bare number a year beyond doubt.
YEAR_PREPOSITION = regex.compile(
    r"\b(?:in|since|by|until|till|during|from|before|after|through|of|to|early|late|mid|"
    r"fiscal|year|summer|spring|autumn|fall|winter)[\s-]*$",
    regex.IGNORECASE,
)
# Cues that a sentence looks ahead, so "Friday" is the next one, not the last.
FUTURE_CUE = regex.compile(
    r"\b(?:will|shall|won't|going\s+to|is\s+to|are\s+to|scheduled|expected\s+to|"
    r"plans?\s+to|planning\s+to|set\s+to|due\s+to|upcoming)\b|'ll\b",
    regex.IGNORECASE,
)
