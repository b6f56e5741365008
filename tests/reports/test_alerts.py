"""Nightly alerts: computed from two stored runs, written to alerts.json, POSTed to a real webhook."""

from __future__ import annotations

import json
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from govaudit.alerts import compute_alerts, deliver
from tests.reports.conftest import R1, R2, World
from tests.reports.helpers import load, table


def test_alerts_between_two_nights(shared_world: World) -> None:
    alerts = sorted((a.kind, a.site_id, a.message) for a in compute_alerts(shared_world.sessions, R2))
    assert alerts == [
        ("error_rate", "sfj", "平顶山市司法局 抓取错误率由 0% 升至 29%"),  # 40 of 140 fetches failed
        ("no_pages", "xinhua", "平顶山市新华区人民政府 本次未抓取到任何页面（unreachable，dns）"),
        ("pages_drop", "pds", "平顶山市人民政府 页面数由 500 降至 100"),
        ("regression", "pds", "平顶山市人民政府 I27.c 由“达标”变为“不达标”"),
        ("regression", "pds", "平顶山市人民政府 I98.a 由“达标”变为“不达标”"),
    ]
    # the first night has nothing to compare against: only sites with no pages would alert
    assert compute_alerts(shared_world.sessions, R1) == []


class _Hook(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_webhook_receives_the_alerts(shared_world: World, tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        alerts = compute_alerts(shared_world.sessions, R2)
        deliver(alerts, tmp_path, webhook_url=f"http://127.0.0.1:{server.server_port}/hook", email=None, run_id=R2)
    finally:
        server.shutdown()
    written = json.loads((tmp_path / "alerts.json").read_text(encoding="utf-8"))
    assert written["run_id"] == R2 and len(written["alerts"]) == 5
    assert _Hook.received == [written]
    assert any("页面数由 500 降至 100" in a["message"] for a in written["alerts"])


def test_unreachable_webhook_is_logged_not_fatal(shared_world: World, tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    port = server.server_port
    server.server_close()  # nothing listens there now
    deliver(compute_alerts(shared_world.sessions, R2), tmp_path, webhook_url=f"http://127.0.0.1:{port}/",
            email=None, run_id=R2)
    assert (tmp_path / "alerts.json").exists()
    assert any("alert webhook" in r.message for r in caplog.records)


def test_alerts_in_the_workbook_and_html(r2_out: Path) -> None:
    """The nightly alerts are a section of the reports, not only a log line."""
    headers, rows, _ = table(load(r2_out / "report.xlsx")["告警"], "类别")
    assert headers == ["类别", "站点", "说明"]
    assert Counter(r[0] for r in rows) == {"未抓取到页面": 1, "错误率上升": 1, "页面数骤降": 1, "结论退步": 2}
    assert ["页面数骤降", "平顶山市人民政府", "平顶山市人民政府 页面数由 500 降至 100"] in rows
    html = (r2_out / "report.html").read_text(encoding="utf-8")
    assert "<h2>告警</h2>" in html and "平顶山市新华区人民政府 本次未抓取到任何页面" in html
