"""The formats newsrooms already use: TimelineJS3 JSON and CSV, assembled from stored
blocks of rows, which are made a column at a time.

A request reads the timeline's blocks (``timeline.public.renderings``: when one is
current, how it is stored), puts the reader's permalink in place of the two marks
around each event's id, and joins them: read as UTF-8 bytes and joined as such
(decoding and encoding 5.7 MB of text, 10,000 events, cost ~25 ms). The blocks not
current are made here, by the code below, for the events concerned (``render``: both
formats, so that either export stores the other's rows too).

Making rows. An export holds every event of a timeline (50,000 on a big one), so its cost is
per row, and on the hardware we measure on, one Python operation per value (a
date converter, a call to ``html.escape``, a dict for ``json.dumps``) costs about
a microsecond. Profiled at 10,000 events on SQLite, the row-by-row version spent
~150 ms in Django's date converter, ~160 ms in its loop (citations grouped and
sorted per event, Period objects, NamedTuples) and ~100 ms fetching. So the rows
are read plain and worked on a column at a time, by operations that loop in C:

- Three queries, none sorting by text: the events' citations in (event, start,
  id) order; their sources (a few thousand at most, each made into its printed
  line, escaped once); the events in date order. No column has a
  per-row converter: dates come as SQLite's stored text or as PostgreSQL's own
  date type (``StoredDate``), the circa flag as the CSV's "yes"/"no"; a date's
  forms (ISO at its precision, label, display, TimelineJS parts) are made once
  per distinct date.
- A citation's place within its event (its source's publication date, none
  last, its title, then its offset and id) comes from a rank per source made
  in Python: the database would compare titles by its collation (PostgreSQL's
  locale order is not the code-point order these exports have always used),
  and sorting 100,000 citations by a joined text column cost it ~220 ms at
  50,000 events. One integer a citation (event, rank), already nearly in
  order, sorts stably in a few milliseconds.
- Escaping runs over one joined string per column (``_escaped``), not once a
  value; citations are grouped by event by joining them all with a separator
  and splitting (``_grouped``); slides and CSV rows are joined from zipped
  columns. csv.writer is not used for the rows: it copies each character in
  turn (45 ms at 10,000 events), so ``_cells`` quotes only the cells that need
  it, as csv.writer's default dialect would.
- Building the strings in SQL was measured and rejected: ``replace()``,
  ``to_json()``, ``to_char()`` and ordered ``string_agg`` cost more per value
  in SQLite and in PostgreSQL than the passes here (an ordered ``string_agg``
  per event took ~900 ms at 50,000 events on PostgreSQL 15), group_concat
  has no ORDER BY before SQLite 3.44, and it would need two dialects.

Measured with ``manage.py benchpublic`` (cpu ms, on a machine at load 5–8), making
every row on each request: TimelineJS 430–630 → 200–310 and CSV 390–560 → 175–295
at 10,000 events on SQLite; at 50,000 on PostgreSQL 2,240 → 790 and 2,580 → 1,060.
Assembled from stored blocks: see README.md ("Fast, measured"). The output is byte for
byte what the row-by-row version wrote (tests/public/test_exports.py holds it equal to
one-event-at-a-time code on hostile text, made afresh and stored). Events are made
``CHUNK`` at a time.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from html import escape
from itertools import batched, chain, compress, repeat
from json.encoder import encode_basestring
from operator import add, attrgetter, ne
from typing import NamedTuple

from django.db.models import Case, CharField, Value, When
from django.db.models.functions import Cast

from timeline import collector
from timeline.models import Citation, Source, Timeline
from timeline.periods import MONTH_NAMES, Precision
from timeline.public import renderings

CHUNK = 2000  # events written at a time

CSV_COLUMNS = [
    "date",
    "precision",
    "end_date",
    "end_precision",
    "circa",
    "display_date",
    "headline",
    "description",
    "sources",
    "quotes",
    "permalink",
]

# A cell starting with = + - @ runs as a formula in spreadsheets: kept as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What makes csv.writer quote a cell: the delimiter, the quote, a line terminator.
_NEEDS_QUOTES = re.compile('[,"\r\n]')

# Joins a column's values for escaping in one pass: html.escape and JSON leave it
# as it is. A value holding it itself is escaped on its own (_escaped checks).
_JOIN = "\x1e"
# Between events' citations once escaped: escaped HTML holds no '"', so neither
# does its JSON form, and the split is exact.
_EVENT = '"'
# Between events' citation lines and quotes in the CSV, which are raw text: a
# value holding it makes _grouped group them one event at a time instead.
_RAW_EVENT = "\x1d"


class Permalinks(NamedTuple):
    """An event's URL is ``before + str(pk) + after``: reverse() once, not per row."""

    before: str
    after: str

    def __call__(self, pk: int) -> str:
        return f"{self.before}{pk}{self.after}"


class StoredDate(Cast):
    """A date column as the driver reads it fastest, with no per-row converter in Django:
    SQLite's stored "YYYY-MM-DD" text (Django would parse each into a date), and
    PostgreSQL's date (read in C; to_char() there cost ~100 ms at 50,000 events)."""

    def __init__(self, expression):
        super().__init__(expression, CharField())

    def as_postgresql(self, compiler, connection, **extra_context):
        return compiler.compile(self.source_expressions[0])


class DateForms(NamedTuple):
    """One stored date at its precision, in each form an export prints."""

    iso: str  # "2015-08"
    label: str  # "month"
    display: str  # "August 2015"
    until: str  # " – August 2015", as the end of a range reads
    timelinejs: str  # '{"year": 2015, "month": 8}'
    timelinejs_end: str  # ', "end_date": {"year": 2015, "month": 8}'


NO_DATE = DateForms("", "", "", "", "", "")
LABELS = {precision.value: precision.label for precision in Precision}
MONTHS = {f"{n:02d}": (str(n), name) for n, name in enumerate(MONTH_NAMES, start=1)}
DAYS = {f"{n:02d}": str(n) for n in range(1, 32)}


def _iso(stored: str | date) -> str:
    return stored if isinstance(stored, str) else stored.isoformat()


def _date_forms(stored: str | date, precision: int) -> DateForms:
    """From "YYYY-MM-DD" text by slicing: as periods.iso and periods.display write it
    (tests/public/test_exports.py holds them equal), at a fraction of the cost."""
    text = _iso(stored)
    year = str(int(text[:4]))  # "0950" is the year 950
    month, month_name = MONTHS[text[5:7]]
    if precision == Precision.YEAR:
        shown, parts = year, f'"year": {year}'
    elif precision == Precision.MONTH:
        shown, parts = f"{month_name} {year}", f'"year": {year}, "month": {month}'
    else:
        day = DAYS[text[8:10]]
        shown, parts = (
            f"{day} {month_name} {year}",
            f'"year": {year}, "month": {month}, "day": {day}',
        )
    timelinejs = "{" + parts + "}"
    return DateForms(
        text[: 3 * precision + 1],  # 2013, 2013-08, 2013-08-18
        LABELS[precision],
        shown,
        " – " + shown,
        timelinejs,
        ', "end_date": ' + timelinejs,
    )


class _Dates:
    """Each distinct (date, precision) made into its forms once per export."""

    def __init__(self):
        self.forms = {(None, None): NO_DATE}

    def __call__(self, dates: tuple[str | None, ...], precisions: tuple[int | None, ...]):
        if not any(dates):  # the ends of a chunk with no range
            return [NO_DATE] * len(dates)
        keys = list(zip(dates, precisions, strict=True))
        for key in set(keys).difference(self.forms):
            self.forms[key] = _date_forms(*key)
        return list(map(self.forms.__getitem__, keys))


def _escaped(texts: list[str]) -> list[str]:
    """Each text HTML-escaped and then JSON-escaped (without its quotes), as
    ``json.dumps(html.escape(text), ensure_ascii=False)[1:-1]`` would make it."""
    joined = _JOIN.join(texts)
    if joined.count(_JOIN) != max(len(texts) - 1, 0):
        return [encode_basestring(escape(text))[1:-1] for text in texts]
    # Escaped HTML holds no '"', so after JSON escaping each \" is one of these joins.
    html = escape(joined).replace(_JOIN, '"')
    return encode_basestring(html)[1:-1].split('\\"') if texts else []


def _grouped(firsts: list[bool], within: str, between: str, *parts: Iterable[str]) -> list[str]:
    """One string per group of consecutive items, the items joined with `within`;
    an item is the concatenation of its `parts`, and firsts[i] marks the item that
    starts a group. Made in one pass over one joined string, split on `between`."""
    parts = [list(part) if not isinstance(part, repeat) else part for part in parts]
    marks = map((within, between).__getitem__, firsts)
    # repeat() parts are endless: the items end with `firsts`.
    items = zip(marks, *parts, strict=False)
    groups = "".join(chain.from_iterable(items)).split(between)[1:]
    if len(groups) == sum(firsts):
        return groups
    # An item held `between` itself: group them one at a time.
    groups = []
    items = map("".join, zip(*parts, strict=False))
    for first, item in zip(firsts, items, strict=False):
        if first:
            groups.append([item])
        else:
            groups[-1].append(item)
    return [within.join(group) for group in groups]


class SourceLine(NamedTuple):
    rank: int  # its place among the cited sources: publication date (none last), title
    line: str  # "Wire — Title — 2016-11-18 — https://…"
    escaped: str  # the line HTML- and JSON-escaped, as a TimelineJS text holds it


def _source_lines(rows: Iterable[tuple]) -> dict[int, SourceLine]:
    sources = []
    for pk, publisher, title, published, url in rows:
        published = None if published is None else _iso(published)
        line = " — ".join(part for part in (publisher, title, published, url) if part)
        sources.append((published is None, published or "", title, pk, line))
    # ISO text sorts as the dates do; titles by code point, as Python always compared them.
    sources.sort()
    lines, rank, previous = {}, -1, None
    for *key, pk, line in sources:
        # Sources alike in date and title share a rank: their citations go by offset.
        if key != previous:
            rank, previous = rank + 1, key
        lines[pk] = SourceLine(rank, line, encode_basestring(escape(line))[1:-1])
    return lines


class Cited(NamedTuple):
    """Every citation of a timeline, grouped by event and in each event's order."""

    events: list[int]  # each citation's event
    sources: list[SourceLine]
    quotes: list[str]
    firsts: list[bool]  # whether it is its event's first

    def by_event(self, groups: list[str]) -> dict[int, str]:
        """Each event's group, from one group per event in the citations' order."""
        return dict(zip(compress(self.events, self.firsts), groups, strict=True))


# Up to this many events are read by their pks; more (a mass change) are read with the
# whole timeline and picked here: SQLite takes at most 32,766 parameters a query, and
# an IN list that long costs the database more than the rows it would skip.
BY_PK = 500


def _picked(pks: list[int] | None) -> tuple[list[int] | None, set[int] | None]:
    """(pks to filter on in SQL, pks to keep in Python): None where all are wanted."""
    if pks is None:
        return None, None
    return (pks, None) if len(pks) <= BY_PK else (None, set(pks))


def cited(timeline: Timeline, pks: list[int] | None = None) -> Cited:
    """The citations of these events (all the timeline's: None) in (event, start, id) order,
    then their sources: two queries, or three."""
    by_pk, kept = _picked(pks)
    citations = (
        Citation.objects.filter(event_id__in=by_pk)
        if by_pk is not None
        else Citation.objects.filter(event__timeline=timeline)
    )
    rows = list(citations.order_by("event_id", "start", "id").values_list(*CITATION_COLUMNS))
    if kept is not None:
        rows = [row for row in rows if row[0] in kept]
    if not rows:
        return Cited([], [], [], [])
    events, source_ids, quotes = zip(*rows, strict=True)
    columns = ("pk", "publisher", "title", StoredDate("published"), "url")
    if by_pk is not None:
        # A few events cite a few sources: those alone (ranked among themselves, their
        # order within an event is the one they have among all the timeline's).
        found = list(Source.objects.filter(pk__in=set(source_ids)).values_list(*columns))
    else:
        # The timeline's own sources, by its index; a source of another timeline is cited
        # only if a write skipped Citation.clean(), and is then read by a second query.
        found = list(Source.objects.filter(timeline=timeline).order_by().values_list(*columns))
        others = set(source_ids).difference(pk for pk, *_ in found)
        if others:
            found += Source.objects.filter(pk__in=others).order_by().values_list(*columns)
    lines = _source_lines(found)
    sources = list(map(lines.__getitem__, source_ids))
    # By event, then source; the sort is stable, so offset order stays within a source.
    # One integer a citation: the list is nearly sorted already and sorts in one pass.
    keys = list(map(add, map(int.__mul__, events, repeat(len(lines))), map(RANK, sources)))
    order = sorted(range(len(rows)), key=keys.__getitem__)
    events = list(map(events.__getitem__, order))
    return Cited(
        events,
        list(map(sources.__getitem__, order)),
        list(map(quotes.__getitem__, order)),
        list(map(ne, events, [None, *events[:-1]])),
    )


CITATION_COLUMNS = ("event_id", "source_id", "quote")
RANK, LINE, ESCAPED_LINE = attrgetter("rank"), attrgetter("line"), attrgetter("escaped")

EVENT_COLUMNS = (
    "pk",
    StoredDate("date"),
    "precision",
    StoredDate("end_date"),
    "end_precision",
    # As the CSV prints it; a Boolean column would run a converter on each row.
    Case(When(circa=True, then=Value("yes")), default=Value("no")),
    "headline",
    "description",
)
CIRCA = {"yes": "c. ", "no": ""}


class EventColumns(NamedTuple):
    """A chunk of events in date order, a column per field."""

    pks: tuple[int, ...]
    ids: list[str]
    starts: list[DateForms]
    ends: list[DateForms]
    display: list[str]  # "c. 2013 – 2015"
    circa: tuple[str, ...]  # "yes" or "no"
    headlines: tuple[str, ...]
    descriptions: tuple[str, ...]


def event_columns(timeline: Timeline, pks: list[int] | None = None) -> Iterator[EventColumns]:
    """These events (all the timeline's: None) in date order, CHUNK at a time: one query,
    read as it goes."""
    by_pk, kept = _picked(pks)
    dates = _Dates()
    events = timeline.events.filter(pk__in=by_pk) if by_pk is not None else timeline.events
    rows = events.in_date_order().values_list(*EVENT_COLUMNS)
    for chunk in batched(rows.iterator(chunk_size=CHUNK), CHUNK):
        if kept is not None:
            chunk = [row for row in chunk if row[0] in kept]
            if not chunk:
                continue
        pks, starts, precisions, ends, end_precisions, circa, headlines, descriptions = zip(
            *chunk, strict=True
        )
        starts, ends = dates(starts, precisions), dates(ends, end_precisions)
        display = zip(
            map(CIRCA.__getitem__, circa),
            map(attrgetter("display"), starts),
            map(attrgetter("until"), ends),
            strict=True,
        )
        yield EventColumns(
            pks,
            list(map(str, pks)),
            starts,
            ends,
            list(map("".join, display)),
            circa,
            headlines,
            descriptions,
        )


# What follows an event's permalink in its slide: the permalink ends the slide (its
# "text" is its last key), so a stored slide stops where the permalink goes, as a CSV
# row does, and the rest is the same for every slide.
SLIDE_END = '\\">Permalink</a></p>"}}'


def _slides(chunk: EventColumns, sources: dict[int, str], counts: Counter) -> list[str]:
    """Each slide up to its permalink. Written as ``json.dumps`` would write the slides:
    ", " and ": " between keys and values, non-ASCII text as is."""
    texts = [f"<p>{text}</p>" if text else "" for text in _escaped(chunk.descriptions)]
    heads = zip(
        repeat('{"unique_id": "event-'),
        chunk.ids,
        repeat('", "start_date": '),
        map(attrgetter("timelinejs"), chunk.starts),
        map(attrgetter("timelinejs_end"), chunk.ends),
        repeat(', "display_date": "'),
        chunk.display,  # digits, letters, "c." and "–": nothing JSON escapes
        repeat('", "text": {"headline": "'),
        _escaped(chunk.headlines),
        repeat('", "text": "'),
        texts,
        repeat("<p>Sources ("),
        map(str, map(counts.__getitem__, chunk.pks)),
        repeat("):</p><ul>"),
        map(sources.get, chunk.pks, repeat("")),
        repeat('</ul><p><a href=\\"'),
        strict=False,  # the repeat() parts are endless
    )
    return list(map("".join, heads))


def _csv_rows(chunk: EventColumns, lines: dict[int, str], quotes: dict[int, str]) -> list[str]:
    """Each CSV row up to its permalink cell: what csv.writer (the excel dialect) would
    write. A cell may hold any character, so the permalink is glued on, not marked."""
    heads = zip(
        # Dates, labels, yes/no and display dates hold no , " or line break, and
        # never start like a formula (a digit, a letter, or "c.").
        map(attrgetter("iso"), chunk.starts),
        repeat(","),
        map(attrgetter("label"), chunk.starts),
        repeat(","),
        map(attrgetter("iso"), chunk.ends),
        repeat(","),
        map(attrgetter("label"), chunk.ends),
        repeat(","),
        chunk.circa,
        repeat(","),
        chunk.display,
        repeat(","),
        _cells(chunk.headlines),
        repeat(","),
        _cells(chunk.descriptions),
        repeat(","),
        _cells(map(lines.get, chunk.pks, repeat(""))),
        repeat(","),
        _cells(map(quotes.get, chunk.pks, repeat(""))),
        repeat(","),
        strict=False,  # the repeat() parts are endless
    )
    return list(map("".join, heads))


def render(timeline: Timeline, pks: list[int] | None = None) -> dict[int, tuple[str, str]]:
    """These events' (TimelineJS slide, CSV row) by pk, all the timeline's with None.
    TimelineJS renders texts as HTML: all escaped."""
    citations = cited(timeline, pks)
    items = _grouped(
        citations.firsts,
        "",
        _EVENT,
        repeat("<li>"),
        map(ESCAPED_LINE, citations.sources),
        repeat(": “"),
        _escaped(citations.quotes),
        repeat("”</li>"),
    )
    sources = citations.by_event(items)
    counts = Counter(citations.events)
    lines = _grouped(citations.firsts, "; ", _RAW_EVENT, map(LINE, citations.sources))
    quotes = _grouped(citations.firsts, " | ", _RAW_EVENT, citations.quotes)
    lines, quotes = citations.by_event(lines), citations.by_event(quotes)
    made = {}
    for chunk in event_columns(timeline, pks):
        pieces = zip(_slides(chunk, sources, counts), _csv_rows(chunk, lines, quotes), strict=True)
        made.update(zip(chunk.pks, pieces, strict=True))
    return made


def blocks(timeline: Timeline, piece: str) -> list[bytes]:
    """The timeline's stored blocks of one format in date order, with their permalink
    marks; those not current are made and stored.

    Two queries when every block is current; otherwise the versions of the events of
    the others, then their data (timeline/public/renderings.py says why that order is
    safe), then the writes.
    """
    # Making 50,000 events' rows leaves 100,000s of tuples and strings alive, none in
    # a cycle: the collector traversed them again and again (timeline/collector.py).
    with collector.paused():
        stored = renderings.read(timeline, piece)
        # Only spans left empty (their events deleted): nothing to make, blocks to delete.
        made = _made_blocks(timeline, stored) if stored.stale else {}
        if made or stored.emptied:
            renderings.store(timeline, made.values(), stored.emptied)
        current = stored.current | {number: getattr(block, piece) for number, block in made.items()}
        return [current[number] for number in sorted(current)]


def _made_blocks(timeline: Timeline, stored: renderings.Stored) -> dict[int, renderings.Block]:
    dated = renderings.events_outside(timeline, stored.current)
    rows = render(timeline, dated.pks if stored.current else None)
    spans = {}  # bucket: its events' indices in dated, in date order
    for i, number in enumerate(dated.buckets):
        spans.setdefault(number, []).append(i)
    made = {}
    for number, indices in spans.items():
        # Tagged with every version read, even of an event deleted since (its rows are
        # left out): the next export finds the checksum changed and makes it again.
        checksum = renderings.checksum([dated.versions[i] for i in indices])
        pks = [dated.pks[i] for i in indices if dated.pks[i] in rows]
        slides = [rows[pk][0] for pk in pks]
        lines = [rows[pk][1] for pk in pks]
        made[number] = renderings.Block(
            number,
            checksum,
            _marked(slides, pks, SLIDE_END, ", "),
            _marked(lines, pks, "\r\n", ""),
        )
    return made


def _marked(pieces: list[str], pks: list[int], end: str, between: str) -> bytes:
    """Each piece, its event's id between the permalink marks, the end: in UTF-8."""
    before, after, end = renderings.BEFORE_ID, renderings.AFTER_ID, end.encode()
    marked = [
        piece.encode() + before + str(pk).encode() + after + end
        for piece, pk in zip(pieces, pks, strict=True)
    ]
    return between.encode().join(marked)


def _document(
    opening: bytes, blocks: list[bytes], between: bytes, before: bytes, after: bytes, closing: bytes
) -> bytes:
    """``opening``, the blocks with each permalink's parts in place of their marks,
    ``between`` them, then ``closing``: one join."""
    parts = [opening]
    # (Empty: its events deleted while it was made; stored so, it is made again next time.)
    for block in filter(None, blocks):
        # A block at a time: it stays in the processor's cache from one pass to the next.
        parts += (
            block.replace(renderings.BEFORE_ID, before).replace(renderings.AFTER_ID, after),
            between,
        )
    if len(parts) > 1:
        parts.pop()  # nothing between the last block and the closing
    parts.append(closing)
    return b"".join(parts)


def timelinejs(timeline: Timeline, permalinks: Permalinks) -> bytes:
    """The TimelineJS3 JSON document in UTF-8: the title, then each stored slide with
    the reader's permalink and the slide's end."""
    title = {
        "text": {
            "headline": escape(timeline.title),
            "text": f"<p>{escape(timeline.description)}</p>",
        }
    }
    opening = ('{"title": ' + json.dumps(title, ensure_ascii=False) + ', "events": [').encode()
    before, after = (part.encode() for part in _escaped(list(permalinks)))
    return _document(opening, blocks(timeline, "timelinejs"), b", ", before, after, b"]}")


def _cells(values: Iterable[str]) -> list[str]:
    """Text cells as csv.writer writes them, behind a quote where a spreadsheet would
    run them as a formula.

    csv.writer copies each character in turn (45 ms for 10,000 events): here a
    column that needs no quoting is checked in one pass over its joined text,
    and only the cells that do are quoted.
    """
    values = list(values)
    if any(map(str.startswith, values, repeat(FORMULA_STARTS))):
        values = ["'" + value if value.startswith(FORMULA_STARTS) else value for value in values]
    joined = "".join(values)
    if "," in joined or '"' in joined or "\r" in joined or "\n" in joined:
        quoted = map(_NEEDS_QUOTES.search, values)
        values = [
            '"' + value.replace('"', '""') + '"' if quote else value
            for value, quote in zip(values, quoted, strict=True)
        ]
    return values


def _link_cell(permalinks: Permalinks) -> Permalinks:
    """The permalink cell around an event's id, as _cells writes the whole: the id's
    digits neither start a formula nor need quotes, so the rest decides both."""
    before, after = permalinks
    if before.startswith(FORMULA_STARTS):
        before = "'" + before
    if _NEEDS_QUOTES.search(before + after):
        before, after = '"' + before.replace('"', '""'), after.replace('"', '""') + '"'
    return Permalinks(before, after)


def csv_rows(timeline: Timeline, permalinks: Permalinks) -> bytes:
    """The CSV document in UTF-8, one header and a row an event: what csv.writer (the
    excel dialect) would write for the same rows."""
    header = io.StringIO()
    csv.writer(header).writerow(CSV_COLUMNS)
    before, after = (part.encode() for part in _link_cell(permalinks))
    return _document(header.getvalue().encode(), blocks(timeline, "csv"), b"", before, after, b"")
