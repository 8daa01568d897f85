"""The draft page in Chromium: many sources, one candidate, one event with every citation."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import EditorFactory, TimelineFactory
from timeline import services
from timeline.models import Event, ProposalState

pytestmark = pytest.mark.django_db(transaction=True)

REPORTS = [
    ("Wire one", date(2010, 4, 21), "An explosion on the Deepwater Horizon rig killed eleven "
     "workers on Tuesday off Louisiana."),
    ("Wire two", date(2010, 4, 22), "Eleven workers were killed when the Deepwater Horizon rig "
     "exploded off Louisiana on April 20."),
    ("Paper three", date(2010, 5, 2), "The Deepwater Horizon rig explosion on April 20 killed "
     "eleven workers off Louisiana."),
    ("Paper four", date(2010, 5, 3), "Senators questioned Halliburton executives about the "
     "cementing of the well on April 30."),
    ("Paper five", date(2010, 5, 4), "A federal judge in Houston heard the first lawsuit over "
     "the leak on May 3."),
]  # fmt: skip


@pytest.fixture
def draft_page(page, live_server):
    timeline = TimelineFactory(slug="spill", title="Gulf oil spill", is_public=True)
    EditorFactory(username="ayse", password="correct horse battery")
    for title, day, text in REPORTS:
        services.add_source(timeline=timeline, text=text, title=title, published=day)
    page.goto(f"{live_server.url}/accounts/login/?next=/review/timelines/spill/draft/")
    page.fill("#id_username", "ayse")
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url("**/review/timelines/spill/draft/")
    return page


def candidate(page, text):
    return page.locator("li.candidate", has=page.locator(f".proposal-headline:has-text('{text}')"))


def test_editor_accepts_rejects_splits_and_undoes_on_the_draft_page(
    draft_page, live_server, screenshot, axe_violations
):
    page = draft_page
    assert axe_violations(page) == []
    blast = page.locator("li.candidate").first
    assert "20 April 2010" in blast.locator(".proposal-date").inner_text()
    assert "3 sources" in blast.inner_text()
    screenshot(page, "draft-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "draft-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    # split one report out, then undo the split
    blast.locator("button:has-text('split off')").first.click()
    page.wait_for_selector("li.candidate .message.success")
    assert "2 sources" in page.locator("li.candidate").first.inner_text()
    page.reload()
    alone = page.locator("li.candidate", has=page.locator("button:has-text('Undo the split')"))
    alone.locator("button:has-text('Undo the split')").click()
    page.wait_for_selector("li.candidate .message.success:has-text('Undone')")
    page.reload()
    blast = page.locator("li.candidate").first
    assert "3 sources" in blast.inner_text()

    # accept by keyboard: focus the first candidate, press c
    blast.focus()
    page.keyboard.press("c")
    page.wait_for_selector("li.candidate.accepted")
    assert "Accepted" in page.locator("li.candidate.accepted").inner_text()
    event = Event.objects.get()
    assert event.citations.count() == 3

    # reject the hearing by its button, undo it
    hearing = candidate(page, "Senators")
    hearing.locator("button[data-key=r]").click()
    page.wait_for_selector("li.candidate.rejected")
    page.locator("li.candidate.rejected button[data-key=u]").click()
    page.wait_for_selector("li.candidate.rejected", state="detached")
    screenshot(page, "draft-after-actions")

    # readers see one event with all three citations
    page.goto(f"{live_server.url}/timelines/spill/")
    assert page.locator("article, li").filter(has_text=event.headline).count() >= 1
    assert page.locator("blockquote").count() == 3
    screenshot(page, "draft-public-result")
    assert all(
        p.state == ProposalState.PENDING
        for p in event.timeline.sources.get(title="Paper four").proposals.all()
    )
