"""Fetching an article by URL, without letting the URL turn the server against itself.

Only http and https; every address a host name resolves to must be public
(no loopback, private, link-local or reserved ranges), checked again at each
redirect; a time limit on each request and a size limit on the body. Tests
allow loopback with the TIMELINE_FETCH_ALLOW_LOOPBACK setting.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from django.utils.translation import gettext as _

from timeline.ingest.documents import Document, DocumentError, decode, from_html

MAX_REDIRECTS = 5
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain", "text/markdown"}


def _check_address(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise DocumentError(_("Only http and https addresses can be fetched."))
    if not parts.hostname:
        raise DocumentError(_("This address has no host name."))
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise DocumentError(
            _("The host %(host)s could not be found.") % {"host": parts.hostname}
        ) from None
    allow_loopback = getattr(settings, "TIMELINE_FETCH_ALLOW_LOOPBACK", False)
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if address.is_loopback and allow_loopback:
            continue
        if not address.is_global or address.is_multicast:
            raise DocumentError(
                _("%(host)s is not a public address; it cannot be fetched.")
                % {"host": parts.hostname}
            )


def fetch_document(url: str) -> Document:
    """The article at `url` as text with its metadata; DocumentError says what went wrong."""
    timeout = settings.TIMELINE_FETCH_TIMEOUT_SECONDS
    limit = settings.TIMELINE_MAX_SOURCE_BYTES
    http = urllib3.PoolManager(
        timeout=urllib3.Timeout(total=timeout),
        retries=False,
        headers={"User-Agent": "timeline/1.0 (newsroom timeline tool)"},
    )
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        _check_address(current)
        try:
            response = http.request("GET", current, preload_content=False, redirect=False)
        except urllib3.exceptions.TimeoutError:
            raise DocumentError(
                _("The page did not answer within %(seconds)s seconds.") % {"seconds": timeout}
            ) from None
        except urllib3.exceptions.HTTPError as error:
            raise DocumentError(
                _("The page could not be fetched: %(reason)s") % {"reason": type(error).__name__}
            ) from None
        try:
            if response.status in {301, 302, 303, 307, 308} and response.headers.get("Location"):
                current = urljoin(current, response.headers["Location"])
                continue
            if response.status != 200:
                raise DocumentError(
                    _("The page answered with HTTP %(status)s.") % {"status": response.status}
                )
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > limit:
                raise DocumentError(_too_big(limit))
            body = response.read(limit + 1, decode_content=True)
            if len(body) > limit:
                raise DocumentError(_too_big(limit))
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        except urllib3.exceptions.TimeoutError:
            raise DocumentError(
                _("The page did not answer within %(seconds)s seconds.") % {"seconds": timeout}
            ) from None
        finally:
            response.release_conn()
        if content_type in HTML_TYPES:
            return from_html(decode(body, current), url=current)
        if content_type in TEXT_TYPES:
            return Document(text=decode(body, current), url=current)
        raise DocumentError(
            _("The page is %(type)s, not an HTML article.") % {"type": content_type or "unknown"}
        )
    raise DocumentError(_("Too many redirects."))


def _too_big(limit: int) -> str:
    return _("The page is larger than the limit of %(limit)s bytes (%(mib).1f MiB).") % {
        "limit": limit,
        "mib": limit / 1024 / 1024,
    }
