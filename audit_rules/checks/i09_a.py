"""行政事业性收费和政府性基金目录清单（现行版本） (I09.a).

What it checks: that the 行政事业性收费 / 政府性基金 目录清单 in force is published: the newest list's version
year (from its title, 「（2025年）」 / 「2025年版」, else its publication year) is at least the audit year minus
one. Only older versions → REVIEW R_STALE. Only a 省/国家 list republished without local scope → REVIEW
R_WRONG_JURISDICTION; a 省 list published as 「我市执行的」 (or 市级执收) counts as the local list.

Why it matters: plan item 9 (「市行政事业性收费和政府性基金目录清单…在网上公开」); 《优化营商环境条例》第二十五条
(「实行目录清单管理并向社会公开」); 《政府信息公开条例》第二十条(八).

How to pass: publish the current 「XX市行政事业性收费目录清单（20XX年）」 and 政府性基金目录清单 every year (or
when they change) in the 收费目录 column or the 财政局 政府信息公开 column.
"""

from __future__ import annotations

import re

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import Candidate, find, flat
from audit_rules.machinery.verdicts import candidate_list, finding_from, presence
from audit_rules.vocab.services import I09_FEE_LIST, I09_LOCAL_SCOPE
from govaudit.policy import Policy

META = RuleMeta(check_id="I09.a", indicator_id="I09", title="行政事业性收费和政府性基金目录清单（现行版本）",
                failure_title="未找到现行的行政事业性收费和政府性基金目录清单", automation="B",
                columns=("SF", "WJ", "GK.FD"), secondary=("NEWS",))

_VERSION = re.compile(r"(20\d{2})年")


def version_year(c: Candidate) -> int | None:
    m = _VERSION.search(flat(c.doc.title))
    return int(m.group(1)) if m else (c.date.year if c.date else None)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = find(ev, I09_FEE_LIST)
    for c in cands:
        if c.jurisdiction == "other" and any(w in flat(c.doc.all_text[:3000]) for w in I09_LOCAL_SCOPE):
            c.jurisdiction = "own"  # 「我市执行的…目录清单」: the 省 list with an explicit local scope
    f = presence(ev, META, I09_FEE_LIST, cands=cands, since=None)  # the version year, not the window, decides
    if f.verdict != Verdict.PASS:
        return [f]
    versions = [(y, c) for c in cands if c.score >= 1.0 and c.jurisdiction == "own" and (y := version_year(c))]
    if not versions:
        return [finding_from(META, Verdict.REVIEW, ["R_DATE_UNPARSED"], cands[0], candidates=candidate_list(cands))]
    year, cand = max(versions, key=lambda v: (v[0], v[1].date.toordinal() if v[1].date else 0))
    current = year >= ev.as_of.year - policy.thresholds.I09a_max_version_age_years
    return [finding_from(META, Verdict.PASS if current else Verdict.REVIEW, [] if current else ["R_STALE"], cand,
                         version_year=year, candidates=candidate_list(cands))]
