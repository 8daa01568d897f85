"""Reconstruction benchmark: our ranked draft beside the mention-count baseline on Timeline17.

    python -m tests.bench.reconstruction [--corpus ../shared/corpora/t17-dev.json.gz]
    python -m tests.bench.reconstruction --variants --no-speed

The field's protocol (news-tls, Ghalandari & Ifrim, ACL 2020), per gold timeline:
only the articles published between its first and last date; as many dates as
it has; per date, as many summary sentences as its average (rounded, at least
one); dates at day precision within that span. Date F1 is the F1 of the
predicted and gold date sets, averaged over timelines. Concat ROUGE-1 F is the
unigram F1 (lower-cased words, counts clipped) of all predicted summary
sentences against all gold sentences of the timeline, averaged likewise.

The baseline ranks days by how many mentions our own extractor finds of them
(every day-precision mention of an article in the window, repeats included),
and summarises a day by the first sentences that mention it.

Headlines: for each gold date a system hits, ROUGE-1 F of our headline against
that date's gold sentences, beside that of the first 14 words of the sentence
the headline came from (the old "cut the sentence" headline).

Figures are printed per timeline, per topic and over all timelines: a change
to the ranking must help on each topic, not on the mean only.

Variants (``--variants``): the same candidates, days ranked by other rules
(other salience signals from the field's research, temporal diversity, a
grouping without cross-day merges) or chosen greedily under a submodular
objective that rewards days spread over time (Martschat & Markert, CoNLL 2018),
date F1 per topic. Each rule is chosen on
one topic and read on the other as held out: the design is measured on topics
we do not have.

Speed: the bpoil topic (all its articles) from raw text to a ranked draft, in a
fresh process (imports, extraction on every core, grouping, selection), with
peak memory of that process and its extraction workers.
"""

from __future__ import annotations

import argparse
import gzip
import heapq
import json
import math
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = next(
    (
        p / "shared/corpora/t17-dev.json.gz"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared/corpora/t17-dev.json.gz").exists()
    ),
    ROOT.parent / "shared/corpora/t17-dev.json.gz",
)
SPEED_TOPIC = "bpoil"
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in {"lrb", "rrb"}]


def rouge1_f(predicted: list[str], gold: list[str]) -> float:
    p, g = Counter(predicted), Counter(gold)
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def date_f1(predicted: set[str], gold: set[str]) -> float:
    hits = len(predicted & gold)
    if not hits:
        return 0.0
    precision, recall = hits / len(predicted), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


def _extract(article: dict):
    from timeline.extraction import extract

    return extract(article["text"], date.fromisoformat(article["published"]))


def extract_topic(articles: list[dict]) -> list:
    with ProcessPoolExecutor() as pool:
        return list(pool.map(_extract, articles, chunksize=16))


# --- the two systems ----------------------------------------------------------------------


def baseline(articles, extractions, start, end, n, k):
    counts: Counter[str] = Counter()
    sentences: dict[str, list[str]] = {}
    for extraction in extractions:
        for mention in extraction.mentions:
            period = mention.period
            if period is None or period.is_range or mention.precision != "day":
                continue
            if start <= period.start <= end:
                counts[period.iso] += 1
        for proposal in extraction.proposals:
            if proposal.precision == "day" and not proposal.period.is_range:
                sentences.setdefault(proposal.value, []).append(proposal.sentence)
    chosen = [day for day, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]
    return {day: {"summary": sentences.get(day, [])[:k], "headline": None} for day in chosen}


def evidence_of_window(articles, extractions) -> list:
    from timeline.reconstruction import Document, evidence_of

    evidence = []
    for article, extraction in zip(articles, extractions, strict=True):
        document = Document(
            id=article["id"],
            published=date.fromisoformat(article["published"]),
            text=article["text"],
            extraction=extraction,
        )
        evidence.extend(evidence_of(document, extraction))
    return evidence


def ours(articles, extractions, start, end, n, k):
    from timeline.periods import Precision
    from timeline.reconstruction import group, select

    evidence = evidence_of_window(articles, extractions)
    entries = select(
        group(evidence), dates=n, start=start, end=end, sentences=k, precision=Precision.DAY
    )
    result = {}
    for entry in entries:
        top = entry.candidates[0]
        source = next(e.sentence for e in top.evidence if e.headline == entry.headline)
        result[entry.period.iso] = {
            "summary": list(entry.summary),
            "headline": entry.headline,
            "headline_sentence": source,
        }
    return result


# --- variants of the date ranking ----------------------------------------------------------


@dataclass
class Window:
    """What a day-ranking rule may read about one gold timeline's window of articles."""

    published: Counter  # articles published per day
    topic: frozenset  # words in a large share of all sentences: the story's own vocabulary
    references: dict  # PageRank of each day in the graph of date references (Tran et al.)
    sentence: dict  # evidence key -> index of its sentence in its article (0: the lede)
    coverage: object  # salience.Coverage of the window's sources, as select() builds it

    def articles_around(self, day: date, days: int) -> int:
        return sum(self.published[day + timedelta(i)] for i in range(-days, days + 1))


def _best_per_source(evidence, value: Callable) -> float:
    best: dict = {}
    for e in evidence:
        v = value(e)
        if v > best.get(e.source, 0.0):
            best[e.source] = v
    return sum(best.values())


AS_IS = "as is (select: sources x sqrt of the week's share)"


def _variants() -> dict[str, Callable]:
    """Day-scoring rules: (day, the evidence its candidates hold, window) -> salience."""
    from timeline.periods import Period, Precision
    from timeline.reconstruction.salience import salience, source_weight, weight
    from timeline.reconstruction.words import content_words

    def retrospective(day, evidence, w):
        return len({e.source for e in evidence if (e.published - day).days >= 2})

    def anticipation_half(day, evidence, w):
        return _best_per_source(evidence, lambda e: weight(e) * (0.5 if e.published < day else 1))

    def chatter_half(day, evidence, w):
        # A day no source names after the day it was reported on is that day's chatter.
        cited_later = any((e.published - day).days >= 2 for e in evidence)
        return source_weight(evidence) * (1.0 if cited_later else 0.5)

    def burst(day, evidence, w):
        published = w.published[day] + w.published[day + timedelta(1)]
        return source_weight(evidence) * math.log(2 + published)

    def per_coverage(day, evidence, w):
        return source_weight(evidence) / math.sqrt(1 + w.articles_around(day, 15))

    def lede(day, evidence, w):
        # The first sentences carry the news (news-tls reads an article's first five).
        return _best_per_source(evidence, lambda e: weight(e) if w.sentence[e.key] < 5 else 0.0)

    def on_topic(day, evidence, w):
        return _best_per_source(
            evidence, lambda e: weight(e) if w.topic & set(content_words(e.sentence)) else 0.0
        )

    def attention(days, power):
        # The week's share of select() with another window or power (salience.Coverage).
        def rule(day, evidence, w):
            last = day + timedelta(days)
            citing = {e.source for e in evidence if day <= e.published <= last}
            share = (len(citing) + 1) / (w.coverage.published_between(day, last) + 2)
            return source_weight(evidence) * share**power

        return rule

    return {
        AS_IS: lambda d, es, w: salience(Period(d, Precision.DAY), es, w.coverage),
        "each source once, best weight (no share)": lambda d, es, w: source_weight(es),
        "the share over 3 days": attention(3, 0.5),
        "the share over 14 days": attention(14, 0.5),
        "the share to the power 0.3": attention(7, 0.3),
        "the share to the power 1": attention(7, 1.0),
        "distinct sources, unweighted": lambda d, es, w: len({e.source for e in es}),
        "every mention (repeats included)": lambda d, es, w: len(es),
        "retrospective sources only (2+ days after)": retrospective,
        "anticipating sources at half weight": anticipation_half,
        "days cited only on the day or next, half weight": chatter_half,
        "x publication burst log(2 + articles d, d+1)": burst,
        "/ coverage sqrt(articles within 15 days)": per_coverage,
        "distinct days that cite it": lambda d, es, w: len({e.published for e in es}),
        "on-topic sentences only (a topic word)": on_topic,
        "PageRank over date references": lambda d, es, w: w.references.get(d, 0.0),
        "sources x PageRank over date references": lambda d, es, w: (
            source_weight(es) * w.references.get(d, 0.0)
        ),
        "lede only (first 5 sentences)": lede,
        "sources + lede only": lambda d, es, w: source_weight(es) + lede(d, es, w),
        "anticipating sources not counted": lambda d, es, w: source_weight(
            [e for e in es if e.published >= d]
        ),
        "/ log(2 + articles published that day)": lambda d, es, w: (
            source_weight(es) / math.log(2 + w.published[d])
        ),
        "/ log(2 + articles within 15 days)": lambda d, es, w: (
            source_weight(es) / math.log(2 + w.articles_around(d, 15))
        ),
    }


def _day_evidence(candidates, start: date, end: date) -> dict[date, list]:
    """Day-precision candidates within [start, end], their evidence pooled by day (as select())."""
    from timeline.periods import Precision

    by_day: dict[date, list] = defaultdict(list)
    for c in candidates:
        p = c.period
        if p is None or p.precision is not Precision.DAY or p.is_range:
            continue
        if start <= p.start and p.final_day <= end:
            by_day[p.start].extend(c.evidence)
    return by_day


def _not_adjacent(ranked: list[date], n: int) -> list[date]:
    """Temporal diversity: the best days, skipping any next to one already chosen.

    When too few days are left apart, the best of the skipped ones fill up to n.
    """
    chosen: list[date] = []
    for day in ranked:
        if len(chosen) == n:
            break
        if all(abs((day - c).days) > 1 for c in chosen):
            chosen.append(day)
    taken = set(chosen)
    skipped = [day for day in ranked if day not in taken]
    return chosen + skipped[: n - len(chosen)]


# Soft temporal diversity (Martschat & Markert, CoNLL 2018: "A Temporally Sensitive
# Submodularity Framework for Timeline Summarization"), with days in place of their sentences.
# Each objective is monotone submodular and maximised greedily; no day is ever forbidden, a
# day's gain only shrinks as days near it are chosen.


def _lazy_greedy(days: list[date], n: int, gain: Callable, take: Callable) -> list[date]:
    """The n days of greatest marginal gain, one at a time (lazy greedy, Minoux 1978).

    Submodularity means a day's gain can only shrink as others are chosen, so a stale gain is an
    upper bound: a day is re-scored only when it reaches the top of the heap. Equal gains go
    to the earlier day, as the plain ranking's ties do.
    """
    heap = [(-gain(d), d, 0) for d in days]
    heapq.heapify(heap)
    chosen: list[date] = []
    while heap and len(chosen) < n:
        _, day, seen = heapq.heappop(heap)
        if seen == len(chosen):
            chosen.append(day)
            take(day)
        else:
            heapq.heappush(heap, (-gain(day), day, len(chosen)))
    return chosen


def _month(day: date) -> tuple[int, int]:
    return day.year, day.month


def _iso_week(day: date) -> tuple[int, int]:
    return day.isocalendar()[:2]


def sqrt_per_bucket(
    salience: dict[date, float], n: int, bucket: Callable, coverage: float = 0.0
) -> list[date]:
    """Greedy on coverage * sum(s)/S + sum over buckets b of sqrt(s chosen in b) / Z.

    The square root of the salience already chosen in a bucket (a calendar month, an ISO week)
    is the paper's temporal diversity: a quiet month's best day can outweigh a busy month's
    tenth. With ``coverage`` 1 it is the paper's ASMDS+TempDiv objective (coefficients 1 and
    1, tilse's asmds_tempdiv config), each part divided by its value on all days as tilse
    normalises them; with 0, diversity alone (among days of empty buckets, plain salience).
    """
    totals: dict = defaultdict(float)
    for day, s in salience.items():
        totals[bucket(day)] += s
    norm = sum(math.sqrt(t) for t in totals.values()) or 1.0
    everything = sum(salience.values()) or 1.0
    chosen: dict = defaultdict(float)

    def gain(day: date) -> float:
        before = chosen[bucket(day)]
        diverse = (math.sqrt(before + salience[day]) - math.sqrt(before)) / norm
        return diverse + coverage * salience[day] / everything

    def take(day: date) -> None:
        chosen[bucket(day)] += salience[day]

    return _lazy_greedy(list(salience), n, gain, take)


def sqrt_temporal_coverage(
    salience: dict[date, float],
    n: int,
    kernel: Callable[[int], float],
    reach: int | None = None,
    coverage: float = 0.0,
) -> list[date]:
    """Greedy on coverage * sum(s)/S + the sum over calendar days t of
    sqrt(sum over chosen d of s(d) k(t - d)), divided by its value on all days.

    A smooth version of the buckets: a chosen day covers the days around it, fading with the
    distance (the kernel k is 0 beyond ``reach`` days; None: as far as the days span), so a
    day's gain is discounted by the salience already chosen near it, wherever the calendar
    cuts its months. Every day covers a full neighbourhood, the window's first and last too:
    cutting coverage at the window would hold its ends back. ``coverage`` as in
    sqrt_per_bucket.
    """
    span = (max(salience) - min(salience)).days if salience else 0
    reach = span if reach is None else reach
    offsets = [(i, kernel(i)) for i in range(-reach, reach + 1)]
    offsets = [(i, k) for i, k in offsets if k > 0]
    everything = sum(salience.values()) or 1.0
    norm = 1.0
    if coverage:
        spread: dict[int, float] = defaultdict(float)
        for day, s in salience.items():
            for i, k in offsets:
                spread[day.toordinal() + i] += s * k
        norm = sum(math.sqrt(v) for v in spread.values()) or 1.0
    covered: dict[int, float] = defaultdict(float)

    def gain(day: date) -> float:
        o, s = day.toordinal(), salience[day]
        diverse = sum(
            math.sqrt(covered[o + i] + s * k) - math.sqrt(covered[o + i]) for i, k in offsets
        )
        return diverse / norm + coverage * s / everything

    def take(day: date) -> None:
        for i, k in offsets:
            covered[day.toordinal() + i] += salience[day] * k

    return _lazy_greedy(list(salience), n, gain, take)


def _diverse_selections() -> dict[str, Callable[[dict[date, float], int], list[date]]]:
    """Whole-set selections over the salience as is: (salience by day, n) -> chosen days."""
    week_tri = lambda i: 1 - abs(i) / 8  # noqa: E731  (a week either side, fading linearly)
    # tilse's DateWeightedChieuSentenceRepresentation weighs similarity by this distance.
    inverse_sqrt = lambda i: 1 / math.sqrt(1 + abs(i))  # noqa: E731
    return {
        "submodular: sqrt per calendar month": lambda s, n: sqrt_per_bucket(s, n, _month),
        "submodular: salience + sqrt per month (M&M)": lambda s, n: sqrt_per_bucket(
            s, n, _month, coverage=1.0
        ),
        "submodular: sqrt per ISO week": lambda s, n: sqrt_per_bucket(s, n, _iso_week),
        "submodular: salience + sqrt per week (M&M)": lambda s, n: sqrt_per_bucket(
            s, n, _iso_week, coverage=1.0
        ),
        "sqrt coverage, kernel 1 - |d|/8 (a week)": lambda s, n: sqrt_temporal_coverage(
            s, n, week_tri, 7
        ),
        "sqrt coverage, kernel 1 within 10 days (tilse)": lambda s, n: sqrt_temporal_coverage(
            s, n, lambda i: 1.0, 10
        ),
        "sqrt coverage, kernel 1/sqrt(1 + |d|) (tilse)": lambda s, n: sqrt_temporal_coverage(
            s, n, inverse_sqrt
        ),
        "salience + that sqrt coverage (M&M)": lambda s, n: sqrt_temporal_coverage(
            s, n, inverse_sqrt, coverage=1.0
        ),
    }


def date_references(articles, extractions, damping: float = 0.85) -> dict:
    """PageRank of days in the graph of date references (Tran et al. 2015, as news-tls
    describes it): an edge from each article's publication day to each other day it names,
    one per article; 0.85 is PageRank's usual damping (Brin & Page)."""
    edges: Counter = Counter()
    nodes: set = set()
    for article, extraction in zip(articles, extractions, strict=True):
        published = date.fromisoformat(article["published"])
        nodes.add(published)
        named = {
            m.period.start
            for m in extraction.mentions
            if m.period is not None and not m.period.is_range and m.precision == "day"
        }
        nodes.update(named)
        for day in named - {published}:
            edges[published, day] += 1
    out: Counter = Counter()
    for (a, _), w in edges.items():
        out[a] += w
    rank = dict.fromkeys(nodes, 1 / len(nodes)) if nodes else {}
    for _ in range(50):
        dangling = sum(r for n, r in rank.items() if not out[n])
        base = (1 - damping + damping * dangling) / len(nodes)
        new = dict.fromkeys(nodes, base)
        for (a, b), w in edges.items():
            new[b] += damping * rank[a] * w / out[a]
        rank = new
    return rank


def _window(articles, extractions, evidence) -> Window:
    import bisect

    from timeline.extraction.sentences import split_sentences
    from timeline.reconstruction.salience import Coverage
    from timeline.reconstruction.words import TOPIC_SHARE, content_words

    sentences = [set(content_words(e.sentence)) for e in evidence]
    df = Counter(w for words in sentences for w in words)
    index = {}
    for article, extraction in zip(articles, extractions, strict=True):
        starts = [s.start for s in split_sentences(article["text"])]
        for number, proposal in enumerate(extraction.proposals):
            index[article["id"], number] = bisect.bisect_right(starts, proposal.start) - 1
    return Window(
        published=Counter(date.fromisoformat(a["published"]) for a in articles),
        topic=frozenset(w for w, c in df.items() if c >= TOPIC_SHARE * len(sentences)),
        references=date_references(articles, extractions),
        sentence=index,
        coverage=Coverage(evidence),
    )


def variant_scores(article_windows) -> dict[str, dict[str, list[float]]]:
    """Date F1 of every variant, per topic, one figure per gold timeline."""
    from timeline.reconstruction import group
    from timeline.reconstruction import grouping as grouping_module

    rules = _variants()
    scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for topic, gold, start, end, articles, extractions in article_windows:
        evidence = evidence_of_window(articles, extractions)
        window = _window(articles, extractions, evidence)
        n = len(gold)
        by_day = _day_evidence(group(evidence), start, end)
        for name, rule in rules.items():
            score = {d: rule(d, es, window) for d, es in by_day.items()}
            ranked = sorted(score, key=lambda d: (-score[d], d))
            chosen = {d.isoformat() for d in ranked[:n]}
            scores[name][topic].append(date_f1(chosen, set(gold)))
            if name == AS_IS:
                diverse = {d.isoformat() for d in _not_adjacent(ranked, n)}
                scores["as is, no two adjacent days chosen"][topic].append(
                    date_f1(diverse, set(gold))
                )
                for label, selection in _diverse_selections().items():
                    picked = {d.isoformat() for d in selection(score, n)}
                    scores[label][topic].append(date_f1(picked, set(gold)))
        # Grouping without merges across neighbouring days: each sentence counts for its own day.
        kept = grouping_module.SAME_HAPPENING_NEXT_DAY
        grouping_module.SAME_HAPPENING_NEXT_DAY = math.inf
        try:
            alone = _day_evidence(group(evidence), start, end)
        finally:
            grouping_module.SAME_HAPPENING_NEXT_DAY = kept
        score = {d: rules[AS_IS](d, es, window) for d, es in alone.items()}
        chosen = {d.isoformat() for d in sorted(score, key=lambda d: (-score[d], d))[:n]}
        scores["as is, no merging of neighbouring days"][topic].append(date_f1(chosen, set(gold)))
    return scores


def print_variants(scores: dict[str, dict[str, list[float]]]) -> None:
    topics = sorted({t for per_topic in scores.values() for t in per_topic})

    def mean(values: list[float]) -> float:
        return sum(values) / len(values)

    print("\nDate F1 of other day-ranking rules on the same candidates, per topic\n")
    header = " ".join(f"{t:>7}" for t in topics)
    print(f"{'variant':<48} {header} {'all':>7}")
    for name, per_topic in scores.items():
        figures = " ".join(f"{mean(per_topic[t]):>7.3f}" for t in topics)
        every = [f for t in topics for f in per_topic[t]]
        print(f"{name:<48} {figures} {mean(every):>7.3f}")
    reference = AS_IS
    for chosen_on in topics:
        for held_out in topics:
            if held_out == chosen_on:
                continue
            # Ties go to the rule as it is: a change must earn its place.
            best = max(scores, key=lambda n: (mean(scores[n][chosen_on]), n == reference))
            print(
                f"chosen on {chosen_on}: {best} ({mean(scores[best][chosen_on]):.3f});"
                f" held out {held_out}: {mean(scores[best][held_out]):.3f}"
                f" (as is {mean(scores[reference][held_out]):.3f})"
            )


# --- speed, in a process of its own --------------------------------------------------------


def speed_run(corpus: Path) -> None:
    """Child process: raw text to ranked draft for SPEED_TOPIC; prints one JSON line."""
    import resource

    started = time.perf_counter()
    from timeline.reconstruction import Document, extract_all, group, select

    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        topic = next(t for t in json.load(handle) if t["topic"] == SPEED_TOPIC)
    loaded = time.perf_counter()
    documents = [
        Document(id=a["id"], published=date.fromisoformat(a["published"]), text=a["text"])
        for a in topic["articles"]
    ]
    evidence = extract_all(documents)  # what reconstruct() does, timed in two halves
    extracted = time.perf_counter()
    candidates = group(evidence)
    grouped = time.perf_counter()
    entries = select(candidates)
    done = time.perf_counter()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "articles": len(documents),
                "candidates": len(candidates),
                "dates": len(entries),
                "seconds_total": done - started,
                "seconds_without_loading": done - loaded,
                "seconds_extract": extracted - loaded,
                "seconds_group": grouped - extracted,
                "seconds_select": done - grouped,
                "load_average": os.getloadavg()[0],
                "peak_mib": own / 1024,
                "peak_worker_mib": workers / 1024,
            }
        )
    )


def measure_speed(corpus: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "tests.bench.reconstruction", "--corpus", str(corpus), "--speed"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- the run -------------------------------------------------------------------------------


def evaluate(corpus: Path, *, variants: bool = False) -> None:
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        topics = json.load(handle)
    rows, headline_pairs, windows = [], [], []
    for topic in topics:
        started = time.perf_counter()
        extractions = extract_topic(topic["articles"])
        print(
            f"{topic['topic']}: extracted {len(topic['articles'])} articles"
            f" in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        for timeline in topic["timelines"]:
            gold = timeline["dates"]
            start, end = date.fromisoformat(min(gold)), date.fromisoformat(max(gold))
            k = max(1, round(sum(len(s) for s in gold.values()) / len(gold)))
            window = [
                (a, x)
                for a, x in zip(topic["articles"], extractions, strict=True)
                if start <= date.fromisoformat(a["published"]) <= end
            ]
            articles = [a for a, _ in window]
            extracted = [x for _, x in window]
            if variants:
                windows.append((topic["topic"], gold, start, end, articles, extracted))
            gold_words = words(" ".join(s for ss in gold.values() for s in ss))
            row = {
                "name": timeline["name"].split("/")[0],
                "topic": topic["topic"],
                "dates": len(gold),
                "k": k,
            }
            for system, run in (("base", baseline), ("ours", ours)):
                predicted = run(articles, extracted, start, end, len(gold), k)
                row[f"{system}_f1"] = date_f1(set(predicted), set(gold))
                summary_words = words(" ".join(s for p in predicted.values() for s in p["summary"]))
                row[f"{system}_rouge"] = rouge1_f(summary_words, gold_words)
                if system == "ours":
                    for day, p in predicted.items():
                        if day in gold:
                            reference = words(" ".join(gold[day]))
                            first14 = " ".join(p["headline_sentence"].split()[:14])
                            headline_pairs.append(
                                (
                                    rouge1_f(words(p["headline"]), reference),
                                    rouge1_f(words(first14), reference),
                                )
                            )
            rows.append(row)
    print_results(rows, headline_pairs)
    if variants:
        print_variants(variant_scores(windows))


def print_results(rows: list[dict], headline_pairs: list[tuple[float, float]]) -> None:
    print("\nDate selection and summaries, per gold timeline (day precision, field's protocol)\n")
    print(
        f"{'timeline':<24} {'dates':>5} {'K':>2} | {'date F1 base':>12} {'date F1 ours':>12}"
        f" | {'R1 base':>8} {'R1 ours':>8}"
    )
    for r in rows:
        print(
            f"{r['name']:<24} {r['dates']:>5} {r['k']:>2} | {r['base_f1']:>12.3f}"
            f" {r['ours_f1']:>12.3f} | {r['base_rouge']:>8.3f} {r['ours_rouge']:>8.3f}"
        )

    def mean(key: str, of: list[dict]) -> float:
        return sum(r[key] for r in of) / len(of)

    # Per topic as well as over all: what is kept must help on each topic.
    groups = [(f"mean of {t}", [r for r in rows if r["topic"] == t]) for t in dict.fromkeys(
        r["topic"] for r in rows
    )] + [(f"mean of {len(rows)} timelines", rows)]  # fmt: skip
    for label, of in groups:
        print(
            f"{label:<24} {'':>5} {'':>2} | {mean('base_f1', of):>12.3f}"
            f" {mean('ours_f1', of):>12.3f} | {mean('base_rouge', of):>8.3f}"
            f" {mean('ours_rouge', of):>8.3f}"
        )
    if headline_pairs:
        ours_h = sum(p[0] for p in headline_pairs) / len(headline_pairs)
        cut_h = sum(p[1] for p in headline_pairs) / len(headline_pairs)
        better = sum(1 for a, b in headline_pairs if a > b)
        worse = sum(1 for a, b in headline_pairs if a < b)
        print(
            f"\nHeadlines on the {len(headline_pairs)} gold dates hit: ROUGE-1 F vs gold sentences"
            f"\n  our headline (≤14 words, main clause)     {ours_h:.4f}"
            f"\n  the sentence's first 14 words             {cut_h:.4f}"
            f"\n  ours higher on {better}, lower on {worse}, equal on"
            f" {len(headline_pairs) - better - worse}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.reconstruction")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--speed", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-speed", action="store_true", help="skip the speed run")
    parser.add_argument(
        "--variants", action="store_true", help="also rank days by other rules, per topic"
    )
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}: it lives in ../shared/corpora", file=sys.stderr)
        return 1
    if args.speed:
        speed_run(args.corpus)
        return 0
    evaluate(args.corpus, variants=args.variants)
    if not args.no_speed:
        s = measure_speed(args.corpus)
        print(
            f"\nSpeed: {SPEED_TOPIC}, {s['articles']} articles, raw text → ranked draft"
            f" ({s['candidates']} candidates, {s['dates']} dates) in a fresh process:"
            f" {s['seconds_total']:.1f} s: imports and loading the corpus"
            f" {s['seconds_total'] - s['seconds_without_loading']:.1f} s, extraction on every core"
            f" {s['seconds_extract']:.1f} s, grouping and ranking {s['seconds_group']:.1f} s,"
            f" selecting {s['seconds_select']:.2f} s (1-minute load average"
            f" {s['load_average']:.1f} on {os.cpu_count()} cores)"
            f"\nPeak memory: {s['peak_mib']:.0f} MiB main process,"
            f" {s['peak_worker_mib']:.0f} MiB largest extraction worker"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
