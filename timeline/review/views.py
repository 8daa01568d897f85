"""Editors' pages under /review/: the queue, adding a source, reviewing its proposals.

Every view checks the editor permission itself, fragments included, because
an htmx endpoint can be requested directly. Each action is a plain POST that
redirects back; under htmx it answers with the pieces of the page that changed.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRefresh

from timeline import services
from timeline.editors import editor_required, is_editor
from timeline.htmx import HtmxHttpRequest
from timeline.ingest.documents import DocumentError
from timeline.models import ExtractionState, Proposal, ProposalState, Source, Timeline
from timeline.review import events
from timeline.review.forms import (
    AddSourceForm,
    ConfirmForm,
    MergeForm,
    PublishedForm,
    ReadingForm,
)
from timeline.review.page import proposal_context, source_context

PAGE = "timeline/review/source.html"


# --- queue and sources -------------------------------------------------------------------


@require_GET
@editor_required
def queue(request: HttpRequest) -> HttpResponse:
    unfinished = (
        Source.objects.exclude(extraction_state=ExtractionState.DONE)
        .select_related("timeline")
        .order_by("added_at", "id")
    )
    sources = (
        Source.objects.select_related("timeline", "added_by")
        .annotate(
            pending=Count("proposals", filter=Q(proposals__state=ProposalState.PENDING)),
            reviewed=Count("proposals", filter=~Q(proposals__state=ProposalState.PENDING)),
        )
        .filter(pending__gt=0)
        .order_by("added_at", "id")
    )
    context = {"sources": sources, "unfinished": unfinished}
    return render(request, "timeline/review/queue.html", context)


@require_http_methods(["GET", "POST"])
@editor_required
def add_source(request: HttpRequest) -> HttpResponse:
    initial = {}
    if timeline := Timeline.objects.filter(slug=request.GET.get("timeline")).first():
        initial["timeline"] = timeline
    form = AddSourceForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method != "POST" or not form.is_valid():
        status = 422 if form.errors else 200
        return render(request, "timeline/review/add.html", {"form": form}, status=status)
    fetching = "fetch" in request.POST
    if form.cleaned_data["url"] and (fetching or not _has_text(form)):
        try:
            data = form.fetched_data()
        except DocumentError as error:
            form.add_error("url", str(error))
            return render(request, "timeline/review/add.html", {"form": form}, status=422)
        form = AddSourceForm(data)
        if fetching or not form.is_valid():
            # The editor checks what was fetched (the date above all), then adds it.
            return render(request, "timeline/review/add.html", {"form": form, "fetched": True})
    document = form.document()
    added = services.add_source(
        timeline=form.cleaned_data["timeline"],
        text=document.text,
        title=document.title or _("Untitled source"),
        published=document.published,
        url=document.url,
        publisher=document.publisher,
        author=document.author,
        user=request.user,
    )
    if added.created and added.source.extraction_state == ExtractionState.DONE:
        messages.success(
            request,
            _("Source added: %(count)s dated events proposed.") % {"count": added.proposals},
        )
    elif added.created:
        messages.info(request, _("Source added; its dates are being read."))
    else:
        messages.info(request, _("This text is already a source of this timeline: here it is."))
    return redirect("review:source", pk=added.source.pk)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400. A paste too large for Django to read at all still gets the add form
    and the limit, not a bare 400; every other bad request gets Django's page."""
    if (
        isinstance(exception, RequestDataTooBig)
        and request.path == reverse("review:add")
        and is_editor(request.user)
    ):
        form = AddSourceForm()
        too_big = _("The text is longer than the limit of %(limit)s bytes.") % {
            "limit": settings.TIMELINE_MAX_SOURCE_BYTES
        }
        context = {"form": form, "too_big": too_big}
        return render(request, "timeline/review/add.html", context, status=413)
    return defaults.bad_request(request, exception)


def _has_text(form: AddSourceForm) -> bool:
    return bool(form.cleaned_data.get("file") or form.cleaned_data.get("text", "").strip())


@require_GET
@editor_required
def review_source(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source.objects.select_related("timeline"), pk=pk)
    editing = request.GET.get("edit")
    pending_only = request.GET.get("show") == "pending"
    return render(request, PAGE, source_context(source, editing=editing, pending_only=pending_only))


@require_POST
@editor_required
def set_published(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    form = PublishedForm(request.POST)
    if not form.is_valid():
        context = source_context(source, published_form=form)
        return render(request, PAGE, context, status=422)
    services.set_publication_date(
        source=source, published=form.cleaned_data["published"], user=request.user
    )
    messages.success(
        request,
        _("Publication date saved; dates re-read for pending proposals, reviewed ones kept."),
    )
    return redirect("review:source", pk=source.pk)


@require_POST
@editor_required
def set_reading(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    form = ReadingForm(request.POST, source=source)
    if not form.is_valid():
        return render(request, PAGE, source_context(source, reading_form=form), status=422)
    services.set_reading(
        source=source,
        kind=form.cleaned_data["kind"],
        language=form.cleaned_data["language"],
        user=request.user,
    )
    messages.success(request, _("Saved; dates re-read for pending proposals, reviewed ones kept."))
    return redirect("review:source", pk=source.pk)


@require_POST
@editor_required
def retry_extraction(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    services.schedule_extraction(source=source)
    messages.info(request, _("Extraction scheduled again."))
    return redirect("review:source", pk=source.pk)


@require_GET
@editor_required
@vary_on_headers("HX-Request")
def extraction_status(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Polled while extraction waits or runs; reloads the page once it is over or stuck."""
    source = get_object_or_404(Source, pk=pk)
    if request.htmx and not source.awaits_extraction:
        return HttpResponseClientRefresh()
    return render(request, f"{PAGE}#extraction", {"source": source})


# --- proposals ---------------------------------------------------------------------------


def _proposal(pk: int) -> Proposal:
    return get_object_or_404(Proposal.objects.select_related("source__timeline"), pk=pk)


def _after_action(request: HtmxHttpRequest, proposal: Proposal, status: int = 200, forms=None):
    """htmx: the proposal, its highlight and the counts, in one response. Otherwise: back."""
    if not request.htmx:
        url = reverse("review:source", args=[proposal.source_id])
        if forms:
            # The form with its errors, in the whole page, so nothing typed is lost.
            context = source_context(proposal.source, forms=forms)
            return render(request, PAGE, context, status=status)
        return redirect(f"{url}#proposal-{proposal.pk}")
    context = proposal_context(proposal, forms=forms)
    context["message_list"] = list(messages.get_messages(request))
    current = context["row"].proposal
    html = render_to_string(f"{PAGE}#proposal", context, request)
    html += render_to_string(
        f"{PAGE}#mark",
        {"proposal": current, "text": current.mention_text, "oob": True},
        request,
    )
    html += render_to_string(f"{PAGE}#counts", {**context, "oob": True}, request)
    return HttpResponse(html, status=status)


def _review(request: HttpRequest, pk: int, action) -> HttpResponse:
    proposal = _proposal(pk)
    try:
        done = action(proposal)
    except services.AlreadyReviewed as error:
        messages.error(request, str(error))
        return _after_action(request, proposal, status=409)
    except services.ReviewError as error:
        messages.error(request, str(error))
        return _after_action(request, proposal, status=422)
    if done:
        messages.success(request, done)
    return _after_action(request, proposal)


@require_POST
@editor_required
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(pk)
    edits = {}
    if any(key.startswith(f"p{pk}-") for key in request.POST):
        form = ConfirmForm.for_proposal(proposal, data=request.POST)
        if not form.is_valid():
            return _after_action(request, proposal, status=422, forms={proposal.pk: form})
        data = form.cleaned_data
        edits = {
            "headline": data["headline"],
            "description": data["description"],
            "period": data["period"],
            "circa": data["circa"],
        }

    def act(p):
        event = services.confirm(proposal=p, user=request.user, **edits)
        return _("Confirmed: “%(headline)s” (%(date)s).") % {
            "headline": event.headline,
            "date": event.date_display,
        }

    return _review(request, pk, act)


@require_GET
@editor_required
@vary_on_headers("HX-Request")
def edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(pk)
    if not request.htmx:
        url = reverse("review:source", args=[proposal.source_id])
        return redirect(f"{url}?edit={proposal.pk}#proposal-{proposal.pk}")
    context = proposal_context(proposal, editing=proposal.pk)
    return render(request, f"{PAGE}#proposal", context)


@require_POST
@editor_required
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(pk)
    form = MergeForm(request.POST, timeline_id=proposal.source.timeline_id)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["event"]))
        return _after_action(request, proposal, status=422)
    event = form.cleaned_data["event"]

    def act(p):
        services.merge(proposal=p, event=event, user=request.user)
        return _("Merged into “%(headline)s”.") % {"headline": event.headline}

    return _review(request, pk, act)


@require_POST
@editor_required
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, lambda p: services.reject(proposal=p, user=request.user))


@require_POST
@editor_required
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    def act(p):
        services.undo(proposal=p, user=request.user)
        return _("Undone: the proposal is pending again.")

    return _review(request, pk, act)


@require_POST
@editor_required
def set_key(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the event a reviewed proposal went to as key (or not); the proposal stays in view."""
    proposal = _proposal(pk)
    if proposal.event_id is None:
        messages.error(request, _("This proposal has no event to mark: confirm it first."))
        return _after_action(request, proposal, status=409)
    events.set_key_from_form(request, proposal.event_id)
    return _after_action(request, proposal)
