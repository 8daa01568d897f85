# Citations get offsets where they had none, before 0007 requires them.

from django.db import migrations, models


def locate_quotes(apps, schema_editor):
    """Offsets become required: find each quote without them in its source's text.

    A live citation whose quote is not in its source cannot be placed; migrating
    stops and names it, to be fixed in the admin, rather than invent offsets.
    History rows are records of the past: where their quote is not found they get 0, 0.
    """
    Citation = apps.get_model("timeline", "Citation")
    unplaced = []
    for citation in Citation.objects.filter(models.Q(start=None) | models.Q(end=None)):
        found = citation.source.text.find(citation.quote) if citation.quote else -1
        if found < 0:
            unplaced.append(citation.pk)
            continue
        citation.start, citation.end = found, found + len(citation.quote)
        citation.save(update_fields=["start", "end"])
    if unplaced:
        raise RuntimeError(
            f"Citations {unplaced} quote text that is not in their source: correct the "
            "quote or delete the citation in the admin, then migrate again."
        )
    History = apps.get_model("timeline", "HistoricalCitation")
    Source = apps.get_model("timeline", "Source")
    for record in History.objects.filter(models.Q(start=None) | models.Q(end=None)):
        text = Source.objects.filter(pk=record.source_id).values_list("text", flat=True).first()
        found = text.find(record.quote) if text and record.quote else -1
        record.start, record.end = (found, found + len(record.quote)) if found >= 0 else (0, 0)
        record.save(update_fields=["start", "end"])


class Migration(migrations.Migration):
    """Data first, in a migration of its own: PostgreSQL will not alter a table with
    updates pending in the same transaction."""

    dependencies = [
        ('timeline', '0005_drafts'),
    ]

    operations = [
        migrations.RunPython(locate_quotes, migrations.RunPython.noop),
    ]
