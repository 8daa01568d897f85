"""Each event's rows in the exports, stored, so that a request assembles them instead of
making them (as Discourse stores each post's "cooked" HTML).

An export of 50,000 events fetched ~150,000 values and made every slide and row on
each request; now it reads one stored piece an event (``EventRendering``) and glues
in what depends on the request, the absolute permalink (the TimelineJS slide and the
CSV row stop where it goes; what follows it is the same for every event).
``exports`` makes and reads them; this module says when one is current, reads and
stores them.

**Current by version.** ``Event.render_version`` takes a new value whenever what the
event's rows print changes: the event's own save (in the same UPDATE), a citation
of it saved or deleted (its event, and the one it left if it moved), a cited
source's shown details changed (every event citing it; ``public_cache`` says when
they change, for the readers' cache alike). A rendering carries the version it was
made from, and is current while that is still its event's.

**Race-safe.** An export reads each event's ``render_version`` in date order, then
the timeline's stored renderings, keeping those whose versions are still their
events' (``read``); only then does it read the data of the events whose versions
differ (or that have none), make their rows, and store them under the versions it
read *first*. Every new version is written by the statement that changes the data or
after it in the same transaction, so data read afterwards is at least as new as the
version read before: a change committing in between leaves a rendering tagged with a
version already gone, which the next export redoes. A rendering is never older than
its tag, so a stale row is never kept; one whose tag matches was made from data at
least as new as the version the export read. Two readers storing the same rows race
harmlessly (an upsert; the last one wins, and either is at worst redone once); an
event deleted meanwhile makes the store fail its foreign key, and nothing is stored
until the next export.

**Two queries, not one join.** Joined in date order, PostgreSQL sorted every
rendering with its event (28 MB at 50,000 events, on disk past ``work_mem``) or
looked each one up; read apart, the versions come from an index alone
(``event_render_order``, migration 0013) and the renderings by their own copy of
the event's timeline (migration 0014), compared and put in order by pk in Python
(a dict: a few ms).

**Current by format, too.** A release that changes what ``exports.render`` makes of
an event bumps ``FORMAT``: a rendering made by another format is read as missing,
made again and stored over. ``tests/public/test_renderings.py`` holds a digest of a
fixed event's rows beside the number, so a change to them that keeps it fails there.

**A fresh random number, not a counter.** A save writes every field the instance
holds, ``render_version`` too: a count held in memory while a citation's save
moved it on would be written back, and reverting an event from its history
writes the number it reads. Each save and each change draws a new 63-bit number
from the operating system (``secrets``, so that forked web workers never draw the
same sequence), which no rendering was made from: two changes collide once in
~10^18.

``QuerySet.update()``, ``bulk_create()`` and ``bulk_update()`` send no signals: a
bulk path that changes what the exports print must call ``outdate()``. None does
today: the bulk writes touch a source's extraction state and reading (not shown),
create sources that nothing cites yet, or create events that have no rendering
(made at their first export).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from itertools import batched, chain
from operator import itemgetter
from typing import NamedTuple

from django.db import IntegrityError, connection, connections, transaction
from django.db.models import BinaryField, Func, QuerySet
from django.db.models.signals import post_delete, post_save, pre_save

from timeline.models import Event, EventRendering, Timeline
from timeline.public_cache import shown_source_changed

logger = logging.getLogger(__name__)


# The format of the rows exports.render makes: bump it with any change to them.
FORMAT = 1


def new_version() -> int:
    return secrets.randbits(63)


def outdate(events: QuerySet) -> int:
    """These events' stored renderings are no longer current: the next export redoes them."""
    return events.update(render_version=new_version())


class Stored(NamedTuple):
    pks: list[int]  # the timeline's events in date order
    versions: list[int]  # their render_version
    pieces: list[bytes | None]  # each one's current rendering of one format (None: none)


class UTF8(Func):
    """A text column as the UTF-8 bytes the database holds, with no decoding: SQLite
    casts it (free: it stores text as UTF-8); PostgreSQL sends it as it is, and
    _fetched loads it as bytes."""

    output_field = BinaryField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="CAST(%(expressions)s AS BLOB)")

    def as_sql(self, compiler, connection, **extra_context):
        return compiler.compile(self.source_expressions[0])


def _fetched(rows: QuerySet) -> list[tuple]:
    """A values_list's rows in one fetch: Django reads them 100 at a time, and each
    psycopg fetch costs ~0.1 ms (~100 ms for the 1,000 at 50,000 events). Its columns
    here have no converters, so the rows are what values_list would give, but for
    text, which comes as UTF-8 bytes.

    On PostgreSQL the rows come in the binary format, where text is its UTF-8 bytes
    as stored: psycopg's bytea loader (in C) takes them as they are (a text loader
    written in Python cost ~20 ms at 50,000 events, and the text format's integers
    are parsed from digits). Django's cursors bind parameters client-side, which
    cannot ask for binary results: this one binds them on the server. It is wrapped
    as Django wraps its own, so the query is logged and counted like any other."""
    db = connections[rows.db]
    sql, params = rows.query.get_compiler(rows.db).as_sql()
    if db.vendor != "postgresql":
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    import psycopg  # only here: SQLite needs no psycopg
    from psycopg.types.string import ByteaBinaryLoader

    db.ensure_connection()
    raw = psycopg.Cursor(db.connection)
    raw.format = psycopg.pq.Format.BINARY
    raw.adapters.register_loader("text", ByteaBinaryLoader)
    with db.make_debug_cursor(raw) if db.queries_logged else db.make_cursor(raw) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def read(timeline: Timeline, piece: str) -> Stored:
    """The events in date order with their versions, then the timeline's stored
    renderings of one format, kept where made from their event's version: two
    queries. The data behind the others must be read after these."""
    events = _fetched(timeline.events.in_date_order().values_list("pk", "render_version"))
    pks, versions = map(list, zip(*events, strict=True)) if events else ([], [])
    # Read by the timeline alone and compared here: joined to the events in date
    # order, the database sorted every rendering with its event (PostgreSQL: on
    # disk at 50,000 events) or looked each one up; joined to them to compare the
    # versions, it hashed all the events again (~40 ms at 50,000).
    stored = EventRendering.objects.filter(timeline=timeline, format=FORMAT).order_by()
    rows = _fetched(stored.values_list("event_id", "version", UTF8(piece)))
    found = dict(zip(map(itemgetter(0), rows), rows, strict=True))
    rows = list(map(found.get, pks))
    # Compared in C when every event has one, as after any export but the first
    # following a change; one by one, 25 ms at 50,000 events, otherwise.
    if None not in rows and list(map(itemgetter(1), rows)) == versions:
        return Stored(pks, versions, list(map(itemgetter(2), rows)))
    pieces = [
        row[2] if row is not None and row[1] == version else None
        for row, version in zip(rows, versions, strict=True)
    ]
    return Stored(pks, versions, pieces)


class Rendering(NamedTuple):
    """A row of EventRendering, as exports makes it and store() writes it."""

    event_id: int
    timeline_id: int
    version: int
    timelinejs: str
    csv: str


# Rows a statement: 6 parameters each, well under any database's limit (SQLite: 32,766).
STORE_BATCH = 1000


def store(renderings: Iterable[Rendering]) -> None:
    """Insert or replace these renderings: an upsert per STORE_BATCH rows, in one transaction.

    Written in SQL that SQLite and PostgreSQL both read: bulk_create(update_conflicts=True)
    compiled each of the values in Python and built a model instance a row, ~1.2 s of
    the 1.7 s a first export took at 10,000 events.
    """
    rows = sorted(renderings)  # by event: two readers storing alike lock rows in one order
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(EventRendering._meta.db_table)
    names = [*Rendering._fields, "format"]
    columns = [quote(EventRendering._meta.get_field(name).column) for name in names]
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in columns[1:])
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            for batch in batched(rows, STORE_BATCH):
                values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(batch))
                cursor.execute(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} "
                    f"ON CONFLICT ({columns[0]}) DO UPDATE SET {updates}",
                    list(chain.from_iterable((*row, FORMAT) for row in batch)),
                )
    except IntegrityError:
        # An event deleted since it was read: its rendering has nothing to belong to.
        # The export was served; the next one stores what is left.
        logger.info("renderings not stored: an event was deleted meanwhile", exc_info=True)


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
