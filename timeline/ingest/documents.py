"""Turning bytes from a file, a pipe or an upload into article text.

Plain text and Markdown are kept as written; HTML is reduced to its article
text by trafilatura, which also reads title, site name and publication date
from the page's metadata where it has them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.utils.translation import gettext as _

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}


class DocumentError(ValueError):
    """Input that is not an article we can read; the message says why."""


@dataclass(frozen=True)
class Document:
    text: str
    title: str = ""
    publisher: str = ""
    author: str = ""
    published: date | None = None
    url: str = ""
    kind: str = ""  # news or narrative; empty: detected
    language: str = ""  # ISO 639-1; empty: detected


def max_bytes() -> int:
    return settings.TIMELINE_MAX_SOURCE_BYTES


def decode(data: bytes, name: str) -> str:
    limit = max_bytes()
    if len(data) > limit:
        raise DocumentError(
            _("%(name)s is %(size)s bytes; the limit is %(limit)s bytes (%(mib).1f MiB).")
            % {"name": name, "size": len(data), "limit": limit, "mib": limit / 1024 / 1024}
        )
    if b"\x00" in data:
        raise DocumentError(_("%(name)s is a binary file, not text.") % {"name": name})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(
            _("%(name)s is not UTF-8 text (byte %(at)s cannot be decoded); save it as UTF-8.")
            % {"name": name, "at": error.start}
        ) from None
    if not text.strip():
        raise DocumentError(_("%(name)s is empty.") % {"name": name})
    return text


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def from_html(html: str, url: str = "") -> Document:
    import trafilatura

    text = trafilatura.extract(html, url=url or None, include_comments=False, favor_precision=True)
    if not text or not text.strip():
        raise DocumentError(_("No article text could be found in this HTML page."))
    metadata = trafilatura.extract_metadata(html, default_url=url or None)
    published = None
    if metadata is not None and metadata.date:
        try:
            published = date.fromisoformat(metadata.date[:10])
        except ValueError:
            published = None
    return Document(
        text=text,
        title=(metadata.title if metadata else "") or "",
        publisher=(metadata.sitename if metadata else "") or "",
        author=(metadata.author if metadata else "") or "",
        published=published,
        url=url,
    )


def read_bytes(data: bytes, name: str) -> Document:
    """Read a file's bytes by its name's suffix (or its content, for standard input)."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in HTML_SUFFIXES | TEXT_SUFFIXES:
        raise DocumentError(
            _("%(name)s: only .txt, .md and .html files can be read.") % {"name": name}
        )
    text = decode(data, name)
    if suffix in HTML_SUFFIXES or (suffix == "" and looks_like_html(text)):
        return from_html(text)
    return Document(text=text, title=first_line(text))


def first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:300]
    return ""
