"""One inventory per site of 规章/地方性法规, 规范性文件, comment notices, feedback, 解读 and 重大行政决策 (§5.4, §5.7).

Built once per `SiteEvidence` (memoised) and shared by I25–I42: typing score, 文号, field classifier (I25),
impact score (I27), market relevance (I27.c), comment notices with their extracted periods, draft ↔ final
links, 采纳情况 feedback, 解读, and the 重大行政决策 目录 with their items.
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import Doc, SiteEvidence
from audit_rules.machinery.coverage import coverage_gap
from audit_rules.machinery.find import (
    DOC_KINDS,
    Candidate,
    Lexicon,
    find,
    flat,
    in_columns,
    jurisdiction_of,
    match,
    own_names,
)
from audit_rules.machinery.matching import Match, best_match, core_title, similarity
from audit_rules.machinery.periods import PeriodInfo, evaluate_period, extract_period
from audit_rules.machinery.suspects import suspicion
from audit_rules.machinery.verdicts import components_present, doc_details, iso, presence
from audit_rules.vocab import normative as V
from govaudit.extract.dates import normalize
from govaudit.policy import Policy

Family = Literal["rule", "normative", "decision"]
FinalKind = Literal["local_law", "rule", "normative", "review", "decision"]

_DOCNO = re.compile(V.DOCNO)
_GOV_ORDER = re.compile(r"(?<!省)(?<!国务院)" + V.GOV_ORDER)  # 河南省人民政府令 is not the city's 规章


# ---------------------------------------------------------------- small classifiers (pure, per document)

_ISSUED = re.compile(r"^(?:关于)?印发")


def jurisdiction(doc: Doc, ev: SiteEvidence) -> str:
    """find.jurisdiction_of, but 「关于印发平顶山市…的通知」 is read past its 印发 (find's place pattern would take
    「印发平顶山市」 for a place and call the city's own document someone else's)."""
    title = doc.title_raw or doc.title
    if _ISSUED.match(flat(title)):
        stripped = _ISSUED.sub("", flat(title))
        doc = replace(doc, title=stripped, title_raw=stripped)
    return jurisdiction_of(doc, ev)


def _any(patterns: Iterable[str], text: str) -> str | None:
    for p in patterns:
        if m := re.search(p, text):
            return m.group(0)
    return None


def docno_key(text: str | None) -> str | None:
    """平政[2021]33号 / 平政（2021）第33号 → 平政〔2021〕33号."""
    m = _DOCNO.search(flat(text or ""))
    return f"{m.group(1)}〔{m.group(2)}〕{int(m.group(3))}号" if m else None


def docno_prefix(key: str) -> str:
    return key.split("〔", 1)[0]


@dataclass(frozen=True)
class Typing:
    """Is it a 行政规范性文件? (§5.7) ≥ 0.7 normative, 0.4–0.7 a person decides."""

    score: float
    signals: tuple[str, ...]

    @property
    def label(self) -> str:
        return "normative" if self.score >= 0.7 else "review" if self.score >= 0.4 else "other"


def typing(doc: Doc) -> Typing:
    """Positive and negative signals of §5.7, summed and clamped to 0..1."""
    title = flat(doc.title)
    head = flat(doc.text[:600]) + flat(doc.page.full_text[:1500] if doc.page else "")
    body = normalize(flat(doc.all_text[:20000]))
    negative = next((w for w in V.NORMATIVE_NEGATIVE if w in title), None)
    signals = [
        (0.4, "栏目:规范性文件", in_columns(doc, ("GFX",))),
        (0.4, "登记号", bool(doc.fields.get("register_no") or _any(V.NORMATIVE_REGISTER, head))),
        (0.3, "标题文种", _any(V.NORMATIVE_TITLE, title) is not None),
        (0.3, "施行/有效期", _any(V.NORMATIVE_ENACT, body) is not None),
        (0.2, "有效性", bool(doc.fields.get("validity"))),
        (-0.6, f"非规范性:{negative}", negative is not None),
    ]
    score = sum(w for w, _, hit in signals if hit)
    return Typing(round(min(max(score, 0.0), 1.0), 2), tuple(label for _, label, hit in signals if hit))


def is_internal(doc: Doc) -> bool:
    return any(w in flat(doc.title) for w in V.INTERNAL)


def field_hits(doc: Doc) -> dict[str, list[str]]:
    """I25 field classifier over title + first 500 characters; a document may fall in several fields."""
    text = flat(doc.title) + flat(doc.text[: V.I25_FIELD_CHARS])
    hits = {name: [t for t in terms if t in text] for name, terms in V.I25_FIELDS.items()}
    return {name: h for name, h in hits.items() if h}


def impact(doc: Doc) -> tuple[list[str], bool]:
    """I27 scope: impact terms hit, and whether that makes it high impact (≥ 2 hits or a 办法/规定/细则 title)."""
    text = flat(doc.title) + flat(doc.all_text[:20000])
    hits = [t for t in V.I27_IMPACT if t in text]
    return hits, len(hits) >= V.I27_IMPACT_MIN or bool(re.search(V.I27_HIGH_IMPACT_TITLE, flat(doc.title)))


def market_terms(doc: Doc) -> list[str]:
    """I27.c 「与市场主体生产经营活动密切相关」: the market terms a document uses."""
    text = flat(doc.title) + flat(doc.all_text[:20000])
    return [t for t in V.I27_MARKET if t in text]


def structured_fields(doc: Doc) -> dict[str, str]:
    """意见征集系统 fields (征集时间 / 开始时间 / 结束时间 / 截止时间) from the whole page, outside the body."""
    text = doc.page.full_text if doc.page else ""
    labels = "|".join(V.STRUCTURED_LABELS)
    return {m.group(1): m.group(2).strip() for m in re.finditer(rf"({labels})\s*[:：]?\s*([^\n]{{1,60}})", text)}


# ---------------------------------------------------------------- records of the inventory


@dataclass
class Final:
    """An enacted document a draft can lead to: 规章/地方性法规, 规范性文件, or a 重大行政决策."""

    doc: Doc
    kind: FinalKind
    name: str
    typing: Typing
    decision: bool = False
    catalogue_item: str | None = None

    @property
    def enacted(self) -> dt.date | None:
        return self.doc.written_date or self.doc.publish_date

    @property
    def url(self) -> str:
        return self.doc.final_url or self.doc.url


@dataclass
class Notice:
    """One public comment round: a 征求意见 notice page and its period (§5.4)."""

    doc: Doc
    core: str
    period: PeriodInfo
    explanation: bool
    later_round: bool
    scanned: bool
    decision: bool
    rule_like: bool
    final: Final | None = None
    link: Match | None = None

    @property
    def url(self) -> str:
        return self.doc.final_url or self.doc.url

    @property
    def families(self) -> set[Family]:
        out: set[Family] = set()
        if self.final is not None and self.final.kind in ("local_law", "rule"):
            out.add("rule")
        elif self.final is not None and self.final.kind in ("normative", "review"):
            out.add("normative")
        elif self.final is None and self.rule_like:
            out.add("rule")
        elif self.final is None and not any(w in self.core for w in V.NON_NORMATIVE_DRAFT):
            out.add("normative")
        if self.decision or (self.final is not None and self.final.decision):
            out.add("decision")
        return out


@dataclass
class Catalogue:
    doc: Doc
    year: int | None
    items: list[str]
    standard: bool  # 标准 given in the notice itself
    party_consent: bool
    no_items: bool  # 「本年度无重大行政决策事项」


@dataclass
class Inventory:
    finals: list[Final]
    notices: list[Notice]
    feedback: list[Doc]
    interpretations: list[Doc]
    catalogues: list[Catalogue]
    policy: Policy
    found_numbers: set[str] = field(default_factory=set)  # every 文号 on the site (metadata or title)

    @property
    def instruments(self) -> list[Final]:
        return [f for f in self.finals if f.kind in ("local_law", "rule")]

    @property
    def normative(self) -> list[Final]:
        """规范性文件 typed ≥ 0.4 (the I29 inventory; `typing.label` says whether a person must confirm)."""
        return [f for f in self.finals if f.kind in ("normative", "review")]

    @property
    def decisions(self) -> list[Final]:
        return [f for f in self.finals if f.decision]


# ---------------------------------------------------------------- building it

_MEMO: dict[int, tuple[weakref.ReferenceType[SiteEvidence], Inventory]] = {}


def inventory(ev: SiteEvidence) -> Inventory:
    """The site's inventory, built once per evidence object (rules run one after another on the same one)."""
    key = id(ev)
    hit = _MEMO.get(key)
    if hit is not None and hit[0]() is ev:
        return hit[1]
    inv = _build(ev)
    _MEMO[key] = (weakref.ref(ev, lambda _r, k=key: _MEMO.pop(k, None)), inv)  # type: ignore[misc]
    return inv


def _role(doc: Doc) -> str:
    title = flat(doc.title)
    if not title:
        return "other"
    if _any(V.FEEDBACK_TITLE, title) and not _any(V.NOTICE_INTERNAL, title):
        return "feedback"
    if not any(x in title for x in V.NOTICE_EXCLUDE) and not _any(V.NOTICE_INTERNAL, title):
        if _any(V.NOTICE_TITLE, title):
            return "notice"
        if _any(V.NOTICE_TITLE_WEAK, title) and "意见" in flat(doc.text):
            return "notice"  # a bare 「…（草案）」 page without a call for comments is the draft text itself
    if _any(V.INTERPRETATION_TITLE, title):
        return "interpretation"
    cat = match(doc, V.I36_CATALOGUE)
    if cat is not None and cat.where == "title":
        return "catalogue"
    return "document"


def instrument_kind(doc: Doc, ev: SiteEvidence) -> tuple[FinalKind, str] | None:
    """地方性法规 (…条例 of this city, or a 常务委员会公告 publishing one) or 规章 (人民政府令, or a …办法 in 政府规章)."""
    title = re.sub(r"[《》]", "", flat(doc.title))
    if any(w in title for w in V.INSTRUMENT_NOT) or jurisdiction(doc, ev) != "own":
        return None
    head = flat(doc.text[:600])
    if _GOV_ORDER.search(title) or _GOV_ORDER.search(head[:40]):  # a 规章 page opens with 「…人民政府令 第N号」
        inner = re.search(r"《([^《》]{2,60}(?:办法|规定|细则|规则))》", head)
        return "rule", (title if re.search(V.RULE_TITLE, title) or not inner else inner.group(1))
    mine = own_names(ev)
    if re.search(V.LOCAL_LAW_TITLE, title) and title.startswith(mine):
        return "local_law", title
    if (m := re.search(V.LOCAL_LAW_NOTICE, head)) and ("常务委员会" in title or "常务委员会" in head):
        return "local_law", m.group(1)
    if in_columns(doc, ("GZ",)) and re.search(V.RULE_TITLE, title) and not title.startswith(("关于", "印发")):
        return "rule", title
    return None


def catalogue_of(doc: Doc) -> Catalogue:
    title = flat(doc.title)
    year_m = re.search(V.I36_YEAR, title)
    year = int(year_m.group(1)) if year_m else (doc.publish_date.year if doc.publish_date else None)
    text = flat(doc.all_text)
    return Catalogue(doc=doc, year=year, items=catalogue_items(doc), standard=any(s in text for s in V.I36_STANDARD),
                     party_consent=bool(re.search(V.I36_PARTY_CONSENT, text)),
                     no_items=bool(re.search(V.I36_NO_ITEMS, text) or re.search(V.I36_NO_ITEMS, title)))


_ROW_NUMBER = re.compile(r"^\s*(\d{1,3})(?!\d)\s*[、.．]?\s*")
_ROW_DATE = re.compile(r"(?:20\d\d\s*[年.\-/]\s*\d{1,2}\s*月?(?:底|前|上旬|中旬|下旬|\d{1,2}日)?|(?:年内|年底前?)).*$")
_ROW_UNIT = re.compile(r"[市县区][\u4e00-\u9fa5]{1,10}?(?:局|委员会|委|办公室|办|中心|人民政府|政府|管委会)(?:[、,，].*)?")


def catalogue_items(doc: Doc) -> list[str]:
    """Item names of a 目录 table (rows come out as 「1平顶山市X规划市城市管理局2024年12月」: number, name, unit, time)."""
    items: list[str] = []
    texts = [doc.text, *(a.text for a in doc.attachments if a.text)]
    for line in "\n".join(texts).splitlines():
        m = _ROW_NUMBER.match(line)
        if not m or len(line) < 6:
            continue
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if len(cells) >= 2 and _ROW_NUMBER.fullmatch(cells[0] + " "):
            # a table row (cells are tab-separated): 序号 | 决策事项名称 | 承办单位 | 时间
            if len(cells[1]) >= 4 and not cells[1].startswith(("序号", "事项名称")):
                items.append(cells[1].strip("，,。;； "))
            continue
        name = _ROW_DATE.sub("", line[m.end():]).strip()
        # the 承办单位 is the rightmost 「市…局」 that is not the 市 of 城市/市区 inside the name
        for i in range(len(name) - 1, 3, -1):
            if name[i] in "市县区" and name[i - 1] not in "城小社园景" and name[i:i + 2] != "市区" \
                    and _ROW_UNIT.fullmatch(name[i:]):
                name = name[:i]
                break
        name = name.strip("，,。;； ")
        if len(name) >= 4 and not name.startswith(("序号", "事项名称")):
            items.append(name)
    return items


def _explanation(doc: Doc) -> bool:
    text = flat(" ".join([doc.title, doc.text, *(a.name for a in doc.attachments),
                          *(a.text[:3000] for a in doc.attachments)]))
    return _any(V.I26_EXPLANATION, text) is not None


def _notice(doc: Doc) -> Notice:
    period = extract_period(doc.text, publish_date=doc.publish_date, structured=structured_fields(doc),
                            attachments=[a.text for a in doc.attachments if a.text])
    core = core_title(doc.title_raw or doc.title)
    title, head = flat(doc.title), flat(doc.text[:300])
    full = flat(doc.all_text[:20000])
    return Notice(
        doc=doc, core=core, period=period, explanation=_explanation(doc),
        later_round=_any(V.LATER_ROUND, title) is not None, scanned=any(a.scanned for a in doc.attachments),
        decision="重大行政决策" in title or _any(V.DECISION_SELF, full) is not None,
        rule_like=core.endswith("条例") or any(w in title + head for w in V.RULE_DRAFT_MARKERS),
    )


def _build(ev: SiteEvidence) -> Inventory:
    policy = ev.policy
    finals: list[Final] = []
    notices: list[Notice] = []
    feedback: list[Doc] = []
    interpretations: list[Doc] = []
    catalogues: list[Catalogue] = []
    others: list[Final] = []  # 规范性文件 candidates and plain documents, until the 目录 are known
    for doc in ev.docs:
        if doc.kind not in DOC_KINDS:
            continue
        role = _role(doc)
        if role == "feedback":
            feedback.append(doc)
        elif role == "notice":
            notices.append(_notice(doc))
        elif role == "interpretation":
            interpretations.append(doc)
        elif role == "catalogue":
            if jurisdiction(doc, ev) == "own":
                catalogues.append(catalogue_of(doc))
        elif any(w in flat(doc.title) for w in V.NOT_A_DOCUMENT):
            continue
        elif (inst := instrument_kind(doc, ev)) is not None:
            others.append(Final(doc, inst[0], inst[1], typing(doc)))
        elif jurisdiction(doc, ev) == "own":
            t = typing(doc)
            kind: FinalKind = "normative" if t.label == "normative" else "review" if t.label == "review" else "decision"
            others.append(Final(doc, kind, doc.title_raw, t))
    items = [(c, item) for c in catalogues for item in c.items]
    for f in others:
        f.catalogue_item = next((item for c, item in items if _answers(f, c, item, policy)), None)
        f.decision = f.catalogue_item is not None or _self_described_decision(f.doc)
        if f.kind != "decision" or f.decision:  # a plain document that is no decision is no final either
            finals.append(f)
    candidates = [(f.name, f.enacted) for f in finals]
    for n in notices:
        best = best_match(n.doc.title_raw or n.doc.title, n.doc.publish_date, candidates, policy)
        if best is not None:
            n.final, n.link = finals[best[0]], best[1]
        if not n.decision and any(similarity(item, n.core) >= policy.policy.match_review for _, item in items):
            n.decision = True
    numbers = {k for d in ev.docs for k in (docno_key(d.doc_number), docno_key(d.title_raw)) if k}
    return Inventory(finals, notices, feedback, interpretations, catalogues, policy, numbers)


def _answers(f: Final, c: Catalogue, item: str, policy: Policy) -> bool:
    """Does this document decide that 目录 item? Similar title, published after the 目录."""
    after = c.doc.publish_date is None or f.doc.publish_date is None or f.doc.publish_date >= c.doc.publish_date
    return after and f.doc is not c.doc and similarity(item, f.name) >= policy.policy.match_review


def _self_described_decision(doc: Doc) -> bool:
    title = flat(doc.title)
    if match(doc, V.I36_PROCEDURE) is not None or any(w in title for w in V.NORMATIVE_NEGATIVE):
        return False
    return _any(V.DECISION_SELF, flat(doc.all_text[:20000])) is not None


# ---------------------------------------------------------------- comment rounds → items (I26, I27, I39)


@dataclass
class Item:
    """What a comment-period check passes or fails: an enacted instrument with its rounds, or a draft's rounds."""

    final: Final | None
    rounds: list[Notice]

    @property
    def title(self) -> str:
        if self.final is not None:
            return self.final.doc.title_raw
        return self.rounds[0].doc.title_raw if self.rounds else ""

    @property
    def link_status(self) -> str | None:
        statuses = {n.link.status for n in self.rounds if n.link is not None}
        return "auto" if "auto" in statuses else "review" if statuses else None

    @property
    def latest(self) -> dt.date | None:
        dates = [d for n in self.rounds if (d := n.doc.publish_date or n.period.start)]
        if self.final is not None and self.final.enacted:
            dates.append(self.final.enacted)
        return max(dates) if dates else None


def items(inv: Inventory, family: Family, finals: Iterable[Final]) -> list[Item]:
    """Items of one family: every given final with the rounds linked to it (possibly none), then the rounds
    linked to no final, clustered by title (草案 → 草案修改稿 of the same instrument is one item)."""
    out: list[Item] = []
    linked: set[int] = set()
    for f in finals:
        rounds = [n for n in inv.notices if n.final is f and family in n.families]
        linked.update(id(n) for n in rounds)
        out.append(Item(f, rounds))
    auto = inv.policy.policy.match_auto
    loose = [n for n in inv.notices if family in n.families and id(n) not in linked and n.final is None]
    clusters: list[list[Notice]] = []
    for n in sorted(loose, key=lambda n: n.doc.publish_date or dt.date.min):
        home = next((c for c in clusters if any(similarity(n.core, m.core) >= auto for m in c)), None)
        if home is None:
            clusters.append([n])
        else:
            home.append(n)
    out.extend(Item(None, c) for c in clusters)
    return out


def judge_round(ev: SiteEvidence, policy: Policy, meta: RuleMeta, n: Notice, *, min_days: int,
                unit: Literal["natural", "working"], require_explanation: bool = False) -> Finding:
    """The document record of one comment round (CONTRACT §3): the period judged against `min_days`."""
    doc = n.doc
    f = Finding(check_id=meta.check_id, verdict=Verdict.REVIEW, scope="document", url=n.url, title=doc.title_raw,
                content_sha256=doc.sha256, snippet=(n.period.snippet or doc.title_raw)[:300],
                column_code=next(iter(sorted(doc.column_codes)), None))
    result = evaluate_period(n.period, publish_date=doc.publish_date, min_days=min_days, unit=unit,
                             calendar=ev.calendar, policy=policy)
    f.verdict = Verdict(result.verdict)
    f.add(*result.reason_codes)
    f.details.update({"publish_date": iso(doc.publish_date), "publish_date_source": doc.publish_source,
                      **result.details, "doc_number": doc.doc_number or (n.final.doc.doc_number if n.final else None),
                      "later_round": n.later_round or None, "publisher": doc.publisher,
                      "explanation_published": n.explanation})
    if n.final is not None and n.link is not None:
        f.details.update(matched_ref=n.final.url, matched_title=n.final.doc.title_raw, match_score=n.link.score,
                         match_status=n.link.status)
    f.details = {k: v for k, v in f.details.items() if v is not None or k.startswith("comment_")}
    f.confidence = round(doc.quality * (n.link.score if n.link else 1.0), 2)
    if n.period.source == "attachment" and not n.period.unparsed:
        f.add("R_ATTACHMENT_ONLY")
        f.details["attachments"] = doc_details(doc).get("attachments")
    if n.period.unparsed and n.scanned:
        f.add("R_SCANNED")
    if f.verdict in (Verdict.PASS, Verdict.FAIL) and doc.date_conflict:
        # a verdict that another publish-date source would flip: a person decides (§5.3.3)
        for other in set(doc.publish_candidates.values()) - {doc.publish_date}:
            alt = evaluate_period(n.period, publish_date=other, min_days=min_days, unit=unit, calendar=ev.calendar,
                                  policy=policy)
            if alt.verdict != result.verdict:
                f.verdict = Verdict.REVIEW
                f.add("R_DATE_CONFLICT")
                f.details["publish_date_candidates"] = {k: v.isoformat() for k, v in doc.publish_candidates.items()}
                break
    for code in suspicion(doc, ev):
        f.add(code)
        if f.verdict in (Verdict.PASS, Verdict.FAIL):
            f.verdict = Verdict.REVIEW
    if require_explanation and not n.explanation:
        f.add("R_COMPONENT_MISSING")  # 「草案及其说明」: the draft went out without its 说明
        if f.verdict == Verdict.PASS:
            f.verdict = Verdict.REVIEW
    return f


def judge_item(meta: RuleMeta, item: Item, rows: list[Finding], *, earlier_round_lenient: bool = False) -> Finding:
    """An item passes if any public round meets the threshold (§5.3.4); otherwise its most telling round decides."""
    order = (Verdict.PASS, Verdict.REVIEW, Verdict.ERROR, Verdict.PENDING, Verdict.FAIL)
    best = min(rows, key=lambda r: order.index(r.verdict) if r.verdict in order else len(order))
    f = Finding(check_id=meta.check_id, verdict=best.verdict, url=best.url, title=best.title,
                content_sha256=best.content_sha256, snippet=best.snippet, confidence=best.confidence,
                column_code=best.column_code, details=dict(best.details))
    f.add(*best.reason_codes)
    f.details["item"] = item.title
    f.details["rounds"] = [{"url": r.url, "verdict": r.verdict.value, "reasons": r.reason_codes,
                            "comment_start": r.details.get("comment_start"), "comment_end": r.details.get("comment_end"),
                            "comment_days_natural": r.details.get("comment_days_natural"),
                            "comment_days_working": r.details.get("comment_days_working")} for r in rows]
    if item.final is not None:
        f.details.update(final_url=item.final.url, final_title=item.final.doc.title_raw,
                         final_doc_number=item.final.doc.doc_number, written_date=iso(item.final.doc.written_date))
    if f.verdict == Verdict.FAIL and earlier_round_lenient and all(n.later_round for n in item.rounds):
        f.verdict = Verdict.REVIEW  # only later rounds seen: the first round may have run its 30 days elsewhere
        f.add("R_NOT_FOUND")
        f.details["earlier_round_missing"] = True
    if item.link_status == "review" and f.verdict in (Verdict.PASS, Verdict.FAIL):
        f.verdict = Verdict.REVIEW
        f.add("R_LOW_CONFIDENCE")
    return f


def missing_item(meta: RuleMeta, final: Final, verdict: Verdict, *codes: str, **details: Any) -> Finding:
    """An enacted document with no comment round linked to it."""
    f = Finding(check_id=meta.check_id, verdict=verdict, url=final.url, title=final.doc.title_raw,
                content_sha256=final.doc.sha256, snippet=final.doc.title_raw,
                column_code=next(iter(sorted(final.doc.column_codes)), None))
    f.add("R_NOT_FOUND", *codes)
    f.details.update({"item": final.doc.title_raw, "final_url": final.url, "doc_number": final.doc.doc_number,
                      "written_date": iso(final.doc.written_date), "publish_date": iso(final.doc.publish_date),
                      "normative_score": final.typing.score, **details})
    return f


# ---------------------------------------------------------------- feedback, 解读, known documents


def feedback_for(inv: Inventory, n: Notice, policy: Policy) -> tuple[Doc, str] | None:
    """The 采纳情况 of a round (§5.4): a feedback page on the same draft, or a 起草说明/解读/final that reports
    what was adopted."""
    for doc in inv.feedback:
        later = doc.publish_date is None or n.doc.publish_date is None or doc.publish_date >= n.doc.publish_date
        if later and similarity(doc.title_raw, n.doc.title_raw) >= policy.policy.match_review:
            return doc, "feedback"
    related = list(inv.interpretations) + ([n.final.doc] if n.final is not None else [])
    for doc in related:
        if (doc is (n.final.doc if n.final else None) or similarity(doc.title_raw, n.doc.title_raw)
                >= policy.policy.match_review) and re.search(V.ADOPTION_TEXT, flat(doc.all_text)):
            return doc, "adoption_text"
    return None


def interpretation_for(inv: Inventory, final: Final, policy: Policy) -> Doc | None:
    """A 解读 of a decision: linked from either page, or titled after it."""
    urls = {final.doc.url, final.doc.final_url}
    linked_from = {lk.url for lk in (final.doc.page.links if final.doc.page else [])}
    best: tuple[float, Doc] | None = None
    for doc in inv.interpretations:
        to_final = any(lk.url in urls for lk in (doc.page.links if doc.page else []))
        score = 1.0 if to_final or doc.url in linked_from else similarity(doc.title_raw, final.doc.title_raw)
        if score >= policy.policy.match_review and (best is None or score > best[0]):
            best = (score, doc)
    return best[1] if best else None


@dataclass(frozen=True)
class KnownDoc:
    """A document this site says exists: listed in a published 目录 or cited by 文号 (§6 I29.a)."""

    number: str
    title: str | None
    source_url: str
    how: Literal["listed", "cited"]


_WRAPPER_END = re.compile(r".*(?:通知|决定|意见|办法|规定|细则|公告|通告|方案|批复|函)")


def _parts(key: str) -> tuple[str, int, int]:
    m = re.fullmatch(r"(.+)〔(\d{4})〕(\d+)号", key)
    return (m.group(1), int(m.group(2)), int(m.group(3))) if m else (key, 0, 0)


def _prefix_in_text(raw: str, known: set[str]) -> str:
    """In running text 「…办法的通知平政〔2021〕3号」 the regex takes 「办法的通知平政」: cut at the last document word,
    then prefer the longest prefix this site is known to use."""
    raw = _WRAPPER_END.sub("", raw) or raw
    return max((p for p in known if raw.endswith(p)), key=len, default=raw)


def number_found(key: str, found: set[str]) -> bool:
    prefix, year, n = _parts(key)
    return any(fy == year and fn == n and (prefix.endswith(fp) or fp.endswith(prefix))
               for fp, fy, fn in map(_parts, found))


def known_documents(ev: SiteEvidence, inv: Inventory, since_year: int) -> list[KnownDoc]:
    """Own 文号 of `since_year` or later that a published 目录 lists, or that a document cites as
    「《…办法》（平政〔2020〕5号）」 when the cited title looks normative and the prefix is one this site issues."""
    used = {_parts(k)[0] for k in inv.found_numbers}
    issued = {_parts(k)[0] for f in inv.normative if (k := docno_key(f.doc.doc_number))}
    out: dict[str, KnownDoc] = {}
    for doc in ev.docs:
        if doc.kind not in DOC_KINDS or jurisdiction(doc, ev) != "own":
            continue
        text = flat(doc.all_text)
        if match(doc, V.I29_CATALOGUE) is not None:
            for m in _DOCNO.finditer(text):
                key = f"{_prefix_in_text(m.group(1), used)}〔{m.group(2)}〕{int(m.group(3))}号"
                if int(m.group(2)) >= since_year and key not in out:
                    out[key] = KnownDoc(key, None, doc.final_url or doc.url, "listed")
        for m in re.finditer(V.CITED_DOC, text):
            cited = docno_key(m.group(2))
            if cited is None or cited in out or _parts(cited)[1] < since_year:
                continue
            if _parts(cited)[0] in issued and _any(V.NORMATIVE_TITLE, m.group(1)):
                out[cited] = KnownDoc(cited, m.group(1), doc.final_url or doc.url, "cited")
    return sorted(out.values(), key=lambda k: k.number)


def missing_documents(ev: SiteEvidence, inv: Inventory, since_year: int, policy: Policy) -> list[KnownDoc]:
    """Known documents that are not on the site, by 文号 or, for a cited one, by title."""
    titles = [d.title_raw for d in ev.docs if d.kind in DOC_KINDS]
    out = []
    for k in known_documents(ev, inv, since_year):
        if number_found(k.number, inv.found_numbers):
            continue
        if k.title and any(similarity(k.title, t) >= policy.policy.match_auto for t in titles):
            continue
        out.append(k)
    return out


def candidate(doc: Doc, ev: SiteEvidence, score: float, where: str, hits: list[str], snippet: str = "") -> Candidate:
    return Candidate(doc, score, where, hits, jurisdiction=jurisdiction(doc, ev), snippet=snippet or doc.title_raw)


def regex_candidates(ev: SiteEvidence, pattern: str, *, context: tuple[str, ...] = (),
                     since: dt.date | None = None) -> list[Candidate]:
    """Documents whose text matches `pattern` (and mentions one of `context`): body evidence for C checks."""
    out = []
    for doc in ev.docs:
        if doc.kind not in DOC_KINDS or (since and doc.publish_date and doc.publish_date < since):
            continue
        text = flat(doc.all_text[:50000])
        m = re.search(pattern, text)
        if m and (not context or any(c in flat(doc.title) + text for c in context)):
            lo = max(0, m.start() - 60)
            out.append(candidate(doc, ev, 0.5, "body", [m.group(0)], text[lo:m.end() + 60]))
    return out


def merge(*groups: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per document (the best), ranked as find() ranks them."""
    best: dict[str, Candidate] = {}
    for c in (c for g in groups for c in g):
        if c.doc.url not in best or c.score > best[c.doc.url].score:
            best[c.doc.url] = c
    return sorted(best.values(), key=lambda c: (-c.score, c.jurisdiction != "own",
                                                 -(c.date or dt.date.min).toordinal()))


def presence_with_components(ev: SiteEvidence, meta: RuleMeta, lex: Lexicon, components: dict[str, tuple[str, ...]],
                             minimum: int, **presence_kwargs: Any) -> Finding:
    """A class B presence whose PASS also needs `minimum` of the indicator's components in the text
    (I24.a 立项…审议, I36.b 决策主体…法律责任); fewer → REVIEW R_COMPONENT_MISSING."""
    cands = find_own(ev, lex)
    f = presence(ev, meta, lex, cands=cands, **presence_kwargs)
    doc = next((c.doc for c in cands if f.url in (c.doc.final_url, c.doc.url)), None)
    if doc is None:
        return f
    present = components_present(doc.all_text, components)
    f.details["components"] = present
    if f.verdict == Verdict.PASS and sum(present.values()) < minimum:
        f.verdict = Verdict.REVIEW
        f.add("R_COMPONENT_MISSING")
    return f


def consultation(ev: SiteEvidence, policy: Policy, meta: RuleMeta, family: Family, finals: Iterable[Final], *,
                 min_days: int, unit: Literal["natural", "working"], missing: Callable[[Final], Finding | None],
                 relevant: Callable[[Item], bool] = lambda item: True, require_explanation: bool = False,
                 earlier_round_lenient: bool = False, drafts_are_items: bool = True) -> tuple[list[Finding], list[Finding]]:
    """The comment-period checks (I26.a, I27.a, I27.c, I39.a): item rows for the site verdict and one document
    record per public round. `finals` are the enacted documents in scope; `missing` judges one without a round."""
    rows: list[Finding] = []
    documents: list[Finding] = []
    for item in items(inventory(ev), family, finals):
        if item.final is None and item.latest is not None and item.latest < ev.cycle_start:
            continue  # a draft of an earlier cycle that led to nothing in this one
        if item.final is None and not drafts_are_items:
            continue  # I26: only 出台的 规章/法规 are subjects; a draft that was not enacted is not one
        if not relevant(item):
            continue
        if not item.rounds:
            if item.final is not None and (row := missing(item.final)) is not None:
                rows.append(row)
                # the judged document is the enacted one: its record says that no round was found
                documents.append(replace(row, scope="document", details=dict(row.details),
                                         reason_codes=list(row.reason_codes)))
            continue
        judged = [judge_round(ev, policy, meta, n, min_days=min_days, unit=unit,
                              require_explanation=require_explanation) for n in item.rounds]
        row = judge_item(meta, item, judged, earlier_round_lenient=earlier_round_lenient)
        if row.verdict == Verdict.PASS:
            # the item passed through another round (§5.3.4: any public round that meets the threshold):
            # a short second reading is not a gap, its record keeps its own day count
            for r in judged:
                if r.verdict != Verdict.PASS:
                    r.details["round_verdict"] = r.verdict.value
                    r.details["passed_by_round"] = row.url
                    r.verdict, r.reason_codes = Verdict.PASS, []
        documents.extend(judged)
        rows.append(row)
    return rows, documents


def in_cycle(f: Final, ev: SiteEvidence) -> bool:
    """Enacted within the audit window (an undated one is kept: a person sees it)."""
    return f.enacted is None or ev.cycle_start <= f.enacted <= ev.as_of


def nothing_to_judge(ev: SiteEvidence, meta: RuleMeta, lex: Lexicon, why: str) -> Finding:
    """REVIEW R_NOT_FOUND: the site shows nothing this per-item check could judge (and cannot prove there is none)."""
    gap = coverage_gap(ev, meta.columns, lex)
    f = Finding(check_id=meta.check_id, verdict=Verdict.REVIEW, details={"why": why})
    f.add("R_NOT_FOUND")
    if not gap.complete:
        f.add("R_COVERAGE_INCOMPLETE")
        f.details["coverage_gaps"] = gap.reasons[:10]
    return f


def without_draft(ev: SiteEvidence, meta: RuleMeta, lex: Lexicon, final: Final, **details: Any) -> Finding:
    """No draft notice found for an enacted document: FAIL after a complete crawl of the columns, else REVIEW."""
    gap = coverage_gap(ev, meta.columns, lex)
    if gap.complete:
        return missing_item(meta, final, Verdict.FAIL, **details)
    return missing_item(meta, final, Verdict.REVIEW, "R_COVERAGE_INCOMPLETE", coverage_gaps=gap.reasons[:10],
                        **details)


def decision_list(ev: SiteEvidence) -> list[dict[str, Any]]:
    """The unit's known 重大行政决策 for C-check details: decision documents and 目录 items (≤ 50)."""
    inv = inventory(ev)
    out: list[dict[str, Any]] = [{"title": f.doc.title_raw, "url": f.url, "catalogue_item": f.catalogue_item}
                                 for f in inv.decisions]
    answered = {f.catalogue_item for f in inv.decisions}
    out += [{"title": item, "url": c.doc.final_url or c.doc.url, "catalogue_item": item}
            for c in inv.catalogues for item in c.items if item not in answered]
    return out[:50]


def find_own(ev: SiteEvidence, lex: Lexicon) -> list[Candidate]:
    """find() with the 「关于印发…」 jurisdiction reading of `jurisdiction` (same ranking)."""
    cands = find(ev, lex)
    for c in cands:
        if c.jurisdiction == "other":
            c.jurisdiction = jurisdiction(c.doc, ev)
    return merge(cands)
