"""Public pages: what readers who never log in see. Confirmed events of public timelines only."""

from __future__ import annotations

from datetime import date

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from timeline.htmx import HtmxHttpRequest
from timeline.models import REVERSE_DATE_ORDER, Timeline
from timeline.public import exports, sharing
from timeline.public.axis import axis
from timeline.public.forms import EventFilterForm
from timeline.public.overview import CHART_HEIGHT, overview, year_overview
from timeline.public.shown import page_rows
from timeline.public_cache import cached_for_readers
from timeline.site import absolute_url

EVENTS_PER_PAGE = 100


def visible_timeline(request: HttpRequest, slug: str) -> Timeline:
    return get_object_or_404(Timeline.objects.visible_to(request.user), slug=slug)


@require_safe
@cached_for_readers(query=())
def timeline_list(request: HttpRequest) -> HttpResponse:
    timelines = Timeline.objects.public().annotate(event_count=Count("events"))
    return render(request, "timeline/public/timeline_list.html", {"timelines": timelines})


@require_safe
@cached_for_readers(query=("q", "start", "end", "key", "page"))
@vary_on_headers("HX-Request")
def timeline_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    timeline = visible_timeline(request, slug)
    form = EventFilterForm(request.GET or None)
    events = form.filter(timeline.events.all())
    eras = list(timeline.eras.all())
    top = overview(
        timeline,
        events,
        eras,
        EVENTS_PER_PAGE,
        filtered=form.is_filtering,
        searched=form.is_searching,
    )
    paginator = Paginator(events.in_date_order(), EVENTS_PER_PAGE)
    # The overview already counted them: spare the database a second count.
    paginator.count = sum(bar.count for bar in top.bars)
    page = paginator.get_page(_page_number(request, paginator))
    entries = page_axis(page, eras, timeline, top.bars)
    template_name = "timeline/public/timeline_detail.html"
    if request.htmx:
        template_name += "#results"
    context = {
        "timeline": timeline,
        "form": form,
        "page": page,
        "axis": entries,
        "overview": top.bars,
        "eras": top.eras,
        "facts": top.facts,
        "chart_height": CHART_HEIGHT,
    }
    if not request.htmx:
        context["share"] = sharing.timeline_share(request, timeline)
        context["structured_data"] = sharing.structured_data(request, timeline, entries)
    return render(request, template_name, context)


def page_axis(page, eras, timeline: Timeline, years=()) -> list:
    """The page's events on the axis, with what each cites (read as plain rows, one query).

    The events are picked by pk in the date index alone, then read: a deep page skips
    thousands of events in the index, never in the table (at 50,000 events the last
    page read every row before it). `years`, the overview's bars for these events,
    let the pick start at the page's year.
    """
    shown, cited = page_rows(page_pks(page, years))
    return axis(shown, eras, permalinks(timeline), cited, ends_timeline=not page.has_next())


def page_pks(page, years=()):
    """The pks of the page's events, picked where the date index skips the fewest.

    Counting from the first event, page 250 of 500 stepped over 24,900 index entries.
    `years` (how many of the events start in each year, in order) say how many come
    before the page's first year and up to the end of its last: the pick seeks the
    first of January of the one and counts on from there, or seeks the last day of
    the other and counts back, in reverse date order, whichever skips fewer. Without
    them the timeline's ends are those bounds (the last page then skips none).
    Whoever reads the pks puts them back in date order.
    """
    events = page.paginator.object_list
    skipped, stop = max(page.start_index() - 1, 0), page.end_index()
    first_year, before = None, 0  # the page's first event's year; events before it
    last_year, through = None, page.paginator.count  # its last's; events up to its end
    counted = 0
    for year in years:
        if first_year is None and counted + year.count > skipped:
            first_year, before = year.year, counted
        counted += year.count
        if counted >= stop:
            last_year, through = year.year, counted
            break
    if through - stop < skipped - before:
        if last_year is not None:
            events = events.filter(date__lte=date(last_year, 12, 31))
        backwards = events.order_by(*REVERSE_DATE_ORDER).values("pk")
        return backwards[through - stop : through - skipped]
    if first_year is not None:
        events = events.filter(date__gte=date(first_year, 1, 1))
    return events.values("pk")[skipped - before : stop - before]


def _page_number(request: HttpRequest, paginator: Paginator) -> str | int | None:
    """`?page=last` is the page with the latest events: what "Latest" links to."""
    number = request.GET.get("page")
    return paginator.num_pages if number == "last" else number


@require_safe
@cached_for_readers(query=())
def event_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    timeline = visible_timeline(request, slug)
    event = get_object_or_404(timeline.events.with_sources(), pk=pk)
    previous, following = timeline.events.neighbours(event)
    context = {
        "timeline": timeline,
        "event": event,
        "previous": previous,
        "next": following,
        "share": sharing.event_share(request, timeline, event),
    }
    return render(request, "timeline/public/event_detail.html", context)


@require_safe
@cached_for_readers(query=())
def share_image(request: HttpRequest, slug: str) -> HttpResponse:
    """The picture a shared link shows: the title over the overview strip."""
    timeline = visible_timeline(request, slug)
    bars = year_overview(timeline.events.all(), EVENTS_PER_PAGE)
    return HttpResponse(sharing.share_image(timeline, bars), content_type="image/png")


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    # Made whole, not streamed: so it is cached for the next reader as it goes out.
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@cached_for_readers(query=())
def timelinejs_export(request: HttpRequest, slug: str) -> HttpResponse:
    timeline = visible_timeline(request, slug)
    return _download(
        exports.timelinejs(timeline, permalinks(timeline, request)),
        "application/json; charset=utf-8",
        f"{timeline.slug}-timelinejs.json",
    )


@require_safe
@cached_for_readers(query=())
def csv_export(request: HttpRequest, slug: str) -> HttpResponse:
    timeline = visible_timeline(request, slug)
    return _download(
        exports.csv_rows(timeline, permalinks(timeline, request)),
        "text/csv; charset=utf-8",
        f"{timeline.slug}-events.csv",
    )


def permalinks(timeline: Timeline, request: HttpRequest | None = None) -> exports.Permalinks:
    """Event URLs by pk, absolute given the request; reverse() once, since per row it
    costs more than the row."""
    marker = "999999999"
    pattern = reverse("public:event", args=[timeline.slug, marker])
    if request is not None:
        pattern = absolute_url(request, pattern)
    # The last one: a slug may hold the marker's digits too.
    before, _, after = pattern.rpartition(marker)
    return exports.Permalinks(before, after)
