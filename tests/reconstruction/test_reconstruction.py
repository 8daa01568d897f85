"""Reconstruction: grouping across sources and days, salience, selection. No database."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from timeline.periods import Period, Precision
from timeline.reconstruction import Document, Evidence, group, reconstruct, select

ROOT = Path(__file__).resolve().parents[2]
D = date.fromisoformat


def evidence(key, source, published, value, sentence, headline=None, position=0.1):
    return Evidence(
        key=key,
        source=source,
        published=D(published) if published else None,
        period=Period.parse(value) if value else None,
        sentence=sentence,
        headline=headline or sentence.rstrip("."),
        position=position,
    )


BLAST = "An explosion on the Deepwater Horizon rig killed eleven workers off Louisiana."
BLAST_2 = "Eleven workers were killed when the Deepwater Horizon rig exploded off Louisiana."
HEARING = "Senators questioned Halliburton executives about cementing failures at a hearing."


def test_reconstruction_package_imports_no_django():
    code = (
        "import sys, timeline.reconstruction, timeline.reconstruction.cli;"
        "from datetime import date;"
        "from timeline.reconstruction import Document, reconstruct;"
        "reconstruct([Document('a', date(2016, 11, 19), 'The tender was held in 2013.')]);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "[]"


def test_sources_reporting_one_happening_in_different_words_make_one_candidate():
    candidates = group(
        [
            evidence(1, "a", "2010-04-21", "2010-04-20", BLAST),
            evidence(2, "b", "2010-04-22", "2010-04-20", BLAST_2),
        ]
    )
    assert len(candidates) == 1
    assert set(candidates[0].sources) == {"a", "b"}
    assert candidates[0].value == "2010-04-20"


def test_two_happenings_on_one_date_stay_apart():
    candidates = group(
        [
            evidence(1, "a", "2010-04-21", "2010-04-20", BLAST),
            evidence(2, "b", "2010-04-22", "2010-04-20", BLAST_2),
            evidence(3, "c", "2010-04-21", "2010-04-20", HEARING),
        ]
    )
    assert sorted(len(c.sources) for c in candidates) == [1, 2]


def test_neighbouring_days_of_one_happening_merge_on_the_day_most_sources_give():
    candidates = group(
        [
            evidence(1, "a", "2010-04-21", "2010-04-20", BLAST),
            evidence(2, "b", "2010-04-22", "2010-04-20", BLAST_2),
            # another outlet, another time zone: "Wednesday" resolved a day later
            evidence(3, "c", "2010-04-22", "2010-04-21", BLAST),
        ]
    )
    assert len(candidates) == 1
    assert candidates[0].value == "2010-04-20"
    assert candidates[0].days == ("2010-04-20", "2010-04-21")
    assert 0 < candidates[0].agreement < 1


def test_neighbouring_days_of_different_happenings_stay_apart():
    candidates = group(
        [
            evidence(1, "a", "2010-04-21", "2010-04-20", BLAST),
            evidence(2, "b", "2010-04-22", "2010-04-21", HEARING),
        ]
    )
    assert len(candidates) == 2


def test_more_sources_rank_higher_and_one_source_counts_once():
    many = [evidence(i, f"s{i}", "2010-04-21", "2010-04-20", BLAST) for i in range(3)]
    repeated = [evidence(10 + i, "x", "2010-05-03", "2010-05-02", HEARING) for i in range(5)]
    candidates = group(many + repeated)
    assert [c.value for c in candidates] == ["2010-04-20", "2010-05-02"]
    assert len(candidates[1].sources) == 1


def test_a_source_written_long_after_the_date_weighs_more_than_same_day_chatter():
    candidates = group(
        [
            evidence(1, "a", "2010-09-20", "2010-04-20", BLAST),
            evidence(2, "b", "2010-05-02", "2010-05-02", HEARING),
        ]
    )
    assert candidates[0].value == "2010-04-20"
    assert candidates[0].score > candidates[1].score


def test_a_day_that_fills_a_quiet_week_outranks_more_sources_lost_in_a_busy_one():
    # May: sixty articles a week, six of them on the hearing; September: three, all on
    # the well's end. Counted alone, the hearing would win six to three.
    busy = [evidence(i, f"h{i}", "2010-05-03", "2010-05-02", HEARING) for i in range(6)]
    busy += [
        evidence(100 + i, f"o{i}", "2010-05-04", f"2010-03-{i + 1:02}", f"Tanker {i} docked.")
        for i in range(27)
    ]
    busy += [
        evidence(200 + i, f"p{i}", "2010-05-05", f"2010-02-{i + 1:02}", f"Well {i} closed.")
        for i in range(27)
    ]
    quiet = [evidence(300 + i, f"q{i}", "2010-09-20", "2010-09-19", BLAST) for i in range(3)]
    candidates = group(busy + quiet)
    assert candidates[0].value == "2010-09-19"
    assert [e.period.iso for e in select(candidates, dates=1)] == ["2010-09-19"]


def test_a_lone_source_still_gives_every_date_a_salience():
    candidates = group([evidence(1, "a", "2016-11-19", "2013-09-26", BLAST)])
    assert candidates[0].score > 0
    assert select(candidates)[0].score > 0


def test_the_last_year_of_the_calendar_still_gets_a_salience():
    candidates = group([evidence(1, "a", "2010-06-01", "9999", "A prophecy names 9999 AD.")])
    assert candidates[0].score > 0
    assert select(candidates)[0].score > 0


def test_the_lede_counts_more_than_the_tail():
    candidates = group(
        [
            evidence(1, "a", "2010-05-02", "2010-05-02", BLAST, position=0.9),
            evidence(2, "b", "2010-05-03", "2010-05-03", HEARING, position=0.0),
        ]
    )
    assert candidates[0].value == "2010-05-03"


def test_evidence_without_a_date_is_listed_apart_last():
    candidates = group(
        [
            evidence(1, "a", None, None, "The minister said on Friday that talks went well."),
            evidence(2, "b", "2010-04-21", "2010-04-20", BLAST),
        ]
    )
    assert [c.placed for c in candidates] == [True, False]
    assert candidates[1].sources == ("a",)


def test_fingerprint_changes_when_the_evidence_does():
    one = group([evidence(1, "a", "2010-04-21", "2010-04-20", BLAST)])[0]
    two = group(
        [
            evidence(1, "a", "2010-04-21", "2010-04-20", BLAST),
            evidence(2, "b", "2010-04-22", "2010-04-20", BLAST_2),
        ]
    )[0]
    assert one.fingerprint != two.fingerprint
    assert (
        one.fingerprint
        == group([evidence(1, "a", "2010-04-21", "2010-04-20", BLAST)])[0].fingerprint
    )


def test_select_keeps_the_n_most_salient_dates_in_range_in_date_order_with_k_sentences():
    items = [evidence(i, f"s{i}", "2010-04-21", "2010-04-20", BLAST) for i in range(3)]
    items += [evidence(10 + i, f"t{i}", "2010-05-03", "2010-05-02", HEARING) for i in range(2)]
    items += [evidence(20, "u", "2010-06-02", "2010-06-01", "Obama visited the coast again.")]
    items += [evidence(30, "v", "2010-06-02", "2010", "The year of the spill.")]
    candidates = group(items)
    entries = select(candidates, dates=2, sentences=1, precision=Precision.DAY)
    assert [e.period.iso for e in entries] == ["2010-04-20", "2010-05-02"]
    assert all(len(e.summary) == 1 for e in entries)
    entries = select(candidates, start=D("2010-05-01"), end=D("2010-12-31"))
    assert [e.period.iso for e in entries] == ["2010-05-02", "2010-06-01"]


def test_reconstruct_from_raw_text_and_from_extractions_agree():
    from timeline.extraction import extract

    texts = {
        "a": "An explosion on the Deepwater Horizon rig killed eleven workers on April 20.",
        "b": "Eleven workers were killed on Tuesday when the Deepwater Horizon rig exploded.",
    }
    published = {"a": D("2010-04-22"), "b": D("2010-04-21")}
    raw = reconstruct([Document(k, published[k], t) for k, t in texts.items()], workers=1)
    done = reconstruct(
        [Document(k, published[k], t, extract(t, published[k])) for k, t in texts.items()]
    )
    assert [(c.value, c.sources, c.headline) for c in raw] == [
        (c.value, c.sources, c.headline) for c in done
    ]
    assert raw[0].value == "2010-04-20" and set(raw[0].sources) == {"a", "b"}


def test_empty_and_one_source_inputs_work():
    assert reconstruct([]) == []
    assert select([]) == []
    one = reconstruct([Document("a", D("2016-11-19"), "The tender was held in 2013.")])
    assert [(c.value, c.sources) for c in one] == [("2013", ("a",))]


def test_a_headline_that_points_back_gives_way_to_one_that_names_its_subject():
    # "This" stood for a sentence the draft page does not show
    pointing = "This was completed at 1930 CDT on 1 June after the riser pipe was cut."
    naming = "Engineers completed the cut of the riser pipe on 1 June."
    candidates = group(
        [
            evidence(1, "a", "2010-06-02", "2010-06-01", pointing, position=0.0),
            evidence(2, "b", "2010-06-02", "2010-06-01", pointing, position=0.0),
            evidence(3, "c", "2010-06-02", "2010-06-01", naming, position=0.5),
        ]
    )
    assert len(candidates) == 1
    assert candidates[0].headline == "Engineers completed the cut of the riser pipe on 1 June"
