from __future__ import annotations

import re
from datetime import date
from html import escape

from django import template
from django.utils.dateformat import format as format_date
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from timeline.periods import Precision, display, iso

register = template.Library()


def _time(day, precision) -> str:
    # Digits and month names only: nothing to escape, and format_html's escaping of
    # them cost a page of a hundred events more than a millisecond.
    precision = Precision(precision)
    return f'<time datetime="{iso(day, precision)}">{display(day, precision)}</time>'


@register.simple_tag
def event_date(event) -> str:
    """The date at its precision, machine-readable: <time datetime="2015-08">August 2015</time>."""
    html = _time(event.date, event.precision)
    if event.end_date:
        html = f"{html} – {_time(event.end_date, event.end_precision)}"
    if event.circa:
        html = f'<abbr title="circa, approximately">c.</abbr> {html}'
    return mark_safe(html)


@register.simple_tag
def password_reset_available() -> bool:
    """Whether a reset email can be sent (timeline/accounts.py)."""
    from timeline.accounts import email_configured

    return email_configured()


# Model names: letters, a hyphen, digits ("FD-2000", "S-400", "F-35", "MIM-104F").
MODEL_NAME = re.compile(r"\b[A-Z]{1,5}-\d{1,5}[A-Za-z]?\b")


def wrap_model_names(escaped: str) -> str:
    """Already escaped text with each model name in <span class="nobr">."""
    if "-" not in escaped:
        # No hyphen, no model name: most texts, and the regular expression's pass over a
        # page's eight hundred texts cost half a millisecond.
        return escaped
    return MODEL_NAME.sub(r'<span class="nobr">\g<0></span>', escaped)


@register.filter(needs_autoescape=True)
def nobreak_names(text, autoescape=True) -> str:
    """Keeps model names whole at a line end: "FD-2000", never "FD-" / "2000".

    The name is wrapped in <span class="nobr"> (white-space: nowrap) rather than given
    a non-breaking hyphen (U+2011), so the hyphen stays the one readers copy and search.
    """
    escaped = conditional_escape(text) if autoescape else str(text)
    return mark_safe(wrap_model_names(escaped))


@register.filter
def long_date(value) -> str:
    """A date as the app writes it, "19 November 2016", from a date or an ISO string."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return ""
    return format_date(value, "j F Y") if isinstance(value, date) else ""


# Replaced one after another: str.translate with a table took milliseconds on a page's JSON-LD.
_JSON_ESCAPES = ((">", "\\u003E"), ("<", "\\u003C"), ("&", "\\u0026"))


@register.simple_tag(takes_context=True)
def json_ld(context, data) -> str:
    """schema.org data as <script type="application/ld+json">, escaped as json_script does."""
    import json

    text = json.dumps(data, ensure_ascii=False)
    for character, escaped in _JSON_ESCAPES:
        text = text.replace(character, escaped)
    nonce = context.get("csp_nonce", "")
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>', nonce, mark_safe(text)
    )


def _source_line(source) -> str:
    title, publisher = wrap_model_names(escape(source.title)), escape(source.publisher)
    label = f'<span class="publisher">{publisher}</span>: ' if publisher else ""
    if source.url:
        url = escape(source.url)
        line = f'<a href="{url}" rel="noopener noreferrer nofollow">{label}{title}</a>'
    else:
        line = f"{label}<cite>{title}</cite>"
    if source.published:
        line += f' (<time datetime="{source.published_iso}">{source.published_display}</time>)'
    if not source.url:
        line += ' <span class="no-link">(not online: no link)</span>'
    return line


@register.simple_tag
def sources(citations, heading: bool = False) -> str:
    """An event's sources, each linking out, with the sentence it rests on.

    Written in Python (every text escaped here) rather than an included template: the
    public page shows it for a hundred events, and there the template engine's
    per-variable cost was a third of the page's time.
    """
    return sources_html(citations, heading=heading)


def sources_html(citations, *, heading: bool = False, lines: dict | None = None) -> str:
    """What `sources` writes. `lines`, kept by a caller writing many events' sources,
    holds each source's line by the source object's id: a source several of them cite
    (the same source objects, as the public page reads them) is written once."""
    lines = {} if lines is None else lines
    citations = list(citations)
    count = len(citations)
    if heading:
        title = f'<h2 class="sources-count">{count} source{"" if count == 1 else "s"}</h2>'
    else:
        text = "1 source" if count == 1 else f"Cited by {count} sources"
        title = f'<p class="sources-count">{text}</p>'
    items = []
    for citation in citations:
        source = citation.source
        line = lines.get(id(source))
        if line is None:
            line = lines[id(source)] = _source_line(source)
        items.append(
            f'<li><p class="source">{line}</p>'
            f"<blockquote>{wrap_model_names(escape(citation.quote))}</blockquote></li>"
        )
    listed = "\n".join(items)
    return mark_safe(f'<div class="sources">{title}<ul>{listed}</ul></div>')
