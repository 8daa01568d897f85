"""Who may reach what, the headers every page carries, logins, and hostile text."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from tests.factories import (
    CitationFactory,
    EditorFactory,
    EventFactory,
    ProposalFactory,
    TimelineFactory,
    UserFactory,
)
from timeline import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    timeline = TimelineFactory(slug="air-defense")
    event = EventFactory(timeline=timeline)
    citation = CitationFactory(event=event)
    proposal = ProposalFactory(source=citation.source)
    return {
        "timeline": timeline,
        "event": event,
        "source": citation.source,
        "proposal": proposal,
        "candidate": _candidate(timeline, ProposalFactory(source=citation.source)),
    }


def _candidate(timeline, proposal):
    """A draft that is up to date (so viewing it rebuilds nothing) with one candidate."""
    from django.utils import timezone

    from timeline.drafts.models import Candidate, Draft
    from timeline.drafts.refresh import pending_signature

    count, last = pending_signature(timeline)
    draft = Draft.objects.create(
        timeline=timeline, refreshed_at=timezone.now(), pending_count=count, last_proposal=last
    )
    candidate = Candidate(draft=draft, headline=proposal.headline, fingerprint="x")
    candidate.period = proposal.period
    candidate.save()
    candidate.proposals.add(proposal)
    return candidate


def every_url(world) -> list[tuple[str, str, dict[str, int]]]:
    """Each URL the app serves, with what anonymous, a non-editor and an editor get."""
    t, e, s, p = world["timeline"], world["event"], world["source"], world["proposal"]
    c = world["candidate"]
    public = {"anonymous": 200, "user": 200, "editor": 200}
    review_get = {"anonymous": 302, "user": 403, "editor": 200}
    review_post = {"anonymous": 302, "user": 403, "editor": 302}
    admin = {"anonymous": 302, "user": 302, "editor": 200}
    return [
        ("get", "/", public),
        ("get", reverse("public:timeline", args=[t.slug]), public),
        ("get", reverse("public:event", args=[t.slug, e.pk]), public),
        ("get", reverse("public:timelinejs_export", args=[t.slug]), public),
        ("get", reverse("public:csv_export", args=[t.slug]), public),
        ("get", reverse("public:share_image", args=[t.slug]), public),
        ("get", reverse("public:feed", args=[t.slug]), public),
        ("get", reverse("public:embed", args=[t.slug]), public),
        ("get", reverse("public:oembed") + f"?url=/timelines/{t.slug}/", public),
        ("get", reverse("public:api_timelines"), public),
        ("get", reverse("public:api_timeline", args=[t.slug]), public),
        ("get", reverse("public:api_events", args=[t.slug]), public),
        ("get", reverse("public:api_openapi"), public),
        ("get", reverse("health"), public),
        ("get", reverse("login"), public),
        ("get", reverse("review:queue"), review_get),
        ("get", reverse("review:add"), review_get),
        ("get", reverse("review:source", args=[s.pk]), review_get),
        ("get", reverse("review:extraction", args=[s.pk]), review_get),
        ("get", reverse("review:edit", args=[p.pk]), {**review_get, "editor": 302}),
        ("get", reverse("review:event_history", args=[e.pk]), review_get),
        ("get", reverse("review:draft", args=[t.slug]), review_get),
        ("get", reverse("review:draft_status", args=[t.slug]), review_get),
        ("get", reverse("review:candidate_edit", args=[c.pk]), {**review_get, "editor": 302}),
        ("post", reverse("review:reject", args=[p.pk]), review_post),
        ("post", reverse("review:undo", args=[p.pk]), review_post),
        ("post", reverse("review:confirm", args=[p.pk]), review_post),
        ("post", reverse("review:merge", args=[p.pk]), review_post),
        # no sentence chosen: refused, and back to the page with the message
        ("post", reverse("review:candidate_split", args=[c.pk]), review_post),
        ("post", reverse("review:candidate_reject", args=[c.pk]), review_post),
        ("post", reverse("review:candidate_undo", args=[c.pk]), review_post),
        ("post", reverse("review:candidate_accept", args=[c.pk]), review_post),
        # Before the refresh, which replaces the candidate.
        ("post", reverse("review:candidate_key", args=[c.pk]), review_post),
        ("post", reverse("review:draft_refresh", args=[t.slug]), review_post),
        ("post", reverse("review:key", args=[e.pk]), review_post),
        ("post", reverse("review:proposal_key", args=[p.pk]), review_post),
        # Last: re-reading the source replaces its pending proposals.
        ("post", reverse("review:published", args=[s.pk]), review_post),
        ("post", reverse("review:reading", args=[s.pk]), review_post),
        ("post", reverse("review:retry", args=[s.pk]), review_post),
        ("get", reverse("admin:index"), admin),
        ("get", reverse("admin:timeline_event_changelist"), {**admin, "user": 302}),
        ("get", reverse("admin:timeline_proposal_changelist"), admin),
    ]


@pytest.mark.parametrize("who", ["anonymous", "user", "editor"])
def test_permission_matrix_for_every_url(world, who):
    client = Client()
    if who == "user":
        client.force_login(UserFactory(username="reader"))
    elif who == "editor":
        client.force_login(EditorFactory(username="ayse"))
    got = {}
    expected = {}
    for method, url, outcomes in every_url(world):
        got[f"{method} {url}"] = getattr(client, method)(url).status_code
        expected[f"{method} {url}"] = outcomes[who]
    assert got == expected


def test_every_url_is_covered_by_the_matrix(world):
    from django.urls import get_resolver

    resolver = get_resolver()
    named = {"health"}
    for namespace in ("review", "public"):
        _, urls = resolver.namespace_dict[namespace]
        named |= {f"{namespace}:{name}" for name in urls.reverse_dict if isinstance(name, str)}
    covered = {url for _, url, _ in every_url(world)}
    for name in named - {"public:timeline_list"}:
        assert any(url.startswith(reverse(name, args=_args(name, world))) for url in covered), name


def _args(name, world):
    if name in {
        "public:timeline",
        "public:timelinejs_export",
        "public:csv_export",
        "public:share_image",
        "public:feed",
        "public:embed",
        "public:api_events",
        "public:api_timeline",
    }:
        return [world["timeline"].slug]
    if name == "public:event":
        return [world["timeline"].slug, world["event"].pk]
    if name in {
        "review:source",
        "review:published",
        "review:reading",
        "review:retry",
        "review:extraction",
    }:
        return [world["source"].pk]
    if name in {"review:event_history", "review:key"}:
        return [world["event"].pk]
    if name in {
        "review:confirm",
        "review:edit",
        "review:merge",
        "review:reject",
        "review:undo",
        "review:proposal_key",
    }:
        return [world["proposal"].pk]
    if name in {"review:draft", "review:draft_refresh", "review:draft_status"}:
        return [world["timeline"].slug]
    if name.startswith("review:candidate_"):
        return [world["candidate"].pk]
    return []


# --- headers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    ["public", "event", "login", "review", "admin", "export"],
)
def test_every_page_type_carries_a_strict_content_security_policy(world, page):
    client = Client()
    if page in {"review", "admin"}:
        client.force_login(EditorFactory())
    url = {
        "public": reverse("public:timeline", args=[world["timeline"].slug]),
        "event": reverse("public:event", args=[world["timeline"].slug, world["event"].pk]),
        "login": reverse("login"),
        "review": reverse("review:source", args=[world["source"].pk]),
        "admin": reverse("admin:timeline_event_change", args=[world["event"].pk]),
        "export": reverse("public:csv_export", args=[world["timeline"].slug]),
    }[page]
    response = client.get(url)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    script = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    content = response.content.decode()
    if "<script" in content:
        # Every script is a file of ours; any inline one would carry the nonce.
        for tag in content.split("<script")[1:]:
            head = tag.split(">")[0]
            assert "src=" in head or "nonce=" in head, head


def test_health_answers_200_when_the_database_does(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "up"}


def test_health_answers_503_when_the_database_does_not(client, monkeypatch):
    def broken(self):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", broken)
    response = client.get(reverse("health"))
    assert response.status_code == 503 and response.json()["database"] == "down"


# --- logins ------------------------------------------------------------------------------


def test_login_locks_out_after_repeated_failures(client):
    EditorFactory(username="ayse", password="correct horse battery")
    for _ in range(4):
        failed = client.post(reverse("login"), {"username": "ayse", "password": "wrong"})
        assert failed.status_code == 200
        assert "didn't match" in failed.content.decode()
    fifth = client.post(reverse("login"), {"username": "ayse", "password": "wrong"})
    assert fifth.status_code == 429
    locked = client.post(
        reverse("login"), {"username": "ayse", "password": "correct horse battery"}
    )
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_correct_login_before_the_limit_gets_in(client):
    EditorFactory(username="ayse", password="correct horse battery")
    client.post(reverse("login"), {"username": "ayse", "password": "wrong"})
    response = client.post(
        reverse("login"), {"username": "ayse", "password": "correct horse battery"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("review:queue")


def _login(client, password, client_address, proxy="10.0.0.2"):
    """A login through one proxy: REMOTE_ADDR is the proxy, the client is in X-Forwarded-For."""
    return client.post(
        reverse("login"),
        {"username": "ayse", "password": password},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=client_address,
    )


def test_behind_a_trusted_proxy_an_attacker_cannot_lock_the_editor_out(settings):
    settings.TIMELINE_TRUSTED_PROXY_COUNT = 1
    EditorFactory(username="ayse", password="correct horse battery")
    attacker = Client()
    for _ in range(5):
        _login(attacker, "wrong", "198.51.100.66")
    assert _login(attacker, "correct horse battery", "198.51.100.66").status_code == 429
    editor = _login(Client(), "correct horse battery", "203.0.113.7")
    assert editor.status_code == 302


def test_a_client_cannot_choose_its_address_by_writing_x_forwarded_for(settings):
    settings.TIMELINE_TRUSTED_PROXY_COUNT = 1
    EditorFactory(username="ayse", password="correct horse battery")
    attacker = Client()
    for attempt in range(5):
        # The proxy appends the real address after whatever the client wrote.
        _login(attacker, "wrong", f"192.0.2.{attempt}, 198.51.100.66")
    assert _login(attacker, "correct horse battery", "192.0.2.99, 198.51.100.66").status_code == 429


def test_without_a_trusted_proxy_count_x_forwarded_for_is_ignored(settings):
    settings.TIMELINE_TRUSTED_PROXY_COUNT = 0
    EditorFactory(username="ayse", password="correct horse battery")
    attacker = Client()
    for attempt in range(5):
        _login(attacker, "wrong", f"192.0.2.{attempt}", proxy="198.51.100.66")
    locked = _login(attacker, "correct horse battery", "192.0.2.99", proxy="198.51.100.66")
    assert locked.status_code == 429


def test_trying_again_during_a_lockout_does_not_restart_it(client):
    from axes.models import AccessAttempt

    EditorFactory(username="ayse", password="correct horse battery")
    for _ in range(5):
        client.post(reverse("login"), {"username": "ayse", "password": "wrong"})
    locked_at = AccessAttempt.objects.get().attempt_time
    client.post(reverse("login"), {"username": "ayse", "password": "wrong"})
    assert AccessAttempt.objects.get().attempt_time == locked_at


def test_without_email_there_is_no_password_reset_to_go_nowhere(client, settings):
    if hasattr(settings, "MAILERS"):
        del settings.MAILERS
    assert client.get("/accounts/password_reset/").status_code == 404
    login = client.get(reverse("login")).content.decode()
    assert "/accounts/password_reset/" not in login
    assert "Ask an administrator to set a new one." in login


def test_with_email_configured_a_password_reset_is_sent(client, settings, mailoutbox):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    EditorFactory(username="ayse", email="ayse@example.org")
    login = client.get(reverse("login")).content.decode()
    assert 'href="/accounts/password_reset/"' in login
    response = client.post("/accounts/password_reset/", {"email": "ayse@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["ayse@example.org"]


# --- hostile content ---------------------------------------------------------------------

HOSTILE_TITLE = '<img src=x onerror="alert(1)">Title'
HOSTILE_TEXT = (
    "<script>alert('text')</script> It began in 2013. "
    '<a href="javascript:alert(2)" onclick="alert(3)">click</a> It ended in 2015.'
)


@pytest.fixture
def hostile(world):
    editor = EditorFactory(username="ayse")
    source = services.add_source(
        timeline=world["timeline"],
        text=HOSTILE_TEXT,
        title=HOSTILE_TITLE,
        published=date(2016, 11, 19),
        publisher="<b>Wire</b>",
        url='https://news.example/a?x="><script>alert(4)</script>',
        user=editor,
    ).source
    proposal = source.proposals.get(value="2013")
    services.confirm(proposal=proposal, user=editor, headline="<script>alert('h')</script>")
    return source


def assert_inert(content: str) -> None:
    assert "<script>alert" not in content
    assert "<img src=x" not in content
    assert 'href="javascript:' not in content and 'onclick="alert' not in content


@pytest.mark.parametrize(
    "where", ["review", "public", "event", "admin_event", "admin_source", "queue"]
)
def test_hostile_article_content_renders_as_text_everywhere(client, world, hostile, where):
    client.force_login(EditorFactory(username="bora"))
    event = hostile.citations.get().event
    url = {
        "review": reverse("review:source", args=[hostile.pk]),
        "public": reverse("public:timeline", args=[world["timeline"].slug]),
        "event": reverse("public:event", args=[world["timeline"].slug, event.pk]),
        "admin_event": reverse("admin:timeline_event_change", args=[event.pk]),
        "admin_source": reverse("admin:timeline_source_change", args=[hostile.pk]),
        "queue": reverse("review:queue"),
    }[where]
    response = client.get(url)
    assert response.status_code == 200
    assert_inert(response.content.decode())


def test_hostile_content_stays_inert_in_the_exports(client, world, hostile):
    data = client.get(reverse("public:timelinejs_export", args=[world["timeline"].slug])).json()
    slide = next(s for s in data["events"] if "alert(&#x27;h&#x27;)" in s["text"]["headline"])
    assert slide["text"]["headline"] == "&lt;script&gt;alert(&#x27;h&#x27;)&lt;/script&gt;"
    assert_inert(slide["text"]["text"])
    assert "&lt;img src=x" in slide["text"]["text"]
    csv_text = client.get(
        reverse("public:csv_export", args=[world["timeline"].slug])
    ).content.decode()
    assert "<script>alert('h')</script>" in csv_text  # CSV is data, shown as text by spreadsheets
