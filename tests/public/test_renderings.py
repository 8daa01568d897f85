"""Stored rendering blocks: every change to what an event's export rows print shows in the
next export, whatever was stored before it, and a change racing an export is never kept
stale.

Each test compares the exports with the one-event-at-a-time reference of test_exports,
called straight (no readers' cache), after renderings were stored.
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from datetime import date
from types import SimpleNamespace

import pytest
from django.db import OperationalError
from django.urls import reverse

from tests.factories import CitationFactory, EventFactory, SourceFactory, TimelineFactory
from tests.public.test_exports import (
    csv_text,
    reference_csv,
    reference_timelinejs,
    timelinejs,
)
from timeline.models import Event, RenderingBlock
from timeline.periods import Precision
from timeline.public import exports, overview, renderings
from timeline.services import set_key_events

pytestmark = pytest.mark.django_db


def assert_exports_current(timeline) -> None:
    assert timelinejs(timeline) == reference_timelinejs(timeline)
    assert csv_text(timeline) == reference_csv(timeline)


@pytest.fixture
def timeline():
    """Three events citing two sources, every rendering stored."""
    timeline = TimelineFactory(title="Air defense")
    wire = SourceFactory(timeline=timeline, title="Tender won", publisher="Wire")
    paper = SourceFactory(timeline=timeline, title="Talks", publisher="Paper")
    for n, source in enumerate([wire, paper, wire]):
        event = EventFactory(timeline=timeline, headline=f"Event {n}", date=date(2013 + n, 1, 1))
        CitationFactory(event=event, source=source)
    assert_exports_current(timeline)
    assert RenderingBlock.objects.count() == 3  # a block a span of days
    return timeline


def block_of(event) -> RenderingBlock:
    event = Event.objects.get(pk=event.pk)
    return RenderingBlock.objects.get(timeline=event.timeline, bucket=renderings.bucket(event.date))


def stored(event) -> SimpleNamespace:
    """The stored block holding the event, as text (its marks shown as U+FFFD)."""
    block = block_of(event)
    return SimpleNamespace(
        timeline=block.timeline,
        format=block.format,
        timelinejs=bytes(block.timelinejs).decode(errors="replace"),
        csv=bytes(block.csv).decode(errors="replace"),
    )


def test_an_edited_event_shows_in_the_next_export(timeline):
    event = timeline.events.get(headline="Event 1")
    event.headline = "Tender cancelled"
    event.date, event.precision, event.circa = date(2015, 11, 1), Precision.MONTH, True
    event.save()
    assert_exports_current(timeline)
    assert "Tender cancelled" in stored(event).timelinejs


def test_an_event_moved_to_another_timeline_leaves_one_export_for_the_other(timeline):
    """Its stored rendering still names the timeline it left until the next export of
    the one it joined stores it again."""
    other = TimelineFactory(title="Sanctions")
    assert_exports_current(other)
    event = timeline.events.get(headline="Event 1")
    event.timeline = other
    event.save()
    assert_exports_current(timeline)  # its stale copy is read, and left out
    assert "Event 1" not in timelinejs(timeline)
    assert_exports_current(other)
    assert "Event 1" in timelinejs(other)
    assert stored(event).timeline == other


def test_an_event_saved_with_some_fields_only_is_rendered_again(timeline, editor):
    event = timeline.events.get(headline="Event 0")
    before = Event.objects.get(pk=event.pk).render_version
    set_key_events(events=Event.objects.filter(pk=event.pk), is_key=True, user=editor)
    assert Event.objects.get(pk=event.pk).render_version != before
    # A save naming its fields leaves the version out of them: it is moved on by a query.
    event.headline = "Renamed alone"
    event.save(update_fields=["headline"])
    assert_exports_current(timeline)


def test_an_event_saved_twice_from_one_instance_is_rendered_again(timeline):
    """The instance's second save must not write back a version a rendering was made from."""
    event = timeline.events.get(headline="Event 2")
    event.headline = "First edit"
    event.save()
    assert_exports_current(timeline)  # stored from the first edit
    CitationFactory(event=event, source=SourceFactory(timeline=timeline, title="Third"))
    event.headline = "Second edit"
    event.save()
    assert_exports_current(timeline)
    assert "Second edit" in stored(event).csv


def test_a_citation_added_edited_and_deleted_shows_in_the_next_export(timeline):
    event = timeline.events.get(headline="Event 0")
    source = SourceFactory(timeline=timeline, title="Ministry statement")
    citation = CitationFactory(event=event, source=source, quote="A new quote")
    assert_exports_current(timeline)
    citation.quote = "An edited quote"
    citation.save()
    assert_exports_current(timeline)
    assert "An edited quote" in stored(event).timelinejs
    citation.delete()
    assert_exports_current(timeline)
    assert "Ministry statement" not in stored(event).csv


def test_a_citation_moved_to_another_event_leaves_both_rendered_again(timeline):
    first, second = timeline.events.filter(headline__in=["Event 0", "Event 1"]).order_by("date")
    citation = first.citations.get()
    citation.event = second
    citation.save()
    assert_exports_current(timeline)
    assert "Sources (0)" in stored(first).timelinejs


def test_renaming_a_cited_source_renders_its_events_again(timeline):
    source = timeline.sources.get(title="Tender won")
    source.title = "Tender won by FD-2000"
    source.save()
    assert_exports_current(timeline)
    citing = timeline.events.filter(citations__source=source)
    assert all("FD-2000" in stored(event).csv for event in citing)


def test_a_sources_text_edit_renders_nothing_again(timeline):
    """Readers never see a source's text: its events keep their renderings."""
    source = timeline.sources.get(title="Talks")
    versions = dict(timeline.events.values_list("pk", "render_version"))
    source.text += " More words nobody quotes."
    source.save()
    assert dict(timeline.events.values_list("pk", "render_version")) == versions


def test_a_stale_block_is_made_again(timeline):
    event = timeline.events.get(headline="Event 1")
    # Made from versions its events no longer have: say, before a change of their own.
    RenderingBlock.objects.filter(pk=block_of(event).pk).update(
        checksum="1:0:0", timelinejs=b"stale", csv=b"stale"
    )
    assert_exports_current(timeline)
    assert stored(event).csv != "stale"
    assert block_of(event).checksum == renderings.checksum(
        [Event.objects.get(pk=event.pk).render_version]
    )


def test_a_change_while_rows_are_made_is_rendered_again_by_the_next_export(timeline, monkeypatch):
    """The change commits after the export read the event's data, before it stores the
    block: the block is stored under the versions read first, one of which is gone."""
    event = timeline.events.get(headline="Event 2")
    renderings.outdate(Event.objects.filter(pk=event.pk))
    store = renderings.store

    def store_after_a_change(*args):
        Event.objects.filter(pk=event.pk).update(headline="Changed meanwhile")
        renderings.outdate(Event.objects.filter(pk=event.pk))
        store(*args)

    monkeypatch.setattr(renderings, "store", store_after_a_change)
    assert b"Changed meanwhile" not in exports.csv_rows(timeline, exports.Permalinks("", ""))
    monkeypatch.setattr(renderings, "store", store)
    now = renderings.checksum([Event.objects.get(pk=event.pk).render_version])
    assert block_of(event).checksum != now
    assert_exports_current(timeline)
    assert "Changed meanwhile" in stored(event).csv


def test_an_event_deleted_while_rows_are_made_is_left_out_and_its_span_made_again(
    timeline, monkeypatch
):
    """Deleted after its version was read, before its data: its rows are not made, and
    its block is tagged with the versions read, its own included, so the next export
    finds the span changed."""
    event = timeline.events.get(headline="Event 1")
    renderings.outdate(Event.objects.filter(pk=event.pk))
    render = exports.render

    def render_after_a_deletion(*args):
        Event.objects.filter(pk=event.pk).delete()
        return render(*args)

    monkeypatch.setattr(exports, "render", render_after_a_deletion)
    assert timelinejs(timeline) == reference_timelinejs(timeline)  # its empty block skipped
    monkeypatch.setattr(exports, "render", render)
    assert_exports_current(timeline)
    assert not RenderingBlock.objects.filter(bucket=renderings.bucket(event.date)).exists()


def test_an_event_restored_from_its_history_is_rendered_again(timeline):
    event = timeline.events.get(headline="Event 0")
    event.headline = "Renamed"
    event.save()
    assert_exports_current(timeline)
    event.history.earliest().instance.save()  # back to "Event 0"
    assert_exports_current(timeline)
    assert "Renamed" not in stored(event).timelinejs


def test_an_event_deleted_takes_its_block_with_it_when_its_span_is_left_empty(
    timeline, monkeypatch
):
    event = timeline.events.get(headline="Event 1")
    span = renderings.bucket(event.date)
    event.citations.all().delete()
    event.delete()

    def nothing_to_make(*args):
        raise AssertionError("no span holds events to make: none are read")

    monkeypatch.setattr(renderings, "events_outside", nothing_to_make)
    assert_exports_current(timeline)
    assert not RenderingBlock.objects.filter(bucket=span).exists()
    assert RenderingBlock.objects.count() == 2


def test_events_created_in_bulk_show_in_the_next_export(timeline):
    """bulk_create sends no signal: the count of a span's events tells its block, and a
    span between stored blocks, or beyond them, is looked at too."""
    events = [
        Event(timeline=timeline, headline=headline, date=day, render_version=number)
        for number, (headline, day) in enumerate(
            [
                ("Same span as Event 0", date(2013, 1, 2)),
                ("Between the blocks", date(2014, 6, 1)),
                ("Before them all", date(1, 1, 1)),
                ("After them all", date(9999, 12, 31)),
            ]
        )
    ]
    Event.objects.bulk_create(events)
    assert_exports_current(timeline)
    assert RenderingBlock.objects.count() == 6
    for headline in ("Same span as Event 0", "Between the blocks", "After them all"):
        assert headline in timelinejs(timeline)


def test_only_the_span_of_a_changed_event_is_made_again(monkeypatch):
    timeline = TimelineFactory()
    first, second = (
        EventFactory(timeline=timeline, headline=f"Event {n}", date=date(2000 + n, 1, 1))
        for n in range(2)
    )
    EventFactory(timeline=timeline, headline="Same span", date=date(2001, 1, 2))
    assert_exports_current(timeline)
    made = []
    render = exports.render

    def recorded(timeline, pks=None):
        made.append(pks)
        return render(timeline, pks)

    monkeypatch.setattr(exports, "render", recorded)
    assert_exports_current(timeline)
    assert made == []  # all current: read, not made
    second.headline = "Edited"
    second.save()
    assert_exports_current(timeline)
    assert sorted(made[0]) == sorted(
        timeline.events.exclude(pk=first.pk).values_list("pk", flat=True)
    )


def test_the_largest_versions_add_up_alike_in_python_and_in_the_database(
    timeline, django_assert_num_queries
):
    """A block's checksum, summed in Python when stored, must equal the database's sum
    of the same versions, or every export would make every row again."""
    timeline.events.update(render_version=2**63 - 1)
    assert_exports_current(timeline)
    with django_assert_num_queries(2):  # the timeline's blocks, their spans' checksums
        timeline_document = exports.timelinejs(timeline, exports.Permalinks("", ""))
    assert b"Event 2" in timeline_document


@pytest.mark.parametrize("name", ["public:timelinejs_export", "public:csv_export"])
def test_a_new_slug_or_host_shows_in_the_next_export(client, settings, timeline, name):
    settings.TIMELINE_SITE_URL = ""
    settings.ALLOWED_HOSTS = ["one.example", "two.example"]
    url = reverse(name, args=[timeline.slug])
    assert b"http://one.example/timelines/" in client.get(url, HTTP_HOST="one.example").content
    content = client.get(url, HTTP_HOST="two.example").content
    assert b"one.example" not in content and b"http://two.example/timelines/" in content
    old = timeline.slug
    timeline.slug = "renamed"
    timeline.save()
    content = client.get(reverse(name, args=["renamed"]), HTTP_HOST="two.example").content
    assert content.count(b"http://two.example/timelines/renamed/events/") == 3
    assert f"/timelines/{old}/".encode() not in content


# What exports.render made of fixed_event() when renderings.FORMAT took its number. A
# change to the rows must come with a new FORMAT, or every rendering stored before the
# release would still be served in the old format: bump it, and record the new digest.
FORMAT_DIGESTS = {1: "caa345af27992b73"}


def fixed_event() -> Event:
    timeline = TimelineFactory(title="Air defense", slug="air-defense")
    event = EventFactory(
        pk=987654,
        timeline=timeline,
        headline="Tender won by the FD-2000",
        description='The bid was <cheapest>, & "quickest".',
        date=date(2013, 9, 26),
        precision=Precision.DAY,
        circa=True,
    )
    source = SourceFactory(
        timeline=timeline,
        title="Turkey picks a missile system",
        publisher="Wire",
        url="https://news.example/a?b=1&c=2",
        published=date(2013, 9, 27),
        text="Turkey chose the system on Thursday.",
    )
    CitationFactory(event=event, source=source)
    return event


def test_rendered_rows_change_only_with_a_new_format_number():
    event = fixed_event()
    rows = exports.render(event.timeline)[event.pk]
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()[:16]
    assert FORMAT_DIGESTS.get(renderings.FORMAT) == digest, (
        "exports.render makes other rows: bump renderings.FORMAT and record "
        f"{renderings.FORMAT + 1}: {digest!r} in FORMAT_DIGESTS"
    )


def test_a_rendering_of_another_format_is_made_again(timeline, monkeypatch):
    event = timeline.events.get(headline="Event 1")
    monkeypatch.setattr(renderings, "FORMAT", renderings.FORMAT + 1)
    RenderingBlock.objects.update(timelinejs=b"old format", csv=b"old")
    assert_exports_current(timeline)
    assert stored(event).format == renderings.FORMAT
    assert "old format" not in stored(event).timelinejs


def test_spans_are_checked_in_several_queries_past_the_parameter_limit(timeline, monkeypatch):
    """Three blocks with gaps around them are seven spans: past RANGES_A_QUERY, checked
    by more queries, alike."""
    monkeypatch.setattr(overview, "RANGES_A_QUERY", 2)
    assert renderings.read(timeline, "csv") == renderings.Stored(
        renderings.read(timeline, "csv").current, stale=False, emptied=[]
    )
    assert len(renderings.read(timeline, "csv").current) == 3
    timeline.events.get(headline="Event 2").save()
    assert renderings.read(timeline, "csv").stale
    assert_exports_current(timeline)


def test_an_export_is_served_when_its_blocks_cannot_be_stored(timeline, monkeypatch):
    """SQLite's write lock held past its timeout, say: the reader still gets the export."""

    @contextmanager
    def locked():
        raise OperationalError("database is locked")
        yield

    RenderingBlock.objects.all().delete()
    monkeypatch.setattr(renderings.transaction, "atomic", locked)
    assert_exports_current(timeline)
    assert not RenderingBlock.objects.exists()
