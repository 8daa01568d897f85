"""Load benchmark: gunicorn on loopback, driven by wrk, for a bounded time.

    python -m tests.bench.load [--events 2000] [--seconds 10] [--connections 32] [--workers 4]

Builds a throwaway production-like install (debug off, a file cache shared by
the workers, collected static files) with the Turkey demo plus N generated
events, serves it with gunicorn on 127.0.0.1, and for each URL runs wrk and
prints requests per second, latency percentiles and errors. Target for the
cached public page on a 2-core machine: >= 300 requests/s, p99 < 100 ms, no errors.
Needs `wrk` (apt-get install wrk). Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

REPORT_LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50": %.3f, "p95": %.3f, "p99": %.3f, "errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
"""

GENERATE = """
import random
from datetime import date
from timeline.models import Citation, Event, Timeline
from timeline.periods import Precision
timeline = Timeline.objects.get(slug="turkey-air-defense")
sources = list(timeline.sources.all())
rng = random.Random(7)
events = Event.objects.bulk_create(
    Event(timeline=timeline, headline=f"Generated event {n}", description="Load test event.",
          date=date(2000 + n % 25, 1 + n % 12, 1), precision=Precision.MONTH)
    for n in range({count})
)
Citation.objects.bulk_create(
    Citation(event=e, source=rng.choice(sources), quote="A generated quote.", start=0, end=18)
    for e in events
)
print(timeline.events.count(), "events")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def wait_healthy(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not become healthy at {url}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.load")
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="timeline-load-") as folder:
        folder = Path(folder)
        port = free_port()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))},
            "DATABASE_URL": f"sqlite:///{folder / 'load.sqlite3'}",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "false",  # plain http on loopback
            "DJANGO_CACHE_URL": f"file://{folder / 'cache'}",
            "DJANGO_STATIC_ROOT": str(folder / "static"),
            "DJANGO_LOG_LEVEL": "WARNING",
        }
        manage(env, "demo", "--no-serve")
        print(
            manage(
                env, "shell", "--no-imports", "-c", GENERATE.replace("{count}", str(args.events))
            ).strip()
        )
        manage(env, "collectstatic", "--noinput")
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "timeline.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_healthy(f"{base}/health/")
            script = folder / "report.lua"
            script.write_text(REPORT_LUA)
            urls = {
                "public page": "/timelines/turkey-air-defense/",
                "filtered 2015-2017": "/timelines/turkey-air-defense/?start=2015&end=2017&q=",
                "TimelineJS export": "/timelines/turkey-air-defense/timelinejs.json",
            }
            print(
                f"gunicorn, {args.workers} workers; wrk, {args.connections} connections, "
                f"{args.seconds} s per URL"
            )
            print(f"{'URL':<22}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
            for label, path in urls.items():
                urllib.request.urlopen(base + path, timeout=30).read()  # fill the cache
                result = subprocess.run(
                    [
                        "wrk",
                        "-t2",
                        f"-c{args.connections}",
                        f"-d{args.seconds}s",
                        "--timeout",
                        "5s",
                        "-s",
                        str(script),
                        base + path,
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                    timeout=args.seconds + 30,
                )
                line = next(x for x in result.stdout.splitlines() if x.startswith("{"))
                stats = json.loads(line)
                rate = stats["requests"] / stats["seconds"]
                print(
                    f"{label:<22}{rate:>8.0f}{stats['p50']:>9.1f}{stats['p95']:>9.1f}"
                    f"{stats['p99']:>9.1f}{stats['errors']:>8}"
                )
        finally:
            server.terminate()
            server.wait(timeout=15)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
