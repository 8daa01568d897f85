"""Absolute links for what leaves the site: feeds, share tags, embeds, oEmbed, the API."""

from __future__ import annotations

from django.http import HttpRequest


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)
