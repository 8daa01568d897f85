"""Dates written in an article that date no event of it, and the end of a range.

* An article's own **stamp**: "Tuesday, June 29, 2010; 9:57 PM", "Wednesday 18
  August 2010 19.57 BST", "15:39 UK time, Tuesday, 1 June 2010", "Posted by: X |
  November 18, 2010 11:55 AM | Report abuse". A full date with its year right
  beside a clock time, with no preposition introducing it, is when the page was
  written or updated, not when something happened: an event's hour is
  introduced ("on April 20, 2010 at 9:45 p.m.", "at 1930 CDT on 1 June").
* A reader's **comment** heads itself the same way, introduced or not: "At
  10:02 pm on 05 May 2009, threnodio wrote:" is when the comment was posted.
* A live blog's **entry times**: "1905 : Welcome to our live coverage", "2130 :
  You can read the full speech". Four digits opening sentences, at least three of
  them, all clock times, over more than one hour of a day, and one of them no
  year the text can have told of (after its publication's year, or before 1000),
  are times, not years. A chronology's "1918:", "1957:", "1968:" are not all clock
  times; "1948:" … "2005:" are, but none comes after a 2010 article's year.
* A **restatement** of the same moment in another time zone: "1 June (0030 GMT
  2 June)" is one moment, written twice; the parenthesis is not a second date.
* The **end of a range** is not before its start: "from June 1 to Nov 30" in a
  June article is June 1 to November 30 of that year, though a year-less "Nov
  30" alone would be last November; "Monday to Friday" in a Monday's article
  ends on this Friday, not the last.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# A clock time: "9:57", "19.57", with "am"/"p.m."; a restatement may drop the colon ("0030").
_CLOCK_PARTS = r"(?:[01]?\d|2[0-3]){}[0-5]\d(?:\s*[ap]\.?m\.?)?"
_CLOCK = _CLOCK_PARTS.format("[:.]")
# (Zones are capitals whatever the case of the rest: "on" is no zone.)
_ZONE = r"(?:(?-i:[A-Z]{2,4})|UK\s+time|local\s+time)"
# After the stamp's date: optional punctuation (";" "," "|"), then the clock time; the
# year may stand apart from the day in a tokenised text ("November 18 , 2010 11:55 AM").
_CLOCK_AFTER = re.compile(
    rf"(?:[^\S\n]*,[^\S\n]*(?:1[0-9]|20)[0-9][0-9])?[^\S\n]*[,;|]?[^\S\n]*{_CLOCK}\b",
    re.IGNORECASE,
)
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
# Before it: the clock time (and zone), optional punctuation, perhaps the weekday, then the
# date ("last updated at 07:41 GMT, Wednesday, 9 June 2010"); or a newspaper's print line
# ("A version appeared on p6 of the Main section of the Guardian on Saturday 2 May 2009").
_CLOCK_BEFORE = re.compile(
    rf"\b{_CLOCK}(?:[^\S\n]*{_ZONE})?[^\S\n]*[,;|]?[^\S\n]*(?:{_WEEKDAY}[^\S\n]*,?[^\S\n]*)?$",
    re.IGNORECASE,
)
# What every clock time holds, whatever its case and the words around it.
_CLOCK_DIGITS = re.compile(r"\d[:.][0-5]\d")
_PRINT_LINE = re.compile(
    r"\bappeared[^\S\n]+on[^\S\n]+p(?:age)?[^\S\n]?\d+[^\S\n]+of\b[^\n]{0,80}$"
)
# After a comment's stamp: the commenter's name (a handle, or up to three words), "wrote:".
_COMMENTER = re.compile(
    r"[^\S\n]*,?[^\S\n]*[^\s,:]{1,40}(?:[^\S\n]+[^\s,:]{1,40}){0,2}[^\S\n]+wrote[^\S\n]*:"
)
# Before a comment's stamp: "At 10:02 pm on", "At 16:51", opening its sentence or line.
_COMMENT_CLOCK = re.compile(rf"(?:^|[.!?\n])[^\S\n]*At[^\S\n]+{_CLOCK}(?:[^\S\n]+on)?[^\S\n]*$")
# The words that make a dated clock time an event's: "on June 1, 2010 at 9:45".
_INTRODUCED = re.compile(
    r"\b(?:on|at|by|from|since|until|till|to|before|after|between|and|of|as\s+of)"
    r"[^\S\n]*,?[^\S\n]*$",
    re.IGNORECASE,
)
# The opening of a parenthesis as written, or as tokenised news corpora write it.
_OPEN = r"(?:\(|\[|-LRB-|-LSB-)"
# "(0030 GMT 2 June": the opening, a clock time (with or without its colon) or a zone
# word, and nothing else before the second date.
_RESTATED = re.compile(
    rf"^[^\S\n]*,?[^\S\n]*{_OPEN}[^\S\n]*(?:{_CLOCK_PARTS.format('[:.]?')}"
    rf"[^\S\n]*)?(?:[A-Z]{{2,4}}|local\s+time|local)[^\S\n]*,?[^\S\n]*(?:on[^\S\n]+)?$"
)
# Between a range's two dates: "June 1 to Nov 30", "June 1 through Nov 30", "June 1 - Nov 30".
_RANGE_WORD = re.compile(r"^[^\S\n]*(?:to|until|till|through|thru|[-–—])[^\S\n]*$")
_BETWEEN = re.compile(r"^[^\S\n]*and[^\S\n]*$")
_BETWEEN_BEFORE = re.compile(r"\bbetween[^\S\n]+$", re.IGNORECASE)


def stamp_end(text: str, start: int, end: int) -> int | None:
    """Where the article's own stamp that the day at [start, end) opens or closes ends (its
    clock time, a year written apart included), or None if the day is no stamp."""
    if heads_comment(text, start, end):
        return end
    after = _CLOCK_AFTER.match(text, end, end + 24)
    if after:
        return None if _INTRODUCED.search(text, max(0, start - 12), start) else after.end()
    # (a clock's digits are looked for first: the full pattern is tried at every position)
    window = max(0, start - 40)
    if _CLOCK_DIGITS.search(text, window, start) and _CLOCK_BEFORE.search(text, window, start):
        return end
    # (a plain substring test first: the print line is rare, and searching for it is not)
    if "appeared" in text[max(0, start - 110) : start]:
        return end if _PRINT_LINE.search(text, max(0, start - 110), start) else None
    return None


# Four digits and a colon opening a sentence: a live blog's entry time or a chronology's year.
_ENTRY_LABEL = re.compile(r"(?:^|(?<=[.!?\n])[^\S\n]*)([0-9]{4})[^\S\n]*:[^\S\n]", re.MULTILINE)
ENTRIES_AT_LEAST = 3
ENTRIES_WITHIN_MINUTES = 12 * 60


def entry_times(text: str, published: date | None) -> frozenset[int]:
    """Where a live blog's entry times start, if the text is one (none otherwise)."""
    labels = [(m.start(1), int(m[1])) for m in _ENTRY_LABEL.finditer(text)]
    if len(labels) < ENTRIES_AT_LEAST:
        return frozenset()
    values = [value for _, value in labels]
    hours = {value // 100 for value in values}
    minutes = [value // 100 * 60 + value % 100 for value in values]
    latest_year = published.year if published else 9999
    if (
        all(value // 100 < 24 and value % 100 < 60 for value in values)
        and len(hours) > 1
        and max(minutes) - min(minutes) <= ENTRIES_WITHIN_MINUTES
        and any(value < 1000 or value > latest_year for value in values)
    ):
        return frozenset(start for start, _ in labels)
    return frozenset()


def heads_comment(text: str, start: int, end: int) -> bool:
    """Is the date at [start, end) a reader's comment's stamp: "At" and a clock time opening
    the sentence before it, "…, threnodio wrote:" after? ("In 2009, Smith wrote:" dates his
    writing, and so does "a letter sent at 9:30 am on May 5, 2009, Obama wrote:".)"""
    # (a plain substring test first: this runs for every full date and year)
    return (
        text.find("wrote", end, end + 100) >= 0
        and bool(_COMMENTER.match(text, end, end + 100))
        and bool(_COMMENT_CLOCK.search(text[max(0, start - 40) : start]))
    )


def restates(text: str, previous_end: int, start: int) -> bool:
    """Is the mention at ``start`` the previous one's moment in another time zone?"""
    return start - previous_end <= 40 and bool(_RESTATED.match(text[previous_end:start]))


def ends_range(text: str, previous_start: int, previous_end: int, start: int) -> bool:
    """Is the mention at ``start`` the end of a range the previous mention opens?"""
    if start - previous_end > 12:
        return False
    between = text[previous_end:start]
    if _RANGE_WORD.match(between):
        return True
    return bool(
        _BETWEEN.match(between)
        and _BETWEEN_BEFORE.search(text, max(0, previous_start - 12), previous_start)
    )


def after(day: date, start: date, kind: str) -> date:
    """The year-less ``day`` moved on by whole years until it is not before ``start``; a
    weekday by a week ("Monday to Friday" in a Monday's article ends this Friday)."""
    if kind == "weekday":
        return day + timedelta(days=7)
    for years in range(1, 3):
        try:
            moved = day.replace(year=day.year + years)
        except ValueError:  # 29 February
            continue
        if moved >= start:
            return moved
    return day
