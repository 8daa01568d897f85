"""python manage.py worker: run background tasks, and recover those a dead worker left.

django-tasks-db's `db_worker` (same options), plus, at start and every
``--recover-every`` seconds, ``recover_stale_extractions()``: a task left
RUNNING by a worker that was killed is marked failed and its source queued
again. Run as many as you like, on as many machines: recovery is safe to race.
"""

from __future__ import annotations

import logging
import threading
import time

from django.db import connections
from django_tasks_db.management.commands import db_worker

from timeline.tasks import recover_stale_extractions

logger = logging.getLogger(__name__)


def recover() -> None:
    try:
        recover_stale_extractions()
    except Exception:
        logger.exception("recovering stale extractions failed; trying again later")
    finally:
        connections.close_all()  # this thread's connections only


class Command(db_worker.Command):
    help = "Run background tasks (db_worker) and re-queue those a dead worker left running."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--recover-every",
            type=float,
            default=60.0,
            help="seconds between looks for tasks a dead worker left running (default: 60)",
        )

    def handle(self, *args, recover_every: float, **options) -> None:
        recover()
        if not options["batch"]:

            def keep_recovering() -> None:
                while True:
                    time.sleep(recover_every)
                    recover()

            threading.Thread(target=keep_recovering, name="recover", daemon=True).start()
        super().handle(*args, **options)
