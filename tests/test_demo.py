from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from timeline import demo
from timeline.models import ProposalState

pytestmark = pytest.mark.django_db

# Where each publisher the demo may cite puts its documents: a link is only as good
# as the site it leads to, so a citation must point at the publisher's own domain.
OFFICIAL_DOMAINS = {
    "U.S. Department of Defense": "defense.gov",
    "U.S. Department of State": "state.gov",
    "Turkish Ministry of Foreign Affairs": "mfa.gov.tr",
    "Turkish Ministry of National Defence": "msb.gov.tr",
    "NATO": "nato.int",
}


def on_domain(url: str, domain: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host == domain or host.endswith(f".{domain}")


def test_a_demo_source_with_a_url_names_its_document_and_links_to_its_publisher():
    timeline = demo.load()
    linked = list(timeline.sources.exclude(url=""))
    assert linked, "the demo cites no public document"
    for source in linked:
        assert source.title and not source.title.startswith("Demo note"), source.url
        assert source.published, source.title
        assert source.publisher in OFFICIAL_DOMAINS, source.publisher
        assert urlsplit(source.url).scheme == "https", source.url
        assert on_domain(source.url, OFFICIAL_DOMAINS[source.publisher]), source.url


def test_the_domain_check_refuses_look_alike_hosts():
    assert on_domain("https://www.defense.gov/News/", "defense.gov")
    assert not on_domain("https://defense.gov.example.com/", "defense.gov")
    assert not on_domain("https://notdefense.gov/", "defense.gov")


def test_a_demo_source_without_a_url_is_labelled_as_a_demo_note():
    timeline = demo.load()
    for source in timeline.sources.filter(url=""):
        assert source.title.startswith("Demo note"), source.title
        assert source.publisher == demo.PUBLISHER


def test_every_demo_source_is_a_summary_written_for_the_demo():
    for note in demo.NOTES:
        assert note.text.startswith("Demo note, written for the timeline demo"), note.title


def test_a_document_summary_only_adds_evidence_to_the_demo_events():
    timeline = demo.load()
    for source in timeline.sources.exclude(url=""):
        states = {p.state for p in source.proposals.all()}
        assert states == {ProposalState.MERGED}, source.title
        assert all(c.event.citations.count() > 1 for c in source.citations.all())


def test_the_public_page_links_a_summarised_document_and_says_when_a_note_has_no_link(client):
    timeline = demo.load()
    content = client.get(timeline.get_absolute_url()).content.decode()
    for source in timeline.sources.exclude(url=""):
        assert f'<a href="{source.url}" rel="noopener noreferrer nofollow">' in content
    assert "(not online: no link)" in content
