"""Find candidate documents for a lexicon (rules_spec §6 `Find` blocks) and say whose they are (§5.7)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from audit_rules.evidence import Doc, SiteEvidence
from govaudit.extract.columns import matches as column_matches

DOC_KINDS = ("detail", "attachment", "other")


@dataclass(frozen=True)
class Lexicon:
    """A `Find` block: terms are OR-ed; `with_any` must also occur in the title or first 300 characters."""

    title_any: tuple[str, ...] = ()
    with_any: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    title_regex: tuple[str, ...] = ()
    weak_title_any: tuple[str, ...] = ()  # a weaker kind of evidence: REVIEW at best
    body_only_ok: bool = True  # a body-only mention is a (low-confidence) candidate

    @property
    def terms(self) -> tuple[str, ...]:
        return self.title_any + self.weak_title_any


@dataclass
class Candidate:
    doc: Doc
    score: float  # match score 0..1 (title + with_any = 1.0)
    where: str  # title | title_partial | weak_title | body | attachment
    hits: list[str] = field(default_factory=list)
    jurisdiction: str = "own"  # own | other | unknown
    snippet: str = ""

    @property
    def date(self) -> dt.date | None:
        return self.doc.publish_date or self.doc.written_date


def flat(text: str) -> str:
    """NFKC, no whitespace: CMS titles and bodies break words with spaces and line breaks."""
    return re.sub(r"[\s\u3000\xa0]+", "", unicodedata.normalize("NFKC", text or ""))


@lru_cache(maxsize=4096)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


@lru_cache(maxsize=8192)
def _flat_terms(terms: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((t, flat(t)) for t in terms)


def _hits(text: str, terms: tuple[str, ...]) -> list[str]:
    return [t for t, f in _flat_terms(terms) if f in text]


def snippet_around(text: str, term: str, width: int = 140) -> str:
    idx = text.find(term)
    if idx < 0:
        return text[:width * 2]
    return text[max(0, idx - width): idx + len(term) + width].replace("\n", " ")


def match(doc: Doc, lex: Lexicon) -> Candidate | None:
    titles = doc.flat_titles
    title = " ".join(titles)
    if lex.exclude and _hits(title, lex.exclude):
        return None
    head = doc.flat_head
    hits = _hits(title, lex.title_any)
    regex_hit = next((m.group(0) for p in _compiled(lex.title_regex) for t in titles if (m := p.search(t))), None)
    if regex_hit:
        hits.append(regex_hit)
    if hits:
        with_ok = not lex.with_any or bool(_hits(head, lex.with_any)) or bool(_hits(title, lex.with_any))
        score, where = (1.0, "title") if with_ok else (0.6, "title_partial")
        return Candidate(doc, score, where, hits, snippet=doc.title_raw)
    weak = _hits(title, lex.weak_title_any)
    if weak:
        return Candidate(doc, 0.6, "weak_title", weak, snippet=doc.title_raw)
    if not lex.body_only_ok:
        return None
    body = doc.flat_body
    body_hits = _hits(body, lex.title_any)
    if body_hits and (not lex.with_any or _hits(body, lex.with_any)):
        return Candidate(doc, 0.5, "body", body_hits, snippet=snippet_around(doc.text, body_hits[0]))
    att_text = doc.flat_attachments
    att_hits = _hits(att_text, lex.title_any) if att_text else []
    if att_hits and (not lex.with_any or _hits(att_text, lex.with_any)):
        return Candidate(doc, 0.5, "attachment", att_hits, snippet=att_hits[0])
    return None


def find(ev: SiteEvidence, lex: Lexicon, *, kinds: tuple[str, ...] = DOC_KINDS) -> list[Candidate]:
    """Every matching document of the site, best first (score, then own jurisdiction, then newest, then URL: ties
    never depend on the order pages were fetched in, so a resumed crawl gives the same findings and fingerprints)."""
    out: list[Candidate] = []
    for doc in ev.docs:
        if doc.kind not in kinds:
            continue
        cand = match(doc, lex)
        if cand is None:
            continue
        cand.jurisdiction = jurisdiction_of(doc, ev)
        out.append(cand)
    out.sort(key=lambda c: (-c.score, c.jurisdiction != "own", -(c.date or dt.date.min).toordinal(), c.doc.url))
    return out


def in_columns(doc: Doc, columns: tuple[str, ...]) -> bool:
    return any(column_matches(code, columns) for code in doc.column_codes)


# ------------------------------------------------------------------ jurisdiction (rules_spec §5.7)

# 「关于公布裕安区…清单的通知」: the verb after 关于 is not part of the place name (it made the site's own notice "other")
_ADMIN = re.compile(r"^(?:关于)?(?:印发|转发|批转|公布|发布|公开征求|公开|调整)?(国务院|中共中央|全国人大|全国|国家[\u4e00-\u9fa5]{0,12}?(?:部|委员会|委|局|署|总局|院)|"
                    r"省[\u4e00-\u9fa5]{0,8}|[\u4e00-\u9fa5]{2,7}?(?:省|自治区|自治州|市|县|区|盟|旗)|[\u4e00-\u9fa5]县)")
_OWN_GENERIC = ("本市", "本县", "本区", "我市", "我县", "我区", "全市", "全县", "全区", "各县", "各区", "该县", "市委", "县委",
                "区委")


def own_names(ev: SiteEvidence) -> tuple[str, ...]:
    name = ev.jurisdiction.name
    names = {name, ev.site.name}
    if len(name) >= 3 and name[-1] in "市县区":
        names.add(name[:-1])  # 平顶山市 -> 平顶山 (but 叶县 stays 叶县)
    return tuple(sorted(n for n in names if n))


def jurisdiction_of(doc: Doc, ev: SiteEvidence) -> str:
    """'own' when the title/publisher names this jurisdiction (or nobody), 'other' for a different level
    or place (a 省/国家 document republished, a county's document on the city portal)."""
    mine = own_names(ev)
    title = flat(doc.title_raw or doc.title)
    for text in (title, flat(doc.publisher or "")):
        if not text:
            continue
        if any(text.startswith(n) or text.startswith("关于" + n) for n in mine) or text.startswith(_OWN_GENERIC):
            return "own"
        m = _ADMIN.match(text)
        if m:
            found = m.group(1)
            if any(found.startswith(n) or n.startswith(found) for n in mine):
                return "own"
            if ev.level == "department" and found.startswith(tuple(j for j in mine)):
                return "own"
            # 市司法局 / 县政府办 style titles name no place: they are the site's own
            if found in ("市", "县", "区") or len(found) <= 1:
                continue
            return "other"
    return "own"


def level_words(ev: SiteEvidence) -> tuple[str, ...]:
    """How this level refers to its own government in titles (市政府 / 县政府 / 区政府)."""
    name = ev.jurisdiction.name
    suffix = name[-1] if name else "市"
    return (f"{suffix}人民政府", f"{suffix}政府")
