"""Pausing Python's cyclic garbage collector around work that makes many records (pure Python).

A long text's extraction, or an export reading 50,000 events, leaves tens of thousands
of small objects alive, almost none in a reference cycle, which the collector would
traverse again and again for little to free (a tenth of an extraction's time, a third of
an export's read on PostgreSQL). The switch is process-wide, so a thread running
meanwhile only has its cycles freed later, when the collector is back; it is put back
only if it was on, so pauses overlapping in two threads leave it on (as the first found
it), and a caller who switched it off finds it off.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
