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

from timeline.extraction import patterns
from timeline.extraction.relative import MONTH_NUMBER
from timeline.extraction.sentences import split_sentences

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
# Each comes with a test of what its match needs, so most sentences skip the scan.
_OPEN, _CLOSE = r"(?:\(|-LRB-\s*)", r"(?:\)|\s*-RRB-)"
_LABEL_MONTH = rf"(?:{patterns.MONTH_FULL}|{patterns.MONTH_ABBR_BARE})"
_LABEL_WEEKDAY = patterns.WEEKDAY
_LABEL_INITIALS = frozenset("JFMASOND" + "TWS" + "0123456789")
# A list's bullet, as written or escaped by a markdown export ("\\*").
_BULLET = r"\\?[*•·]"
_BULLETS = frozenset("*•·\\")
# A photo's credit glued to its caption: "AP FILE: President Obama talks with …"
_CREDIT_OPENINGS = ("AP ", "AFP ", "Reuters ", "Getty Images ", "EPA ")
_FURNITURE = (
    (
        lambda s: "(" in s or "-LRB-" in s,
        regex.compile(
            rf"^.{{0,160}}?{_OPEN}(?:Reuters|AP|AFP|Bloomberg|UPI|CNN|BBC){_CLOSE}\s*[-–—]+\s*"
        ),
    ),
    (
        lambda s: "--" in s or "—" in s,
        regex.compile(r"^(?:[A-Z][A-Z.'’]+[ ,]*){1,4}(?:,\s*[A-Z][\w.]+\s*)?(?:--|—)\s*"),
    ),
    (
        lambda s: s.startswith(("(", "-LRB-")),
        regex.compile(rf"^{_OPEN}(?:AP|Reuters|AFP)[^)]{{0,30}}?{_CLOSE}\s*"),
    ),
    # any other aside in parentheses before the sentence, a photo's credit most often:
    # "(Oliver Munday for The Washington Post) The festive mood …"
    (
        lambda s: s.startswith(("(", "-LRB-")),
        regex.compile(rf"^{_OPEN}[^()]{{1,120}}?{_CLOSE}\s+(?=[A-Z])"),
    ),
    # the end of an aside the sentence splitter cut off: "), chairman of the panel, sent"
    (
        lambda s: s.startswith((")", "-RRB-")),
        regex.compile(r"^(?:\)|-RRB-)\s*[,;:]?\s*"),
    ),
    # a photo's credit glued to its caption: "AP FILE: President Obama talks with …"
    (
        lambda s: s.startswith(_CREDIT_OPENINGS),
        # (only AP is glued bare: "EPA Administrator Lisa Jackson", "Reuters Health" are
        # subjects, so the others need their colon or "FILE")
        regex.compile(
            r"^(?:AP(?:\s+(?:FILE|Photo))?\s*:?"
            r"|(?:AFP|Reuters|Getty\s+Images|EPA)(?:\s*:|\s+(?:FILE|Photo)\s*:?))\s+(?=[A-Z0-9])"
        ),
    ),
    (
        lambda s: ";" in s,
        regex.compile(
            r"^[A-Z][a-z]+day,\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*,\s+\d{4}\s*;\s*[\d:]+\s*[AP]M\s+"
        ),
    ),
    # a heading in capitals glued to the story: "PASSENGERS URGED TO COME FORWARD The man…"
    (
        lambda s: s[:2].isupper(),
        regex.compile(r"^(?:[A-Z][A-Z'’-]+[\s,:]+){3,}(?=[A-Z][a-z])"),
    ),
    # a list's bullet, as written or escaped by a markdown export: "* April 29 - Obama …"
    (
        lambda s: s[:1] in _BULLETS,
        regex.compile(rf"^{_BULLET}\s*(?=\S)"),
    ),
    # a chronology's label before its entry: "June 14 - Obama says …", "Saturday: The yacht"
    # (the entry's date, if it is the label, goes with it)
    (
        lambda s: _may_have_label(s),
        regex.compile(
            # ("May 11/12 - Executives appear": a night, or two days, as one label)
            rf"^(?:{_LABEL_MONTH}\.?\s+\d{{1,2}}(?:\\?/\d{{1,2}})?|\d{{1,2}}\s+{_LABEL_MONTH}\.?"
            rf"|{_LABEL_WEEKDAY})\s*(?:[-–—]|:)\s+(?=[A-Z])"
        ),
    ),
    (
        lambda s: s.startswith(("Photo", "Picture")),
        regex.compile(
            r"^(?:Photograph|Photo|Picture)s?\s*:.{0,80}?(?:Images|Photos?|AP|AFP|Reuters)\s+"
        ),
    ),
)
# Side remarks between dashes or commas: "The school - Alleyn's in Dulwich - has",
# "BP, the world's fourth-largest company, has".
# Only an aside inside a short subject goes; after a long clause a dash ends the clause.
_DASH_ASIDE = regex.compile(
    r"^(?P<subject>(?:\S+\s){0,5}\S+)\s[-–—]{1,2}\s(?:(?!\s[-–—]{1,2}\s).){1,80}?"
    r"\s[-–—]{1,2}\s(?=[a-z])"
)
# A title with no determiner is one too: "Adm Mike Mullen, chairman of the Joint Chiefs of
# Staff, told …", "Doug Suttles, chief operating officer at BP, said". Its words are no
# function word and no verb ("Similarly, opposition has increased to 48 percent, up from",
# "Lamar McKay, returned to the Senate for the hearing, having"), and a verb follows it,
# not a determiner or the rest of a list ("vice-president for subsea, surface and wells").
_NOT_A_TITLE = (
    "and|but|or|nor|so|yet|then|while|which|who|whom|whose|where|when|although|though|because"
    "|if|as|that|this|these|those|most|many|some|all|both|each|one|two|up|now|not|also|still"
    "|will|would|was|were|is|are|be|has|have|had|can|could|may|might|must|should|did|does"
    "|a|an|the|its|his|her|their|along|together|including|near|just|well|according"
    "|north|south|east|west|northeast|northwest|southeast|southwest"
)
_TITLE_WORD = rf"(?!(?:{_NOT_A_TITLE})\b)[a-z][\w-]*"
_FINITE_VERB = r"(?:is|are|was|were|has|have|had|will|would|said|says)"
# A participle's aside is one too, with its agent, or a place after a participle that has
# one: "Egypt, already hit hard by bird flu, ordered …", "BP, based in London, said" (not a
# verb of a list, "Eric Holder, surveyed the damage, met with …", "Lamar McKay, returned
# to the Senate, having …")
_PARTICIPLE = (
    r"(?:[a-z]+(?:ed|wn)|hit|held|led|set|built|made|known|seen|run|put|cut|left|kept|brought"
    r"|caught|bought|sold|told|found|struck|born|given|taken|driven|chosen|written)"
)
# (the comma first, the name before it looked back at: the engine jumps from comma to comma)
_APPOSITIVE = regex.compile(
    r",(?<=\b[A-Z][\w’'.-]*,)\s+"
    # (a list goes on with a determiner: "the Clean Water Act, the Endangered Species Act,
    # the Migratory Bird Treaty Act")
    r"(?:(?:the|a|an|its|his|her|their|[A-Z][\w’'-]*['’]s)\s[^,]{2,120},\s+"
    r"(?=[a-z])(?!(?:the|a|an|its|his|her|their)\b)"
    # (a title is one person's: "members of Congress", "sales of cars" are a subject)
    rf"|(?:{_TITLE_WORD}(?<!ed|ing)(?<![^s]s)(?:\s{_TITLE_WORD}){{0,2}}\s(?:of|for|at|with)"
    rf"|(?:(?:already|currently|once|long|still|recently|newly|widely)\s)?"
    rf"(?:{_PARTICIPLE}(?:\s(?:hard|heavily|badly|largely|jointly|partly|wholly|mainly))?\sby"
    r"|(?:based|located|headquartered|born|shown|seen|pictured|listed|stationed|moored)"
    r"\s(?:in|at|on|near|off)))\s"
    rf"(?:(?!\s{_FINITE_VERB}\s)[^,]){{2,120}},\s+"
    r"(?=[a-z])(?!(?:the|a|an|its|his|her|their|and|or|which|who|whose|that|one|some|most"
    r"|all|both|each)\b|\S+(?:,|\sand\s)))"
)
_QUOTES = re.compile(r"[\"“”]|(?<!\w)['‘]|['’](?!\w)")


def _has_quote_mark(text: str) -> bool:
    return '"' in text or "'" in text or "“" in text or "”" in text or "‘" in text or "’" in text


_DATE = "\x00"
_DATE_PREPOSITIONS = (
    # (not "before" or "after": "after 2015 reforms made voting harder" keeps its phrase)
    "in|on|since|by|during|from|until|till|through|as of|at the end of|at the start of|"
    "at the beginning of|in the middle of|by the end of|until the end of|in the first half of|"
    "before the end of|after the end of|towards the end of|toward the end of|before the start of|"
    "more than|less than|nearly|almost|"
    "in the second half of|early|late|earlier|later"
)
_DATE_PREPOSITION = regex.compile(rf"\s*\b(?:{_DATE_PREPOSITIONS})\s*$", regex.IGNORECASE)
# The same match, found from the end (the only place it can be) in a few steps.
_DATE_PREPOSITION_FROM_END = regex.compile(
    _DATE_PREPOSITION.pattern, regex.IGNORECASE | regex.REVERSE
)
# The last word of each preposition, for a test that needs no regex at all.
_PREPOSITION_ENDINGS = tuple({p.split()[-1] for p in _DATE_PREPOSITIONS.split("|")})
_ENDING_LENGTH = max(len(ending) for ending in _PREPOSITION_ENDINGS) + 1
# With the character before it, the longest preposition fits in the last _PREPOSITION_LENGTH.
_PREPOSITIONS = _DATE_PREPOSITIONS.split("|")
_PREPOSITION_LENGTH = max(len(preposition) for preposition in _PREPOSITIONS) + 1
_ONE_WORD_PREPOSITIONS = frozenset(p for p in _PREPOSITIONS if " " not in p)
_MULTI_WORD_ENDINGS = frozenset(p.rsplit(" ", 1)[-1] for p in _PREPOSITIONS if " " in p)
_SPACED_SHORT_PREPOSITIONS = frozenset((" in ", " on ", " by "))
_LEAD_INS = (
    r"However|Meanwhile|Nevertheless|Nonetheless|Furthermore|Moreover|Also|But|And|So|Still|Yet|Instead|"
    r"Separately|In addition(?!\s+to\b)|Earlier|Later|Previously|Then|Now|Indeed|Finally|Overall|"
    r"Apparently,|Clearly,|Obviously,|Ironically,|Notably,|Importantly,|Surprisingly,|"
    r"According to [^,]{1,60}|To this end|In turn|As a result|At the time"
)
# After a first lead-in, a second in lower case: "And then Obama will fly", "But now". Not
# one that opens a phrase ("instead of", "later that year", "now that the vote is over").
_SECOND_LEAD_INS = r"then|now|yet|also|still|indeed|finally"
_LEAD_IN = regex.compile(
    rf"^(?:(?:{_LEAD_INS})\s*,?\s+)+"
    # (nor the subject itself: "And now is the time")
    rf"(?:(?:{_SECOND_LEAD_INS})\s*,?\s+(?=\w)"
    rf"(?!(?:is|was|are|were|has|had|comes|came|that|of|in|on|at)\b))?"
)
_SUBORDINATOR = (
    r"After|When|Once|Before|As|Since|Although|Though|While|Whereas|Because|If|Unless|Until"
)
_LEADING_CLAUSE = regex.compile(rf"^(?:{_SUBORDINATOR})\s+(?P<clause>[^,]+),\s*(?P<rest>.+)$")
_PHRASE_OPENERS = (
    rf"{_SUBORDINATOR}|In|On|At|During|With|Despite|Following|Amid|For|By|Under|"
    r"Without|Through|Over|From|Unlike|Like|Apart from|Aside from|Along with"
)
# (a date's own comma before its year is no end of the phrase: "On April 27, 2003, the barge")
_LEADING_PHRASE = regex.compile(
    rf"^(?:{_PHRASE_OPENERS})\b[^,]{{0,120}}(?:,\s*\d{{4}}(?=\s*,))?,\s*"
)
# A participle's phrase before the subject: "Raising the stakes still further, Tuesday was
# …", "Speaking to reporters in Geneva, the minister said …". Its participle takes an
# object or a preposition ("Boeing said on Tuesday, …" is a name and its verb), it has no
# verb of its own, and a subject follows it.
_LEADING_PARTICIPLE = re.compile(
    # (not a pronoun in -ing, "Nothing in the report, he said, …"; "to" only after a verb
    # that takes it, not after a name, "Beijing to host the Games")
    r"^(?!(?:Noth|Someth|Everyth|Anyth)ing\b)"
    r"(?:[A-Z][a-z]+ing\s+(?=(?:the|a|an|its|his|her|their|on|in|at|of|with|for|from|up|out"
    r"|over|about|that|by|after|more)\s)"
    r"|(?:Speak|Respond|Add|Refer|Talk|Turn|Listen|Writ|Return|React|Point|Look|Go|Mov|Gett"
    r"|Appeal|Testify)ing\s+(?=to\s))"
    r"(?:(?!(?:said|says|is|was|were|are|has|have|had|will|would|can|could|did)\b|\w+ed\b)"
    r"[^,\s]+\s+){0,14}?[^,\s]+"
    r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?=,))?,\s+"  # a place's state: "Theodore, Alabama"
    r"(?=[A-Z]|(?:the|a|an|its|his|her|their|it|he|she|they|we)\s)"
    # (a gerund is the subject when a description of it follows before its verb: "Fishing
    # in the Gulf, the state's second-largest industry, was halted")
    r"(?![^,]{1,80},\s+(?:was|were|is|are|has|have|had|will|would|could|can|may|might|must"
    r"|should|did|does|rose|fell|grew|remains|remained|[a-z]+ed)\b)"
)
# "told Reuters", "told reporters": a hearer of one word, which no determiner is ("told
# its investors the news" is the news) and no name goes on after ("told Fox News the plan").
# (Written without "|": _words_of splits on it.)
_ONE_WORD_HEARER = "".join(
    rf"(?!{word}\b)" for word in ("the", "its", "his", "her", "their", "our", "my", "a", "an")
)
_REPORTING = (
    rf"said|says|say|told(?: {_ONE_WORD_HEARER}\w+(?! [A-Z]))?|announced|added|stated|confirmed|"
    r"reported|claimed|insisted|warned|argued|wrote|noted|explained|believes|believed"
)


def _words_of(alternatives: str) -> tuple[str, ...]:
    """The literal start of each alternative ("told(?: \\w+)?" -> "told"), for str.startswith
    and ``in``: a pattern that needs one of them is not run on a text that has none."""
    return tuple(regex.split(r"[\[(\\]", word)[0].strip() for word in alternatives.split("|"))


_LEAD_IN_WORDS = _words_of(_LEAD_INS)
_SUBORDINATOR_WORDS = _words_of(_SUBORDINATOR)
_PHRASE_OPENER_WORDS = _words_of(_PHRASE_OPENERS)
_REPORTING_WORDS = _words_of(_REPORTING)


def _contains_any(text: str, parts: tuple[str, ...]) -> bool:
    """Is any of ``parts`` in ``text``? (A loop, not any(): a generator costs more than the
    tests themselves, and these run on every headline.)"""
    for part in parts:  # noqa: SIM110
        if part in text:
            return True
    return False


def _reports(text: str) -> bool:
    return _contains_any(text, _REPORTING_WORDS)


# (``re``, cheaper a call than ``regex``, looks behind by one fixed width at a time; the
# text it reads has only " " for spaces, see _cleaned)
# (nor after a modal or "to": "We can say it is not", "declined to say whether" report nothing)
_NOT_AFTER_AUXILIARY = "".join(
    rf"(?<!\b{auxiliary})"
    for auxiliary in (
        *("was", "were", "is", "are", "be", "been", "being"),
        *("can", "could", "would", "should", "might", "may", "must", "to"),
    )
)
_SAYING_TIME = r"(?:on|in|at|late|early|earlier|later|last|this|next)\b[^,]{0,30}?\s+"
_SAYING_DAY = rf"(?:{patterns.WEEKDAY}|yesterday|today)"
_SUBJECT_VERB_WORDS = (
    "(?:is|was|were|are|will|would|has|had|marks|marked|saw|sees|began|begins|ended|ends"
    "|brought|brings|looks|looked|proved|proves|remains|remained)"
)
# Told whom, in more than a word, when "that" follows: "told The Associated Press that",
# "told the BBC in an interview that" ("told Reuters" is one of the verbs above).
# (not "told the crowd that gathered outside": a "that" before a verb is the crowd's)
_TOLD_WHOM = (
    rf"told(?: [\w.'’&-]+){{2,5}}?(?= (?:{_SAYING_TIME})?that "
    r"(?![a-z]+ed (?:outside|inside|in|on|at|to|from|near|around|for|with|by|into|over|there)\b"
    r"|(?:was|were|is|are|had|has|have)\b))"
)
_ATTRIBUTION = re.compile(
    # not "were confirmed by …": a passive is the happening itself, not an attribution.
    # The time of the saying goes with it: "said on Monday that", "announced late on Friday
    # that" (whichever of the sentence's dates the headline is for).
    rf"^(?P<who>[^,]{{1,70}}?){_NOT_AFTER_AUXILIARY}\s+(?P<verb>{_TOLD_WHOM}|{_REPORTING})"
    # (and without "that", a day: "said on Saturday a man in his 30s had died")
    rf"\s+(?!by\b)(?:(?P<that>(?:{_SAYING_TIME}|{_SAYING_DAY}\s+)?that,?\s+)"
    # (not a day that is the news' subject, "said Friday was the last day"; nor "earlier"
    # that is an adjective, "said earlier reports were wrong")
    rf"|(?:(?:earlier|later)\s+)?(?:on\s+)?{_SAYING_DAY}{patterns.PART_OF_DAY}?\s+(?=[a-z])"
    rf"(?!{_SUBJECT_VERB_WORDS}\b)"
    r"|(?:earlier|later)\s+(?=(?:it|he|she|they|we|there|the|its|his|her|their)\b))?"
    r"(?P<what>.+)$"
)
# Verbs of saying that take an object as often as a clause ("announced his retirement",
# "reported a drop in profit"): an attribution only before "that" or a pronoun.
# ("told" with no hearer of one word: "told its investors the news")
_OBJECT_REPORTING = frozenset(
    (
        *("announced", "reported", "confirmed", "claimed", "noted", "wrote", "explained"),
        *("warned", "told"),
    )
)
# After the news, the verb comes before its speaker: ", said the minister", ", said two
# officials". A figure is no speaker ("The town of Kerch, Crimea, said 40 people had fled"
# is the news), and after a verb that takes an object as often as a clause, neither is what
# an object opens with ("…, Texas, reported three deaths", "…, announced a fund").
_FIGURE = r"\d|[$£€]"
_OBJECT_OPENING = (
    rf"{_FIGURE}|(?:his|her|its|their|our|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|several|dozens|hundreds|thousands|millions|plans|new|no)\b"
    # ("a fund"; but ", warned a senior EU official" names its speaker)
    r"|an?\s(?!(?:[\w-]+\s){0,3}(?:official|spokesman|spokeswoman|spokesperson|source"
    r"|diplomat|minister|analyst|expert|statement|report|witness|lawyer|executive|aide)s?\b)"
)
_SAYING_ONLY = "said|says|say|added|stated|insisted|argued|believes|believed"
_OBJECT_REPORTING_WORDS = "|".join(sorted(_OBJECT_REPORTING))
_TRAILING_ATTRIBUTION = regex.compile(
    rf",\s*(?P<who>[^,]{{1,60}}?)\s+(?:{_REPORTING})(?:\s+[^,]{{0,60}})?$"
    # ", said the minister"; not the speaker's own verb after an aside, "The official,
    # Thad Allen, said that the well was dead": the news follows it, a clause after "that"
    # ("said police in that city" is an attribution still)
    rf"|,\s*(?:(?:{_SAYING_ONLY})\s+(?!{_FIGURE})|(?:{_OBJECT_REPORTING_WORDS})\s+(?!{_OBJECT_OPENING}))"
    rf"(?!(?:[^,\s]+\s+){{0,5}}?that(?:\s+[^,\s]+){{3}})[^,]{{1,60}}$"
)
# A speaker's name after a subject that says who they are: "The top US official, Coast
# Guard Adm Thad Allen, said that …". The name is the speaker an editor writes, and the
# attribution is read once it stands alone. Only before a verb of saying: "A gunman opened
# fire in Orlando, Florida, early on Sunday" and "The attack on the capital, Kabul, killed"
# have commas round a name that is no subject.
# (and the other verbs a speaker's name goes before: "The head of the WHO, Margaret Chan,
# suggested the alert would rise")
_SPEAKING = (
    "suggested|predicted|urged|admitted|acknowledged|denied|estimated|promised|pledged|vowed"
    "|conceded|cautioned|stressed|defended|blamed|criticised|criticized|questioned|rejected"
)
_SPEAKING_WORDS = _words_of(_SPEAKING)
_NAME_APPOSITIVE = regex.compile(
    r"^(?P<subject>(?:[Tt]he|An?|Its|His|Her|Their|Our|[A-Z][\w’'-]*['’]s)\s[^,]{2,80}),\s+"
    r"(?P<name>(?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*),\s+"
    rf"(?=(?:{_REPORTING}|{_SPEAKING})\b)"
)
# A speaker and a verb of speech, perhaps with a hearer ("told a rally in Ohio") or a phrase a
# preposition opens ("said in a statement"), before a colon and a quotation, its first word
# a capital. Not a verb with its object: "reported three new cases: Two in Lagos and …" is a
# list, and "confirmed the names of the dead: …" too.
_QUOTE_INTRO = re.compile(
    r"^[^,:]{1,70}?\s+(?:(?:said|says|say|added|stated|insisted|argued|wrote|declared)"
    r"(?:\s+(?:in|at|on|to|during|after|before|from)\s[^,:]{1,40})?|told\s[^,:]{1,40})"
    r"\s*:\s+([A-Z].*)$"
)
# The same after the news in the other languages: ", a annoncé l'Élysée", ", teilte die
# Bank mit", ", сообщили в Кремле", ", informó el ministerio".
_FOREIGN_TRAILING_ATTRIBUTION = re.compile(
    r",\s*(?:(?:a|ont)\s+(?:annoncé|déclaré|indiqué|précisé|affirmé)|(?:teilte|teilten|sagte|"
    r"sagten|erklärte|erklärten|berichtete|berichteten)|(?:сообщил[аио]?|заявил[аио]?)|"
    r"(?:dijo|dijeron|informó|anunció|declaró|señaló))\b[^,]{0,60}$"
)
# (the first word of each of its verbs, for a set lookup before the pattern runs)
_FOREIGN_REPORTING_STARTS_TEXT = """a ont teilte teilten sagte sagten erklärte erklärten
    berichtete berichteten сообщил
    сообщила сообщило сообщили заявил заявила заявило заявили dijo dijeron informó anunció
    declaró señaló"""
_FOREIGN_REPORTING_STARTS = frozenset(_FOREIGN_REPORTING_STARTS_TEXT.split())
_PRONOUN = regex.compile(r"^(?:it|they|he|she)\b", regex.IGNORECASE)
# "it was likely that …", "there is evidence that …": an empty subject; what follows is the news.
_EMPTY_SUBJECT = regex.compile(
    r"^(?:it|there)\s+(?:is|was|are|were|would be|will be|has been|had been)\s+"
    r"(?:\w+\s+){0,4}?that\s+(?P<news>.+)$",
    regex.IGNORECASE,
)
# An aside between a short subject and its verb that is no relative clause: a phrase
# ("The firm, in a filing, said"), a participle ("Scholz, speaking in Berlin, said"; "The
# merger, first announced in 2022, was completed").
# (matched from the first comma: what precedes it is the subject, when it is 3 to 80
# characters long and has no verb of its own, ``_SUBJECT_VERB``)
_SUBJECT_ASIDE = re.compile(
    r",\s+(?:(?:in|at|on|during|after|with|under|from)\s|(?:\w+ly\s+|first\s+)?\w+(?:ing|ed)\s)"
    r"[^,]{1,80},\s*(?!(?:and|or|but|while|as|then)\b)([a-z].+)$"
)
# A verb that makes the words before an aside's comma a clause, not a subject.
_SUBJECT_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|said|says)\b")
# An acronym or a short note in brackets: "The International Olympic Committee (IOC) awarded".
_SHORT_PARENTHESIS = re.compile(r"\s*\([^()]{1,30}\)(?=[\s,.;:]|$)")
_SUBJECT_RELATIVE = regex.compile(
    r"^(?P<subject>(?:(?!\b(?:is|are|was|were|has|have|had|will|said|says)\b)[^,]){3,60}?)"
    r"(?<!\b(?:at|in|on|of|for|with|by|from|to|under|during))"  # ("a meeting at which it …")
    r",?\s+(?:which|who|whose)\s+[^,]+,\s*"
    # (nor a title: "The supervisor who approved it was J. David Dykes, co-chairman of …")
    r"(?P<verb>(?!\w+ing\b)(?!(?:the|a|an|its|his|her|their|this)\b"
    r"|(?:co-)?(?:chairman|chairwoman|chair|head|director|president|member|chief|secretary"
    r"|spokesman|spokeswoman|governor|mayor|founder|author|owner|minister|leader|editor"
    r"|professor|dean|executive|officer|manager|commissioner|administrator|ambassador)"
    r"\s+(?:of|for|at)\b)[a-z].+)$"
)
# (a participle after the comma opens a trailing clause, not the subject's verb: "Obama wants
# to know whose fault it was, adding to the pressure" has no relative clause to take out)
# Up to the start of word MIN_WORDS (``re``'s \s is str.split's whitespace).
_FIRST_WORDS = re.compile(rf"\s*(?:\S+\s+){{{MIN_WORDS - 1}}}")
_CLAUSE_OPENERS = (
    "which|who|whose|where|while|whereas|citing|saying|adding|"
    "according to|although|though|but|as well as|including|after|before|because"
)
_CLAUSE_END = regex.compile(rf"\s+[-–—]\s|;|:\s|\s\(|,\s+(?:{_CLAUSE_OPENERS})\b")
# What a match needs in a text whose only spaces are single " ".
_CLAUSE_END_MARKS = (" -", " –", " —", ";", ": ", " (")
_CLAUSE_END_COMMA = re.compile(f", (?:{_CLAUSE_OPENERS})")
_LIST = regex.compile(
    r"(?P<head>\b(?:with|and|including|between|among|from|to|by|against|of)\s+)?"
    # (at most a dozen items: a text of many commas and no "and" is read in linear time)
    r"(?P<first>[^,]{2,40}?),\s+(?:[^,]{1,40},\s+){0,10}[^,]{1,40}?,?\s+(?:and|or)\s+"
    r"(?P<last>(?:\S+\s){0,3}\S+?)(?=$|\s+(?:in|on|at|for|to|from|with|by|over|after)\b)"
)
# Words a headline may not end on: the phrase they open would be cut.
_DANGLING_TEXT = """a an the and or but of to in on at for from with by as than that which who whose
    whom its their his her our your this these those is are was were be been being has have
    had will would could should may might can into onto over under about after before
    between through during against among without within upon via per plus nor so if until till
    while when where whether not no very more most such own even beyond toward towards"""
_DANGLING = frozenset(_DANGLING_TEXT.split())
# A phrase boundary: where a shortened headline may stop without breaking a phrase.
_BOUNDARY_WORDS_TEXT = """from to in on at for with by over after before during since into
    against among
    while when where which who that and but or as because despite amid near across toward
    towards under between through following including if although though unless whereas"""
_BOUNDARY_WORDS = frozenset(_BOUNDARY_WORDS_TEXT.split())


# What follows the space the last of _TOKENISED takes out ("word ,", "do n't").
_TOKEN_MARKS = (",", ".", ";", ":", "!", "?", "%", "'", "n't")
_SPACED_TOKEN_MARKS = tuple(" " + mark for mark in _TOKEN_MARKS)


def _only_plain_spaces(text: str) -> bool:
    """Is " " the only kind of space in ``text`` (no tab, no-break space, line break)?"""
    # (every other space is a separator or a control character: not printable)
    return text.isprintable() or text.replace(" ", "") == "".join(text.split())


def _detokenise(text: str) -> str:
    for mark, pattern, replacement in _TOKENISED:
        if mark in text:  # most text has none of these: skip the scan
            if mark == " " and not _space_before_mark(text):
                continue
            text = pattern.sub(replacement, text)
    return text


def _space_before_mark(text: str) -> bool:
    """Is a space followed by a mark of tokenised text? Normal text has few such marks."""
    if _only_plain_spaces(text):
        return _contains_any(text, _SPACED_TOKEN_MARKS)
    for mark in _TOKEN_MARKS:
        at = text.find(mark, 1)
        while at != -1:
            if text[at - 1].isspace():
                return True
            at = text.find(mark, at + 1)
    return False


def _may_have_label(sentence: str) -> bool:
    head = sentence[:24]
    return sentence[:1] in _LABEL_INITIALS and (" - " in head or "–" in head or ":" in head)


# Bullets inside one "sentence": a fact box the splitter found no full stop in ("* Airline
# stocks fall on flu scare * Hotels also lower").
_BULLET_SEPARATOR = re.compile(rf"\s+{_BULLET}\s+")


def _bullet_of(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """The bullet of a list written as one sentence that holds the date at [start, end)."""
    first, last = 0, len(sentence)
    for separator in _BULLET_SEPARATOR.finditer(sentence):
        if separator.end() <= start:
            first = separator.end()
        elif separator.start() >= end:
            last = separator.start()
            break
    return sentence[first:last], start - first, end - first


# A sentence ending inside the text, before the next one's capital: quotes hold several
# ("`` In addition , oil is leaking . It is a big change from yesterday ... ''"), and the
# splitter leaves a quotation whole.
_INNER_SENTENCE_END = re.compile(r"[.!?][\"'”’]*\s+[\"“‘`']*[A-Z]")
_INNER_STOPS = (". ", "? ", "! ", '." ', ".” ", ".' ", ".’ ", '?" ', '!" ')


# Marks that open or close a quotation and are no apostrophe (straight, curly, tokenised,
# French and German).
_QUOTE_MARKS = re.compile(r"``|''|[\"“”«»„]")


def _own_sentence(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """Of the sentences within ``sentence``, the one that holds the date at [start, end)."""
    # (the splitter keeps a quotation whole: without its marks, its sentences are split; as
    # many spaces as marks keep the offsets)
    unquoted = _QUOTE_MARKS.sub(lambda mark: " " * len(mark.group()), sentence)
    pieces = list(split_sentences(unquoted))
    for number, piece in enumerate(pieces):
        if piece.start <= start and end <= piece.end:
            # A last one that carries the speaker after the quotation closes ("Costs rose on
            # Monday," the CFO said) would give the speaker alone, not the news: it is read
            # with the whole quotation.
            if number == len(pieces) - 1 and _speaker_after(sentence[piece.start : piece.end]):
                break
            if len(piece.text.split()) >= MIN_WORDS:
                return sentence[piece.start : piece.end], start - piece.start, end - piece.start
            break
    return sentence, start, end


def _speaker_after(text: str) -> bool:
    """Are there words after the last quotation mark of ``text``?"""
    marks = list(_QUOTE_MARKS.finditer(text))
    return bool(marks) and _WORD_CHARACTER.search(text, marks[-1].end()) is not None


_WORD_CHARACTER = re.compile(r"\w")


def _may_have_furniture(sentence: str) -> bool:
    """Does ``sentence`` pass one of the tests of ``_FURNITURE``? Most pass none: one call
    instead of one per pattern."""
    return (
        "(" in sentence
        or "-LRB-" in sentence
        or "--" in sentence
        or "—" in sentence
        or ";" in sentence
        or _may_have_label(sentence)
        or sentence[:1] in _BULLETS
        or sentence[:2].isupper()
        or sentence.startswith(("Photo", "Picture", ")", "-RRB-"))
        or sentence.startswith(_CREDIT_OPENINGS)
    )


def _without_furniture(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """Datelines and captions off the front, as long as the date is not in them."""
    if not _may_have_furniture(sentence):
        return sentence, start, end
    for needed, pattern in _FURNITURE:
        match = needed(sentence) and pattern.match(sentence)
        if match and len(sentence) - match.end() > 20:
            cut = match.end()
            # a date inside the dateline is the publication date, not the story's: it goes
            start, end = (start - cut, end - cut) if start >= cut else (0, 0)
            sentence = sentence[cut:]
    return sentence, start, end


# Tidying what is left once the date is taken out.
_SPACED_PUNCTUATION = (" ,", " .", " ;", " :", " !", " ?", " )")
_SPACE_AFTER_PARENTHESIS = re.compile(r"\(\s+")
_EMPTY_PARENTHESES = re.compile(r"\(\s*\)")
# Both start at the comma, which the engine finds at once, instead of trying every position.
_REPEATED_COMMAS = re.compile(r",\s*,\s*(?:,\s*)*")
_COMMA_AFTER_FUNCTION_WORD = re.compile(
    r",(?:(?<=\b(?i:a),)|(?<=\b(?i:an|of|in|on|at|by|to|or),)|(?<=\b(?i:the|for|and),)"
    r"|(?<=\b(?i:from|with),))\s+"
)
# What a sentence has wherever one of _TOKENISED can change a piece of it.
_MAY_BE_TOKENISED = re.compile(r"-[LR]RB-|``|''|\$|\s(?:[,.;:!?%']|n't)")
# (the same where " " is the only space: the engine jumps from space to space)
_SPACED_TOKEN_MARK = re.compile(r" (?:[,.;:!?%']|n't)")


def _may_be_tokenised(sentence: str) -> bool:
    """Does ``_MAY_BE_TOKENISED`` match? Its marks are found with string tests; spaces
    before a mark by a scan that starts only at a " ", when no other space is printed."""
    if "$" in sentence or "``" in sentence or "''" in sentence:
        return True
    if "-LRB-" in sentence or "-RRB-" in sentence:
        return True
    if sentence.isprintable():  # (see _only_plain_spaces)
        return _SPACED_TOKEN_MARK.search(sentence) is not None
    return _MAY_BE_TOKENISED.search(sentence) is not None


def _clean(text: str) -> str:
    return _cleaned(text)[0]


def _cleaned(text: str) -> tuple[str, bool]:
    """The text tidied, and whether it is settled: whether cleaning it again, or a start of
    it without the full stop that ends it, changes nothing but what the closing strip takes
    off. It is unless a parenthesis or a comma went: what they leave can need another pass
    ("a () , b" gives "a  , b").
    """
    settled = True
    if _has_quote_mark(text):
        text = _QUOTES.sub("", text)
    # Once the spaces are single, "a ," is a plain replacement: no scan of every position.
    # (A printable text has no space but " ": without two together or one at an end, they
    # are single already.)
    if "  " in text or text[:1] == " " or text[-1:] == " " or not text.isprintable():
        text = " ".join(text.split())
    if " " in text:
        for mark in _SPACED_PUNCTUATION:
            if mark in text:
                text = text.replace(mark, mark[1])
    if "(" in text:
        text, spaces = _SPACE_AFTER_PARENTHESIS.subn("(", text)
        text, empty = _EMPTY_PARENTHESES.subn("", text)
        settled = not (spaces or empty)
    if "," in text:
        # A comma orphaned by the date's removal: "The, tests", ", , ", "in, Ankara".
        # (The only spaces left are " ": two commas with spaces between show without them.)
        if ",," in text.replace(" ", ""):
            text = _REPEATED_COMMAS.sub(", ", text)
            settled = False
        if ", " in text:
            text, orphans = _COMMA_AFTER_FUNCTION_WORD.subn(" ", text)
            settled = settled and not orphans
    return text.strip(" ,;:-–—"), settled


# Words of the other supported languages that only serve the date right after them: its
# preposition or article ("am", "le", "el", "в", "στις", "في"), with the few phrases
# that stand for one ("im Jahr", "a principios de", "από το"). Only a text whose last word
# is the last word of one of them is searched.
_FOREIGN_BEFORE = (
    r"am|im(?: Jahre?)?|seit(?: dem)?|vom|ab dem|ab|bis(?: zum)?|Anfang|Mitte|Ende"
    r"|le|en|depuis(?: le)?|jusqu'en|jusqu'au|dès le|début|fin"
    r"|el|desde(?: el)?|hasta(?: el)?|a (?:principios|finales|mediados) de"
    r"|в|во|с|со|до|у|з|із"
    r"|στις|στο|στη|στην|την|τον|το|από(?: τ(?:ο|ον|ην|ις))?|μέχρι(?: τ(?:ο|ον|ην|ις))?"
    r"|في(?: (?:عام|شهر))?|منذ(?: عام)?|عام"
)
_FOREIGN_PREPOSITION = re.compile(rf"(?:^|\s)(?:{_FOREIGN_BEFORE})\s*$", re.IGNORECASE)
# (each phrase's last word, written out: the test is a set lookup)
_FOREIGN_ENDINGS_TEXT = """am im jahr jahre seit dem vom ab bis zum anfang mitte ende le en
    depuis jusqu'en
    jusqu'au dès début fin el desde hasta de в во с со до у з із στις στο στη στην την τον
    το τις από μέχρι في منذ عام شهر"""
_FOREIGN_ENDINGS = frozenset(_FOREIGN_ENDINGS_TEXT.split())
# ... and the words after it: Turkish "6 Şubat 2023 tarihinde" ("on the date of").
_FOREIGN_AFTER = re.compile(r"\s+tarih(?:inde|ine|inden|li|lerinde|leri arasında)\b")
# A date joined to another one (a list or a range: "in 2022 and 2023", "8. und 9. November",
# "du 2 au 4", "7-9 Aralık", "6 و7"): without it the other date's phrase is broken.
_JOINS = r"-|–|—|/|&|and|or|to|und|oder|bis|et|ou|au|à|y|o|a|и|или|по|ve|ile|و|και|έως|i|та|й"
# (matched where a joining mark, or a space and a joining word as written, follow the date:
# only the article may be in any case)
# The other date is a number or, in English, a weekday or a month: "on Monday and
# Tuesday", "by Sunday or Monday", "in May and June".
_NAMED_DATE = rf"(?:{patterns.WEEKDAY}|{patterns.MONTH_FULL})"
_JOINED_AFTER = re.compile(
    rf"\s*(?:{_JOINS})\s*(?:(?i:the|le|la|el|dem|der) )?(?:\d|{_NAMED_DATE}\b)"
)
_DIGIT = re.compile(r"\d")
_DIGIT_OR_NAME = re.compile(rf"\d|{_NAMED_DATE}")
_JOINED_BEFORE = re.compile(
    rf"(?:\d\.?|(?-i:{_NAMED_DATE}))\s*(?:{_JOINS})\s*(?:(?:the|le|la|el|dem|der) )?$"
    r"|\d\.?\s*و$",
    re.IGNORECASE,
)
# A date that is part of a name ("Euro 2024", "Good Friday", "the 2024 Summer Olympics"):
# a capitalised word other than the first right before it, or a determiner before it and a
# capitalised word after it.
# The object of a participle inside an aside ("a decision issued on July 1,", "first
# announced in 2022,", "scheduled for Saturday,"): without it the participle dangles.
_PARTICIPLE_BEFORE = re.compile(
    r"\b(?:\w+ed|held|signed|built|set|made|done|known|born|begun|written|taken|given|"
    r"shown|chosen|won|drawn|seen|sent|brought|struck|hit|put|cut|sold|paid|laid|led)"
    rf"\s+(?:(?:for|{_DATE_PREPOSITIONS})\s+)?$",
    re.IGNORECASE,
)


def _keeps_date(sentence: str, start: int, end: int) -> bool:
    """Does the date stay in the headline, because without it a phrase would be broken?"""
    # Every headline asks: the word after the date and the one before it are found with
    # string methods, and a pattern runs only where one of them can start its match.
    following = sentence[end : end + 1]
    # a possessive: the date is part of a noun's phrase ("Tuesday's vote", "last year 's
    # election", "Monday night's speech")
    if ("'" in sentence or "’" in sentence) and _POSSESSIVE_AFTER.match(sentence, end):
        return True
    # the date is the sentence's subject, "The first quarter of 2010 was weak", or opens
    # an inversion, "Not until May 27 did the group raise it": without it, no sentence
    # or of the main clause after a phrase that leads in ("Raising the stakes, Tuesday was
    # the start of the hurricane season"); an adverb may stand before its verb ("Tuesday
    # also marked …")
    if following == " " and (
        start < 16
        or sentence[start - 2 : start] == ", "
        or sentence[max(0, start - 6) : start] in (" said ", " says ")
    ):
        before = sentence[:start]
        # (and of what was said: "Obama said Friday was the last day")
        if (
            not before.strip()
            or before.endswith((", ", " said ", " says "))
            or _INVERSION_OPENING.match(before)
        ):
            verb = sentence[end + 1 : end + 24].split(None, 2)
            if len(verb) > 1 and verb[0] in _SUBJECT_ADVERBS:
                del verb[0]
            if verb and verb[0] in _VERBS_AFTER_A_SUBJECT:
                return True
    if following == " ":
        # (the joining words that start with the next word's first letter, if any)
        joins = _SPACED_JOIN_WORDS_BY_LETTER.get(sentence[end + 1 : end + 2])
        if joins and sentence.startswith(joins, end) and _joined_after(sentence, end):
            return True
    elif following in _JOIN_MARKS and _joined_after(sentence, end):
        return True
    # Most dates follow a short preposition ("in 2015"): no joined date, name or determiner.
    if sentence[start - 4 : start] not in _PLAIN_BEFORE:
        before = sentence[start - 1 : start]
        if before == " ":
            word_start = sentence.rfind(" ", 0, start - 1) + 1
            last_word = sentence[word_start : start - 1]
            lowered = last_word.lower()
        else:
            word_start, last_word, lowered = 0, "", ""
        if (
            (before in _JOIN_MARKS_BEFORE or lowered in _JOIN_WORDS)
            and _DIGIT_OR_NAME.search(sentence, max(0, start - 20), start)
            and _JOINED_BEFORE.search(sentence[max(0, start - 20) : start])
        ):
            return True
        # a name: a capitalised word before the date that is not the first, other than a
        # preposition, a month or a weekday (a date in lower case, "dün", is no part of one);
        # a number or a word ("Euro 2024", "Black Friday"), not a month and its day, which
        # after a place is a caption's date ("a BP station in London July 27, 2010")
        if (
            last_word[:1].isupper()
            and word_start > 1
            and (
                sentence[start].isdigit()
                or (sentence[start].isupper() and not _DIGIT.search(sentence, start, end))
            )
            and lowered not in _NOT_NAMES
            and last_word.replace("-", "").replace("'", "").replace("’", "").isalnum()
        ):
            return True
        if following == " " and sentence[end + 1 : end + 2].isupper():
            return lowered in _DETERMINER_WORDS  # "the 2024 Summer Olympics"
    if following == " ":
        following = sentence[end + 1 : end + 2]
    if following != "," and following:
        return False
    # the aside opens at the last comma with no subject of its own, a few words back
    comma = sentence.rfind(",", max(0, start - 60), start)
    aside = sentence[comma + 1 : start].split() if comma != -1 else ()
    return (
        1 <= len(aside) <= 6
        and aside[0][:1].islower()
        and aside[0] not in _SUBJECT_WORDS
        and _PARTICIPLE_BEFORE.search(sentence, comma, start) is not None
    )


def _joined_after(sentence: str, end: int) -> bool:
    """Is the date joined to the next one ("2013 and 2015", "8-9", "du 2 au 4")? Asked only
    after a joining mark, or a space and a joining word as written (see ``_keeps_date``)."""
    return _JOINED_AFTER.match(sentence, end, end + 24) is not None


# (with the articles a second date may take: "entre le 3 et le 5 mai")
_JOIN_WORDS = frozenset((*_JOINS.lower().split("|"), "the", "le", "la", "el", "dem", "der"))
_JOIN_MARKS = frozenset("-–—/")
_JOIN_MARKS_BEFORE = frozenset("-–—/و")  # (Arabic "و" is written joined to the next date)
_SPACED_JOIN_WORDS = (*(f" {word} " for word in _JOINS.split("|")), " و")
_SPACED_JOIN_WORDS_BY_LETTER = {
    letter: tuple(spaced for spaced in _SPACED_JOIN_WORDS if spaced[1] == letter)
    for letter in {spaced[1] for spaced in _SPACED_JOIN_WORDS}
}
_DETERMINER_WORDS = frozenset(("the", "a", "an", "its", "their", "this", "that"))
_POSSESSIVE_AFTER = re.compile(r"(?:\s+(?:night|morning|afternoon|evening))?\s?['’]s\b")
# "Not until", "Only after": the date's phrase opens an inversion ("… did the group raise").
_INVERSION_OPENING = re.compile(
    r"^\s*(?:Not\s+(?:until|till|before)|Only\s+(?:on|in|after|since|by|until|then)?)\s*$"
)
# What a date that opens its sentence is followed by when it is the subject, not a
# lead-in ("Friday was the deadline", but "Friday the minister said"); after an opening
# that inverts, the auxiliary ("did", "was").
_VERBS_AFTER_A_SUBJECT = frozenset(
    (
        *("was", "is", "were", "are", "will", "would", "has", "had", "have", "saw", "sees"),
        *("marked", "marks", "began", "begins", "ended", "ends", "brought", "brings"),
        *("looks", "looked", "proved", "proves", "remains", "remained"),
        *("did", "does", "do", "could", "can"),
    )
)
_SUBJECT_ADVERBS = frozenset(("also", "officially", "finally", "already", "still", "again"))
# Short prepositions, with the spaces around them, that are no joining word, no name and
# no determiner: a date after one of them is kept only as a participle's object.
_PLAIN_BEFORE = frozenset((" in ", " on ", " at ", " by ", " of ", " am ", " im ", " en "))


_SUBJECT_WORDS_TEXT = "the a an its his her their it he she they we this these those"
_SUBJECT_WORDS = frozenset(_SUBJECT_WORDS_TEXT.split())
_DETERMINERS = frozenset(("the", "its", "their", "his", "her"))


# Capitalised words before a date that are no name: prepositions, months, weekdays.
_NOT_NAMES_TEXT = """spring summer autumn fall winter frühjahr frühling sommer herbst january
    february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday last next this early late mid the a an"""
_NOT_NAMES = frozenset(
    (*_DATE_PREPOSITIONS.split("|"), *_FOREIGN_ENDINGS, *_NOT_NAMES_TEXT.split())
)


def _without_foreign_preposition(before: str) -> str:
    # (the last word, read from the end only: a longer word cut short here matches no
    # pattern below either)
    tail = before[-24:].rstrip()
    last = tail[tail.rfind(" ") + 1 :].lower()
    if last not in _FOREIGN_ENDINGS:
        return before
    match = _FOREIGN_PREPOSITION.search(before)
    return before if match is None else before[: match.start()]


def _without_date(sentence: str, start: int, end: int) -> str:
    """The sentence with the date replaced by a marker, its preposition and commas gone;
    or with the marker before the date, where the date stays (``_keeps_date``)."""
    if _keeps_date(sentence, start, end):
        marked = f"{sentence[:start]}{_DATE}{sentence[start:]}"
        return _detokenise(marked) if _may_be_tokenised(sentence) else marked
    before = sentence[:start]
    without = _without_preposition(before)
    if without is before and before.endswith((" after ", " before ", " for ")):
        without = _without_order_word(before, sentence, start, end)
    # (a date has one preposition: an English one taken, no other goes before it)
    before = _without_foreign_preposition(before) if without is before else without
    after = sentence[end:]
    if sentence.find("tarih", end, end + 8) != -1 and after[:1] == " ":
        after = _FOREIGN_AFTER.sub("", after, count=1)
    # (a comma after the date's spaces: ``re``'s \s and str.strip's spaces are the same)
    if after[:1] == "," or (after[:1].isspace() and after.lstrip()[:1] == ","):
        bare = before.rstrip()
        # "The tests, on Friday, were held": the commas framed the date, so they go with it.
        if bare.endswith(","):
            before, after = bare[:-1], after.lstrip()[1:]
        # "On Friday, the tests", "Just last week, Goldman": a leading date goes with its
        # comma and the word or two that modified it.
        elif len(before.split(None, 2)) <= 2:
            before, after = "", after.lstrip()[1:]
    # Both pieces are parts of the sentence: one test for both, and most sentences pass it.
    if _may_be_tokenised(sentence):
        before, after = _detokenise(before), _detokenise(after)
    return f"{before} {_DATE} {after}"


def _without_order_word(before: str, sentence: str, start: int, end: int) -> str:
    """``before`` without its last word, "after", "before" or "for", unless the date is a
    year that modifies the noun after it ("after 2015 reforms made voting harder"), or any
    date after "for" ("set for Wednesday afternoon release", but "a plan for 2030 with")."""
    following = sentence[end + 1 : end + 30].split(" ", 1)[0]
    if (
        (sentence[start:end].isdigit() or before.endswith(" for "))
        and following not in _BOUNDARY_WORDS  # "planned for Sunday night outside parliament"
        and following not in ("outside", "inside", "ahead", "around", "nationwide")
        and sentence[end : end + 1] == " "
        and following.islower()
        and following not in _DANGLING  # "before 2010 and again in 2015"
    ):
        return before
    return before[: before.rstrip().rfind(" ")]


def _without_preposition(before: str) -> str:
    """``before`` without the preposition that ends it (what ``_DATE_PREPOSITION`` removes).

    The match ends where ``before`` does: it is looked for only when the last word can end
    a preposition. Where the preposition and the character before it are ASCII and the
    spaces around it single (most dates: "in 2015", "on Friday"), string tests find it;
    elsewhere the regex does, from the end backwards, not from every position of the text.
    """
    # (most dates: a short preposition after a word and a single space, "in 2015")
    if before[-4:] in _SPACED_SHORT_PREPOSITIONS and not before[-5:-4].isspace():
        return before[:-4]
    stripped = before.rstrip()
    tail = stripped[-_PREPOSITION_LENGTH:]
    # (letters outside ASCII can fold to "i" or "s", and the regex's \s is not str.strip's
    # for "\x1c"-"\x1f": those go to the regex)
    if tail.isascii():
        lowered = tail.lower()
        if not lowered.endswith(_PREPOSITION_ENDINGS):
            return before
        if before[len(stripped) :] in " ":  # no space after it, or one " "
            _, space, word = lowered.rpartition(" ")
            # a word of letters after a " " (or alone): a preposition of one word goes
            # with the " " before it; any other does not end in one ("within")
            if word.isalpha() and (space or len(word) == len(stripped)):
                if word in _ONE_WORD_PREPOSITIONS:
                    at = len(stripped) - len(word)
                    if at <= 1 or not stripped[at - 2].isspace():
                        return stripped[: max(0, at - 1)]
                elif word not in _MULTI_WORD_ENDINGS:
                    return before
    else:
        end = tail[-_ENDING_LENGTH:]
        if end.isascii() and not end.lower().endswith(_PREPOSITION_ENDINGS):
            return before
    match = _DATE_PREPOSITION_FROM_END.search(before)
    if match is None:
        return before
    return before[: match.start()] + before[match.end() :]


_WHEN_CLAUSE = re.compile(r"\s*(?:,\s*)?when\s+(?P<clause>[^,;–—]+)")
_DASH = re.compile(r"\s+[-–—]\s")
# After a comma, "which" / "who" / "whose" open a relative clause before any verb ("which
# last erupted in 1991"), and it ends at the next comma; without one (and always for
# "that", as often the "that" of "said that") only before an auxiliary. A verb of saying
# makes the clause an attribution, not the dated happening.
_RELATIVE_CLAUSE = re.compile(
    rf",\s*(?P<word>which|who|whose)\s+(?!(?:{_REPORTING})\b)"
    # (the nearest relative word before the date: no other one, nor a spaced dash, between)
    r"(?P<verb>(?:(?!\s-\s|\b(?:which|who|whose)\b)[^,;–—])*?" + _DATE + r"[^,;–—]*)"
    r"|(?:^|[,(–—-]\s*|\s)(?:which|who|that)\s+(?P<auxiliary>(?:had|has|have|was|were|is|are)\s+"
    r"[^,;–—]*?" + _DATE + r"[^,;–—]*)"
)
# A participle's aside between a subject and its verb, with the date in it: "The merger,
# first announced in 2022, was completed" gives "The merger was first announced".
_IRREGULAR_PARTICIPLES_TEXT = """held built set made known born begun written taken given
    shown chosen won drawn seen
    sent brought struck sold paid led"""
_IRREGULAR_PARTICIPLES = frozenset(_IRREGULAR_PARTICIPLES_TEXT.split())
# (matched from the first comma, after a subject of 3 to 60 characters with no verb of its
# own, ``_SUBJECT_VERB``; the main verb after the aside)
_PARTICIPLE_ASIDE = re.compile(
    r",\s+((?:\w+ly\s+|first\s+)?(?:\w+ed|" + "|".join(_IRREGULAR_PARTICIPLES) + r")\s"
    r"[^,]*" + _DATE + r"[^,]*),\s*(?!(?:and|or|but|while|as|then)\b)[a-z]"
)
_LAST_DASH_ASIDE = re.compile(r"\s[-–—]\s(?:(?!\s[-–—]\s).)*$")


def _date_clause(text: str) -> str | None:
    """The clause the date belongs to when it is not the main one, else None."""
    at = text.index(_DATE)
    when = "when" in text and _WHEN_CLAUSE.match(text, at + 1)
    if when:
        clause = _DASH.split(when["clause"])[0]
        if len(clause.split()) >= MIN_WORDS:
            return clause
    stripped = text.lstrip()
    leading = stripped.startswith(_SUBORDINATOR_WORDS) and _LEADING_CLAUSE.match(stripped)
    if leading:
        clause, _rest = leading.groups()
        if _DATE in clause and not clause.startswith(_DATE):
            return clause
    # (the date between the first comma and the next: one before it and one after)
    if text.find(",", 0, at) != -1 and text.find(",", at) != -1:
        aside = _participle_aside(stripped)
        if aside is not None:
            subject, clause = aside
            return f"{subject} {'were' if _plural(subject) else 'was'} {clause}"
    relative = None
    if "which" in text or "who" in text or "that" in text:
        # its relative word comes before the date marker (before the last one, if several)
        last = text.rfind(_DATE)
        if (
            text.find("which", 0, last) != -1
            or text.find("who", 0, last) != -1
            or text.find("that", 0, last) != -1
        ):
            relative = _RELATIVE_CLAUSE.search(text)
    if relative:
        word, verb, auxiliary = relative.groups()
        # after a comma the clause is about the noun right before it ("the site of the
        # Deepwater Horizon, which exploded"); else about the head of a chain of phrases
        antecedent = _antecedent(text[: relative.start()], nearest=verb is not None)
        if antecedent:
            if word == "whose":  # "The company, whose shares have tripled"
                return f"{antecedent}’s {verb}"
            return f"{antecedent} {verb or auxiliary}"
    return None


_ASIDE_OPENERS = frozenset(("in", "at", "on", "during", "after", "with", "under", "from"))


def _word_after_first_comma(text: str) -> str:
    """The word after the first comma, if that comma comes within a subject's length."""
    comma = text.find(",", 0, 82)
    if comma == -1:
        return ""
    words = text[comma + 1 : comma + 40].split(None, 1)
    return words[0] if words else ""


def _subject_aside(text: str) -> tuple[str, str] | None:
    """The subject and the verb around an aside that follows the subject's comma ("The firm,
    in a filing, said"), if the subject is one: short, with no verb of its own."""
    word = _word_after_first_comma(text)
    if not (word in _ASIDE_OPENERS or word.endswith(("ing", "ed", "ly")) or word == "first"):
        return None
    return _aside_after_subject(text, text.find(","), 80, _SUBJECT_ASIDE)


def _participle_aside(text: str) -> tuple[str, str] | None:
    """The subject and a participle's aside with the date in it, right after the subject's
    comma: "The merger, first announced in 2022, was completed"."""
    word = _word_after_first_comma(text)
    if not (word.endswith(("ed", "ly")) or word in _IRREGULAR_PARTICIPLES or word == "first"):
        return None
    # the date inside the aside: between the first comma and the next
    comma = text.find(",")
    date = text.find(_DATE, comma)
    if date == -1 or "," not in text[date:] or "," in text[comma + 1 : date]:
        return None
    return _aside_after_subject(text, comma, 60, _PARTICIPLE_ASIDE)


def _aside_after_subject(
    text: str, comma: int, longest: int, aside: re.Pattern
) -> tuple[str, str] | None:
    """The subject before ``comma`` and what ``aside``, matched from it, leaves of the rest,
    if the subject is one: at most ``longest`` characters and 8 words, with no verb of its
    own (no subject but a clause of its own: "Fans filled the hall, …")."""
    if not 3 <= comma <= longest or _SUBJECT_VERB.search(text, 0, comma):
        return None
    match = aside.match(text, comma)
    if match is None:
        return None
    subject = text[:comma]
    if len(subject.split()) > 8 or _HAS_PAST.search(subject):
        return None
    return subject, match.group(1)


_HEAD_END = re.compile(r"\s(?:of|between|in|from|with|for|at|on|by)\s")
_HAS_PAST = re.compile(r"\b[a-z]\w+ed\b")


def _plural(subject: str) -> bool:
    """Is the subject's head (its last word before a preposition) a plural: "The talks",
    "Shares of Nvidia", not "The match between Real Madrid and Barcelona"?"""
    head = _HEAD_END.split(subject, 1)[0].split()[-1]
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


def _antecedent(before: str, *, nearest: bool = False) -> str | None:
    """The noun a trailing relative clause is about: the head before a chain of phrases.

    "withdraw Patriot missiles from Turkey's border with Syria - a move which … -"
    gives "Patriot missiles": asides go, then the prepositional phrases
    ("from …", "with …") the clause is less likely to be about.
    """
    text = _LAST_DASH_ASIDE.sub("", before.rstrip(" ,-–—"))
    words = text.split()
    prepositions = {"from", "with", "in", "on", "at", "of", "near", "along", "across", "over"}
    while words and not nearest:
        positions = [i for i, w in enumerate(words) if w.lower() in prepositions]
        if not positions or len(words) - positions[-1] > 5:
            break
        words = words[: positions[-1]]
    noun: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word, bare = words[index], words[index].lower().strip(",")
        if bare in _DANGLING or bare in _BOUNDARY_WORDS or word.endswith(","):
            # "The volcano": a determiner makes one common noun a name of what it is about,
            # and so does the sentence's first word before a clause after a comma ("The BP
            # oil spill, which began in April," gives "The BP oil spill began"; a clause
            # with no comma may run on into the sentence's own verb, "The rig that had
            # burned for 36 hours sank Thursday")
            if (
                (len(noun) == 1 or (index == 0 and nearest))
                and bare in _DETERMINERS
                and not word.endswith(",")
            ):
                noun.insert(0, word)
            break
        if index and words[index - 1].lower() == "to":  # "to withdraw": a verb, not the noun
            break
        noun.insert(0, word)
        if len(noun) == 4:
            break
    # Only a noun that names something (a capitalised word or two words) is safe to reuse.
    if noun and len(noun) == 2 and noun[0].lower() in _DETERMINERS:
        return " ".join(noun)
    if noun and (len(noun) > 1 or noun[0][:1].isupper()) and not noun[0][:1].islower():
        return " ".join(noun)
    return None


def _main_clause(text: str) -> str:
    # Each pattern runs only on a text that has what its match needs (a lead-in word at the
    # start, two spaced dashes, a comma, a reporting verb): most sentences have few of them.
    text = text.rstrip(" .!?")
    if text.startswith(_LEAD_IN_WORDS):
        text = _LEAD_IN.sub("", text)
    # (before the attributions are read: "Citing sources, Reuters reported that …")
    space = text.find(" ")
    participle = text[space - 3 : space] == "ing" and _LEADING_PARTICIPLE.match(text)
    if participle and len(text[participle.end() :].split()) >= MIN_WORDS:
        text = text[participle.end() :]
    if _spaced_dashes(text) >= 2:
        text = _DASH_ASIDE.sub(r"\g<subject> ", text)
    if "(" in text:
        text = _SHORT_PARENTHESIS.sub("", text)
    comma = text.find(",")
    if comma != -1:
        if text.count(",") >= 2:
            named = (
                _NAME_APPOSITIVE.match(text)
                if _reports(text) or _contains_any(text, _SPEAKING_WORDS)
                else None
            )
            if named and _names_its_speaker(named["subject"], named["name"]):
                text = f"{named['name']} {text[named.end() :]}"
            text = _APPOSITIVE.sub(" ", text)
            # an aside or a relative clause between the subject and its verb goes before the
            # verb is read: "Boeing, which …, said on Tuesday that …" is an attribution
            aside = _subject_aside(text)
            if aside is None and ("who" in text or "which" in text):
                relative = _SUBJECT_RELATIVE.match(text)
                aside = relative.groups() if relative else None
            if aside is not None:
                text = f"{aside[0]} {aside[1]}"
        # the attribution's clause runs from the last comma to the end
        last_comma = text.rfind(",")
        if last_comma != -1 and _reports(text[last_comma:]):
            trailing = _TRAILING_ATTRIBUTION.search(text, last_comma)
            if trailing and len(text[: trailing.start()].split()) >= MIN_WORDS:
                text = text[: trailing.start()]
        elif (
            last_comma != -1
            and (text[last_comma + 1 : last_comma + 12].split(None, 1)[:1] or [""])[0].lower()
            in _FOREIGN_REPORTING_STARTS
        ):
            trailing = _FOREIGN_TRAILING_ATTRIBUTION.match(text, last_comma)
            if trailing and len(text[:last_comma].split()) >= MIN_WORDS:
                text = text[:last_comma]
        comma = text.find(",")
    # a quotation its speaker introduces: "Mr Jindal said: This isn't about our coast"
    colon = text.find(": ")
    if colon != -1 and (comma == -1 or colon < comma) and _reports(text[:colon]):
        introduced = _QUOTE_INTRO.match(text)
        if introduced and len(introduced.group(1).split()) >= MIN_WORDS:
            return introduced.group(1)
    # the speaker and the verb come before the first comma
    attribution = _reports(text if comma == -1 else text[:comma]) and _ATTRIBUTION.match(text)
    # (``regex`` finds a group by name in about ten times the time it takes by number:
    # groups() gives them all, in the pattern's order)
    who, verb, that, what = attribution.groups() if attribution else ("", "", "", "")
    if attribution and not that and verb in _OBJECT_REPORTING and not _PRONOUN.match(what):
        attribution = None  # "LeBron James announced his retirement": the news itself
    elif attribution and verb.count(" ") >= 2 and _PRONOUN.match(what):
        # "told the families that they would be compensated": whose "they" is not known
        attribution = None
    elif attribution and what.startswith("to "):
        attribution = None  # "Police told residents to evacuate": an order, the news itself
    if attribution and len(what.split()) >= MIN_WORDS:
        empty = _EMPTY_SUBJECT.match(what)
        news = empty.groups()[0] if empty else ""
        if empty and len(news.split()) >= MIN_WORDS:
            what = news
        elif (
            (pronoun := _PRONOUN.match(what)) and len(who.split()) <= 6 and not _PRONOUN.match(who)
        ):
            # The speaker's words go in as they are: given to sub() as its template, a
            # backslash in them ("Photo\/AP") was read as a group, and extract() raised.
            # (without an adverb of the saying: "The White House also announced that it …")
            speaker, _, last = who.rpartition(" ")
            if speaker and last in _SUBJECT_ADVERBS:
                who = speaker
            what = who + what[pronoun.end() :]
        elif (
            what.startswith("its ")
            and len(who.split()) <= 6
            and not who.endswith("s")
            and not _PRONOUN.match(who)
        ):
            # "BP said its shares had fallen": BP's shares, the apostrophe as the text writes it
            mark = "’" if "’" in text else "'"
            what = f"{who}{mark}s{what[3:]}"
        text = what
    elif text.startswith(("It ", "it ", "There ", "there ")):
        empty = _EMPTY_SUBJECT.match(text)  # "It was announced on Tuesday that …"
        if empty and len(empty.groups()[0].split()) >= MIN_WORDS:
            text = empty.groups()[0]
    leading = text.startswith(_PHRASE_OPENER_WORDS) and _LEADING_PHRASE.match(text)
    if leading and len(text[leading.end() :].split()) >= MIN_WORDS:
        text = text[leading.end() :]
        text = _LEAD_IN.sub("", text)
    relative = "who" in text or "which" in text
    relative = relative and _SUBJECT_RELATIVE.match(text)
    if relative:
        subject, verb = relative.groups()
        text = f"{subject} {verb}"
    return text


def _names_its_speaker(subject: str, name: str) -> bool:
    """Is the subject before a name between commas a description of that name ("The top US
    official", "The man who was arrested"), not a place's ("The hospital in Houston", of
    "Houston, Texas,") or a clause of its own?"""
    words = subject.split()
    own = _RELATIVE_OPENING.split(subject, 1)[0]
    if _SUBJECT_VERB.search(own):
        return False
    # a capitalised title is a description too, "The Foreign Secretary, William Hague,", and
    # so is a place with a person's name after it, "The mayor of Mexico City, Marcelo
    # Ebrard,"; a place and a one-word name is a place and its state, "The hospital in
    # Houston, Texas,"
    return (
        words[-1][:1].islower()
        or " " in name
        or not any(w in _PLACE_PREPOSITIONS for w in words[1:])
    )


_RELATIVE_OPENING = re.compile(r"\s(?:who|whom|whose|which|that)\s")
_PLACE_PREPOSITIONS = frozenset(("in", "of", "at", "from", "near", "outside", "for"))


def _spaced_dashes(text: str) -> int:
    """How many dashes follow a space (an aside's marks), counted without a regex scan."""
    if _only_plain_spaces(text):
        return text.count(" -") + text.count(" –") + text.count(" —")
    count = 0
    for dash in "-–—":
        at = text.find(dash, 1)
        while at != -1:
            count += text[at - 1].isspace()
            at = text.find(dash, at + 1)
    return count


def _may_end_clause(text: str) -> bool:
    if not _only_plain_spaces(text) or "  " in text:
        return True  # the test below reads spaces as single " "
    for mark in _CLAUSE_END_MARKS:
        if mark in text:
            return True
    return "," in text and _CLAUSE_END_COMMA.search(text) is not None


def _end_clause(text: str) -> str:
    if not _may_end_clause(text):
        return text
    # A clause ends at a match with MIN_WORDS words before it: one past the start of the
    # MIN_WORDS-th word, found once instead of counting the words again at each match.
    words = _FIRST_WORDS.match(text)
    if words is None or words.end() == len(text):
        return text
    for match in _CLAUSE_END.finditer(text):
        if match.start() > words.end():
            return text[: match.start()]
    return text


def _shorten_list(text: str) -> str:
    # (no more spaces than words allowed, and no other space: short enough without a split)
    if text.count(" ") < MAX_WORDS and text.isprintable():
        return text
    if len(text.split(None, MAX_WORDS)) <= MAX_WORDS:  # (split no further than needed)
        return text
    match = (" and " in text or " or " in text) and _LIST.search(text)
    if not match:
        return text
    head, first, _last = match.groups()
    return f"{text[: match.start()]}{head or ''}{first} and others{text[match.end() :]}"


# Words that are, or most often are, a clause's finite verb, for telling a headline that has
# one from a noun phrase alone: the auxiliaries, "-ed" words and the commonest irregular
# past tenses of news.
_AUXILIARIES_TEXT = """is are was were be been has have had will would could can may might
    must should shall did does do says said say"""
_AUXILIARIES = frozenset(_AUXILIARIES_TEXT.split())
_IRREGULAR_PASTS_TEXT = """rose fell took made gave came went saw began sank hit led won lost
    met told found left sent put set cut held ran became brought struck spent paid sold bought
    broke drew grew kept fought"""
_IRREGULAR_PASTS = frozenset(_IRREGULAR_PASTS_TEXT.split())


# Words after which "to" opens an infinitive, the verb of the clause ("is likely to raise",
# "plans to be able to handle"): a cut there early on leaves half a headline.
_BEFORE_INFINITIVE_TEXT = """able unable likely unlikely due set expected going trying plan plans
    planned planning want wants wanted agreed agrees decided hope hopes hoped aim aims aimed need
    needs needed has have had is are was were be ready forced asked ordered allowed began begin
    begins continue continues continued failed refused vowed pledged promised sought seeks
    tried tries used about enough order sure willing"""
_BEFORE_INFINITIVE = frozenset(_BEFORE_INFINITIVE_TEXT.split())


# (the languages that write a noun, not only a name, with a capital after their articles)
_ARTICLES_TEXT = "der die das den dem des ein eine einen einem einer"
_ARTICLES = frozenset(_ARTICLES_TEXT.split())


def _has_verb(words: list[str]) -> bool:
    for word in words:
        lowered = word.lower().strip(",;:")
        if lowered in _AUXILIARIES or lowered in _IRREGULAR_PASTS:
            return True
        if len(lowered) > 4 and lowered.endswith("ed") and word[:1].islower():
            return True
    return False


def _fit(text: str) -> str:
    words = text.split()
    shortened = len(words) > MAX_WORDS
    if shortened:
        cut = next(
            (
                i
                for i in range(MAX_WORDS, MIN_WORDS - 1, -1)
                if (
                    words[i].lower().strip(",") in _BOUNDARY_WORDS
                    # (an infinitive's "to" leaves half a headline, "The WHO is likely")
                    and not (
                        words[i] == "to"
                        and i <= MAX_WORDS // 2
                        and words[i - 1].lower() in _BEFORE_INFINITIVE
                    )
                )
                or words[i - 1].endswith(",")
            ),
            MAX_WORDS,
        )
        # A phrase's boundary far back may leave half a headline, a subject without its verb
        # ("The results of tests" of "… on the tarballs found off Key West are expected
        # later"): then the fourteen words, with whatever dangles at their end dropped below.
        if cut <= MAX_WORDS // 2 and not _has_verb(words[:cut]) and _has_verb(words[:MAX_WORDS]):
            cut = MAX_WORDS
        # (not inside a short name: "… the offshore oil rig Deepwater Horizon" is no "rig
        # Deepwater"; a longer one is kept as far as it goes)
        if cut == MAX_WORDS and words[cut][:1].isupper():
            start = cut
            while start > cut - 3 and words[start - 1][:1].isupper():
                start -= 1
            # (nor back to a German article: German writes its nouns with a capital, "der
            # Europäischen Zentralbank")
            if cut - 3 < start < cut and start > MIN_WORDS and words[start - 1] not in _ARTICLES:
                cut = start
        # (nor inside a list of numbers: "the events of 1 and 2 April")
        while (
            cut > MIN_WORDS
            and words[cut - 1].isdigit()
            and words[cut].lower() in ("and", "or", "to", "-", "–")
            and cut + 1 < len(words)
            and words[cut + 1].strip(",").isdigit()
        ):
            cut -= 1
            if words[cut - 1].rstrip(".").lower() in MONTH_NUMBER:  # "on June 3 and 4"
                cut -= 1
        words = words[:cut]
    # (a capitalised word is a name, "in May", not the modal "may"; a sentence's own last
    # "an" is a German verb's particle, "kündigte den Kauf an", not an article left hanging)
    while (
        len(words) > MIN_WORDS
        and words[-1].lower().strip(",;:") in _DANGLING
        and not words[-1][:1].isupper()
        and (shortened or words[-1] != "an")
    ):
        words.pop()
    # a lone word after the last comma of a cut text is a phrase's first, "…, down"
    if shortened and len(words) > MIN_WORDS + 1 and words[-2].endswith(",") and words[-1].islower():
        words.pop()
    return " ".join(words).rstrip(" ,;:-–—.")


# "exploded on April 20 and sank <date>": the first verb is the other date's happening.
_OTHER_DATES_VERB = re.compile(
    rf"\b[a-z]+\s+(?:on|in)\s+(?:{_LABEL_MONTH}\.?\s+\d{{1,2}}|\d{{1,2}}\s+{_LABEL_MONTH}"
    rf"|{_LABEL_WEEKDAY}|(?:1[89]|20)\d\d)\s*,?\s+and\s+(?=[a-z]+\s+(?:\S+\s+){{0,2}}?{_DATE})"
)


def _without_other_dates_verb(marked: str) -> str:
    """ "The rig exploded on April 20 and sank two days later": the happening of the second
    date is the sinking; the explosion, with its own date, goes."""
    return _OTHER_DATES_VERB.sub("", marked, count=1)


_AND_AFTER_DATE = re.compile(rf"{_DATE}\s*,?\s+and\s+(?=[a-z])(?P<conjunct>[^,;.]*)")


def _without_other_dates_conjunct(marked: str) -> str:
    """ "The rig exploded on April 20 and sank two days later": on April 20 it exploded; the
    sinking, with a date of its own, goes."""
    found = _AND_AFTER_DATE.search(marked)
    if found is None or not patterns.CANDIDATE.search(found["conjunct"]):
        return marked
    return marked[: found.start()] + _DATE + marked[found.end() :]


def suggest_headline(sentence: str, mention_start: int, mention_end: int) -> str:
    """A headline of at most 14 words for the happening the date at [start, end) dates."""
    if " * " in sentence or " \\* " in sentence or " • " in sentence or " · " in sentence:
        sentence, mention_start, mention_end = _bullet_of(sentence, mention_start, mention_end)
    # (a stop and a space, or a stop, a closing mark and a space, looked for before any
    # pattern runs: most sentences have neither inside them)
    if _contains_any(sentence[:-2], _INNER_STOPS) and _INNER_SENTENCE_END.search(
        sentence, 0, len(sentence) - 2
    ):
        sentence, mention_start, mention_end = _own_sentence(sentence, mention_start, mention_end)
    marked = _without_date(*_without_furniture(sentence, mention_start, mention_end))
    if " and " in marked:
        marked = _without_other_dates_conjunct(_without_other_dates_verb(marked))
    clause = _date_clause(marked)
    if clause is not None:
        text = _clean(clause.replace(_DATE, ""))
    else:
        cleaned, settled = _cleaned(marked.replace(_DATE, ""))
        main = _main_clause(cleaned)
        # Most main clauses are the whole sentence without its full stop: a settled text
        # needs only the closing strip again (see _cleaned).
        only_the_stop_went = settled and main == cleaned.rstrip(" .!?")
        text = main.strip(" ,;:-–—") if only_the_stop_went else _clean(main)
    text = _fit(_shorten_list(_end_clause(text)))
    if " " not in text:  # fewer than two words (_fit leaves one " " between words)
        text = _fit(_clean(_detokenise(sentence)))
    return text[:1].upper() + text[1:]
