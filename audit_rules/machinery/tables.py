"""Helpers of the 放管服 rules (I01–I20): 清单 tables, presence with reservations, freshness, 转发, rosters."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import cn2an

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import Doc, SiteEvidence
from audit_rules.machinery.coverage import coverage_gap
from audit_rules.machinery.find import Candidate, Lexicon, find, flat, own_names
from audit_rules.machinery.verdicts import absent, presence
from audit_rules.vocab.services import (
    DEPARTMENT_ALIASES,
    I07_COMPONENTS,
    I07_DEPT_COLUMN,
    I07_POWER_LIST,
    I07_ROSTER_PAGE,
    NON_GOVERNMENT_UNITS,
    RELAY_LOCAL_MARKERS,
)

# ================================================================== presence with reservations

Flaw = Callable[[Doc], str | None]


def presence_unless(ev: SiteEvidence, meta: RuleMeta, lex: Lexicon, flaw: Flaw, *,
                    since: dt.date | None | str = "cycle", cands: list[Candidate] | None = None) -> Finding:
    """presence() over the documents without a flaw. When only a flawed document would pass (a 转发 without
    local arrangements, a list whose table cannot be read), REVIEW with the reason code the flaw names."""
    cands = find(ev, lex) if cands is None else cands
    sound = [c for c in cands if flaw(c.doc) is None]
    f = presence(ev, meta, lex, since=since, cands=sound)
    if f.verdict == Verdict.PASS or len(sound) == len(cands):
        return f
    g = presence(ev, meta, lex, since=since, cands=cands)
    if g.verdict != Verdict.PASS:
        return g
    doc = next(c.doc for c in cands if (c.doc.final_url or c.doc.url) == g.url)
    g.verdict = Verdict.REVIEW
    return g.add(flaw(doc) or "R_LOW_CONFIDENCE")


def in_window_strong(cands: Iterable[Candidate], start: dt.date | None) -> bool:
    return any(c.score >= 1.0 and c.jurisdiction == "own" and c.date is not None and (start is None or c.date >= start)
               for c in cands)


def fresh_presence(ev: SiteEvidence, meta: RuleMeta, lex: Lexicon, cands: list[Candidate], months: int) -> Finding:
    """动态调整 (rules_spec I01.c/I07.d): latest evidence ≤ `months` old → PASS, older but inside the window →
    REVIEW R_STALE, nothing inside the window → FAIL after complete coverage (older evidence is named)."""
    cands = sorted(cands, key=lambda c: (-c.score, c.jurisdiction != "own", -(c.date or dt.date.min).toordinal()))
    f = presence(ev, meta, lex, cands=cands, stale_months=months)
    if f.verdict != Verdict.REVIEW or "R_STALE" not in f.reason_codes or in_window_strong(cands, ev.cycle_start):
        return f
    g = absent(ev, meta, lex, latest_before_window=f.url, latest_date=f.details.get("publish_date"),
               window_start=ev.cycle_start.isoformat())
    return g.add("R_STALE")


# ================================================================== 转发 (rules_spec §5.7)

_FORWARDED_HEAD = re.compile(r"^(?:河南省|国务院|国家|中共河南省|中共中央|省)[^，。]{0,60}(?:通知|意见|办法|决定|方案|规定)$|"
                             r"^各省辖市|^各省、自治区")


def bare_relay(doc: Doc) -> str | None:
    """R_WRONG_JURISDICTION for a 转发 of an upper-level document whose cover note adds nothing local (the cover
    note ends where the forwarded document's own title or 主送 line begins)."""
    if "转发" not in flat(doc.title):
        return None
    cover: list[str] = []
    for i, line in enumerate(doc.text.split("\n")):
        if i > 0 and _FORWARDED_HEAD.search(flat(line)):
            break
        cover.append(line)
    note = flat("".join(cover))[:1500]
    return None if any(m in note for m in RELAY_LOCAL_MARKERS) else "R_WRONG_JURISDICTION"


# ================================================================== tables

SPREADSHEETS = ("xlsx", "xls", "et", "ods", "csv")


@dataclass
class Table:
    """One 清单 table: its header row and the item rows below it."""

    header: list[str]
    rows: list[list[str]]
    source: str  # URL of the page or attachment
    sheet: str = ""

    def col(self, names: Iterable[str]) -> int | None:
        """Index of the first header cell named like one of `names` (exact names before partial ones)."""
        wanted = [flat(n) for n in names]
        cells = [flat(h) for h in self.header]
        for i, h in enumerate(cells):
            if h in wanted:
                return i
        for w in wanted:
            for i, h in enumerate(cells):
                if w in h:
                    return i
        return None

    def values(self, names: Iterable[str]) -> list[str]:
        i = self.col(names)
        return [] if i is None else [r[i] for r in self.rows if i < len(r) and r[i].strip()]


def _roles(cells: Iterable[str], headers: Mapping[str, tuple[str, ...]]) -> set[str]:
    """Which header roles (事项名称, 实施机关 …) a row names; header cells are short labels."""
    found: set[str] = set()
    for cell in cells:
        c = flat(cell)
        if not c or len(c) > 14:
            continue
        for role, names in headers.items():
            if any(c == flat(n) or flat(n) in c for n in names):
                found.add(role)
    return found


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")] if "\t" in line else line.split()


def _grid_table(lines: list[str], headers: Mapping[str, tuple[str, ...]], source: str, sheet: str) -> Table | None:
    """A sheet or tab-separated table (XLSX/XLS/DOCX text): header row = the first row naming ≥ 2 roles."""
    rows = [_cells(line) for line in lines if line.strip()]
    for i, row in enumerate(rows):
        if len(_roles(row, headers)) >= 2:
            body = [r for r in rows[i + 1:] if len(_roles(r, headers)) < 2]  # PDF pages repeat the header
            return Table(header=row, rows=body, source=source, sheet=sheet)
    return None


_SEQ = re.compile(r"(\d{1,4})(?!\d)[.、．\s]*(.*)")


def _text_table(text: str, headers: Mapping[str, tuple[str, ...]], source: str) -> Table | None:
    """An HTML table as page text gives it: each <tr> starts a line, and the cells of a row are either one per
    line (editor markup with line breaks between <td>s) or on one line. Item rows are anchored on the 序号
    column counting 1, 2, 3 …; a table without 序号 is not split into rows (extraction fails → REVIEW)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    header: list[str] = []
    start = -1
    for i, line in enumerate(lines):
        if len(line) <= 80 and len(_roles([line], headers) | _roles(_cells(line), headers)) >= 2:
            header, start = (_cells(line) if len(_cells(line)) > 1 else [line]), i + 1
            break
        run = []
        for ln in lines[i:i + 12]:
            if len(ln) > 14 or not _roles([ln], headers):
                break
            run.append(ln)
        if len(_roles(run, headers)) >= 2:
            header, start = run, i + len(run)
            break
    if start < 0:
        return None
    rows: list[list[str]] = []
    for line in lines[start:]:
        m = _SEQ.fullmatch(line)
        if m and int(m.group(1)) == len(rows) + 1:
            rows.append([m.group(1), *_cells(m.group(2))])
        elif rows:
            rows[-1].extend(_cells(line) if "\t" in line else [line])
    return Table(header=header, rows=rows, source=source)


def tables_of(doc: Doc, headers: Mapping[str, tuple[str, ...]]) -> list[Table]:
    """Every 清单 table of a document: sheets and tables of its attachments, then the table in its own text."""
    out: list[Table] = []
    for att in doc.attachments:
        if not att.text:
            continue
        if att.kind in SPREADSHEETS:
            names = list(att.meta.get("sheets") or [])
            for i, sheet in enumerate(att.text.split("\f")):
                t = _grid_table(sheet.split("\n"), headers, att.url, names[i] if i < len(names) else "")
                if t is not None:
                    out.append(t)
        else:
            text = att.text.replace("\f", "\n")
            t = _grid_table(text.split("\n"), headers, att.url, "") if "\t" in text else None
            t = t or _text_table(text, headers, att.url)
            if t is not None:
                out.append(t)
    if doc.kind != "attachment":  # a file linked from a list is its own attachment: read once
        t = _text_table(doc.text, headers, doc.final_url or doc.url)
        if t is not None:
            out.append(t)
    return out


def unreadable(doc: Doc) -> str | None:
    """Why a document's data could not be read: R_SCANNED (image-only attachment), R_COVERAGE_INCOMPLETE
    (attachment not fetched or not extracted), else None."""
    if any(a.scanned for a in doc.attachments):
        return "R_SCANNED"
    if any(a.fetch_error or a.error for a in doc.attachments):
        return "R_COVERAGE_INCOMPLETE"
    return None


def table_flaw(headers: Mapping[str, tuple[str, ...]]) -> Flaw:
    """A flaw for presence_unless(): the 清单 has no item table the rule can read."""
    def flaw(doc: Doc) -> str | None:
        if any(t.rows for t in tables_of(doc, headers)):
            return None
        return unreadable(doc) or "R_LOW_CONFIDENCE"
    return flaw


# ================================================================== durations

_CN_NUM = re.compile(r"[零一二两三四五六七八九十百]+")
_DAYS = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?|[零一二两三四五六七八九十百]+)\s*个?\s*(工作日|日|天)")
_AT_ONCE = ("即办", "即时办结", "当场办结", "立即办结", "当场办理", "即时办理")


def number(s: str) -> float | None:
    """「3」 「0.5」 「三」 「十五」 「两」 → a number (cn2an for Chinese numerals)."""
    if not s:
        return None
    if _CN_NUM.fullmatch(s):
        try:
            return float(cn2an.cn2an(s.replace("两", "二"), "smart"))
        except ValueError:
            return None
    try:
        return float(s)
    except ValueError:
        return None


def days_of(cell: str) -> float | None:
    """A 办理时限 cell → days (「即办」 = 0; a bare number in a 时限 column counts days)."""
    s = flat(cell)
    if any(w in s for w in _AT_ONCE):
        return 0.0
    m = _DAYS.search(s)
    if m:
        return number(m.group(1))
    return float(s) if re.fullmatch(r"\d+(?:\.\d+)?", s) else None


# ================================================================== departments (I07)

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|\d{1,3}[、.．)）]|[(（][一二三四五六七八九十\d]+[)）]|附件\d*[:：\-—]?)")
_DEPT_NAME = re.compile(r"[\u4e00-\u9fa5]{2,16}?(?:委员会|局|委|办公室)")
_FILE_EXT = re.compile(r"\.(?:xlsx?|et|docx?|wps|pdf|ofd|zip|rar)$", re.I)
_DECLARED = re.compile(r"(\d{1,3}|[一二三四五六七八九十]+)个(?:市政府|县政府|区政府|政府|市直|市级)?(?:工作)?部门")


def _strip_place(name: str, ev: SiteEvidence) -> str:
    n = flat(name)
    for p in sorted({*own_names(ev), "平顶山市", "平顶山"}, key=len, reverse=True):
        if n.startswith(p):
            return n[len(p):]
    return n[1:] if n[:1] in ("市", "县", "区") and len(n) > 3 else n


def dept_key(name: str, ev: SiteEvidence) -> str:
    """The short form a department compares by: 平顶山市发展和改革委员会 = 市发改委 → 发改委."""
    n = _strip_place(name, ev)
    for long, short in sorted(DEPARTMENT_ALIASES.items(), key=lambda kv: -len(kv[0])):
        if long in n:
            return n.replace(long, short)
    return n


def dept_name(label: str, ev: SiteEvidence) -> str | None:
    """The department a title, file name, sheet name, heading or cell names, or None. 「市发展和改革委员会
    权责清单.xlsx」 → 市发展和改革委员会; 「平顶山市人民政府工作部门权责清单」 names none (it is consolidated)."""
    t = _NUMBERING.sub("", _FILE_EXT.sub("", flat(label)))
    t = t[:t.index("关于")] if t.find("关于") > 0 else re.sub(r"^关于(?:公布|印发|发布)?", "", t)
    for term in (*I07_POWER_LIST.title_any, "公共服务事项清单", "清单"):
        idx = t.find(flat(term))
        if idx > 0:
            t = t[:idx]
            break
    t = re.sub(r"(?:的|[(（]20\d{2}年[版本度]?[)）])+$", "", t)
    if not _DEPT_NAME.fullmatch(_strip_place(t, ev)) or any(w in t for w in NON_GOVERNMENT_UNITS):
        return None
    return t


@dataclass
class DeptList:
    """One department's 权责清单 as the evidence shows it."""

    name: str
    url: str | None
    text: str = ""
    status: str = "ok"  # ok | empty | scanned | unreadable
    date: dt.date | None = None
    where: str = ""  # document | attachment | sheet | column | section | failed link

    @property
    def reason(self) -> str | None:
        return {"scanned": "R_SCANNED", "unreadable": "R_COVERAGE_INCOMPLETE"}.get(self.status)


@dataclass
class Roster:
    """What the rule can see of the 政府工作部门 and their lists (rules_spec I07)."""

    departments: dict[str, str] = field(default_factory=dict)  # key -> name, from the 机构设置 page
    roster_url: str | None = None
    declared: int | None = None  # 「N个工作部门」 stated by the list notice
    lists: dict[str, DeptList] = field(default_factory=dict)  # key -> the department's best list
    unattributed: list[str] = field(default_factory=list)  # URLs of lists that name no department

    @property
    def independent(self) -> bool:
        """The roster does not come from the lists alone."""
        return bool(self.departments) or self.declared is not None

    @property
    def expected(self) -> dict[str, str]:
        return self.departments or {k: v.name for k, v in self.lists.items()}


_ITEM = re.compile(r"^\s*\d{1,4}(?!\d)")


def _state(text: str, scanned: bool = False, failed: bool = False) -> str:
    """ok when the text holds list items: a numbered row, or a line under a header naming an element (a cover
    page saying 「详见附件」 holds none); otherwise scanned / unreadable / empty."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if any(_ITEM.match(ln) for ln in lines) or any(_roles(_cells(ln), I07_COMPONENTS) for ln in lines[:-1]):
        return "ok"
    return "scanned" if scanned else "unreadable" if failed else "empty"


def _put(lists: dict[str, DeptList], key: str, item: DeptList) -> None:
    order = ("ok", "scanned", "unreadable", "empty")
    old = lists.get(key)
    if old is None or order.index(item.status) < order.index(old.status) or (
            item.status == old.status and (item.date or dt.date.min) > (old.date or dt.date.min)):
        lists[key] = item


def _sections(text: str, ev: SiteEvidence) -> list[tuple[str, str]]:
    """(department, text) for each heading line of a consolidated text that names a department."""
    out: list[tuple[str, str]] = []
    for line in text.split("\n"):
        name = dept_name(line, ev) if len(flat(line)) <= 40 else None
        if name:
            out.append((name, ""))
        elif out:
            out[-1] = (out[-1][0], out[-1][1] + line + "\n")
    return out


def _attachment_lists(doc: Doc, ev: SiteEvidence, date: dt.date | None) -> list[DeptList]:
    out: list[DeptList] = []
    for att in doc.attachments:
        name = dept_name(att.name, ev)
        status = _state(att.text, att.scanned, bool(att.fetch_error or att.error))
        if name:
            out.append(DeptList(name, att.url, att.text, status, date, "attachment"))
            continue
        if att.kind in SPREADSHEETS:
            sheets = list(att.meta.get("sheets") or [])
            for i, sheet_text in enumerate(att.text.split("\f")):
                sheet_name = dept_name(sheets[i], ev) if i < len(sheets) else None
                if sheet_name:
                    out.append(DeptList(sheet_name, att.url, sheet_text, _state(sheet_text), date, "sheet"))
    return out


def _column_lists(doc: Doc, ev: SiteEvidence, date: dt.date | None) -> list[DeptList]:
    """Rows of a consolidated table grouped by its 实施主体/部门 column."""
    groups: dict[str, list[str]] = {}
    header = ""
    for t in tables_of(doc, I07_COMPONENTS):
        i = t.col(I07_DEPT_COLUMN)
        if i is None:
            continue
        header = "\t".join(t.header)
        for row in t.rows:
            name = dept_name(row[i], ev) if i < len(row) else None
            if name:
                groups.setdefault(name, []).append("\t".join(row))
    return [DeptList(n, doc.final_url or doc.url, header + "\n" + "\n".join(rows), "ok", date, "column")
            for n, rows in groups.items()]


def roster_of(ev: SiteEvidence) -> Roster:
    """The departments and their 权责清单 on a government site.

    Roster: the department names of the site's 机构设置 / 政府工作部门 page (links or text naming ≥ 3 units that
    end in 局/委/委员会/办公室, without vertical, party, 人大/政协 units), and the number of departments the
    list notice declares (「市政府40个工作部门权责清单」). Lists: 权责清单 documents titled for a department, and
    the attachments, sheets, 部门 column groups and headed sections of a consolidated 权责清单 that name one,
    plus failed links to a department's list (unreadable, not missing)."""
    r = Roster()
    # the roster must not come from the lists themselves: a 「…工作部门权责清单」 notice is no 机构设置 page
    pages = [d for d in ev.docs if d.kind != "attachment" and "清单" not in d.title and
             ("JG" in d.column_codes or any(flat(w) in flat(d.title) for w in I07_ROSTER_PAGE))]
    named: list[tuple[int, dt.date, dict[str, str], str]] = []
    for d in pages:
        labels = [lk.label for lk in (d.page.links if d.page else []) if lk.region != "nav"]
        labels += re.split(r"[、，,；;：:。\s]+", d.text)  # 「设置工作部门6个：叶县发改委、…、叶县审计局。」
        names = {dept_key(n, ev): n for lab in labels if (n := dept_name(lab, ev))}
        if len(names) >= 3:  # the overview names the most departments (a department's own page only a few)
            named.append((len(names), d.publish_date or d.written_date or dt.date.min, names, d.final_url or d.url))
    if named:
        _, _, r.departments, r.roster_url = max(named, key=lambda n: (n[0], n[1]))
    for c in find(ev, I07_POWER_LIST):
        if c.jurisdiction != "own" or c.score < 1.0:
            continue
        doc, date = c.doc, c.date
        url = doc.final_url or doc.url
        own = dept_name(doc.title, ev) or next((n for b in reversed(doc.breadcrumb) if (n := dept_name(b, ev))), None)
        if own:
            why = unreadable(doc)
            state = _state(doc.all_text, why == "R_SCANNED", why == "R_COVERAGE_INCOMPLETE")
            _put(r.lists, dept_key(own, ev), DeptList(own, url, doc.all_text, state, date, "document"))
            continue
        m = _DECLARED.search(flat(doc.text[:1500]))
        if m and r.declared is None:
            r.declared = int(number(m.group(1)) or 0) or None
        found = _attachment_lists(doc, ev, date) + _column_lists(doc, ev, date)
        found += [DeptList(n, url, t, _state(t), date, "section") for n, t in _sections(doc.text, ev)]
        for item in found:
            _put(r.lists, dept_key(item.name, ev), item)
        if not found and _could_hold_lists(doc):
            r.unattributed.append(url)
    for f in ev.failures:
        name = dept_name(f.anchor, ev) if any(flat(t) in flat(f.anchor) for t in I07_POWER_LIST.title_any) else None
        if name:
            _put(r.lists, dept_key(name, ev), DeptList(name, f.url, "", "unreadable", None, "failed link"))
    return r


def _could_hold_lists(doc: Doc) -> bool:
    """A consolidated list that names no department may hold a missing one's list; an announcement with
    neither attachments nor tables (「…动态调整情况的公告」) cannot."""
    return bool(doc.attachments) or bool(doc.page and doc.page.tables)


def doubt_about_missing(ev: SiteEvidence, r: Roster, columns: tuple[str, ...]) -> list[str]:
    """Why a department without a list may still have one (→ REVIEW, not FAIL): the crawl of the authoritative
    columns was incomplete, or a consolidated list names no departments and may hold theirs."""
    gap = coverage_gap(ev, columns, I07_POWER_LIST)
    return (["R_COVERAGE_INCOMPLETE"] if not gap.complete else []) + (["R_LOW_CONFIDENCE"] if r.unattributed else [])
