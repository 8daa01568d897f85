from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models.deletion import ProtectedError

from tests.factories import (
    CitationFactory,
    EditorFactory,
    EventFactory,
    ProposalFactory,
    SourceFactory,
    TimelineFactory,
    UserFactory,
)
from timeline.models import Citation, Event, Proposal, Source, Timeline
from timeline.periods import Precision

pytestmark = pytest.mark.django_db


def test_events_sort_by_start_then_coarser_precision_first_then_ranges():
    timeline = EventFactory(
        headline="day", date=date(2015, 8, 19), precision=Precision.DAY
    ).timeline
    make = lambda headline, **kw: EventFactory(timeline=timeline, headline=headline, **kw)  # noqa: E731
    make("month", date=date(2015, 8, 1), precision=Precision.MONTH)
    make("year", date=date(2015, 1, 1), precision=Precision.YEAR)
    make(
        "range",
        date=date(2015, 1, 1),
        precision=Precision.YEAR,
        end_date=date(2016, 1, 1),
        end_precision=Precision.YEAR,
    )
    make("january", date=date(2015, 1, 1), precision=Precision.MONTH)
    make("earlier", date=date(2014, 12, 31), precision=Precision.DAY)
    ordered = [e.headline for e in Event.objects.filter(timeline=timeline).in_date_order()]
    assert ordered == ["earlier", "year", "range", "january", "month", "day"]
    assert [e.headline for e in Event.objects.filter(timeline=timeline)] == ordered


def test_event_date_is_stored_as_the_first_day_of_its_precision():
    event = EventFactory(date=date(2013, 11, 26), precision=Precision.YEAR)
    event.refresh_from_db()
    assert event.date == date(2013, 1, 1)
    assert event.date_display == "2013"
    assert event.date_iso == "2013"


def test_event_shows_ranges_and_circa():
    event = EventFactory(
        date=date(2013, 1, 1),
        precision=Precision.YEAR,
        end_date=date(2015, 6, 1),
        end_precision=Precision.YEAR,
        circa=True,
    )
    assert event.date_display == "c. 2013 – 2015"


def test_database_refuses_an_event_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(
            date=date(2015, 1, 1),
            precision=Precision.YEAR,
            end_date=date(2013, 1, 1),
            end_precision=Precision.YEAR,
        )


def test_database_refuses_the_same_text_twice_in_one_timeline():
    source = SourceFactory(text="Same words in 2013.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(
            timeline=source.timeline, title="copy", text="Same words in 2013.\r\n"
        )
    SourceFactory(text="Same words in 2013.")  # another timeline may hold it


def test_deleting_a_cited_source_is_refused_so_confirmed_events_stay():
    citation = CitationFactory()
    with pytest.raises(ProtectedError):
        citation.source.delete()
    assert Event.objects.filter(pk=citation.event_id).exists()


def test_database_refuses_a_citation_without_offsets():
    event = EventFactory()
    source = SourceFactory(timeline=event.timeline)
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(event=event, source=source, quote=source.text, start=None, end=None)


def test_database_refuses_an_empty_quote_span():
    event = EventFactory()
    source = SourceFactory(timeline=event.timeline)
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(event=event, source=source, quote="", start=5, end=5)


def test_a_citation_of_a_source_from_another_timeline_is_invalid():
    event = EventFactory()
    elsewhere = SourceFactory()
    citation = Citation(
        event=event, source=elsewhere, quote=elsewhere.text, start=0, end=len(elsewhere.text)
    )
    with pytest.raises(ValidationError, match="another timeline"):
        citation.full_clean()


def test_a_citation_quoting_what_its_source_does_not_say_is_invalid():
    citation = CitationFactory()
    citation.quote = "Words nobody wrote."
    with pytest.raises(ValidationError, match="not the text of the source"):
        citation.full_clean()
    citation.quote = citation.source.text[citation.start : citation.end]
    citation.full_clean()


def test_database_refuses_a_confirmed_proposal_without_its_event():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalFactory(state=Proposal.State.CONFIRMED)


def test_database_refuses_two_confirmations_of_one_event():
    event = EventFactory()
    source = SourceFactory(timeline=event.timeline)
    ProposalFactory(source=source, state=Proposal.State.CONFIRMED, event=event)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalFactory(source=source, state=Proposal.State.CONFIRMED, event=event)


def test_database_refuses_the_same_mention_proposed_twice():
    proposal = ProposalFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalFactory(
            source=proposal.source,
            mention_start=proposal.mention_start,
            mention_end=proposal.mention_end,
        )


def test_event_changes_are_kept_in_history_with_who_made_them(django_user_model):
    user = django_user_model.objects.create(username="ayse")
    event = EventFactory(headline="First words")
    event.headline = "Better words"
    event._history_user = user
    event.save()
    latest = event.history.first()
    assert latest.headline == "Better words"
    assert latest.history_user == user
    assert event.history.count() == 2


def test_readers_see_only_public_timelines_and_editors_preview_private_ones():
    public = TimelineFactory(is_public=True)
    private = TimelineFactory(is_public=False)
    reader = UserFactory()
    assert list(Timeline.objects.visible_to(AnonymousUser())) == [public]
    assert list(Timeline.objects.visible_to(reader)) == [public]
    assert set(Timeline.objects.visible_to(EditorFactory())) == {public, private}


portable_search = pytest.mark.skipif(
    connection.vendor == "postgresql", reason="PostgreSQL searches with full-text search"
)


def found(events, words: str) -> set[str]:
    return set(events.search(words).values_list("headline", flat=True))


@portable_search
def test_search_finds_each_word_in_the_headline_the_description_or_a_quote():
    timeline = TimelineFactory()
    EventFactory(timeline=timeline, headline="Tender held", description="Bids opened.")
    quoted = EventFactory(timeline=timeline, headline="Deal agreed")
    CitationFactory(event=quoted, quote="The minister praised the radar deal.")
    EventFactory(timeline=timeline, headline="Radar delivered")
    events = timeline.events.all()
    assert found(events, "OPENED tender") == {"Tender held"}
    assert found(events, "minister deal") == {"Deal agreed"}
    assert found(events, "radar") == {"Deal agreed", "Radar delivered"}
    assert found(events, "radar delivered minister") == set()


@portable_search
def test_search_takes_percent_underscore_backslash_and_quotes_as_written():
    timeline = TimelineFactory()
    EventFactory(timeline=timeline, headline="Turnout 100%", description="files\\x_y")
    EventFactory(timeline=timeline, headline="Turnout 1000", description="files x-y")
    cited = EventFactory(timeline=timeline, headline="Named")
    CitationFactory(event=cited, quote='O\'Brien said "final"')
    events = timeline.events.all()
    assert found(events, "100%") == {"Turnout 100%"}
    assert found(events, "x_y") == {"Turnout 100%"}
    assert found(events, "\\x") == {"Turnout 100%"}
    assert found(events, "o'brien") == found(events, '"FINAL"') == {"Named"}


@portable_search
def test_search_folds_the_case_of_ascii_letters_only_as_sqlite_like_does():
    timeline = TimelineFactory()
    EventFactory(timeline=timeline, headline="Café opened in Zürich")
    events = timeline.events.all()
    assert found(events, "CAFé zürICH") == {"Café opened in Zürich"}
    assert found(events, "CAFÉ") == found(events, "ZÜRICH") == set()


@portable_search
def test_search_reads_only_the_quotes_of_each_event_itself_as_they_are_now():
    timeline = TimelineFactory()
    first, second = EventFactory(timeline=timeline), EventFactory(timeline=timeline)
    citation = CitationFactory(event=first, quote="The radar arrived.")
    events = timeline.events.all()
    assert list(events.search("radar")) == [first]
    Citation.objects.filter(pk=citation.pk).update(event=second)
    assert list(events.search("radar")) == [second]
    Citation.objects.filter(pk=citation.pk).update(quote="The tanks arrived.")
    assert list(events.search("radar")) == []
    Citation.objects.filter(pk=citation.pk).delete()
    assert list(events.search("tanks")) == []


@portable_search
def test_a_search_keeps_its_meaning_inside_another_query():
    timeline = TimelineFactory()
    quoted = EventFactory(timeline=timeline, headline="Deal agreed")
    CitationFactory(event=quoted, quote="The radar deal.")
    EventFactory(timeline=timeline, headline="Tender held")
    searched = timeline.events.search("radar")
    # As a subquery the events' table is renamed (U0): the quotes must follow it.
    assert list(Event.objects.filter(pk__in=searched.values("pk"))) == [quoted]
    assert list(Citation.objects.filter(event__in=searched).values_list("event", flat=True)) == [
        quoted.pk
    ]
