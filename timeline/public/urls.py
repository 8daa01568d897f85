from django.urls import path

from timeline.public import views

app_name = "public"

urlpatterns = [
    path("", views.timeline_list, name="timeline_list"),
    path("timelines/<slug:slug>/", views.timeline_detail, name="timeline"),
    path("timelines/<slug:slug>/events/<int:pk>/", views.event_detail, name="event"),
    path(
        "timelines/<slug:slug>/timelinejs.json", views.timelinejs_export, name="timelinejs_export"
    ),
    path("timelines/<slug:slug>/events.csv", views.csv_export, name="csv_export"),
]
