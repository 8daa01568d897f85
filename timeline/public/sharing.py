"""What a shared link shows: Open Graph and Twitter tags, the share image, JSON-LD."""

from __future__ import annotations

import io
from dataclasses import dataclass
from textwrap import wrap
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.text import Truncator
from PIL import Image, ImageDraw, ImageFont

from timeline.site import absolute_url

IMAGE_SIZE = (1200, 630)


@dataclass(frozen=True)
class Share:
    title: str
    description: str
    url: str
    type: str
    image: str
    image_alt: str
    oembed: str
    embed_snippet: str
    image_width: int = IMAGE_SIZE[0]
    image_height: int = IMAGE_SIZE[1]


def _summary(text: str) -> str:
    return Truncator(" ".join(text.split())).words(40)


def embed_snippet(request: HttpRequest, timeline, *, event=None, height: int = 600) -> str:
    """The HTML a newsroom pastes: the iframe, and the script that lets it size itself."""
    src = absolute_url(request, reverse("public:embed", args=[timeline.slug]))
    if event is not None:
        src += f"?event={event.pk}"
    # The unhashed name on purpose: a snippet pasted into an article must keep working.
    script = absolute_url(request, "/" + settings.STATIC_URL.strip("/") + "/timeline/embed-host.js")
    return (
        f'<iframe src="{src}" title="Timeline: {_attr(timeline.title)}" width="100%" '
        f'height="{height}" loading="lazy" data-timeline-embed '
        f'style="border:0;max-width:100%"></iframe>\n'
        f'<script src="{script}" async></script>'
    )


def _attr(text: str) -> str:
    from html import escape

    return escape(text, quote=True)


def timeline_share(request: HttpRequest, timeline) -> Share:
    url = absolute_url(request, timeline.get_absolute_url())
    return Share(
        title=timeline.title,
        description=_summary(timeline.description or timeline.title),
        url=url,
        type="website",
        image=absolute_url(request, reverse("public:share_image", args=[timeline.slug])),
        image_alt=f"{timeline.title}: how many events each year holds",
        oembed=absolute_url(request, reverse("public:oembed") + "?" + urlencode({"url": url})),
        embed_snippet=embed_snippet(request, timeline),
    )


def event_share(request: HttpRequest, timeline, event) -> Share:
    url = absolute_url(request, event.get_absolute_url())
    description = event.description or timeline.title
    return Share(
        title=f"{event.headline} ({event.date_display})",
        description=_summary(f"{event.date_display}: {description}"),
        url=url,
        type="article",
        image=absolute_url(request, reverse("public:share_image", args=[timeline.slug])),
        image_alt=f"{timeline.title}: how many events each year holds",
        oembed=absolute_url(request, reverse("public:oembed") + "?" + urlencode({"url": url})),
        embed_snippet=embed_snippet(request, timeline, event=event),
    )


def structured_data(request: HttpRequest, timeline, axis) -> dict:
    """schema.org: the timeline as an ItemList of the page's Events, each citing its sources."""
    origin = absolute_url(request, "/").removesuffix("/")
    items = []
    entries = (entry for group in axis for entry in group.entries)
    for position, entry in enumerate(entries, start=1):
        event, period = entry.event, entry.period
        start, _, end = period.iso.partition("/")
        item = {
            "@type": "Event",
            "name": event.headline,
            "startDate": start,
            "url": origin + entry.url,
            "eventStatus": "https://schema.org/EventScheduled",
        }
        if end:
            item["endDate"] = end
        if event.description:
            item["description"] = event.description
        citations = [_cited(citation.source) for citation in entry.citations]
        if citations:
            item["citation"] = citations
        items.append({"@type": "ListItem", "position": position, "item": item})
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": timeline.title,
        "description": timeline.description,
        "url": absolute_url(request, timeline.get_absolute_url()),
        "numberOfItems": len(items),
        "itemListElement": items,
    }


def _cited(source) -> dict:
    work = {"@type": "CreativeWork", "name": source.title}
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.published:
        work["datePublished"] = source.published_iso
    if source.url:
        work["url"] = source.url
    return work


INK, PAPER, ACCENT, MUTED = (29, 31, 35), (255, 255, 255), (11, 92, 173), (79, 86, 97)


def share_image(timeline, overview) -> bytes:
    """The timeline's title over its overview strip, as a 1200×630 PNG."""
    width = IMAGE_SIZE[0]
    image = Image.new("RGB", IMAGE_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 16), fill=ACCENT)
    title_font = ImageFont.load_default(size=64)
    small = ImageFont.load_default(size=30)
    y = 60
    for line in wrap(timeline.title, 30)[:3]:
        draw.text((60, y), line, font=title_font, fill=INK)
        y += 78
    total = sum(bar.count for bar in overview)
    if overview:
        span = f"{overview[0].year} – {overview[-1].year}" if len(overview) > 1 else ""
        caption = f"{total} sourced events {span}".strip()
        draw.text((60, y + 10), caption, font=small, fill=MUTED)
        chart_top, chart_bottom = 360, 560
        slot = (width - 120) / len(overview)
        largest = max(bar.count for bar in overview) or 1
        for index, bar in enumerate(overview):
            x = 60 + index * slot
            bar_height = (chart_bottom - chart_top) * bar.count / largest
            if bar.count:
                draw.rectangle(
                    (x + slot * 0.15, chart_bottom - bar_height, x + slot * 0.85, chart_bottom),
                    fill=ACCENT,
                )
        draw.line((60, chart_bottom + 2, width - 60, chart_bottom + 2), fill=MUTED, width=2)
        labels = [overview[0], overview[-1]] if len(overview) > 1 else [overview[0]]
        for bar in labels:
            index = overview.index(bar)
            x = 60 + index * slot + slot / 2
            draw.text((x, chart_bottom + 12), str(bar.year), font=small, fill=MUTED, anchor="ma")
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()
