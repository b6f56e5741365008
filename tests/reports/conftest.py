"""A stored history to report on: three runs over a city portal, a county, a district and a department.

Finding rows are made by the engine's own `_finding_row` (unit ids, lead units, fingerprints and
override handling exactly as a real run stores them).

r1 (night before) -> r2 (last night, the one reported) -> r3 (a re-check of 叶县 after it published
its missing I98 report).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from audit_rules.base import Finding, Verdict
from audit_rules.engine import _finding_row
from govaudit.config import Config, load_config
from storage.db import open_db
from storage.models import Document, Override, Run
from storage.models import Finding as FindingRow
from storage.models import Site as SiteRow

R1 = "2026-11-19T02:00+08:00-aaaa"
R2 = "2026-11-20T02:00+08:00-bbbb"
R3 = "2026-11-20T10:00+08:00-cccc"
AS_OF = dt.date(2026, 11, 20)
UTC = dt.UTC

FORMULA_TITLE = '=HYPERLINK("http://evil.example/","点我")'
SCRIPT_TITLE = "<script>alert(1)</script>行政处罚决定书"
PDS_98 = "https://www.pds.gov.cn/contents/12/98001.html"
PDS_98_OLD = "https://www.pds.gov.cn/contents/12/97001.html"
PDS_57 = "https://www.pds.gov.cn/contents/57/5701.html"
YX_98 = "https://www.yexian.gov.cn/fzzf/2026/report.html"

SITES_TOML = """
[audit]
jurisdiction = "平顶山市"
jurisdiction_id = "410400"
units_file = "units.toml"

[[sites]]
id = "pds"
name = "平顶山市人民政府"
url = "https://www.pds.gov.cn/"
level = "city"
jurisdiction_id = "410400"

[[sites]]
id = "yexian"
name = "叶县人民政府"
url = "https://www.yexian.gov.cn/"
level = "county"
jurisdiction_id = "410422"

[[sites]]
id = "sfj"
name = "平顶山市司法局"
url = "https://sfj.pds.gov.cn/"
level = "department"
jurisdiction_id = "410400"

[[sites]]
id = "xinhua"
name = "平顶山市新华区人民政府"
url = "https://www.xinhuaqu.gov.cn/"
level = "district"
jurisdiction_id = "410402"
"""

UNITS_TOML = """
[[jurisdictions]]
id = "410400"
name = "平顶山市"
level = "city"
[[jurisdictions]]
id = "410422"
name = "叶县"
level = "county"
parent = "410400"
[[jurisdictions]]
id = "410402"
name = "新华区"
level = "district"
parent = "410400"

[[units]]
id = "410400:gov"
name = "平顶山市人民政府"
jurisdiction_id = "410400"
kind = "government"
site_ids = ["pds"]
[[units]]
id = "410400:zfb"
name = "平顶山市人民政府办公室"
jurisdiction_id = "410400"
site_ids = ["pds"]
[[units]]
id = "410400:sfj"
name = "平顶山市司法局"
jurisdiction_id = "410400"
site_ids = ["sfj"]
[[units]]
id = "410422:gov"
name = "叶县人民政府"
jurisdiction_id = "410422"
kind = "government"
site_ids = ["yexian"]
[[units]]
id = "410402:gov"
name = "平顶山市新华区人民政府"
jurisdiction_id = "410402"
kind = "government"
site_ids = ["xinhua"]
"""


def F(check: str, verdict: str, *reasons: str, scope: str = "site", url: str | None = None,
      title: str | None = None, sha: str | None = None, **details: Any) -> Finding:
    f = Finding(check_id=check, verdict=Verdict(verdict), scope=scope,  # type: ignore[arg-type]
                url=url, title=title, details=dict(details), content_sha256=sha)
    return f.add(*reasons)


def i32_review() -> Finding:
    return F("I32.a", "REVIEW", "R_NEEDS_JUDGEMENT", url="https://www.pds.gov.cn/contents/9/1.html",
             title="关于规范性文件备案审查情况的通报",
             candidates=[{"url": "https://www.pds.gov.cn/contents/9/1.html", "title": "关于规范性文件备案审查情况的通报",
                          "score": 0.6}])


def sfj_27_review() -> Finding:
    return F("I27.a", "REVIEW", "R_LOW_CONFIDENCE", url="https://sfj.pds.gov.cn/zqyj/1.html",
             title="关于征求《平顶山市行政执法规定（草案）》意见的公告", comment_start="2026-06-01",
             comment_end="2026-06-05", comment_days_working=5)


@dataclass
class World:
    tmp: Path
    db_url: str
    sessions: sessionmaker[Session]
    config: Config

    def run(self, run_id: str, *, kind: str = "run", site_ids: list[str], started: dt.datetime,
            previous: str | None = None, status: str = "completed") -> None:
        with self.sessions.begin() as s:
            s.add(Run(id=run_id, kind=kind, crawl_run_id=run_id, previous_run_id=previous, status=status,
                      stage="done", tool_version="0.1.0", git_commit="abc123def456",
                      config_path=str(self.config.path), config_hash=self.config.digest, policy_hash="p0",
                      jurisdiction="平顶山市", as_of=AS_OF, site_ids=site_ids, started_at=started,
                      finished_at=started + dt.timedelta(hours=1) if status == "completed" else None))

    def sites(self, run_id: str, **stats: tuple[str, int, int, str | None]) -> None:
        with self.sessions.begin() as s:
            for sid, (status, pages, errors, error_type) in stats.items():
                site = self.config.site(sid)
                s.add(SiteRow(run_id=run_id, site_id=sid, name=site.name, url=site.url, level=site.level,
                              jurisdiction_id=site.jurisdiction_id or "", status=status, pages=pages, errors=errors,
                              error_type=error_type))

    def findings(self, run_id: str, by_site: dict[str, list[Finding]]) -> None:
        with self.sessions() as s:
            active = s.query(Override).filter(Override.revoked_at.is_(None)).all()
        by_key = {(o.site_id, o.check_id, o.scope, o.doc_key): o for o in active}
        rows = [_finding_row(run_id, self.config.site(sid), self.config, f, by_key)
                for sid, fs in by_site.items() for f in fs]
        with self.sessions.begin() as s:
            s.execute(insert(FindingRow), rows)

    def documents(self, run_id: str, site_id: str, docs: list[tuple[str, str, dt.date | None]]) -> None:
        with self.sessions.begin() as s:
            for url, title, date in docs:
                s.add(Document(run_id=run_id, site_id=site_id, url=url, kind="detail", title=title,
                               publish_date=date))

    def override(self, site_id: str, check_id: str, verdict: str, fingerprint: str | None, machine: str,
                 author: str, why: str, created: dt.datetime) -> None:
        with self.sessions.begin() as s:
            s.add(Override(site_id=site_id, check_id=check_id, scope="site", doc_key="", verdict=verdict,
                           justification=why, author=author, created_at=created, run_id=R1,
                           evidence_fingerprint=fingerprint, machine_verdict=machine))

    def recheck_fixed(self) -> None:
        """叶县 published its report; the re-check stores r3."""
        self.run(R3, kind="recheck", site_ids=["yexian"], started=dt.datetime(2026, 11, 20, 2, 0, tzinfo=UTC),
                 previous=R2)
        self.sites(R3, yexian=("done", 215, 1, None))
        self.findings(R3, {"yexian": [
            F("I98.a", "PASS", url=YX_98, title="叶县人民政府关于2025年度法治政府建设情况的报告",
              publish_date="2026-03-26", deadline="2026-03-31", report_year=2025),
            F("I98.a", "PASS", scope="document", url=YX_98, title="叶县人民政府关于2025年度法治政府建设情况的报告",
              publish_date="2026-03-26", deadline="2026-03-31", report_year=2025),
            F("I26.a", "NA", why="不适用于县级政府网站"),
        ]})
        self.documents(R3, "yexian", [(YX_98, "叶县人民政府关于2025年度法治政府建设情况的报告", dt.date(2026, 3, 26))])


def build_world(tmp: Path) -> World:
    (tmp / "sites.toml").write_text(SITES_TOML, encoding="utf-8")
    (tmp / "units.toml").write_text(UNITS_TOML, encoding="utf-8")
    config = load_config(tmp / "sites.toml", as_of=AS_OF)
    db_url = f"sqlite:///{tmp / 'govaudit.sqlite'}"
    _, sessions = open_db(db_url)
    w = World(tmp, db_url, sessions, config)

    # r1: the night before
    w.run(R1, site_ids=["pds", "yexian", "sfj", "xinhua"], started=dt.datetime(2026, 11, 18, 18, 0, tzinfo=UTC))
    w.sites(R1, pds=("done", 500, 5, None), yexian=("done", 200, 2, None), sfj=("done", 100, 0, None),
            xinhua=("done", 80, 0, None))
    w.findings(R1, {
        "pds": [
            F("I98.a", "PASS", url=PDS_98_OLD, title="平顶山市人民政府关于2024年度法治政府建设情况的报告",
              publish_date="2025-03-25", deadline="2025-03-31", report_year=2024),
            F("I27.a", "FAIL", "R_PERIOD_SHORT", url="https://www.pds.gov.cn/zqyj/27.html", title="征求意见公告",
              comment_start="2026-05-06", comment_end="2026-05-10", comment_days_working=3),
            F("I27.c", "PASS"),
            F("I57.a", "REVIEW", "R_DATE_UNPARSED", url=PDS_57),
        ],
        "yexian": [F("I98.a", "FAIL", "R_NOT_FOUND", report_year=2025, deadline="2026-03-31"),
                   F("I26.a", "NA", why="不适用于县级政府网站")],
        "sfj": [F("I98.a", "PENDING", "R_NOT_DUE"), F("I27.a", "PASS", url="https://sfj.pds.gov.cn/zqyj/0.html"),
                F("I26.a", "NA")],
        "xinhua": [F("I98.a", "REVIEW", "R_LOW_CONFIDENCE"), F("I57.a", "PASS")],
    })
    w.documents(R1, "pds", [(PDS_98_OLD, "平顶山市人民政府关于2024年度法治政府建设情况的报告", dt.date(2025, 3, 25)),
                            ("https://www.pds.gov.cn/contents/1/gone.html", "已删除的旧文件", dt.date(2020, 1, 1))])

    # the command office explained two findings before r2: one still matches its evidence, one does not
    w.override("pds", "I32.a", "PASS", i32_review().fingerprint(), "REVIEW", "张三", "已人工核查，未发现被通报、撤销的规范性文件",
               dt.datetime(2026, 11, 19, 9, 0, tzinfo=UTC))
    w.override("sfj", "I27.a", "PASS", "0" * 64, "REVIEW", "李四", "征求意见公告另有附件说明期限",
               dt.datetime(2026, 11, 19, 9, 30, tzinfo=UTC))

    # r2: last night (the run the reports are about)
    w.run(R2, site_ids=["pds", "yexian", "sfj", "xinhua"], started=dt.datetime(2026, 11, 19, 18, 0, tzinfo=UTC),
          previous=R1)
    w.sites(R2, pds=("done", 100, 5, None), yexian=("done", 210, 2, None), sfj=("done", 100, 40, None),
            xinhua=("unreachable", 0, 3, "dns"))
    w.findings(R2, {
        "pds": [
            F("I98.a", "FAIL", "R_LATE", url=PDS_98, title=FORMULA_TITLE, publish_date="2026-04-10",
              deadline="2026-03-31", lag_workdays=7, report_year=2025, years={"2024": "PASS", "2025": "FAIL"},
              ratio="1/2"),
            F("I98.a", "FAIL", "R_LATE", scope="document", url=PDS_98, title=FORMULA_TITLE,
              publish_date="2026-04-10", deadline="2026-03-31", lag_workdays=7, report_year=2025),
            F("I98.a", "PASS", scope="document", url=PDS_98_OLD, title="平顶山市人民政府关于2024年度法治政府建设情况的报告",
              publish_date="2025-03-25", deadline="2025-03-31", report_year=2024),
            F("I27.a", "PASS", url="https://www.pds.gov.cn/zqyj/27.html", title="征求意见公告",
              comment_start="2026-05-06", comment_end="2026-05-20", comment_days_working=11),
            F("I27.c", "FAIL", "R_PERIOD_SHORT", "R_ADVISORY", url="https://www.pds.gov.cn/zqyj/27.html"),
            F("I57.a", "REVIEW", "R_DATE_UNPARSED", url=PDS_57),
            F("I57.a", "FAIL", "R_LATE", scope="document", url=PDS_57, title=SCRIPT_TITLE,
              decision_date="2026-09-01", publish_date="2026-09-18", lag_workdays=12, decision_category="penalty"),
            F("I57.a", "PASS", scope="document", url="https://www.pds.gov.cn/contents/57/5702.html",
              title="行政许可决定书（平许〔2026〕8号）", decision_date="2026-09-01", publish_date="2026-09-03",
              lag_workdays=2, decision_category="license"),
            i32_review(),
        ],
        "yexian": [F("I98.a", "FAIL", "R_NOT_FOUND", report_year=2025, deadline="2026-03-31"),
                   F("I26.a", "NA", why="不适用于县级政府网站")],
        "sfj": [F("I98.a", "PENDING", "R_NOT_DUE"), sfj_27_review(), F("I26.a", "NA")],
        "xinhua": [F("I98.a", "ERROR", "R_SITE_UNREACHABLE", url="https://www.xinhuaqu.gov.cn/", site_error="dns"),
                   F("I57.a", "ERROR", "R_SITE_UNREACHABLE", url="https://www.xinhuaqu.gov.cn/")],
    })
    w.documents(R2, "pds", [(PDS_98_OLD, "平顶山市人民政府关于2024年度法治政府建设情况的报告", dt.date(2025, 3, 25)),
                            (PDS_98, FORMULA_TITLE, dt.date(2026, 4, 10))])
    return w


@pytest.fixture
def world(tmp_path: Path) -> World:
    return build_world(tmp_path)


@pytest.fixture(scope="module")
def shared_world(tmp_path_factory: pytest.TempPathFactory) -> World:
    """The same history, built once per module, for tests that only read."""
    return build_world(tmp_path_factory.mktemp("world"))


@pytest.fixture(scope="module")
def r2_out(shared_world: World) -> Path:
    """The reports of r2, written once per module."""
    from reports import write_reports

    out = shared_world.tmp / "out"
    write_reports(shared_world.sessions, R2, out, config=shared_world.config)
    return out
