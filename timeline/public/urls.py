from django.urls import path
from django.views.decorators.http import require_safe

from timeline.public import api, embed, feeds, views
from timeline.public_cache import cached_for_readers

app_name = "public"

urlpatterns = [
    path("", views.timeline_list, name="timeline_list"),
    path("timelines/<slug:slug>/", views.timeline_detail, name="timeline"),
    path("timelines/<slug:slug>/events/<int:pk>/", views.event_detail, name="event"),
    path(
        "timelines/<slug:slug>/timelinejs.json", views.timelinejs_export, name="timelinejs_export"
    ),
    path("timelines/<slug:slug>/events.csv", views.csv_export, name="csv_export"),
    path("timelines/<slug:slug>/share.png", views.share_image, name="share_image"),
    path(
        "timelines/<slug:slug>/feed/",
        require_safe(cached_for_readers(feeds.TimelineFeed(), query=())),
        name="feed",
    ),
    path("timelines/<slug:slug>/embed/", embed.embed, name="embed"),
    path("oembed/", embed.oembed, name="oembed"),
    path("api/v1/timelines/", api.timelines, name="api_timelines"),
    path("api/v1/timelines/<slug:slug>/", api.timeline_detail, name="api_timeline"),
    path("api/v1/timelines/<slug:slug>/events/", api.events, name="api_events"),
    path("api/v1/openapi.json", api.openapi, name="api_openapi"),
]
