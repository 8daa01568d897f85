from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_fd7ddafec9e56c3a.txt"


FIXTURES = Path(__file__).parent / "fixtures"


def visible_text(html: str) -> str:
    """What a person reads on the page: tags dropped, whitespace as the browser shows it."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"the seed article is not here ({SEED}); it lives in ../shared")
    return SEED.read_text(encoding="utf-8")


def pytest_configure(config):
    """Hash test passwords cheaply: the real hasher costs about half a second per user,
    and factories make hundreds of them. Subprocesses the tests start keep the real one."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']}"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the database is rolled back, so must it be."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded images go to a folder of the test's own, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor():
    from tests.factories import EditorFactory

    return EditorFactory(username="ayse")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    client.editor = editor
    return client
