"""The Content-Security-Policy as a browser enforces it: nothing the app needs is refused."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.factories import EditorFactory
from timeline import demo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def strict_page(browser):
    context = browser.new_context()  # no CSP bypass: the policy applies
    page = context.new_page()
    page.set_default_timeout(10_000)
    refused = []
    page.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.refused = refused
    yield page
    context.close()


def test_public_filters_work_under_the_policy(strict_page, live_server):
    timeline = demo.load()
    page = strict_page
    page.goto(f"{live_server.url}{timeline.get_absolute_url()}")
    page.fill("#id_start", "2019")
    page.click("button[type=submit]")
    expect(page.locator("article.event")).to_have_count(3)
    assert "start=2019" in page.url
    assert page.refused == []


def test_review_page_and_admin_work_under_the_policy(strict_page, live_server):
    demo.load()
    EditorFactory(username="ayse", password="correct horse battery")
    page = strict_page
    page.goto(f"{live_server.url}/accounts/login/?next=/review/")
    page.fill("#id_username", "ayse")
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url("**/review/")
    page.click("table.queue a >> nth=0")
    page.wait_for_url("**/review/sources/*/")
    first = page.locator("[data-proposal][data-state=pending]").first
    first.locator("button[data-key=r]").click()
    expect(page.locator("[data-proposal].rejected")).to_have_count(1)
    for path in ["/admin/", "/admin/timeline/event/", "/admin/timeline/event/1/change/"]:
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("#content")).to_be_visible()
    assert page.refused == []
