"""The Turkey air-defense demo: notes in this project's own words, reviewed as an editor would.

Every note is a source written for the demo. Most draw on the public record at
large and are labelled as demo notes; a note that summarises one public document
(a ministry's press release, a department's briefing) carries that document's
real title, publisher, date and address, so its citation leads somewhere, while
its text stays a summary in this project's words (see `Document`).

Loading runs the real path: add the source, let the extractor propose events,
then confirm or merge the proposals the plan names. What the plan leaves alone
stays pending, so the review queue has work in it. Loading twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from timeline import images, services
from timeline.demo_diagram import ALT, tender_diagram
from timeline.models import Era, EraColour, Event, Proposal, ProposalState, Timeline
from timeline.periods import Period, Precision

SLUG = "turkey-air-defense"
PUBLISHER = "Timeline demo notes"


@dataclass(frozen=True)
class Confirm:
    """Confirm the proposal dated `value` in the sentence containing `sentence`."""

    sentence: str
    value: str
    headline: str
    description: str = ""
    period: str = ""  # the date the editor gives the event, when not the proposal's


@dataclass(frozen=True)
class Merge:
    """Cite the proposal as more evidence for the event with this headline."""

    sentence: str
    value: str
    into: str


@dataclass(frozen=True)
class Document:
    """Who published the public document a note summarises, and where.

    A note with a document takes the document's own title and date, checked against
    stored copies of the publisher's page and reports of it; its text is still a
    summary written for the demo, never the document's sentences."""

    publisher: str
    url: str


@dataclass(frozen=True)
class Note:
    title: str
    published: date
    text: str
    plan: list[Confirm | Merge] = field(default_factory=list)
    document: Document | None = None

    @property
    def publisher(self) -> str:
        return self.document.publisher if self.document else PUBLISHER

    @property
    def url(self) -> str:
        return self.document.url if self.document else ""


NOTES = [
    Note(
        title="Demo note: Turkey's long-range air-defense tender",
        published=date(2013, 10, 1),
        text=(
            "Demo note, written for the timeline demo.\n\n"
            "Turkey's long-range air and missile defence tender, known as T-LORAMIDS, drew four "
            "bids by 2013. The competing systems were the US Patriot PAC-3, the Franco-Italian "
            "SAMP/T Aster 30, Russia's S-400 and China's FD-2000, an export version of the HQ-9. "
            "In September 2013 Turkey announced that it had chosen the Chinese FD-2000 bid. "
            "Other NATO members questioned whether a Chinese system could work with the "
            "alliance's air-defence network."
        ),
        plan=[
            Confirm(
                sentence="drew four bids",
                value="2013",
                headline="Four systems compete in Turkey's long-range air-defense tender",
                description="The Patriot PAC-3, SAMP/T Aster 30, S-400 and FD-2000 bid for "
                "T-LORAMIDS.",
            ),
            Confirm(
                sentence="chosen the Chinese FD-2000",
                value="2013-09",
                headline="Turkey picks China's FD-2000",
            ),
        ],
    ),
    Note(
        title="Demo note: the Patriot withdrawal and the end of the FD-2000 deal",
        published=date(2015, 11, 20),
        text=(
            "Demo note, written for the timeline demo.\n\n"
            "In August 2015 the United States and Germany said they would withdraw the Patriot "
            "batteries deployed on Turkey's border with Syria. The batteries had been deployed "
            "in 2013. Talks with China over the FD-2000 ran from 2013 to 2015 without agreement "
            "on the transfer of technology. In November 2015 Turkey cancelled the tender it had "
            "awarded to the Chinese bid."
        ),
        plan=[
            Confirm(
                sentence="withdraw the Patriot",
                value="2015-08",
                headline="US and Germany announce the withdrawal of Patriot batteries from Turkey",
            ),
            Confirm(
                # the extractor proposes each end of the range; the editor dates the
                # talks by the whole of it
                sentence="ran from 2013 to 2015",
                value="2013",
                period="2013/2015",
                headline="Turkey and China negotiate the FD-2000 deal",
                description="The talks stall over the transfer of technology.",
            ),
            Confirm(
                sentence="Turkey cancelled the tender",
                value="2015-11",
                headline="Turkey cancels the FD-2000 award",
            ),
        ],
    ),
    Note(
        title="Demo note: Turkey turns to Russia's S-400",
        published=date(2016, 11, 19),
        text=(
            "Demo note, written for the timeline demo.\n\n"
            "Turkey's defence minister said on Friday that talks with Russia on buying the S-400 "
            "system were under way and that Russia's attitude was positive. Turkey had cancelled "
            "its earlier award to China's FD-2000 in 2015."
        ),
        plan=[
            Confirm(
                sentence="talks with Russia on buying",
                value="2016-11-18",
                headline="Turkey confirms talks with Russia on the S-400",
            ),
        ],
    ),
    Note(
        title="Demo note: the S-400 deal, deliveries and their cost",
        published=date(2021, 1, 15),
        text=(
            "Demo note, written for the timeline demo.\n\n"
            "Turkey agreed to buy the S-400 from Russia in 2017, and its president said in "
            "September 2017 that the contract had been signed. The first S-400 components were "
            "delivered to Ankara on 12 July 2019. On 17 July 2019 the United States said it was "
            "removing Turkey from the F-35 fighter programme because of the purchase. On 14 "
            "December 2020 the United States imposed sanctions on Turkey's defence procurement "
            "agency under the CAATSA law."
        ),
        plan=[
            Confirm(
                sentence="agreed to buy the S-400",
                value="2017",
                headline="Turkey agrees to buy the S-400 from Russia",
            ),
            Merge(sentence="agreed to buy the S-400", value="2017-09", into="Turkey agrees to buy"),
            Confirm(
                sentence="first S-400 components",
                value="2019-07-12",
                headline="First S-400 deliveries arrive in Ankara",
            ),
            Confirm(
                sentence="F-35 fighter programme",
                value="2019-07-17",
                headline="The US removes Turkey from the F-35 programme",
            ),
            Confirm(
                sentence="imposed sanctions",
                value="2020-12-14",
                headline="US sanctions Turkey's defense procurement agency",
            ),
        ],
    ),
    Note(
        title=(
            "Under Secretary of Defense for Acquisition and Sustainment Ellen M. Lord and "
            "Deputy Under Secretary of Defense for Policy David J. Trachtenberg Press Briefing "
            "on DOD's Response to Turkey Accepting Delivery of the Russian S-400 Air And "
            "Missile Defense System"
        ),
        published=date(2019, 7, 17),
        document=Document(
            publisher="U.S. Department of Defense",
            url="https://www.defense.gov/News/Transcripts/Transcript/Article/1908442/"
            "under-secretary-of-defense-for-acquisition-and-sustainment-ellen-m-lord-and-dep/",
        ),
        text=(
            "Demo note, written for the timeline demo: a summary of a Pentagon press briefing, "
            "not its words.\n\n"
            "At a Pentagon briefing on 17 July 2019, two senior Defense Department officials "
            "said Turkey was suspended from the F-35 programme and that its formal removal had "
            "begun. The reason they gave was that Turkey had begun taking delivery of Russia's "
            "S-400 the Friday before. They said the other partner nations backed the decision, "
            "and that ties with Turkey reached well beyond the fighter."
        ),
        plan=[
            Merge(
                sentence="suspended from the F-35",
                value="2019-07-17",
                into="The US removes Turkey from the F-35",
            ),
            # "the Friday before" is dated from the briefing's own date
            Merge(sentence="the Friday before", value="2019-07-12", into="First S-400 deliveries"),
        ],
    ),
    Note(
        title=(
            "No: 321, 14 December 2020, Press Release Regarding the U.S. Decision to Impose "
            "Sanctions Against Turkey"
        ),
        published=date(2020, 12, 14),
        document=Document(
            publisher="Turkish Ministry of Foreign Affairs",
            url="https://mfa.gov.tr/no_-321_-abd-nin-ulkemize-karsi-acikladigi-yaptirim-kararlari-hk.en.mfa",
        ),
        text=(
            "Demo note, written for the timeline demo: a summary of a Turkish foreign ministry "
            "press release, not its words.\n\n"
            "On 14 December 2020 Turkey's foreign ministry rejected the sanctions that the "
            "United States announced that day over Turkey's purchase of the S-400. The ministry "
            "said the American objections had no technical basis, recalled that Turkey had "
            "offered to settle the question in a working group with NATO, warned that Turkey "
            "would answer in its own time, and asked Washington to reverse the decision."
        ),
        plan=[
            Merge(
                sentence="rejected the sanctions",
                value="2020-12-14",
                into="US sanctions Turkey's defense",
            ),
        ],
    ),
]


# Named spans of the story, as an editor would set them in the admin.
ERAS = [
    (
        "The FD-2000 tender",
        "fd-2000-tender",
        (date(2013, 1, 1), Precision.YEAR),
        (date(2015, 11, 1), Precision.MONTH),
        EraColour.BLUE,
    ),
    (
        "Buying the S-400",
        "buying-the-s-400",
        (date(2016, 11, 1), Precision.MONTH),
        (date(2019, 7, 12), Precision.DAY),
        EraColour.RED,
    ),
    (
        "Sanctions",
        "sanctions",
        (date(2019, 7, 17), Precision.DAY),
        (date(2020, 12, 14), Precision.DAY),
        EraColour.PURPLE,
    ),
]

KEY_EVENTS = [
    "Turkey picks China's FD-2000",
    "Turkey cancels the FD-2000 award",
    "Turkey agrees to buy the S-400 from Russia",
    "First S-400 deliveries arrive in Ankara",
    "US sanctions Turkey's defense procurement agency",
]


class DemoError(RuntimeError):
    pass


def _proposal(source, step) -> Proposal:
    found = [
        p for p in source.proposals.all() if step.sentence in p.sentence and p.value == step.value
    ]
    if len(found) != 1:
        raise DemoError(f"the demo plan expects one {step.value} proposal near “{step.sentence}”")
    return found[0]


@transaction.atomic
def load(*, user=None) -> Timeline:
    timeline, _ = Timeline.objects.get_or_create(
        slug=SLUG,
        defaults={
            "title": "Turkey's air-defense procurement",
            "description": (
                "How Turkey shopped for a long-range air and missile defense system: the 2013 "
                "tender won by China's FD-2000, its cancellation in 2015, the turn to Russia's "
                "S-400, and what it cost Turkey with its NATO allies."
            ),
            "is_public": True,
        },
    )
    for note in NOTES:
        added = services.add_source(
            timeline=timeline,
            text=note.text,
            title=note.title,
            published=note.published,
            publisher=note.publisher,
            url=note.url,
            user=user,
        )
        for step in note.plan:
            proposal = _proposal(added.source, step)
            if proposal.state != ProposalState.PENDING:
                continue  # reviewed on an earlier load
            if isinstance(step, Confirm):
                services.confirm(
                    proposal=proposal,
                    user=user,
                    headline=step.headline,
                    description=step.description,
                    period=Period.parse(step.period) if step.period else None,
                )
            else:
                event = Event.objects.get(timeline=timeline, headline__startswith=step.into)
                services.merge(proposal=proposal, event=event, user=user)
    for title, slug, (start, precision), (end, end_precision), colour in ERAS:
        Era.objects.get_or_create(
            timeline=timeline,
            slug=slug,
            defaults={
                "title": title,
                "date": start,
                "precision": precision,
                "end_date": end,
                "end_precision": end_precision,
                "colour": colour,
            },
        )
    key = timeline.events.filter(headline__in=KEY_EVENTS)
    services.set_key_events(events=key, is_key=True, user=user)
    tender = timeline.events.get(headline__startswith="Four systems compete")
    if not tender.image:
        upload = SimpleUploadedFile("t-loramids-bids.png", tender_diagram(), "image/png")
        images.attach(
            tender,
            upload,
            alt=ALT,
            caption="The four systems that bid in 2013, and what became of the winning bid.",
            credit="Diagram: timeline demo",
        )
    return timeline
