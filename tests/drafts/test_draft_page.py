"""The draft page: editors only, filters, htmx fragments with plain fallbacks, constant queries."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import SourceFactory, TimelineFactory, UserFactory
from timeline.drafts.models import Candidate, Draft
from timeline.drafts.refresh import refresh
from timeline.models import Event, Proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline():
    return TimelineFactory(slug="spill", title="Spill")


def proposals(timeline, count: int, start: date = date(2010, 4, 1)):
    """`count` sources, each with one pending proposal three days from the next one's."""
    for n in range(count):
        day = date.fromordinal(start.toordinal() + 3 * n)
        sentence = f"Inspectors {start:%b} {n} reported finding zebra{n} quagga{n} leaks."
        source = SourceFactory(timeline=timeline, text=sentence, published=day)
        proposal = Proposal(
            source=source,
            mention_text="Tuesday",
            mention_start=0,
            mention_end=7,
            value=day.isoformat(),
            sentence=sentence,
            sentence_start=0,
            sentence_end=len(sentence),
            headline=f"Inspectors found leak {n}",
            confidence=0.8,
        )
        proposal.date, proposal.precision = day, 3
        proposal.save()


def url(timeline, **query):
    base = reverse("review:draft", args=[timeline.slug])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_only_editors_see_the_draft(client, timeline):
    assert client.get(url(timeline)).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url(timeline)).status_code == 403
    assert client.get(url(timeline), headers={"HX-Request": "true"}).status_code == 403


def test_a_stale_draft_is_refreshed_on_view_and_shows_when(editor_client, timeline):
    proposals(timeline, 3)
    response = editor_client.get(url(timeline))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Last refreshed" in page and "Candidate events" in page
    assert Draft.objects.get(timeline=timeline).candidates.count() == 3


def test_filters_by_date_sources_and_words_and_orders_by_date(editor_client, timeline):
    proposals(timeline, 5)
    refresh(timeline=timeline)
    page = editor_client.get(url(timeline, start="2010-04-04", end="2010-04-07")).content.decode()
    assert "Inspectors found leak 1" in page and "Inspectors found leak 2" in page
    assert "Inspectors found leak 0" not in page and "Inspectors found leak 3" not in page
    page = editor_client.get(url(timeline, q="quagga4")).content.decode()
    assert "Inspectors found leak 4" in page and "Inspectors found leak 0" not in page
    assert (
        "Inspectors found leak"
        not in editor_client.get(url(timeline, min_sources=2)).content.decode()
    )
    page = editor_client.get(url(timeline, order="date")).content.decode()
    assert page.index("leak 0") < page.index("leak 4")


def test_htmx_gets_the_results_fragment_only(editor_client, timeline):
    proposals(timeline, 2)
    refresh(timeline=timeline)
    response = editor_client.get(url(timeline, q="zebra1"), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="results">') and "<html" not in html
    assert response["Vary"] and "HX-Request" in response["Vary"]


def test_plain_post_accepts_and_redirects_back_htmx_returns_the_candidate(editor_client, timeline):
    proposals(timeline, 2)
    refresh(timeline=timeline)
    first, second = Candidate.objects.order_by("date")
    response = editor_client.post(
        reverse("review:candidate_accept", args=[first.pk]), {"fingerprint": first.fingerprint}
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#candidate-{first.pk}")
    response = editor_client.post(
        reverse("review:candidate_reject", args=[second.pk]),
        {"fingerprint": second.fingerprint},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and f'id="candidate-{second.pk}"' in html
    assert "Rejected 1 proposals" in html and "Undo" in html
    assert Event.objects.count() == 1


def test_edit_then_accept_with_a_bad_date_keeps_what_was_typed(editor_client, timeline):
    proposals(timeline, 1)
    refresh(timeline=timeline)
    candidate = Candidate.objects.get()
    accept = reverse("review:candidate_accept", args=[candidate.pk])
    prefix = f"c{candidate.pk}-"
    data = {"fingerprint": candidate.fingerprint, prefix + "headline": "Leak found",
            prefix + "date": "2010-02-30"}  # fmt: skip
    response = editor_client.post(accept, data)
    assert response.status_code == 422
    assert "Leak found" in response.content.decode()
    data[prefix + "date"] = "2010-04"
    editor_client.post(accept, data)
    event = Event.objects.get()
    assert (event.headline, event.date_display) == ("Leak found", "April 2010")


def test_query_count_does_not_grow_with_the_candidates_shown(editor_client, timeline):
    proposals(timeline, 3)
    refresh(timeline=timeline)
    editor_client.get(url(timeline))
    with CaptureQueriesContext(connection) as few:
        editor_client.get(url(timeline))
    proposals(timeline, 40, start=date(2010, 6, 1))
    refresh(timeline=timeline)
    editor_client.get(url(timeline))
    with CaptureQueriesContext(connection) as many:
        editor_client.get(url(timeline))
    assert len(many) == len(few)


def test_refresh_now_rebuilds_even_a_draft_left_refreshing_by_a_dead_worker(
    editor_client, timeline
):
    proposals(timeline, 2)
    refresh(timeline=timeline)
    Draft.objects.filter(timeline=timeline).update(state="running", progress=20)
    page = editor_client.get(url(timeline)).content.decode()
    assert "Refreshing the draft" in page and "Refresh now" in page
    response = editor_client.post(reverse("review:draft_refresh", args=[timeline.slug]))
    assert response.status_code == 302
    draft = Draft.objects.get(timeline=timeline)
    assert draft.state == "idle" and draft.progress == 100


def test_status_is_polled_while_refreshing_and_reloads_the_page_when_done(editor_client, timeline):
    refresh(timeline=timeline)
    status = reverse("review:draft_status", args=[timeline.slug])
    Draft.objects.filter(timeline=timeline).update(state="running", progress=60)
    response = editor_client.get(status, headers={"HX-Request": "true"})
    assert 'value="60"' in response.content.decode() and "every 2s" in response.content.decode()
    Draft.objects.filter(timeline=timeline).update(state="idle")
    response = editor_client.get(status, headers={"HX-Request": "true"})
    assert response["HX-Refresh"] == "true"
