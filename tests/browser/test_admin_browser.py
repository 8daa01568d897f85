"""The admin as an editor sees it in Chromium."""

from __future__ import annotations

import pytest

from tests.factories import EditorFactory
from timeline import demo

pytestmark = pytest.mark.django_db(transaction=True)


def test_event_list_gives_the_headline_the_room(page, live_server, screenshot):
    demo.load()
    EditorFactory(username="ayse", password="correct horse battery")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "ayse")
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/timeline/event/")
    headline = page.locator("#result_list th.column-headline").bounding_box()
    timeline = page.locator("#result_list th.column-timeline").bounding_box()
    screenshot(page, "admin-event-list-desktop")
    assert headline["x"] < timeline["x"]
    assert headline["width"] > 2 * timeline["width"]
    # Exact dates are not marked with a red cross.
    assert page.locator("#result_list img[src*='icon-no']").count() == 0
