from __future__ import annotations

import http.server
import threading
import time
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.conftest import FIXTURES, visible_text
from tests.factories import (
    EditorFactory,
    EventFactory,
    ProposalFactory,
    SourceFactory,
    TimelineFactory,
    UserFactory,
    proposal_of,
)
from timeline import services
from timeline.models import Citation, Event, Proposal, Source
from timeline.periods import Period, Precision

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Turkey chose China's FD-2000 in 2013. The deal was cancelled in 2015.\n\n"
    "The minister said on Friday that talks with Russia went well."
)


@pytest.fixture
def timeline():
    return TimelineFactory(slug="air-defense", title="Air defense")


# What the extractor proposes for ARTICLE, built directly so these tests do not
# depend on the extractor's rules: (date as written, value, relative, headline, confidence).
PROPOSED = [
    ("2013", "2013", False, "Turkey chose China's FD-2000", 0.85),
    ("2015", "2015", False, "The deal was cancelled", 0.85),
    ("Friday", "2016-11-18", True, "Talks with Russia went well", 0.8),
]


@pytest.fixture
def source(timeline, editor):
    source = SourceFactory(
        timeline=timeline,
        text=ARTICLE,
        title="Talks",
        published=date(2016, 11, 19),
        added_by=editor,
    )
    for written, value, relative, headline, confidence in PROPOSED:
        start = ARTICLE.index(written)
        sentence_start = ARTICLE.rfind("\n", 0, start) + 1
        if (stop := ARTICLE.rfind(". ", sentence_start, start)) != -1:
            sentence_start = stop + 2
        sentence_end = ARTICLE.index(".", start) + 1
        ProposalFactory(
            source=source,
            mention_text=written,
            mention_start=start,
            mention_end=start + len(written),
            value=value,
            period=Period.parse(value),
            relative=relative,
            sentence=ARTICLE[sentence_start:sentence_end],
            sentence_start=sentence_start,
            sentence_end=sentence_end,
            headline=headline,
            confidence=confidence,
        )
    return source


HTMX = {"HX-Request": "true", "HX-Current-URL": "http://testserver/review/"}


# --- who may do what -------------------------------------------------------------------


def review_urls(source) -> list[tuple[str, str]]:
    p = source.proposals.first()
    e = EventFactory(timeline=source.timeline)
    return [
        ("get", reverse("review:queue")),
        ("get", reverse("review:add")),
        ("post", reverse("review:add")),
        ("get", reverse("review:source", args=[source.pk])),
        ("post", reverse("review:published", args=[source.pk])),
        ("post", reverse("review:reading", args=[source.pk])),
        ("post", reverse("review:confirm", args=[p.pk])),
        ("get", reverse("review:edit", args=[p.pk])),
        ("post", reverse("review:merge", args=[p.pk])),
        ("post", reverse("review:reject", args=[p.pk])),
        ("post", reverse("review:undo", args=[p.pk])),
        ("get", reverse("review:event_history", args=[e.pk])),
    ]


def test_anonymous_visitors_are_sent_to_log_in_from_every_review_url(client, source):
    for method, url in review_urls(source):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), url
        htmx = getattr(client, method)(url, headers=HTMX)
        assert htmx.status_code == 200 and htmx["HX-Redirect"].startswith("/accounts/login/")
    assert Proposal.objects.reviewed().count() == 0


def test_logged_in_non_editors_get_403_from_every_review_url(client, source):
    client.force_login(UserFactory(username="reader"))
    for method, url in review_urls(source):
        assert getattr(client, method)(url).status_code == 403, url
        assert getattr(client, method)(url, headers=HTMX).status_code == 403, url
    assert Proposal.objects.reviewed().count() == 0


def test_editor_reaches_every_review_page(editor_client, source):
    for method, url in review_urls(source):
        if method == "get":
            assert editor_client.get(url, follow=True).status_code == 200, url


def test_posts_without_a_csrf_token_are_refused(editor, source):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    proposal = source.proposals.first()
    response = client.post(reverse("review:reject", args=[proposal.pk]), headers=HTMX)
    assert response.status_code == 403
    assert proposal_of(source, proposal.value).state == Proposal.State.PENDING


def test_review_page_sends_the_csrf_token_with_every_htmx_request(editor_client, source):
    content = editor_client.get(reverse("review:source", args=[source.pk])).content.decode()
    assert 'hx-headers=\'{"x-csrftoken": "' in content


def test_login_page_is_styled_like_the_app(client):
    content = client.get(reverse("login")).content.decode()
    assert "site.css" in content and "<h1>Log in</h1>" in content


# --- the queue -------------------------------------------------------------------------


def test_queue_lists_sources_with_pending_proposals_oldest_first(editor_client, timeline, editor):
    first = services.add_source(timeline=timeline, text="Held in 2013.", title="Older", user=editor)
    services.add_source(timeline=timeline, text="Nothing dated.", title="Undated", user=editor)
    services.add_source(timeline=timeline, text="In 2014 and 2015.", title="Newer", user=editor)
    done = services.add_source(timeline=timeline, text="Done in 2016.", title="Done", user=editor)
    services.reject(proposal=done.source.proposals.get(), user=editor)
    services.reject(proposal=first.source.proposals.get(), user=editor)
    services.undo(proposal=first.source.proposals.get(), user=editor)
    content = editor_client.get(reverse("review:queue")).content.decode()
    assert content.index("Older") < content.index("Newer")
    assert "Undated" not in content and ">Done<" not in content
    assert '<td class="number" data-label="Pending">2</td>' in content


# --- adding sources --------------------------------------------------------------------


def add(client, **data):
    return client.post(reverse("review:add"), {"title": "", **data})


def test_pasting_an_article_stores_it_extracts_and_opens_its_review(editor_client, timeline):
    response = add(editor_client, timeline=timeline.pk, text=ARTICLE, published="2016-11-19")
    source = Source.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("review:source", args=[source.pk])
    assert source.title == "Turkey chose China's FD-2000 in 2013. The deal was cancelled in 2015."
    assert list(source.proposals.values_list("value", flat=True)) == ["2013", "2015", "2016-11-18"]


def test_pasting_the_same_text_again_leads_to_the_existing_source(editor_client, source):
    response = add(editor_client, timeline=source.timeline.pk, text=ARTICLE + "\n")
    assert response["Location"] == reverse("review:source", args=[source.pk])
    assert Source.objects.count() == 1
    follow = editor_client.get(response["Location"])
    assert "already a source of this timeline" in follow.content.decode()


def test_uploading_text_and_html_files(editor_client, timeline):
    text = SimpleUploadedFile("notes.md", b"# Notes\n\nIt was cancelled in 2015.")
    add(editor_client, timeline=timeline.pk, file=text)
    html = SimpleUploadedFile("page.html", (FIXTURES / "s400-talks.html").read_bytes())
    add(editor_client, timeline=timeline.pk, file=html)
    notes, page = Source.objects.order_by("id")
    assert notes.title == "Notes" and notes.proposals.get().value == "2015"
    assert page.title == "Turkey in talks with Russia on S-400"
    assert page.published == date(2016, 11, 19) and "Sport" not in page.text
    assert "2016-11-18" in page.proposals.values_list("value", flat=True)


@pytest.mark.parametrize(
    ("field", "data", "message"),
    [
        (
            "text",
            {"text": "   "},
            "Paste the article&#x27;s text, upload a file or give its address.",
        ),
        (
            "file",
            {"file": ("blob.txt", b"\x89PNG\x00\x01")},
            "blob.txt is a binary file, not text.",
        ),
        ("file", {"file": ("old.txt", "café 2013".encode("latin-1"))}, "is not UTF-8 text"),
        ("file", {"file": ("deck.pdf", b"%PDF-1.4")}, "only .txt, .md and .html files"),
        ("published", {"text": ARTICLE, "published": "2016-02-30"}, "Enter a real date"),
        ("url", {"url": "ftp://example.org/a"}, "Only http and https addresses can be fetched."),
    ],
)
def test_bad_input_says_what_is_wrong_and_keeps_what_was_typed(
    editor_client, timeline, field, data, message
):
    if "file" in data:
        name, content = data["file"]
        data = {"file": SimpleUploadedFile(name, content), "text": ""}
    response = add(editor_client, timeline=timeline.pk, publisher="Typed Wire", **data)
    content = response.content.decode()
    assert response.status_code == 422
    assert message in content
    assert 'value="Typed Wire"' in content
    assert Source.objects.count() == 0


def test_a_file_over_the_limit_is_refused_with_the_limit_named(editor_client, timeline, settings):
    settings.TIMELINE_MAX_SOURCE_BYTES = 1024
    big = SimpleUploadedFile("big.txt", b"In 2013. " * 200)
    response = add(editor_client, timeline=timeline.pk, file=big)
    assert response.status_code == 422
    assert "the limit is 1024 bytes (0.0 MiB)" in response.content.decode()
    pasted = add(editor_client, timeline=timeline.pk, text="In 2013. " * 200)
    assert "longer than the limit of 1024 bytes" in pasted.content.decode()


def test_a_paste_past_djangos_default_request_limit_gets_the_form_and_its_message(
    editor_client, timeline
):
    text = "It began in 2013. " * 150_000  # 2.7 MB: Django's default limit is 2.5 MB
    response = add(editor_client, timeline=timeline.pk, publisher="Typed Wire", text=text)
    content = response.content.decode()
    assert response.status_code == 422
    assert "The text is longer than the limit of 2097152 bytes." in content
    assert 'value="Typed Wire"' in content
    assert Source.objects.count() == 0


def test_a_paste_too_large_to_read_still_gets_the_add_form(editor_client, timeline, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = add(editor_client, timeline=timeline.pk, text="x" * 20_000)
    content = response.content.decode()
    assert response.status_code == 413
    assert "The text is longer than the limit of" in content and 'id="id_text"' in content


def test_a_request_too_large_elsewhere_is_a_plain_400(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(reverse("login"), {"username": "x" * 20_000})
    assert response.status_code == 400


# --- fetching by URL, from a local server of fixture pages ------------------------------


class FixtureHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        routes = {
            "/article.html": (
                200,
                "text/html; charset=utf-8",
                (FIXTURES / "s400-talks.html").read_bytes(),
            ),
            "/notes.txt": (200, "text/plain", b"It was cancelled in 2015."),
            "/deck.pdf": (200, "application/pdf", b"%PDF-1.4"),
            "/big.html": (200, "text/html", b"<p>x</p>" * 1000),
        }
        if self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", "http://10.1.2.3/internal")
            self.end_headers()
            return
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        if self.path == "/slow.html":
            time.sleep(2)
        status, content_type, body = routes.get(self.path, (404, "text/plain", b"missing"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def fixture_site(settings):
    settings.TIMELINE_FETCH_ALLOW_LOOPBACK = True
    settings.TIMELINE_FETCH_TIMEOUT_SECONDS = 0.5
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FixtureHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_fetch_fills_the_form_with_text_and_metadata_to_check(
    editor_client, timeline, fixture_site
):
    response = add(editor_client, timeline=timeline.pk, url=f"{fixture_site}/moved", fetch="1")
    content = response.content.decode()
    assert response.status_code == 200 and Source.objects.count() == 0
    assert "Check the text, the title and above all the publication date" in content
    assert 'value="Turkey in talks with Russia on S-400"' in content
    assert 'value="Example Defence Wire"' in content and 'value="2016-11-19"' in content
    assert "talks with Russia on buying the S-400" in content and "Sport" not in content


def test_editor_corrects_the_fetched_date_before_extraction(editor_client, timeline, fixture_site):
    form = add(editor_client, timeline=timeline.pk, url=f"{fixture_site}/article.html", fetch="1")
    text = form.context["form"]["text"].value()
    add(
        editor_client,
        timeline=timeline.pk,
        url=f"{fixture_site}/article.html",
        text=text,
        title="Corrected",
        published="2016-11-20",
    )
    source = Source.objects.get()
    assert source.published == date(2016, 11, 20) and source.title == "Corrected"
    assert source.url == f"{fixture_site}/article.html"
    friday = source.proposals.get(mention_text="Friday")
    assert friday.value == "2016-11-18"


def test_adding_by_url_alone_fetches_and_extracts(editor_client, timeline, fixture_site):
    response = add(editor_client, timeline=timeline.pk, url=f"{fixture_site}/notes.txt")
    source = Source.objects.get()
    assert response["Location"] == reverse("review:source", args=[source.pk])
    assert source.text == "It was cancelled in 2015." and source.proposals.get().value == "2015"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "The page answered with HTTP 404."),
        ("/deck.pdf", "The page is application/pdf, not an HTML article."),
        ("/slow.html", "The page did not answer within 0.5 seconds."),
        ("/big.html", "larger than the limit of 4000 bytes"),
    ],
)
def test_fetch_failures_are_explained_next_to_the_url(
    editor_client, timeline, fixture_site, settings, path, message
):
    settings.TIMELINE_MAX_SOURCE_BYTES = 4000
    response = add(editor_client, timeline=timeline.pk, url=f"{fixture_site}{path}", fetch="1")
    assert response.status_code == 422
    assert message in response.content.decode()
    assert Source.objects.count() == 0


def test_fetching_from_the_servers_own_network_is_refused(editor_client, timeline, settings):
    settings.TIMELINE_FETCH_ALLOW_LOOPBACK = False
    for url in [
        "http://127.0.0.1:9/",
        "http://localhost/",
        "http://169.254.169.254/latest/",
        "http://10.0.0.1/",
    ]:
        response = add(editor_client, timeline=timeline.pk, url=url, fetch="1")
        assert response.status_code == 422
        assert "is not a public address; it cannot be fetched." in response.content.decode(), url


def test_a_redirect_to_a_private_address_is_refused(editor_client, timeline, fixture_site):
    response = add(editor_client, timeline=timeline.pk, url=f"{fixture_site}/to-private", fetch="1")
    assert response.status_code == 422
    assert "10.1.2.3 is not a public address; it cannot be fetched." in response.content.decode()


def test_edit_fragment_varies_on_htmx(editor_client, source):
    proposal = source.proposals.first()
    response = editor_client.get(reverse("review:edit", args=[proposal.pk]), headers=HTMX)
    assert "HX-Request" in response["Vary"]


# --- the review page -------------------------------------------------------------------


def test_review_page_highlights_every_mention_and_lists_proposals_in_reading_order(
    editor_client, source
):
    content = editor_client.get(reverse("review:source", args=[source.pk])).content.decode()
    for proposal in source.proposals.all():
        assert f'<mark id="mention-{proposal.pk}" class="mention pending">' in content
        assert f">{proposal.mention_text}</a></mark>" in content
    positions = [
        content.index(f'id="proposal-{p.pk}"') for p in source.proposals.order_by("mention_start")
    ]
    assert positions == sorted(positions)
    assert "<strong>18 November 2016</strong>" in content and "<strong>2013</strong>" in content
    assert "80% sure" in content


def test_unresolved_relative_dates_are_flagged_plainly(editor_client, timeline, editor):
    source = services.add_source(
        timeline=timeline, text=ARTICLE, title="Undated", user=editor
    ).source
    content = editor_client.get(reverse("review:source", args=[source.pk])).content.decode()
    assert "relative date: give the article&#x27;s publication date to resolve it" in content
    assert "Unresolved: “Friday”" in content


def test_setting_the_publication_date_re_extracts_pending_and_keeps_reviewed(
    editor_client, timeline, editor
):
    source = services.add_source(
        timeline=timeline, text=ARTICLE, title="Undated", user=editor
    ).source
    services.confirm(proposal=proposal_of(source, "2013"), user=editor, headline="Kept")
    response = editor_client.post(
        reverse("review:published", args=[source.pk]), {"published": "2016-11-19"}
    )
    assert response.status_code == 302
    assert source.proposals.get(mention_text="Friday").value == "2016-11-18"
    assert proposal_of(source, "2013").state == Proposal.State.CONFIRMED
    assert Event.objects.get().headline == "Kept"


def test_review_page_shows_the_publication_date_ready_to_correct(editor_client, source):
    content = editor_client.get(reverse("review:source", args=[source.pk])).content.decode()
    assert 'type="date" name="published" value="2016-11-19"' in content


HISTORY = "The war began in 1940. In July the city fell."


def test_setting_the_kind_re_reads_pending_dates_and_keeps_reviewed(
    editor_client, timeline, editor
):
    source = services.add_source(
        timeline=timeline, text=HISTORY, title="History", published=date(2009, 12, 19)
    ).source
    assert source.proposals.get(mention_text="July").value == "2009-07"
    services.confirm(proposal=proposal_of(source, "1940"), user=editor, headline="Kept")
    response = editor_client.post(
        reverse("review:reading", args=[source.pk]), {"kind": "narrative", "language": ""}
    )
    assert response.status_code == 302
    source.refresh_from_db()
    assert (source.kind, source.read_as_kind) == ("narrative", "narrative")
    assert source.proposals.get(mention_text="July").value == "1940-07"
    assert proposal_of(source, "1940").event.headline == "Kept"
    assert source.history.latest().history_user == editor


def test_setting_the_language_reads_the_text_in_it(editor_client, timeline):
    source = services.add_source(
        timeline=timeline, text="Am 12. September 2017 unterzeichnet.", title="Kurz"
    ).source
    editor_client.post(reverse("review:reading", args=[source.pk]), {"kind": "", "language": "de"})
    source.refresh_from_db()
    assert source.read_as_language == "de"
    assert [p.value for p in source.proposals.all()] == ["2017-09-12"]


def test_review_page_shows_how_the_source_was_read(editor_client, timeline):
    source = services.add_source(
        timeline=timeline,
        text="Il 15 luglio 2016 il colpo di stato è fallito.",
        title="Italiano",
        language="it",
    ).source
    content = editor_client.get(reverse("review:source", args=[source.pk])).content.decode()
    assert 'name="kind"' in content and 'name="language"' in content
    assert '<option value="it" selected>it</option>' in content
    assert "The extractor does not read it: it looked for years only." in content


def test_an_unknown_kind_or_language_is_refused(editor_client, source):
    response = editor_client.post(
        reverse("review:reading", args=[source.pk]), {"kind": "essay", "language": "xx"}
    )
    assert response.status_code == 422
    content = response.content.decode()
    assert "Select a valid choice. essay is not one of the available choices." in content
    source.refresh_from_db()
    assert source.kind == ""


def test_an_impossible_publication_date_is_refused(editor_client, source):
    response = editor_client.post(
        reverse("review:published", args=[source.pk]), {"published": "2016-13-01"}
    )
    assert response.status_code == 422
    assert "Enter a real date" in response.content.decode()


# --- actions ---------------------------------------------------------------------------


def test_confirm_with_htmx_swaps_the_proposal_its_highlight_and_the_counts(editor_client, source):
    proposal = proposal_of(source, "2013")
    response = editor_client.post(reverse("review:confirm", args=[proposal.pk]), headers=HTMX)
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith(
        f'<li id="proposal-{proposal.pk}" class="proposal confirmed"'
    )
    assert (
        f'<mark id="mention-{proposal.pk}" class="mention confirmed" hx-swap-oob="true">' in content
    )
    assert '<p id="counts" class="counts" hx-swap-oob="true"' in content
    assert "<strong>2</strong> pending" in content and "<strong>1</strong> confirmed" in content
    assert "<html" not in content
    event = Event.objects.get()
    assert (
        event.date_display == "2013"
        and event.citations.get().quote == "Turkey chose China's FD-2000 in 2013."
    )


def test_confirm_without_javascript_redirects_back_to_the_proposal(editor_client, source):
    proposal = proposal_of(source, "2013")
    response = editor_client.post(reverse("review:confirm", args=[proposal.pk]))
    assert response.status_code == 302
    assert (
        response["Location"]
        == reverse("review:source", args=[source.pk]) + f"#proposal-{proposal.pk}"
    )
    assert Event.objects.count() == 1


def test_edit_shows_the_form_inline_with_htmx_and_on_the_page_without(editor_client, source):
    proposal = proposal_of(source, "2015")
    fragment = editor_client.get(reverse("review:edit", args=[proposal.pk]), headers=HTMX)
    assert 'class="edit-form stacked"' in fragment.content.decode()
    assert f'name="p{proposal.pk}-date" value="2015"' in fragment.content.decode()
    plain = editor_client.get(reverse("review:edit", args=[proposal.pk]))
    assert plain["Location"].endswith(f"?edit={proposal.pk}#proposal-{proposal.pk}")
    page = editor_client.get(plain["Location"]).content.decode()
    assert f'name="p{proposal.pk}-headline"' in page


def test_confirm_with_edits_creates_the_edited_event(editor_client, source):
    proposal = proposal_of(source, "2015")
    prefix = f"p{proposal.pk}"
    editor_client.post(
        reverse("review:confirm", args=[proposal.pk]),
        {
            f"{prefix}-headline": "Turkey cancels the FD-2000 award",
            f"{prefix}-description": "Talks on technology transfer failed.",
            f"{prefix}-date": "2015-11",
            f"{prefix}-end": "",
            f"{prefix}-circa": "on",
        },
        headers=HTMX,
    )
    event = Event.objects.get()
    assert (event.headline, event.date_display, event.precision) == (
        "Turkey cancels the FD-2000 award",
        "c. November 2015",
        Precision.MONTH,
    )
    assert event.description == "Talks on technology transfer failed."


@pytest.mark.parametrize(
    ("date_value", "end_value", "message"),
    [
        ("2015-02-30", "", "2015-02-30 is not a date that exists."),
        ("soon", "", "Write the date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2015", "2013", "The end date is before the start."),
        ("", "", "This field is required."),
    ],
)
def test_bad_edits_are_refused_next_to_the_field_keeping_what_was_typed(
    editor_client, source, date_value, end_value, message
):
    proposal = proposal_of(source, "2015")
    prefix = f"p{proposal.pk}"
    data = {
        f"{prefix}-headline": "My careful headline",
        f"{prefix}-date": date_value,
        f"{prefix}-end": end_value,
    }
    for headers in (HTMX, {}):
        response = editor_client.post(
            reverse("review:confirm", args=[proposal.pk]), data, headers=headers
        )
        content = response.content.decode()
        assert response.status_code == 422
        assert message in content
        assert 'value="My careful headline"' in content
    assert Event.objects.count() == 0
    assert proposal_of(source, "2015").state == Proposal.State.PENDING


def test_merge_suggests_likely_events_and_cites_the_sentence(editor_client, source):
    likely = EventFactory(
        timeline=source.timeline,
        headline="The FD-2000 deal is cancelled",
        date=date(2015, 11, 1),
        precision=Precision.MONTH,
    )
    EventFactory(timeline=source.timeline, headline="Deal cancelled", date=date(2013, 1, 1))
    EventFactory(headline="The deal was cancelled", date=date(2015, 1, 1))  # another timeline
    proposal = proposal_of(source, "2015")
    page = editor_client.get(reverse("review:source", args=[source.pk])).content.decode()
    merge_form = page[page.index(f'id="merge-{proposal.pk}"') :].split("</select>")[0]
    assert f'value="{likely.pk}">November 2015: The FD-2000 deal is cancelled' in merge_form
    assert "Deal cancelled" not in merge_form and "The deal was cancelled" not in merge_form
    response = editor_client.post(
        reverse("review:merge", args=[proposal.pk]), {"event": likely.pk}, headers=HTMX
    )
    assert "Merged into “The FD-2000 deal is cancelled”." in response.content.decode()
    assert likely.citations.get().quote == "The deal was cancelled in 2015."
    assert proposal_of(source, "2015").state == Proposal.State.MERGED


def test_merge_into_nothing_or_another_timeline_is_refused(editor_client, source):
    proposal = proposal_of(source, "2015")
    elsewhere = EventFactory()
    for event in ("", elsewhere.pk, "abc", "1e5", "7.0", "-1"):
        response = editor_client.post(
            reverse("review:merge", args=[proposal.pk]), {"event": event}, headers=HTMX
        )
        assert response.status_code == 422
        assert "Choose the event this proposal reports." in response.content.decode()
    assert Citation.objects.count() == 0


def test_reject_then_undo(editor_client, source):
    proposal = proposal_of(source, "2013")
    rejected = editor_client.post(reverse("review:reject", args=[proposal.pk]), headers=HTMX)
    assert 'class="mention rejected"' in rejected.content.decode()
    undone = editor_client.post(reverse("review:undo", args=[proposal.pk]), headers=HTMX)
    assert "Undone: the proposal is pending again." in undone.content.decode()
    assert proposal_of(source, "2013").state == Proposal.State.PENDING


def test_a_second_editor_on_a_reviewed_proposal_is_told_who_did_what(editor_client, source, editor):
    proposal = proposal_of(source, "2013")
    services.confirm(proposal=proposal, user=editor)
    other = Client()
    other.force_login(EditorFactory(username="bora"))
    for action in ("review:confirm", "review:reject"):
        response = other.post(reverse(action, args=[proposal.pk]), headers=HTMX)
        assert response.status_code == 409
        assert "ayse already confirmed this proposal" in response.content.decode()
    plain = other.post(reverse("review:confirm", args=[proposal.pk]), follow=True)
    assert "ayse already confirmed this proposal" in plain.content.decode()
    assert Event.objects.count() == 1 and Citation.objects.count() == 1


def test_double_submit_of_confirm_creates_one_event(editor_client, source):
    proposal = proposal_of(source, "2013")
    url = reverse("review:confirm", args=[proposal.pk])
    first = editor_client.post(url, headers=HTMX)
    second = editor_client.post(url, headers=HTMX)
    assert (first.status_code, second.status_code) == (200, 409)
    assert Event.objects.count() == 1


def test_event_history_shows_who_confirmed_edited_and_merged(editor_client, source, editor):
    event = services.confirm(proposal=proposal_of(source, "2015"), user=editor, headline="First")
    event.headline = "Second"
    event._history_user = EditorFactory(username="bora")
    event.save()
    response = editor_client.get(reverse("review:event_history", args=[event.pk]))
    seen = visible_text(response.content.decode())
    assert "ayse created it" in seen
    assert "bora changed headline" in seen
    assert "ayse cited" in seen
    assert "Confirmed by ayse from" in seen


def test_pending_only_view_hides_reviewed_proposals(editor_client, source, editor):
    services.reject(proposal=proposal_of(source, "2013"), user=editor)
    url = reverse("review:source", args=[source.pk])
    everything = visible_text(editor_client.get(url).content.decode())
    pending = visible_text(editor_client.get(url, {"show": "pending"}).content.decode())
    everything, pending = (text.split("Proposed events")[1] for text in (everything, pending))
    assert "Turkey chose China's FD-2000" in everything
    assert "Turkey chose China's FD-2000" not in pending
    assert "The deal was cancelled" in pending


def test_publication_date_is_shown_as_the_app_writes_it(editor_client, source):
    content = editor_client.get(reverse("review:source", args=[source.pk])).content.decode()
    assert "saved as 19 November 2016" in content


def test_a_confirmed_card_shows_the_saved_headline_and_date(editor_client, source, editor):
    proposal = proposal_of(source, "2015")
    services.confirm(
        proposal=proposal,
        user=editor,
        headline="Turkey cancels the tender",
        period=Period(date(2015, 11, 1), Precision.MONTH),
    )
    content = editor_client.get(reverse("review:source", args=[source.pk])).content.decode()
    card = content[content.index(f'id="proposal-{proposal.pk}"') :].split("</li>")[0]
    shown = card.split('class="proposal-headline">')[1].split("</p>")[0]
    assert shown == "Turkey cancels the tender"
    assert "<strong>November 2015</strong>" in card
