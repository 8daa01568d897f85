"""A covering index for the public page's searches by date range, on PostgreSQL only.

A filtered page counts the events of its years that match the words, by day, and
picks its hundred from them: every event of those years is read to test its search
document (migration 0012) against the words. From this index, which carries the
document and what the year filter reads (the end date), they are tested without
reading the table: at 50,000 events, 8,400 events of five years counted in 3.3 ms
instead of 7.6. Not the timeline-and-date index: carrying documents, its entries
are not deduplicated, and the year strip's counts read that one at a seventh of
the size. SQLite has no search documents.
"""

from django.db import migrations

INDEX = "event_search_by_date"


def add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX {INDEX} ON timeline_event (timeline_id, date) "
        "INCLUDE (end_date, id, search_document)"
    )


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0015_event_timeline_date")]

    operations = [migrations.RunPython(add, remove)]
