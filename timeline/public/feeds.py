"""An Atom feed per timeline: the newest confirmed events first, for readers' feed readers."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from timeline.models import Timeline

FEED_LENGTH = 50


class TimelineFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug: str) -> Timeline:
        return get_object_or_404(Timeline.objects.visible_to(request.user), slug=slug)

    def title(self, timeline: Timeline) -> str:
        return f"{timeline.title}: new events"

    def link(self, timeline: Timeline) -> str:
        return timeline.get_absolute_url()

    def subtitle(self, timeline: Timeline) -> str:
        return timeline.description

    def items(self, timeline: Timeline):
        # Newly confirmed first: the order a subscriber wants, not the timeline's.
        return timeline.events.select_related("timeline").order_by("-created_at", "-id")[
            :FEED_LENGTH
        ]

    def item_title(self, event) -> str:
        return f"{event.headline} ({event.date_display})"

    def item_description(self, event) -> str:
        return event.description or event.headline

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_link(self, event) -> str:
        return event.get_absolute_url()
