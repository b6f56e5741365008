"""Verdict builders shared by the rules: presence (class B), candidates for review (class C),
aggregation (rules_spec §2.5), windows (§5.9) and freshness."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from audit_rules.base import SEVERITY, Finding, RuleMeta, Verdict
from audit_rules.evidence import Doc, SiteEvidence
from audit_rules.machinery.coverage import coverage_gap
from audit_rules.machinery.find import Candidate, Lexicon, find, flat
from audit_rules.machinery.periods import deadline_date

BOUNDARY_DAYS = 31  # a date this close to a window edge makes the verdict depend on the date's source


def doc_details(doc: Doc) -> dict[str, Any]:
    d: dict[str, Any] = {
        "publish_date": iso(doc.publish_date), "publish_date_source": doc.publish_source,
        "written_date": iso(doc.written_date), "doc_number": doc.doc_number, "index_no": doc.index_no,
        "publisher": doc.publisher,
    }
    if doc.date_conflict:
        d["publish_date_candidates"] = {k: iso(v) for k, v in doc.publish_candidates.items()}
    atts = [{"url": a.url, "name": a.name, "kind": a.kind, "scanned": a.scanned, "error": a.error or a.fetch_error}
            for a in doc.attachments]
    if atts:
        d["attachments"] = atts
    return {k: v for k, v in d.items() if v not in (None, [], {})}


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def candidate_list(cands: Sequence[Candidate], n: int = 5) -> list[dict[str, Any]]:
    return [{"url": c.doc.url, "title": c.doc.title_raw, "score": round(c.score, 2), "where": c.where,
             "date": iso(c.date), "jurisdiction": c.jurisdiction} for c in cands[:n]]


def finding_from(meta: RuleMeta, verdict: Verdict, reasons: Iterable[str], cand: Candidate | None = None,
                 **details: Any) -> Finding:
    f = Finding(check_id=meta.check_id, verdict=verdict)
    f.add(*reasons)
    if cand is not None:
        f.url, f.title = cand.doc.final_url or cand.doc.url, cand.doc.title_raw or cand.doc.title
        f.content_sha256 = cand.doc.sha256
        f.snippet = (cand.snippet or "")[:300]
        f.details.update(doc_details(cand.doc))
        f.details["keywords_hit"] = cand.hits
        f.confidence = round(cand.score, 2)
        f.column_code = next(iter(sorted(cand.doc.column_codes)), None)
    f.details.update({k: v for k, v in details.items() if v is not None})
    return f


def absent(ev: SiteEvidence, meta: RuleMeta, lex: Lexicon | None, *, department_review: bool = False,
           columns: tuple[str, ...] | None = None, **details: Any) -> Finding:
    """Nothing found: FAIL after complete coverage, REVIEW otherwise (never FAIL on a partial crawl)."""
    gap = coverage_gap(ev, columns if columns is not None else meta.columns, lex)
    if not gap.complete:
        return finding_from(meta, Verdict.REVIEW, ["R_NOT_FOUND", "R_COVERAGE_INCOMPLETE"],
                            coverage_gaps=gap.reasons[:10], **details)
    if (department_review and ev.level == "department") or ev.party_or_npc:
        # rules_spec §3.3: 党委/人大 are not bound by the 条例; §6: departments are REVIEWed where noted
        return finding_from(meta, Verdict.REVIEW, ["R_NOT_FOUND"], **details)
    return finding_from(meta, Verdict.FAIL, ["R_NOT_FOUND"], pages_searched=ev.pages_fetched, **details)


def in_window(d: dt.date | None, start: dt.date | None, end: dt.date) -> bool:
    if d is None:
        return start is None
    return (start is None or d >= start) and d <= end


def near_boundary(d: dt.date | None, start: dt.date | None) -> bool:
    return d is not None and start is not None and abs((d - start).days) <= BOUNDARY_DAYS


def presence(ev: SiteEvidence, meta: RuleMeta, lex: Lexicon, *, since: dt.date | None | str = "cycle",
             stale_months: int | None = None, department_review: bool = False,
             accept_other_jurisdiction: bool = False, cands: list[Candidate] | None = None,
             body_mentions_review: bool = False) -> Finding:
    """Class B presence: a document of the right kind, jurisdiction and window exists.

    `since`: window start — 'cycle' (config cycle_start: documents only older than it → REVIEW R_STALE,
    the window is the tool's, not the plan's), a date (the plan's own 「2016/2018/2019年以来」: older
    documents do not count → FAIL after complete coverage), or None (any date). `stale_months`: the
    newest evidence must be that recent, else REVIEW R_STALE (动态调整 freshness, configurable).
    `body_mentions_review`: a document that mentions the topic only in its body is a REVIEW (where §6
    says so, e.g. a summary line of an annual report); by default it is a near miss.
    """
    start = ev.cycle_start if since == "cycle" else since
    assert not isinstance(start, str)
    policy = ev.policy.policy
    cands = find(ev, lex) if cands is None else cands
    strong = [c for c in cands if c.score >= 1.0 and (c.jurisdiction == "own" or accept_other_jurisdiction)]
    window = [c for c in strong if in_window(c.date, start, ev.as_of)]
    window.sort(key=lambda c: (c.date or dt.date.min), reverse=True)
    ranked = candidate_list(cands)
    if window:
        best = window[0]
        quality = best.doc.quality if near_boundary(best.date, start) else 1.0
        confidence = best.score * quality
        reasons: list[str] = []
        if best.where == "attachment":
            reasons.append("R_ATTACHMENT_ONLY")
        if near_boundary(best.date, start) and best.doc.date_conflict:
            f = finding_from(meta, Verdict.REVIEW, ["R_DATE_CONFLICT", *reasons], best, candidates=ranked)
            f.confidence = round(confidence, 2)
            return f
        if stale_months is not None and best.date is not None and months_between(best.date, ev.as_of) > stale_months:
            return finding_from(meta, Verdict.REVIEW, ["R_STALE", *reasons], best, candidates=ranked,
                                freshness_months=stale_months)
        if stale_months is not None and best.date is None:
            return finding_from(meta, Verdict.REVIEW, ["R_DATE_UNPARSED", *reasons], best, candidates=ranked)
        if confidence < policy.pass_confidence:
            f = finding_from(meta, Verdict.REVIEW, ["R_LOW_CONFIDENCE", *reasons], best, candidates=ranked)
            f.confidence = round(confidence, 2)
            return f
        f = finding_from(meta, Verdict.PASS, reasons, best, candidates=ranked)
        f.confidence = round(confidence, 2)
        return f
    if strong:
        best = max(strong, key=lambda c: c.date or dt.date.min)
        if best.date is not None and since not in ("cycle", None):
            # the plan's own window: an older document is not evidence for it
            return absent(ev, meta, lex, department_review=department_review, window_start=iso(start),
                          older_only=candidate_list(strong)).add("R_STALE")
        code = "R_DATE_UNPARSED" if best.date is None else "R_STALE"
        return finding_from(meta, Verdict.REVIEW, [code], best, candidates=ranked,
                            window_start=iso(start) if start else None)
    # rules_spec §6: title terms, and `with_any` in the title or the first 300 characters. A document
    # missing the companion term, or naming the topic only in its body, is no evidence: it is shown to
    # the reviewer as a near miss and the absence is judged as such.
    titled = [c for c in cands if c.where in ("title", "weak_title")
              or (body_mentions_review and c.where in ("body", "attachment"))]
    if titled:
        best = titled[0]
        reasons = ["R_WRONG_JURISDICTION"] if best.jurisdiction == "other" else ["R_LOW_CONFIDENCE"]
        return finding_from(meta, Verdict.REVIEW, reasons, best, candidates=ranked)
    return absent(ev, meta, lex, department_review=department_review, near_misses=ranked or None)


def review_candidates(ev: SiteEvidence, meta: RuleMeta, lex: Lexicon, *, n: int = 10,
                      cands: list[Candidate] | None = None, **details: Any) -> Finding:
    """Class C: always REVIEW, with ranked candidate evidence (R_NOT_FOUND when there is none)."""
    cands = find(ev, lex) if cands is None else cands
    own = [c for c in cands if c.jurisdiction == "own"] + [c for c in cands if c.jurisdiction != "own"]
    reasons = ["R_NEEDS_JUDGEMENT"] + ([] if own else ["R_NOT_FOUND"])
    if not own:
        gap = coverage_gap(ev, meta.columns, lex)
        if not gap.complete:
            reasons.append("R_COVERAGE_INCOMPLETE")
    return finding_from(meta, Verdict.REVIEW, reasons, own[0] if own else None, candidates=candidate_list(own, n),
                        **details)


def worst(verdicts: Iterable[Verdict | str]) -> Verdict:
    """rules_spec §2.5 order: FAIL > REVIEW > ERROR > PENDING > PASS > NA."""
    vs = [Verdict(v) for v in verdicts]
    if not vs:
        return Verdict.NA
    return max(vs, key=lambda v: SEVERITY[v.value])


def combine(verdicts: Iterable[Verdict | str]) -> Verdict:
    """rules_spec §2.5 rule 1, rows of one sub-check: FAIL > REVIEW > ERROR, then PASS; PENDING and NA
    only stand when they are the only states (a year not yet due does not undo the years that passed)."""
    vs = {Verdict(v) for v in verdicts}
    for v in (Verdict.FAIL, Verdict.REVIEW, Verdict.ERROR, Verdict.PASS, Verdict.PENDING):
        if v in vs:
            return v
    return Verdict.NA


def aggregate(meta: RuleMeta, rows: Sequence[Finding], *, empty: Finding, **details: Any) -> Finding:
    """The site record of a per-item check: the decisive row (rule 1 of §2.5), its evidence, the ratio."""
    if not rows:
        return empty
    verdict = combine(f.verdict for f in rows)
    pick = next(f for f in rows if f.verdict == verdict)
    site = Finding(check_id=meta.check_id, verdict=verdict, url=pick.url, title=pick.title,
                   content_sha256=pick.content_sha256, snippet=pick.snippet, confidence=pick.confidence,
                   column_code=pick.column_code)
    site.add(*[c for f in rows if f.verdict == verdict for c in f.reason_codes])
    n_pass = sum(1 for f in rows if f.verdict == Verdict.PASS)
    site.details = {**pick.details, "items_evaluated": len(rows), "items_pass": n_pass,
                    "ratio": f"{n_pass}/{len(rows)}", **details}
    return site


def months_between(earlier: dt.date, later: dt.date) -> float:
    return (later - earlier).days / 30.4375


def completed_years(ev: SiteEvidence) -> list[int]:
    """Calendar years of the window that have ended (annual items judge completed years)."""
    return list(range(ev.cycle_start.year, ev.as_of.year))


def window_years(ev: SiteEvidence) -> list[int]:
    return list(range(ev.cycle_start.year, ev.as_of.year + 1))


def components_present(text: str, spec: dict[str, tuple[str, ...]]) -> dict[str, bool]:
    flat_text = flat(text)
    return {name: any(flat(t) in flat_text for t in terms) for name, terms in spec.items()}


def site_text(cands: Sequence[Candidate]) -> str:
    return "\n".join(f"{c.doc.title}\n{c.doc.all_text}" for c in cands)


def yearly(ev: SiteEvidence, meta: RuleMeta, lex: Lexicon, *, window: tuple[str, str] | None = None,
           department_review: bool = True, empty_year_review: bool = False) -> Finding:
    """Per year (rules_spec §5.9): ≥ 1 item dated in the year, or inside its `window` (MM-DD, MM-DD). Completed
    years are judged; the current year only counts once it passes. The site record is the worst year.

    `empty_year_review`: a year may rightly have nothing (I90.c: no appointments, no 宪法宣誓), so an empty year
    is REVIEW, never FAIL."""
    cands = find(ev, lex)

    def year_finding(year: int) -> Finding:
        start, end = ((dt.date(year, 1, 1), dt.date(year, 12, 31)) if window is None
                      else (deadline_date(year, window[0]), deadline_date(year, window[1])))
        # undated strong candidates stay in: presence() makes them REVIEW R_DATE_UNPARSED, never a FAIL
        in_year = [c for c in cands if c.date is None or start <= c.date <= end]
        f = presence(ev, meta, lex, since=start, cands=in_year, department_review=department_review)
        f.details.update(year=year, window=[start.isoformat(), end.isoformat()])
        return f

    rows = [year_finding(y) for y in completed_years(ev)]
    if empty_year_review:  # rules_spec §6 I90.c: none → REVIEW (a year may rightly have no ceremony)
        for f in rows:
            if f.verdict == Verdict.FAIL:
                f.verdict = Verdict.REVIEW
    current = year_finding(ev.as_of.year)
    if current.verdict == Verdict.PASS:
        rows.append(current)
    pending = Finding(check_id=meta.check_id, verdict=Verdict.PENDING, details={"year": ev.as_of.year})
    site = aggregate(meta, rows, empty=pending.add("R_NOT_DUE"))
    site.details["years"] = {str(f.details["year"]): f.verdict.value for f in rows}
    return site


def advisory(f: Finding, months: int) -> Finding:
    """An advisory freshness result (rules_spec §2.5): flagged R_ADVISORY unless it passes, so the indicator
    verdict ignores it. Stale is REVIEW R_STALE (§6); nothing at all after complete coverage stays FAIL."""
    f.details["freshness_months"] = months
    if f.verdict != Verdict.PASS:
        f.add("R_ADVISORY")
    return f


def guide_finding(ev: SiteEvidence, meta: RuleMeta, lex: Lexicon, components: dict[str, tuple[str, ...]],
                  patterns: dict[str, str] | None = None) -> Finding:
    """Components (terms, or regex `patterns`) over the unit's 复议 guides taken together: PASS all present; FAIL
    R_COMPONENT_MISSING after coverage; REVIEW for weak matches, scans or an incomplete crawl."""
    cands = [c for c in find(ev, lex) if c.jurisdiction == "own"]
    strong = [c for c in cands if c.score >= 1.0]
    if not strong:
        if cands:
            return finding_from(meta, Verdict.REVIEW, ["R_LOW_CONFIDENCE"], cands[0], candidates=candidate_list(cands))
        return absent(ev, meta, lex)
    text = site_text(strong)
    found = components_present(text, components)
    found.update({name: bool(re.search(p, flat(text))) for name, p in (patterns or {}).items()})
    missing = [name for name, ok in found.items() if not ok]
    details: dict[str, Any] = {"components": found, "candidates": candidate_list(strong)}
    if not missing:
        return finding_from(meta, Verdict.PASS, [], strong[0], **details)
    details["missing"] = missing
    scans = [a.url for c in strong for a in c.doc.attachments if a.scanned]
    if scans:
        return finding_from(meta, Verdict.REVIEW, ["R_COMPONENT_MISSING", "R_SCANNED"], strong[0], scanned=scans,
                            **details)
    gap = coverage_gap(ev, meta.columns, lex)
    if not gap.complete:
        return finding_from(meta, Verdict.REVIEW, ["R_COMPONENT_MISSING", "R_COVERAGE_INCOMPLETE"], strong[0],
                            coverage_gaps=gap.reasons[:10], **details)
    verdict = Verdict.REVIEW if ev.party_or_npc else Verdict.FAIL
    return finding_from(meta, verdict, ["R_COMPONENT_MISSING"], strong[0], **details)
