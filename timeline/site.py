"""The site's own address, for the absolute links readers take elsewhere (permalinks, feeds).

Built from ``TIMELINE_SITE_URL`` where it is set, as it must be in production:
a link built from the request's ``Host`` header carries whatever port or name a
client sent, and a cached page would hand it to every later reader. Only in
development, with no site URL, is the request's own address used.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.http import HttpRequest


def site_url() -> str:
    return settings.TIMELINE_SITE_URL.rstrip("/")


def absolute_url(request: HttpRequest, path: str) -> str:
    """`path` (from reverse() or get_absolute_url()) as an absolute URL.

    A URL that already is one (an image in an S3 bucket) is returned as it is."""
    if urlsplit(path).scheme:
        return path
    return site_url() + path if site_url() else request.build_absolute_uri(path)


@register(Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs) -> list[Warning]:
    if site_url() or settings.DEBUG:
        return []
    return [
        Warning(
            "TIMELINE_SITE_URL is not set: absolute links are built from the request's Host.",
            hint="Set TIMELINE_SITE_URL to the site's public address, e.g. https://timeline.example.org",
            id="timeline.W001",
        )
    ]
