"""Extraction as a background task: at once by default, through a worker for teams."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from tests.factories import EditorFactory, TimelineFactory
from timeline import services
from timeline.models import ExtractionState, Source

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
TEXT = "The tender was held in 2013. It was cancelled in 2015."


def add(timeline, text=TEXT):
    return services.add_source(
        timeline=timeline, text=text, title="Tender", published=date(2016, 11, 19)
    )


def test_the_default_backend_extracts_at_once():
    added = add(TimelineFactory())
    assert added.source.extraction_state == ExtractionState.DONE
    assert added.proposals == 2


# The worker closes its database connection between tasks, as a long-running
# process should: only a transactional test database survives that.
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_with_the_database_backend_a_worker_extracts_queued_sources():
    from django_tasks_db.models import DBTaskResult

    added = add(TimelineFactory())
    source = Source.objects.get(pk=added.source.pk)
    assert source.extraction_state == ExtractionState.QUEUED
    assert source.proposals.count() == 0
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    source.refresh_from_db()
    assert source.extraction_state == ExtractionState.DONE
    assert list(source.proposals.values_list("value", flat=True)) == ["2013", "2015"]


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_review_queue_shows_queued_sources_and_the_page_polls(client):
    client.force_login(EditorFactory())
    source = add(TimelineFactory()).source
    queue = client.get(reverse("review:queue")).content.decode()
    assert "Sources whose extraction has not finished" in queue and "Queued" in queue
    page = client.get(reverse("review:source", args=[source.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in page
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    status = client.get(
        reverse("review:extraction", args=[source.pk]), headers={"HX-Request": "true"}
    )
    assert status["HX-Refresh"] == "true"


def test_a_failed_extraction_shows_its_error_and_can_be_retried(client, monkeypatch):
    client.force_login(EditorFactory())

    def broken(*, source):
        raise RuntimeError("the extractor tripped")

    monkeypatch.setattr("timeline.services.propose_events", broken)
    source = add(TimelineFactory()).source
    source.refresh_from_db()
    assert source.extraction_state == ExtractionState.FAILED
    assert source.extraction_error == "RuntimeError: the extractor tripped"
    queue = client.get(reverse("review:queue")).content.decode()
    assert "RuntimeError: the extractor tripped" in queue and ">Retry</button>" in queue
    page = client.get(reverse("review:source", args=[source.pk])).content.decode()
    assert "Extraction failed: RuntimeError: the extractor tripped" in page
    monkeypatch.undo()
    client.post(reverse("review:retry", args=[source.pk]))
    source.refresh_from_db()
    assert source.extraction_state == ExtractionState.DONE
    assert source.proposals.count() == 2
