"""The rule catalogue for people: `govaudit rules` (table) and `govaudit rules --markdown`."""

from __future__ import annotations

import re

from audit_rules.registry import Rule, load_rules
from govaudit.catalogue import load_catalogue

SECTIONS = {"What it checks:": "检查内容", "Why it matters:": "依据", "How to pass:": "达标要求"}


def sections(rule: Rule) -> dict[str, str]:
    """The docstring's fixed sections, keyed by their heading ('What it checks:' …)."""
    doc = rule.doc
    out: dict[str, str] = {}
    heads = list(SECTIONS)
    for i, head in enumerate(heads):
        start = doc.find(head)
        if start < 0:
            continue
        start += len(head)
        ends = [doc.find(h, start) for h in heads[i + 1:] if doc.find(h, start) >= 0]
        out[head] = re.sub(r"\s*\n\s*", " ", doc[start: min(ends) if ends else len(doc)]).strip()
    return out


def how_to_pass(check_id: str) -> str:
    for rule in load_rules():
        if rule.meta.check_id == check_id:
            return sections(rule).get("How to pass:", rule.meta.title)
    return ""


def rules_table() -> str:
    lines = [f"{'检查项':<8} {'类别':<4} {'提示':<4} {'栏目':<22} 标题"]
    for rule in load_rules():
        m = rule.meta
        lines.append(f"{m.check_id:<8} {m.automation:<4} {'是' if m.advisory else '':<4} "
                     f"{','.join(m.columns):<22} {m.title}")
    lines.append(f"共 {len(load_rules())} 个检查项 / {len(load_rules())} checks")
    return "\n".join(lines)


def rules_markdown() -> str:
    catalogue = load_catalogue()
    rules = {r.meta.check_id: r for r in load_rules()}
    out = ["# govaudit 判定规则目录", "",
           "每个检查项的检查内容、依据和达标要求。A 类按日期和数值自动判定；B 类检查信息是否公开；"
           "C 类需人工判断，工具只提供候选证据。", ""]
    for ind in catalogue.net_search_indicators:
        out += [f"## {ind.id} {ind.label}", "", f"> {ind.text}", "", f"网络检索要求：{ind.net_search}", "",
                f"责任单位：{'、'.join(ind.units)}{'；各县（市、区）按职责分工分别负责' if ind.counties_responsible else ''}", ""]
        for check in ind.checks:
            rule = rules.get(check.id)
            flag = "（提示性）" if check.advisory else ""
            out.append(f"### {check.id} {check.title}{flag} · {check.cls} 类")
            out.append("")
            if rule is None:
                out += ["（规则尚未实现）", ""]
                continue
            secs = sections(rule)
            for head, zh in SECTIONS.items():
                if head in secs:
                    out.append(f"- **{zh}**：{secs[head]}")
            out.append(f"- **权威栏目**：{'、'.join(rule.meta.columns)}")
            out.append("")
    return "\n".join(out)
