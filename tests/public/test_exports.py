"""The exports, built a column at a time, print what one event at a time would print.

The reference below is the plain way to write each format (model instances,
html.escape, json.dumps of the slide dicts, csv.writer): the exports must match it
byte for byte, on hostile text, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date
from html import escape

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, EventFactory, SourceFactory, TimelineFactory
from timeline.models import RenderingBlock
from timeline.periods import Precision, display, iso, truncate
from timeline.public import exports

pytestmark = pytest.mark.django_db

PERMALINKS = exports.Permalinks("https://timeline.example/timelines/t/events/", "/?a=1&b=\"'")
# Everything the escapes, the CSV quoting, the formula guard and the separators the
# exports join columns with could trip on.
HOSTILE = [
    *"&<>\"'\\,;|\n\r\t\x01\x1d\x1e\x1f\x7f\u2028=+-@ “”—–😀é",
    "&amp;",
    "\\u001e",
    "</li>",
    '\\"',
]


def hostile(rng: random.Random, length: int, alphabet: list[str]) -> str:
    return "".join(
        rng.choice(alphabet) if rng.random() < 0.4 else rng.choice("ab Z9") for _ in range(length)
    )


def source_line(source) -> str:
    published = source.published.isoformat() if source.published else ""
    parts = (source.publisher, source.title, published, source.url)
    return " — ".join(part for part in parts if part)


def cited_in_order(event) -> list:
    """By the source's publication date (none last), its title, then the offset and id."""
    return sorted(
        event.citations.select_related("source"),
        key=lambda c: (
            c.source.published is None,
            c.source.published or date.min,
            c.source.title,
            c.start,
            c.pk,
        ),
    )


def timelinejs_date(day: date, precision: Precision) -> dict:
    parts = {"year": day.year}
    if precision >= Precision.MONTH:
        parts["month"] = day.month
    if precision >= Precision.DAY:
        parts["day"] = day.day
    return parts


def timelinejs(timeline, permalinks=PERMALINKS) -> str:
    return exports.timelinejs(timeline, permalinks).decode()


def csv_text(timeline, permalinks=PERMALINKS) -> str:
    return exports.csv_rows(timeline, permalinks).decode()


def reference_timelinejs(timeline, permalinks=PERMALINKS) -> str:
    slides = []
    for event in timeline.events.in_date_order():
        period = event.period
        citations = cited_in_order(event)
        items = "".join(
            f"<li>{escape(source_line(c.source))}: “{escape(c.quote)}”</li>" for c in citations
        )
        text = f"<p>{escape(event.description)}</p>" if event.description else ""
        text += f"<p>Sources ({len(citations)}):</p><ul>{items}</ul>"
        text += f'<p><a href="{escape(permalinks(event.pk))}">Permalink</a></p>'
        slide = {
            "unique_id": f"event-{event.pk}",
            "start_date": timelinejs_date(period.start, period.precision),
        }
        if period.end:
            slide["end_date"] = timelinejs_date(period.end, period.end_precision)
        slide["display_date"] = period.display(circa=event.circa)
        slide["text"] = {"headline": escape(event.headline), "text": text}
        slides.append(slide)
    title = {
        "text": {
            "headline": escape(timeline.title),
            "text": f"<p>{escape(timeline.description)}</p>",
        }
    }
    return json.dumps({"title": title, "events": slides}, ensure_ascii=False)


def formula_safe(value: str) -> str:
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def reference_csv(timeline, permalinks=PERMALINKS) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(exports.CSV_COLUMNS)
    for event in timeline.events.in_date_order():
        period = event.period
        citations = cited_in_order(event)
        row = [
            iso(period.start, period.precision),
            period.precision.label,
            iso(period.end, period.end_precision) if period.end else "",
            period.end_precision.label if period.end else "",
            "yes" if event.circa else "no",
            period.display(circa=event.circa),
            event.headline,
            event.description,
            "; ".join(source_line(c.source) for c in citations),
            " | ".join(c.quote for c in citations),
            permalinks(event.pk),
        ]
        writer.writerow([formula_safe(value) for value in row])
    return out.getvalue()


def random_day(rng: random.Random, precision: Precision) -> date:
    day = date(rng.choice([50, 999, 2015, 2016]), rng.randint(1, 12), rng.randint(1, 28))
    return truncate(day, precision)


def hostile_timeline(seed: int, alphabet: list[str]):
    """Events of every precision, ranges, circa, no description, 0–4 citations of
    sources with and without date, publisher or URL, alike in date and title."""
    rng = random.Random(seed)

    def text(length: int) -> str:
        return hostile(rng, length, alphabet)

    timeline = TimelineFactory(title=text(12), description=text(20))
    sources = [
        SourceFactory(
            timeline=timeline,
            title="Alike" if n % 3 == 0 else text(8),
            publisher="" if n % 4 == 0 else text(5),
            url="" if n % 5 == 0 else f"https://news.example/{n}?a=1&b=\"'",
            published=None if n % 6 == 0 else date(rng.choice([999, 2016]), 1, 1 + n % 2),
        )
        for n in range(12)
    ]
    for n in range(60):
        precision = Precision(rng.randint(1, 3))
        start = random_day(rng, precision)
        ends = {}
        if n % 5 == 0:
            end_precision = Precision(rng.randint(1, 3))
            ends = {
                "end_date": truncate(date(start.year + 1, 6, 15), end_precision),
                "end_precision": end_precision,
            }
        event = EventFactory(
            timeline=timeline,
            headline=text(10) if n % 7 else "=SUM(A1)",
            description="" if n % 4 == 0 else text(30),
            date=start,
            precision=precision,
            circa=n % 6 == 0,
            **ends,
        )
        for k in range(n % 5):
            offset = rng.choice([0, 4, 4, 9])
            CitationFactory(
                event=event,
                source=rng.choice(sources),
                quote=text(12),
                start=offset,
                end=offset + 1 + k,
            )
    return timeline


@pytest.mark.parametrize(
    "alphabet",
    [
        HOSTILE,
        # Without the characters the exports join columns with: their one-pass path.
        [c for c in HOSTILE if c not in {"\x1d", "\x1e"}],
    ],
    ids=["with-separators", "without-separators"],
)
def test_exports_write_what_one_event_at_a_time_would(alphabet):
    timeline = hostile_timeline(2016, alphabet)
    assert not RenderingBlock.objects.exists()  # each row made for this request
    assert timelinejs(timeline) == reference_timelinejs(timeline)
    assert csv_text(timeline) == reference_csv(timeline)
    # Now each row read from its stored rendering, with other permalinks glued in.
    assert RenderingBlock.objects.exists()
    others = exports.Permalinks('https://other.example/t/"=,\n', "")
    assert timelinejs(timeline) == reference_timelinejs(timeline)
    assert csv_text(timeline) == reference_csv(timeline)
    assert timelinejs(timeline, others) == reference_timelinejs(timeline, others)
    assert csv_text(timeline, others) == reference_csv(timeline, others)
    formula = exports.Permalinks("=HYPERLINK(", ")")  # a cell kept from running
    assert csv_text(timeline, formula) == reference_csv(timeline, formula)


def test_exports_of_a_timeline_without_events_hold_only_the_frame():
    timeline = TimelineFactory(title="Empty", description="")
    document = json.loads(timelinejs(timeline))
    assert document["events"] == []
    assert csv_text(timeline) == ",".join(exports.CSV_COLUMNS) + "\r\n"


def first_row(timeline) -> dict:
    return next(csv.DictReader(io.StringIO(csv_text(timeline))))


def test_citations_go_by_source_date_then_title_then_offset():
    timeline = TimelineFactory()
    event = EventFactory(timeline=timeline)
    undated = SourceFactory(timeline=timeline, title="A undated", published=None)
    later = SourceFactory(timeline=timeline, title="A later", published=date(2017, 1, 1))
    # Same date and title: two sources whose citations interleave by offset.
    alike = [
        SourceFactory(timeline=timeline, title="Zed", published=date(2016, 1, 1)) for _ in range(2)
    ]
    upper = SourceFactory(timeline=timeline, title="Zebra", published=date(2016, 1, 1))
    for source, start, quote in [
        (undated, 0, "q-undated"),
        (later, 0, "q-later"),
        (alike[0], 9, "q-alike-9"),
        (alike[1], 3, "q-alike-3"),
        (alike[0], 1, "q-alike-1"),
        (upper, 0, "q-zebra"),
    ]:
        CitationFactory(event=event, source=source, quote=quote, start=start, end=start + 1)
    row = first_row(timeline)
    # Titles compare by code point: "Zebra" before "Zed".
    assert row["quotes"].split(" | ") == [
        "q-zebra",
        "q-alike-1",
        "q-alike-3",
        "q-alike-9",
        "q-later",
        "q-undated",
    ]


def test_a_source_of_another_timeline_is_still_printed():
    # Citation.clean() forbids it, but a write that skips it must not break the export.
    timeline = TimelineFactory()
    event = EventFactory(timeline=timeline)
    elsewhere = SourceFactory(title="Elsewhere", publisher="Other Wire")
    CitationFactory(event=event, source=elsewhere, quote="q", start=0, end=1)
    row = first_row(timeline)
    assert row["sources"].startswith("Other Wire — Elsewhere — 2016-11-19")


@pytest.mark.parametrize("precision", list(Precision))
def test_date_forms_are_those_of_periods(precision):
    for year in (1, 50, 999, 1000, 2016):
        for month in range(1, 13):
            for day in (1, 9, 10, 28):
                stored = truncate(date(year, month, day), precision)
                parts = timelinejs_date(stored, precision)
                expected = exports.DateForms(
                    iso(stored, precision),
                    precision.label,
                    display(stored, precision),
                    " – " + display(stored, precision),
                    json.dumps(parts),
                    ', "end_date": ' + json.dumps(parts),
                )
                # SQLite gives the stored text, PostgreSQL a date.
                assert exports._date_forms(stored.isoformat(), precision) == expected
                assert exports._date_forms(stored, precision) == expected


def export_queries(client, django_assert_max_num_queries, name, timeline) -> int:
    with django_assert_max_num_queries(20) as queries:
        response = client.get(reverse(name, args=[timeline.slug]))
    assert response.status_code == 200
    return len(queries)


def timeline_of(count: int):
    timeline = TimelineFactory()
    source = SourceFactory(timeline=timeline)
    for n in range(count):
        event = EventFactory(timeline=timeline, date=date(2000 + n % 20, 1, 1))
        CitationFactory(event=event, source=source, start=n % 3, end=n % 3 + 1)
    return timeline


@pytest.mark.parametrize("name", ["public:timelinejs_export", "public:csv_export"])
def test_exports_take_as_many_queries_for_100_events_as_for_1(
    client, django_assert_max_num_queries, name, settings
):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    counts = {}
    for size in (1, 100):
        timeline = timeline_of(size)
        # Every row made and stored, then every row read from store.
        made = export_queries(client, django_assert_max_num_queries, name, timeline)
        stored = export_queries(client, django_assert_max_num_queries, name, timeline)
        counts[size] = (made, stored)
    assert counts[1] == counts[100]
    made, stored = counts[1]
    # The timeline, its stored blocks, the checksums of their spans' events; then, to
    # make rows, the events' versions, their citations, sources and data, and one
    # upsert (in a savepoint here, as the test runs in a transaction).
    assert stored == 3
    assert made == stored + 7
