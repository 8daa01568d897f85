"""manage.py reconstruct and benchdraft, as an operator runs them."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import TimelineFactory
from timeline import services
from timeline.drafts.models import Draft

pytestmark = pytest.mark.django_db


def test_reconstruct_refreshes_the_draft_and_prints_a_summary():
    timeline = TimelineFactory(slug="spill", title="Spill")
    for day, text in [
        (date(2010, 4, 21), "An explosion on the Deepwater Horizon rig killed eleven workers on "
         "Tuesday."),
        (date(2010, 4, 22), "Eleven workers were killed when the Deepwater Horizon rig exploded "
         "on April 20."),
    ]:  # fmt: skip
        services.add_source(timeline=timeline, text=text, title=str(day), published=day)
    out = StringIO()
    call_command("reconstruct", "--timeline", "spill", stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "Spill: 2 pending proposals → 1 candidate events" in text
    assert "20 April 2010" in text and "2 sources" in text
    assert Draft.objects.get(timeline=timeline).refreshed_at is not None


def test_reconstruct_refuses_an_unknown_timeline():
    with pytest.raises(CommandError, match="no timeline with the slug 'nope'"):
        call_command("reconstruct", "--timeline", "nope", stdout=StringIO())
