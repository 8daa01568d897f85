"""Fetching an article by URL, without letting the URL turn the server against itself.

Only http and https; every address a host name resolves to must be public
(no loopback, private, link-local or reserved ranges, nor an IPv6 form that
embeds such an IPv4: NAT64, 6to4, IPv4-compatible or -mapped, Teredo), checked
again at each redirect. The connection goes to the address that was checked,
never to a second lookup, so a resolver cannot answer "public" to the check and
"127.0.0.1" to the connect (DNS rebinding). One deadline covers the whole fetch,
redirects and a slowly dripped body included; a size limit covers the body.
Tests allow loopback with the TIMELINE_FETCH_ALLOW_LOOPBACK setting.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from django.utils.translation import gettext as _

from timeline.ingest.documents import Document, DocumentError, decode, from_html

MAX_REDIRECTS = 5
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain", "text/markdown"}
USER_AGENT = "timeline/1.0 (newsroom timeline tool)"
CHUNK = 64 * 1024

# IPv6 prefixes that carry an IPv4 address in their last 32 bits.
NAT64 = [ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48")]
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for, if it is one of the translation forms."""
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if any(address in network for network in NAT64) or address in IPV4_COMPATIBLE:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if not address.is_global or address.is_multicast:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        inner = embedded_ipv4(address)
        if inner is not None:
            return is_public(inner)
    return True


def _check_address(url: str) -> str:
    """The address to connect to for `url`, once every address of its host proved public."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise DocumentError(_("Only http and https addresses can be fetched."))
    if not parts.hostname:
        raise DocumentError(_("This address has no host name."))
    default_port = 443 if parts.scheme == "https" else 80
    try:
        infos = socket.getaddrinfo(
            parts.hostname, parts.port or default_port, proto=socket.IPPROTO_TCP
        )
    except (socket.gaierror, UnicodeError):
        raise DocumentError(
            _("The host %(host)s could not be found.") % {"host": parts.hostname}
        ) from None
    allow_loopback = getattr(settings, "TIMELINE_FETCH_ALLOW_LOOPBACK", False)
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not (is_public(address) or (address.is_loopback and allow_loopback)):
            raise DocumentError(
                _("%(host)s is not a public address; it cannot be fetched.")
                % {"host": parts.hostname}
            )
        addresses.append(str(address))
    if not addresses:
        raise DocumentError(_("The host %(host)s could not be found.") % {"host": parts.hostname})
    return addresses[0]


class _Deadline:
    """Closes the open connection when time is up, whatever the server is dripping."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.sockets: list[socket.socket] = []
        self.timer = threading.Timer(seconds, self._expire)
        self.timer.daemon = True
        self.timer.start()

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.ends

    def remaining(self) -> float:
        """Seconds left; DocumentError once there are none."""
        left = self.ends - time.monotonic()
        if left <= 0:
            raise self.error()
        return left

    def _expire(self) -> None:
        # The response may hold the socket after its connection let go of it.
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self.timer.cancel()

    def error(self) -> DocumentError:
        return DocumentError(
            _("The page did not answer within %(seconds)s seconds.") % {"seconds": self.seconds}
        )


def _pool(url: str, address: str, deadline: _Deadline) -> urllib3.HTTPConnectionPool:
    """A pool that connects to `address`, nowhere else, on behalf of the URL's host.

    The Host header, the TLS server name and the certificate check still use the
    host name; only the lookup urllib3 would do on connecting is gone.
    """
    parts = urlsplit(url)
    https = parts.scheme == "https"
    remaining = deadline.remaining()
    options = {"server_hostname": parts.hostname, "assert_hostname": parts.hostname}
    pool = (urllib3.HTTPSConnectionPool if https else urllib3.HTTPConnectionPool)(
        address,
        parts.port or (443 if https else 80),
        timeout=urllib3.Timeout(connect=remaining, read=remaining),
        retries=False,
        maxsize=1,
        headers={"User-Agent": USER_AGENT, "Host": parts.netloc.rpartition("@")[2]},
        **(options if https else {}),
    )

    class TrackedConnection(pool.ConnectionCls):
        def connect(self) -> None:
            super().connect()
            deadline.sockets.append(self.sock)

    pool.ConnectionCls = TrackedConnection
    return pool


def fetch_document(url: str) -> Document:
    """The article at `url` as text with its metadata; DocumentError says what went wrong."""
    deadline = _Deadline(settings.TIMELINE_FETCH_TIMEOUT_SECONDS)
    try:
        return _fetch(url, deadline)
    except (urllib3.exceptions.HTTPError, OSError) as error:
        if deadline.expired or isinstance(error, urllib3.exceptions.TimeoutError):
            raise deadline.error() from None
        raise DocumentError(
            _("The page could not be fetched: %(reason)s") % {"reason": type(error).__name__}
        ) from None
    finally:
        deadline.cancel()


def _fetch(url: str, deadline: _Deadline) -> Document:
    limit = settings.TIMELINE_MAX_SOURCE_BYTES
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        address = _check_address(current)
        pool = _pool(current, address, deadline)
        parts = urlsplit(current)
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        response = pool.urlopen("GET", path, preload_content=False, redirect=False)
        try:
            deadline.remaining()  # headers cut short by the deadline are no answer
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
            body = bytearray()
            for chunk in response.stream(CHUNK, decode_content=True):
                deadline.remaining()
                body += chunk
                if len(body) > limit:
                    raise DocumentError(_too_big(limit))
            deadline.remaining()  # nor is a body cut short
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        finally:
            response.release_conn()
            pool.close()
        if content_type in HTML_TYPES:
            return from_html(decode(bytes(body), current), url=current)
        if content_type in TEXT_TYPES:
            return Document(text=decode(bytes(body), current), url=current)
        raise DocumentError(
            _("The page is %(type)s, not an HTML article.") % {"type": content_type or "unknown"}
        )
    raise DocumentError(_("Too many redirects."))


def _too_big(limit: int) -> str:
    return _("The page is larger than the limit of %(limit)s bytes (%(mib).1f MiB).") % {
        "limit": limit,
        "mib": limit / 1024 / 1024,
    }
