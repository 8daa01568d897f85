"""The public page's repeated parts, written in Python: its events on the axis, its year bars.

A page shows a hundred events and a bar for each year; through an included
template per event, the template engine's cost per variable was a third of the
page's time. Every text is escaped here, as the template would; the media
block (an image or a link card, on few events) stays a template.
"""

from __future__ import annotations

from html import escape as esc

from django import template
from django.template.defaulttags import querystring
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from timeline.templatetags.timeline_tags import event_date, sources_html, wrap_model_names

register = template.Library()


def nobreak_names(text: str) -> str:
    """Escaped, with model names kept whole, as the `nobreak_names` filter writes them."""
    return wrap_model_names(esc(text))


def _gap(gap) -> str:
    return f'<p class="gap gap-{esc(gap.size)}">{esc(gap.text)}</p>' if gap else ""


@register.simple_tag
def axis_gap(gap) -> str:
    """A stretch of time with no event, before a year or an event: "14 months later"."""
    return mark_safe(_gap(gap))


def _era_heading(era) -> str:
    return (
        f'<h2 class="era-heading era-{esc(era.colour)}" id="{esc(era.anchor)}">'
        f'{nobreak_names(era.title)} <span class="era-dates">{esc(era.date_display)}</span></h2>'
    )


def _article(entry, target: str, source_lines: dict) -> str:
    event, anchor = entry.event, esc(entry.anchor)
    key = ' <strong class="key-label">Key event</strong>' if event.is_key else ""
    lines = [
        f'<article class="{esc(entry.css)}" id="{anchor}" aria-labelledby="{anchor}-headline">',
        f'  <p class="event-date"><span class="marker" aria-hidden="true"></span>'
        f"{event_date(event)}{key}</p>",
        f'  <h3 id="{anchor}-headline"><a href="{esc(entry.url)}"{target}>'
        f"{nobreak_names(event.headline)}</a></h3>",
    ]
    if event.description:
        lines.append(f'  <p class="event-description">{nobreak_names(event.description)}</p>')
    if event.media is not None:
        lines.append(render_to_string("timeline/public/_media.html", {"event": event.media}))
    lines.append(f"  {sources_html(entry.citations, lines=source_lines)}")
    lines.append("</article>")
    return "\n".join(lines)


def _entry(entry, target: str, source_lines: dict) -> str:
    parts = [_gap(entry.gap)]
    if entry.opens_era:
        parts.append(_era_heading(entry.era))
    if entry.latest:
        parts.append('<span id="latest"></span>')
    parts.append(_article(entry, target, source_lines))
    return "\n".join(part for part in parts if part)


@register.simple_tag(takes_context=True)
def axis_entries(context, entries) -> str:
    """A year's events on the axis, each with the gap before it and the era it opens.

    One tag a year rather than a template loop calling a tag an event: a hundred loop
    turns and tag calls cost more than writing the events. Links open in `link_target`
    when the page sets one (the embed: a new tab).
    """
    link_target = context.get("link_target", "")
    target = f' target="{esc(link_target)}"' if link_target else ""
    source_lines = {}
    return mark_safe("\n".join(_entry(entry, target, source_lines) for entry in entries))


def _band(band) -> str:
    return (
        f'<rect class="era-{esc(band.era.colour)}" x="{band.x}" y="0" '
        f'width="{band.width}" height="1"/>'
    )


def _bar(context, bar, chart_height: int, with_eras: bool) -> str:
    """One year of the overview strip: its bar, its eras' bands, a link to where it starts."""
    bands = ""
    if with_eras:
        bands = (
            '<svg class="era-band" viewBox="0 0 10 1" preserveAspectRatio="none" '
            f'aria-hidden="true" focusable="false">{"".join(map(_band, bar.eras))}</svg>'
        )
    events = "event" if bar.count == 1 else "events"
    inside = (
        f'<svg class="bar" viewBox="0 0 10 {chart_height}" preserveAspectRatio="none" '
        f'aria-hidden="true" focusable="false">'
        f'<rect x="1" y="{bar.y}" width="8" height="{bar.height}"/></svg>{bands}'
        f'<span class="year">{bar.year}</span> <span class="count">{bar.count}'
        f'<span class="visually-hidden"> {events}</span></span>'
    )
    if not bar.count:
        return f'<li><span class="empty">{inside}</span></li>'
    href = esc(querystring(context, page=bar.page)) + f"#year-{bar.year}"
    return f'<li><a href="{href}">{inside}</a></li>'


@register.simple_tag(takes_context=True)
def overview_bars(context, bars, chart_height: int, with_eras: bool) -> str:
    """The overview strip's years, one list item each (one tag, not one a year)."""
    return mark_safe("\n".join(_bar(context, bar, chart_height, with_eras) for bar in bars))
