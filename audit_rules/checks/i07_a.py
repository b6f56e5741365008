"""各政府工作部门权责清单公开 (I07.a).

What it checks: per 政府工作部门, that a 权责清单 attributable to it is published and names the five elements of
the indicator (事项名称, 法律依据, 实施主体, 监督方式, 责任方式). On a government site the departments are the
roster of I07.b (the 机构设置 page, else the departments the consolidated list names) and a list is the
department's own document, or its attachment, sheet, rows (部门 column) or section in the consolidated list; one
document record per department, the site record is the worst of them with the ratio. On a department site the
department's own list is checked. A department without a list → FAIL after complete coverage (REVIEW when the
crawl was incomplete or a consolidated list names no departments); an element missing → REVIEW
R_COMPONENT_MISSING; an unreadable list → REVIEW.

Why it matters: plan item 7 (「编制并对外公布全部政府工作部门的权责清单…逐一明确事项名称、法律依据、实施主体、
监督方式、责任方式等相关事项」); 中办发〔2015〕21号.

How to pass: publish each department's 权责清单 with columns for 事项名称, 设定依据, 实施主体, 监督方式 and
责任事项, in the 权责清单 column of the portal (per department) or on the department's site.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import find
from audit_rules.machinery.tables import DeptList, Roster, doubt_about_missing, roster_of
from audit_rules.machinery.verdicts import aggregate, components_present, finding_from, presence
from audit_rules.vocab.services import I07_COMPONENTS, I07_POWER_LIST
from govaudit.policy import Policy

META = RuleMeta(check_id="I07.a", indicator_id="I07", title="各政府工作部门权责清单公开",
                failure_title="部分政府工作部门未公开权责清单或清单要素不全", automation="B",
                columns=("QZ", "GK.FD", "JG"), secondary=("WJ",), per_document=True)


def _components(f: Finding, text: str) -> Finding:
    parts = components_present(text, I07_COMPONENTS)
    f.details["components"] = parts
    missing = [name for name, ok in parts.items() if not ok]
    if missing and f.verdict == Verdict.PASS:
        f.verdict = Verdict.REVIEW
        f.add("R_COMPONENT_MISSING")
        f.details["missing_components"] = missing
    return f


def _row(name: str, found: DeptList | None, doubts: list[str]) -> Finding:
    f = Finding(check_id=META.check_id, verdict=Verdict.PASS, scope="document", title=f"{name}权责清单",
                url=found.url if found else None, details={"row_key": name, "department": name})
    if found is None or found.status == "empty":
        f.verdict = Verdict.REVIEW if doubts else Verdict.FAIL
        return f.add(*(doubts or ["R_NOT_FOUND"]))
    f.details.update(where=found.where, date=found.date.isoformat() if found.date else None)
    if found.reason:
        f.verdict = Verdict.REVIEW
        return f.add(found.reason)
    return _components(f, found.text)


def _department_site(ev: SiteEvidence) -> list[Finding]:
    f = presence(ev, META, I07_POWER_LIST)
    doc = next((d for d in ev.docs if (d.final_url or d.url) == f.url), None)
    return [_components(f, doc.all_text) if doc is not None else f]


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    if ev.level == "department":
        return _department_site(ev)
    r: Roster = roster_of(ev)
    if not r.expected:
        f = presence(ev, META, I07_POWER_LIST)
        if f.verdict == Verdict.PASS:  # a consolidated list that names no departments: attribution is a judgement
            f.verdict = Verdict.REVIEW
            f.add("R_LOW_CONFIDENCE")
        return [f]
    doubts = doubt_about_missing(ev, r, META.columns)
    rows = [_row(name, r.lists.get(key), doubts) for key, name in r.expected.items()]
    cands = [c for c in find(ev, I07_POWER_LIST) if c.score >= 1.0 and c.jurisdiction == "own"]
    empty = finding_from(META, Verdict.REVIEW, ["R_LOW_CONFIDENCE"], cands[0] if cands else None)
    site = aggregate(META, rows, empty=empty, roster_source="机构设置" if r.departments else "清单自身",
                     roster_url=r.roster_url,
                     missing=[name for key, name in r.expected.items()
                              if key not in r.lists or r.lists[key].status == "empty"])
    site.details.pop("row_key", None)
    site.details.pop("department", None)
    return [site, *rows]
