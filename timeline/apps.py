from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Timelines"

    def ready(self) -> None:
        from timeline import public_cache
        from timeline.editors import ensure_editors_group

        post_migrate.connect(ensure_editors_group, sender=self)
        # Whatever readers can see changed: every cached public page is stale.
        for name in ("Timeline", "Source", "Event", "Citation"):
            model = self.get_model(name)
            post_save.connect(public_cache.invalidate, sender=model, dispatch_uid=f"cache-{name}")
            post_delete.connect(
                public_cache.invalidate, sender=model, dispatch_uid=f"cache-d-{name}"
            )
