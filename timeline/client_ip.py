"""The address a request comes from, for login throttling, when proxies stand in between.

Behind a proxy REMOTE_ADDR is the proxy's, the same for every editor. Each
proxy appends the address it received the request from to X-Forwarded-For;
anything before those entries was written by the client and proves nothing.
With DJANGO_TRUSTED_PROXY_COUNT=N (N proxies of yours in front of the app) the
client is the N-th entry from the right; with 0, the header is ignored.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TIMELINE_TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote  # not through all of our proxies: a direct connection
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
