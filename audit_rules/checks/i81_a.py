"""政务公开清单（标准目录）及管理制度 (I81.a).

What it checks: that the unit publishes its 政务公开事项清单 / 标准目录 as a real list (a table with at least
three of the columns 公开事项, 公开内容, 公开依据, 公开时限, 公开主体, 公开渠道, 公开方式, 公开对象…), or a
政务公开清单管理制度 document.

Why it matters: plan item 81 (「实行政务公开清单管理制度，并动态更新」); 政府信息公开条例 第十二条 (目录「应当及时
更新」); 国办发〔2019〕54号 (基层政务公开标准目录).

How to pass: publish the 政务公开事项清单 / 标准目录 with its columns (事项, 内容, 依据, 时限, 主体, 渠道…) as text or a
spreadsheet in the 政府信息公开 column, or the 清单管理制度 itself.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import Candidate, find, flat
from audit_rules.machinery.verdicts import absent, candidate_list, finding_from, presence
from audit_rules.vocab.enforcement import I81_HEADERS, I81_LIST, I81_SYSTEM_TITLE
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I81.a", indicator_id="I81", title="政务公开清单（标准目录）及管理制度",
    failure_title="未找到政务公开事项清单（标准目录）或清单管理制度", automation="B",
    columns=("GK",), secondary=("WJ",),
)

MIN_HEADERS = 3  # rules_spec §6 I81.a


def qualifies(c: Candidate) -> bool:
    """A 制度 by its title, or a list whose text carries ≥ 3 of the 清单 columns."""
    if any(flat(w) in flat(c.doc.title) for w in I81_SYSTEM_TITLE):
        return True
    text = flat(c.doc.all_text)
    return sum(1 for h in I81_HEADERS if h in text) >= MIN_HEADERS


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = find(ev, I81_LIST)
    good = [c for c in cands if qualifies(c)]
    if good:
        return [presence(ev, META, I81_LIST, since=None, cands=good)]
    own = [c for c in cands if c.jurisdiction == "own"]
    if not own:
        return [absent(ev, META, I81_LIST)]
    # a 清单 page without its table: the table may be a scan, or the page a mere column index
    scans = [a.url for c in own for a in c.doc.attachments if a.scanned]
    reasons = ["R_COMPONENT_MISSING"] + (["R_SCANNED"] if scans else [])
    return [finding_from(META, Verdict.REVIEW, reasons, own[0], candidates=candidate_list(own),
                         headers_required=MIN_HEADERS, scanned=scans or None)]
