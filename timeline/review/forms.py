"""Editors' forms: adding a source, its publication date, editing a proposal before confirming."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from timeline.ingest.documents import Document, DocumentError, first_line, read_bytes
from timeline.ingest.fetch import fetch_document
from timeline.models import SUPPORTED_LANGUAGES, Event, Source, SourceKind, Timeline
from timeline.periods import Period, iso, parse_iso

_ISO_SHAPE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class PeriodField(forms.CharField):
    """A date typed at the precision meant: "2015", "2015-08" or "2015-08-19"."""

    default_error_messages = {
        "invalid": _("Write the date as YYYY, YYYY-MM or YYYY-MM-DD (2015, 2015-08, 2015-08-19)."),
        "impossible": _("%(value)s is not a date that exists."),
    }

    def to_python(self, value):
        value = super().to_python(value).strip()
        if not value:
            return None
        try:
            return parse_iso(value)
        except ValueError:
            if _ISO_SHAPE.match(value):
                raise forms.ValidationError(
                    self.error_messages["impossible"], code="impossible", params={"value": value}
                ) from None
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class ConfirmForm(forms.Form):
    """What an editor may change before a proposal becomes an event."""

    headline = forms.CharField(label=_("Headline"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    date = PeriodField(
        label=_("Date"),
        help_text=_("Its precision is what you type: 2015 is a year, 2015-08 a month."),
    )
    end = PeriodField(label=_("End date"), required=False, help_text=_("For a range only."))
    circa = forms.BooleanField(label=_("Approximate (circa)"), required=False, label_suffix="")

    @classmethod
    def for_proposal(cls, proposal, data=None) -> ConfirmForm:
        period = proposal.period
        initial = {"headline": proposal.headline}
        if period is not None:
            initial["date"] = iso(period.start, period.precision)
            if period.end:
                initial["end"] = iso(period.end, period.end_precision)
        return cls(data=data, initial=initial, prefix=f"p{proposal.pk}")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date"), cleaned.get("end")
        if start and end:
            try:
                cleaned["period"] = Period(start[0], start[1], end[0], end[1])
            except ValueError:
                self.add_error(
                    "end",
                    forms.ValidationError(
                        _("The end date is before the start."), code="end_before_start"
                    ),
                )
        elif start:
            cleaned["period"] = Period(start[0], start[1])
        return cleaned


class MergeForm(forms.Form):
    """The event a proposal reports again: one of its own timeline's, by id."""

    event = forms.ModelChoiceField(
        queryset=Event.objects.none(),
        error_messages={
            "required": _("Choose the event this proposal reports."),
            "invalid_choice": _("Choose the event this proposal reports."),
        },
    )

    def __init__(self, *args, timeline_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.filter(timeline_id=timeline_id)


class PublishedForm(forms.Form):
    published = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a real date (YYYY-MM-DD).")},
    )


class ReadingForm(forms.Form):
    """How the source is read: news or narrative, and its language (empty: detected)."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("detect from the text")), *SourceKind.choices],
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("detect from the text")), *SUPPORTED_LANGUAGES.items()],
        help_text=_("Other languages: set the code in the admin; only years are read."),
    )

    def __init__(self, *args, source: Source, **kwargs) -> None:
        kwargs.setdefault("initial", {"kind": source.kind, "language": source.language})
        super().__init__(*args, **kwargs)
        if source.language and source.language not in SUPPORTED_LANGUAGES:
            # set in the admin: keep it selectable rather than lose it on the next save
            language = self.fields["language"]
            language.choices = [*language.choices, (source.language, source.language)]


class AddSourceForm(forms.Form):
    """One form, three ways in: paste the text, upload a file, or give a URL to fetch."""

    timeline = forms.ModelChoiceField(
        label=_("Timeline"), queryset=Timeline.objects.all(), empty_label=None
    )
    text = forms.CharField(
        label=_("Paste the article"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    file = forms.FileField(label=_("or upload a file (.txt, .md, .html)"), required=False)
    url = forms.URLField(
        label=_("or give its address"),
        required=False,
        assume_scheme="https",
        max_length=1000,
        help_text=_("“Fetch” fills in the text, title and date for you to check."),
    )
    title = forms.CharField(label=_("Title"), required=False, max_length=300)
    publisher = forms.CharField(label=_("Publisher"), required=False, max_length=200)
    author = forms.CharField(label=_("Author"), required=False, max_length=200)
    published = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Relative dates (“on Friday”) are read from it. Leave empty if unknown. Your "
            "browser may show it its own way (11/19/2016); the timeline writes 19 November 2016."
        ),
        error_messages={"invalid": _("Enter a real date (YYYY-MM-DD).")},
    )

    @property
    def max_mib(self) -> float:
        return settings.TIMELINE_MAX_SOURCE_BYTES / 1024 / 1024

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        limit = settings.TIMELINE_MAX_SOURCE_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is %(size)s bytes; the limit is %(limit)s bytes (%(mib).1f MiB)."),
                code="too_big",
                params={"size": upload.size, "limit": limit, "mib": limit / 1024 / 1024},
            )
        try:
            return read_bytes(upload.read(), upload.name)
        except DocumentError as error:
            raise forms.ValidationError(str(error), code="unreadable") from None

    def clean_text(self):
        text = self.cleaned_data.get("text", "")
        if len(text.encode("utf-8")) > settings.TIMELINE_MAX_SOURCE_BYTES:
            raise forms.ValidationError(
                _("The text is longer than the limit of %(limit)s bytes."),
                code="too_big",
                params={"limit": settings.TIMELINE_MAX_SOURCE_BYTES},
            )
        return text

    def clean(self):
        cleaned = super().clean()
        given = [
            name
            for name in ("text", "file", "url")
            if cleaned.get(name) and (name != "text" or cleaned[name].strip())
        ]
        if not given and not self.errors:
            raise forms.ValidationError(
                _("Paste the article's text, upload a file or give its address."), code="empty"
            )
        if len(given) > 1 and "text" in given and "file" in given:
            raise forms.ValidationError(
                _("Paste the text or upload a file, not both."), code="both"
            )
        return cleaned

    def fetched_data(self):
        """The form's data with the fetched article filled in; DocumentError if it failed."""
        document = fetch_document(self.cleaned_data["url"])
        data = self.data.copy()
        data["text"] = document.text
        data["url"] = document.url or self.cleaned_data["url"]
        for field in ("title", "publisher", "author"):
            data[field] = data.get(field) or getattr(document, field)
        if not data.get("published") and document.published:
            data["published"] = document.published.isoformat()
        return data

    def document(self) -> Document:
        """The article to store, from whichever way it came in."""
        cleaned = self.cleaned_data
        document = cleaned.get("file") or Document(
            text=cleaned["text"], title=first_line(cleaned["text"]), url=cleaned.get("url") or ""
        )
        return Document(
            text=document.text,
            title=cleaned["title"] or document.title,
            publisher=cleaned["publisher"] or document.publisher,
            author=cleaned["author"] or document.author,
            published=cleaned["published"] or document.published,
            url=cleaned.get("url") or document.url,
        )
