"""Caching what readers see: the public pages and exports, dropped on every change.

One version stamp covers all public content. Any save or delete of a timeline,
source, event or citation replaces it (now, and again when the transaction
commits), so every cached page is stale at once and none is served again.
Only anonymous GETs with no session or message cookie are cached: anything
that can differ per person is rendered afresh.

Invalidation rides on the models' save and delete signals, wired by
``connect()`` (called from the app's ``ready()``). ``QuerySet.update()``,
``bulk_create()`` and ``bulk_update()`` send no signals: a write path that
changes what readers see through them must call ``invalidate()`` itself.
"""

from __future__ import annotations

import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse

VERSION_KEY = "timeline:public-version"
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Vary")
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def invalidate(**kwargs) -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    # A request between this save and the commit could cache the old state again.
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, None))


# What readers see is made of these models; proposals are never shown to them.
READER_VISIBLE_MODELS = ("Timeline", "Source", "Event", "Citation")


def connect(app_config) -> None:
    """Drop the public cache whenever a model readers see is saved or deleted."""
    for name in READER_VISIBLE_MODELS:
        model = app_config.get_model(name)
        post_save.connect(invalidate, sender=model, dispatch_uid=f"cache-{name}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"cache-d-{name}")


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method in {"GET", "HEAD"}
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and not request.user.is_authenticated
    )


def cached_for_readers(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        htmx = "htmx" if request.headers.get("HX-Request") == "true" else "page"
        key = f"timeline:public:{current_version()}:{htmx}:{request.get_full_path()}"
        stored = cache.get(key)
        if stored is not None:
            status, content, headers = stored
            response = HttpResponse(content, status=status)
            for name, value in headers.items():
                response[name] = value
            response["X-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            headers = {h: response[h] for h in KEPT_HEADERS if h in response}
            cache.set(key, (200, response.content, headers), settings.TIMELINE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
        return response

    return wrapper
