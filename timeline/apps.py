from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Timelines"

    def ready(self) -> None:
        from timeline import public_cache
        from timeline.editors import ensure_editors_group
        from timeline.public import renderings

        post_migrate.connect(ensure_editors_group, sender=self)
        public_cache.connect(self)
        renderings.connect(self)
