"""URL import: the address checked is the address connected to, and one deadline for it all."""

from __future__ import annotations

import contextlib
import http.server
import ipaddress
import socket
import threading
import time

import pytest
import urllib3

from timeline.ingest import fetch
from timeline.ingest.documents import DocumentError


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.answer()  # a client that gives up breaks the pipe, as it should

    def answer(self):
        if self.path == "/drip-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"In 2015. ")
                self.wfile.flush()
                time.sleep(0.1)
            return
        if self.path == "/drip-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for i in range(40):
                self.wfile.write(f"X-Slow-{i}: y\r\n".encode())
                self.wfile.flush()
                time.sleep(0.1)
            self.wfile.write(b"\r\n")
            return
        body = f"Host was {self.headers['Host']}. It ended in 2015.".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(settings):
    settings.TIMELINE_FETCH_ALLOW_LOOPBACK = True
    settings.TIMELINE_FETCH_TIMEOUT_SECONDS = 1.5
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1]
    httpd.shutdown()


def resolver(monkeypatch, answers: dict[str, list[str]]):
    """A DNS whose successive answers for a name are `answers[name]`; the last one sticks."""
    real = socket.getaddrinfo
    calls: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            return real(host, port, *args, **kwargs)
        calls.append(host)
        queue = answers[host]
        address = queue.pop(0) if len(queue) > 1 else queue[0]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return calls


def test_rebinding_dns_cannot_send_the_connection_elsewhere(monkeypatch, settings):
    """The check sees a public address, a second lookup would see 127.0.0.1: no second lookup."""
    settings.TIMELINE_FETCH_ALLOW_LOOPBACK = False
    resolver(monkeypatch, {"public.test": ["93.184.216.34", "127.0.0.1"]})
    connected = []

    def create_connection(address, *args, **kwargs):
        connected.append(address[0])
        raise ConnectionRefusedError("not in a test")

    monkeypatch.setattr(urllib3.util.connection, "create_connection", create_connection)
    with pytest.raises(DocumentError):
        fetch.fetch_document("http://public.test:8080/internal")
    assert connected == ["93.184.216.34"]


def test_the_pinned_connection_still_names_the_host(monkeypatch, server):
    calls = resolver(monkeypatch, {"public.test": ["127.0.0.1", "10.9.9.9"]})
    document = fetch.fetch_document(f"http://public.test:{server}/page")
    assert document.text == f"Host was public.test:{server}. It ended in 2015."
    assert calls == ["public.test"]


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "2002:a9fe:a9fe::",  # 6to4 of 169.254.169.254
        "::127.0.0.1",  # IPv4-compatible
        "::ffff:10.0.0.1",  # IPv4-mapped
    ],
)
def test_ipv6_forms_that_embed_a_private_ipv4_are_refused(address):
    assert not fetch.is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["64:ff9b::808:808", "2002:808:808::", "2606:4700::1111"])
def test_ipv6_forms_that_embed_a_public_ipv4_are_allowed(address):
    assert fetch.is_public(ipaddress.ip_address(address))


def test_a_host_answering_nat64_of_loopback_is_not_fetched(monkeypatch, settings):
    settings.TIMELINE_FETCH_ALLOW_LOOPBACK = False
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "sneaky.test":
            return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("64:ff9b::7f00:1", port, 0, 0))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(DocumentError, match="is not a public address"):
        fetch.fetch_document("http://sneaky.test/")


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_a_server_dripping_its_answer_is_cut_off_at_the_deadline(server, path):
    started = time.monotonic()
    with pytest.raises(DocumentError, match=r"did not answer within 1\.5 seconds"):
        fetch.fetch_document(f"http://127.0.0.1:{server}{path}")
    assert time.monotonic() - started < 2.5
