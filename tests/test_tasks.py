"""Extraction as a background task: at once by default, through a worker for teams."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests import servers
from tests.factories import EditorFactory, TimelineFactory
from timeline import services
from timeline.models import ExtractionState, Source
from timeline.tasks import WORKER_LOST, recover_stale_extractions

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


# --- no task lost to a dead worker -----------------------------------------------------------


def _left_running_by_a_dead_worker(source, minutes_ago=10):
    """What a SIGKILLed worker leaves: its task and its source RUNNING, nobody holding them."""
    from django_tasks_db.models import DBTaskResult

    then = timezone.now() - timedelta(minutes=minutes_ago)
    DBTaskResult.objects.update(status="RUNNING", started_at=then, worker_ids=["gone"])
    Source.objects.filter(pk=source.pk).update(
        extraction_state=ExtractionState.RUNNING, extraction_changed_at=then
    )


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_work_a_dead_worker_left_running_is_queued_again_and_done_once():
    from django_tasks_db.models import DBTaskResult

    source = add(TimelineFactory()).source
    _left_running_by_a_dead_worker(source)
    assert recover_stale_extractions() == [source.pk]
    dead = DBTaskResult.objects.get(worker_ids=["gone"])
    assert dead.status == "FAILED" and dead.exception_class_path == WORKER_LOST
    assert recover_stale_extractions() == []  # nothing twice
    call_command("worker", batch=True, startup_delay=False, verbosity=0)
    source.refresh_from_db()
    assert source.extraction_state == ExtractionState.DONE
    assert list(source.proposals.values_list("value", flat=True)) == ["2013", "2015"]


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_task_running_within_its_lease_is_left_alone():
    source = add(TimelineFactory()).source
    _left_running_by_a_dead_worker(source, minutes_ago=1)
    assert recover_stale_extractions(lease=timedelta(minutes=5)) == []


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS, TIMELINE_EXTRACTION_LEASE_SECONDS=300)
def test_editors_can_retry_a_source_stuck_past_the_lease_and_its_page_stops_polling(client):
    client.force_login(EditorFactory())
    source = add(TimelineFactory()).source
    page = client.get(reverse("review:source", args=[source.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in page and "Retry" not in page
    _left_running_by_a_dead_worker(source)
    queue = client.get(reverse("review:queue")).content.decode()
    assert "no worker has finished it" in queue and ">Retry</button>" in queue
    page = client.get(reverse("review:source", args=[source.pk])).content.decode()
    assert "no worker has finished it" in page and "Retry extraction" in page
    assert "every 2s" not in page
    status = client.get(
        reverse("review:extraction", args=[source.pk]), headers={"HX-Request": "true"}
    )
    assert status["HX-Refresh"] == "true"
    client.post(reverse("review:retry", args=[source.pk]))
    call_command("worker", batch=True, startup_delay=False, verbosity=0)
    source.refresh_from_db()
    assert source.extraction_state == ExtractionState.DONE and source.proposals.count() == 2


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_worker_killed_mid_task_loses_nothing(tmp_path):
    """SIGKILL a real worker while it extracts; another worker recovers the task."""
    from django_tasks_db.models import DBTaskResult

    env = servers.environment(DATABASE_URL=servers.database_url(), TIMELINE_TASKS="database")
    source = add(TimelineFactory()).source
    marker = tmp_path / "extracting"
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.slow_worker", str(marker)],
        cwd=servers.ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        servers.wait_until(marker.exists, what="the worker to be mid-task")
        # Mid-task the worker holds the source: even past any lease it is not taken from it.
        assert recover_stale_extractions(lease=timedelta(0)) == []
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    # What the issue saw: the task and the source RUNNING, nothing written.
    task = DBTaskResult.objects.get()
    assert task.status == "RUNNING"
    source.refresh_from_db()
    assert source.extraction_state == ExtractionState.RUNNING
    assert source.proposals.count() == 0
    # A worker started later (lease: 0 s) recovers it and runs it, once.
    servers.manage(
        "worker",
        "--batch",
        "--no-startup-delay",
        env={**env, "TIMELINE_EXTRACTION_LEASE_SECONDS": "0"},
    )
    task.refresh_from_db()
    assert task.status == "FAILED" and task.exception_class_path == WORKER_LOST
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 1
    source.refresh_from_db()
    assert source.extraction_state == ExtractionState.DONE
    assert list(source.proposals.values_list("value", flat=True)) == ["2013", "2015"]
