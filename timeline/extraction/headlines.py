"""A suggested headline: what happened on the date, in the sentence's own words.

No parser, only the signposts news sentences carry. In order:

1. the date goes, with its preposition ("in", "on"), and the commas around it;
2. the clause the date belongs to is chosen: the "when" clause right after it
   ("prompted in August when Ankara was angered …"), a leading clause it sits
   in ("After the rig exploded on April 20, …"), a relative clause it sits in
   ("missiles … which had been deployed in 2013 …", given its noun back), or
   else the main clause;
3. lead-ins ("However,"), attributions ("X said on Friday that"), a leading
   phrase before the first comma ("In a similar tender,") and a relative
   clause between subject and verb go; the clause ends at a dash, a semicolon
   or a trailing ", which" / ", who" / ", citing";
4. a list longer than the room keeps its first item ("… and others");
5. past 14 words it ends at the last phrase boundary that fits (before "from",
   "to", "and" …), never inside a phrase and never with "…".
"""

from __future__ import annotations

import re

import regex

MAX_WORDS = 14
MIN_WORDS = 4

# Tokenised corpora write "-LRB-", "``" and "word ,": each undone where its mark is present.
_TOKENISED = (
    ("-LRB-", re.compile(r"-LRB-\s*"), "("),
    ("-RRB-", re.compile(r"\s*-RRB-"), ")"),
    ("``", re.compile(r"``\s*|\s*''"), '"'),
    ("''", re.compile(r"``\s*|\s*''"), '"'),
    (" ", re.compile(r"\s+(?='s\b|'re\b|'ve\b|'ll\b|'d\b|n't\b|[,.;:!?%])"), ""),
    ("$", re.compile(r"\$\s+(?=\d)"), "$"),
)
# Wire-service furniture before the story: "ZURICH | Thu Apr 30, 2009 6:12 am EDT ZURICH
# (Reuters) -", "NEW ORLEANS --", "(AP Photo)", "Photograph: … Images".
_OPEN, _CLOSE = r"(?:\(|-LRB-\s*)", r"(?:\)|\s*-RRB-)"
_FURNITURE = (
    regex.compile(
        rf"^.{{0,160}}?{_OPEN}(?:Reuters|AP|AFP|Bloomberg|UPI|CNN|BBC){_CLOSE}\s*[-–—]+\s*"
    ),
    regex.compile(r"^(?:[A-Z][A-Z.'’]+[ ,]*){1,4}(?:,\s*[A-Z][\w.]+\s*)?(?:--|—)\s*"),
    regex.compile(rf"^{_OPEN}(?:AP|Reuters|AFP)[^)]{{0,30}}?{_CLOSE}\s*"),
    regex.compile(
        r"^[A-Z][a-z]+day,\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*,\s+\d{4}\s*;\s*[\d:]+\s*[AP]M\s+"
    ),
    # a heading in capitals glued to the story: "PASSENGERS URGED TO COME FORWARD The man…"
    regex.compile(r"^(?:[A-Z][A-Z'’-]+[\s,:]+){3,}(?=[A-Z][a-z])"),
    regex.compile(
        r"^(?:Photograph|Photo|Picture)s?\s*:.{0,80}?(?:Images|Photos?|AP|AFP|Reuters)\s+"
    ),
)
# Side remarks between dashes or commas: "The school - Alleyn's in Dulwich - has",
# "BP, the world's fourth-largest company, has".
# Only an aside inside a short subject goes; after a long clause a dash ends the clause.
_DASH_ASIDE = regex.compile(
    r"^(?P<subject>(?:\S+\s){0,5}\S+)\s[-–—]{1,2}\s(?:(?!\s[-–—]{1,2}\s).){1,80}?"
    r"\s[-–—]{1,2}\s(?=[a-z])"
)
_APPOSITIVE = regex.compile(
    r"(?<=\b[A-Z][\w’'.-]*),\s+(?:the|a|an|its|his|her|their|[A-Z][\w’'-]*['’]s)\s[^,]{2,120},\s+"
    r"(?=[a-z])"
)
_QUOTES = re.compile(r"[\"“”]|(?<!\w)['‘]|['’](?!\w)")
_DATE = "\x00"
_DATE_PREPOSITION = regex.compile(
    r"\s*\b(?:in|on|since|by|during|from|until|as of|at the end of|at the start of|"
    r"early|late|earlier|later)\s*$",
    regex.IGNORECASE,
)
_LEAD_IN = regex.compile(
    r"^(?:(?:However|Meanwhile|Furthermore|Moreover|Also|But|And|So|Still|Yet|Instead|"
    r"Separately|In addition|Earlier|Later|Previously|Then|Now|Indeed|Finally|Overall|"
    r"According to [^,]{1,60}|To this end|In turn|As a result|At the time)\s*,?\s+)+",
)
_SUBORDINATOR = (
    r"After|When|Once|Before|As|Since|Although|Though|While|Whereas|Because|If|Unless|Until"
)
_LEADING_CLAUSE = regex.compile(rf"^(?:{_SUBORDINATOR})\s+(?P<clause>[^,]+),\s*(?P<rest>.+)$")
_LEADING_PHRASE = regex.compile(
    rf"^(?:{_SUBORDINATOR}|In|On|At|During|With|Despite|Following|Amid|For|By|Under|"
    r"Without|Through|Over|From|Unlike|Like|Apart from|Aside from|Along with)\b[^,]{0,120},\s*"
)
_REPORTING = (
    r"said|says|say|told(?: \w+)?|announced|added|stated|confirmed|reported|claimed|"
    r"insisted|warned|argued|wrote|noted|explained|believes|believed"
)
_ATTRIBUTION = regex.compile(
    # not "were confirmed by …": a passive is the happening itself, not an attribution
    rf"^(?P<who>[^,]{{1,70}}?)(?<!\b(?:was|were|is|are|be|been|being))\s+(?:{_REPORTING})"
    rf"\s+(?!by\b)(?:that\s+)?(?P<what>.+)$"
)
_TRAILING_ATTRIBUTION = regex.compile(
    rf",\s*(?P<who>[^,]{{1,60}}?)\s+(?:{_REPORTING})(?:\s+[^,]{{0,60}})?$"
    rf"|,\s*(?:{_REPORTING})\s+[^,]{{1,60}}$"
)
_PRONOUN = regex.compile(r"^(?:it|they|he|she)\b", regex.IGNORECASE)
# "it was likely that …", "there is evidence that …": an empty subject; what follows is the news.
_EMPTY_SUBJECT = regex.compile(
    r"^(?:it|there)\s+(?:is|was|are|were|would be|will be|has been|had been)\s+"
    r"(?:\w+\s+){0,2}?that\s+(?P<news>.+)$",
    regex.IGNORECASE,
)
_SUBJECT_RELATIVE = regex.compile(
    r"^(?P<subject>(?:(?!\b(?:is|are|was|were|has|have|had|will|said|says)\b)[^,]){3,60}?)"
    r",?\s+(?:which|who|whose)\s+[^,]+,\s*(?P<verb>[a-z].+)$"
)
_CLAUSE_END = regex.compile(
    r"\s+[-–—]\s|;|:\s|\s\(|,\s+(?:which|who|whose|where|while|whereas|citing|saying|adding|"
    r"according to|although|though|but|as well as|including|after|before|because)\b"
)
_LIST = regex.compile(
    r"(?P<head>\b(?:with|and|including|between|among|from|to|by|against|of)\s+)?"
    r"(?P<first>[^,]{2,40}?),\s+(?:[^,]{1,40},\s+)*[^,]{1,40}?,?\s+(?:and|or)\s+"
    r"(?P<last>(?:\S+\s){0,3}\S+?)(?=$|\s+(?:in|on|at|for|to|from|with|by|over|after)\b)"
)
# Words a headline may not end on: the phrase they open would be cut.
_DANGLING_TEXT = """a an the and or but of to in on at for from with by as than that which who whose
    whom its their his her our your this these those is are was were be been being has have
    had will would could should may might can into onto over under about after before
    between through during against among without within upon via per plus nor so if
    while when where whether not no very more most such own"""
_DANGLING = frozenset(_DANGLING_TEXT.split())
# A phrase boundary: where a shortened headline may stop without breaking a phrase.
_BOUNDARY_WORDS_TEXT = """from to in on at for with by over after before during since into
    against among
    while when where which who that and but or as because despite amid near across toward
    towards under between through following including"""
_BOUNDARY_WORDS = frozenset(_BOUNDARY_WORDS_TEXT.split())


def _detokenise(text: str) -> str:
    for mark, pattern, replacement in _TOKENISED:
        if mark in text:  # most text has none of these: skip the scan
            text = pattern.sub(replacement, text)
    return text


def _without_furniture(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """Datelines and captions off the front, as long as the date is not in them."""
    for pattern in _FURNITURE:
        match = pattern.match(sentence)
        if match and len(sentence) - match.end() > 20:
            cut = match.end()
            # a date inside the dateline is the publication date, not the story's: it goes
            start, end = (start - cut, end - cut) if start >= cut else (0, 0)
            sentence = sentence[cut:]
    return sentence, start, end


# Tidying what is left once the date is taken out.
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?)])")
_SPACE_AFTER_PARENTHESIS = re.compile(r"\(\s+")
_EMPTY_PARENTHESES = re.compile(r"\(\s*\)")
_REPEATED_COMMAS = re.compile(r"(?:,\s*){2,}")
_COMMA_AFTER_FUNCTION_WORD = re.compile(
    r"\b((?i:the|a|an|of|in|on|at|by|for|to|from|with|and|or)),\s+"
)
_TRAILING_COMMA = re.compile(r",\s*$")
_LEADING_COMMA = re.compile(r"^\s*,")


def _clean(text: str) -> str:
    text = " ".join(_QUOTES.sub("", text).split())
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    if "(" in text:
        text = _EMPTY_PARENTHESES.sub("", _SPACE_AFTER_PARENTHESIS.sub("(", text))
    if "," in text:
        # A comma orphaned by the date's removal: "The, tests", ", , ", "in, Ankara"
        text = _REPEATED_COMMAS.sub(", ", text)
        text = _COMMA_AFTER_FUNCTION_WORD.sub(r"\1 ", text)
    return text.strip(" ,;:-–—")


def _without_date(sentence: str, start: int, end: int) -> str:
    """The sentence with the date replaced by a marker, its preposition and commas gone."""
    before = _DATE_PREPOSITION.sub("", sentence[:start])
    after = sentence[end:]
    # "The tests, on Friday, were held": the commas framed the date, so they go with it.
    if _TRAILING_COMMA.search(before) and _LEADING_COMMA.match(after):
        before = _TRAILING_COMMA.sub("", before)
        after = _LEADING_COMMA.sub("", after)
    # "On Friday, the tests", "Just last week, Goldman": a leading date goes with its
    # comma and the word or two that modified it.
    elif len(before.split()) <= 2 and _LEADING_COMMA.match(after):
        before, after = "", _LEADING_COMMA.sub("", after)
    return f"{_detokenise(before)} {_DATE} {_detokenise(after)}"


_WHEN_CLAUSE = re.compile(r"\s*(?:,\s*)?when\s+(?P<clause>[^,;–—]+)")
_DASH = re.compile(r"\s+[-–—]\s")
_RELATIVE_CLAUSE = re.compile(
    r"(?:^|[,(–—-]\s*|\s)(?:which|who|that)\s+(?P<verb>(?:had|has|have|was|were|is|are)\s+"
    r"[^,;–—]*?" + _DATE + r"[^,;–—]*)"
)
_LAST_DASH_ASIDE = re.compile(r"\s[-–—]\s(?:(?!\s[-–—]\s).)*$")


def _date_clause(text: str) -> str | None:
    """The clause the date belongs to when it is not the main one, else None."""
    at = text.index(_DATE)
    when = _WHEN_CLAUSE.match(text, at + 1)
    if when:
        clause = _DASH.split(when["clause"])[0]
        if len(clause.split()) >= MIN_WORDS:
            return clause
    leading = _LEADING_CLAUSE.match(text.lstrip())
    if leading and _DATE in leading["clause"] and not leading["clause"].startswith(_DATE):
        return leading["clause"]
    relative = _RELATIVE_CLAUSE.search(text)
    if relative:
        antecedent = _antecedent(text[: relative.start()])
        if antecedent:
            return f"{antecedent} {relative['verb']}"
    return None


def _antecedent(before: str) -> str | None:
    """The noun a trailing relative clause is about: the head before a chain of phrases.

    "withdraw Patriot missiles from Turkey's border with Syria - a move which … -"
    gives "Patriot missiles": asides go, then the prepositional phrases
    ("from …", "with …") the clause is less likely to be about.
    """
    text = _LAST_DASH_ASIDE.sub("", before.rstrip(" ,-–—"))
    words = text.split()
    prepositions = {"from", "with", "in", "on", "at", "of", "near", "along", "across", "over"}
    while words:
        positions = [i for i, w in enumerate(words) if w.lower() in prepositions]
        if not positions or len(words) - positions[-1] > 5:
            break
        words = words[: positions[-1]]
    noun: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word, bare = words[index], words[index].lower().strip(",")
        if bare in _DANGLING or bare in _BOUNDARY_WORDS or word.endswith(","):
            break
        if index and words[index - 1].lower() == "to":  # "to withdraw": a verb, not the noun
            break
        noun.insert(0, word)
        if len(noun) == 4:
            break
    # Only a noun that names something (a capitalised word or two words) is safe to reuse.
    if noun and (len(noun) > 1 or noun[0][:1].isupper()) and not noun[0][:1].islower():
        return " ".join(noun)
    return None


def _main_clause(text: str) -> str:
    text = _LEAD_IN.sub("", text.rstrip(" .!?"))
    text = _DASH_ASIDE.sub(r"\g<subject> ", text)
    text = _APPOSITIVE.sub(" ", text)
    trailing = _TRAILING_ATTRIBUTION.search(text)
    if trailing and len(text[: trailing.start()].split()) >= MIN_WORDS:
        text = text[: trailing.start()]
    attribution = _ATTRIBUTION.match(text)
    if attribution and len(attribution["what"].split()) >= MIN_WORDS:
        who, what = attribution["who"], attribution["what"]
        empty = _EMPTY_SUBJECT.match(what)
        if empty and len(empty["news"].split()) >= MIN_WORDS:
            what = empty["news"]
        elif _PRONOUN.match(what) and len(who.split()) <= 6 and not _PRONOUN.match(who):
            what = _PRONOUN.sub(who, what, count=1)
        text = what
    leading = _LEADING_PHRASE.match(text)
    if leading and len(text[leading.end() :].split()) >= MIN_WORDS:
        text = text[leading.end() :]
        text = _LEAD_IN.sub("", text)
    relative = _SUBJECT_RELATIVE.match(text)
    if relative:
        text = f"{relative['subject']} {relative['verb']}"
    return text


def _end_clause(text: str) -> str:
    for match in _CLAUSE_END.finditer(text):
        if len(text[: match.start()].split()) >= MIN_WORDS:
            return text[: match.start()]
    return text


def _shorten_list(text: str) -> str:
    if len(text.split()) <= MAX_WORDS:
        return text
    match = _LIST.search(text)
    if not match:
        return text
    head = match["head"] or ""
    return f"{text[: match.start()]}{head}{match['first']} and others{text[match.end() :]}"


def _fit(text: str) -> str:
    words = text.split()
    if len(words) > MAX_WORDS:
        cut = next(
            (
                i
                for i in range(MAX_WORDS, MIN_WORDS - 1, -1)
                if words[i].lower().strip(",") in _BOUNDARY_WORDS or words[i - 1].endswith(",")
            ),
            MAX_WORDS,
        )
        words = words[:cut]
    while len(words) > MIN_WORDS and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(" ,;:-–—.")


def suggest_headline(sentence: str, mention_start: int, mention_end: int) -> str:
    """A headline of at most 14 words for the happening the date at [start, end) dates."""
    marked = _without_date(*_without_furniture(sentence, mention_start, mention_end))
    clause = _date_clause(marked)
    if clause is not None:
        text = _clean(clause.replace(_DATE, " "))
    else:
        text = _clean(_main_clause(_clean(marked.replace(_DATE, " "))))
    text = _fit(_shorten_list(_end_clause(text)))
    if len(text.split()) < 2:
        text = _fit(_clean(_detokenise(sentence)))
    return text[:1].upper() + text[1:]
