from django.urls import path

from timeline.review import draft, events, history, views

app_name = "review"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("sources/add/", views.add_source, name="add"),
    path("sources/<int:pk>/", views.review_source, name="source"),
    path("sources/<int:pk>/published/", views.set_published, name="published"),
    path("sources/<int:pk>/reading/", views.set_reading, name="reading"),
    path("sources/<int:pk>/extract/", views.retry_extraction, name="retry"),
    path("sources/<int:pk>/extraction/", views.extraction_status, name="extraction"),
    path("proposals/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("proposals/<int:pk>/edit/", views.edit, name="edit"),
    path("proposals/<int:pk>/merge/", views.merge, name="merge"),
    path("proposals/<int:pk>/reject/", views.reject, name="reject"),
    path("proposals/<int:pk>/undo/", views.undo, name="undo"),
    path("proposals/<int:pk>/key/", views.set_key, name="proposal_key"),
    path("events/<int:pk>/history/", history.event_history, name="event_history"),
    path("timelines/<slug:slug>/draft/", draft.draft, name="draft"),
    path("timelines/<slug:slug>/draft/refresh/", draft.refresh_draft, name="draft_refresh"),
    path("timelines/<slug:slug>/draft/status/", draft.draft_status, name="draft_status"),
    path("candidates/<int:pk>/accept/", draft.accept, name="candidate_accept"),
    path("candidates/<int:pk>/edit/", draft.edit, name="candidate_edit"),
    path("candidates/<int:pk>/reject/", draft.reject, name="candidate_reject"),
    path("candidates/<int:pk>/split/", draft.split, name="candidate_split"),
    path("candidates/<int:pk>/undo/", draft.undo, name="candidate_undo"),
    path("candidates/<int:pk>/key/", draft.set_key, name="candidate_key"),
    path("events/<int:pk>/key/", events.set_key, name="key"),
]
