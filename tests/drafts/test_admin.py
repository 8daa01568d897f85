"""Drafts and candidates in the admin: editors look, refresh and act through the services."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.drafts.test_drafts import REPORTS
from tests.factories import TimelineFactory
from timeline import services
from timeline.drafts.models import Candidate, CandidateState, Draft, DraftState
from timeline.drafts.refresh import refresh
from timeline.models import Event, ProposalState

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline(editor):
    timeline = TimelineFactory(slug="spill", title="Spill")
    for title, day, text in REPORTS:
        services.add_source(timeline=timeline, text=text, title=title, published=day, user=editor)
    refresh(timeline=timeline)
    return timeline


def blast(timeline) -> Candidate:
    return Candidate.objects.get(draft__timeline=timeline, date=date(2010, 4, 20))


def test_editors_see_drafts_and_candidates_with_their_sentences(editor_client, timeline):
    drafts = editor_client.get(reverse("admin:timeline_draft_changelist"))
    assert drafts.status_code == 200
    assert reverse("review:draft", args=[timeline.slug]) in drafts.content.decode()
    candidates = editor_client.get(reverse("admin:timeline_candidate_changelist"))
    assert blast(timeline).headline in candidates.content.decode()
    candidate = blast(timeline)
    change = editor_client.get(reverse("admin:timeline_candidate_change", args=[candidate.pk]))
    assert change.status_code == 200
    assert "Eleven workers were killed" in change.content.decode()
    # Built by refreshes, never typed in.
    assert editor_client.get(reverse("admin:timeline_candidate_add")).status_code == 403


def test_accept_action_makes_one_event_citing_every_source_and_undo_takes_it_back(
    editor_client, timeline
):
    url = reverse("admin:timeline_candidate_changelist")
    candidate = blast(timeline)
    editor_client.post(url, {"action": "accept_selected", "_selected_action": [candidate.pk]})
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.ACCEPTED
    assert candidate.reviewed_by == editor_client.editor
    assert candidate.event.citations.count() == 3
    editor_client.post(url, {"action": "undo_selected", "_selected_action": [candidate.pk]})
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.OPEN
    assert not Event.objects.exists()
    assert set(candidate.proposals.values_list("state", flat=True)) == {ProposalState.PENDING}


def test_acting_twice_on_a_candidate_says_so_and_changes_nothing(editor_client, timeline):
    url = reverse("admin:timeline_candidate_changelist")
    candidate = blast(timeline)
    editor_client.post(url, {"action": "reject_selected", "_selected_action": [candidate.pk]})
    response = editor_client.post(
        url, {"action": "accept_selected", "_selected_action": [candidate.pk]}, follow=True
    )
    assert f"{editor_client.editor.username} already rejected" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.REJECTED
    assert not Event.objects.exists()


def test_refresh_action_rebuilds_a_draft_left_refreshing(editor_client, timeline):
    Draft.objects.filter(timeline=timeline).update(state=DraftState.RUNNING)
    url = reverse("admin:timeline_draft_changelist")
    draft = Draft.objects.get(timeline=timeline)
    editor_client.post(url, {"action": "refresh_now", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    # The test settings run tasks at once.
    assert draft.state == DraftState.IDLE


def test_editors_edit_a_timelines_eras_in_the_admin(editor_client, timeline):
    response = editor_client.get(reverse("admin:timeline_timeline_change", args=[timeline.pk]))
    assert "eras-TOTAL_FORMS" in response.content.decode()
