"""Absence semantics (rules_spec §5.8): 'not found' is a FAIL only after complete coverage."""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import Lexicon, flat
from govaudit.extract.columns import matches as column_matches

# A failure of these kinds breaks the structure of the site (a column, a list page, the homepage).
STRUCTURAL = ("home", "list", "api")


@dataclass
class CoverageGap:
    complete: bool
    reasons: list[str]

    def describe(self) -> str:
        return "；".join(self.reasons[:5])


def coverage_gap(ev: SiteEvidence, columns: tuple[str, ...], lex: Lexicon | None = None) -> CoverageGap:
    """Could the document have been missed? Yes when an authoritative column was not fully crawled,
    when a structural page failed, when the page budget ran out, or when a link whose text looks like
    the wanted document could not be fetched."""
    reasons: list[str] = []
    if ev.truncated:
        reasons.append("已达到每站抓取页数上限，部分页面未抓取")
    for row in ev.coverage:
        code = row.get("column_code")
        if row.get("complete"):
            continue
        if code is None or column_matches(code, columns):
            label = row.get("column_label") or row.get("column_key")
            reasons.append(f"栏目「{label}」未完整抓取（{row.get('stop_reason')}）")
    terms = tuple(flat(t) for t in (lex.terms if lex else ()))
    patterns = lex.title_regex if lex else ()
    for f in ev.failures:
        anchor = flat(f.anchor)
        # a link text that reads like the wanted document: its terms, or its title pattern (I98's report
        # titles are patterns only, 「…关于2025年度法治政府建设情况的报告」)
        named = bool(anchor) and (any(t in anchor for t in terms) or any(re.search(p, anchor) for p in patterns))
        in_column = bool(f.column_code and column_matches(f.column_code, columns))
        if f.error_type == "robots":
            # robots-disallowed pages are not seen either: they matter if they could be the document, or if
            # they are an authoritative column itself (an obeyed Disallow is not evidence of absence)
            if named or (in_column and (f.depth <= 1 or f.kind in STRUCTURAL)):
                reasons.append(f"robots.txt 禁止抓取「{f.anchor or f.url}」")
            continue
        if f.error_type == "mojibake":
            # fetched but unreadable (乱码): what the page is cannot be told, so any page of an
            # authoritative column could be the document
            if named or in_column:
                reasons.append(f"{f.url} 乱码，无法读取（mojibake）")
            continue
        # A failed column that is authoritative for the check, a failed list page, or a failed link that
        # looks like the wanted document. A broken link elsewhere (a 404 in a news list, a dead 网站地图)
        # says nothing about this check's columns.
        if (f.kind in STRUCTURAL and (not f.column_code or in_column)) or (f.depth <= 1 and in_column):
            reasons.append(f"{f.url} 抓取失败（{f.error_type}）")
        elif named:
            reasons.append(f"链接「{f.anchor}」抓取失败（{f.error_type}）")
    return CoverageGap(not reasons, reasons)
