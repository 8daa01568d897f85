"""Readers' forms: the public page's filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


def year_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=9999,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class EventFilterForm(forms.Form):
    """The public page's filters; every field optional, so an empty form shows everything."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200, widget=forms.SearchInput)
    start = year_field(_("From year"))
    end = year_field(_("To year"))
    key = forms.BooleanField(label=_("Key events only"), required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise forms.ValidationError(
                _("“To year” is before “From year”."), code="years_reversed"
            )
        return cleaned

    @property
    def is_filtering(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())

    @property
    def is_searching(self) -> bool:
        """Whether the events are narrowed by words, which no date index can count."""
        return self.is_valid() and bool(self.cleaned_data["q"])

    def filter(self, events):
        if not self.is_valid():
            return events
        data = self.cleaned_data
        events = events.overlapping_years(data["start"], data["end"])
        if data["q"]:
            events = events.search(data["q"])
        if data["key"]:
            events = events.filter(is_key=True)
        return events
