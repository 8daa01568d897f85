"""python -m timeline.reconstruction, run as a user would: a separate process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = [
    {
        "id": "a",
        "published": "2010-04-22",
        "text": "An explosion on the Deepwater Horizon rig killed eleven workers on April 20. "
        "Senators will question Halliburton executives on May 12.",
    },
    {
        "id": "b",
        "published": "2010-04-21",
        "text": "Eleven workers were killed on Tuesday when the Deepwater Horizon rig exploded.",
    },
    {"id": "c", "published": None, "text": "The rig sank on Thursday, officials said."},
]


def run(tmp_path, *args, lines=None):
    path = tmp_path / "in.jsonl"
    rows = lines if lines is not None else [json.dumps(a) for a in ARTICLES]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "timeline.reconstruction", "--jsonl", str(path), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_json_has_the_documented_shape_in_date_order(tmp_path):
    result = run(tmp_path, "--json")
    assert result.returncode == 0, result.stderr
    timeline = json.loads(result.stdout)["timeline"]
    assert [e["date"] for e in timeline] == ["2010-04-20", "2010-05-12"]
    first = timeline[0]
    assert set(first) == {"date", "precision", "headline", "summary", "sources", "score"}
    assert first["precision"] == "day"
    assert sorted(first["sources"]) == ["a", "b"]
    assert "…" not in first["headline"] and len(first["headline"].split()) <= 14
    assert "candidates" in result.stderr and "cannot be placed" in result.stderr


def test_dates_start_end_sentences_and_precision_narrow_the_timeline(tmp_path):
    result = run(tmp_path, "--json", "--dates", "1", "--sentences", "1", "--precision", "day")
    timeline = json.loads(result.stdout)["timeline"]
    assert [e["date"] for e in timeline] == ["2010-04-20"]
    assert len(timeline[0]["summary"]) == 1
    result = run(tmp_path, "--json", "--start", "2010-05-01", "--end", "2010-05-31")
    assert [e["date"] for e in json.loads(result.stdout)["timeline"]] == ["2010-05-12"]


def test_text_output_for_people(tmp_path):
    result = run(tmp_path)
    assert result.returncode == 0
    assert "20 April 2010" in result.stdout and "2 sources" in result.stdout


def test_bad_lines_are_skipped_with_their_number_and_bad_options_refused(tmp_path):
    lines = [
        json.dumps(ARTICLES[0]),
        "{not json",
        json.dumps({"id": "x", "published": "2010-02-30"}),
    ]
    result = run(tmp_path, "--json", lines=lines)
    assert result.returncode == 0
    assert "line 2: skipped" in result.stderr and "line 3: skipped" in result.stderr
    assert run(tmp_path, "--start", "2010-13-01").returncode == 2
    assert run(tmp_path, "--dates", "0").returncode == 2


def test_an_empty_file_gives_an_empty_timeline(tmp_path):
    result = run(tmp_path, "--json", lines=[""])
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"timeline": []}
