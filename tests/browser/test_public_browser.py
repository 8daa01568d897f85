from __future__ import annotations

import pytest

from timeline import demo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def turkey(live_server):
    timeline = demo.load()
    return f"{live_server.url}{timeline.get_absolute_url()}"


def test_reader_filters_to_2015_2017_in_place_and_the_back_button_returns(page, turkey):
    page.goto(turkey)
    assert page.locator("h1").inner_text() == "Turkey's air-defense procurement"
    assert page.locator("article.event").count() == 10
    page.evaluate("window.stillHere = true")  # survives only if the page is not reloaded
    page.fill("#id_start", "2015")
    page.fill("#id_end", "2017")
    page.click("button[type=submit]")
    page.wait_for_url("**start=2015&end=2017**")
    page.wait_for_function("document.querySelectorAll('article.event').length == 5")
    assert page.evaluate("window.stillHere") is True
    assert page.locator("h2#year-2013").count() == 1  # the 2013 – 2015 talks overlap
    assert page.locator("h2#year-2019").count() == 0
    page.go_back()
    page.wait_for_function("document.querySelectorAll('article.event').length == 10")


def test_search_as_you_type_updates_the_list(page, turkey):
    page.goto(turkey)
    page.locator("#id_q").press_sequentially("sanctions")
    page.wait_for_function("document.querySelectorAll('article.event').length == 1")
    assert "sanctions" in page.locator("article.event h3").inner_text()
    assert "q=sanctions" in page.url


def test_filters_work_without_javascript(browser, turkey):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(turkey)
    page.fill("#id_start", "2019")
    page.click("button[type=submit]")
    page.wait_for_url("**start=2019**")
    assert page.locator("article.event").count() == 3
    context.close()


def test_overview_strip_jumps_to_a_year_and_event_permalink_shows_sources(page, turkey):
    page.goto(turkey)
    page.click(".overview-years a:has-text('2019')")
    page.wait_for_url("**#year-2019")
    page.click("text=First S-400 deliveries arrive in Ankara")
    assert page.locator("h1").inner_text() == "First S-400 deliveries arrive in Ankara"
    assert page.locator("time[datetime='2019-07-12']").inner_text() == "12 July 2019"
    quotes = page.locator("blockquote").all_inner_texts()  # a demo note and a briefing
    assert any("delivered to Ankara on 12 July 2019" in quote for quote in quotes)
    assert page.title().startswith("First S-400 deliveries arrive in Ankara (12 July 2019)")


def test_timelinejs_export_downloads(page, turkey):
    page.goto(turkey)
    with page.expect_download() as download:
        page.click("text=TimelineJS (JSON)")
    assert download.value.suggested_filename == "turkey-air-defense-timelinejs.json"


@pytest.mark.parametrize("path", ["/", "timeline", "event"])
def test_public_pages_have_no_serious_accessibility_violations(
    page, live_server, turkey, axe_violations, path
):
    if path == "/":
        page.goto(live_server.url + "/")
    else:
        page.goto(turkey)
        if path == "event":
            page.click("article.event h3 a >> nth=0")
    assert axe_violations(page) == []


@pytest.mark.parametrize(("name", "width"), [("desktop", 1280), ("phone", 390)])
def test_public_page_screenshots(page, turkey, screenshot, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(turkey)
    path = screenshot(page, f"public-timeline-{name}")
    assert path.stat().st_size > 10_000
    # Nothing wider than the screen: a phone reader never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
