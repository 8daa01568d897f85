"""Each stored rendering carries its event's timeline, so an export reads them by it
alone (timeline/public/renderings.py). The renderings stored so far are dropped: a
cache, they are made again by the next export of each timeline."""

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
    ]
