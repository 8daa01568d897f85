import mimetypes

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.decorators.http import require_safe

from timeline import accounts, health


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(static("timeline/favicon.svg"), permanent=True)


urlpatterns = [
    path("", include("timeline.public.urls")),
    path("review/", include("timeline.review.urls")),
    path("accounts/", include(accounts.password_reset_urls)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("health/", health.health, name="health"),
    # Browsers ask for /favicon.ico on pages without a <link rel="icon"> (the admin).
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
]

# A paste too large to read still gets the add-source form and its limit.
handler400 = "timeline.review.views.bad_request"


@require_safe
def media(request: HttpRequest, path: str) -> FileResponse:
    """Uploaded images, re-encoded by timeline.images; a web server or S3 can serve them instead.

    Read through the storage API, as they were written: whichever storage holds them."""
    try:
        file = default_storage.open(path)
    except (OSError, SuspiciousFileOperation):
        raise Http404 from None
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return FileResponse(file, content_type=content_type)


if settings.TIMELINE_SERVE_MEDIA:
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", media))
