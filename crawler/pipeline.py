"""Item pipeline: raw bodies to the content-addressed store, fetch facts to SQL, in small batches.

Batches are flushed at least once a second, so a crawl killed with SIGKILL loses at most the last
second of work, which the resumed run simply fetches again (inserts are insert-or-ignore).
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from crawler.state import KEEP_HEADERS, CrawlState
from storage.models import Blob, Fetch, SeenUrl
from storage.repo import insert_ignore, upsert

_FETCH_COLUMNS = tuple(c.key for c in Fetch.__table__.columns if c.key != "id")
_DEFAULTS = {"redirects": [], "headers": {}, "method": "GET", "render_mode": "static", "kind": "page", "depth": 0,
             "not_modified": False}


class StoragePipeline:
    flush_every = 1.0
    batch = 400

    def __init__(self, state: CrawlState) -> None:
        self.state = state
        self.fetches: list[dict[str, Any]] = []
        self.seen: dict[tuple[str, str], dict[str, Any]] = {}
        self.blobs: dict[str, dict[str, Any]] = {}
        self.last_flush = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Any) -> StoragePipeline:
        from crawler.run import REGISTRY

        return cls(REGISTRY[crawler.settings["GOVAUDIT_RUN"]])

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        if item.get("type") == "fetch":
            self._fetch(item)
        if len(self.fetches) >= self.batch or time.monotonic() - self.last_flush >= self.flush_every:
            self.flush()
        return item

    def _fetch(self, item: dict[str, Any]) -> None:
        body: bytes | None = item.pop("body", None)
        rendered: bytes | None = item.pop("rendered", None)
        row = {k: v for k, v in item.items() if k != "type"}
        row["run_id"] = self.state.run_id
        row["worker"] = self.state.worker
        row.setdefault("fetched_at", dt.datetime.now(dt.UTC))
        for field, data in (("body_sha256", body), ("rendered_sha256", rendered)):
            if data is not None:
                digest, stored = self.state.blobs.put(data)
                row[field] = digest
                self.blobs[digest] = {"sha256": digest, "size": len(data), "stored_size": stored}
        headers = row.get("headers") or {}
        row["headers"] = {k: v for k, v in headers.items() if k.lower() in KEEP_HEADERS or k.lower().startswith("x-")}
        # executemany needs one key set for every row: fill what this kind of fetch does not have
        self.fetches.append({c: row.get(c, _DEFAULTS.get(c)) for c in _FETCH_COLUMNS})
        if row.get("status") and not row.get("error_type") and row.get("method", "GET") == "GET":
            lower = {k.lower(): v for k, v in headers.items()}
            now = dt.datetime.now(dt.UTC)
            key = (row["site_id"], row["request_key"])
            self.seen[key] = {
                "site_id": row["site_id"], "request_key": row["request_key"], "url": row["url"],
                "first_seen_at": now, "first_seen_run": self.state.run_id, "last_seen_at": now,
                "last_seen_run": self.state.run_id, "etag": lower.get("etag"),
                "last_modified": lower.get("last-modified"), "body_sha256": row.get("body_sha256"),
                "content_type": lower.get("content-type"),
            }

    def flush(self) -> None:
        self.last_flush = time.monotonic()
        if not (self.fetches or self.seen or self.blobs):
            return
        table_fetch = Fetch.__table__
        with self.state.sessions.begin() as s:
            insert_ignore(s, Blob.__table__, list(self.blobs.values()), ["sha256"])  # type: ignore[arg-type]
            insert_ignore(s, table_fetch, self.fetches, ["run_id", "site_id", "request_key"])  # type: ignore[arg-type]
            # first_seen_* are kept from the first insert: they are the back-dating evidence (§5.3.6)
            upsert(s, SeenUrl.__table__, list(self.seen.values()), ["site_id", "request_key"],  # type: ignore[arg-type]
                   ["url", "last_seen_at", "last_seen_run", "etag", "last_modified", "body_sha256",
                    "content_type"])
        self.fetches, self.seen, self.blobs = [], {}, {}

    def close_spider(self) -> None:
        self.flush()
