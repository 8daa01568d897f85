"""On PostgreSQL, the date-order index sorts events without an end first, as DATE_ORDER does.

PostgreSQL's B-tree puts NULLs last unless told, so reading events in date order
through `event_date_order` sorted every group of same-day events again: at
50,000 events, the last page sorted them all. SQLite puts NULLs first already
and has no NULLS FIRST in an index, so there the index stays as declared.
"""

from django.db import migrations

COLUMNS = "timeline_id, date, \"precision\", end_date {nulls}, end_precision, id"


def rebuild(nulls: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("DROP INDEX event_date_order")
        columns = COLUMNS.format(nulls=nulls)
        schema_editor.execute(f"CREATE INDEX event_date_order ON timeline_event ({columns})")

    return run


class Migration(migrations.Migration):
    dependencies = [("timeline", "0011_search_documents")]

    operations = [migrations.RunPython(rebuild("NULLS FIRST"), rebuild(""))]
