"""The servers some tests need beside the test process: Redis, a database other processes open.

`.ci/run` starts them and sets ``TIMELINE_TEST_REDIS_URL`` and
``TIMELINE_REQUIRE_SERVERS=1``: there a missing server fails the test. Locally
it skips, saying what to start.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _absent(reason: str):
    if os.environ.get("TIMELINE_REQUIRE_SERVERS") == "1":
        pytest.fail(f"CI must run this test: {reason}")
    pytest.skip(reason)


def redis_url() -> str:
    """A Redis these tests may empty: its database 9 on the server named by the environment."""
    url = os.environ.get("TIMELINE_TEST_REDIS_URL", "")
    if not url:
        _absent("needs Redis: start one and set TIMELINE_TEST_REDIS_URL=redis://127.0.0.1:PORT")
    import redis

    try:
        redis.Redis.from_url(url, db=9).flushdb()
    except redis.RedisError as error:
        _absent(f"Redis at {url} does not answer: {error}")
    return url.rstrip("/") + "/9"


def database_url() -> str:
    """The test database, as a URL another process can open (PostgreSQL only)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        _absent_database()
    s = connection.settings_dict
    auth = quote(s["USER"] or "") + (f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


def _absent_database():
    # The SQLite test database lives in the test process's memory; CI's PostgreSQL pass runs it.
    pytest.skip("needs a database another process can open: runs with DATABASE_URL=postgres://…")


def environment(**extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TIMELINE_"))}
    return {**clean, "PYTHONPATH": str(ROOT), **extra}


def manage(*args: str, env: dict[str, str], cwd: Path | None = None) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=cwd or ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition, seconds: float = 30, what: str = "condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def get(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()
    except OSError:
        return 0, {}, ""
