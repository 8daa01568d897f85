"""Caching what readers see: the public pages and exports, dropped when what they show changes.

Each cached response is filed under version stamps: one per timeline (its page,
permalinks and exports), one for the list of timelines, and one over everything.
A change replaces only the stamps of what it touches (now, and again when the
transaction commits), so those pages are stale at once and the rest stay hits.

A change readers can see also moves the timeline's ``content_updated_at``, the
"last updated" of its page and of the API: a deletion is a change like any
other, which no event's or citation's own timestamp can tell.

- a timeline saved or deleted: that timeline (under its old and new slug) and the list;
- an event or era saved or deleted: its timeline and the list (which counts events
  and lists eras, and says when each timeline was last updated);
- a citation saved or deleted: its event's timeline and the list;
- a source's shown details (title, publisher, URL, date) edited: the timelines whose
  events cite it, and the list; a new source cites nothing yet, and its other fields
  (text, kind, language) are not shown;
- proposals: nothing, readers never see them.

Only anonymous GETs with no session or message cookie are cached: anything
that can differ per person is rendered afresh. A cached response is keyed on
everything it depends on: the stamps, whether htmx asked for a fragment, the
path, the query parameters the view reads (others are dropped before the view
runs, so ``?utm_source=…`` makes no new entry), and the request's host only
where links are built from it (no ``TIMELINE_SITE_URL``, in development).

Invalidation rides on the models' save and delete signals, wired by
``connect()`` (called from the app's ``ready()``). ``QuerySet.update()``,
``bulk_create()`` and ``bulk_update()`` send no signals: a write path that
changes what readers see through them must call ``changed()`` itself.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone

from timeline.site import site_url

KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Vary")
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
EVERYTHING = "all"
TIMELINE_LIST = "list"


def _stamp_key(scope: str) -> str:
    return f"timeline:public:v:{scope}"


def timeline_scope(slug: str) -> str:
    return f"timeline:{slug}"


def current_versions(*scopes: str) -> list[str]:
    """The stamps of these scopes, in one round trip; a missing stamp is created."""
    keys = [_stamp_key(scope) for scope in (EVERYTHING, *scopes)]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            fresh = uuid.uuid4().hex
            cache.add(key, fresh, None)
            found[key] = cache.get(key) or fresh  # a dummy cache keeps nothing
    return [found[key] for key in keys]


def invalidate(*, slugs: Iterable[str] = (), timeline_list: bool = False) -> None:
    """Drop the cached pages of these timelines (and the list); with no arguments, all of them."""
    scopes = [timeline_scope(slug) for slug in set(slugs)]
    if timeline_list:
        scopes.append(TIMELINE_LIST)
    if not scopes:
        scopes = [EVERYTHING]

    def replace() -> None:
        cache.set_many({_stamp_key(scope): uuid.uuid4().hex for scope in scopes}, None)

    replace()
    # A request between this save and the commit could cache the old state again.
    transaction.on_commit(replace)


# --- what each change touches --------------------------------------------------------------

# What the public pages, exports and API show of a source (its text only through quotes).
SHOWN_SOURCE_FIELDS = ("title", "publisher", "url", "published")


def changed(*, also: Iterable[str] = (), raw: bool = False, **lookup) -> None:
    """Readers see something new in the timelines matching ``lookup``: their "last updated"
    moves, and their cached pages go (with the list's, and those of the slugs ``also``).

    ``raw`` is loaddata storing rows as they were: the dump carries each timeline's own
    "last updated", which a move to another database must not turn into today."""
    from timeline.models import Timeline

    slugs = set(Timeline.objects.filter(**lookup).values_list("slug", flat=True).distinct())
    if slugs and not raw:
        Timeline.objects.filter(slug__in=slugs).update(content_updated_at=timezone.now())
    if slugs or also:
        invalidate(slugs=slugs | set(also), timeline_list=True)


def _remember_slug(sender, instance, **kwargs) -> None:
    """A renamed timeline's old URL must stop serving its cached pages too."""
    instance._public_cache_old_slug = (
        sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        if instance.pk
        else None
    )


def _timeline_changed(sender, instance, raw=False, **kwargs) -> None:
    # Every field of a timeline is shown (whether it is public decides if it is seen at all).
    # A deleted timeline matches nothing: its address, and a renamed one's old address, go too.
    gone = {instance.slug, getattr(instance, "_public_cache_old_slug", None)} - {None}
    changed(pk=instance.pk, also=gone, raw=raw)


def _in_timeline_changed(sender, instance, raw=False, **kwargs) -> None:
    """An event or an era."""
    changed(pk=instance.timeline_id, raw=raw)


def _citation_changed(sender, instance, raw=False, **kwargs) -> None:
    changed(events__pk=instance.event_id, raw=raw)


def _remember_shown_source(sender, instance, **kwargs) -> None:
    """What readers saw of the source before this save, to tell whether it changes."""
    instance._public_cache_shown = (
        sender.objects.filter(pk=instance.pk).values(*SHOWN_SOURCE_FIELDS).first()
        if instance.pk
        else None
    )


def shown_source_changed(instance, *, created: bool) -> bool:
    """Whether a source's save (post_save) changed what readers see of it; the exports'
    stored renderings (timeline/public/renderings.py) ask it too."""
    if created:
        return False  # nothing cites a new source: readers cannot see it
    before = getattr(instance, "_public_cache_shown", None)
    # Not its text, kind or language: readers see none of them.
    return before != {name: getattr(instance, name) for name in SHOWN_SOURCE_FIELDS}


def _source_changed(sender, instance, created=False, raw=False, **kwargs) -> None:
    if shown_source_changed(instance, created=created):
        changed(events__citations__source_id=instance.pk, raw=raw)


def connect(app_config) -> None:
    """Wire invalidation to the saves and deletes of what readers see; proposals are not."""
    receivers = {
        "Timeline": _timeline_changed,
        "Event": _in_timeline_changed,
        "Era": _in_timeline_changed,
        "Citation": _citation_changed,
        "Source": _source_changed,
    }
    for name, receiver in receivers.items():
        model = app_config.get_model(name)
        post_save.connect(receiver, sender=model, dispatch_uid=f"cache-{name}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"cache-d-{name}")
    timeline = app_config.get_model("Timeline")
    pre_save.connect(_remember_slug, sender=timeline, dispatch_uid="cache-slug")
    source = app_config.get_model("Source")
    pre_save.connect(_remember_shown_source, sender=source, dispatch_uid="cache-source")


# --- serving -------------------------------------------------------------------------------


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method in {"GET", "HEAD"}
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and not request.user.is_authenticated
    )


def _keep_only(request: HttpRequest, params: tuple[str, ...]) -> str:
    """Drop the query parameters the view does not read; return the canonical query."""
    kept = QueryDict(mutable=True)
    for name in sorted(set(params) & set(request.GET)):
        kept.setlist(name, request.GET.getlist(name))
    query = kept.urlencode()
    kept._mutable = False
    request.GET = kept
    request.META["QUERY_STRING"] = query
    return query


def _cache_key(request: HttpRequest, query: str, slug: str | None) -> str:
    scopes = (timeline_scope(slug),) if slug else (TIMELINE_LIST,)
    versions = ":".join(current_versions(*scopes))
    kind = "htmx" if request.headers.get("HX-Request") == "true" else "page"
    # Without a configured site URL, links are built from the request's host.
    origin = "" if site_url() else f"{request.scheme}://{request.get_host()}"
    where = hashlib.sha256(f"{origin}{request.path}?{query}".encode()).hexdigest()
    return f"timeline:public:{versions}:{kind}:{where}"


def _store(key: str, content: bytes, headers: dict) -> None:
    cache.set(key, (200, content, headers), settings.TIMELINE_CACHE_SECONDS)


def _stored_when_done(chunks: Iterable[bytes], key: str, headers: dict):
    """Pass a streamed export on as it is made; cache it once it is whole."""
    parts = []
    for chunk in chunks:
        parts.append(chunk)
        yield chunk
    _store(key, b"".join(parts), headers)


def cached_for_readers(view: Callable | None = None, *, query: Iterable[str] | None = None):
    """Cache a public view for readers, filed under its timeline (the ``slug`` URL argument).

    ``query`` names the parameters the view reads (``()``: none); any others are
    removed from the request before the view runs. A view that does not say
    (bare ``@cached_for_readers``) is cached only when asked without a query
    string, so a parameter it does read is never ignored.
    """
    params = None if query is None else tuple(query)

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not _cacheable(request) or (params is None and request.META.get("QUERY_STRING")):
                return view(request, *args, **kwargs)
            key = _cache_key(request, _keep_only(request, params or ()), kwargs.get("slug"))
            stored = cache.get(key)
            if stored is not None:
                status, content, headers = stored
                response = HttpResponse(content, status=status)
                for name, value in headers.items():
                    response[name] = value
                response["X-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if response.status_code != 200:
                return response
            headers = {h: response[h] for h in KEPT_HEADERS if h in response}
            if response.streaming:
                response.streaming_content = _stored_when_done(
                    response.streaming_content, key, headers
                )
            else:
                _store(key, response.content, headers)
            response["X-Cache"] = "miss"
            return response

        return wrapper

    return decorate(view) if view is not None else decorate
