from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import EventFactory, ProposalFactory, SourceFactory, UserFactory
from timeline import services
from timeline.drafts import services as drafts
from timeline.drafts.models import Candidate
from timeline.drafts.refresh import refresh

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def test_an_editor_marks_an_event_as_key_from_its_history_page_and_back(editor_client):
    event = EventFactory(headline="Deal signed")
    history = reverse("review:event_history", args=[event.pk])
    assert "Mark as key event" in editor_client.get(history).content.decode()
    response = editor_client.post(reverse("review:key", args=[event.pk]), {"is_key": "on"})
    assert response.status_code == 302 and response["Location"] == history
    event.refresh_from_db()
    assert event.is_key
    page = editor_client.get(history).content.decode()
    assert "Unmark as key event" in page and "Marked as a key event" in page
    assert event.history.first().history_user == editor_client.editor
    editor_client.post(reverse("review:key", args=[event.pk]))
    event.refresh_from_db()
    assert not event.is_key


def test_marking_a_key_event_refreshes_what_readers_see(editor_client):
    event = EventFactory(headline="Deal signed")
    reader, url = Client(), event.timeline.get_absolute_url()
    assert "Key event</strong>" not in reader.get(url).content.decode()
    assert reader.get(url)["X-Cache"] == "hit"
    editor_client.post(reverse("review:key", args=[event.pk]), {"is_key": "on"})
    assert "Key event</strong>" in reader.get(url).content.decode()


# --- the service ---------------------------------------------------------------------------


def test_set_key_events_saves_only_the_events_that_change_with_who_did_it(editor):
    already, plain = EventFactory(is_key=True), EventFactory()
    events = type(plain).objects.filter(pk__in=[already.pk, plain.pk])
    before = already.history.count()
    assert services.set_key_events(events=events, is_key=True, user=editor) == 1
    plain.refresh_from_db()
    assert plain.is_key and plain.history.first().history_user == editor
    assert already.history.count() == before  # nothing changed, nothing recorded
    assert services.set_key_events(events=events, is_key=False, user=editor) == 2


# --- on the source page: a reviewed proposal's event ----------------------------------------


@pytest.fixture
def confirmed(editor):
    proposal = ProposalFactory(source=SourceFactory())
    services.confirm(proposal=proposal, user=editor)
    proposal.refresh_from_db()
    return proposal


def test_the_source_page_offers_the_toggle_on_a_confirmed_proposal_only(editor_client, confirmed):
    pending = ProposalFactory(source=confirmed.source)
    page = editor_client.get(reverse("review:source", args=[confirmed.source_id])).content.decode()
    assert reverse("review:proposal_key", args=[confirmed.pk]) in page
    assert reverse("review:proposal_key", args=[pending.pk]) not in page
    assert page.count("Mark as key event") == 1


def test_plain_post_marks_the_proposals_event_as_key_and_returns_to_it(editor_client, confirmed):
    url = reverse("review:proposal_key", args=[confirmed.pk])
    response = editor_client.post(url, {"is_key": "on"})
    source_page = reverse("review:source", args=[confirmed.source_id])
    assert response.status_code == 302
    assert response["Location"] == f"{source_page}#proposal-{confirmed.pk}"
    confirmed.event.refresh_from_db()
    assert confirmed.event.is_key
    assert confirmed.event.history.first().history_user == editor_client.editor
    page = editor_client.get(response["Location"]).content.decode()
    assert "Marked as a key event" in page and "Unmark as key event" in page


def test_htmx_post_swaps_the_reviewed_proposal_with_its_new_state(editor_client, confirmed):
    confirmed.event.is_key = True
    confirmed.event.save()
    url = reverse("review:proposal_key", args=[confirmed.pk])
    response = editor_client.post(url, headers=HTMX)  # no is_key: unmark
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert html.lstrip().startswith(f'<li id="proposal-{confirmed.pk}" class="proposal confirmed"')
    assert "No longer a key event." in html and "Mark as key event" in html
    assert 'class="key-label"' not in html
    confirmed.event.refresh_from_db()
    assert not confirmed.event.is_key


def test_a_merged_proposal_marks_the_event_it_was_merged_into(editor_client, editor):
    event = EventFactory(headline="Tender won")
    proposal = ProposalFactory(source=SourceFactory(timeline=event.timeline))
    services.merge(proposal=proposal, event=event, user=editor)
    editor_client.post(reverse("review:proposal_key", args=[proposal.pk]), {"is_key": "on"})
    event.refresh_from_db()
    assert event.is_key


def test_a_proposal_without_an_event_has_nothing_to_mark(editor_client):
    proposal = ProposalFactory()
    url = reverse("review:proposal_key", args=[proposal.pk])
    response = editor_client.post(url, {"is_key": "on"}, headers=HTMX)
    assert response.status_code == 409
    assert "no event to mark" in response.content.decode()


# --- on the draft page: an accepted candidate's event ---------------------------------------


@pytest.fixture
def accepted(editor):
    source = SourceFactory()
    ProposalFactory(source=source)
    refresh(timeline=source.timeline)
    candidate = Candidate.objects.get()
    drafts.accept(candidate=candidate, user=editor, fingerprint=candidate.fingerprint)
    candidate.refresh_from_db()
    return candidate


def test_htmx_accept_shows_the_toggle_and_the_toggle_swaps_the_candidate(editor_client, accepted):
    url = reverse("review:candidate_key", args=[accepted.pk])
    undone = editor_client.post(reverse("review:candidate_undo", args=[accepted.pk]), headers=HTMX)
    assert url not in undone.content.decode()  # open again: no event yet
    candidate = Candidate.objects.get(pk=accepted.pk)
    response = editor_client.post(
        reverse("review:candidate_accept", args=[candidate.pk]),
        {"fingerprint": candidate.fingerprint},
        headers=HTMX,
    )
    assert url in response.content.decode() and "Mark as key event" in response.content.decode()
    candidate.refresh_from_db()
    response = editor_client.post(url, {"is_key": "on"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert html.lstrip().startswith(f'<li id="candidate-{candidate.pk}"')
    assert "Marked as a key event" in html and "Unmark as key event" in html
    assert 'class="key-label">Key event' in html
    candidate.event.refresh_from_db()
    assert candidate.event.is_key


def test_plain_post_on_a_candidate_marks_its_event_and_returns_to_the_draft(
    editor_client, accepted
):
    response = editor_client.post(
        reverse("review:candidate_key", args=[accepted.pk]), {"is_key": "on"}
    )
    draft_page = reverse("review:draft", args=[accepted.draft.timeline.slug])
    assert response.status_code == 302
    assert response["Location"] == f"{draft_page}#candidate-{accepted.pk}"
    accepted.event.refresh_from_db()
    assert accepted.event.is_key
    assert "Marked as a key event" in editor_client.get(response["Location"]).content.decode()


def test_an_open_candidate_has_nothing_to_mark(editor_client):
    source = SourceFactory()
    ProposalFactory(source=source)
    refresh(timeline=source.timeline)
    candidate = Candidate.objects.get()
    url = reverse("review:candidate_key", args=[candidate.pk])
    assert editor_client.post(url, {"is_key": "on"}, headers=HTMX).status_code == 409
    plain = editor_client.post(url, {"is_key": "on"}, follow=True)
    assert "no event to mark: accept it first" in plain.content.decode()


# --- who may ---------------------------------------------------------------------------------


def test_only_editors_may_mark_key_events_from_the_review_pages(client, confirmed, accepted):
    urls = [
        reverse("review:proposal_key", args=[confirmed.pk]),
        reverse("review:candidate_key", args=[accepted.pk]),
        reverse("review:key", args=[confirmed.event_id]),
    ]
    for url in urls:
        response = client.post(url, {"is_key": "on"})
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(UserFactory(username="reader"))
    for url in urls:
        assert client.post(url, {"is_key": "on"}).status_code == 403
        assert client.post(url, {"is_key": "on"}, headers=HTMX).status_code == 403
        assert client.get(url).status_code in (403, 405)
    confirmed.event.refresh_from_db()
    accepted.event.refresh_from_db()
    assert not confirmed.event.is_key and not accepted.event.is_key
