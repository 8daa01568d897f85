from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_an_editor_marks_an_event_as_key_from_its_history_page_and_back(editor_client):
    event = EventFactory(headline="Deal signed")
    history = reverse("review:event_history", args=[event.pk])
    assert "Mark as key event" in editor_client.get(history).content.decode()
    response = editor_client.post(reverse("review:key", args=[event.pk]), {"is_key": "on"})
    assert response.status_code == 302 and response["Location"] == history
    event.refresh_from_db()
    assert event.is_key
    page = editor_client.get(history).content.decode()
    assert "Unmark as key event" in page and "Marked as a key event" in page
    assert event.history.first().history_user == editor_client.editor
    editor_client.post(reverse("review:key", args=[event.pk]))
    event.refresh_from_db()
    assert not event.is_key


def test_marking_a_key_event_refreshes_what_readers_see(editor_client):
    event = EventFactory(headline="Deal signed")
    reader, url = Client(), event.timeline.get_absolute_url()
    assert "Key event</strong>" not in reader.get(url).content.decode()
    assert reader.get(url)["X-Cache"] == "hit"
    editor_client.post(reverse("review:key", args=[event.pk]), {"is_key": "on"})
    assert "Key event</strong>" in reader.get(url).content.decode()
