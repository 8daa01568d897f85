from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import (
    CitationFactory,
    EditorFactory,
    EventFactory,
    ProposalFactory,
    SourceFactory,
    TimelineFactory,
)
from timeline import public_cache
from timeline.periods import Precision

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline():
    timeline = TimelineFactory(slug="air-defense")
    CitationFactory(event=EventFactory(timeline=timeline, headline="Tender held"))
    return timeline


PUBLIC = [
    "public:timeline_list",
    "public:timeline",
    "public:timelinejs_export",
    "public:csv_export",
]


def url(name, timeline):
    return reverse(name) if name == "public:timeline_list" else reverse(name, args=[timeline.slug])


@pytest.mark.parametrize("name", PUBLIC)
def test_readers_get_cached_public_pages_without_queries(
    client, timeline, name, django_assert_num_queries
):
    first = client.get(url(name, timeline))
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url(name, timeline))
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize(
    "change",
    [
        lambda t: EventFactory(timeline=t, headline="Talks confirmed"),
        lambda t: _edit(t.events.first(), headline="Edited headline"),
        lambda t: CitationFactory(event=t.events.first(), quote="New words."),
        lambda t: t.events.first().citations.first().delete(),
        lambda t: t.events.first().delete(),
        lambda t: _edit(t, title="Renamed"),
        lambda t: [_edit(s, title="Re-titled") for s in t.sources.all()],
    ],
    ids=[
        "event added",
        "event edited",
        "citation added",
        "citation removed",
        "event deleted",
        "timeline renamed",
        "source renamed",
    ],
)
@pytest.mark.parametrize("name", PUBLIC)
def test_any_change_to_what_readers_see_drops_the_cache(client, timeline, change, name):
    # The list too: it says when each timeline was last updated, which every change moves.
    client.get(url(name, timeline))
    assert client.get(url(name, timeline))["X-Cache"] == "hit"
    change(timeline)
    assert client.get(url(name, timeline))["X-Cache"] == "miss"


def test_a_changed_event_shows_at_once(client, timeline):
    client.get(reverse("public:timeline", args=[timeline.slug]))
    _edit(timeline.events.first(), headline="Tender cancelled")
    content = client.get(reverse("public:timeline", args=[timeline.slug])).content.decode()
    assert "Tender cancelled" in content and "Tender held" not in content


def _edit(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()


def test_htmx_and_full_responses_are_cached_apart_and_vary(client, timeline):
    page = client.get(reverse("public:timeline", args=[timeline.slug]))
    fragment = client.get(
        reverse("public:timeline", args=[timeline.slug]), headers={"HX-Request": "true"}
    )
    assert fragment["X-Cache"] == "miss"
    again = client.get(
        reverse("public:timeline", args=[timeline.slug]), headers={"HX-Request": "true"}
    )
    assert again.content == fragment.content != page.content
    assert "HX-Request" in page["Vary"] and "HX-Request" in again["Vary"]


def test_editors_are_never_served_the_readers_cache(client, timeline):
    client.get(reverse("public:timeline", args=[timeline.slug]))
    client.force_login(EditorFactory())
    response = client.get(reverse("public:timeline", args=[timeline.slug]))
    assert "X-Cache" not in response
    assert "Review queue" in response.content.decode()


def test_a_private_timeline_is_never_cached_for_readers(client):
    hidden = TimelineFactory(is_public=False)
    EventFactory(timeline=hidden, date=date(2015, 1, 1), precision=Precision.YEAR)
    assert client.get(reverse("public:timeline", args=[hidden.slug])).status_code == 404
    assert client.get(reverse("public:timeline", args=[hidden.slug])).status_code == 404


# --- invalidation scoped to what readers see, per timeline ----------------------------------


@pytest.fixture
def other():
    other = TimelineFactory(slug="elsewhere")
    CitationFactory(event=EventFactory(timeline=other, headline="Elsewhere"))
    return other


def _warm(client, *timelines):
    urls = [reverse("public:timeline_list")]
    for timeline in timelines:
        urls += [url(name, timeline) for name in PUBLIC[1:]]
        urls.append(reverse("public:event", args=[timeline.slug, timeline.events.first().pk]))
    for u in urls:
        client.get(u)
    return urls


def _all_hits(client, urls):
    return {u: client.get(u)["X-Cache"] for u in urls if client.get(u)["X-Cache"] != "hit"}


@pytest.mark.parametrize(
    "change",
    [
        lambda t: SourceFactory(timeline=t),
        lambda t: ProposalFactory(source=SourceFactory(timeline=t)),
        lambda t: _edit(SourceFactory(timeline=t), title="An uncited source renamed"),
        lambda t: t.sources.first().proposals.update(headline="x"),
    ],
    ids=["source added", "proposal added", "uncited source edited", "proposals updated"],
)
def test_what_readers_cannot_see_leaves_their_cache_hits_alone(client, timeline, change):
    urls = _warm(client, timeline)
    change(timeline)
    assert _all_hits(client, urls) == {}


def test_a_change_to_one_timeline_leaves_other_timelines_cached(client, timeline, other):
    timeline_urls = _warm(client, timeline)[1:]
    other_urls = _warm(client, other)[1:]
    _edit(timeline.events.first(), headline="Edited")
    assert all(client.get(u)["X-Cache"] == "miss" for u in timeline_urls)
    assert _all_hits(client, other_urls) == {}


def test_a_citation_change_drops_its_timeline_and_the_list_not_other_timelines(
    client, timeline, other
):
    # The list says when each timeline was last updated, which a new citation moves.
    urls = _warm(client, timeline, other)
    CitationFactory(event=timeline.events.first(), quote="New words.")
    stale = _all_hits(client, urls)
    assert set(stale) == {u for u in urls if f"/{timeline.slug}/" in u} | {urls[0]}


def test_a_renamed_slug_stops_serving_the_old_address(client, timeline):
    old = reverse("public:timeline", args=[timeline.slug])
    assert client.get(old).status_code == 200
    _edit(timeline, slug="renamed")
    assert client.get(old).status_code == 404


def test_invalidate_with_no_arguments_drops_everything(client, timeline, other):
    urls = _warm(client, timeline, other)
    public_cache.invalidate()
    assert all(client.get(u)["X-Cache"] == "miss" for u in urls)


def test_an_import_leaves_readers_cache_hits_alone(client, timeline, tmp_path):
    from django.core.management import call_command

    urls = _warm(client, timeline)
    articles = tmp_path / "articles.jsonl"
    articles.write_text(
        "\n".join(
            f'{{"text": "Article {n}. Talks were held in 2017.", "published": "2017-05-01"}}'
            for n in range(30)
        ),
        encoding="utf-8",
    )
    call_command("ingest", str(articles), "--timeline", timeline.slug, stdout=None, stderr=None)
    assert timeline.sources.count() == 31
    assert _all_hits(client, urls) == {}


# --- the key: what the response depends on, and nothing else (issue 11, 4.4) -------------------


def test_a_host_with_a_port_cannot_poison_the_permalinks_of_later_readers(
    client, timeline, settings
):
    """The issue's reproduction: an odd port once, then a normal request."""
    settings.ALLOWED_HOSTS = ["timeline.example.org"]
    settings.TIMELINE_SITE_URL = "https://timeline.example.org"
    for name in ("public:timelinejs_export", "public:csv_export"):
        poisoned = client.get(url(name, timeline), HTTP_HOST="timeline.example.org:6666")
        assert b":6666" not in poisoned.content
        normal = client.get(url(name, timeline), HTTP_HOST="timeline.example.org")
        assert normal["X-Cache"] == "hit"
        assert b"https://timeline.example.org/timelines/air-defense/events/" in normal.content
    event = timeline.events.first()
    page = client.get(
        reverse("public:event", args=[timeline.slug, event.pk]),
        HTTP_HOST="timeline.example.org:6666",
    ).content.decode()
    expected = f"https://timeline.example.org/timelines/air-defense/events/{event.pk}/"
    assert f'<link rel="canonical" href="{expected}">' in page


def test_without_a_site_url_each_host_gets_its_own_entry(client, timeline, settings):
    settings.ALLOWED_HOSTS = ["timeline.example.org"]
    settings.TIMELINE_SITE_URL = ""
    export = url("public:csv_export", timeline)
    client.get(export, HTTP_HOST="timeline.example.org:6666")
    normal = client.get(export, HTTP_HOST="timeline.example.org")
    assert normal["X-Cache"] == "miss"
    assert b"http://timeline.example.org/timelines/" in normal.content
    assert b":6666" not in normal.content


def test_unknown_query_parameters_make_no_new_cache_entries(client, timeline):
    page = reverse("public:timeline", args=[timeline.slug])
    first = client.get(page + "?q=tender")
    assert first["X-Cache"] == "miss"
    for n in range(200):
        response = client.get(f"{page}?x={n}&q=tender&utm_source=feed{n}")
        assert response["X-Cache"] == "hit"
        assert response.content == first.content
    export = url("public:csv_export", timeline)
    client.get(export)
    assert client.get(export + "?x=1")["X-Cache"] == "hit"


def test_pagination_links_carry_no_unknown_parameters(client, timeline):
    content = client.get(
        reverse("public:timeline", args=[timeline.slug]) + "?q=tender&fbclid=abc"
    ).content.decode()
    assert "fbclid" not in content


def test_a_view_that_declares_no_parameters_is_not_cached_with_a_query(rf, timeline):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    @public_cache.cached_for_readers
    def view(request, slug):
        return HttpResponse(request.GET.get("page", "1"))

    def get(path):
        request = rf.get(path)
        request.user = AnonymousUser()
        return view(request, slug=timeline.slug)

    assert get("/feed/")["X-Cache"] == "miss"
    assert get("/feed/")["X-Cache"] == "hit"
    assert get("/feed/?page=2").content == b"2"
