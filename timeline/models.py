"""Timelines, the sources they are built from, and the events editors confirm.

An extractor run over a source leaves Proposals; an editor turns a proposal
into an Event (confirm) or a Citation of an existing one (merge), or rejects
it. Dates are stored as the first day of their period plus a precision, so
"2013" is (2013-01-01, year) and sorts before "2013-08" and "2013-08-19".
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import connection, models
from django.db.models import Q
from django.db.models.expressions import Col
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from timeline.extraction.languages import SUPPORTED as SUPPORTED_LANGUAGES
from timeline.extraction.results import FLAG_MESSAGES
from timeline.periods import Period, Precision, display, truncate

PRECISION_CHOICES = [(p.value, _(p.label)) for p in Precision]


class PeriodFields:
    """`date`, `precision`, `end_date` and `end_precision` read and written as one Period."""

    @property
    def period(self) -> Period | None:
        if self.date is None or self.precision is None:
            return None
        return Period.from_stored(self.date, self.precision, self.end_date, self.end_precision)

    @period.setter
    def period(self, period: Period | None) -> None:
        if period is None:
            self.date = self.precision = self.end_date = self.end_precision = None
            return
        self.date, self.precision = period.start, period.precision
        self.end_date, self.end_precision = period.end, period.end_precision


class TimelineQuerySet(models.QuerySet):
    def public(self) -> TimelineQuerySet:
        return self.filter(is_public=True)

    def visible_to(self, user) -> TimelineQuerySet:
        """What readers may see: public timelines; editors also preview private ones.

        This is the one rule for every public page, permalink, export and feed.
        A timeline shows only its events, which are confirmed by definition: what
        is not confirmed is still a Proposal, and no public page reads those.
        """
        from timeline.editors import is_editor

        return self.all() if is_editor(user) else self.public()


class Timeline(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Readers who are not logged in can see it.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    content_updated_at = models.DateTimeField(
        _("content updated"),
        default=timezone.now,
        editable=False,
        help_text=_(
            "When readers last saw a change: an event, citation or era saved or deleted, "
            "a cited source's details, the timeline itself. Set by public_cache's signals."
        ),
    )

    objects = TimelineQuerySet.as_manager()
    # Derived from the other models' changes: not an edit of the timeline worth a record.
    history = HistoricalRecords(excluded_fields=["content_updated_at"])

    class Meta:
        ordering = ["title"]
        verbose_name = _("timeline")
        verbose_name_plural = _("timelines")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("public:timeline", args=[self.slug])


def content_hash(text: str) -> str:
    """A fingerprint of an article's words, blind to line endings and edge whitespace."""
    normalized = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(normalized.strip().encode("utf-8")).hexdigest()


class ExtractionState(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class SourceKind(models.TextChoices):
    """How a source's relative dates are read (see ``timeline.extraction.narrative``)."""

    NEWS = "news", _("news report: from its publication date")
    NARRATIVE = "narrative", _("narrative: from the dates it tells")


language_code = RegexValidator(
    r"^[a-z]{2,3}$",
    _("Give a language as its ISO 639-1 code, such as “tr” or “de”."),
    code="language_code",
)


class Source(models.Model):
    timeline = models.ForeignKey(
        Timeline, on_delete=models.PROTECT, related_name="sources", verbose_name=_("timeline")
    )
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    published = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Relative dates in the text (“on Friday”, “last year”) are read from it."),
    )
    text = models.TextField(_("text"))
    content_hash = models.CharField(_("content hash"), max_length=64, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)
    extraction_state = models.CharField(
        _("extraction"),
        max_length=10,
        choices=ExtractionState.choices,
        default=ExtractionState.DONE,
        help_text=_("Extraction runs as a background task; a failed one can be retried."),
    )
    extraction_error = models.TextField(_("extraction error"), blank=True)
    extraction_changed_at = models.DateTimeField(
        _("extraction changed"),
        null=True,
        blank=True,
        help_text=_("When its extraction was last queued, started or ended."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=SourceKind.choices,
        blank=True,
        help_text=_(
            "A news report dates “on Friday” from its publication date; a narrative (history, "
            "explainer) dates “two years later” from the dates it tells. Empty: detected."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=3,
        blank=True,
        validators=[language_code],
        help_text=_("ISO 639-1 code, such as “tr”. Empty: detected from the text."),
    )
    # What the last extraction read the text as: the editor's choice, or what it detected.
    read_as_kind = models.CharField(
        _("read as"), max_length=10, choices=SourceKind.choices, blank=True, editable=False
    )
    read_as_language = models.CharField(
        _("read in language"), max_length=3, blank=True, editable=False
    )
    language_unsupported = models.BooleanField(
        _("language not supported"),
        default=False,
        editable=False,
        help_text=_("The extractor does not read this language: it looked for years only."),
    )

    history = HistoricalRecords(
        excluded_fields=[
            "extraction_state",
            "extraction_error",
            "extraction_changed_at",
            "read_as_kind",
            "read_as_language",
            "language_unsupported",
        ]
    )

    class Meta:
        ordering = ["-added_at", "-id"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(
                fields=["timeline", "content_hash"], name="source_text_once_per_timeline"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.content_hash = content_hash(self.text)
        super().save(*args, **kwargs)

    @property
    def language_name(self) -> str:
        code = self.language or self.read_as_language
        return str(SUPPORTED_LANGUAGES.get(code, code))

    @property
    def published_iso(self) -> str:
        return self.published.isoformat() if self.published else ""

    @property
    def published_display(self) -> str:
        """ "19 November 2016": read on every public page, so no locale machinery."""
        return display(self.published, Precision.DAY) if self.published else ""

    @property
    def is_extracting(self) -> bool:
        """Its extraction waits in the queue or runs: the review page polls until it ends."""
        return self.extraction_state in {ExtractionState.QUEUED, ExtractionState.RUNNING}

    @property
    def is_stuck(self) -> bool:
        """Queued or running for longer than the lease: no worker seems to have it."""
        if not self.is_extracting or self.extraction_changed_at is None:
            return False
        lease = timedelta(seconds=settings.TIMELINE_EXTRACTION_LEASE_SECONDS)
        return self.extraction_changed_at < timezone.now() - lease

    @property
    def awaits_extraction(self) -> bool:
        """Its review page polls: extraction waits or runs, and is not stuck."""
        return self.is_extracting and not self.is_stuck

    @property
    def can_retry_extraction(self) -> bool:
        return self.extraction_state == ExtractionState.FAILED or self.is_stuck


# Date order: by the first day of the period; at the same first day the coarser
# precision first (2015, then 2015-01, then 2015-01-01); a single date before a
# range starting with it, shorter ranges first. NULLs placed alike on every database.
DATE_ORDER = [
    "date",
    "precision",
    models.F("end_date").asc(nulls_first=True),
    "end_precision",
    "id",
]


REVERSE_DATE_ORDER = [
    "-date",
    "-precision",
    models.F("end_date").desc(nulls_last=True),
    "-end_precision",
    "-id",
]


class SearchDocument(models.Expression):
    """A row's words for PostgreSQL's full-text search, stored and GIN-indexed.

    A generated column (migration 0012) on events and citations that the models do
    not declare, so that no other query reads it; this names it in the query's table.
    """

    def resolve_expression(self, query=None, *args, **kwargs):
        from django.contrib.postgres.search import SearchVectorField

        column = SearchVectorField()
        column.set_attributes_from_name("search_document")
        column.model = query.model
        return Col(query.get_initial_alias(), column)


class AnyOf(models.Lookup):
    """`column = ANY(array)`: unlike `IN (subquery)`, an index condition PostgreSQL can
    combine with others in a bitmap (not registered: used as an expression)."""

    lookup_name = "any_of"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


class Mentions(models.Lookup):
    """`word` in an event's headline, its description or one of its quotes, as
    `icontains` finds it: in any case the database folds (SQLite's LIKE folds ASCII
    letters only: "CAFÉ" does not find "café").

    Written out around the event's pk, the lookup's side: as three lookups and an
    `Exists` over the citations a word, built, then compiled twice (the overview's
    counts, the page's pick), the search cost the filtered page more CPU than SQLite
    took to test the words. Not registered: used as an expression, as AnyOf is.

    The quotes are tested once a query, as a list of the events they cite (`IN`), not
    once an event (`EXISTS`, an index lookup per event): a rare word over all 10,000
    events of a timeline took 29 ms, now 9; over the 1,714 of five years, 5.1 ms, now
    5.7, as every quote is read; a word most events hold ends each OR early, alike.
    """

    lookup_name = "mentions"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        quote = connection.ops.quote_name
        like = connection.operators["icontains"] % "%s"
        pattern = connection.ops.prep_for_like_query(self.rhs)
        if connection.features.pattern_lookup_needs_param_pattern:
            pattern = f"%{pattern}%"

        def contains(table: str, model: type[models.Model], name: str) -> str:
            field = model._meta.get_field(name)
            cast = connection.ops.lookup_cast("icontains", field.get_internal_type())
            return f"{cast % f'{quote(table)}.{quote(field.column)}'} {like}"

        event, pk = self.lhs.alias, self.lhs.target.column
        # An alias of its own: never one of the query around it.
        quoting = "mentioning"
        citations = f"{quote(Citation._meta.db_table)} {quote(quoting)}"
        cites = Citation._meta.get_field("event").column
        sql = (
            f"({contains(event, Event, 'headline')} OR {contains(event, Event, 'description')} "
            f"OR {quote(event)}.{quote(pk)} IN (SELECT {quote(quoting)}.{quote(cites)} "
            f"FROM {citations} WHERE {contains(quoting, Citation, 'quote')}))"
        )
        return sql, (pattern, pattern, pattern)


class EventQuerySet(models.QuerySet):
    def in_date_order(self) -> EventQuerySet:
        return self.order_by(*DATE_ORDER)

    def overlapping_years(self, first: int | None, last: int | None) -> EventQuerySet:
        """Events that touch the years first..last; a range counts where it overlaps."""
        queryset = self
        if first is not None:
            since = date(first, 1, 1)
            ends = Coalesce("end_date", "date")
            queryset = queryset.alias(ends=ends).filter(ends__gte=since)
            # What `ends` leaves in starts on `since` or is a range running into it: the
            # earliest such range bounds the start dates, so the date index is read from
            # there, not from the timeline's first event (from 2000 on, of 50,000 events
            # spread over 1990–2019, it read and dropped 16,500).
            running_in = self.filter(date__lt=since, end_date__gte=since).order_by("date")
            earliest = Coalesce(models.Subquery(running_in.values("date")[:1]), models.Value(since))
            queryset = queryset.filter(date__gte=earliest)
        if last is not None:
            queryset = queryset.filter(date__lte=date(last, 12, 31))
        return queryset

    def search(self, words: str) -> EventQuerySet:
        """Events whose headline, description or a quote matches the words.

        On PostgreSQL this is full-text search (English stemming: "cancel" finds
        "cancelled"); elsewhere every word must appear, in any case (Mentions).
        """
        if connection.vendor == "postgresql":
            return self._full_text_search(words)
        return self.filter(*(Mentions(models.F("pk"), word) for word in words.split()))

    def _full_text_search(self, words: str) -> EventQuerySet:
        """Matched on the stored documents: parsed per search, 50,000 events took seconds.

        The quotes are read through their GIN index, once, into an array of event pks
        (`AnyOf`), so PostgreSQL can OR the events' GIN index with the primary key and
        AND the date range, and read only the rows that match (EXPLAIN: a rare word over
        50,000 events, 0.1 ms instead of a 27 ms scan of every event's document).
        """
        from django.contrib.postgres.expressions import ArraySubquery
        from django.contrib.postgres.search import SearchQuery

        query = SearchQuery(words, config="english", search_type="websearch")
        quoted = Citation.objects.alias(document=SearchDocument()).filter(document=query)
        # Unordered: the citations' default order would join their events and sources.
        quoted_events = ArraySubquery(quoted.order_by().values("event_id"))
        return self.alias(document=SearchDocument()).filter(
            Q(document=query) | Q(AnyOf(models.F("pk"), quoted_events))
        )

    def _same_day(self, day: date) -> list[int]:
        return list(self.filter(date=day).in_date_order().values_list("pk", flat=True))

    def neighbours(self, event: Event) -> tuple[Event | None, Event | None]:
        """The events just before and after `event` in date order.

        Read through the date index (events sharing its first day, then the nearest
        day on each side) rather than by numbering every event of the timeline.
        """
        same = self._same_day(event.date)
        if event.pk not in same:
            return None, None
        at = same.index(event.pk)
        if at > 0:
            before = same[at - 1]
        else:
            earlier = self.filter(date__lt=event.date).order_by(*REVERSE_DATE_ORDER)
            before = earlier.values_list("pk", flat=True).first()
        if at + 1 < len(same):
            after = same[at + 1]
        else:
            later = self.filter(date__gt=event.date).in_date_order()
            after = later.values_list("pk", flat=True).first()
        rows = self.model.objects.in_bulk([pk for pk in (before, after) if pk is not None])
        return rows.get(before), rows.get(after)

    def position(self, event: Event) -> int | None:
        """How many of these events come before `event` in date order; None if it is not one."""
        same = self._same_day(event.date)
        if event.pk not in same:
            return None
        return self.filter(date__lt=event.date).count() + same.index(event.pk)

    def with_sources(self) -> EventQuerySet:
        # A source's text can be megabytes; no reader's page shows it.
        citations = (
            Citation.objects.select_related("source")
            .defer("source__text", "source__extraction_error")
            .order_by("source__published", "source__title", "start", "id")
        )
        return self.prefetch_related(models.Prefetch("citations", queryset=citations))


class Event(PeriodFields, models.Model):
    """A confirmed entry of a timeline, dated at the precision its sources support."""

    timeline = models.ForeignKey(
        Timeline, on_delete=models.PROTECT, related_name="events", verbose_name=_("timeline")
    )
    headline = models.CharField(_("headline"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    date = models.DateField(
        _("date"), help_text=_("For a year or month, any day in it: it is stored as the first.")
    )
    precision = models.PositiveSmallIntegerField(
        _("precision"), choices=PRECISION_CHOICES, default=Precision.DAY
    )
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_precision = models.PositiveSmallIntegerField(
        _("end precision"), choices=PRECISION_CHOICES, null=True, blank=True
    )
    circa = models.BooleanField(_("circa"), default=False, help_text=_("The date is approximate."))
    is_key = models.BooleanField(
        _("key event"),
        default=False,
        help_text=_("Stands out on the public page and is kept in its “key events only” view."),
    )
    image = models.ImageField(
        _("image"),
        upload_to="events/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_("JPEG, PNG or WebP, at most 5 MB; its metadata (EXIF, GPS) is removed."),
    )
    image_width = models.PositiveIntegerField(_("image width"), null=True, editable=False)
    image_height = models.PositiveIntegerField(_("image height"), null=True, editable=False)
    image_widths = models.JSONField(
        _("image widths"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("The resized copies stored beside the image, by width in pixels."),
    )
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it. Required with an image."),
    )
    image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("credit"), max_length=200, blank=True)
    link_url = models.URLField(
        _("link"),
        max_length=1000,
        blank=True,
        help_text=_("A video or post about the event, shown as a link card."),
    )
    link_title = models.CharField(
        _("link title"), max_length=300, blank=True, help_text=_("Required with a link.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    render_version = models.BigIntegerField(
        _("render version"),
        default=0,
        editable=False,
        help_text=_(
            "Changes whenever what the exports print of the event does: its stored "
            "rendering is current only while it carries the same number "
            "(timeline/public/renderings.py)."
        ),
    )

    objects = EventQuerySet.as_manager()
    # Derived from the event and what it cites: not an edit worth a record.
    history = HistoricalRecords(excluded_fields=["render_version"])

    class Meta:
        ordering = DATE_ORDER
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # The whole date order after the timeline: a page deep in a long timeline is read
        # from the index instead of sorting every event (SQLite sorts NULL end dates first,
        # as DATE_ORDER asks; PostgreSQL sorts only the ties the index leaves).
        indexes = [
            models.Index(
                fields=["timeline", "date", "precision", "end_date", "end_precision", "id"],
                name="event_date_order",
            ),
            # The same order for key events alone: the "key events only" page and their count.
            # Not a partial index: without statistics SQLite's planner passed it over.
            models.Index(
                fields=[
                    "timeline",
                    "is_key",
                    "date",
                    "precision",
                    "end_date",
                    "end_precision",
                    "id",
                ],
                name="event_key_date_order",
            ),
            # The public page's year strip counts each year's events here: on PostgreSQL
            # its entries, deduplicated, fill a seventh of the pages of the whole-order
            # indexes', and counting 50,000 of them took 4 ms instead of 7.
            models.Index(fields=["timeline", "date"], name="event_timeline_date"),
            # The public page's span seeks the latest end of a range here.
            models.Index(
                fields=["timeline", "end_date"],
                condition=Q(end_date__isnull=False),
                name="event_end_date",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("date")),
                name="event_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True, end_precision__isnull=True)
                | Q(end_date__isnull=False, end_precision__isnull=False),
                name="event_end_has_precision",
            ),
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""), name="event_image_has_alt_text"
            ),
            models.CheckConstraint(
                condition=Q(link_url="") | ~Q(link_title=""), name="event_link_has_title"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date_display}: {self.headline}"

    def save(self, *args, **kwargs) -> None:
        # Whatever the entry path, a year is stored as its first day.
        self.date = truncate(self.date, Precision(self.precision))
        if self.end_date is not None and self.end_precision:
            self.end_date = truncate(self.end_date, Precision(self.end_precision))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:event", args=[self.timeline.slug, self.pk])

    @property
    def date_display(self) -> str:
        return self.period.display(circa=self.circa)

    @property
    def date_iso(self) -> str:
        return self.period.iso

    @property
    def image_srcset(self) -> str:
        """Every stored width for `srcset`: "…-480w.png 480w, ….png 1200w" (the last: itself)."""
        from timeline.images import variant_name

        *copies, full = self.image_widths or [0]
        storage = self.image.storage
        urls = [(storage.url(variant_name(self.image.name, w)), w) for w in copies]
        urls.append((self.image.url, full))
        return ", ".join(f"{url} {width}w" for url, width in urls)

    @property
    def link_host(self) -> str:
        """The site a link card leads to, as readers know it: "video.example.org"."""
        from urllib.parse import urlsplit

        return (urlsplit(self.link_url).hostname or "").removeprefix("www.")

    def clean(self) -> None:
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for readers who cannot see it.")},
                code="alt_required",
            )
        if self.link_url and not self.link_title.strip():
            raise ValidationError(
                {"link_title": _("Give the link a title.")}, code="link_title_required"
            )
        if self.date and self.precision:
            self.date = truncate(self.date, Precision(self.precision))
        if self.end_date and not self.end_precision:
            self.end_precision = self.precision
        if self.end_date and self.end_precision:
            self.end_date = truncate(self.end_date, Precision(self.end_precision))
            if self.date and self.end_date < self.date:
                raise ValidationError(
                    {"end_date": _("The end date is before the start.")}, code="end_before_start"
                )


class RenderingBlock(models.Model):
    """The exports' rows of a timeline's events that start within one span of days, as
    printed but for the reader's permalinks.

    Made and read by ``timeline.public.exports``; current while ``checksum`` is still
    that of its events' ``render_version`` numbers (``timeline.public.renderings``).
    A cache, so neither in the admin nor in history.
    """

    timeline = models.ForeignKey(
        Timeline, on_delete=models.CASCADE, related_name="+", verbose_name=_("timeline")
    )
    # The span: (date.toordinal() - 1) // renderings.BUCKET_DAYS of its events' dates.
    bucket = models.IntegerField(_("span of days"))
    format = models.PositiveSmallIntegerField(
        _("made by rendering format"), help_text=_("renderings.FORMAT when it was made.")
    )
    checksum = models.CharField(_("made from render versions"), max_length=80)
    # UTF-8 text with two bytes no UTF-8 text holds where each permalink's parts go:
    # read and joined as bytes, never decoded (5.7 MB at 10,000 events).
    timelinejs = models.BinaryField(_("TimelineJS slides"))
    csv = models.BinaryField(_("CSV rows"))

    class Meta:
        verbose_name = _("rendering block")
        verbose_name_plural = _("rendering blocks")
        constraints = [
            models.UniqueConstraint(fields=["timeline", "bucket"], name="rendering_block_span")
        ]

    def __str__(self) -> str:
        return f"rendering of span {self.bucket} of timeline {self.timeline_id}"


class EraColour(models.TextChoices):
    """A fixed palette, so every era meets contrast and the CSP needs no inline style."""

    BLUE = "blue", _("blue")
    GREEN = "green", _("green")
    AMBER = "amber", _("amber")
    RED = "red", _("red")
    PURPLE = "purple", _("purple")
    TEAL = "teal", _("teal")
    GREY = "grey", _("grey")


class Era(PeriodFields, models.Model):
    """A named span of a timeline ("The FD-2000 tender"), shown on its axis and overview."""

    timeline = models.ForeignKey(
        Timeline, on_delete=models.CASCADE, related_name="eras", verbose_name=_("timeline")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("The era's anchor on the page: #era-<slug>.")
    )
    date = models.DateField(_("start"), help_text=_("For a year or month, any day in it."))
    precision = models.PositiveSmallIntegerField(
        _("start precision"), choices=PRECISION_CHOICES, default=Precision.YEAR
    )
    end_date = models.DateField(_("end"))
    end_precision = models.PositiveSmallIntegerField(
        _("end precision"), choices=PRECISION_CHOICES, default=Precision.YEAR
    )
    colour = models.CharField(
        _("colour"), max_length=10, choices=EraColour.choices, default=EraColour.BLUE
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["timeline", "date", "precision", "end_date", "id"]
        verbose_name = _("era")
        verbose_name_plural = _("eras")
        constraints = [
            models.UniqueConstraint(fields=["timeline", "slug"], name="era_slug_once_per_timeline"),
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("date")), name="era_ends_after_it_starts"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date_display})"

    def save(self, *args, **kwargs) -> None:
        self.date = truncate(self.date, Precision(self.precision))
        self.end_date = truncate(self.end_date, Precision(self.end_precision))
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.date and self.end_date and self.precision and self.end_precision:
            start = truncate(self.date, Precision(self.precision))
            if truncate(self.end_date, Precision(self.end_precision)) < start:
                raise ValidationError(
                    {"end_date": _("The end is before the start.")}, code="end_before_start"
                )

    @property
    def date_display(self) -> str:
        return self.period.display()

    @property
    def anchor(self) -> str:
        return f"era-{self.slug}"

    def contains(self, period: Period) -> bool:
        """Whether a period starts inside this era."""
        return self.date <= period.start <= self.period.final_day


class Citation(models.Model):
    """An event's evidence: the exact sentence of a source that supports it."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="citations", verbose_name=_("event")
    )
    # PROTECT: deleting a source must not silently take confirmed evidence with it.
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="citations", verbose_name=_("source")
    )
    quote = models.TextField(_("quote"), help_text=_("The sentence of the source, verbatim."))
    start = models.PositiveIntegerField(
        _("start offset"), help_text=_("Where the quote starts in the source's text (0 is first).")
    )
    end = models.PositiveIntegerField(
        _("end offset"), help_text=_("Where it ends: the quote is text[start:end].")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "source", "start", "id"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="citation_quote_not_empty"
            ),
            models.UniqueConstraint(
                fields=["event", "source", "start", "end"], name="citation_once_per_event"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.event.headline}"

    def clean(self) -> None:
        """The source is of the event's timeline; the quote is its text at the offsets.

        A database check cannot look into another table, so these two rules live
        here, where the admin's forms and the review services' callers meet them.
        """
        if self.source_id is None:
            return
        event = self.event if self.event_id or Citation.event.is_cached(self) else None
        if event is not None and self.source.timeline_id != event.timeline_id:
            raise ValidationError(
                {"source": _("This source belongs to another timeline than the event.")},
                code="other_timeline",
            )
        if self.start is None or self.end is None:
            return
        if self.source.text[self.start : self.end] != self.quote or self.end > len(
            self.source.text
        ):
            raise ValidationError(
                _("The quote is not the text of the source at these offsets."),
                code="quote_mismatch",
            )


class ProposalState(models.TextChoices):
    PENDING = "pending", _("pending")
    CONFIRMED = "confirmed", _("confirmed")
    MERGED = "merged", _("merged")
    REJECTED = "rejected", _("rejected")


class ProposalQuerySet(models.QuerySet):
    def pending(self) -> ProposalQuerySet:
        return self.filter(state=ProposalState.PENDING)

    def reviewed(self) -> ProposalQuerySet:
        return self.exclude(state=ProposalState.PENDING)


class Proposal(PeriodFields, models.Model):
    """A dated event the extractor found in a source, waiting for an editor."""

    State = ProposalState

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("source")
    )
    mention_text = models.CharField(_("date as written"), max_length=200)
    mention_start = models.PositiveIntegerField(_("mention start"))
    mention_end = models.PositiveIntegerField(_("mention end"))
    value = models.CharField(
        _("normalized date"),
        max_length=50,
        blank=True,
        help_text=_(
            "ISO at its precision (2013, 2015-08, 2016-11-18, 2013/2015); empty if unresolved."
        ),
    )
    date = models.DateField(_("date"), null=True, blank=True)
    precision = models.PositiveSmallIntegerField(
        _("precision"), choices=PRECISION_CHOICES, null=True, blank=True
    )
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_precision = models.PositiveSmallIntegerField(
        _("end precision"), choices=PRECISION_CHOICES, null=True, blank=True
    )
    relative = models.BooleanField(_("relative"), default=False)
    sentence = models.TextField(_("sentence"))
    sentence_start = models.PositiveIntegerField(_("sentence start"))
    sentence_end = models.PositiveIntegerField(_("sentence end"))
    headline = models.CharField(_("suggested headline"), max_length=300)
    confidence = models.FloatField(_("confidence"))
    flags = models.JSONField(_("flags"), default=list, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=ProposalState.choices, default=ProposalState.PENDING
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("event"),
    )
    citation = models.ForeignKey(
        Citation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("citation"),
        help_text=_("The citation this proposal's review added to its event."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ProposalQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["source", "sentence_start", "mention_start", "id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            # Re-running extraction cannot propose the same mention twice.
            models.UniqueConstraint(
                fields=["source", "mention_start", "mention_end"],
                name="proposal_once_per_mention",
            ),
            # A proposal confirmed or merged points at its event; no other state does.
            models.CheckConstraint(
                condition=Q(state__in=["confirmed", "merged"], event__isnull=False)
                | Q(state__in=["pending", "rejected"], event__isnull=True),
                name="proposal_event_matches_state",
            ),
            # One confirmation creates one event, never two.
            models.UniqueConstraint(
                fields=["event"],
                condition=Q(state="confirmed"),
                name="proposal_confirms_one_event",
            ),
            models.CheckConstraint(
                condition=Q(mention_end__gt=models.F("mention_start")),
                name="proposal_mention_not_empty",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mention_text} ({self.get_state_display()}): {self.headline}"

    @property
    def date_display(self) -> str:
        period = self.period
        return period.display() if period else _("unresolved")

    @property
    def is_pending(self) -> bool:
        return self.state == ProposalState.PENDING

    @property
    def flag_messages(self) -> list[str]:
        return [FLAG_MESSAGES.get(flag, flag) for flag in self.flags]


# Drafts live in their own folder; importing them here registers them with the app.
from timeline.drafts.models import Candidate, Draft  # noqa: E402, F401
