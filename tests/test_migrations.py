"""Migrations that change data: what an existing install holds survives them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("timeline", "0005_drafts")]
AFTER = [("timeline", "0007_citation_checks")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_citations_without_offsets_get_them_from_their_quote():
    apps = migrate(BEFORE)
    Timeline = apps.get_model("timeline", "Timeline")
    Source = apps.get_model("timeline", "Source")
    Event = apps.get_model("timeline", "Event")
    Citation = apps.get_model("timeline", "Citation")
    timeline = Timeline.objects.create(title="T", slug="t")
    text = "Intro. The tender was cancelled in 2015. Outro."
    source = Source.objects.create(timeline=timeline, title="S", text=text, content_hash="x")
    event = Event.objects.create(
        timeline=timeline, headline="Cancelled", date="2015-01-01", precision=1
    )
    quote = "The tender was cancelled in 2015."
    citation = Citation.objects.create(event=event, source=source, quote=quote)
    try:
        apps = migrate(AFTER)
        placed = apps.get_model("timeline", "Citation").objects.get(pk=citation.pk)
        assert (placed.start, placed.end) == (text.index(quote), text.index(quote) + len(quote))
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())  # back to the latest


# Made by hand in migrations (a column order, NULLS FIRST or INCLUDE the ORM cannot say):
# Django does not know them, so a later migration that rebuilds the table (SQLite remakes
# it for many a field change) would drop them without a word, and the pages and exports
# would quietly read every row again.
HAND_MADE_INDEXES = {
    "sqlite": {"timeline_event": {"event_render_order"}},
    "postgresql": {
        "timeline_event": {
            "event_date_order_nulls_first",
            "event_render_order",
            "event_search_by_date",
            "timeline_event_search",
        },
        "timeline_citation": {"timeline_citation_search"},
    },
}


@pytest.mark.django_db
def test_the_indexes_made_by_hand_are_still_there():
    with connection.cursor() as cursor:
        for table, names in HAND_MADE_INDEXES[connection.vendor].items():
            found = connection.introspection.get_constraints(cursor, table)
            assert names <= set(found), (table, names - set(found))


@pytest.mark.django_db
def test_the_exports_blocks_are_stored_uncompressed_on_postgresql():
    """Set by hand in migration 0017: a later AlterField rewriting the columns would drop it."""
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL column storage")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute "
            "WHERE attrelid = 'timeline_renderingblock'::regclass "
            "AND attname IN ('timelinejs', 'csv')"
        )
        assert dict(cursor.fetchall()) == {"timelinejs": "e", "csv": "e"}
