"""Build real SiteEvidence from a fixture (a TOML mini-site) through the same path a crawl takes:
pages become stored fetches and blobs, then `build_site_evidence` reads them back.

Fixture format (`tests/rules/fixtures/<check_id>/<outcome>_<name>.toml`, outcome = pass|fail|review|
pending|na|error; the file name is the expected site-scope verdict):

    level = "city"                 # city | county | district | department (default city)
    name = "平顶山市人民政府"        # site name (default by level)
    as_of = 2026-11-20             # default 2026-11-20
    cycle_start = 2024-01-01       # default 2024-01-01
    status = "done"                # crawl status of the site (default done)
    reasons = ["R_LATE"]           # optional: reason codes the site record must carry
    absent_reasons = ["R_STALE"]   # optional: reason codes it must NOT carry
    [[documents]]                  # optional: expected document-scope records
    url = "http://site.test/a.html"; verdict = "FAIL"; reasons = ["R_LATE"]
    row_key = "t0:平市监罚〔2021〕12号"  # optional: one row of a table page (details["row_key"]: table index:文书号)
    [[pages]]
    url = "http://site.test/contents/1/2.html"
    html = '''<html>…</html>'''   # the raw page, or
    file = "report.html"           # a file next to the fixture or in tests/rules/fixtures/_shared/
    kind = "page"                  # page | list | home | attachment | api (default page)
    column = "FZ"                  # column code the crawler gave it (optional)
    anchor = "…"                   # link text it was reached by (optional)
    list_date = "2025-03-28"       # date shown beside the link (optional)
    content_type = "text/html; charset=utf-8"
    encoding = "gbk"               # encode `html` with this charset (default utf-8)
    [[failures]]
    url = "…"; error_type = "http_5xx"; kind = "list"; column = "ZJ"; anchor = "…"; depth = 1
    [[coverage]]
    column_key = "http://site.test/channels/9.html"; column_code = "ZJ"; complete = false; stop_reason = "error"
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from audit_rules.base import Finding
from audit_rules.evidence import SiteEvidence, build_site_evidence
from crawler.state import request_key
from govaudit.config import load_config
from storage.blobs import BlobStore
from storage.models import Base, Coverage, Fetch, Run, Site

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = FIXTURES / "_shared"
LEVEL_NAMES = {"city": "平顶山市人民政府", "county": "叶县人民政府", "district": "新华区人民政府",
               "department": "平顶山市司法局"}


def load_fixture(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _body(page: dict[str, Any], base: Path) -> bytes:
    if "file" in page:
        for folder in (base, SHARED):
            candidate = folder / page["file"]
            if candidate.exists():
                return candidate.read_bytes()
        raise FileNotFoundError(page["file"])
    html = page.get("html", "")
    return html.encode(page.get("encoding", "utf-8")) if isinstance(html, str) else html


def evidence_for(fixture: dict[str, Any], tmp: Path, base: Path | None = None) -> SiteEvidence:
    base = base or FIXTURES
    level = fixture.get("level", "city")
    name = fixture.get("name", LEVEL_NAMES[level])
    as_of = fixture.get("as_of", dt.date(2026, 11, 20))
    cycle = fixture.get("cycle_start", dt.date(2024, 1, 1))
    cfg_path = tmp / "sites.toml"
    extra_sites = "".join(
        f'\n[[sites]]\nid = "{s["id"]}"\nname = "{s["name"]}"\nurl = "{s["url"]}"\nlevel = "{s["level"]}"\n'
        for s in fixture.get("other_sites", []))
    cfg_path.write_text(
        f'[audit]\njurisdiction = "平顶山市"\njurisdiction_id = "410400"\nas_of = {as_of.isoformat()}\n'
        f"cycle_start = {cycle.isoformat()}\n"
        f'[crawl]\nallow_private_networks = true\n[[sites]]\nid = "site"\nname = "{name}"\n'
        f'url = "http://site.test/"\nlevel = "{level}"\n' + extra_sites, encoding="utf-8")
    if fixture.get("policy"):
        (tmp / "rules.toml").write_text(fixture["policy"], encoding="utf-8")
        text = cfg_path.read_text(encoding="utf-8").replace("[audit]\n", '[audit]\npolicy_file = "rules.toml"\n', 1)
        cfg_path.write_text(text, encoding="utf-8")
    config = load_config(cfg_path)
    engine = create_engine(f"sqlite:///{tmp / 'fixture.sqlite'}")
    Base.metadata.create_all(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    blobs = BlobStore(tmp / "blobs")
    run_id = "fixture-run"
    now = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.UTC)
    with sessions.begin() as s:
        s.add(Run(id=run_id, kind="run", status="running", stage="audit", tool_version="test", config_path="x",
                  config_hash="x", jurisdiction="平顶山市", as_of=as_of, site_ids=["site"], crawl_run_id=run_id))
        s.add(Site(run_id=run_id, site_id="site", name=name, url="http://site.test/", level=level,
                   jurisdiction_id="410400", status=fixture.get("status", "done"),
                   error_type=fixture.get("error_type")))
        for page in fixture.get("pages", []):
            body = _body(page, base)
            sha, stored = blobs.put(body)
            method = page.get("method", "GET")
            s.add(Fetch(run_id=run_id, site_id="site", request_key=request_key(page["url"], method,
                                                                                page.get("request_body")),
                        url=page["url"], method=method, final_url=page.get("final_url", page["url"]), status=200,
                        headers={"Content-Type": page.get("content_type", "text/html; charset=utf-8"),
                                 **({"Content-Disposition": page["disposition"]} if "disposition" in page else {})},
                        content_type=page.get("content_type", "text/html; charset=utf-8"), body_sha256=sha,
                        body_size=len(body), kind=page.get("kind", "page"), column_code=page.get("column"),
                        anchor_text=page.get("anchor"), list_date=page.get("list_date"),
                        render_mode=page.get("render_mode", "static"), depth=page.get("depth", 2), fetched_at=now))
        for fail in fixture.get("failures", []):
            s.add(Fetch(run_id=run_id, site_id="site", request_key=request_key(fail["url"]), url=fail["url"],
                        final_url=fail["url"], status=fail.get("status"), kind=fail.get("kind", "page"),
                        column_code=fail.get("column"), anchor_text=fail.get("anchor"),
                        error_type=fail["error_type"], depth=fail.get("depth", 2), fetched_at=now))
        for cov in fixture.get("coverage", []):
            s.add(Coverage(run_id=run_id, site_id="site", **cov))
    return build_site_evidence(sessions, blobs, run_id, config, config.sites[0], as_of)


def site_record(findings: list[Finding]) -> Finding:
    sites = [f for f in findings if f.scope == "site"]
    assert len(sites) == 1, f"expected exactly one site record, got {len(sites)}"
    return sites[0]
