"""Live progress per site while crawling: a table on a terminal, a log line every few seconds otherwise."""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import Any, TextIO

FIELDS = ("pages", "attachments", "errors", "rendered", "not_modified")
ZH = {"pages": "页面", "attachments": "附件", "errors": "错误", "rendered": "渲染", "not_modified": "未变化"}


class Progress:
    def __init__(self, site_names: dict[str, str], stream: TextIO | None = None, interval: float = 5.0) -> None:
        self.names = site_names
        self.counts: dict[str, Counter[str]] = {sid: Counter() for sid in site_names}
        self.done: set[str] = set()
        self.stream = stream or sys.stderr
        self.interval = interval
        self.started = time.monotonic()
        self._last = 0.0
        self._live: Any = None
        if self.stream.isatty():
            from rich.console import Console
            from rich.live import Live

            self._live = Live(self._table(), console=Console(file=self.stream), refresh_per_second=2, transient=False)
            self._live.start()

    def update(self, site_id: str, counts: Counter[str]) -> None:
        self.counts[site_id] = Counter({k: counts.get(k, 0) for k in FIELDS})
        now = time.monotonic()
        if now - self._last < (0.5 if self._live else self.interval):
            return
        self._last = now
        if self._live:
            self._live.update(self._table())
        else:
            total = sum((c for c in self.counts.values()), Counter())
            print(f"[抓取进度] {len(self.done)}/{len(self.names)} 个站点完成 · "
                  + " · ".join(f"{ZH[k]} {total[k]}" for k in FIELDS)
                  + f" · {now - self.started:.0f}s", file=self.stream, flush=True)

    def finish(self, site_id: str) -> None:
        self.done.add(site_id)
        self._last = 0
        self.update(site_id, self.counts.get(site_id, Counter()))

    def _table(self) -> Any:
        from rich.table import Table

        table = Table(title="govaudit 抓取进度 / crawl progress")
        table.add_column("站点 site")
        for k in FIELDS:
            table.add_column(ZH[k], justify="right")
        table.add_column("状态")
        for sid, name in self.names.items():
            c = self.counts.get(sid, Counter())
            table.add_row(f"{sid} {name}", *(str(c.get(k, 0)) for k in FIELDS), "完成" if sid in self.done else "…")
        return table

    def close(self) -> None:
        if self._live:
            self._live.update(self._table())
            self._live.stop()
