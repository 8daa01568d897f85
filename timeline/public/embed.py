"""The embed a newsroom puts in an article (an iframe), and the oEmbed endpoint CMSs ask for it.

The embed is the only page another site may frame: its CSP frame-ancestors
comes from TIMELINE_EMBED_FRAME_ANCESTORS, while every other page keeps
'none' and X-Frame-Options DENY. Both are set outside the readers' cache, so
a cached embed is framed by the same rule.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit
from xml.etree import ElementTree

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.http import require_safe

from timeline.public.api import cors_open
from timeline.public.forms import EventFilterForm
from timeline.public.sharing import embed_snippet
from timeline.public.views import EVENTS_PER_PAGE, page_axis, visible_timeline
from timeline.public_cache import cached_for_readers
from timeline.site import absolute_url

OEMBED_WIDTH, OEMBED_HEIGHT = 640, 600
OEMBED_FORMATS = ("json", "xml")


def frameable(view):
    """Let the sites in TIMELINE_EMBED_FRAME_ANCESTORS frame this view, and only this view."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response._csp_config = {
            **settings.SECURE_CSP,
            "frame-ancestors": settings.TIMELINE_EMBED_FRAME_ANCESTORS,
        }
        response.xframe_options_exempt = True
        return response

    return wrapper


def _page_of(events, pk: int) -> int | None:
    """The page (in date order) the event `pk` is on, or None if the filters leave it out."""
    event = events.filter(pk=pk).only("pk", "date").first()
    before = events.position(event) if event else None
    return None if before is None else before // EVENTS_PER_PAGE + 1


@frameable
@require_safe
@cached_for_readers(query=("q", "start", "end", "key", "page", "event"))
def embed(request: HttpRequest, slug: str) -> HttpResponse:
    timeline = visible_timeline(request, slug)
    form = EventFilterForm(request.GET or None)
    events = form.filter(timeline.events.all())
    target = request.GET.get("event", "")
    number = request.GET.get("page")
    if target.isdigit():
        number = _page_of(events, int(target)) or number
    page = Paginator(events.in_date_order(), EVENTS_PER_PAGE).get_page(number)
    eras = list(timeline.eras.all())
    context = {
        "timeline": timeline,
        "form": form,
        "page": page,
        "axis": page_axis(page, eras, timeline),
        "target": int(target) if target.isdigit() else None,
        "link_target": "_blank",
        "canonical_url": absolute_url(request, timeline.get_absolute_url()),
    }
    return render(request, "timeline/public/embed.html", context)


@cors_open
@require_safe
@cached_for_readers(query=("url", "format", "maxwidth", "maxheight"))
def oembed(request: HttpRequest) -> HttpResponse:
    """oEmbed 1.0 (rich type) for a timeline's or an event's URL on this site, in JSON or XML."""
    answer_format = request.GET.get("format") or "json"
    if answer_format not in OEMBED_FORMATS:
        # The spec's answer to a format the provider does not speak (section 2.3).
        return HttpResponse(
            "Only format=json and format=xml are supported.",
            status=501,
            content_type="text/plain; charset=utf-8",
        )
    try:
        match = resolve(urlsplit(request.GET.get("url", "")).path)
    except Resolver404:
        raise Http404("Not a timeline or event URL of this site.") from None
    if match.view_name not in {"public:timeline", "public:event", "public:embed"}:
        raise Http404("Not a timeline or event URL of this site.")
    timeline = visible_timeline(request, match.kwargs["slug"])
    event = None
    if match.view_name == "public:event":
        event = timeline.events.filter(pk=match.kwargs["pk"]).first()
        if event is None:
            raise Http404("No such event.")
    width = _bounded(request.GET.get("maxwidth"), OEMBED_WIDTH)
    height = _bounded(request.GET.get("maxheight"), OEMBED_HEIGHT)
    answer = {
        "version": "1.0",
        "type": "rich",
        "provider_name": "Timelines",
        "provider_url": absolute_url(request, reverse("public:timeline_list")),
        "title": f"{event.headline} · {timeline.title}" if event else timeline.title,
        "html": embed_snippet(request, timeline, event=event, height=height),
        "width": width,
        "height": height,
        "cache_age": settings.TIMELINE_CACHE_SECONDS,
    }
    if answer_format == "xml":
        return HttpResponse(oembed_xml(answer), content_type="text/xml; charset=utf-8")
    return JsonResponse(answer)


def oembed_xml(answer: dict) -> bytes:
    """The XML form of an oEmbed answer (spec section 2.3): an <oembed> root element
    holding one element per field, its value as text (the html field escaped, not parsed)."""
    root = ElementTree.Element("oembed")
    for name, value in answer.items():
        ElementTree.SubElement(root, name).text = str(value)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _bounded(value: str | None, default: int) -> int:
    return min(int(value), default) if value and value.isdigit() and int(value) > 0 else default
