from __future__ import annotations

from operator import attrgetter

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from timeline import images, services
from timeline.admin_actions import review_each
from timeline.drafts import admin as drafts_admin  # noqa: F401 (registers drafts and candidates)
from timeline.models import (
    Citation,
    Era,
    Event,
    Proposal,
    ProposalState,
    Source,
    Timeline,
    content_hash,
)


class YearListFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            model_admin.get_queryset(request)
            .annotate(year=ExtractYear("date"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("year")
        )
        return [(year, year) for year in years if year is not None]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(date__year=self.value())
        return queryset


class EraInline(admin.TabularInline):
    model = Era
    fields = ["title", "slug", "date", "precision", "end_date", "end_precision", "colour"]
    prepopulated_fields = {"slug": ["title"]}
    extra = 0


@admin.register(Timeline)
class TimelineAdmin(SimpleHistoryAdmin):
    list_display = ["title", "slug", "is_public", "event_count", "source_count"]
    list_filter = ["is_public"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [EraInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                event_count=Count("events", distinct=True),
                source_count=Count("sources", distinct=True),
            )
        )

    @admin.display(description=_("events"), ordering="event_count")
    def event_count(self, obj):
        return obj.event_count

    @admin.display(description=_("sources"), ordering="source_count")
    def source_count(self, obj):
        return obj.source_count


class ProposalInline(admin.TabularInline):
    model = Proposal
    fields = ["mention_text", "date_display", "headline", "state", "confidence", "reviewed_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("date"))
    def date_display(self, obj):
        return obj.date_display


# What decides how a source's dates are read: changing any re-reads pending proposals.
READING = {"published", "kind", "language"}


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = [
            "timeline",
            "title",
            "publisher",
            "author",
            "url",
            "published",
            "kind",
            "language",
            "text",
        ]

    def clean(self):
        cleaned = super().clean()
        timeline, text = cleaned.get("timeline"), cleaned.get("text")
        if timeline and text:
            duplicate = Source.objects.filter(timeline=timeline, content_hash=content_hash(text))
            if self.instance.pk:
                duplicate = duplicate.exclude(pk=self.instance.pk)
            if duplicate.exists():
                raise forms.ValidationError(
                    _("This text is already a source of this timeline: “%(title)s”."),
                    code="duplicate_text",
                    params={"title": duplicate.first().title},
                )
        return cleaned


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    form = SourceForm
    list_display = [
        "title",
        "timeline",
        "publisher",
        "published",
        "read_as_kind",
        "read_as_language",
        "added_at",
        "extraction_state",
        "pending_count",
    ]
    list_filter = [
        "timeline",
        "extraction_state",
        "read_as_kind",
        "read_as_language",
        "language_unsupported",
        "publisher",
    ]
    search_fields = ["title", "publisher", "author", "url", "text"]
    date_hierarchy = "added_at"
    readonly_fields = [
        "content_hash",
        "added_by",
        "added_at",
        "extraction_state",
        "extraction_error",
        "read_as_kind",
        "read_as_language",
        "language_unsupported",
    ]
    inlines = [ProposalInline]
    actions = ["rerun_extraction"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("timeline")
            .annotate(
                pending_count=Count("proposals", filter=Q(proposals__state=ProposalState.PENDING))
            )
        )

    @admin.display(description=_("pending proposals"), ordering="pending_count")
    def pending_count(self, obj):
        return obj.pending_count

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        changed = set(form.changed_data)
        if change and changed and changed <= READING:
            # Only how it is read (date, kind, language): the path the review page takes too.
            services.reread(source=obj, user=request.user)
        else:
            super().save_model(request, obj, form, change)
            if change and not changed & ({"text"} | READING):
                return
            services.schedule_extraction(source=obj)
        obj.refresh_from_db()
        count = obj.proposals.pending().count()
        self.message_user(
            request,
            _("Extraction %(state)s: %(count)s pending proposals.")
            % {"state": obj.get_extraction_state_display(), "count": count},
            messages.INFO,
        )

    @admin.action(description=_("Re-run extraction (keeps reviewed proposals)"))
    def rerun_extraction(self, request, queryset):
        for source in queryset:
            services.schedule_extraction(source=source)
        self.message_user(
            request,
            ngettext(
                "Extraction scheduled for %d source.",
                "Extraction scheduled for %d sources.",
                len(queryset),
            )
            % len(queryset),
        )


class CitationFormSet(forms.BaseInlineFormSet):
    """Each citation is checked against the event as edited on this page (its timeline
    included), not as stored: Citation.clean compares the two timelines."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.instance.event = self.instance


class CitationInline(admin.StackedInline):
    model = Citation
    formset = CitationFormSet
    fields = ["source", "quote", "start", "end"]
    autocomplete_fields = ["source"]
    extra = 0


class EventForm(forms.ModelForm):
    """The stored image is never edited in place: a new upload goes through images.attach."""

    upload = forms.ImageField(
        label=_("image"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB; its metadata (EXIF, GPS) is removed."),
    )
    remove_image = forms.BooleanField(label=_("remove the image"), required=False)

    class Meta:
        model = Event
        fields = [
            "timeline",
            "headline",
            "description",
            "date",
            "precision",
            "end_date",
            "end_precision",
            "circa",
            "is_key",
            "image_alt",
            "image_caption",
            "image_credit",
            "link_url",
            "link_title",
        ]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            images.check(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        has_image = cleaned.get("upload") or (
            self.instance.image and not cleaned.get("remove_image")
        )
        if has_image and not (cleaned.get("image_alt") or "").strip():
            self.add_error(
                "image_alt",
                forms.ValidationError(
                    _("Describe the image for readers who cannot see it."), code="alt_required"
                ),
            )
        return cleaned

    def _post_clean(self):
        # The model's own alt check reads the stored image, which this form may replace.
        if self.cleaned_data.get("remove_image"):
            self.instance.image = ""
        super()._post_clean()


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    form = EventForm
    # The date is shown at its precision ("2013", "September 2013"): no precision column.
    list_display = [
        "headline",
        "date_display",
        "key_mark",
        "circa_mark",
        "citation_count",
        "timeline",
    ]
    list_filter = ["timeline", "is_key", "precision", YearListFilter, "circa"]
    search_fields = ["headline", "description", "citations__quote"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "timeline",
                    "headline",
                    "description",
                    ("date", "precision"),
                    ("end_date", "end_precision"),
                    "circa",
                    "is_key",
                ]
            },
        ),
        (
            _("Media"),
            {
                "fields": [
                    "current_image",
                    "upload",
                    "remove_image",
                    "image_alt",
                    "image_caption",
                    "image_credit",
                    "link_url",
                    "link_title",
                ]
            },
        ),
    ]
    readonly_fields = ["current_image"]
    inlines = [CitationInline]
    ordering = ["timeline", "date", "precision", "id"]
    actions = ["mark_key", "unmark_key"]

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("upload")
        if form.cleaned_data.get("remove_image") or upload:
            stored = Event.objects.get(pk=obj.pk) if obj.pk else None
            if stored:
                images.detach(stored)
            obj.image_widths = []
        super().save_model(request, obj, form, change)
        if upload:
            images.attach(
                obj,
                upload,
                alt=obj.image_alt,
                caption=obj.image_caption,
                credit=obj.image_credit,
            )

    @admin.display(description=_("current image"))
    def current_image(self, obj):
        if not obj.image:
            return _("none")
        return format_html('<img src="{}" alt="{}" width="240">', obj.image.url, obj.image_alt)

    @admin.action(description=_("Mark selected events as key events"))
    def mark_key(self, request, queryset):
        services.set_key_events(events=queryset, is_key=True, user=request.user)

    @admin.action(description=_("Unmark selected key events"))
    def unmark_key(self, request, queryset):
        services.set_key_events(events=queryset, is_key=False, user=request.user)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("timeline")
            .annotate(citation_count=Count("citations"))
        )

    @admin.display(description=_("date"), ordering="date")
    def date_display(self, obj):
        return obj.date_display

    @admin.display(description=_("citations"), ordering="citation_count")
    def citation_count(self, obj):
        return obj.citation_count

    # Not boolean=True: a red ✗ on every exact date reads as an error.
    @admin.display(description=_("circa"), ordering="circa")
    def circa_mark(self, obj):
        return _("circa") if obj.circa else ""

    # Words, not ✓/✗ icons: an unmarked event is not an error.
    @admin.display(description=_("key event"), ordering="is_key")
    def key_mark(self, obj):
        return _("key event") if obj.is_key else ""

    class Media:
        css = {"all": ["timeline/admin.css"]}


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    list_display = ["event", "source", "start", "end"]
    list_filter = ["source__timeline"]
    search_fields = ["quote", "event__headline", "source__title"]
    autocomplete_fields = ["event", "source"]


@admin.register(Proposal)
class ProposalAdmin(SimpleHistoryAdmin):
    list_display = [
        "mention_text",
        "date_display",
        "headline",
        "source",
        "state",
        "confidence",
        "reviewed_by",
    ]
    list_filter = ["state", "source__timeline", "precision", "relative"]
    search_fields = ["headline", "sentence", "mention_text", "source__title"]
    list_select_related = ["source", "reviewed_by"]
    actions = ["confirm_selected", "reject_selected"]
    readonly_fields = [
        "source",
        "mention_text",
        "mention_start",
        "mention_end",
        "value",
        "date",
        "precision",
        "end_date",
        "end_precision",
        "relative",
        "sentence",
        "sentence_start",
        "sentence_end",
        "confidence",
        "flags",
        "state",
        "event",
        "citation",
        "reviewed_by",
        "reviewed_at",
    ]
    fields = ["headline", *readonly_fields]

    def has_add_permission(self, request):
        return False  # proposals come from the extractor

    @admin.display(description=_("date"), ordering="date")
    def date_display(self, obj):
        return obj.date_display

    def _review(self, request, queryset, verb, done_message):
        review_each(
            self,
            request,
            queryset,
            verb,
            done_message,
            keyword="proposal",
            label=attrgetter("mention_text"),
        )

    @admin.action(description=_("Confirm selected proposals as new events"))
    def confirm_selected(self, request, queryset):
        self._review(request, queryset, services.confirm, _("%d proposals confirmed."))

    @admin.action(description=_("Reject selected proposals"))
    def reject_selected(self, request, queryset):
        self._review(request, queryset, services.reject, _("%d proposals rejected."))
