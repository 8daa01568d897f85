from __future__ import annotations

from django import template
from django.utils.html import format_html

from timeline.periods import Precision, display, iso

register = template.Library()


def _time(day, precision) -> str:
    precision = Precision(precision)
    return format_html(
        '<time datetime="{}">{}</time>', iso(day, precision), display(day, precision)
    )


@register.simple_tag
def event_date(event) -> str:
    """The date at its precision, machine-readable: <time datetime="2015-08">August 2015</time>."""
    html = _time(event.date, event.precision)
    if event.end_date:
        html = format_html("{} – {}", html, _time(event.end_date, event.end_precision))
    if event.circa:
        html = format_html('<abbr title="circa, approximately">c.</abbr> {}', html)
    return html


@register.simple_tag
def password_reset_available() -> bool:
    """Whether a reset email can be sent (timeline/accounts.py)."""
    from timeline.accounts import email_configured

    return email_configured()
