"""Two configured sites on one host (a department's column under the city portal) each keep their own evidence."""

from __future__ import annotations

import functools
import os
import sqlite3
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(300)

ARTICLE = "/contents/101/1.html"
PAGES = {
    "index.html": """<html><head><meta charset="utf-8"><title>平顶山市人民政府</title></head><body>
<nav><ul><li><a href="/dept/index.html">市司法局</a></li><li><a href="/channels/fzzfjs.html">法治政府建设</a></li></ul></nav>
<p>平顶山市人民政府门户网站。</p></body></html>""",
    "channels/fzzfjs.html": f"""<html><head><meta charset="utf-8"><title>法治政府建设_平顶山市人民政府</title></head><body>
<div class="position">当前位置：<a href="/">首页</a> &gt; 法治政府建设</div>
<ul class="list"><li><a href="{ARTICLE}">平顶山市司法局2025年度法治政府建设工作总结</a><span>2026-01-20</span></li></ul>
</body></html>""",
    "dept/index.html": f"""<html><head><meta charset="utf-8"><title>市司法局_平顶山市人民政府</title></head><body>
<div class="position">当前位置：<a href="/">首页</a> &gt; 市司法局</div>
<ul class="list"><li><a href="{ARTICLE}">平顶山市司法局2025年度法治政府建设工作总结</a><span>2026-01-20</span></li></ul>
</body></html>""",
    ARTICLE.lstrip("/"): """<html><head><meta charset="utf-8"><title>平顶山市司法局2025年度法治政府建设工作总结</title></head><body>
<h1>平顶山市司法局2025年度法治政府建设工作总结</h1><p class="info">发布日期：2026-01-20</p>
<div class="content"><p>2025年，市司法局深入推进法治政府建设……</p></div></body></html>""",
}


def test_sites_sharing_a_host_each_store_the_shared_page(tmp_path: Path) -> None:
    root = tmp_path / "www"
    for rel, html in PAGES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(html, encoding="utf-8")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None  # type: ignore[method-assign]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    config = tmp_path / "sites.toml"
    config.write_text(f"""[audit]
jurisdiction = "平顶山市"
as_of = 2026-11-20
cycle_start = 2024-01-01

[crawl]
allow_private_networks = true
delay_seconds = 0.0
concurrency_per_site = 2
max_pages_per_site = 50

[[sites]]
id = "pds"
name = "平顶山市人民政府"
url = "{base}/"
level = "city"

[[sites]]
id = "sfj"
name = "平顶山市司法局"
url = "{base}/dept/index.html"
level = "department"
""", encoding="utf-8")
    try:
        proc = subprocess.run([sys.executable, "-m", "govaudit.cli", "run", "--config", str(config), "--db",
                               f"sqlite:///{tmp_path / 'g.sqlite'}", "--out", str(tmp_path / "out"), "--no-progress"],
                              capture_output=True, text=True, timeout=240,
                              env=dict(os.environ, GOVAUDIT_HOME=str(tmp_path / "var")))
    finally:
        server.shutdown()
    assert proc.returncode == 0, proc.stderr[-3000:]
    db = sqlite3.connect(tmp_path / "g.sqlite")
    sites = {s for (s,) in db.execute("select site_id from fetches where url = ? and error_type is null",
                                      (base + ARTICLE,))}
    assert sites == {"pds", "sfj"}, f"the shared article is evidence of both sites, stored for {sites}"
