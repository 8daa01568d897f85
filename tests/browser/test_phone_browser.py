"""Every page type on a 390 px phone: nothing wider than the screen, screenshots to look at.

The review pages are loaded with what makes them widen: many pending proposals,
a word longer than the screen, an unbroken URL as title, publisher and text.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import SEED
from tests.factories import EditorFactory
from timeline import demo, services
from timeline.models import Event, Source

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = 390
LONG_WORD = "Luftverteidigungsraketensystembeschaffungsprogrammverhandlungen" * 2
LONG_URL = "https://news.example.org/" + "/".join(["air-defence-procurement-analysis"] * 6)
LONG_TEXT = (
    f"{LONG_WORD} began in 2013, the ministry said.\n"
    f"Details at {LONG_URL} were updated in March 2015.\n"
    + "".join(f"Officials met again in {year}. " for year in range(2001, 2013))
)


@pytest.fixture
def site(live_server):
    editor = EditorFactory(username="ayse", password="correct horse battery")
    timeline = demo.load()
    seed = None
    if SEED.exists():
        seed = services.add_source(
            timeline=timeline,
            text=SEED.read_text(encoding="utf-8"),
            title="NATO-member Turkey in talks to buy Russia's S-400",
            published=date(2016, 11, 19),
            user=editor,
        ).source
    long = services.add_source(
        timeline=timeline,
        text=LONG_TEXT,
        # As long as the fields allow (PostgreSQL refuses more; SQLite would not say).
        title=f"{LONG_WORD} {LONG_URL}"[: Source._meta.get_field("title").max_length],
        publisher=LONG_URL[: Source._meta.get_field("publisher").max_length],
        url=LONG_URL,
        published=date(2016, 11, 19),
        user=editor,
    ).source
    services.confirm(
        proposal=long.proposals.get(value="2013"), user=editor, headline=f"{LONG_WORD} began"
    )
    return {"timeline": timeline, "seed": seed, "long": long, "url": live_server.url}


def log_in(page, url):
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", "ayse")
    page.fill("#id_password", "correct horse battery")
    page.click("main button[type=submit]")
    page.wait_for_url("**/review/")


def pages(site) -> dict[str, str]:
    timeline = site["timeline"]
    event = Event.objects.filter(timeline=timeline).order_by("id").first()
    long_event = Event.objects.get(headline__startswith=LONG_WORD)
    urls = {
        "public-list": "/",
        "public-timeline": timeline.get_absolute_url(),
        "public-event": event.get_absolute_url(),
        "public-event-long-words": long_event.get_absolute_url(),
        "login": "/accounts/login/",
        "review-queue": "/review/",
        "review-add": "/review/sources/add/",
        "review-source-long-words": f"/review/sources/{site['long'].pk}/",
        "review-event-history": f"/review/events/{long_event.pk}/history/",
        "admin-event-changelist": "/admin/timeline/event/",
        "admin-source-changelist": "/admin/timeline/source/",
    }
    if site["seed"]:
        urls["review-source-seed"] = f"/review/sources/{site['seed'].pk}/"
    return urls


def test_no_page_is_wider_than_a_phone(browser, site, screenshot):
    context = browser.new_context(viewport={"width": PHONE, "height": 844}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    wide = {}
    for name, path in pages(site).items():
        if name == "review-queue":
            log_in(page, site["url"])  # the public pages and login first, as a reader
        page.goto(site["url"] + path)
        screenshot(page, f"phone-{name}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE:
            wide[name] = width
    context.close()
    assert Source.objects.filter(proposals__state="pending").exists()
    assert wide == {}
