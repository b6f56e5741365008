"""What a crawl process knows before it starts: this run's finished fetches (resume) and the
validators of earlier runs (conditional requests), plus the stores it writes to."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from w3lib.url import canonicalize_url

from storage.blobs import Blobs
from storage.models import Fetch, SeenUrl

KEEP_HEADERS = ("content-type", "content-disposition", "last-modified", "etag", "content-length")


@lru_cache(maxsize=200_000)
def canonical_url(url: str) -> str:
    """Sorted query, no tracking parameters; SPA hash routes (#/…, #123) are kept because they are pages."""
    from govaudit.extract.html import is_state_fragment

    keep = "#" in url and is_state_fragment(url.split("#", 1)[1])
    return canonicalize_url(url, keep_fragments=keep)


def request_key(url: str, method: str = "GET", body: bytes | str | None = None, variant: str = "") -> str:
    if isinstance(body, str):
        body = body.encode()
    h = hashlib.sha1(f"{method.upper()} {canonical_url(url)} {variant}".encode())
    if body:
        h.update(b" ")
        h.update(body)
    return h.hexdigest()


@dataclass
class CrawlState:
    run_id: str
    sessions: sessionmaker[Session]
    blobs: Blobs
    conditional: bool = True
    worker: str | None = None
    done: dict[str, dict[str, Any]] = field(default_factory=dict)
    validators: dict[str, dict[str, Any]] = field(default_factory=dict)
    # render cache: the previous run's rendered DOM per render key, and the APIs each rendered page called
    renders: dict[str, dict[str, Any]] = field(default_factory=dict)
    render_deps: dict[str, list[str]] = field(default_factory=dict)

    def load(self, site_ids: list[str], previous_run_id: str | None, fresh: bool) -> None:
        """Resume data for this run; validators from the previous run unless `fresh` (a re-check)."""
        with self.sessions() as s:
            rows = s.execute(
                select(Fetch.request_key, Fetch.final_url, Fetch.status, Fetch.headers, Fetch.body_sha256)
                .where(Fetch.run_id == self.run_id, Fetch.site_id.in_(site_ids), Fetch.body_sha256.is_not(None),
                       Fetch.error_type.is_(None))
            )
            for key, final_url, status, headers, sha in rows:
                self.done[key] = {"final_url": final_url, "status": status or 200, "headers": headers or {},
                                  "body_sha256": sha}
            if fresh or not self.conditional or previous_run_id is None:
                return
            seen = s.execute(
                select(SeenUrl.request_key, SeenUrl.etag, SeenUrl.last_modified, SeenUrl.body_sha256,
                       SeenUrl.content_type)
                .where(SeenUrl.site_id.in_(site_ids), SeenUrl.body_sha256.is_not(None))
            )
            for key, etag, last_modified, sha, ctype in seen:
                if etag or last_modified:
                    self.validators[key] = {"etag": etag, "last_modified": last_modified, "body_sha256": sha,
                                            "headers": {"Content-Type": ctype} if ctype else {}}
            prev = s.execute(
                select(Fetch.request_key, Fetch.url, Fetch.final_url, Fetch.render_mode, Fetch.referer,
                       Fetch.body_sha256, Fetch.headers)
                .where(Fetch.run_id == previous_run_id, Fetch.site_id.in_(site_ids), Fetch.error_type.is_(None),
                       Fetch.render_mode.in_(("browser", "api")))
            )
            for key, url, final_url, mode, referer, sha, headers in prev:
                if mode == "browser" and sha:
                    self.renders[key] = {"url": final_url or url, "body_sha256": sha, "headers": headers or {}}
                elif mode == "api" and referer:
                    self.render_deps.setdefault(referer, []).append(url)

    def read_blob(self, digest: str | None) -> bytes | None:
        if not digest or not self.blobs.has(digest):
            return None
        try:
            return self.blobs.get(digest)
        except (OSError, ValueError):
            return None
