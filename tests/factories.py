from __future__ import annotations

from datetime import date

import factory
from django.contrib.auth import get_user_model

from timeline.editors import ensure_editors_group
from timeline.models import Citation, Era, Event, Proposal, Source, Timeline
from timeline.periods import Precision


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw-for-tests")


class EditorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"editor{n}")
    is_staff = True

    @factory.post_generation
    def editors_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(ensure_editors_group())


class TimelineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Timeline

    title = factory.Sequence(lambda n: f"Timeline {n}")
    slug = factory.Sequence(lambda n: f"timeline-{n}")
    is_public = True


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    timeline = factory.SubFactory(TimelineFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    publisher = "Test Wire"
    published = date(2016, 11, 19)
    text = factory.Sequence(lambda n: f"Article {n}. The tender was won by the bid in 2013.")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    timeline = factory.SubFactory(TimelineFactory)
    headline = factory.Sequence(lambda n: f"Event {n}")
    date = date(2013, 1, 1)
    precision = Precision.YEAR


class EraFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Era

    timeline = factory.SubFactory(TimelineFactory)
    title = factory.Sequence(lambda n: f"Era {n}")
    slug = factory.Sequence(lambda n: f"era-{n}")
    end_date = date(2015, 1, 1)
    date = date(2013, 1, 1)
    precision = Precision.YEAR
    end_precision = Precision.YEAR


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citation

    event = factory.SubFactory(EventFactory)
    source = factory.SubFactory(SourceFactory, timeline=factory.SelfAttribute("..event.timeline"))
    quote = factory.LazyAttribute(lambda c: c.source.text)
    start = 0
    end = factory.LazyAttribute(lambda c: len(c.source.text))


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    source = factory.SubFactory(SourceFactory)
    mention_text = "2013"
    mention_start = factory.Sequence(lambda n: 100 + n * 10)
    mention_end = factory.LazyAttribute(lambda p: p.mention_start + 4)
    value = "2013"
    date = date(2013, 1, 1)
    precision = Precision.YEAR
    sentence = "The tender was won by the bid in 2013."
    sentence_start = 0
    sentence_end = 38
    headline = "The tender was won by the bid"
    confidence = 0.9


def proposal_of(source: Source, value: str) -> Proposal:
    """The one proposal of ``source`` dated ``value``."""
    return source.proposals.get(value=value)
