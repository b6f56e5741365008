"""Nightly alerts: a site that returned no pages, an error rate that jumped, verdicts that regressed.

Alerts go to the log and `out/alerts.json` always, to a webhook (`[audit] webhook_url`, JSON POST)
and to an e-mail address (`[audit] alert_email`, via the local MTA) when configured.
"""

from __future__ import annotations

import json
import logging
import smtplib
import urllib.request
from dataclasses import asdict, dataclass
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from audit_rules.base import VERDICT_ZH
from storage.models import Finding, Run, Site

log = logging.getLogger("govaudit.alerts")

ERROR_RATE_JUMP = 0.20  # +20 percentage points of failed fetches …
ERROR_RATE_FACTOR = 2.0  # … and at least twice the previous rate
PAGES_DROP = 0.5  # fewer than half the pages of the previous run


KIND_ZH = {"no_pages": "未抓取到页面", "error_rate": "错误率上升", "pages_drop": "页面数骤降", "regression": "结论退步"}


@dataclass(frozen=True)
class Alert:
    kind: str  # no_pages | error_rate | pages_drop | regression
    site_id: str
    message: str

    @property
    def kind_zh(self) -> str:
        return KIND_ZH.get(self.kind, self.kind)


def compute_alerts(sessions: sessionmaker[Session], run_id: str) -> list[Alert]:
    with sessions() as s:
        run = s.get(Run, run_id)
        if run is None:
            return []
        sites = {r.site_id: r for r in s.execute(select(Site).where(Site.run_id == run_id)).scalars()}
        prev_id = run.previous_run_id
        prev_sites = ({r.site_id: r for r in s.execute(select(Site).where(Site.run_id == prev_id)).scalars()}
                      if prev_id else {})
        now = {(f.site_id, f.check_id): f.verdict for f in s.execute(
            select(Finding).where(Finding.run_id == run_id, Finding.scope == "site")).scalars()}
        before = ({(f.site_id, f.check_id): f.verdict for f in s.execute(
            select(Finding).where(Finding.run_id == prev_id, Finding.scope == "site")).scalars()} if prev_id else {})
    alerts: list[Alert] = []
    for site_id, site in sites.items():
        total = site.pages + site.errors
        if site.pages == 0:
            alerts.append(Alert("no_pages", site_id, f"{site.name} 本次未抓取到任何页面（{site.status}，{site.error_type or ''}）"))
            continue
        prev = prev_sites.get(site_id)
        if prev is None:
            continue
        rate = site.errors / total if total else 0.0
        prev_total = prev.pages + prev.errors
        prev_rate = prev.errors / prev_total if prev_total else 0.0
        if rate - prev_rate >= ERROR_RATE_JUMP and rate >= ERROR_RATE_FACTOR * max(prev_rate, 0.01):
            alerts.append(Alert("error_rate", site_id, f"{site.name} 抓取错误率由 {prev_rate:.0%} 升至 {rate:.0%}"))
        if prev.pages and site.pages < PAGES_DROP * prev.pages:
            alerts.append(Alert("pages_drop", site_id, f"{site.name} 页面数由 {prev.pages} 降至 {site.pages}"))
    for (site_id, check_id), verdict in sorted(now.items()):
        old = before.get((site_id, check_id))
        if verdict == "FAIL" and old is not None and old != "FAIL":
            name = sites[site_id].name if site_id in sites else site_id
            alerts.append(Alert("regression", site_id, f"{name} {check_id} 由“{VERDICT_ZH.get(old, old)}”变为“"
                                                       f"{VERDICT_ZH['FAIL']}”"))
    return alerts


def deliver(alerts: list[Alert], out_dir: Path, *, webhook_url: str | None, email: str | None, run_id: str) -> None:
    from reports.export import atomic_write

    payload = {"run_id": run_id, "alerts": [asdict(a) for a in alerts]}
    atomic_write(out_dir / "alerts.json", json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"))
    for a in alerts:
        log.warning("[告警] %s %s: %s", a.kind, a.site_id, a.message)
    if not alerts:
        return
    if webhook_url:
        try:
            req = urllib.request.Request(webhook_url, data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                                         headers={"Content-Type": "application/json"}, method="POST")
            urllib.request.urlopen(req, timeout=10).close()  # noqa: S310 - the configured URL is http(s) (validated)
        except OSError as exc:
            log.error("alert webhook %s failed: %s", webhook_url, exc)
    if email:
        msg = EmailMessage()
        msg["Subject"] = f"[govaudit] {len(alerts)} 条告警 / alerts — {run_id}"
        msg["From"] = "govaudit@localhost"
        msg["To"] = email
        msg.set_content("\n".join(f"- {a.message}" for a in alerts))
        try:
            with smtplib.SMTP("localhost", timeout=10) as smtp:
                smtp.send_message(msg)
        except OSError as exc:
            log.error("alert e-mail to %s failed: %s", email, exc)
