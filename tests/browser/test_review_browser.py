"""An editor's whole path, in Chromium: log in, paste, review by mouse and keyboard, publish."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

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
    # The card shows what was saved, not the headline the extractor suggested.
    saved = page.locator("[data-proposal].confirmed .proposal-headline").inner_text()
    assert saved == "Turkey says S-400 talks with Russia go well"

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
    page.keyboard.press("k")  # k skips reviewed proposals: it stays on the pending one
    page.wait_for_function("document.activeElement.matches('[data-proposal][data-state=pending]')")
    page.keyboard.press("ArrowUp")  # the arrows reach reviewed ones: the rejected one
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


def add_article(page, text: str) -> None:
    page.goto(page.url.split("/review/")[0] + "/review/sources/add/")
    page.fill("#id_text", text)
    page.fill("#id_published", "2016-11-19")
    page.click("text=Add and find dates")
    page.wait_for_url("**/review/sources/*/")


def test_keys_act_only_on_the_selected_proposal(logged_in, screenshot):
    page = logged_in
    add_article(page, "It was founded in 1999. It grew in 2004. It closed in 2010.")
    page.locator("body").focus()
    page.keyboard.press("c")  # nothing selected: nothing confirmed, and it says why
    hint = page.locator("#key-hint")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("Select a proposal first: press j.")
    screenshot(page, "review-key-hint-desktop")
    assert (
        not Proposal.objects.filter(source__title__startswith="It was")
        .exclude(state="pending")
        .exists()
    )


def test_m_merges_only_into_a_likely_match(logged_in):
    page = logged_in
    # The demo has events in 2013, but none worded like this.
    add_article(page, "Farmers in the valley harvested record apricot crops in 2013.")
    card = page.locator("[data-proposal]").first
    assert card.locator("select option").count() >= 1  # there are suggestions …
    assert card.locator("button[data-key=m]").count() == 0  # … but none likely
    card.focus()
    page.keyboard.press("m")
    expect(page.locator("#key-hint")).to_contain_text("No suggested event is a likely match")
    assert Proposal.objects.get(source__title__startswith="Farmers").state == "pending"


def test_arrows_scroll_the_page_when_no_proposal_is_selected(logged_in):
    page = logged_in
    page.set_viewport_size({"width": 1280, "height": 400})
    add_article(page, " ".join(f"They met in {year}." for year in range(1990, 2010)))
    page.locator("body").focus()
    page.evaluate("window.scrollTo(0, 0)")
    for _ in range(5):
        page.keyboard.press("ArrowDown")
    page.wait_for_function("window.scrollY > 0")
    assert page.evaluate("document.activeElement.closest('[data-proposal]')") is None


def test_edit_form_lines_up_with_its_fields(logged_in, screenshot):
    page = logged_in
    add_article(page, "It was founded in 1999.")
    page.locator("[data-proposal] a[data-key=e]").click()
    form = page.locator(".edit-form")
    form.wait_for()
    headline = form.locator("input[name$='-headline']").bounding_box()
    box = form.locator("input[type=checkbox]").bounding_box()
    label = form.locator("label[for$='-circa']").bounding_box()
    save = form.locator("button[data-key=c]").bounding_box()
    screenshot(page, "review-edit-form-desktop")
    assert abs(box["x"] - headline["x"]) < 4  # the checkbox starts where the fields start
    assert label["x"] > box["x"] + box["width"] - 1  # its label beside it, not below
    middle = box["y"] + box["height"] / 2
    assert label["y"] <= middle <= label["y"] + label["height"]
    assert abs(save["x"] - headline["x"]) < 4  # Save sits at the left edge too
