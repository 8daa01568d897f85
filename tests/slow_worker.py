"""A real `manage.py worker` whose extraction hangs mid-task, for a test to kill.

    python -m tests.slow_worker MARKER

Extraction runs as usual (proposals written, the source's row locked, nothing
committed), then writes MARKER and hangs until the process is killed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
django.setup()

from django.core.management import call_command  # noqa: E402

from timeline import services  # noqa: E402

real_propose_events = services.propose_events


def hanging(*, source):
    count = real_propose_events(source=source)
    Path(sys.argv[1]).write_text(str(count))
    time.sleep(600)


services.propose_events = hanging
call_command("worker", startup_delay=False, interval=0.1, reload=False, recover_every=0.2)
