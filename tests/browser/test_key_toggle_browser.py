"""Marking key events from the review pages, in Chromium: by keyboard, swapped in place."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.factories import EditorFactory, TimelineFactory
from timeline import demo, services
from timeline.models import Event, ProposalState

pytestmark = pytest.mark.django_db(transaction=True)

PHONE, DESKTOP = 390, 1280


def log_in(page, live_server, next_url: str):
    EditorFactory(username="ayse", password="correct horse battery")
    page.goto(f"{live_server.url}/accounts/login/?next={next_url}")
    page.fill("#id_username", "ayse")
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"**{next_url}")


def tab_to(page, text: str, presses: int = 12) -> None:
    """Press Tab until the focused control reads `text`: reachable without a mouse."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == text:
            return
    raise AssertionError(f"no control reading {text!r} within {presses} Tab presses")


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_an_editor_marks_a_confirmed_proposals_event_as_key_on_the_source_page(
    page, live_server, screenshot, axe_violations, width
):
    timeline = demo.load()
    event = timeline.events.filter(is_key=False, proposals__isnull=False).first()
    proposal = event.proposals.filter(state=ProposalState.CONFIRMED).first()
    url = f"/review/sources/{proposal.source_id}/"
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, url)
    card = page.locator(f"#proposal-{proposal.pk}")
    card.locator(".proposal-headline").click()  # select the card, as a reviewer would
    tab_to(page, "Mark as key event")
    page.keyboard.press("Enter")
    expect(card.locator(".key-label")).to_have_text("Key event")
    expect(card.locator(".message")).to_contain_text("Marked as a key event")
    # Focus stays on the toggle, now saying what it would undo.
    expect(page.locator(":focus")).to_have_text("Unmark as key event")
    assert Event.objects.get(pk=event.pk).is_key
    assert axe_violations(page) == []
    card.scroll_into_view_if_needed()
    screenshot(page, f"key-toggle-source-{width}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_an_editor_marks_an_accepted_candidates_event_as_key_on_the_draft_page(
    page, live_server, screenshot, axe_violations, width
):
    timeline = TimelineFactory(slug="spill", title="Gulf oil spill", is_public=True)
    for title, day, text in [
        ("Wire one", date(2010, 4, 21), "The Deepwater Horizon rig exploded on April 20."),
        ("Wire two", date(2010, 4, 22), "Eleven workers died when the rig exploded on April 20."),
    ]:
        services.add_source(timeline=timeline, text=text, title=title, published=day)
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, "/review/timelines/spill/draft/")
    card = page.locator("li.candidate").first
    card.locator("button[data-key=c]").click()
    expect(card.locator(".outcome")).to_contain_text("Accepted by ayse")
    card = page.locator("li.candidate").first
    card.locator(".proposal-headline").click()
    tab_to(page, "Mark as key event")
    page.keyboard.press("Enter")
    expect(card.locator(".key-label")).to_have_text("Key event")
    expect(page.locator(":focus")).to_have_text("Unmark as key event")
    assert Event.objects.get().is_key
    assert axe_violations(page) == []
    screenshot(page, f"key-toggle-draft-{width}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.keyboard.press("Enter")  # and back
    expect(card.locator(".key-label")).to_have_count(0)
    assert not Event.objects.get().is_key
