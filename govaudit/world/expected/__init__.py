"""Hand-written expected findings of the world (one TOML per site) and their comparison with findings.jsonl.

Format of expected/<site>.toml:

    site = "pds"
    level = "city"
    [checks]                      # EVERY check id of catalogue/checks.toml
    "I98.a" = { verdict = "FAIL", reasons = ["R_LATE"] }   # reasons: codes the record must carry (⊇)
    [[documents]]                 # document-scope records (CONTRACT §3), by planted key → URL path
    check = "I98.a"
    doc = "pds.I98.2024"
    verdict = "FAIL"              # "ABSENT": no record of this check may name this document
    reasons = ["R_LATE"]
    doc_number = "…"              # table rows: the row's 文号 in details.doc_number
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

VERDICTS = ("PASS", "FAIL", "REVIEW", "PENDING", "NA", "ERROR")


@dataclass(frozen=True)
class ExpectedCheck:
    verdict: str
    reasons: tuple[str, ...] = ()
    not_reasons: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class ExpectedDoc:
    check: str
    doc: str
    verdict: str
    reasons: tuple[str, ...] = ()
    doc_number: str = ""
    note: str = ""


@dataclass
class SiteExpected:
    site: str
    level: str
    checks: dict[str, ExpectedCheck] = field(default_factory=dict)
    documents: list[ExpectedDoc] = field(default_factory=list)


def _parse(data: Mapping[str, Any], name: str) -> SiteExpected:
    exp = SiteExpected(site=data["site"], level=data["level"])
    for check, spec in data.get("checks", {}).items():
        if spec["verdict"] not in VERDICTS:
            raise ValueError(f"{name}: {check}: unknown verdict {spec['verdict']!r}")
        exp.checks[check] = ExpectedCheck(spec["verdict"], tuple(spec.get("reasons", ())),
                                          tuple(spec.get("not_reasons", ())), spec.get("note", ""))
    for spec in data.get("documents", []):
        if spec["verdict"] not in (*VERDICTS, "ABSENT"):
            raise ValueError(f"{name}: document {spec['doc']}: unknown verdict {spec['verdict']!r}")
        exp.documents.append(ExpectedDoc(spec["check"], spec["doc"], spec["verdict"], tuple(spec.get("reasons", ())),
                                         spec.get("doc_number", ""), spec.get("note", "")))
    return exp


def load_expected() -> dict[str, SiteExpected]:
    out: dict[str, SiteExpected] = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            exp = _parse(tomllib.loads(entry.read_text(encoding="utf-8")), entry.name)
            out[exp.site] = exp
    return out


# --- comparison ----------------------------------------------------------------------------------------

@dataclass
class Row:
    site: str
    check: str
    scope: str          # "site" | "document"
    what: str           # '' for site rows, the planted key (+ 文号) for documents
    expected: str
    actual: str
    ok: bool
    missing_reasons: tuple[str, ...] = ()


@dataclass
class Comparison:
    rows: list[Row]

    @property
    def agreement(self) -> float:
        return 100.0 * sum(r.ok for r in self.rows) / len(self.rows) if self.rows else 100.0

    def mismatches(self) -> list[Row]:
        return [r for r in self.rows if not r.ok]

    def table(self, limit: int = 400) -> str:
        bad = self.mismatches()
        lines = [f"agreement {self.agreement:.1f}% ({len(self.rows) - len(bad)}/{len(self.rows)})",
                 f"{'site':9} {'check':7} {'scope':8} {'expected':26} {'actual':26} document"]
        for r in bad[:limit]:
            exp = r.expected + (f" +{','.join(r.missing_reasons)}" if r.missing_reasons else "")
            lines.append(f"{r.site:9} {r.check:7} {r.scope:8} {exp[:26]:26} {r.actual[:26]:26} {r.what}")
        if len(bad) > limit:
            lines.append(f"… {len(bad) - limit} more")
        return "\n".join(lines)


def read_findings(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _path_of(url: str | None) -> str:
    if not url:
        return ""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def compare(findings: Iterable[Mapping[str, Any]], manifest: Mapping[str, Any],
            expected: Mapping[str, SiteExpected] | None = None) -> Comparison:
    """Site scope: verdict equal and reason codes ⊇ expected. Documents: matched by URL path (any of the
    planted page's URLs), then verdict equal and reasons ⊇ expected; "ABSENT" rows pass when no record exists."""
    expected = expected or load_expected()
    planted = {k: v for p in manifest["portals"] for k, v in p["planted"].items()}
    site_recs: dict[tuple[str, str], Mapping[str, Any]] = {}
    doc_recs: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for rec in findings:
        if rec.get("scope") == "site":
            site_recs[(rec["site_id"], rec["check_id"])] = rec
        elif rec.get("scope") == "document":
            doc_recs.setdefault((rec["site_id"], rec["check_id"]), []).append(rec)
    rows: list[Row] = []
    for sid, exp in expected.items():
        for check, ec in exp.checks.items():
            found = site_recs.get((sid, check))
            actual = found["verdict"] if found else "(no record)"
            codes = set(found.get("reason_codes", ())) if found else set()
            missing = tuple(c for c in ec.reasons if c not in codes)
            forbidden = [c for c in ec.not_reasons if c in codes]
            ok = found is not None and actual == ec.verdict and not missing and not forbidden
            label = actual + (f" [{','.join(sorted(codes))}]" if codes else "")
            rows.append(Row(sid, check, "site", "", ec.verdict + (f" [{','.join(ec.reasons)}]" if ec.reasons else ""),
                            label, ok, missing))
        for ed in exp.documents:
            info = planted.get(ed.doc)
            paths = {_path_of(u) for u in ([info["url"], *info.get("alt_urls", [])] if info else [])}
            recs = [r for r in doc_recs.get((sid, ed.check), []) if _path_of(r.get("url")) in paths
                    and (not ed.doc_number or (r.get("details") or {}).get("doc_number") == ed.doc_number)]
            what = ed.doc + (f" {ed.doc_number}" if ed.doc_number else "")
            if ed.verdict == "ABSENT":
                rows.append(Row(sid, ed.check, "document", what, "ABSENT",
                                ",".join(r["verdict"] for r in recs) or "ABSENT", not recs))
                continue
            if not recs:
                rows.append(Row(sid, ed.check, "document", what, ed.verdict, "(no record)", False))
                continue
            first = recs[0]
            codes = set(first.get("reason_codes", ()))
            missing = tuple(c for c in ed.reasons if c not in codes)
            rows.append(Row(sid, ed.check, "document", what, ed.verdict, first["verdict"],
                            first["verdict"] == ed.verdict and not missing, missing))
    return Comparison(rows)


# --- documentation ---------------------------------------------------------------------------------------

LIVE_SITES = ("pds", "yexian", "baofeng", "weidong", "pds-sfj")


def _cell(ec: ExpectedCheck) -> str:
    short = [r.removeprefix("R_") for r in ec.reasons if r not in ("R_NEEDS_JUDGEMENT",)]
    return ec.verdict + (" " + ",".join(short) if short else "")


def markdown() -> str:
    """The verdict matrix and the per-site notes of the expected files (README "Expected findings")."""
    from govaudit.catalogue import load_checks

    expected = load_expected()
    checks = [c for cs in load_checks().values() for c in cs]
    lines = ["| check | class | " + " | ".join(LIVE_SITES) + " |", "|---|:-:|" + "---|" * len(LIVE_SITES)]
    for c in checks:
        cls = c.cls + ("*" if c.advisory else "")
        lines.append(f"| {c.id} | {cls} | " + " | ".join(_cell(expected[s].checks[c.id]) for s in LIVE_SITES) + " |")
    lines += ["", "`*` advisory. jiaxian (dead) and wugang (WAF): every applicable check ERROR "
              "R_SITE_UNREACHABLE / R_BLOCKED, city-only checks NA.", ""]
    for sid in LIVE_SITES:
        exp = expected[sid]
        lines.append(f"**{sid}** — why:")
        lines += [f"- {cid} {ec.verdict}: {ec.note}" for cid, ec in exp.checks.items() if ec.note]
        docs = [f"- doc {ed.check} `{ed.doc}`{' ' + ed.doc_number if ed.doc_number else ''} {ed.verdict}"
                + (f": {ed.note}" if ed.note else "") for ed in exp.documents]
        lines += docs + [""]
    return "\n".join(lines).rstrip() + "\n"
