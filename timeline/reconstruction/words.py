"""Words that tell one happening from another: content words, lower-cased, weighted by rarity."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

import regex

_WORD = regex.compile(r"[^\W\d_][\w'-]*", regex.UNICODE)

# Function words, reporting verbs and calendar words: shared by every sentence
# about anything, so they say nothing about which happening a sentence reports.
STOPWORDS_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    out over own same she should so some such than that the their theirs them then there these
    they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours yourself its it's said says say saying told
    according added reported week weeks day days month months year years today yesterday
    tomorrow tonight monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec last next earlier later since ago mr mrs ms lrb rrb -lrb- -rrb-
    s t n't 's one two three new first
    """
STOPWORDS = frozenset(STOPWORDS_TEXT.split())


_SUFFIX = regex.compile(r"(?:ings?|ed|es|s|ions?|ers?|ly)$")
# Words in more than this share of all sentences name the topic ("oil", "spill", "BP"),
# not a happening within it; below MIN_SENTENCES there is too little to tell.
TOPIC_SHARE = 0.2
MIN_SENTENCES = 50
# A sentence is known by its rarest words; a few are enough to match it and cheaper.
WORDS_PER_SENTENCE = 15


def stem(word: str) -> str:
    """A light stem: "killed", "killing", "kills" all give "kill"."""
    if len(word) > 5:
        word = _SUFFIX.sub("", word)
    return word[:8]


def content_words(text: str) -> list[str]:
    return [
        stem(w)
        for w in (m.group().lower().strip("'-") for m in _WORD.finditer(text))
        if len(w) > 1 and w not in STOPWORDS
    ]


class Vocabulary:
    """Inverse document frequency over the sentences of one reconstruction."""

    def __init__(self, sentences: Iterable[Iterable[str]]):
        self.df: Counter[str] = Counter()
        self.n = 0
        for words in sentences:
            self.n += 1
            self.df.update(set(words))

        self.topic_df = self.n * TOPIC_SHARE if self.n >= MIN_SENTENCES else self.n + 1

    def idf(self, word: str) -> float:
        return math.log((1 + self.n) / (1 + self.df[word])) + 1.0

    def vector(self, words: Iterable[str]) -> dict[str, float]:
        counts = Counter(w for w in words if self.df[w] <= self.topic_df)
        weighted = sorted(((c * self.idf(w), w) for w, c in counts.items()), reverse=True)
        return {w: v for v, w in weighted[:WORDS_PER_SENTENCE]}


def norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vector.values()))


def cosine(a: dict[str, float], b: dict[str, float], norm_a: float, norm_b: float) -> float:
    if not norm_a or not norm_b:
        return 0.0
    # The shared words are few: intersect the keys in C, then sum over those only.
    return sum(a[w] * b[w] for w in a.keys() & b.keys()) / (norm_a * norm_b)
