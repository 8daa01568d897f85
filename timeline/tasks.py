"""Background work: extracting a source's events, as a task of Django's tasks framework.

With the default immediate backend a task runs at once, in the request (the
demo needs no worker). With django-tasks-db's backend the task is a row saved
in the same transaction as the source, and `manage.py worker` runs it.

No task is lost to a dead worker. While it extracts, a worker holds a lock on
the source's row; the database releases it the moment the worker's connection
drops (a SIGKILL, an OOM kill, a lost machine once PostgreSQL's idle-in-transaction
timeout ends its session). django-tasks-db leaves such a task RUNNING for ever;
``recover_stale_extractions()``, run by every ``manage.py worker``, marks a task
running longer than the lease whose source is not locked as failed and queues its
source again. Extraction is idempotent: running it twice changes nothing.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.tasks import task
from django.utils import timezone

from timeline.models import ExtractionState, Source

logger = logging.getLogger(__name__)

WORKER_LOST = "timeline.tasks.WorkerLost"


@task
def extract_source(source_id: int) -> int:
    """Propose the source's events; record the outcome on the source for editors to see."""
    from timeline.services import propose_events

    updated = Source.objects.filter(pk=source_id).update(
        extraction_state=ExtractionState.RUNNING,
        extraction_error="",
        extraction_changed_at=timezone.now(),
    )
    if not updated:
        return 0  # deleted while it waited
    try:
        with transaction.atomic():
            _end_session_of_a_lost_worker()
            # The row lock is this worker's heartbeat: held until the commit.
            source = Source.objects.select_for_update().get(pk=source_id)
            count = propose_events(source=source)
            Source.objects.filter(pk=source_id).update(
                extraction_state=ExtractionState.DONE, extraction_changed_at=timezone.now()
            )
    except Exception as error:
        logger.exception("extraction of source %s failed", source_id)
        Source.objects.filter(pk=source_id).update(
            extraction_state=ExtractionState.FAILED,
            extraction_error=f"{type(error).__name__}: {error}"[:2000],
            extraction_changed_at=timezone.now(),
        )
        raise
    return count


def enqueue_extractions(source_ids: list[int]) -> None:
    """Queue the extraction of many sources: one INSERT for all with django-tasks-db.

    One `enqueue()` a source is one round trip each; a bulk import of a thousand
    articles spent most of its time there. The rows are those `enqueue()` writes.
    """
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult, get_date_max

    backend = extract_source.get_backend()
    if not isinstance(backend, DatabaseBackend) or extract_source.run_after is not None:
        for source_id in source_ids:
            extract_source.enqueue(source_id)
        return
    backend.validate_task(extract_source)
    DBTaskResult.objects.bulk_create(
        [
            DBTaskResult(
                id=backend._get_id(),
                args_kwargs={"args": [source_id], "kwargs": {}},
                priority=extract_source.priority,
                task_path=extract_source.module_path,
                queue_name=extract_source.queue_name,
                run_after=get_date_max(),
                backend_name=backend.alias,
            )
            for source_id in source_ids
        ]
    )


def _end_session_of_a_lost_worker() -> None:
    """A worker on a machine that vanished cannot hold the lock past the lease."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('idle_in_transaction_session_timeout', %s, true)",
                [f"{settings.TIMELINE_EXTRACTION_LEASE_SECONDS}s"],
            )


def recover_stale_extractions(*, lease: timedelta | None = None) -> list[int]:
    """Queue again the sources whose extraction a dead worker left running; return their ids.

    A task counts as dead when it has been RUNNING longer than the lease and its
    source's row is not locked by a live worker (on SQLite, which has no row locks,
    the lease alone decides). Its result is marked failed, saying why.
    """
    from django_tasks_db.models import DBTaskResult, TaskResultStatus

    from timeline.services import schedule_extraction

    if lease is None:
        lease = timedelta(seconds=settings.TIMELINE_EXTRACTION_LEASE_SECONDS)
    stale = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING,
        task_path=extract_source.module_path,
        started_at__lt=timezone.now() - lease,
    )
    recovered = []
    for result in stale:
        source_id = result.args_kwargs["args"][0]
        with transaction.atomic():
            unlocked = Source.objects.select_for_update(skip_locked=True).filter(pk=source_id)
            source = unlocked.first()
            if source is None and Source.objects.filter(pk=source_id).exists():
                continue  # a live worker holds it
            marked = DBTaskResult.objects.filter(
                pk=result.pk, status=TaskResultStatus.RUNNING
            ).update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path=WORKER_LOST,
                traceback=f"The worker {result.worker_ids[-1:]} stopped without finishing; "
                "the source was queued again.",
            )
            if marked and source is not None and source.is_extracting:
                schedule_extraction(source=source)
                recovered.append(source_id)
    if recovered:
        logger.warning("re-queued extraction a dead worker left running: sources %s", recovered)
    return recovered


@task
def refresh_draft(timeline_id: int) -> int:
    """Rebuild a timeline's draft of candidate events; progress is recorded on the draft."""
    from timeline.drafts.models import Draft, DraftState
    from timeline.drafts.refresh import refresh
    from timeline.models import Timeline

    timeline = Timeline.objects.filter(pk=timeline_id).first()
    if timeline is None:
        return 0
    draft, _ = Draft.objects.get_or_create(timeline=timeline)
    Draft.objects.filter(pk=draft.pk).update(state=DraftState.RUNNING, progress=5, error="")

    def progress(percent: int) -> None:
        Draft.objects.filter(pk=draft.pk).update(progress=percent)

    try:
        draft = refresh(timeline=timeline, progress=progress)
    except Exception as error:
        logger.exception("refreshing the draft of timeline %s failed", timeline_id)
        Draft.objects.filter(pk=draft.pk).update(
            state=DraftState.FAILED, error=f"{type(error).__name__}: {error}"[:2000]
        )
        raise
    return draft.candidates.count()
