"""Full-text search documents, stored and GIN-indexed, on PostgreSQL only.

Each event's headline and description, and each citation's quote, parsed into
words once, when the row is written: PostgreSQL computes these generated
columns itself, so every write path (save, bulk_create, update) keeps them
current. Parsed per search instead, 50,000 events and their quotes took
seconds. The models do not declare them, so no other query reads them;
`SearchDocument` in models.py names them. (A column a generated column reads
cannot change type while it exists: such a migration drops and re-adds it.)
SQLite has neither tsvector nor GIN, and searches with icontains.
"""

from django.db import migrations

COLUMNS = [
    (
        "timeline_event",
        "to_tsvector('english'::regconfig, coalesce(headline, '') || ' ' || coalesce(description, ''))",
    ),
    ("timeline_citation", "to_tsvector('english'::regconfig, coalesce(quote, ''))"),
]


def add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, document in COLUMNS:
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_document tsvector "
            f"GENERATED ALWAYS AS ({document}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {table}_search ON {table} USING gin (search_document)")


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, _ in COLUMNS:
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN search_document")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0011_event_page_indexes")]

    operations = [migrations.RunPython(add, remove)]
