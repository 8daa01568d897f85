"""Drafts: candidates built from pending proposals, and what editors do with them."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import EditorFactory, EventFactory, TimelineFactory
from timeline import services
from timeline.drafts import services as drafts
from timeline.drafts.models import Candidate, CandidateState, Draft
from timeline.drafts.refresh import refresh
from timeline.models import Citation, Event, Proposal, ProposalState
from timeline.periods import Precision

pytestmark = pytest.mark.django_db

REPORTS = [
    ("Wire one", date(2010, 4, 21), "An explosion on the Deepwater Horizon rig killed eleven "
     "workers on Tuesday off Louisiana."),
    ("Wire two", date(2010, 4, 22), "Eleven workers were killed when the Deepwater Horizon rig "
     "exploded off Louisiana on April 20."),
    ("Paper three", date(2010, 5, 2), "The Deepwater Horizon rig explosion on April 20 killed "
     "eleven workers off Louisiana. Senators questioned Halliburton executives about cementing "
     "on April 30."),
]  # fmt: skip


@pytest.fixture
def timeline():
    return TimelineFactory(slug="spill", title="Spill")


@pytest.fixture
def sources(timeline, editor):
    return [
        services.add_source(
            timeline=timeline, text=text, title=title, published=day, user=editor
        ).source
        for title, day, text in REPORTS
    ]


def blast(timeline) -> Candidate:
    return Candidate.objects.get(draft__timeline=timeline, date=date(2010, 4, 20))


def test_refresh_groups_the_same_happening_from_every_source_into_one_candidate(timeline, sources):
    draft = refresh(timeline=timeline)
    candidate = blast(timeline)
    assert candidate.source_count == 3
    assert candidate.proposals.count() == 3
    assert candidate.precision == Precision.DAY
    assert "…" not in candidate.headline
    assert draft.refreshed_at is not None
    assert draft.candidates.filter(date=date(2010, 4, 30)).count() == 1
    # the strongest first
    assert draft.candidates.in_salience_order().first() == candidate


def test_accepting_makes_one_event_with_one_citation_per_proposal_on_the_public_page(
    client, timeline, sources, editor
):
    refresh(timeline=timeline)
    candidate = blast(timeline)
    event = drafts.accept(candidate=candidate, user=editor, fingerprint=candidate.fingerprint)
    assert Event.objects.count() == 1
    assert event.citations.count() == 3
    states = sorted(Proposal.objects.filter(candidates=candidate).values_list("state", flat=True))
    assert states == ["confirmed", "merged", "merged"]
    page = client.get(reverse("public:timeline", args=[timeline.slug])).content.decode()
    assert event.headline in page and page.count("<blockquote") >= 3


def test_second_editor_accepting_the_same_candidate_gets_a_409_naming_who(
    client, timeline, sources, editor
):
    refresh(timeline=timeline)
    candidate = blast(timeline)
    url = reverse("review:candidate_accept", args=[candidate.pk])
    data = {"fingerprint": candidate.fingerprint}
    client.force_login(editor)
    assert client.post(url, data).status_code == 302
    other = EditorFactory(username="ayse")
    client.force_login(other)
    response = client.post(url, data, headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert f"{editor.get_username()} already accepted this candidate" in response.content.decode()
    assert Event.objects.count() == 1


def test_a_candidate_whose_proposals_changed_is_refused_and_nothing_is_written(
    timeline, sources, editor
):
    refresh(timeline=timeline)
    candidate = blast(timeline)
    seen = candidate.fingerprint
    # someone reviews one of its proposals on the source's page meanwhile
    services.reject(proposal=candidate.proposals.first(), user=editor)
    with pytest.raises(drafts.CandidateChanged, match="changed since the draft was built"):
        drafts.accept(candidate=candidate, user=editor, fingerprint=seen)
    assert not Event.objects.exists()
    assert Proposal.objects.filter(state=ProposalState.MERGED).count() == 0
    # and a page drawn before a regrouping
    refresh(timeline=timeline)
    with pytest.raises(drafts.CandidateChanged, match="since the page was drawn"):
        drafts.accept(candidate=blast(timeline), user=editor, fingerprint=seen)


def test_a_candidate_matching_a_confirmed_event_adds_citations_to_it(timeline, sources, editor):
    event = EventFactory(
        timeline=timeline,
        headline="Deepwater Horizon rig explosion killed eleven workers",
        date=date(2010, 4, 20),
        precision=Precision.DAY,
    )
    refresh(timeline=timeline)
    candidate = blast(timeline)
    assert candidate.match == event
    accepted = drafts.accept(candidate=candidate, user=editor, fingerprint=candidate.fingerprint)
    assert accepted == event and Event.objects.count() == 1
    assert Citation.objects.filter(event=event).count() == 3


def test_reject_rejects_every_proposal_and_undo_brings_them_back(timeline, sources, editor):
    refresh(timeline=timeline)
    candidate = blast(timeline)
    assert drafts.reject(candidate=candidate, user=editor) == 3
    assert set(candidate.proposals.values_list("state", flat=True)) == {"rejected"}
    drafts.undo(candidate=candidate, user=editor)
    assert set(candidate.proposals.values_list("state", flat=True)) == {"pending"}
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.OPEN


def test_undo_of_an_accepted_candidate_removes_the_event_it_created(timeline, sources, editor):
    refresh(timeline=timeline)
    candidate = blast(timeline)
    drafts.accept(candidate=candidate, user=editor)
    drafts.undo(candidate=candidate, user=editor)
    assert not Event.objects.exists() and not Citation.objects.exists()
    assert set(candidate.proposals.values_list("state", flat=True)) == {"pending"}


def test_split_takes_a_proposal_out_and_refresh_keeps_it_out_until_undone(
    timeline, sources, editor
):
    refresh(timeline=timeline)
    candidate = blast(timeline)
    taken = candidate.proposals.get(source=sources[2])
    alone = drafts.split(candidate=candidate, proposal=taken, user=editor)
    candidate.refresh_from_db()
    assert list(alone.proposals.all()) == [taken]
    assert candidate.proposals.count() == 2 and candidate.source_count == 2
    refresh(timeline=timeline)
    assert Candidate.objects.get(pk=alone.pk).proposals.get() == taken
    assert Candidate.objects.get(pk=candidate.pk).proposals.count() == 2
    drafts.undo(candidate=alone, user=editor)
    assert not Candidate.objects.filter(pk=alone.pk).exists()
    assert Candidate.objects.get(pk=candidate.pk).proposals.count() == 3


def test_refresh_changes_nothing_an_editor_reviewed(timeline, sources, editor):
    refresh(timeline=timeline)
    candidate = blast(timeline)
    event = drafts.accept(candidate=candidate, user=editor)
    refresh(timeline=timeline)
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.ACCEPTED and candidate.event == event
    assert event.citations.count() == 3
    assert not Candidate.objects.filter(state="open", date=date(2010, 4, 20)).exists()


def test_empty_and_undated_timelines_work(timeline, editor):
    refresh(timeline=timeline)
    assert Draft.objects.get(timeline=timeline).candidates.count() == 0
    services.add_source(
        timeline=timeline, text="The rig sank on Thursday, officials said.", title="Undated"
    )
    refresh(timeline=timeline)
    candidate = Candidate.objects.get(draft__timeline=timeline)
    assert candidate.period is None
    with pytest.raises(services.ReviewError, match="no date"):
        drafts.accept(candidate=candidate, user=editor)
