"""企业开办承诺时限不超过5个工作日 (I05.b).

What it checks: the committed 企业开办 time of the **latest** local commitment inside the audit window, read from
the text (「企业开办时间压缩至3个工作日以内」, 「半个工作日」 = 0.5, 「由5个工作日压缩至1个工作日」 → 1).
PASS if ≤ `thresholds.I05_max_wd` (5) 个工作日 (values in 天/日 ≤ 5 and 小时 ≤ 40 also pass), FAIL if above.
REVIEW: values of the latest commitment that disagree about the verdict; a value covering only 设立登记 rather
than the whole 开办 chain (登记 + 刻章 + 发票 + 社保); only a 省/国家 value (「全省压缩至3个工作日」,
R_WRONG_JURISDICTION); only commitments older than the window (R_STALE); a commitment document whose value cannot
be read. FAIL R_NOT_FOUND when no commitment document exists after complete coverage.

Why it matters: plan item 5 (「承诺办理时限不超过5个工作日」; 「承诺压缩企业开办时限不超过5个工作日的制度及相关
文件在网上公开」); 《优化营商环境条例》第十九条 (时限内「确定并公开具体办理时间」).

How to pass: publish the local 企业开办 commitment (「…企业开办全流程压缩至X个工作日以内」) with X ≤ 5 in the
政策文件 or 政务服务 column, and republish it when the limit is tightened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import Candidate, find, flat
from audit_rules.machinery.tables import number, unreadable
from audit_rules.machinery.verdicts import absent, candidate_list, finding_from, in_window
from audit_rules.vocab.services import (
    I05_COMMITMENT,
    I05_DURATION,
    I05_REGISTRATION_ONLY,
    I05_SUBJECT,
    I05_TARGET_MARKERS,
    I05_UPPER_LEVEL,
    I05_WHOLE_CHAIN,
    LOCAL_WORDS,
)
from govaudit.policy import Policy

META = RuleMeta(check_id="I05.b", indicator_id="I05", title="企业开办承诺时限不超过5个工作日",
                failure_title="企业开办承诺时限超过5个工作日或未公开", automation="A",
                columns=("WJ", "ZW"), secondary=("NEWS",))

_SUBJECT = re.compile(I05_SUBJECT)
_DURATION = re.compile(I05_DURATION)
REACH = 40  # the duration follows the subject within 40 characters (rules_spec §6 I05 value_regex)
HOURS_PER_DAY = 8
_ASIDE = re.compile(r"[(（][^()（）]*[)）]")


@dataclass(frozen=True)
class Commitment:
    value: float
    unit: str  # 工作日 | 天 | 日 | 小时
    scope: str  # chain | registration | upper
    snippet: str

    def within(self, max_days: float) -> bool:
        return self.value <= (max_days * HOURS_PER_DAY if self.unit == "小时" else max_days)

    @property
    def label(self) -> str:
        return f"{self.value:g}{'个' if self.unit == '工作日' else ''}{self.unit}"


def commitments(text: str) -> list[Commitment]:
    """Every 企业开办 duration of a text, one per sentence: the one after 压缩至/控制在 when there are several."""
    out: list[Commitment] = []
    for sentence in re.split(r"[。；;!！\n]", text):
        s = flat(sentence)
        m = _SUBJECT.search(_ASIDE.sub("", s))  # 「企业开办全流程（登记、刻章、发票…）压缩至…」: skip the aside
        if not m:
            continue
        tail = _ASIDE.sub("", s)[m.end():]
        found = [d for d in _DURATION.finditer(tail) if d.start() <= REACH and (d.group("num") or d.group("half"))
                 and not tail[:d.start()].endswith("月")]  # 「3月1日」 is a date
        if not found:
            continue
        targets = [d for d in found if any(w in tail[max(0, d.start() - 4):d.start()] for w in I05_TARGET_MARKERS)]
        d = targets[-1] if targets else found[0]
        value = (number(d.group("num")) if d.group("num") else 0.0)
        if value is None:
            continue
        value += 0.5 if d.group("half") else 0.0
        if any(w in s for w in I05_UPPER_LEVEL) and not any(w in s for w in LOCAL_WORDS):
            scope = "upper"
        elif any(w in tail[:d.start()] for w in I05_REGISTRATION_ONLY) and not any(w in s for w in I05_WHOLE_CHAIN):
            scope = "registration"
        else:
            scope = "chain"
        out.append(Commitment(value, d.group("unit"), scope, s[:300]))
    return out


def _record(meta: RuleMeta, verdict: Verdict, reasons: list[str], cand: Candidate, k: Commitment,
            **details: object) -> Finding:
    f = finding_from(meta, verdict, reasons, cand, value=k.value, unit=k.unit, scope=k.scope, **details)
    f.snippet = k.snippet
    if flat(k.snippet[:40]) not in flat(cand.doc.title + cand.doc.text):
        f.add("R_ATTACHMENT_ONLY")
    return f


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    limit = policy.thresholds.I05_max_wd
    cands = find(ev, I05_COMMITMENT)
    found = [(c, k) for c in cands for k in commitments(c.doc.all_text)]
    local = [(c, k) for c, k in found if c.jurisdiction == "own" and k.scope != "upper"]
    chain = [(c, k) for c, k in local if k.scope == "chain"]
    current = [(c, k) for c, k in chain if c.date is not None and in_window(c.date, ev.cycle_start, ev.as_of)]
    ranked = candidate_list([c for c, _ in found])
    if current:
        latest = max(c.date for c, _ in current if c.date)
        newest = [(c, k) for c, k in current if c.date == latest]
        cand, k = newest[0]
        values = sorted({x.label for _, x in newest})
        if len({x.within(limit) for _, x in newest}) > 1:  # the latest commitment disagrees with itself
            return [_record(META, Verdict.REVIEW, ["R_LOW_CONFIDENCE"], cand, k, values=values, max_workdays=limit)]
        verdict = Verdict.PASS if k.within(limit) else Verdict.FAIL
        return [_record(META, verdict, [] if verdict == Verdict.PASS else ["R_THRESHOLD"], cand, k, values=values,
                        max_workdays=limit, candidates=ranked)]
    if chain:
        cand, k = max(chain, key=lambda ck: ck[0].date.toordinal() if ck[0].date else 0)
        code = "R_STALE" if cand.date else "R_DATE_UNPARSED"
        return [_record(META, Verdict.REVIEW, [code], cand, k, window_start=ev.cycle_start.isoformat())]
    if local:  # the value covers only 设立登记
        cand, k = local[0]
        return [_record(META, Verdict.REVIEW, ["R_LOW_CONFIDENCE"], cand, k, candidates=ranked)]
    if found:  # only 省/国家 values, or values of another jurisdiction's document
        cand, k = found[0]
        return [_record(META, Verdict.REVIEW, ["R_WRONG_JURISDICTION"], cand, k, candidates=ranked)]
    titled = [c for c in cands if c.score >= 1.0 and c.jurisdiction == "own"]
    if titled:  # a commitment document whose value the rule cannot read
        cand = titled[0]
        return [finding_from(META, Verdict.REVIEW, [unreadable(cand.doc) or "R_LOW_CONFIDENCE"], cand,
                             candidates=ranked)]
    return [absent(ev, META, I05_COMMITMENT)]
