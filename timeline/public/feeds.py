"""An Atom feed per timeline: the newest confirmed events first, for readers' feed readers."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from timeline.models import Timeline
from timeline.site import absolute_url

FEED_LENGTH = 50


class TimelineFeed(Feed):
    """Every link is absolute from timeline.site (TIMELINE_SITE_URL), never from the Host
    header: the syndication framework would otherwise build them from the request, and a
    cached feed would hand a forged host to every later reader."""

    feed_type = Atom1Feed

    def get_object(self, request, slug: str) -> Timeline:
        timeline = get_object_or_404(Timeline.objects.visible_to(request.user), slug=slug)
        # The feed object is shared by every request; the timeline is this request's own.
        timeline.site_root = absolute_url(request, "/").removesuffix("/")
        return timeline

    def title(self, timeline: Timeline) -> str:
        return f"{timeline.title}: new events"

    def link(self, timeline: Timeline) -> str:
        return timeline.site_root + timeline.get_absolute_url()

    def feed_url(self, timeline: Timeline) -> str:
        return timeline.site_root + reverse("public:feed", args=[timeline.slug])

    def subtitle(self, timeline: Timeline) -> str:
        return timeline.description

    def items(self, timeline: Timeline):
        # Newly confirmed first: the order a subscriber wants, not the timeline's. Through
        # the timeline's own manager, so each event's timeline is this one (and its root).
        return timeline.events.order_by("-created_at", "-id")[:FEED_LENGTH]

    def item_title(self, event) -> str:
        return f"{event.headline} ({event.date_display})"

    def item_description(self, event) -> str:
        return event.description or event.headline

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_link(self, event) -> str:
        return event.timeline.site_root + event.get_absolute_url()
