"""The draft page: a timeline reconstructed from all its sources, for editors to review.

/review/timelines/<slug>/draft/ lists the stored candidates (salience or date
order, filtered); each action is a plain POST that redirects back, or under
htmx re-renders the candidate it acted on. A stale draft is refreshed as a task.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRefresh

from timeline import services
from timeline.drafts import services as drafts
from timeline.drafts.models import Candidate, Draft, DraftState
from timeline.drafts.refresh import pending_signature, schedule
from timeline.editors import editor_required
from timeline.htmx import HtmxHttpRequest
from timeline.models import Proposal, Timeline
from timeline.periods import iso, last_day
from timeline.review import events
from timeline.review.forms import ConfirmForm, PeriodField

PAGE = "timeline/review/draft.html"
PER_PAGE = 50


class DraftFilterForm(forms.Form):
    start = PeriodField(label=gettext_lazy("From"), required=False)
    end = PeriodField(label=gettext_lazy("To"), required=False)
    min_sources = forms.IntegerField(
        label=gettext_lazy("At least sources"), min_value=1, required=False
    )
    q = forms.CharField(label=gettext_lazy("Words"), required=False, max_length=200)
    order = forms.ChoiceField(
        label=gettext_lazy("Order"),
        choices=[("salience", gettext_lazy("salience")), ("date", gettext_lazy("date"))],
        required=False,
    )

    def filter(self, candidates):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("start"):
            candidates = candidates.filter(date__gte=data["start"][0])
        if data.get("end"):
            candidates = candidates.filter(date__lte=last_day(*data["end"]))
        if data.get("min_sources"):
            candidates = candidates.filter(source_count__gte=data["min_sources"])
        for word in (data.get("q") or "").split():
            quoted = Proposal.objects.filter(candidates=OuterRef("pk"), sentence__icontains=word)
            candidates = candidates.filter(Q(headline__icontains=word) | Exists(quoted))
        if data.get("order") == "date":
            return candidates.in_date_order()
        return candidates.in_salience_order()


def accept_form(candidate: Candidate, data=None) -> ConfirmForm:
    period, initial = candidate.period, {"headline": candidate.headline}
    if period is not None:
        initial["date"] = iso(period.start, period.precision)
        if period.end:
            initial["end"] = iso(period.end, period.end_precision)
    return ConfirmForm(data=data, initial=initial, prefix=f"c{candidate.pk}")


def draft_context(timeline: Timeline, request: HttpRequest, **extra) -> dict:
    draft, _ = Draft.objects.get_or_create(timeline=timeline)
    signature = pending_signature(timeline)
    stale = draft.is_stale(*signature)
    if stale and not draft.is_refreshing and draft.state != DraftState.FAILED:
        draft = schedule(timeline=timeline)  # the immediate backend rebuilds it right here
        stale = draft.is_stale(*pending_signature(timeline))
    form = DraftFilterForm(request.GET)
    placed = form.filter(draft.candidates.open().placed().select_related("match"))
    page = Paginator(placed, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "timeline": timeline,
        "draft": draft,
        "stale": stale,
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "unplaced": list(draft.candidates.open().unplaced().order_by("-score", "id")[:PER_PAGE]),
        **extra,
    }


@require_GET
@editor_required
@vary_on_headers("HX-Request")
def draft(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    timeline = get_object_or_404(Timeline, slug=slug)
    editing = request.GET.get("edit")
    context = draft_context(timeline, request)
    candidate = Candidate.objects.filter(pk=editing or 0, draft=context["draft"]).first()
    if candidate:
        context.update(editing=candidate.pk, edit_form=accept_form(candidate))
    template = PAGE
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


@require_GET
@editor_required
@vary_on_headers("HX-Request")
def draft_status(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Polled while a refresh waits or runs."""
    timeline = get_object_or_404(Timeline, slug=slug)
    draft, _ = Draft.objects.get_or_create(timeline=timeline)
    if request.htmx and not draft.is_refreshing:
        return HttpResponseClientRefresh()
    return render(request, f"{PAGE}#status", {"timeline": timeline, "draft": draft})


@require_POST
@editor_required
def refresh_draft(request: HttpRequest, slug: str) -> HttpResponse:
    timeline = get_object_or_404(Timeline, slug=slug)
    draft = schedule(timeline=timeline, force=True)
    if draft.state == DraftState.IDLE:
        messages.success(request, _("Draft refreshed."))
    else:
        messages.info(request, _("Refreshing the draft; this page updates when it is done."))
    return redirect("review:draft", slug=timeline.slug)


# --- candidates --------------------------------------------------------------------------


def _candidate(pk: int) -> Candidate:
    return get_object_or_404(
        Candidate.objects.select_related("draft__timeline", "match", "event", "reviewed_by"),
        pk=pk,
    )


def _after(request: HtmxHttpRequest, candidate: Candidate, status: int = 200, form=None):
    """htmx: the candidate again, with the message. Otherwise: back to it on the page."""
    url = reverse("review:draft", args=[candidate.draft.timeline.slug])
    if not request.htmx:
        if form:
            # The form with its errors, in the whole page, so nothing typed is lost.
            extra = {"editing": candidate.pk, "edit_form": form}
            context = draft_context(candidate.draft.timeline, request, **extra)
            return render(request, PAGE, context, status=status)
        return redirect(f"{url}#candidate-{candidate.pk}")
    candidate = _candidate(candidate.pk)
    context = {
        "candidate": candidate,
        "timeline": candidate.draft.timeline,
        "editing": candidate.pk if form else None,
        "edit_form": form,
        "message_list": list(messages.get_messages(request)),
    }
    return render(request, f"{PAGE}#candidate", context, status=status)


def _act(request: HttpRequest, pk: int, action) -> HttpResponse:
    candidate = _candidate(pk)
    try:
        done = action(candidate)
    except services.AlreadyReviewed as error:
        messages.error(request, str(error))
        return _after(request, candidate, status=409)
    except drafts.CandidateChanged as error:
        messages.error(request, str(error))
        return _after(request, candidate, status=409)
    except services.ReviewError as error:
        messages.error(request, str(error))
        return _after(request, candidate, status=422)
    messages.success(request, done)
    return _after(request, candidate)


@require_POST
@editor_required
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = _candidate(pk)
    edits = {}
    if any(key.startswith(f"c{pk}-") for key in request.POST):
        form = accept_form(candidate, data=request.POST)
        if not form.is_valid():
            return _after(request, candidate, status=422, form=form)
        data = form.cleaned_data
        edits = {k: data[k] for k in ("headline", "description", "period", "circa")}

    def act(c):
        event = drafts.accept(
            candidate=c, user=request.user, fingerprint=request.POST.get("fingerprint"), **edits
        )
        return _("Accepted: “%(headline)s” (%(date)s), %(count)s citations.") % {
            "headline": event.headline,
            "date": event.date_display,
            "count": event.citations.count(),
        }

    return _act(request, pk, act)


@require_GET
@editor_required
@vary_on_headers("HX-Request")
def edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    candidate = _candidate(pk)
    if not request.htmx:
        url = reverse("review:draft", args=[candidate.draft.timeline.slug])
        return redirect(f"{url}?edit={candidate.pk}#candidate-{candidate.pk}")
    context = {
        "candidate": candidate,
        "timeline": candidate.draft.timeline,
        "editing": candidate.pk,
        "edit_form": accept_form(candidate),
    }
    return render(request, f"{PAGE}#candidate", context)


@require_POST
@editor_required
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    def act(c):
        count = drafts.reject(
            candidate=c, user=request.user, fingerprint=request.POST.get("fingerprint")
        )
        return _("Rejected %(count)s proposals.") % {"count": count}

    return _act(request, pk, act)


@require_POST
@editor_required
def split(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = Proposal.objects.filter(pk=request.POST.get("proposal") or 0).first()
    if proposal is None:
        candidate = _candidate(pk)
        messages.error(request, _("Choose the sentence to take out."))
        return _after(request, candidate, status=422)

    def act(c):
        alone = drafts.split(
            candidate=c,
            proposal=proposal,
            user=request.user,
            fingerprint=request.POST.get("fingerprint"),
        )
        return _("Split off: “%(headline)s” is a candidate of its own.") % {
            "headline": alone.headline
        }

    return _act(request, pk, act)


@require_POST
@editor_required
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = _candidate(pk)
    try:
        shown = drafts.undo(candidate=candidate, user=request.user)
    except services.ReviewError as error:
        messages.error(request, str(error))
        return _after(request, candidate, status=422)
    messages.success(request, _("Undone."))
    return _after(request, shown)


@require_POST
@editor_required
def set_key(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the event an accepted candidate became as key (or not); the candidate stays in view."""
    candidate = _candidate(pk)
    if candidate.event_id is None:
        messages.error(request, _("This candidate has no event to mark: accept it first."))
        return _after(request, candidate, status=409)
    events.set_key_from_form(request, candidate.event_id)
    return _after(request, candidate)
