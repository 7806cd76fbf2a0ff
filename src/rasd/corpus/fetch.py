"""Fetching feeds and pages over HTTP (httpx), with timeouts, a redirect limit and a size cap."""

from __future__ import annotations

import httpx

USER_AGENT = "rasd/0.1 (+https://example.org/rasd)"
TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024


class FetchError(Exception):
    """A URL could not be fetched; the message says why in one line."""


def fetch(url: str, client: httpx.Client | None = None, timeout: float | None = None) -> tuple[bytes, str]:
    """(body, content type) of ``url``; raises FetchError on any failure."""
    own = client is None
    client = client or httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=timeout or TIMEOUT_S,
        headers={"User-Agent": USER_AGENT},
    )
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FetchError(f"larger than {MAX_BYTES} bytes")
                chunks.append(chunk)
            return b"".join(chunks), resp.headers.get("content-type", "")
    except httpx.TooManyRedirects:
        raise FetchError("too many redirects") from None
    except httpx.TimeoutException:
        raise FetchError("timed out") from None
    except httpx.HTTPError as e:
        raise FetchError(f"{type(e).__name__}: {e}") from None
    finally:
        if own:
            client.close()
