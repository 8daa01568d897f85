"""What the extractor returns: immutable, JSON-ready records."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from datetime import date

from timeline.periods import Period

# Flags say why a mention or proposal needs an editor's eye.
NEEDS_PUBLICATION_DATE = "relative-without-publication-date"
NEEDS_STORY_DATE = "relative-without-story-date"
BEFORE_COMMON_ERA = "before-common-era"
UNSUPPORTED_LANGUAGE = "unsupported-language"
FLAG_MESSAGES = {
    NEEDS_PUBLICATION_DATE: "relative date: give the article's publication date to resolve it",
    NEEDS_STORY_DATE: "relative date: the text names no earlier date to resolve it against",
    BEFORE_COMMON_ERA: "a year before the common era: give the date by hand",
    UNSUPPORTED_LANGUAGE: "a language the extractor does not read: only years were looked for",
}


def direct_init(cls: type) -> type:
    """A frozen, slotted dataclass whose ``__init__`` fills each slot through its descriptor.

    The ``__init__`` a dataclass writes for a frozen class calls ``object.__setattr__`` for
    every field, which costs about three times as much as setting the slot: a long text
    makes tens of thousands of these records, and that was a tenth of its extraction. The
    signature and defaults stay the dataclass's; assigning to a field afterwards still
    raises ``FrozenInstanceError``.
    """
    namespace: dict[str, object] = {}
    parameters, lines = [], []
    for number, each in enumerate(fields(cls)):
        if each.default_factory is not MISSING:
            raise TypeError(
                f"{cls.__name__}.{each.name}: a default factory needs the dataclass's init"
            )
        parameter = each.name
        if each.default is not MISSING:
            namespace[f"_default_{number}"] = each.default
            parameter += f"=_default_{number}"
        parameters.append(parameter)
        namespace[f"_set_{number}"] = cls.__dict__[each.name].__set__
        lines.append(f"    _set_{number}(self, {each.name})")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + "\n".join(lines)
    exec(source, namespace)  # (the source names only the class's own fields)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    return cls


@direct_init
@dataclass(frozen=True, slots=True)
class Mention:
    """An expression in the text that names a date or period."""

    start: int
    end: int
    text: str
    period: Period | None
    relative: bool
    confidence: float
    kind: str
    flags: tuple[str, ...] = ()

    @property
    def value(self) -> str | None:
        return self.period.iso if self.period else None

    @property
    def precision(self) -> str | None:
        return self.period.precision.label if self.period else None

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "precision": self.precision,
            "relative": self.relative,
            "confidence": self.confidence,
            "kind": self.kind,
            "flags": list(self.flags),
        }


@direct_init
@dataclass(frozen=True, slots=True)
class ProposedEvent:
    """One dated happening of one sentence: what an editor confirms or rejects."""

    sentence: str
    start: int
    end: int
    headline: str
    confidence: float
    mentions: tuple[Mention, ...]

    @property
    def mention(self) -> Mention:
        """The mention that dates the event: the most precise one the sentence gives it."""
        return self.mentions[0]

    @property
    def period(self) -> Period | None:
        return self.mention.period

    @property
    def value(self) -> str | None:
        return self.mention.value

    @property
    def precision(self) -> str | None:
        return self.mention.precision

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(flag for m in self.mentions for flag in m.flags))

    def as_dict(self) -> dict:
        return {
            "value": self.value,
            "precision": self.precision,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "headline": self.headline,
            "confidence": self.confidence,
            "flags": list(self.flags),
            "mentions": [m.as_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    published: date | None
    kind: str = "news"
    language: str = "en"
    flags: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    proposals: tuple[ProposedEvent, ...] = field(default=())

    def as_dict(self) -> dict:
        return {
            "published": self.published.isoformat() if self.published else None,
            "kind": self.kind,
            "language": self.language,
            "flags": list(self.flags),
            "mentions": [m.as_dict() for m in self.mentions],
            "proposals": [p.as_dict() for p in self.proposals],
        }
