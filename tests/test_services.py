from __future__ import annotations

from datetime import date

import pytest

from tests.factories import EditorFactory, EventFactory, SourceFactory, TimelineFactory, proposal_of
from timeline import services
from timeline.models import Citation, Event, Proposal
from timeline.periods import Period

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Turkey chose China's FD-2000 in 2013. The deal was cancelled in 2015.\n"
    "The minister said on Friday that talks with Russia went well."
)


@pytest.fixture
def source(editor):
    added = services.add_source(
        timeline=TimelineFactory(),
        text=ARTICLE,
        title="Talks",
        published=date(2016, 11, 19),
        user=editor,
    )
    return added.source


def test_adding_a_source_proposes_its_dated_events(source):
    assert list(source.proposals.values_list("value", "precision", "state")) == [
        ("2013", 1, "pending"),
        ("2015", 1, "pending"),
        ("2016-11-18", 3, "pending"),
    ]
    first = source.proposals.first()
    assert source.text[first.sentence_start : first.sentence_end] == first.sentence
    assert source.text[first.mention_start : first.mention_end] == first.mention_text == "2013"


def test_adding_the_same_text_again_returns_the_existing_source(source, editor):
    again = services.add_source(
        timeline=source.timeline, text=ARTICLE + "\n", title="Again", user=editor
    )
    assert again.created is False
    assert again.source == source
    assert source.timeline.sources.count() == 1


def test_adding_empty_text_is_refused(editor):
    with pytest.raises(ValueError, match="no text"):
        services.add_source(timeline=TimelineFactory(), text="  \n", title="Empty", user=editor)


def test_confirm_creates_an_event_citing_the_sentence(source, editor):
    proposal = proposal_of(source, "2013")
    event = services.confirm(proposal=proposal, user=editor, headline="Turkey picks the FD-2000")
    assert event.date_display == "2013"
    assert event.timeline == source.timeline
    (citation,) = event.citations.all()
    assert citation.quote == "Turkey chose China's FD-2000 in 2013."
    assert source.text[citation.start : citation.end] == citation.quote
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.CONFIRMED
    assert proposal.event == event and proposal.reviewed_by == editor
    assert event.history.first().history_user == editor


def test_confirm_with_edits_uses_the_editors_date_and_words(source, editor):
    event = services.confirm(
        proposal=proposal_of(source, "2015"),
        user=editor,
        headline="Deal cancelled",
        description="After two years of talks.",
        period=Period.parse("2015-11"),
        circa=True,
    )
    assert (event.headline, event.date_display) == ("Deal cancelled", "c. November 2015")


def test_confirming_twice_is_refused_and_says_who_did_it(source, editor):
    proposal = proposal_of(source, "2013")
    stale_copy = Proposal.objects.get(pk=proposal.pk)
    services.confirm(proposal=proposal, user=editor)
    other = EditorFactory(username="second-editor")
    with pytest.raises(services.AlreadyReviewed, match=f"{editor.username} already confirmed"):
        services.confirm(proposal=stale_copy, user=other)
    with pytest.raises(services.AlreadyReviewed):
        services.reject(proposal=stale_copy, user=other)
    assert Event.objects.count() == 1
    assert Citation.objects.count() == 1


def test_merge_adds_a_citation_to_an_existing_event(source, editor):
    event = EventFactory(timeline=source.timeline, headline="Deal cancelled")
    citation = services.merge(proposal=proposal_of(source, "2015"), event=event, user=editor)
    assert citation.event == event
    assert event.citations.count() == 1
    assert proposal_of(source, "2015").state == Proposal.State.MERGED


def test_merge_into_another_timelines_event_is_refused(source, editor):
    with pytest.raises(services.ReviewError, match="another timeline"):
        services.merge(proposal=proposal_of(source, "2015"), event=EventFactory(), user=editor)
    assert proposal_of(source, "2015").state == Proposal.State.PENDING


def test_undo_confirm_removes_the_event_nothing_else_cites(source, editor):
    proposal = proposal_of(source, "2013")
    services.confirm(proposal=proposal, user=editor)
    services.undo(proposal=proposal, user=editor)
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.PENDING
    assert proposal.reviewed_by is None and proposal.event is None
    assert Event.objects.count() == 0 and Citation.objects.count() == 0


def test_undo_confirm_keeps_an_event_that_other_sources_cite(source, editor):
    event = services.confirm(proposal=proposal_of(source, "2015"), user=editor)
    other = services.add_source(
        timeline=source.timeline,
        text="The FD-2000 deal was cancelled in 2015.",
        title="Other",
        user=editor,
    ).source
    services.merge(proposal=other.proposals.get(), event=event, user=editor)
    services.undo(proposal=proposal_of(source, "2015"), user=editor)
    assert list(event.citations.values_list("source", flat=True)) == [other.pk]


def test_undo_merge_removes_only_the_citation(source, editor):
    event = EventFactory(timeline=source.timeline)
    services.merge(proposal=proposal_of(source, "2015"), event=event, user=editor)
    services.undo(proposal=proposal_of(source, "2015"), user=editor)
    assert Event.objects.filter(pk=event.pk).exists()
    assert event.citations.count() == 0


def test_undo_reject_returns_to_pending(source, editor):
    proposal = proposal_of(source, "2013")
    services.reject(proposal=proposal, user=editor)
    services.undo(proposal=proposal, user=editor)
    assert proposal_of(source, "2013").state == Proposal.State.PENDING


def test_undo_of_a_pending_proposal_is_refused(source, editor):
    with pytest.raises(services.ReviewError, match="already pending"):
        services.undo(proposal=proposal_of(source, "2013"), user=editor)


def test_rerunning_extraction_keeps_reviewed_work_and_duplicates_nothing(source, editor):
    services.confirm(proposal=proposal_of(source, "2013"), user=editor, headline="Kept")
    services.reject(proposal=proposal_of(source, "2015"), user=editor)
    services.propose_events(source=source)
    services.propose_events(source=source)
    assert list(source.proposals.values_list("value", "state")) == [
        ("2013", "confirmed"),
        ("2015", "rejected"),
        ("2016-11-18", "pending"),
    ]
    assert Event.objects.get().headline == "Kept"


def test_publication_date_change_re_resolves_pending_relative_dates(editor):
    added = services.add_source(
        timeline=TimelineFactory(), text=ARTICLE, title="Undated", user=editor
    )
    source = added.source
    friday = source.proposals.get(mention_text="Friday")
    assert friday.value == "" and friday.flags == ["relative-without-publication-date"]
    with pytest.raises(services.ReviewError, match="could not be resolved"):
        services.confirm(proposal=friday, user=editor)
    source.published = date(2016, 11, 19)
    source.save()
    services.propose_events(source=source)
    assert source.proposals.get(mention_text="Friday").value == "2016-11-18"


def test_confirm_an_unresolved_proposal_with_an_editor_date(editor):
    source = SourceFactory(text="He spoke on Friday.", published=None)
    services.propose_events(source=source)
    event = services.confirm(
        proposal=source.proposals.get(), user=editor, period=Period.parse("2016-11-18")
    )
    assert event.date_display == "18 November 2016"


def test_setting_the_publication_date_rereads_pending_dates_keeps_reviewed_and_records_who(
    editor,
):
    source = services.add_source(
        timeline=TimelineFactory(), text=ARTICLE, title="Undated", user=editor
    ).source
    assert source.proposals.get(mention_text="Friday").value == ""
    services.confirm(proposal=proposal_of(source, "2013"), user=editor, headline="Kept")
    services.set_publication_date(source=source, published=date(2016, 11, 19), user=editor)
    assert source.proposals.get(mention_text="Friday").value == "2016-11-18"
    assert proposal_of(source, "2013").event.headline == "Kept"
    assert source.history.latest().history_user == editor
    assert source.history.latest().published == date(2016, 11, 19)


def test_extraction_stores_how_the_source_was_read(editor):
    timeline = TimelineFactory()
    news = services.add_source(timeline=timeline, text=ARTICLE, title="News", user=editor).source
    assert (news.read_as_kind, news.read_as_language, news.language_unsupported) == (
        "news",
        "en",
        False,
    )
    turkish = services.add_source(
        timeline=timeline,
        text="Türkiye geçen cuma Rusya ile S-400 sistemi için görüşmelerin sürdüğünü açıkladı.",
        title="Haber",
        published=date(2016, 11, 19),
    ).source
    assert turkish.read_as_language == "tr"
    assert [p.value for p in turkish.proposals.all()] == ["2016-11-18"]


def test_a_source_in_an_unsupported_language_gets_years_only_and_the_flag(editor):
    source = services.add_source(
        timeline=TimelineFactory(),
        text="Il 15 luglio 2016 il colpo di stato è fallito; nel 2019 sono arrivati gli S-400.",
        title="Italiano",
        language="it",
    ).source
    source.refresh_from_db()
    assert source.language_unsupported
    assert [p.value for p in source.proposals.order_by("mention_start")] == ["2016", "2019"]


def test_set_reading_rereads_pending_with_the_editors_kind_and_language(editor):
    source = services.add_source(
        timeline=TimelineFactory(),
        text="The war began in 1940. In July the city fell.",
        title="History",
        published=date(2009, 12, 19),
    ).source
    services.set_reading(source=source, kind="narrative", language="en", user=editor)
    source.refresh_from_db()
    assert (source.kind, source.language, source.read_as_kind) == ("narrative", "en", "narrative")
    assert source.proposals.get(mention_text="July").value == "1940-07"
    services.set_reading(source=source, kind="", language="", user=editor)
    source.refresh_from_db()
    # detected again: two sentences are too few to be told a narrative
    assert (source.kind, source.read_as_kind) == ("", "news")
    assert source.proposals.get(mention_text="July").value == "2009-07"


# --- races -------------------------------------------------------------------------------


def test_merging_into_an_event_an_undo_just_removed_is_refused_clearly(source, editor):
    """The merge form was loaded before another editor's undo removed the event."""
    confirmed = proposal_of(source, "2013")
    event = services.confirm(proposal=confirmed, user=editor)
    services.undo(proposal=confirmed, user=editor)
    with pytest.raises(services.ReviewError, match="no longer exists"):
        services.merge(proposal=proposal_of(source, "2015"), event=event, user=editor)
    assert proposal_of(source, "2015").state == Proposal.State.PENDING


@pytest.mark.django_db(transaction=True)
def test_undo_racing_a_merge_into_the_same_event_never_fails_badly(editor):
    """Real row locks need a server: on PostgreSQL, run the two at once many times."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("SQLite writes one transaction at a time; the race needs PostgreSQL")
    timeline = TimelineFactory()
    for attempt in range(8):
        first = services.add_source(
            timeline=timeline, text=f"It began in 2013 ({attempt}).", title="a", user=editor
        ).source.proposals.get()
        second = services.add_source(
            timeline=timeline, text=f"Also in 2013 ({attempt}).", title="b", user=editor
        ).source.proposals.get()
        event = services.confirm(proposal=first, user=editor)
        errors: list[BaseException] = []
        barrier = threading.Barrier(2)

        def run(verb, errors=errors, barrier=barrier):
            try:
                barrier.wait()
                verb()
            except services.ReviewError:
                pass  # a clear refusal is a fine outcome
            except BaseException as error:
                errors.append(error)
            finally:
                connections.close_all()

        threads = [
            threading.Thread(
                target=run,
                args=(lambda f=first: services.undo(proposal=f, user=editor),),
            ),
            threading.Thread(
                target=run,
                args=(lambda s=second, e=event: services.merge(proposal=s, event=e, user=editor),),
            ),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        second.refresh_from_db()
        if second.state == Proposal.State.MERGED:
            assert Event.objects.filter(pk=event.pk).exists()


def test_simultaneous_confirms_on_sqlite_wait_instead_of_failing(tmp_path):
    """Eight threads confirming at once on an SQLite file: none gets "database is locked"."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'race.sqlite3'}"
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=root, env=env, check=True)
    script = """
import threading
from django.db import connections
from timeline import services
from timeline.models import Timeline
timeline = Timeline.objects.create(title="t", slug="t")
text = " ".join(f"It happened in {year}." for year in range(2001, 2009))
source = services.add_source(timeline=timeline, text=text, title="s").source
proposals = list(source.proposals.all())
errors, barrier = [], threading.Barrier(len(proposals))
def confirm(proposal):
    try:
        barrier.wait()
        services.confirm(proposal=proposal, user=None)
    except Exception as error:
        errors.append(repr(error))
    finally:
        connections.close_all()
threads = [threading.Thread(target=confirm, args=(p,)) for p in proposals]
[t.start() for t in threads]
[t.join() for t in threads]
print("proposals", len(proposals), "errors", errors)
"""
    done = subprocess.run(
        [*manage, "shell", "-c", script], cwd=root, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "proposals 8 errors []"
