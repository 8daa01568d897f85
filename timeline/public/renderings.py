"""The exports' rows stored in blocks, so that a request joins a few hundred of them
instead of making 50,000 events' rows (as Discourse stores each post's "cooked" HTML).

A block (``RenderingBlock``) holds the rows of a timeline's events starting within one
span of ``BUCKET_DAYS`` days, in date order, in both formats, as UTF-8 bytes with two
marks where the request's permalink goes around each event's id: the bytes 0xFF and
0xFE, which no UTF-8 text holds. An export reads the timeline's blocks, replaces the
marks in each and joins them: at 50,000 events, ~340 values instead of 50,000 rows of
three (psycopg made a bytes object and a tuple a row, Python put them in order and
joined 200,000 pieces: ~190 ms of a 250 ms budget on a quiet machine, and up to 320
when the machine was busy, where the few large values hold up far better).
``exports`` makes the rows; this module says when a block is current, reads and
stores them.

**Current by version.** ``Event.render_version`` takes a new value whenever what the
event's rows print changes: the event's own save (in the same UPDATE), a citation
of it saved or deleted (its event, and the one it left if it moved), a cited
source's shown details changed (every event citing it; ``public_cache`` says when
they change, for the readers' cache alike). A block carries a checksum of the
versions it was made from (how many, and the sums of their high and low halves:
exact, and the same in Python and in either database's SQL), and is current while
its span's events still add up to it. Whatever way an event enters, leaves or
changes in a span (a save, a move to another timeline or date, a deletion, a bulk
insert), its count or versions change, so no write path has to tell the blocks.

**Race-safe.** The events of the spans not current are read with their versions
first, then their data; a block is stored under the checksum of the versions read
first. Every new version is written by the statement that changes the data or after
it in the same transaction, so data read afterwards is at least as new as the
versions read before: a change committing in between leaves a block tagged with a
checksum already gone, which the next export redoes. Two readers storing the same
span race harmlessly (an upsert; the last one wins, and either is at worst redone
once).

**Current by format, too.** A release that changes what ``exports.render`` makes of
an event bumps ``FORMAT``: a block made by another format is read as missing, made
again and stored over. ``tests/public/test_renderings.py`` holds a digest of a
fixed event's rows beside the number, so a change to them that keeps it fails there.

**A fresh random number, not a counter.** A save writes every field the instance
holds, ``render_version`` too: a count held in memory while a citation's save
moved it on would be written back, and reverting an event from its history
writes the number it reads. Each save and each change draws a new 63-bit number
from the operating system (``secrets``, so that forked web workers never draw the
same sequence), which no block was made from: two changes collide once in ~10^18.

``QuerySet.update()`` and ``bulk_update()`` send no signals: a bulk path that changes
what the exports print of existing events must call ``outdate()``. None does today:
the bulk writes touch a source's extraction state and reading (not shown), or create
sources that nothing cites yet, or events (which the count of their span tells).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from datetime import date
from itertools import batched, chain
from typing import NamedTuple

from django.db import IntegrityError, OperationalError, connection, connections, transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_save

from timeline.models import Event, RenderingBlock, Timeline
from timeline.public.overview import per_range
from timeline.public.shown import stored_date
from timeline.public_cache import shown_source_changed

logger = logging.getLogger(__name__)


# The format of the rows exports.render makes: bump it with any change to them.
FORMAT = 1
# A block's span of days: ~340 blocks for 30 years of events, a few dozen events each
# on a timeline of 10,000, so that an edit makes one block's rows again, not all.
BUCKET_DAYS = 32
# Where the permalink goes around each event's id: bytes no UTF-8 text holds.
BEFORE_ID, AFTER_ID = b"\xff", b"\xfe"
HALF = 2**32


def new_version() -> int:
    return secrets.randbits(63)


def outdate(events: QuerySet) -> int:
    """These events' stored rows are no longer current: the next export redoes them."""
    return events.update(render_version=new_version())


def bucket(day: date) -> int:
    return (day.toordinal() - 1) // BUCKET_DAYS


MAX_DAY = date.max.toordinal()


def span(number: int) -> tuple[date, date]:
    """The first and last day of a bucket."""
    first = number * BUCKET_DAYS + 1
    return date.fromordinal(first), date.fromordinal(min(first + BUCKET_DAYS - 1, MAX_DAY))


def checksum(versions: list[int]) -> str:
    """What the SQL in ``read`` says of the same versions (all ≥ 0, so floor and
    truncating division agree)."""
    high = sum(version // HALF for version in versions)
    low = sum(version % HALF for version in versions)
    return f"{len(versions)}:{high}:{low}"


# NULL for no events: both databases' || yields NULL on NULL, and COUNT(*) of none is 0.
CHECKSUM_SQL = (
    f"COUNT(*) || ':' || SUM(render_version / {HALF}) || ':' || SUM(render_version %% {HALF})"
)


def _fetched(rows: QuerySet) -> list[tuple]:
    """A values_list's rows in one fetch, as the driver reads them fastest: Django reads
    them 100 at a time, and each psycopg fetch costs ~0.1 ms. Its columns here have no
    converters, so the rows are what values_list would give, but for a binary column,
    which comes as bytes.

    On PostgreSQL the rows come in the binary format, where a bytea is its bytes as
    stored (in the text format, hex: twice the size, for the client to decode) and an
    integer is not parsed from digits. Django's cursors bind parameters client-side,
    which cannot ask for binary results: this one binds them on the server. It is
    wrapped as Django wraps its own, so the query is logged and counted like any
    other."""
    db = connections[rows.db]
    sql, params = rows.query.get_compiler(rows.db).as_sql()
    if db.vendor != "postgresql":
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    import psycopg  # only here: SQLite needs no psycopg

    db.ensure_connection()
    raw = psycopg.Cursor(db.connection)
    raw.format = psycopg.pq.Format.BINARY
    with db.make_debug_cursor(raw) if db.queries_logged else db.make_cursor(raw) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class Stored(NamedTuple):
    current: dict[int, bytes]  # bucket: its block of one format, current
    stale: bool  # some span holds events whose rows are to be made
    emptied: list[int]  # buckets stored whose spans hold no event any more


def read(timeline: Timeline, piece: str) -> Stored:
    """The timeline's stored blocks of one format, then the checksum of the events of
    each one's span and of each span between them (which hold events only once some
    were added there since): two queries (more only past overview.RANGES_A_QUERY
    spans, some 8,000 years of 32-day spans with events)."""
    kept = RenderingBlock.objects.filter(timeline=timeline, format=FORMAT).order_by("bucket")
    blocks = _fetched(kept.values_list("bucket", "checksum", piece))
    # Each stored bucket's span, and the spans around them, cover every day once.
    spans, owners, day = [], [], 1
    for number, _checksum, _block in blocks:
        first, last = span(number)
        if first.toordinal() > day:
            spans.append((date.fromordinal(day), date.fromordinal(first.toordinal() - 1)))
            owners.append(None)
        spans.append((first, last))
        owners.append(number)
        day = last.toordinal() + 1
    if day <= MAX_DAY:
        spans.append((date.fromordinal(day), date.max))
        owners.append(None)
    stored = {number: (made, block) for number, made, block in blocks}
    current, stale, emptied = {}, False, []
    # ~12 ms for 343 spans at 50,000 events on PostgreSQL, each a range of the date-order
    # index that includes render_version (migration 0013).
    events = timeline.events.order_by().values("date", "render_version")
    for number, now in zip(owners, per_range(events, spans, CHECKSUM_SQL), strict=True):
        if number is None:
            stale |= now is not None
        elif now is None:
            emptied.append(number)
        elif now == stored[number][0]:
            current[number] = stored[number][1]
        else:
            stale = True
    return Stored(current, stale, emptied)


class Dated(NamedTuple):
    pks: list[int]
    versions: list[int]
    buckets: list[int]


def events_outside(timeline: Timeline, current: Iterable[int]) -> Dated:
    """The events whose spans have no current block, in date order, with their versions
    and buckets: read before their data (see the module's docstring).

    All the timeline's are read and those of current spans dropped here: asked for by
    their spans, a few thousand of them, the query would outgrow SQLite's limits."""
    events = timeline.events.in_date_order().values_list("pk", "render_version", "date")
    current = set(current)
    pks, versions, buckets = [], [], []
    for pk, version, day in _fetched(events):
        number = bucket(stored_date(day))
        if number not in current:
            pks.append(pk)
            versions.append(version)
            buckets.append(number)
    return Dated(pks, versions, buckets)


class Block(NamedTuple):
    """A row of RenderingBlock, as exports makes it and store() writes it."""

    bucket: int
    checksum: str
    timelinejs: bytes
    csv: bytes


# Rows a statement: 6 parameters each, well under any database's limit (SQLite: 32,766).
STORE_BATCH = 200


def store(timeline: Timeline, blocks: Iterable[Block], emptied: Iterable[int] = ()) -> None:
    """Insert or replace these blocks, and delete those of spans left empty: an upsert
    per STORE_BATCH rows, in one transaction."""
    rows = sorted(blocks)  # by bucket: two readers storing alike lock rows in one order
    emptied = list(emptied)
    quote = connection.ops.quote_name
    table = quote(RenderingBlock._meta.db_table)
    names = ["timeline", "bucket", "format", "checksum", "timelinejs", "csv"]
    columns = [quote(RenderingBlock._meta.get_field(name).column) for name in names]
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in columns[2:])
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            if emptied:
                RenderingBlock.objects.filter(timeline=timeline, bucket__in=emptied).delete()
            for batch in batched(rows, STORE_BATCH):
                values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(batch))
                cursor.execute(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} "
                    f"ON CONFLICT ({columns[0]}, {columns[1]}) DO UPDATE SET {updates}",
                    list(
                        chain.from_iterable(
                            (timeline.pk, row[0], FORMAT, *row[1:]) for row in batch
                        )
                    ),
                )
    except IntegrityError:
        # The timeline deleted since it was read: its blocks have nothing to belong to.
        logger.info("rendering blocks not stored: the timeline was deleted", exc_info=True)
    except OperationalError:
        # SQLite's write lock held past its timeout by a long import, say: the export
        # was made and is served; the next one stores it.
        logger.warning("rendering blocks not stored: the database refused", exc_info=True)


# --- what outdates a rendering -------------------------------------------------------------


# loaddata (``raw``) stores rows as they were dumped: an event's version with it, which
# says which data it is (no two changes draw the same number), so renderings dumped
# with it, or made anywhere from that same data, stay current, and no others are.


def _event_saving(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        # Written by the save's own statement, whatever it changes.
        instance.render_version = new_version()


def _event_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if not raw and update_fields is not None and "render_version" not in update_fields:
        outdate(Event.objects.filter(pk=instance.pk))


def _remember_cited_event(sender, instance, raw=False, **kwargs) -> None:
    """The event a citation is moving from (the admin lets an editor change it)."""
    instance._rendering_old_event = (
        sender.objects.filter(pk=instance.pk).values_list("event_id", flat=True).first()
        if instance.pk is not None and not raw
        else None
    )


def _citation_changed(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    events = {instance.event_id, getattr(instance, "_rendering_old_event", None)} - {None}
    outdate(Event.objects.filter(pk__in=events))


def _source_changed(sender, instance, created=False, raw=False, **kwargs) -> None:
    if not raw and shown_source_changed(instance, created=created):
        outdate(Event.objects.filter(citations__source_id=instance.pk))


def connect(app_config) -> None:
    """Wire the versions to the saves and deletes that change what the exports print."""
    event = app_config.get_model("Event")
    pre_save.connect(_event_saving, sender=event, dispatch_uid="rendering-event")
    post_save.connect(_event_saved, sender=event, dispatch_uid="rendering-event-fields")
    citation = app_config.get_model("Citation")
    pre_save.connect(_remember_cited_event, sender=citation, dispatch_uid="rendering-cited")
    post_save.connect(_citation_changed, sender=citation, dispatch_uid="rendering-citation")
    post_delete.connect(_citation_changed, sender=citation, dispatch_uid="rendering-citation-d")
    source = app_config.get_model("Source")
    post_save.connect(_source_changed, sender=source, dispatch_uid="rendering-source")
