from django.urls import path

from timeline.review import views

urlpatterns = [
    path("", views.queue, name="review_queue"),
    path("sources/add/", views.add_source, name="review_add"),
    path("sources/<int:pk>/", views.review_source, name="review_source"),
    path("sources/<int:pk>/published/", views.set_published, name="review_published"),
    path("sources/<int:pk>/extract/", views.retry_extraction, name="review_retry"),
    path("sources/<int:pk>/extraction/", views.extraction_status, name="review_extraction"),
    path("proposals/<int:pk>/confirm/", views.confirm, name="review_confirm"),
    path("proposals/<int:pk>/edit/", views.edit, name="review_edit"),
    path("proposals/<int:pk>/merge/", views.merge, name="review_merge"),
    path("proposals/<int:pk>/reject/", views.reject, name="review_reject"),
    path("proposals/<int:pk>/undo/", views.undo, name="review_undo"),
    path("events/<int:pk>/history/", views.event_history, name="review_event_history"),
]
