"""One place that builds the rows every report shows: findings joined with catalogue titles, units,
jurisdictions, reason texts, dates, how-to-pass and manual overrides (plain data, no pandas)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from audit_rules.base import REASONS
from govaudit.catalogue import Indicator, load_catalogue
from govaudit.config import jurisdiction_name
from reports.how_to_pass import how_to_pass
from reports.style import fmt_date, severity, verdict_zh, worst
from storage.models import Finding as FindingRow
from storage.models import Override, Run
from storage.models import Site as SiteRow

# Short Chinese names of the 41 网络检索 items (sheet names, chart labels); rules_spec §1.1 / §6.
INDICATOR_SHORT: dict[str, str] = {
    "I01": "行政审批事项清单", "I02": "取消非许可审批及承接下放", "I03": "审批中介服务清理",
    "I05": "证照分离与企业开办时限", "I06": "一网一门一次", "I07": "权责清单与公共服务事项清单",
    "I08": "市场准入负面清单", "I09": "收费基金目录清单", "I13": "信用监管与失信黑榜",
    "I16": "政务诚信建设", "I17": "企业受损补偿案例", "I18": "涉企收费与监督检查清单",
    "I19": "购买公共服务与协会脱钩", "I20": "公开招标购买公共服务", "I24": "规章制定程序制度",
    "I25": "城建生态历史文化法规文件", "I26": "规章草案征求意见30日", "I27": "规范性文件征求意见7个工作日",
    "I29": "规范性文件公开及专家论证", "I30": "规范性文件网上公开", "I32": "规范性文件被通报撤销排查",
    "I33": "规章规范性文件后评估", "I35": "规范性文件清理结果", "I36": "重大行政决策目录与程序制度",
    "I38": "重大决策事项依据结果公开", "I39": "重大行政决策征求意见30日", "I40": "决策听取意见与民意调查",
    "I41": "专家论证材料", "I42": "决策风险评估", "I54": "行政执法公示", "I57": "执法决定公开时效",
    "I79": "政务咨询投诉平台与12345", "I80": "媒体曝光问题回应", "I81": "政务公开清单动态更新",
    "I82": "新闻发言人与突发事件发布", "I88": "行政复议网上办理", "I89": "复议权利告知与决定书公开",
    "I90": "法治宣传教育", "I98": "法治政府建设年度报告", "I100": "依法行政考核通报", "D1": "不实网络信息排查",
}

# details keys shown as dates / numbers (rules_spec §2.3), with their column headers.
DATE_FIELDS: tuple[tuple[str, str], ...] = (
    ("publish_date", "发布日期"), ("written_date", "成文日期"), ("decision_date", "决定日期"),
    ("comment_start", "征求意见起"), ("comment_end", "征求意见止"), ("deadline", "截止日期"),
)
NUMBER_FIELDS: tuple[tuple[str, str], ...] = (
    ("comment_days_natural", "征求意见天数（自然日）"), ("comment_days_working", "征求意见天数（工作日）"),
    ("lag_workdays", "滞后工作日"), ("report_year", "报告年度"),
)
ACTIONABLE = ("FAIL", "REVIEW", "ERROR")  # what a unit must act on
JUDGED = ("PASS", "FAIL", "REVIEW", "ERROR")  # the denominator of a pass rate (NA, PENDING are not due)


@dataclass(frozen=True)
class RunInfo:
    id: str
    kind: str
    status: str
    stage: str
    tool_version: str
    git_commit: str | None
    config_path: str
    config_hash: str
    policy_hash: str | None
    jurisdiction: str
    as_of: dt.date
    site_ids: tuple[str, ...]
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    counts: dict[str, Any]
    previous_run_id: str | None
    crawl_run_id: str | None
    note: str | None

    @classmethod
    def of(cls, run: Run) -> RunInfo:
        return cls(id=run.id, kind=run.kind, status=run.status, stage=run.stage, tool_version=run.tool_version,
                   git_commit=run.git_commit, config_path=run.config_path, config_hash=run.config_hash,
                   policy_hash=run.policy_hash, jurisdiction=run.jurisdiction, as_of=run.as_of,
                   site_ids=tuple(run.site_ids or ()), started_at=run.started_at, finished_at=run.finished_at,
                   counts=dict(run.counts or {}), previous_run_id=run.previous_run_id,
                   crawl_run_id=run.crawl_run_id, note=run.note)


@dataclass(frozen=True)
class SiteInfo:
    site_id: str
    name: str
    url: str
    level: str
    jurisdiction_id: str
    jurisdiction_name: str
    status: str
    error_type: str | None
    pages: int
    attachments: int
    errors: int

    @property
    def error_rate(self) -> float:
        return self.errors / max(self.pages + self.errors, 1)


@dataclass(frozen=True)
class UnitInfo:
    id: str
    name: str
    jurisdiction_id: str
    site_ids: tuple[str, ...]
    in_roster: bool


@dataclass(frozen=True)
class OverrideInfo:
    id: int
    site_id: str
    check_id: str
    scope: str
    doc_key: str
    verdict: str
    machine_verdict: str | None
    justification: str
    author: str
    created_at: dt.datetime | None
    run_id: str | None
    evidence_fingerprint: str | None
    revoked_at: dt.datetime | None
    revoked_reason: str | None

    @classmethod
    def of(cls, o: Override) -> OverrideInfo:
        return cls(id=o.id, site_id=o.site_id, check_id=o.check_id, scope=o.scope, doc_key=o.doc_key,
                   verdict=o.verdict, machine_verdict=o.machine_verdict, justification=o.justification,
                   author=o.author, created_at=o.created_at, run_id=o.run_id,
                   evidence_fingerprint=o.evidence_fingerprint, revoked_at=o.revoked_at,
                   revoked_reason=o.revoked_reason)


@dataclass(slots=True)
class Row:
    """One finding as the reports show it."""

    finding_id: int
    site_id: str
    site_name: str
    level: str
    jurisdiction_id: str
    jurisdiction_name: str
    indicator_id: str
    indicator_name: str
    check_id: str
    check_title: str
    check_class: str
    advisory: bool
    scope: str
    doc_key: str
    verdict: str
    machine_verdict: str
    reason_codes: tuple[str, ...]
    url: str | None
    title: str | None
    details: dict[str, Any]
    confidence: float | None
    snippet: str | None
    column_code: str | None
    unit_id: str
    unit_name: str
    lead_unit_id: str | None
    lead_unit_name: str
    how_to_pass: str
    override: OverrideInfo | None = None
    ratio: str | None = None

    @property
    def verdict_zh(self) -> str:
        return verdict_zh(self.verdict)

    @property
    def severity(self) -> int:
        return severity(self.verdict)

    @property
    def reasons_zh(self) -> str:
        return "；".join(REASONS.get(c, c) for c in self.reason_codes)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.site_id, self.check_id, self.scope, self.doc_key)

    @property
    def override_expired(self) -> dict[str, Any] | None:
        value = self.details.get("override_expired")
        return value if isinstance(value, dict) else None

    def date(self, name: str) -> str:
        return fmt_date(self.details.get(name))

    def key_dates(self) -> str:
        """'发布日期 2024-04-10；截止日期 2024-03-31；滞后工作日 7' — the dates behind the verdict."""
        parts = [f"{label} {self.date(k)}" for k, label in DATE_FIELDS if self.details.get(k)]
        parts += [f"{label} {self.details[k]}" for k, label in NUMBER_FIELDS if self.details.get(k) is not None]
        return "；".join(parts)

    def extra(self) -> str:
        """Other facts behind the verdict worth a human's eye (per-year results, NA reason, errors)."""
        d = self.details
        parts: list[str] = []
        years = d.get("years")
        if isinstance(years, dict) and years:
            parts.append("分年度：" + "，".join(f"{y}年{verdict_zh(v)}" for y, v in sorted(years.items())))
        if d.get("copies"):
            parts.append(f"找到 {d['copies']} 份")
        for key in ("why", "site_error", "error"):
            if d.get(key):
                parts.append(str(d[key])[:300])
        gaps = d.get("coverage_gaps")
        if isinstance(gaps, list) and gaps:
            parts.append("未完整抓取：" + "；".join(str(g) for g in gaps[:3]))
        if d.get("doc_number"):
            parts.append(f"文号 {d['doc_number']}")
        return "；".join(parts)

    def candidates(self, n: int = 3) -> str:
        cands = self.details.get("candidates")
        if not isinstance(cands, list):
            return ""
        out = []
        for i, c in enumerate(cands[:n], 1):
            if isinstance(c, dict):
                out.append(f"{i}. {c.get('title') or ''} {c.get('url') or ''}".strip())
        return "\n".join(out)


@dataclass
class RunData:
    run: RunInfo
    sites: list[SiteInfo]
    rows: list[Row]
    units: dict[str, UnitInfo]
    overrides: list[OverrideInfo]
    indicators: list[Indicator]
    top_jurisdiction_id: str | None
    jurisdictions: dict[str, str] = field(default_factory=dict)  # id -> name, in display order

    @property
    def site_rows(self) -> list[Row]:
        return [r for r in self.rows if r.scope == "site"]

    def site(self, site_id: str) -> SiteInfo | None:
        return next((s for s in self.sites if s.site_id == site_id), None)

    def indicator_matrix(self) -> dict[tuple[str, str], str]:
        """(indicator_id, site_id) -> worst non-advisory site-scope verdict (rules_spec §2.5)."""
        groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        for r in self.rows:
            if r.scope == "site" and not r.advisory:
                groups[(r.indicator_id, r.site_id)].append(r.verdict)
        return {k: w for k, vs in groups.items() if (w := worst(vs)) is not None}

    def jurisdiction_matrix(self) -> dict[tuple[str, str], str]:
        """(indicator_id, jurisdiction_id) -> worst over the sites (units) of the jurisdiction."""
        by_site = {s.site_id: s.jurisdiction_id for s in self.sites}
        groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        for (ind, site_id), v in self.indicator_matrix().items():
            groups[(ind, by_site.get(site_id, ""))].append(v)
        return {k: w for k, vs in groups.items() if (w := worst(vs)) is not None}

    def indicator_name(self, indicator_id: str) -> str:
        return INDICATOR_SHORT.get(indicator_id, "相关检查")

    @cached_property
    def lead_units(self) -> dict[str, tuple[str, list[str]]]:
        """lead_unit_id -> (name, indicator ids it leads), as the findings of the run name them."""
        out: dict[str, tuple[str, list[str]]] = {}
        for r in self.rows:
            if r.lead_unit_id:
                name, inds = out.setdefault(r.lead_unit_id, (r.lead_unit_name, []))
                if r.indicator_id not in inds:
                    inds.append(r.indicator_id)
        return out

    @cached_property
    def rows_by_unit(self) -> dict[str, list[Row]]:
        out: dict[str, list[Row]] = defaultdict(list)
        for r in self.rows:
            out[r.unit_id].append(r)
        return out

    @cached_property
    def rows_by_lead(self) -> dict[str, list[Row]]:
        out: dict[str, list[Row]] = defaultdict(list)
        for r in self.rows:
            if r.lead_unit_id:
                out[r.lead_unit_id].append(r)
        return out


def pass_rate(verdicts: Iterable[str]) -> float | None:
    """PASS among judged (PASS/FAIL/REVIEW/ERROR); NA and PENDING are not counted; None if nothing judged."""
    judged = [v for v in verdicts if v in JUDGED]
    return sum(1 for v in judged if v == "PASS") / len(judged) if judged else None


def _slug_names() -> dict[str, str]:
    """Plan slug -> Chinese unit name ('sfj' -> '市司法局'), learned from the catalogue itself."""
    out: dict[str, str] = {"gov": "人民政府"}
    for ind in load_catalogue().indicators:
        for name, slug in zip(ind.units, ind.unit_slugs, strict=False):
            if not slug.startswith("*"):
                out.setdefault(slug, name)
    return out


def _unit_name(unit_id: str, roster: dict[str, str], jur_names: dict[str, str], top: str | None,
               sites: list[SiteInfo], slugs: dict[str, str]) -> str:
    if unit_id in roster:
        return roster[unit_id]
    jur, _, slug = unit_id.partition(":")
    if slug == "gov":
        site = next((s for s in sites if s.jurisdiction_id == jur and s.level != "department"), None)
        return site.name if site else f"{jur_names.get(jur, jur)}人民政府"
    site = next((s for s in sites if s.site_id == slug), None)
    if site is not None:  # a default unit: the site itself (config without a roster)
        return site.name
    if slug in slugs:
        name = slugs[slug]
        if jur == top or jur not in jur_names:
            return name
        return f"{jur_names[jur]}{name.removeprefix('市')}"  # the county analogue: 市司法局 -> 叶县司法局
    return unit_id


def load_run(sessions: sessionmaker[Session], run_id: str, config: Any = None) -> RunData:
    """Everything the reports of one stored run show, read in a few queries."""
    catalogue = load_catalogue()
    with sessions() as s:
        run_row = s.get(Run, run_id)
        if run_row is None:
            raise KeyError(run_id)
        run = RunInfo.of(run_row)
        site_rows = s.execute(select(SiteRow).where(SiteRow.run_id == (run.crawl_run_id or run.id))).scalars().all()
        finding_rows = s.execute(select(FindingRow.__table__).where(FindingRow.run_id == run_id)).mappings().all()
        site_ids = {r.site_id for r in site_rows} | {f["site_id"] for f in finding_rows}
        overrides = [OverrideInfo.of(o) for o in s.execute(
            select(Override).where(Override.site_id.in_(site_ids)).order_by(Override.id)).scalars()]

    roster: dict[str, str] = {}
    roster_units: list[Any] = []
    jur_names: dict[str, str] = {}
    top: str | None = None
    if config is not None:
        roster_units = list(config.units)
        roster = {u.id: u.name for u in roster_units}
        jur_names = {j.id: j.name for j in config.jurisdictions}
        top = config.audit.jurisdiction_id
    city_sites = [r for r in site_rows if r.level == "city"]
    if top is None and city_sites:
        top = city_sites[0].jurisdiction_id
    for r in site_rows:
        if r.jurisdiction_id not in jur_names:
            jur_names[r.jurisdiction_id] = run.jurisdiction if r.level in ("city", "department") \
                else jurisdiction_name(r.name)
    sites = [SiteInfo(site_id=r.site_id, name=r.name, url=r.url, level=r.level, jurisdiction_id=r.jurisdiction_id,
                      jurisdiction_name=jur_names.get(r.jurisdiction_id, r.jurisdiction_id), status=r.status,
                      error_type=r.error_type, pages=r.pages or 0, attachments=r.attachments or 0,
                      errors=r.errors or 0) for r in site_rows]
    order = {sid: i for i, sid in enumerate(run.site_ids)}
    sites.sort(key=lambda x: (order.get(x.site_id, len(order)), x.site_id))
    known = {x.site_id for x in sites}
    for sid in sorted({f["site_id"] for f in finding_rows} - known):  # findings of a site with no run_sites row
        sites.append(SiteInfo(sid, sid, "", "", "", "", "unknown", None, 0, 0, 0))
    site_by_id = {x.site_id: x for x in sites}

    slugs = _slug_names()
    unit_names: dict[str, str] = {}

    def unit_name(uid: str) -> str:
        if uid not in unit_names:
            unit_names[uid] = _unit_name(uid, roster, jur_names, top, sites, slugs)
        return unit_names[uid]

    by_override = {o.id: o for o in overrides}
    check_info: dict[str, tuple[str, str, bool, str, str]] = {}
    rows: list[Row] = []
    for f in finding_rows:
        cid = f["check_id"]
        if cid not in check_info:
            try:
                c = catalogue.check(cid)
                check_info[cid] = (c.title, c.cls, c.advisory, how_to_pass(cid), c.indicator_id)
            except KeyError:
                check_info[cid] = (cid, "", bool(f["advisory"]), how_to_pass(cid), f["indicator_id"])
        title, cls, advisory, htp, ind_id = check_info[cid]
        site = site_by_id[f["site_id"]]
        ind_id = f["indicator_id"] or ind_id
        lead_id = f["lead_unit_id"]
        try:
            ind_lead = catalogue.indicator(ind_id).lead_unit
        except KeyError:
            ind_lead = ""
        uid = f["unit_id"] or f"{site.jurisdiction_id}:gov"
        rows.append(Row(
            finding_id=f["id"], site_id=site.site_id, site_name=site.name, level=site.level,
            jurisdiction_id=f["jurisdiction_id"] or site.jurisdiction_id,
            jurisdiction_name=jur_names.get(f["jurisdiction_id"] or site.jurisdiction_id, site.jurisdiction_name),
            indicator_id=ind_id, indicator_name=INDICATOR_SHORT.get(ind_id, "相关检查"), check_id=cid,
            check_title=title, check_class=cls, advisory=bool(f["advisory"]) or advisory, scope=f["scope"],
            doc_key=f["doc_key"] or "", verdict=f["verdict"], machine_verdict=f["machine_verdict"],
            reason_codes=tuple(f["reason_codes"] or ()), url=f["url"], title=f["title"],
            details=dict(f["details"] or {}), confidence=f["confidence"], snippet=f["snippet"],
            column_code=f["column_code"], unit_id=uid, unit_name=unit_name(uid), lead_unit_id=lead_id,
            lead_unit_name=unit_name(lead_id) if lead_id else ind_lead, how_to_pass=htp,
            override=by_override.get(f["override_id"]) if f["override_id"] is not None else None,
        ))
    _fill_ratios(rows)
    ind_order = {ind.id: i for i, ind in enumerate(catalogue.indicators)}
    check_order = {c.id: i for i, c in enumerate(catalogue.checks)}
    site_order = {x.site_id: i for i, x in enumerate(sites)}
    rows.sort(key=lambda r: (ind_order.get(r.indicator_id, 999), check_order.get(r.check_id, 999), r.check_id,
                             site_order.get(r.site_id, 999), r.scope != "site", -r.severity,
                             r.date("publish_date"), r.url or ""))

    indicators = list(catalogue.net_search_indicators)
    shown = {i.id for i in indicators}
    for extra in sorted({r.indicator_id for r in rows} - shown, key=lambda i: ind_order.get(i, 999)):
        try:
            indicators.append(catalogue.indicator(extra))
        except KeyError:
            continue

    units: dict[str, UnitInfo] = {}
    for u in roster_units:
        units[u.id] = UnitInfo(u.id, u.name, u.jurisdiction_id, tuple(u.site_ids), True)
    for row in rows:
        if row.unit_id not in units:
            units[row.unit_id] = UnitInfo(row.unit_id, row.unit_name, row.unit_id.partition(":")[0], (), False)
        u = units[row.unit_id]
        if row.site_id not in u.site_ids and not u.in_roster:
            units[row.unit_id] = UnitInfo(u.id, u.name, u.jurisdiction_id, (*u.site_ids, row.site_id), False)
    jur_order = [s.jurisdiction_id for s in sites]
    jurisdictions = {j: jur_names.get(j, j) for j in dict.fromkeys(jur_order) if j}
    return RunData(run=run, sites=sites, rows=rows, units=units, overrides=overrides, indicators=indicators,
                   top_jurisdiction_id=top, jurisdictions=jurisdictions)


def _fill_ratios(rows: list[Row]) -> None:
    """Per-item checks report their ratio (rules_spec §2.5.3): PASS documents / judged documents."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        if r.scope == "document" and r.verdict in ("PASS", "FAIL"):
            c = counts[(r.site_id, r.check_id)]
            c[1] += 1
            c[0] += r.verdict == "PASS"
    for r in rows:
        if r.scope != "site":
            continue
        if isinstance(r.details.get("ratio"), str):
            r.ratio = r.details["ratio"]
        elif (r.site_id, r.check_id) in counts:
            n_pass, n = counts[(r.site_id, r.check_id)]
            r.ratio = f"{n_pass}/{n}"


def lead_units(data: RunData) -> dict[str, tuple[str, list[str]]]:
    """lead_unit_id -> (name, indicator ids it leads) as the findings of the run name them."""
    return data.lead_units
