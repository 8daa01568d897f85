"""Issue 12 in the browser: the axis, key events, eras, media, the embed on another origin,
the feed, the API against its OpenAPI description, and the share tags."""

from __future__ import annotations

import http.server
import json
import threading
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from timeline import demo
from timeline.models import Event

pytestmark = pytest.mark.django_db(transaction=True)

PHONE, DESKTOP = 390, 1280


@pytest.fixture
def turkey(live_server):
    timeline = demo.load()
    return f"{live_server.url}{timeline.get_absolute_url()}"


@pytest.fixture
def other_origin():
    """A news site of another origin (127.0.0.1, not localhost) that serves one article."""
    pages: dict[str, str] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path.split("?")[0], "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", pages
    server.shutdown()


def no_sideways_scroll(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_timeline_reads_as_a_timeline(page, turkey, screenshot, axe_violations, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(turkey)
    assert page.locator(".axis .year-marker").all_inner_texts() == [
        "2013",
        "2015",
        "2016",
        "2017",
        "2019",
        "2020",
    ]
    gaps = page.locator(".gap-collapsed").all_inner_texts()
    assert gaps == ["11 months later", "18 months later", "17 months later"]
    assert page.locator("article.event.key").count() == 5
    assert page.locator("article.marker-year").count() == 2  # bands over their year
    assert page.locator("article.marker-range").count() == 1  # the 2013 – 2015 talks
    for era in ("fd-2000-tender", "buying-the-s-400", "sanctions"):
        assert page.locator(f"h2#era-{era}").is_visible()
    image = page.locator("figure.event-image img")
    image.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('figure.event-image img').complete")
    assert image.evaluate("img => img.naturalWidth") > 0
    assert image.get_attribute("alt").startswith("Diagram of the four bids")
    assert "480w" in image.get_attribute("srcset")
    no_sideways_scroll(page, width)
    screenshot(page, f"newsroom-timeline-{'phone' if width == PHONE else 'desktop'}")
    assert axe_violations(page) == []


def test_eras_can_be_jumped_to_and_key_events_give_the_short_version(page, turkey):
    page.goto(turkey)
    page.click(".eras a:has-text('Sanctions')")
    page.wait_for_url("**#era-sanctions")
    page.goto(turkey)
    page.click("text=Key events only (5)")
    page.wait_for_url("**key=on**")
    assert page.locator("article.event").count() == 5
    page.click("text=Show all 10")
    assert page.locator("article.event").count() == 10


def test_on_a_phone_the_filters_fold_and_the_timeline_starts_on_the_first_screen(
    page, turkey, screenshot
):
    page.set_viewport_size({"width": PHONE, "height": 844})
    page.goto(turkey)
    assert not page.locator("#id_q").is_visible()
    assert page.locator(".year-marker").first.bounding_box()["y"] < 844
    page.click("summary:has-text('Filter events')")
    assert page.locator("#id_q").is_visible()
    page.check("#id_key")  # htmx: the list follows at once
    page.wait_for_function("document.querySelectorAll('article.event').length == 5")
    assert "Show all 10" in page.locator(".result-count").inner_text()
    screenshot(page, "newsroom-phone-filters-open")


def test_latest_and_beginning_links_and_neighbours_on_the_event_page(page, turkey):
    page.goto(turkey)
    page.click("text=Latest event")
    page.wait_for_url("**#latest")
    page.click("text=US sanctions Turkey's defense procurement agency")
    assert "This is the latest event." in page.locator(".event-neighbours").inner_text()
    page.click("a[rel=prev]")
    assert page.locator("h1").inner_text() == "The US removes Turkey from the F-35 programme"
    # the demo note and the summary of the Pentagon briefing
    assert page.locator("h2.sources-count").inner_text() == "2 sources"
    page.click("a[rel=next]")
    assert page.locator("h1").inner_text() == "US sanctions Turkey's defense procurement agency"


def test_key_events_only_works_without_javascript(browser, turkey):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(turkey)
    page.click("text=Key events only (5)")
    assert page.locator("article.event").count() == 5
    context.close()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_embed_on_another_site_sizes_itself_and_follows_a_deep_link(
    browser, live_server, turkey, other_origin, screenshot, width
):
    site, pages = other_origin
    target = Event.objects.get(headline="US sanctions Turkey's defense procurement agency")
    server = live_server.url
    snippet = (
        f'<iframe src="{server}/timelines/turkey-air-defense/embed/?event={target.pk}" '
        'title="Timeline" width="100%" height="300" data-timeline-embed style="border:0">'
        f'</iframe><script src="{server}/static/timeline/embed-host.js"></script>'
    )
    pages["/article"] = (
        "<!doctype html><html lang=en><head><meta name=viewport "
        'content="width=device-width, initial-scale=1"><title>An article</title></head>'
        "<body><h1>News article</h1>" + "<p>Paragraph.</p>" * 30 + snippet + "<p>End.</p>"
        "</body></html>"
    )
    context = browser.new_context(viewport={"width": width, "height": 800})  # real CSP
    page = context.new_page()
    page.goto(f"{site}/article")
    frame = page.frame_locator("iframe[data-timeline-embed]")
    frame.locator(f"#event-{target.pk}.target").wait_for()
    page.wait_for_function(
        "document.querySelector('iframe[data-timeline-embed]').offsetHeight > 1500"
    )
    page.wait_for_function("window.scrollY > 1000")  # the host page scrolls to the event
    for _ in range(30):  # smoothly: wait for it to come to rest on screen
        box = frame.locator(f"#event-{target.pk}").bounding_box()
        if 0 <= box["y"] < 800:
            break
        page.wait_for_timeout(100)
    height = page.evaluate("document.querySelector('iframe').offsetHeight")
    assert 0 <= box["y"] < 800, (box, height, page.evaluate("window.scrollY"))
    link = frame.locator(f"#event-{target.pk} h3 a")
    assert link.get_attribute("target") == "_blank"
    no_sideways_scroll(page, width)
    screenshot(page, f"newsroom-embed-{'phone' if width == PHONE else 'desktop'}")
    context.close()


def test_other_pages_refuse_to_be_framed(browser, live_server, turkey, other_origin):
    site, pages = other_origin
    pages["/thief"] = f'<!doctype html><iframe src="{turkey}" title="x"></iframe>'
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site}/thief")
    page.wait_for_timeout(500)
    assert page.frames[1].url.startswith("chrome-error:")  # blocked: frame-ancestors 'none'
    context.close()


def test_feed_api_and_share_tags_are_what_they_say(page, live_server, turkey, other_origin):
    site, pages = other_origin
    page.goto(turkey)
    feed_url = page.locator("link[type='application/atom+xml']").get_attribute("href")
    feed = ET.fromstring(page.request.get(live_server.url + feed_url).body())
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == 10
    og_image = page.locator("meta[property='og:image']").get_attribute("content")
    image = page.request.get(og_image)
    assert image.headers["content-type"] == "image/png" and image.body()[:4] == b"\x89PNG"
    assert page.locator("meta[name='twitter:card']").get_attribute("content") == (
        "summary_large_image"
    )
    assert page.locator("link[rel=canonical]").get_attribute("href") == turkey
    structured = json.loads(page.locator("script[type='application/ld+json']").inner_text())
    assert structured["numberOfItems"] == 10

    # Another site's page reads the API in the browser (CORS), as a newsroom's app would.
    pages["/app"] = "<!doctype html><title>app</title>"
    page.goto(f"{site}/app")
    data = page.evaluate(
        "url => fetch(url).then(r => r.json())",
        f"{live_server.url}/api/v1/timelines/turkey-air-defense/events/?key=on",
    )
    openapi = page.request.get(f"{live_server.url}/api/v1/openapi.json").json()
    schema = {"$ref": "#/components/schemas/EventPage", "components": openapi["components"]}
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["count"] == 5 and all(event["key"] for event in data["results"])
    one = page.evaluate(
        "url => fetch(url).then(r => r.json())",
        f"{live_server.url}/api/v1/timelines/turkey-air-defense/",
    )
    schema = {"$ref": "#/components/schemas/TimelineDetail", "components": openapi["components"]}
    jsonschema.Draft202012Validator(schema).validate(one)
    assert one["event_count"] == 10 and one["key_event_count"] == 5 and one["eras"]
    assert one["events_url"].endswith("/api/v1/timelines/turkey-air-defense/events/")

    # A CMS that reads XML finds the oEmbed answer from the page alone.
    page.goto(turkey)
    xml_url = page.locator("link[type='text/xml+oembed']").get_attribute("href")
    answer = page.request.get(xml_url)
    assert answer.headers["content-type"].startswith("text/xml")
    oembed = ET.fromstring(answer.body())
    assert oembed.tag == "oembed" and oembed.find("type").text == "rich"
    assert "/timelines/turkey-air-defense/embed/" in oembed.find("html").text
