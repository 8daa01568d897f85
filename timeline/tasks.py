"""Background work: extracting a source's events, as a task of Django's tasks framework.

With the default immediate backend a task runs at once, in the request (the
demo needs no worker). With django-tasks-db's backend the task is a row saved
in the same transaction as the source, and `manage.py db_worker` runs it.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.tasks import task

from timeline.models import ExtractionState, Source

logger = logging.getLogger(__name__)


@task
def extract_source(source_id: int) -> int:
    """Propose the source's events; record the outcome on the source for editors to see."""
    from timeline.services import propose_events

    updated = Source.objects.filter(pk=source_id).update(
        extraction_state=ExtractionState.RUNNING, extraction_error=""
    )
    if not updated:
        return 0  # deleted while it waited
    try:
        with transaction.atomic():
            count = propose_events(source=Source.objects.get(pk=source_id))
    except Exception as error:
        logger.exception("extraction of source %s failed", source_id)
        Source.objects.filter(pk=source_id).update(
            extraction_state=ExtractionState.FAILED,
            extraction_error=f"{type(error).__name__}: {error}"[:2000],
        )
        raise
    Source.objects.filter(pk=source_id).update(extraction_state=ExtractionState.DONE)
    return count
