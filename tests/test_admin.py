from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import (
    CitationFactory,
    EventFactory,
    ProposalFactory,
    SourceFactory,
    TimelineFactory,
)
from timeline import demo
from timeline.models import Event, Proposal, Source
from timeline.periods import Precision

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_timeline():
    return demo.load()


ADMIN_MODELS = ["timeline", "source", "event", "citation", "proposal"]


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_every_admin_list_loads_for_an_editor_who_is_not_a_superuser(
    editor_client, demo_timeline, model
):
    assert not editor_client.editor.is_superuser
    response = editor_client.get(reverse(f"admin:timeline_{model}_changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_every_admin_change_page_and_history_loads(editor_client, demo_timeline, model):
    from django.apps import apps

    obj = apps.get_model("timeline", model).objects.first()
    change = editor_client.get(reverse(f"admin:timeline_{model}_change", args=[obj.pk]))
    history = editor_client.get(reverse(f"admin:timeline_{model}_history", args=[obj.pk]))
    assert change.status_code == 200
    assert history.status_code == 200


def test_event_list_shows_dates_at_their_precision(editor_client, demo_timeline):
    content = editor_client.get(reverse("admin:timeline_event_changelist")).content.decode()
    for shown in ["2013", "September 2013", "2013 – 2015", "18 November 2016", "12 July 2019"]:
        assert f">{shown}<" in content
    assert "2013-01-01" not in content


def test_event_list_filters_by_year_and_precision(editor_client):
    EventFactory(headline="In the year", date=date(2013, 1, 1), precision=Precision.YEAR)
    EventFactory(headline="In the month", date=date(2015, 8, 1), precision=Precision.MONTH)
    url = reverse("admin:timeline_event_changelist")
    by_year = editor_client.get(url, {"year": "2015"}).content.decode()
    by_precision = editor_client.get(url, {"precision__exact": "1"}).content.decode()
    assert "In the month" in by_year and "In the year" not in by_year
    assert "In the year" in by_precision and "In the month" not in by_precision


def test_event_search_finds_quotes(editor_client):
    citation = CitationFactory(quote="A unique quoted sentence.")
    response = editor_client.get(reverse("admin:timeline_event_changelist"), {"q": "unique quoted"})
    assert citation.event.headline in response.content.decode()


def add_event_citing(client, timeline, source, **citation):
    return client.post(
        reverse("admin:timeline_event_add"),
        {
            "timeline": timeline.pk,
            "headline": "Entered by hand",
            "description": "",
            "date": "2015-08-19",
            "precision": "2",
            "end_date": "",
            "end_precision": "",
            "citations-TOTAL_FORMS": "1",
            "citations-INITIAL_FORMS": "0",
            "citations-0-source": source.pk,
            **{f"citations-0-{name}": value for name, value in citation.items()},
        },
    )


def test_editor_adds_an_event_with_a_citation_inline(editor_client):
    source = CitationFactory().source
    quote = source.text[:10]
    response = add_event_citing(
        editor_client, source.timeline, source, quote=quote, start="0", end="10"
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get(headline="Entered by hand")
    assert event.date_display == "August 2015" and event.citations.get().quote == quote


def test_an_event_cannot_cite_a_source_of_another_timeline(editor_client):
    public = TimelineFactory(is_public=True)
    private_source = SourceFactory(timeline=TimelineFactory(is_public=False))
    text = private_source.text
    response = add_event_citing(
        editor_client, public, private_source, quote=text, start="0", end=str(len(text))
    )
    assert response.status_code == 200
    assert "This source belongs to another timeline than the event." in response.content.decode()
    assert not Event.objects.filter(headline="Entered by hand").exists()


def test_a_citation_quote_must_be_the_source_text_at_its_offsets(editor_client):
    source = SourceFactory()
    response = add_event_citing(
        editor_client, source.timeline, source, quote="Invented words.", start="0", end="15"
    )
    assert response.status_code == 200
    assert "The quote is not the text of the source at these offsets." in response.content.decode()
    assert not Event.objects.filter(headline="Entered by hand").exists()


def test_a_citation_needs_its_offsets(editor_client):
    source = SourceFactory()
    response = add_event_citing(
        editor_client, source.timeline, source, quote=source.text, start="", end=""
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Event.objects.filter(headline="Entered by hand").exists()


def test_event_form_refuses_an_end_before_the_start(editor_client):
    timeline = EventFactory().timeline
    response = editor_client.post(
        reverse("admin:timeline_event_add"),
        {
            "timeline": timeline.pk,
            "headline": "Backwards",
            "date": "2015-01-01",
            "precision": "1",
            "end_date": "2013-01-01",
            "end_precision": "1",
            "citations-TOTAL_FORMS": "0",
            "citations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "The end date is before the start." in response.content.decode()
    assert not Event.objects.filter(headline="Backwards").exists()


def test_source_added_in_admin_gets_proposals_and_duplicates_are_refused(editor_client):
    timeline = EventFactory().timeline
    data = {
        "timeline": timeline.pk,
        "title": "Pasted",
        "publisher": "",
        "author": "",
        "url": "",
        "published": "2016-11-19",
        "text": "The minister said on Friday that talks went well.",
        "proposals-TOTAL_FORMS": "0",
        "proposals-INITIAL_FORMS": "0",
    }
    response = editor_client.post(reverse("admin:timeline_source_add"), data)
    assert response.status_code == 302
    source = Source.objects.get(title="Pasted")
    assert source.added_by == editor_client.editor
    assert source.proposals.get().value == "2016-11-18"
    again = editor_client.post(reverse("admin:timeline_source_add"), {**data, "title": "Copy"})
    assert "already a source of this timeline" in again.content.decode()
    assert Source.objects.filter(timeline=timeline).count() == 1


def test_changing_the_kind_in_the_admin_re_reads_pending_proposals(editor_client):
    timeline = EventFactory().timeline
    data = {
        "timeline": timeline.pk,
        "title": "History",
        "publisher": "",
        "author": "",
        "url": "",
        "published": "2009-12-19",
        "kind": "news",
        "language": "",
        "text": "The war began in 1940. In July the city fell.",
        "proposals-TOTAL_FORMS": "0",
        "proposals-INITIAL_FORMS": "0",
    }
    editor_client.post(reverse("admin:timeline_source_add"), data)
    source = Source.objects.get(title="History")
    assert source.proposals.get(mention_text="July").value == "2009-07"
    proposals = source.proposals.count()
    data.update({"kind": "narrative", "proposals-INITIAL_FORMS": "0"})
    response = editor_client.post(reverse("admin:timeline_source_change", args=[source.pk]), data)
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.read_as_kind == "narrative"
    assert source.proposals.get(mention_text="July").value == "1940-07"
    assert source.proposals.count() == proposals


def test_the_admin_refuses_a_language_that_is_not_a_code(editor_client):
    timeline = EventFactory().timeline
    data = {
        "timeline": timeline.pk,
        "title": "Bad",
        "published": "",
        "kind": "",
        "language": "German",
        "text": "In 2013.",
        "proposals-TOTAL_FORMS": "0",
        "proposals-INITIAL_FORMS": "0",
    }
    response = editor_client.post(reverse("admin:timeline_source_add"), data)
    assert "ISO 639-1 code" in response.content.decode()
    assert not Source.objects.filter(title="Bad").exists()


def test_bulk_confirm_and_reject_actions_review_through_the_services(editor_client):
    first, second = ProposalFactory(), ProposalFactory()
    url = reverse("admin:timeline_proposal_changelist")
    editor_client.post(url, {"action": "confirm_selected", "_selected_action": [first.pk]})
    editor_client.post(url, {"action": "reject_selected", "_selected_action": [second.pk]})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == Proposal.State.CONFIRMED and first.event.citations.count() == 1
    assert first.reviewed_by == editor_client.editor
    assert second.state == Proposal.State.REJECTED


def test_bulk_action_on_a_reviewed_proposal_says_who_reviewed_it(editor_client):
    proposal = ProposalFactory()
    url = reverse("admin:timeline_proposal_changelist")
    editor_client.post(url, {"action": "reject_selected", "_selected_action": [proposal.pk]})
    response = editor_client.post(
        url, {"action": "confirm_selected", "_selected_action": [proposal.pk]}, follow=True
    )
    assert f"{editor_client.editor.username} already rejected" in response.content.decode()
    assert Event.objects.count() == 0


def test_source_with_citations_cannot_be_deleted_from_the_admin(editor_client):
    citation = CitationFactory()
    response = editor_client.post(
        reverse("admin:timeline_source_delete", args=[citation.source_id]), {"post": "yes"}
    )
    assert Source.objects.filter(pk=citation.source_id).exists()
    assert "protected" in response.content.decode().lower()


def test_non_editor_staff_cannot_reach_the_admin_models(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:timeline_event_changelist")).status_code == 403


def test_event_list_puts_the_headline_first_with_room_and_no_red_crosses(
    editor_client, demo_timeline
):
    content = editor_client.get(reverse("admin:timeline_event_changelist")).content.decode()
    start = content.index("<thead>")
    header = content[start : content.index("</thead>", start)]
    columns = re.findall(r"column-(\w+)", header)
    assert columns[0] == "headline" and columns[-1] == "timeline"
    assert "timeline/admin.css" in content
    assert "icon-no" not in content  # "not circa" is blank, not a red ✗
