"""Settings as a deployer meets them: separate processes with their own environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "timeline.example.org",
    "TIMELINE_SITE_URL": "https://timeline.example.org",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_asks_for_the_site_url_links_are_built_from():
    env = {k: v for k, v in PRODUCTION.items() if k != "TIMELINE_SITE_URL"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert "timeline.W001" in result.stderr and "TIMELINE_SITE_URL" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_development_secret_key():
    from timeline.settings import DEVELOPMENT_SECRET_KEY

    result = manage("check", **{**PRODUCTION, "DJANGO_SECRET_KEY": DEVELOPMENT_SECRET_KEY})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_demo_settings_need_no_configuration():
    result = manage("check")
    assert result.returncode == 0, result.stderr


def test_a_bad_boolean_is_an_error_not_a_guess():
    result = manage("check", DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_email_comes_from_the_environment():
    script = "from django.conf import settings; print(getattr(settings, 'MAILERS', 'none'))"
    configured = manage(
        "shell", "-c", script, DJANGO_EMAIL_HOST="smtp.example.org", DJANGO_EMAIL_PORT="2525"
    )
    assert "'host': 'smtp.example.org'" in configured.stdout
    assert "'port': 2525" in configured.stdout
    unconfigured = manage("shell", "-c", script)
    assert unconfigured.stdout.strip().endswith("none")
