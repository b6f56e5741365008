"""Site faults end to end: a real `govaudit run` against hostile sites must finish in bounded time and memory,
record a typed error for what failed, and never turn what it could not see into a FAIL (or a PASS)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from audit_rules.registry import load_rules
from govaudit.extract.columns import matches as column_matches

from .cases import case
from .conftest import Runs
from .harness import RunResult, applicable, fetches, query, verdicts
from .server import FLOOD_LINKS, SLOW_SECONDS

pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module", autouse=True)
def _start_ahead(runs: Runs) -> Iterator[None]:
    for name in ("public", "direct", "flood"):
        runs.start(name)
    yield


def authoritative_for(code: str) -> set[str]:
    """Check ids whose authoritative columns (META.columns) include the column `code`."""
    return {r.meta.check_id for r in load_rules() if column_matches(code, r.meta.columns)}


def errors_of(r: RunResult, site: str, error_type: str) -> list[dict[str, Any]]:
    return [f for f in fetches(r.db, site) if f["error_type"] == error_type]


def paths(rows: list[dict[str, Any]]) -> set[str]:
    return {"/" + f["url"].split("/", 3)[3] for f in rows}


def assert_i98_review(records: dict[str, dict[str, Any]]) -> None:
    i98 = records["I98.a"]  # all its reports live in the hidden column: not FAIL, not PASS
    assert i98["verdict"] == "REVIEW" and "R_COVERAGE_INCOMPLETE" in i98["reason_codes"], i98


def assert_column_not_judged(records: dict[str, dict[str, Any]], code: str = "FZ") -> None:
    """Every check whose authoritative columns include the column the fault hid: never FAIL, and never PASS
    either (the portal's only evidence for them lives in that column)."""
    decided = sorted((c, records[c]["verdict"]) for c in authoritative_for(code)
                     if records[c]["verdict"] in ("FAIL", "PASS"))
    assert not decided, f"decided although their column {code} could not be crawled: {decided}"
    assert_i98_review(records)


def assert_site_error(r: RunResult, site: str, reason: str, status: str, error_type: str) -> None:
    records = applicable(verdicts(r, site))
    assert len(records) == 85, len(records)  # a city portal: every check applies
    wrong = {c: (x["verdict"], x["reason_codes"]) for c, x in records.items()
             if x["verdict"] != "ERROR" or reason not in x["reason_codes"]}
    assert not wrong, wrong
    (row,) = query(r.db, "SELECT status, error_type FROM run_sites WHERE site_id = ?", site)
    assert (row["status"], row["error_type"]) == (status, error_type)


# --- the control -------------------------------------------------------------------------------------------------


@case("Site faults", "control: the fault-free portal, crawled in the same runs as the faulty ones",
      "no fetch error; I98.a PASS for 2023–2025 and the FZ checks decided — so every REVIEW below comes from its "
      "fault, and no fault leaks into another site of the run")
@pytest.mark.parametrize("run", ["public", "direct"])
def test_control_portal_is_judged(runs: Runs, run: str) -> None:
    r = runs.get(run)
    records = verdicts(r, "good")
    assert [f for f in fetches(r.db, "good") if f["error_type"]] == []
    assert records["I98.a"]["verdict"] == "PASS", records["I98.a"]
    assert records["I98.a"]["details"]["years"] == {"2023": "PASS", "2024": "PASS", "2025": "PASS"}
    assert any(records[c]["verdict"] == "FAIL" for c in authoritative_for("FZ"))


# --- unreachable sites ---------------------------------------------------------------------------------------------


@case("Site faults", "connection refused (the port is bound, nobody listens)",
      "`refused` recorded; site `unreachable`; all 85 checks ERROR `R_SITE_UNREACHABLE`", "run < 60 s")
def test_connection_refused(runs: Runs) -> None:
    r = runs.get("direct")
    assert_site_error(r, "refused", "R_SITE_UNREACHABLE", "unreachable", "refused")
    assert r.wall < 60


@case("Site faults", "DNS failure (`www.nosuch-portal.invalid`)",
      "`dns` recorded; site `unreachable`; all checks ERROR `R_SITE_UNREACHABLE`", "run < 60 s")
def test_dns_failure(runs: Runs) -> None:
    r = runs.get("direct")
    assert_site_error(r, "dns", "R_SITE_UNREACHABLE", "unreachable", "dns")
    assert r.wall < 60


@case("Site faults", "TLS error (the server answers the ClientHello with a handshake_failure alert)",
      "`tls` recorded; site `blocked`; all checks ERROR `R_BLOCKED`", "run < 60 s")
def test_tls_error(runs: Runs) -> None:
    r = runs.get("direct")
    assert_site_error(r, "tls", "R_BLOCKED", "blocked", "tls")
    assert r.wall < 60


@case("Site faults", "WAF/CAPTCHA page served with HTTP 200 for every URL, robots.txt included",
      "`blocked` recorded (detected by content); site `blocked`; all checks ERROR `R_BLOCKED`")
def test_waf_everywhere(runs: Runs) -> None:
    r = runs.get("public")
    assert_site_error(r, "waf", "R_BLOCKED", "blocked", "blocked")
    assert all(f["status"] == 200 for f in errors_of(r, "waf", "blocked"))


# --- a column the crawler cannot read --------------------------------------------------------------------------------


@case("Site faults", "the 法治政府建设 column answers 503 (+ Retry-After), its pages too",
      "`http_5xx` recorded; I98.a REVIEW `R_COVERAGE_INCOMPLETE`; no check whose authoritative columns include "
      "FZ is FAIL or PASS")
def test_503_column(runs: Runs) -> None:
    r = runs.get("public")
    failed = errors_of(r, "fz503", "http_5xx")
    assert "/fzzf/index.html" in paths(failed) and all(f["status"] == 503 for f in failed)
    assert_column_not_judged(verdicts(r, "fz503"))


@case("Site faults", f"the column answers after {SLOW_SECONDS:.0f} s (`timeout_seconds = 5`, one retry)",
      "`timeout` recorded; no FZ check FAIL or PASS; I98.a REVIEW",
      f"whole run < {SLOW_SECONDS:.0f} s: it never waits for the page")
def test_slow_response(runs: Runs) -> None:
    r = runs.get("public")
    assert paths(errors_of(r, "slow", "timeout")) == {"/fzzf/index.html"}
    assert_column_not_judged(verdicts(r, "slow"))
    assert r.wall < SLOW_SECONDS, f"the run waited for the slow page: {r.wall:.1f}s"


@case("Site faults", "slow-drip body: headers at once, then one byte every 0.2 s for a minute",
      "`timeout` recorded (the timeout caps the whole download, not the gap between bytes); no FZ check FAIL or "
      "PASS; I98.a REVIEW",
      f"whole run < {SLOW_SECONDS:.0f} s")
def test_slow_drip_body(runs: Runs) -> None:
    r = runs.get("public")
    assert paths(errors_of(r, "drip", "timeout")) == {"/fzzf/index.html"}
    assert_column_not_judged(verdicts(r, "drip"))
    assert r.wall < SLOW_SECONDS, f"the run waited for the dripping body: {r.wall:.1f}s"


@case("Site faults", "redirect loop (302 ↔ 301) on the column; an endless chain of distinct redirects on 政策文件",
      "`redirect_loop` recorded for both; no FZ check FAIL or PASS; I98.a REVIEW",
      "≤ 12 requests for the endless chain")
def test_redirect_loops(runs: Runs) -> None:
    r = runs.get("public")
    assert {"/fzzf/index.html", "/wj/index.html"} <= paths(errors_of(r, "loop", "redirect_loop"))
    assert_column_not_judged(verdicts(r, "loop"))
    chain = [h for h in runs.server.hits("loop") if h["path"] == "/wj/index.html"]
    assert 2 <= len(chain) <= 12, len(chain)


@case("Site faults", "a public portal redirects its columns to 127.0.0.1 and to 169.254.169.254 "
      "(`allow_private_networks = false`)",
      "`private_address` recorded; the loopback target is never requested; no FZ check FAIL or PASS; "
      "I98.a REVIEW")
def test_redirect_to_private_address_is_blocked(runs: Runs) -> None:
    r = runs.get("public")
    blocked = errors_of(r, "private-redirect", "private_address")
    assert paths(blocked) == {"/fzzf/index.html", "/wj/index.html"}
    assert any("127.0.0.1" in f["error_detail"] for f in blocked)
    assert any("169.254.169.254" in f["error_detail"] for f in blocked)
    assert_column_not_judged(verdicts(r, "private-redirect"))
    leaked = [h for h in runs.server.hits() if h["site"] in ("internal", "proxy") and "govaudit-direct-run" not in h["ua"]]
    assert not leaked, f"the private targets were requested: {leaked}"


@case("Site faults", "control: the same redirect with `allow_private_networks = true`",
      "the loopback target is fetched (so the test above can fail)")
def test_redirect_to_private_address_allowed(runs: Runs) -> None:
    r = runs.get("direct")
    verdicts(r, "private-allowed")
    assert not errors_of(r, "private-allowed", "private_address")
    assert [f for f in fetches(r.db, "private-allowed") if "/secret/" in (f["final_url"] or "")]
    assert [h for h in runs.server.hits() if h["path"] == "/secret/fzzf.html"]


@case("Site faults", "the homepage itself redirects to 127.0.0.1 (`allow_private_networks = false`)",
      "`private_address` recorded; site `unreachable`; all checks ERROR; the target is never requested")
def test_home_redirect_to_private_address(runs: Runs) -> None:
    r = runs.get("public")
    assert_site_error(r, "private-home", "R_SITE_UNREACHABLE", "unreachable", "private_address")
    assert not [h for h in runs.server.hits() if h["path"] == "/secret/index.html"]


@case("Site faults", "WAF/CAPTCHA page (HTTP 200) on the report pages only (rate limiting)",
      "`blocked` recorded for each; I98.a REVIEW `R_COVERAGE_INCOMPLETE` (the blocked links read like its "
      "reports), never FAIL")
def test_waf_on_some_pages(runs: Runs) -> None:
    r = runs.get("public")
    blocked = errors_of(r, "waf-partial", "blocked")
    assert paths(blocked) == {f"/fzzf/{y}/report.html" for y in (2023, 2024, 2025)}
    assert all(f["status"] == 200 for f in blocked)
    assert_i98_review(verdicts(r, "waf-partial"))


@case("Site faults", "robots.txt `Disallow: /fzzf/` (the 法治政府建设 column)",
      "`robots` recorded; nothing under /fzzf/ is requested; no FZ check FAIL or PASS; I98.a REVIEW")
def test_robots_disallow(runs: Runs) -> None:
    r = runs.get("public")
    assert "/fzzf/index.html" in paths(errors_of(r, "robots", "robots"))
    assert not [h for h in runs.server.hits("robots") if h["path"].startswith("/fzzf/")]
    assert_column_not_judged(verdicts(r, "robots"))


# --- traps ------------------------------------------------------------------------------------------------------------


@case("Site faults", "infinite calendars: `/hdrl/?month=…` (query) and `/cal/YYYY/MM/` (path), each month linking "
      "the next, the previous and its days, forever",
      "the crawl ends without exhausting the page budget (no 整站页数上限 row); I98.a PASS",
      "≤ 61 query variants of one path; ≤ 208 path pages (max_depth 12)")
def test_calendar_traps(runs: Runs) -> None:
    r = runs.get("public")
    assert verdicts(r, "calendar")["I98.a"]["verdict"] == "PASS"
    rows = fetches(r.db, "calendar")
    query_trap = [f for f in rows if "/hdrl/" in f["url"]]
    path_trap = [f for f in rows if "/cal/" in f["url"]]
    assert 10 <= len(query_trap) <= 61, len(query_trap)
    assert 10 <= len(path_trap) <= 8 * 26, len(path_trap)
    assert not query(r.db, "SELECT 1 FROM coverage WHERE site_id = 'calendar' AND column_key = '(site page budget)'")


@case("Site faults", f"one page with {FLOOD_LINKS:,} links to distinct pages (4 MB), `max_pages_per_site = 300`",
      "the crawl stops at the budget and records it; every absence becomes REVIEW (no FAIL at all); I98.a still "
      "PASS (columns are crawled first)", "run < 120 s, peak RSS < 600 MiB")
def test_link_flood(runs: Runs) -> None:
    r = runs.get("flood")
    records = verdicts(r, "flood")
    rows = fetches(r.db)
    flood = next(f for f in rows if f["url"].endswith("/rdc/index.html"))
    assert flood["error_type"] is None and flood["body_size"] > 3_000_000
    assert len(rows) <= 300 + 5
    assert query(r.db, "SELECT 1 FROM coverage WHERE column_key = '(site page budget)'")
    assert not [c for c, x in records.items() if x["verdict"] == "FAIL"]
    assert records["I98.a"]["verdict"] == "PASS"
    assert r.wall < 120 and r.maxrss_mb < 600, (r.wall, r.maxrss_mb)
