"""Hostile files and broken text end to end: linked from a document page of a real portal, fetched by the real
crawler, judged by the real audit. Each is recorded as an error; the run continues and judges the rest."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .cases import case
from .conftest import Runs
from .harness import RunResult, findings, query, verdicts
from .server import BIG_BYTES, XXE_PROBE, report_title

pytestmark = pytest.mark.timeout(900)

PASSWD_MARKERS = ("root:x:0:0", "/bin/bash", "nologin")


@pytest.fixture(scope="module", autouse=True)
def _start_ahead(runs: Runs) -> Iterator[None]:
    for name in ("big", "control", "public"):
        runs.start(name)
    yield


def attachment_rows(r: RunResult, site: str) -> dict[str, dict[str, Any]]:
    rows = query(r.db, "SELECT f.url, f.error_type, f.error_detail, f.body_sha256, a.kind, a.error, a.text "
                       "FROM fetches f LEFT JOIN attachments a ON a.sha256 = f.body_sha256 "
                       "WHERE f.kind = 'attachment' AND f.site_id = ?", site)
    return {row["url"].split("/", 3)[3].split("?")[0]: dict(row) for row in rows}


@case("Hostile files", f"a {BIG_BYTES // 2**20} MB attachment, generated while it is sent (once with Content-Length, "
      "once streamed without)", "both refused at the 50 MB cap as `oversize`, no body stored; the run continues "
      "(I98.a PASS)", "run < 60 s; peak RSS < control + 150 MiB and < 400 MiB")
def test_200mb_download_is_capped(runs: Runs) -> None:
    r = runs.get("big")
    records = verdicts(r, "big")
    atts = attachment_rows(r, "big")
    for path in ("files/big.pdf", "files/big-stream.pdf"):
        row = atts[path]
        assert row["error_type"] == "oversize", row
        assert row["body_sha256"] is None
    assert records["I98.a"]["verdict"] == "PASS"
    control = runs.get("control")
    assert r.maxrss_mb < min(control.maxrss_mb + 150, 400), (r.maxrss_mb, control.maxrss_mb)
    assert r.wall < 60, r.wall
    stored = sum(p.stat().st_size for p in (r.work / "data").rglob("*") if p.is_file())
    assert stored < 5 * 2**20, stored


@case("Hostile files", "zip-bomb DOCX (300 MiB declared), XXE DOCX (file:///etc/passwd and an external DTD on "
      "127.0.0.1), encrypted PDF, malformed PDF, linked from one notice",
      "each stored with its typed error (`zip_bomb`, `xxe`, `encrypted`, `malformed`); the DTD is never requested, "
      "/etc/passwd never read; the run continues (I98.a PASS)")
def test_hostile_attachments(runs: Runs) -> None:
    r = runs.get("public")
    records = verdicts(r, "files")
    atts = attachment_rows(r, "files")
    expected = {"files/bomb.docx": "zip_bomb", "files/xxe.docx": "xxe", "files/encrypted.pdf": "encrypted",
                "files/malformed.pdf": "malformed"}
    for path, error in expected.items():
        row = atts[path]
        assert row["error_type"] is None and row["error"] is not None and row["error"].startswith(error), row
    assert not [h for h in runs.server.hits("files") if h["path"] == XXE_PROBE]
    texts = [t["text"] or "" for t in query(r.db, "SELECT text FROM attachments")]
    texts.append((r.out / "findings.jsonl").read_text(encoding="utf-8"))
    assert not [m for t in texts for m in PASSWD_MARKERS if m in t]
    assert records["I98.a"]["verdict"] == "PASS"


@case("Hostile files", "attachment names with `../`: `Content-Disposition: attachment; filename=\"../../etc/passwd\"` "
      "and `filename*=UTF-8''..%2F..%2F..%2Ftmp%2Fpwned附件.pdf`",
      "bodies stored only under their sha256 inside the data dir; nothing written anywhere else; /etc/passwd untouched")
def test_attachment_names_cannot_traverse(runs: Runs, tmp_path_factory: pytest.TempPathFactory) -> None:
    passwd = os.stat("/etc/passwd")
    r = runs.get("public")
    verdicts(r, "files")
    atts = attachment_rows(r, "files")
    for path in ("files/download.jsp", "files/download2.jsp"):
        assert atts[path]["error_type"] is None and atts[path]["kind"] == "pdf", atts[path]
    allowed = re.compile(r"^(data/blobs/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}\.z|data/locks/[^/]+|out/.+|home/logs/[^/]+"
                         r"|govaudit\.sqlite(-wal|-shm|-journal)?|sites\.toml|std(out|err)\d+\.txt)$")
    stray = [str(p.relative_to(r.work)) for p in r.work.rglob("*")
             if p.is_file() and not allowed.match(str(p.relative_to(r.work)))]
    assert not stray, stray
    base = tmp_path_factory.getbasetemp()
    for root in (base, base.parent, Path("/tmp"), Path("/etc")):
        planted = [p for p in root.glob("*") if p.name.startswith("pwned") or (p.name == "passwd" and root != Path("/etc"))]
        assert not planted, planted
    after = os.stat("/etc/passwd")
    assert (after.st_mtime_ns, after.st_size) == (passwd.st_mtime_ns, passwd.st_size)


@case("Hostile files", "wrong and missing charsets: GBK bytes under a `charset=utf-8` header, GBK with no charset "
      "anywhere, UTF-8 bytes under `<meta charset=gb2312>`",
      "all three reports decoded correctly (titles intact, no U+FFFD): I98.a PASS 2023–2025")
def test_wrong_and_missing_charsets(runs: Runs) -> None:
    r = runs.get("public")
    records = verdicts(r, "charsets")
    assert records["I98.a"]["verdict"] == "PASS", records["I98.a"]
    docs = [x for x in findings(r.work, "charsets") if x["check_id"] == "I98.a" and x["scope"] == "document"]
    assert sorted(d["title"] for d in docs) == sorted(report_title(y) for y in (2023, 2024, 2025))
    titles = [row["title"] or "" for row in query(r.db, "SELECT title FROM documents WHERE site_id = 'charsets'")]
    assert not [t for t in titles if "\ufffd" in t or "锟" in t]


@case("Hostile files", "mojibake: the 2025 report's page and list entry are 锟斤拷 garbage (a CMS that mangled GBK)",
      "recorded as a `mojibake` coverage gap; 2023/2024 PASS, 2025 and the site REVIEW `R_COVERAGE_INCOMPLETE`, "
      "never FAIL")
def test_mojibake_page_is_a_gap_not_an_absence(runs: Runs) -> None:
    r = runs.get("public")
    records = verdicts(r, "mojibake")
    i98 = records["I98.a"]
    assert i98["details"]["years"] == {"2023": "PASS", "2024": "PASS", "2025": "REVIEW"}, i98
    assert i98["verdict"] == "REVIEW" and "R_COVERAGE_INCOMPLETE" in i98["reason_codes"]
    assert any("mojibake" in g for g in i98["details"]["coverage_gaps"]), i98["details"]
