from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tests.factories import TimelineFactory
from timeline.editors import is_editor
from timeline.models import Citation, Event, Proposal, Source, Timeline

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Timeline, Source, Event, Citation, Proposal))


def test_demo_loads_the_turkey_timeline_with_precise_dates_and_an_editor():
    out = run("demo", "--no-serve", "--editor-password", "pw-demo-123")
    timeline = Timeline.objects.get(slug="turkey-air-defense")
    shown = [e.date_display for e in timeline.events.in_date_order()]
    assert shown[:3] == ["2013", "2013 – 2015", "September 2013"]
    assert "August 2015" in shown and "18 November 2016" in shown and "14 December 2020" in shown
    assert all(e.citations.exists() for e in timeline.events.all())
    assert Proposal.objects.pending().exists()
    editor = get_user_model().objects.get(username="editor")
    assert editor.check_password("pw-demo-123") and is_editor(editor) and not editor.is_superuser
    assert "http://127.0.0.1:8000/admin/" in out and "'editor'" in out and "pw-demo-123" in out


def test_demo_uses_eras_key_events_and_an_image_of_its_own():
    run("demo", "--no-serve")
    timeline = Timeline.objects.get(slug="turkey-air-defense")
    assert [era.title for era in timeline.eras.all()] == [
        "The FD-2000 tender",
        "Buying the S-400",
        "Sanctions",
    ]
    assert timeline.events.filter(is_key=True).count() == 5
    pictured = timeline.events.exclude(image="").get()
    assert pictured.headline.startswith("Four systems compete")
    assert pictured.image_alt.startswith("Diagram of the four bids")
    assert pictured.image_widths == [480, 960, 1600]
    run("demo", "--no-serve")
    assert timeline.events.exclude(image="").count() == 1


def test_demo_twice_changes_nothing_and_keeps_review_work():
    run("demo", "--no-serve")
    before = counts()
    Proposal.objects.pending().first().delete()  # an editor's work, or loss, to keep
    after_edit = counts()
    out = run("demo", "--no-serve")
    assert counts() == after_edit == (before[0], before[1], before[2], before[3], before[4] - 1)
    assert "password unchanged" in out


def test_demo_prints_a_random_password_when_none_is_given():
    out = run("demo", "--no-serve")
    password = out.split("password '")[1].split("'")[0]
    assert get_user_model().objects.get(username="editor").check_password(password)


@pytest.fixture
def timeline():
    return TimelineFactory(slug="turkey-air-defense")


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_ingest_stores_a_text_file_and_proposes_events(tmp_path, timeline):
    path = write(tmp_path, "a.txt", b"Talks\n\nThe minister said on Friday that talks went well.")
    out = run("ingest", path, "--timeline", timeline.slug, "--published", "2016-11-19")
    source = Source.objects.get()
    assert source.title == "Talks" and source.published.isoformat() == "2016-11-19"
    assert source.proposals.get().value == "2016-11-18"
    assert "1 proposed events" in out


def test_ingest_the_seed_article(seed_text, timeline):
    from tests.conftest import SEED

    run("ingest", str(SEED), "--timeline", timeline.slug, "--published", "2016-11-19")
    values = list(Source.objects.get().proposals.values_list("value", flat=True))
    assert values == ["2016-11-18", "2016-11-18", "2013", "2015", "2015-08", "2013"]


def test_ingest_reduces_html_to_its_article_text(tmp_path, timeline):
    html = (
        "<html><head><title>Turkey cancels tender</title>"
        '<meta property="og:site_name" content="Example Wire">'
        '<meta property="article:published_time" content="2015-11-18">'
        "</head><body><nav>Home | World | Sport</nav><article><h1>Turkey cancels tender</h1>"
        "<p>Turkey cancelled the long-range missile tender it had awarded to China in 2013. "
        "Officials gave no reason for the decision, which follows months of talks.</p>"
        "<p>The government said it would develop its own system instead of buying one.</p>"
        "</article><footer>Copyright notice</footer></body></html>"
    )
    path = write(tmp_path, "page.html", html.encode())
    run("ingest", path, "--timeline", timeline.slug)
    source = Source.objects.get()
    assert source.title == "Turkey cancels tender"
    assert "Home | World" not in source.text and "awarded to China in 2013" in source.text
    assert source.published.isoformat() == "2015-11-18"
    assert source.proposals.get().value == "2013"


def test_ingest_from_stdin(monkeypatch, timeline):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"It began in 2013.")))
    run("ingest", "-", "--timeline", timeline.slug, "--title", "Piped")
    assert Source.objects.get().title == "Piped"


def test_ingest_twice_reports_the_existing_source_and_adds_nothing(tmp_path, timeline):
    path = write(tmp_path, "a.txt", b"It began in 2013.")
    run("ingest", path, "--timeline", timeline.slug)
    out = run("ingest", path, "--timeline", timeline.slug, "--title", "Other title")
    assert "Already present" in out
    assert Source.objects.count() == 1 and Proposal.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "data", "args", "message"),
    [
        ("empty.txt", b"  \n", [], "is empty"),
        ("blob.txt", b"\x89PNG\x00\x00", [], "binary file, not text"),
        ("latin.txt", "Cancelled in 2015, été".encode("latin-1"), [], "is not UTF-8 text"),
        ("a.txt", b"In 2013.", ["--published", "2016-02-30"], "is not a real date"),
        ("a.txt", b"In 2013.", ["--timeline", "nope"], "no timeline with the slug 'nope'"),
        ("a.pdf", b"%PDF-1.4", [], "only .txt, .md and .html"),
        ("a.txt", b"In 2013.", ["--url", "javascript:alert(1)"], r"is not an http\(s\) URL"),
    ],
)
def test_ingest_bad_input_gives_one_clear_error_and_writes_nothing(
    tmp_path, timeline, name, data, args, message
):
    path = write(tmp_path, name, data)
    if "--timeline" not in args:
        args = [*args, "--timeline", timeline.slug]
    with pytest.raises(CommandError, match=message):
        run("ingest", path, *args)
    assert Source.objects.count() == 0


def test_ingest_refuses_a_file_over_the_size_limit(tmp_path, timeline, settings):
    settings.TIMELINE_MAX_SOURCE_BYTES = 100
    path = write(tmp_path, "big.txt", b"In 2013. " * 20)
    with pytest.raises(CommandError, match="the limit is 100 bytes"):
        run("ingest", path, "--timeline", timeline.slug)


def test_ingest_a_missing_file_says_so(timeline):
    with pytest.raises(CommandError, match=r"cannot read /no/such/file\.txt"):
        run("ingest", "/no/such/file.txt", "--timeline", timeline.slug)


def test_ingest_a_folder_adds_each_article_once_and_reports_failures(tmp_path, timeline, capsys):
    (tmp_path / "a.txt").write_text("It began in 2013.")
    (tmp_path / "b.md").write_text("# B\n\nIt ended in 2015.")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # not an article: not even tried
    with pytest.raises(CommandError, match="1 of 3 articles failed"):
        run("ingest", str(tmp_path), "--timeline", timeline.slug, "--published", "2016-11-19")
    assert sorted(Source.objects.values_list("title", flat=True)) == ["B", "It began in 2013."]
    assert Source.objects.get(title="B").published.isoformat() == "2016-11-19"
    assert "3/3" in capsys.readouterr().err
    with pytest.raises(CommandError):
        run("ingest", str(tmp_path), "--timeline", timeline.slug)
    assert Source.objects.count() == 2 and Proposal.objects.count() == 2


def test_ingest_jsonl_summarises_added_present_and_failed(tmp_path, timeline):
    path = tmp_path / "articles.jsonl"
    path.write_text(
        "\n".join(
            [
                '{"text": "A deal in 2017.", "title": "Deal", "published": "2017-05-01",'
                ' "url": "https://news.example/deal", "publisher": "Wire"}',
                "not json",
                '{"text": "A deal in 2017."}',
                '{"text": "x", "published": "2017-02-30"}',
                '{"title": "no text"}',
            ]
        )
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="3 of 5 articles failed"):
        call_command(
            "ingest", str(path), "--timeline", timeline.slug, stdout=out, stderr=io.StringIO()
        )
    report = out.getvalue()
    assert "Added 1, already present 1, failed 3." in report
    assert "line 2: not JSON" in report and "line 4: published '2017-02-30'" in report
    assert "line 5: no text" in report
    source = Source.objects.get()
    assert (source.title, source.publisher, source.url) == (
        "Deal",
        "Wire",
        "https://news.example/deal",
    )


def test_ingest_jsonl_that_all_succeeds_exits_cleanly(tmp_path, timeline):
    path = tmp_path / "ok.jsonl"
    path.write_text('{"text": "In 2013."}\n{"text": "In 2014."}\n')
    out = io.StringIO()
    call_command("ingest", str(path), "--timeline", timeline.slug, stdout=out, stderr=io.StringIO())
    assert "Added 2, already present 0, failed 0." in out.getvalue()


def test_benchpublic_touches_no_cache_or_database_it_did_not_create(tmp_path):
    import sqlite3

    import redis

    from tests import servers

    cache_url = servers.redis_url()
    shared = redis.Redis.from_url(cache_url)
    shared.set("the-web-servers-cache", "kept")
    database = tmp_path / "db.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE kept (n)")
    before = database.read_bytes()
    env = servers.environment(DJANGO_CACHE_URL=cache_url, DATABASE_URL=f"sqlite:///{database}")
    out = servers.manage("benchpublic", "--events", "20", "--runs", "1", env=env)
    assert "TimelineJS" in out
    assert shared.get("the-web-servers-cache") == b"kept" and shared.dbsize() == 1
    assert database.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite3"]


@pytest.mark.django_db(transaction=True)
def test_ingest_adds_a_big_batch_in_few_queries_and_keeps_every_invariant(
    tmp_path, settings, django_assert_max_num_queries
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    timeline = TimelineFactory(slug="big")
    lines = [f'{{"text": "Article {n}. Talks in 2017.", "title": "A{n}"}}' for n in range(450)]
    lines[100] = "not json"
    lines[300] = lines[299]  # the same text twice in one file
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines))
    with django_assert_max_num_queries(30), pytest.raises(CommandError, match="1 of 450"):
        call_command(
            "ingest", str(path), "--timeline", "big", stdout=io.StringIO(), stderr=io.StringIO()
        )
    assert Source.objects.filter(timeline=timeline).count() == 448
    assert Source.history.filter(history_type="+").count() == 448
    assert DBTaskResult.objects.count() == 448
    assert set(Source.objects.values_list("extraction_state", flat=True)) == {"queued"}
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(path), "--timeline", "big", stdout=out, stderr=io.StringIO())
    assert "Added 0, already present 449, failed 1." in out.getvalue()
    assert Source.objects.count() == 448 and DBTaskResult.objects.count() == 448
    call_command("worker", batch=True, startup_delay=False, max_tasks=3, verbosity=0)
    assert Source.objects.filter(extraction_state="done").count() == 3


def test_ingest_jsonl_takes_an_optional_kind_and_language(tmp_path, timeline):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                '{"text": "The war began in 1940. In July the city fell.", "title": "History",'
                ' "published": "2009-12-19", "kind": "narrative"}',
                '{"text": "Anlaşma 12 Eylül 2017\'de imzalandı.", "title": "Haber",'
                ' "language": "tr"}',
                '{"text": "In 2013.", "kind": "essay"}',
                '{"text": "In 2014.", "language": "German"}',
            ]
        ),
        encoding="utf-8",
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 of 4 articles failed"):
        call_command(
            "ingest", str(path), "--timeline", timeline.slug, stdout=out, stderr=io.StringIO()
        )
    report = out.getvalue()
    assert "line 3: kind 'essay' is not one of news, narrative" in report
    assert "line 4: language 'German' is not an ISO 639-1 code" in report
    history = Source.objects.get(title="History")
    assert history.kind == "narrative"
    assert history.proposals.get(mention_text="July").value == "1940-07"
    turkish = Source.objects.get(title="Haber")
    assert (turkish.language, turkish.read_as_language) == ("tr", "tr")
    assert [p.value for p in turkish.proposals.all()] == ["2017-09-12"]


def test_the_demo_spells_defense_one_way():
    from timeline import demo
    from timeline.models import Event

    timeline = demo.load()
    words = [timeline.title, timeline.description]
    words += list(Event.objects.filter(timeline=timeline).values_list("headline", flat=True))
    words += list(timeline.sources.values_list("title", flat=True))
    assert timeline.slug == "turkey-air-defense"
    assert not [w for w in words if "defence" in w.lower()]
