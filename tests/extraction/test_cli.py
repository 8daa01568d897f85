"""python -m timeline.extraction, run as a user would: a separate process, no Django."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEXT = "The tender was held in 2013. The minister said on Friday that talks went well.\n"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "timeline.extraction", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        check=False,
    )


def test_extraction_package_imports_no_django():
    code = (
        "import sys, timeline.extraction, timeline.extraction.cli;"
        "timeline.extraction.extract('in 2013');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "[]"


def test_cli_prints_mentions_and_proposals_for_people(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = run(str(article), "--published", "2016-11-19")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "Mentions (2)" in out and "Proposed events (2)" in out
    assert "2016-11-18" in out and "'2013'" in out


def test_cli_json_has_the_documented_shape():
    result = run("-", "--published", "2016-11-19", "--json", stdin=TEXT.encode())
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["published"] == "2016-11-19"
    first = data["mentions"][0]
    assert {k: first[k] for k in ("start", "end", "text", "value", "precision", "relative")} == {
        "start": 23,
        "end": 27,
        "text": "2013",
        "value": "2013",
        "precision": "year",
        "relative": False,
    }
    assert 0 < first["confidence"] <= 1
    proposal = data["proposals"][1]
    assert proposal["value"] == "2016-11-18" and proposal["precision"] == "day"
    assert TEXT[proposal["start"] : proposal["end"]] == proposal["sentence"]
    assert {"headline", "confidence", "mentions"} <= proposal.keys()


def test_cli_json_without_publication_date_has_null_value_for_relative_dates():
    data = json.loads(run("-", "--json", stdin=TEXT.encode()).stdout)
    assert data["published"] is None
    assert [m["value"] for m in data["mentions"]] == ["2013", None]
    assert data["mentions"][1]["flags"] == ["relative-without-publication-date"]


def test_cli_batch_reads_and_writes_one_document_a_line(tmp_path):
    batch = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": TEXT, "published": "2016-11-19"},
        {"id": "b", "text": "Nothing dated here.", "published": None},
        {"id": "c", "text": TEXT},
    ]
    batch.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = run("--jsonl", str(batch))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert [m["value"] for m in records[0]["mentions"]] == ["2013", "2016-11-18"]
    assert records[1]["mentions"] == [] and records[1]["proposals"] == []
    assert [m["value"] for m in records[2]["mentions"]] == ["2013", None]


def test_cli_batch_reports_bad_lines_and_goes_on(tmp_path):
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        '{"id": 1, "text": "in 2013", "published": "2016-02-30"}\nnot json\n'
        '{"id": 2, "text": "in 2014"}\n',
        encoding="utf-8",
    )
    result = run("--jsonl", str(batch))
    assert result.returncode == 0
    assert [json.loads(line)["id"] for line in result.stdout.decode().splitlines()] == [2]
    assert b"line 1" in result.stderr and b"line 2" in result.stderr


def test_cli_empty_text_gives_an_empty_result():
    result = run("-", "--json", stdin=b"")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {
        "published": None,
        "kind": "news",
        "language": "en",
        "flags": [],
        "mentions": [],
        "proposals": [],
    }


def test_cli_refuses_binary_input_with_one_clear_line(tmp_path):
    blob = tmp_path / "image.png"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = run(str(blob))
    assert result.returncode == 2
    assert result.stderr.decode().strip() == f"error: {blob} is binary, not text"


def test_cli_refuses_text_that_is_not_utf8():
    result = run("-", stdin="Il était une fois en 2013".encode("latin-1"))
    assert result.returncode == 2
    assert "not UTF-8" in result.stderr.decode()
    assert result.stdout == b""


def test_cli_refuses_an_impossible_publication_date():
    result = run("-", "--published", "2016-02-30", stdin=TEXT.encode())
    assert result.returncode == 2
    assert result.stderr.decode().strip() == (
        "error: publication date '2016-02-30' is not a real date of the form YYYY-MM-DD"
    )


def test_cli_batch_takes_an_optional_kind_and_language_a_line(tmp_path):
    batch = tmp_path / "in.jsonl"
    lines = [
        {
            "id": "story",
            "text": "The war began in 1940. In July the city fell.",
            "kind": "narrative",
        },
        {
            "id": "report",
            "text": "The war began in 1940. In July the city fell.",
            "kind": "news",
            "published": "2016-11-19",
        },
        {"id": "turkish", "text": "Anlaşma 12 Eylül 2017'de imzalandı.", "language": "tr"},
        {"id": "bad", "text": "In 2013.", "kind": "essay"},
    ]
    batch.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = run("--jsonl", str(batch))
    records = {r["id"]: r for r in map(json.loads, result.stdout.decode().splitlines())}
    assert [m["value"] for m in records["story"]["mentions"]] == ["1940", "1940-07"]
    assert records["story"]["kind"] == "narrative"
    assert [m["value"] for m in records["report"]["mentions"]] == ["1940", "2016-07"]
    assert records["turkish"]["language"] == "tr"
    assert [m["value"] for m in records["turkish"]["mentions"]] == ["2017-09-12"]
    assert "line 4: skipped: kind 'essay' is not one of news, narrative" in result.stderr.decode()


def test_cli_kind_and_language_options_override_detection(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The war began in 1940. In July the city fell.\n", encoding="utf-8")
    result = run(str(article), "--json", "--kind", "narrative", "--language", "en")
    data = json.loads(result.stdout)
    assert data["kind"] == "narrative" and data["language"] == "en"
    assert [m["value"] for m in data["mentions"]] == ["1940", "1940-07"]
