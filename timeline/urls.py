from django.contrib import admin
from django.urls import include, path

from timeline import review, views

review_patterns = [
    path("", review.queue, name="review_queue"),
    path("sources/add/", review.add_source, name="review_add"),
    path("sources/<int:pk>/", review.review_source, name="review_source"),
    path("sources/<int:pk>/published/", review.set_published, name="review_published"),
    path("sources/<int:pk>/extract/", review.retry_extraction, name="review_retry"),
    path("sources/<int:pk>/extraction/", review.extraction_status, name="review_extraction"),
    path("proposals/<int:pk>/confirm/", review.confirm, name="review_confirm"),
    path("proposals/<int:pk>/edit/", review.edit, name="review_edit"),
    path("proposals/<int:pk>/merge/", review.merge, name="review_merge"),
    path("proposals/<int:pk>/reject/", review.reject, name="review_reject"),
    path("proposals/<int:pk>/undo/", review.undo, name="review_undo"),
    path("events/<int:pk>/history/", review.event_history, name="review_event_history"),
]

urlpatterns = [
    path("", views.timeline_list, name="timeline_list"),
    path("timelines/<slug:slug>/", views.timeline_detail, name="timeline"),
    path("timelines/<slug:slug>/events/<int:pk>/", views.event_detail, name="event"),
    path(
        "timelines/<slug:slug>/timelinejs.json", views.timelinejs_export, name="timelinejs_export"
    ),
    path("timelines/<slug:slug>/events.csv", views.csv_export, name="csv_export"),
    path("review/", include(review_patterns)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("health/", views.health, name="health"),
    path("admin/", admin.site.urls),
]
