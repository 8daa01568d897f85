"""The read API, /api/v1/: public timelines and their events as JSON. GET only, open to any origin.

The same visibility rule as every page (Timeline.objects.visible_to), the same
filters as the page (EventFilterForm), described by openapi.py, which a test
checks against real responses.
"""

from __future__ import annotations

from datetime import date
from functools import wraps

from django.core.paginator import Paginator
from django.db.models import Count, Max, Min, Q
from django.db.models.functions import Coalesce
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from timeline.models import Era, Timeline
from timeline.periods import Period, Precision
from timeline.public.forms import EventFilterForm
from timeline.public.openapi import openapi_document
from timeline.public.views import visible_timeline
from timeline.public_cache import cached_for_readers
from timeline.site import absolute_url

API_PAGE_SIZE = 100


def cors_open(view):
    """Any site may read: set outside the cache, so cached answers carry it too."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


@cors_open
@require_safe
@cached_for_readers(query=())
def timelines(request: HttpRequest) -> JsonResponse:
    found = (
        Timeline.objects.visible_to(request.user)
        .annotate(event_count=Count("events"))
        .prefetch_related("eras")
        .order_by("title")
    )
    return JsonResponse({"timelines": [_timeline(request, t) for t in found]})


@cors_open
@require_safe
@cached_for_readers(query=())
def timeline_detail(request: HttpRequest, slug: str) -> JsonResponse:
    """One timeline: what it covers, how much, when it last changed, its eras, its links."""
    found = visible_timeline(request, slug)
    facts = found.events.aggregate(
        event_count=Count("pk"),
        key_event_count=Count("pk", filter=Q(is_key=True)),
        first=Min("date"),
        last=Max(Coalesce("end_date", "date")),
    )
    found.event_count = facts["event_count"]
    return JsonResponse(
        {
            **_timeline(request, found),
            "key_event_count": facts["key_event_count"],
            "span": _span(facts["first"], facts["last"]),
        }
    )


@cors_open
@require_safe
@cached_for_readers(query=("q", "start", "end", "key", "page"))
def events(request: HttpRequest, slug: str) -> JsonResponse:
    timeline = visible_timeline(request, slug)
    form = EventFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    found = form.filter(timeline.events.all()).in_date_order().with_sources()
    paginator = Paginator(found, API_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    here = absolute_url(request, request.path)

    def page_url(number: int) -> str:
        query = request.GET.copy()
        query["page"] = number
        return f"{here}?{query.urlencode()}"

    return JsonResponse(
        {
            "timeline": _timeline_ref(request, timeline),
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [_event(request, event) for event in page.object_list],
        }
    )


@cors_open
@require_safe
def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_document(absolute_url(request, "/api/v1")))


def _timeline_ref(request: HttpRequest, timeline: Timeline) -> dict:
    return {
        "slug": timeline.slug,
        "title": timeline.title,
        "url": absolute_url(request, timeline.get_absolute_url()),
    }


def _timeline(request: HttpRequest, timeline: Timeline) -> dict:
    return {
        **_timeline_ref(request, timeline),
        "description": timeline.description,
        "event_count": timeline.event_count,
        "updated": timeline.content_updated_at.isoformat(),
        "eras": [_era(era) for era in timeline.eras.all()],
        "api_url": absolute_url(request, reverse("public:api_timeline", args=[timeline.slug])),
        "events_url": absolute_url(request, reverse("public:api_events", args=[timeline.slug])),
        "feed_url": absolute_url(request, reverse("public:feed", args=[timeline.slug])),
    }


def _span(first: date | None, last: date | None) -> dict | None:
    """The years from the first event's start to the last one's end, as the page says them."""
    if first is None:
        return None
    start = date(first.year, 1, 1)
    end = date(last.year, 1, 1) if last.year != first.year else None
    period = Period(start, Precision.YEAR, end, Precision.YEAR if end else None)
    return _date(period, circa=False)


def _era(era: Era) -> dict:
    return {"title": era.title, "slug": era.slug, "colour": era.colour, "date": _date(era.period)}


def _date(period: Period, circa: bool = False) -> dict:
    start, _, end = period.iso.partition("/")
    return {
        "start": start,
        "precision": period.precision.label,
        "end": end or None,
        "end_precision": period.end_precision.label if period.end else None,
        "circa": circa,
        "edtf": period.edtf(circa=circa),
        "display": period.display(circa=circa),
    }


def _event(request: HttpRequest, event) -> dict:
    return {
        "id": event.pk,
        "headline": event.headline,
        "description": event.description,
        "key": event.is_key,
        "date": _date(event.period, circa=event.circa),
        "url": absolute_url(request, event.get_absolute_url()),
        "image": _image(request, event),
        "link": {"url": event.link_url, "title": event.link_title} if event.link_url else None,
        "sources": [
            {
                "title": citation.source.title,
                "publisher": citation.source.publisher,
                "url": citation.source.url or None,
                "published": citation.source.published.isoformat()
                if citation.source.published
                else None,
                "quote": citation.quote,
            }
            for citation in event.citations.all()
        ],
    }


def _image(request: HttpRequest, event) -> dict | None:
    if not event.image:
        return None
    return {
        "url": absolute_url(request, event.image.url),
        "width": event.image_width,
        "height": event.image_height,
        "alt": event.image_alt,
        "caption": event.image_caption,
        "credit": event.image_credit,
    }
