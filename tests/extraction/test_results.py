"""The extractor's records: built by their own ``__init__``, still frozen dataclasses."""

from __future__ import annotations

import dataclasses

import pytest

from timeline.extraction.results import Mention, ProposedEvent, direct_init
from timeline.extraction.sentences import Sentence


def _mention(**changes) -> Mention:
    fields = {
        "start": 3,
        "end": 7,
        "text": "2015",
        "period": None,
        "relative": False,
        "confidence": 0.85,
        "kind": "year",
    }
    return Mention(**{**fields, **changes})


def test_records_built_positionally_or_by_keyword_hold_the_same_fields_and_defaults():
    by_keyword = _mention()
    by_position = Mention(3, 7, "2015", None, False, 0.85, "year")
    assert by_keyword == by_position
    assert hash(by_keyword) == hash(by_position)
    assert by_position.flags == ()
    assert dataclasses.astuple(by_position) == (3, 7, "2015", None, False, 0.85, "year", ())
    assert _mention(flags=("x",)).flags == ("x",)


@pytest.mark.parametrize("record", [_mention(), Sentence(0, 4, "Text")], ids=repr)
def test_records_refuse_assignment_after_construction(record):
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.start = 1


def test_records_refuse_missing_or_unknown_fields_as_the_dataclass_init_does():
    with pytest.raises(TypeError, match="missing"):
        Mention(3, 7)
    with pytest.raises(TypeError, match="unexpected keyword"):
        _mention(value="2015")


def test_replace_builds_a_changed_copy_through_the_direct_init():
    event = ProposedEvent("Text.", 0, 5, "Text", 0.85, (_mention(),))
    moved = dataclasses.replace(event, start=10, end=15)
    assert (moved.start, moved.end, moved.sentence) == (10, 15, "Text.")
    assert event.start == 0


def test_a_field_with_a_default_factory_keeps_the_dataclass_init():
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="default factory"):
        direct_init(WithFactory)
