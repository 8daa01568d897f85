from django.contrib import admin
from django.urls import include, path

from timeline import accounts, health

urlpatterns = [
    path("", include("timeline.public.urls")),
    path("review/", include("timeline.review.urls")),
    path("accounts/", include(accounts.password_reset_urls)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("health/", health.health, name="health"),
    path("admin/", admin.site.urls),
]

# A paste too large to read still gets the add-source form and its limit.
handler400 = "timeline.review.views.bad_request"
