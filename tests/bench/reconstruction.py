"""Reconstruction benchmark: our ranked draft beside the mention-count baseline on Timeline17.

    python -m tests.bench.reconstruction [--corpus ../shared/corpora/t17-dev.json.gz]

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

Speed: the bpoil topic (all its articles) from raw text to a ranked draft, in a
fresh process (imports, extraction on every core, grouping, selection), with
peak memory of that process and its extraction workers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date
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


def ours(articles, extractions, start, end, n, k):
    from timeline.periods import Precision
    from timeline.reconstruction import Document, evidence_of, group, select

    evidence = []
    for article, extraction in zip(articles, extractions, strict=True):
        document = Document(
            id=article["id"],
            published=date.fromisoformat(article["published"]),
            text=article["text"],
            extraction=extraction,
        )
        evidence.extend(evidence_of(document, extraction))
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


def evaluate(corpus: Path) -> None:
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        topics = json.load(handle)
    rows, headline_pairs = [], []
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
            gold_words = words(" ".join(s for ss in gold.values() for s in ss))
            row = {"name": timeline["name"].split("/")[0], "dates": len(gold), "k": k}
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
    n = len(rows)

    def mean(key: str) -> float:
        return sum(r[key] for r in rows) / n

    print(
        f"{'mean of ' + str(n) + ' timelines':<24} {'':>5} {'':>2} | {mean('base_f1'):>12.3f}"
        f" {mean('ours_f1'):>12.3f} | {mean('base_rouge'):>8.3f} {mean('ours_rouge'):>8.3f}"
    )
    if headline_pairs:
        ours_h = sum(p[0] for p in headline_pairs) / len(headline_pairs)
        cut_h = sum(p[1] for p in headline_pairs) / len(headline_pairs)
        better = sum(1 for a, b in headline_pairs if a > b)
        worse = sum(1 for a, b in headline_pairs if a < b)
        print(
            f"\nHeadlines on the {len(headline_pairs)} gold dates hit: ROUGE-1 F vs gold sentences"
            f"\n  our headline (≤14 words, main clause)     {ours_h:.3f}"
            f"\n  the sentence's first 14 words             {cut_h:.3f}"
            f"\n  ours higher on {better}, lower on {worse}, equal on"
            f" {len(headline_pairs) - better - worse}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.reconstruction")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--speed", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-speed", action="store_true", help="skip the speed run")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}: it lives in ../shared/corpora", file=sys.stderr)
        return 1
    if args.speed:
        speed_run(args.corpus)
        return 0
    evaluate(args.corpus)
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
