"""Per-column coverage tallies: what was listed, fetched and failed, and why pagination stopped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass
class ColumnTally:
    key: str  # URL of the column's first list page
    code: str | None
    label: str | None
    list_pages_fetched: int = 0
    list_pages_failed: int = 0
    items_listed: int = 0
    items_fetched: int = 0
    items_failed: int = 0
    attachments_fetched: int = 0
    last_page_reached: int = 0
    stop_reason: str | None = None  # end|old_items|max_pages|error|js
    oldest: dt.date | None = None
    newest: dt.date | None = None
    consecutive_old: int = 0
    js_unresolved: bool = False

    def saw_dates(self, dates: list[dt.date | None], window_start: dt.date, k: int) -> bool:
        """Account a page of list dates (in list order); True when K consecutive items are older than
        the window start (pinned items make a single old one meaningless: rules_spec §5.6)."""
        for d in dates:
            if d is None:
                continue
            self.oldest = d if self.oldest is None or d < self.oldest else self.oldest
            self.newest = d if self.newest is None or d > self.newest else self.newest
            self.consecutive_old = self.consecutive_old + 1 if d < window_start else 0
        return self.consecutive_old >= k

    def stop(self, reason: str) -> None:
        # the worst reason wins: an error or truncation is never hidden by a later 'end'
        order = {None: 0, "end": 1, "old_items": 2, "js": 3, "max_pages": 4, "error": 5}
        if order.get(reason, 0) > order.get(self.stop_reason, 0):
            self.stop_reason = reason

    @property
    def complete(self) -> bool:
        return (self.list_pages_failed == 0 and not self.js_unresolved
                and (self.stop_reason in (None, "end", "old_items")))

    def row(self, site_id: str) -> dict[str, Any]:
        return {"site_id": site_id, "column_key": self.key[:255], "column_code": self.code,
                "column_label": (self.label or "")[:128] or None,
                "list_pages_fetched": self.list_pages_fetched, "list_pages_failed": self.list_pages_failed,
                "items_listed": self.items_listed, "items_fetched": self.items_fetched,
                "items_failed": self.items_failed, "attachments_fetched": self.attachments_fetched,
                "last_page_reached": self.last_page_reached, "complete": self.complete,
                "stop_reason": self.stop_reason or "end", "oldest_item_date": self.oldest,
                "newest_item_date": self.newest}
