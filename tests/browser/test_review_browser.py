"""An editor's whole path, in Chromium: log in, paste, review by mouse and keyboard, publish."""

from __future__ import annotations

import pytest

from tests.factories import EditorFactory
from timeline import demo
from timeline.models import Event, Proposal

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = """Turkey weighs its air-defence options

Turkey's defence minister said on Friday that talks with Russia on the S-400 were going well.
Ankara had cancelled the FD-2000 tender in November 2015 after talks with Beijing stalled.
Officials said a domestic system could be ready by 2023.
A rival bid was first studied in 2011."""


@pytest.fixture
def logged_in(page, live_server):
    demo.load()
    EditorFactory(username="ayse", password="correct horse battery")
    page.goto(f"{live_server.url}/review/")
    assert "/accounts/login/" in page.url
    page.fill("#id_username", "ayse")
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url("**/review/")
    return page


def proposal(page, date_text):
    return page.locator("[data-proposal]", has=page.locator(f"strong:text-is('{date_text}')"))


def test_editor_takes_an_article_from_paste_to_the_public_timeline(
    logged_in, live_server, screenshot
):
    page = logged_in
    page.click("text=Add a source")
    page.select_option("#id_timeline", label="Turkey's air-defense procurement")
    page.fill("#id_text", ARTICLE)
    page.fill("#id_published", "2016-11-19")
    page.click("text=Add and find dates")
    page.wait_for_url("**/review/sources/*/")
    assert page.locator("h1").inner_text() == "Turkey weighs its air-defence options"
    assert page.locator("mark.mention").count() == 4
    assert page.locator("[data-proposal]").count() == 4
    screenshot(page, "review-desktop")

    # Edit, then confirm the Friday proposal.
    friday = proposal(page, "18 November 2016")
    friday.locator("text=Edit").click()
    page.wait_for_selector(".edit-form")
    friday = page.locator("[data-proposal]:has(.edit-form)")
    friday.locator("input[name$='-headline']").fill("Turkey says S-400 talks with Russia go well")
    friday.locator("button[data-key=c]").click()
    page.wait_for_selector("[data-proposal].confirmed")
    assert "1" in page.locator(".count.confirmed strong").inner_text()

    # Merge the November 2015 proposal into the demo's cancellation event.
    november = proposal(page, "November 2015")
    first_choice = november.locator("select option").first.inner_text()
    assert first_choice == "November 2015: Turkey cancels the FD-2000 award"
    november.locator("button[data-key=m]").click()
    page.wait_for_selector("[data-proposal].merged")
    assert page.locator("mark.mention.merged").count() == 1

    # Reject the 2011 one, then undo the rejection.
    old = proposal(page, "2011")
    old.locator("button[data-key=r]").click()
    page.wait_for_selector("[data-proposal].rejected")
    page.locator("[data-proposal].rejected button[data-key=u]").click()
    page.wait_for_function("document.querySelectorAll('[data-proposal].rejected').length == 0")

    # The keyboard: focus the 2023 proposal and press r to reject it.
    target = proposal(page, "2023")
    target.focus()
    page.keyboard.press("r")
    page.wait_for_selector("[data-proposal].rejected")
    assert "2023" in page.locator("[data-proposal].rejected strong").inner_text()
    assert page.locator(".count.pending strong").inner_text() == "1"
    screenshot(page, "review-after-actions-desktop")
    page.set_viewport_size({"width": 390, "height": 900})
    screenshot(page, "review-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # Readers see the confirmed event, with the quoted sentence.
    page.goto(f"{live_server.url}/timelines/turkey-air-defense/?q=S-400+talks")
    assert page.locator("text=Turkey says S-400 talks with Russia go well").count() == 1
    assert (
        Proposal.objects.filter(state="merged", source__title__startswith="Turkey weighs").count()
        == 1
    )
    cancelled = Event.objects.get(headline="Turkey cancels the FD-2000 award")
    assert cancelled.citations.count() == 2


def test_editor_reviews_without_the_mouse(logged_in):
    page = logged_in
    page.goto(page.url.replace("/review/", "/review/sources/add/"))
    page.fill("#id_text", "It was founded in 1999. It grew in 2004. It closed in 2010.")
    page.click("text=Add and find dates")
    page.wait_for_url("**/review/sources/*/")
    page.locator("body").focus()
    page.keyboard.press("j")  # the first proposal
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("proposal-")
    page.keyboard.press("c")  # confirm it
    page.wait_for_selector("[data-proposal].confirmed")
    # Focus moves on to the next pending proposal, ready for the next key.
    page.wait_for_function("document.activeElement.matches('[data-proposal][data-state=pending]')")
    page.keyboard.press("e")
    page.wait_for_selector(".edit-form")
    page.wait_for_function(
        "document.activeElement.name && document.activeElement.name.endsWith('-headline')"
    )
    page.keyboard.press("Escape")
    page.wait_for_function("document.querySelectorAll('.edit-form').length == 0")
    page.wait_for_function("document.activeElement.matches('[data-proposal]')")
    page.keyboard.press("r")  # reject the second
    page.wait_for_selector("[data-proposal].rejected")
    page.wait_for_function("document.activeElement.matches('[data-proposal][data-state=pending]')")
    page.keyboard.press("k")  # back to the rejected one
    page.wait_for_function("document.activeElement.matches('[data-proposal].rejected')")
    page.keyboard.press("u")  # and undo it
    page.wait_for_function("document.querySelectorAll('[data-proposal].rejected').length == 0")
    states = Proposal.objects.filter(source__title__startswith="It was").order_by("mention_start")
    assert [p.state for p in states] == ["confirmed", "pending", "pending"]


def test_review_page_has_no_serious_accessibility_violations(logged_in, axe_violations):
    page = logged_in
    page.click("table.queue a >> nth=0")
    page.wait_for_url("**/review/sources/*/")
    assert axe_violations(page) == []
