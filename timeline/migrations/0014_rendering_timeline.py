"""Each stored rendering carries its event's timeline, so an export reads them by it
alone, and the format of the code that made it, so a release that renders rows
otherwise makes them again (timeline/public/renderings.py). The renderings stored
so far are dropped: a cache, they are made again by the next export of each timeline."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0013_event_renderings"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM timeline_eventrendering", migrations.RunSQL.noop),
        migrations.AddField(
            model_name="eventrendering",
            name="timeline",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="timeline.timeline",
                verbose_name="timeline",
            ),
        ),
        migrations.AddField(
            model_name="eventrendering",
            name="format",
            field=models.PositiveSmallIntegerField(
                help_text="renderings.FORMAT when it was made.",
                verbose_name="made by rendering format",
            ),
        ),
    ]
