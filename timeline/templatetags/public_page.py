"""The public axis's entries, written in Python.

A page shows a hundred events; through an included template per event, the
template engine's cost per variable was a third of the page's time. Every
text is escaped here, as the template would; the media block (an image or a
link card, on few events) stays a template.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe

from timeline.templatetags.timeline_tags import event_date, nobreak_names, sources

register = template.Library()


def _gap(gap) -> str:
    return f'<p class="gap gap-{esc(gap.size)}">{esc(gap.text)}</p>' if gap else ""


def _era_heading(era) -> str:
    return (
        f'<h2 class="era-heading era-{esc(era.colour)}" id="{esc(era.anchor)}">'
        f'{nobreak_names(era.title)} <span class="era-dates">{esc(era.date_display)}</span></h2>'
    )


def _article(entry, link_target: str) -> str:
    event, anchor = entry.event, esc(entry.anchor)
    key = ' <strong class="key-label">Key event</strong>' if event.is_key else ""
    target = f' target="{esc(link_target)}"' if link_target else ""
    lines = [
        f'<article class="{esc(entry.css)}" id="{anchor}" aria-labelledby="{anchor}-headline">',
        f'  <p class="event-date"><span class="marker" aria-hidden="true"></span>'
        f"{event_date(event)}{key}</p>",
        f'  <h3 id="{anchor}-headline"><a href="{esc(entry.url)}"{target}>'
        f"{nobreak_names(event.headline)}</a></h3>",
    ]
    if event.description:
        lines.append(f'  <p class="event-description">{nobreak_names(event.description)}</p>')
    if event.image or event.link_url:
        lines.append(render_to_string("timeline/public/_media.html", {"event": event}))
    lines.append(f"  {sources(entry.citations)}")
    lines.append("</article>")
    return "\n".join(lines)


@register.simple_tag(takes_context=True)
def axis_entry(context, entry) -> str:
    """One event on the axis: the gap before it, the era it opens, the event itself.

    Its links open in `link_target` when the page sets one (the embed: a new tab).
    """
    link_target = context.get("link_target", "")
    parts = [_gap(entry.gap)]
    if entry.opens_era:
        parts.append(_era_heading(entry.era))
    if entry.latest:
        parts.append('<span id="latest"></span>')
    parts.append(_article(entry, link_target))
    return mark_safe("\n".join(part for part in parts if part))
