"""执法决定 one by one (rules_spec §6 I57, I89.a): rows of 公示 tables, 信用 records, 决定书 full texts.

A decision has a `decision_date` (by the labels of §6 I57, else the 落款 of a full 决定书; never 立案/送达/有效期
dates), a category (license / penalty / other via the category map) and the date its page published it. A
monthly 双公示 batch article publishes all its rows on the article's own date.

Table rows come from the page text, where the HTML parser leaves one line per cell (pretty-printed markup,
`<td><p>…</p></td>`), one line per row (compact markup) or tab-separated cells (spreadsheet attachments). A
row is anchored on its 文书号; its decision date is the date cell at the decision column's place among the
date columns on the same side of the 文书号 column, so cells dropped elsewhere in the row do not shift it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from audit_rules.evidence import EXTRACTION_QUALITY, SOURCE_ORDER, Doc, SiteEvidence
from audit_rules.machinery.find import flat, in_columns, match
from audit_rules.vocab.enforcement import (
    DECISION_CATEGORIES,
    DECISION_DATE_LABELS,
    DECISION_JSON_KEYS,
    DECISION_TEXT_NOT,
    DECISION_TEXT_PARTY,
    DECISION_TEXT_TITLE,
    DOC_NUMBER_LABELS,
    I57_DECISION_PAGES,
    NO_CASE_STATEMENT,
    NOT_DECISION_DATE_LABELS,
    PLATFORM_PUBLISH_LABELS,
    PLATFORM_UPDATE_LABELS,
)
from govaudit.extract.dates import find_dates, parse_date, sign_date

COLUMNS = ("ZF", "XY")  # 行政执法公示 and 信用 双公示 (rules_spec §6 I57 `Where`)
_SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@dataclass(frozen=True)
class Decision:
    doc: Doc  # the page that publishes it (for a table row: the table page)
    source: str  # table | record | json | text
    decision_date: dt.date | None
    date_label: str | None  # the label the date was read from, or 落款
    category: str | None  # license | penalty | other; None when nothing says
    publish_date: dt.date | None
    publish_source: str | None  # meta | header | meta_tag | list | url | platform | updated
    doc_number: str | None = None
    row_key: str | None = None  # tells rows of one page apart (CONTRACT §3)
    snippet: str = ""
    text: str = ""  # the full text of a 决定书 (I89.a)
    scanned: bool = False
    attachment: str | None = None  # the attachment a 决定书 was read from
    copies: tuple[str, ...] = ()  # other pages publishing the same 文书号

    @property
    def url(self) -> str:
        return self.doc.final_url or self.doc.url

    @property
    def key(self) -> str:
        """Identity across copies: the 文书号, else the page and row."""
        return f"no:{self.doc_number}" if self.doc_number else f"{self.url}#{self.row_key or ''}"


# ------------------------------------------------------------------ labels and cells

def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_KNOWN_LABELS = sorted(set(DECISION_DATE_LABELS + NOT_DECISION_DATE_LABELS), key=len, reverse=True)
# Every date-column label, specific ones first; a bare …日期/…时间 is a date column of unknown role.
_DATE_LABEL = re.compile(f"(?:{_alternation(_KNOWN_LABELS)})|[\u4e00-\u9fa5]{{0,4}}?(?:日期|时间)")
_DOCNO_LABEL = re.compile(_alternation(DOC_NUMBER_LABELS))
_YEAR_NO = r"[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*[0-9A-Za-z\-－—]{1,12}\s*号"
_YEAR_BRACKET = re.compile(r"[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]")
_DOCNO_CELL = re.compile(r"[^\s，。；;:：]{1,18}?" + _YEAR_NO)
_DOCNO_IN_TEXT = re.compile(r"(?P<prefix>[\u4e00-\u9fa5（）()]{1,10})" + _YEAR_NO)
# In a run-together row the 文号 follows the party's name: cut the prefix after the name's last word.
_NAME_END = re.compile(r".*(?:公司|店|厂|部|社|中心|商行|超市|诊所|药房|酒店|宾馆|医院|学校|个体工商户)")
_CELL_JUNK = re.compile(r"[\s至到起止\-－—~～/]+")
_HEADER_CELL_MAX = 24
_NO_CASE = re.compile(NO_CASE_STATEMENT)
_TEXT_TITLE = re.compile(DECISION_TEXT_TITLE)
_TEXT_PARTY = re.compile(DECISION_TEXT_PARTY)


def _label_of(found: str) -> str:
    """The known label a match ends with (the generic pattern may take a neighbour's characters along)."""
    return next((lab for lab in _KNOWN_LABELS if found.endswith(lab)), found)


def category_of(text: str) -> str | None:
    """license / penalty / other by the category map; None when none or several are named."""
    t = flat(text)
    hits = [cat for cat, terms in DECISION_CATEGORIES.items() if any(flat(w) in t for w in terms)]
    return hits[0] if len(hits) == 1 else None


def _row_category(label: str, doc_number: str | None) -> str | None:
    if "处罚" in label:
        return "penalty"
    if "许可" in label:
        return "license"
    prefix = _YEAR_BRACKET.split(doc_number or "", maxsplit=1)[0]
    return "penalty" if "罚" in prefix else "license" if "许" in prefix else None


def _cell_date(cell: str) -> dt.date | None:
    """The date of a cell holding only a date (or a range): prose that mentions a date is no date cell."""
    hits = [h for h in find_dates(cell) if h.has_year and h.date]
    if not hits:
        return None
    rest = cell
    for h in reversed(hits):
        rest = rest[: h.start] + rest[h.end:]
    return hits[0].date if len(_CELL_JUNK.sub("", rest)) <= 2 else None


def _norm_docno(text: str) -> str:
    """平市监罚[2021]3号 / 平市监罚（2021）3号 → 平市监罚〔2021〕3号, so copies of one decision meet."""
    return _YEAR_BRACKET.sub(r"〔\1〕", flat(text))


def _docno(text: str) -> str | None:
    m = _DOCNO_IN_TEXT.search(text)
    if not m:
        return None
    prefix = m.group("prefix")
    cut = _NAME_END.match(prefix)
    return _norm_docno((prefix[cut.end():] if cut else prefix) + m.group(0)[len(prefix):])


# ------------------------------------------------------------------ tables

@dataclass
class _Header:
    kinds: list[str]  # per column: docno | decision | date | text
    labels: list[str]
    caption: str = ""

    @property
    def docno(self) -> int:
        return self.kinds.index("docno")

    @property
    def decision_label(self) -> str:
        return self.labels[self.kinds.index("decision")]

    def place(self) -> tuple[bool, int, int]:
        """Where the decision date sits: (after the 文书号?, its ordinal among that side's date columns,
        how many date columns that side has)."""
        c, d = self.docno, self.kinds.index("decision")
        side = [k for k, kind in enumerate(self.kinds) if kind in ("decision", "date") and (k > c) == (d > c)]
        return d > c, side.index(d), len(side)


def _kind(found: str) -> str:
    label = _label_of(found)
    return "decision" if label in DECISION_DATE_LABELS else "date"


def _cell_kind(cell: str) -> str:
    m = _DATE_LABEL.search(cell)
    if m:
        return _kind(m.group(0))
    return "docno" if _DOCNO_LABEL.search(cell) else "text"


def _header(kinds: list[str], labels: list[str], caption: str) -> _Header | None:
    return _Header(kinds, labels, caption) if "decision" in kinds and "docno" in kinds else None


def _line_header(line: str, caption: str) -> _Header | None:
    """A run-together header line (compact markup): its labels in the order they appear."""
    spans = sorted([(m.start(), _kind(m.group(0)), m.group(0)) for m in _DATE_LABEL.finditer(line)]
                   + [(m.start(), "docno", m.group(0)) for m in _DOCNO_LABEL.finditer(line)])
    return _header([k for _, k, _ in spans], [lab for _, _, lab in spans], caption)


def _digit_free(line: str) -> bool:
    return not any(ch.isdigit() for ch in line)


@dataclass
class _Table:
    header: _Header
    cells: list[str] | None  # cell mode: one item per cell
    rows: list[str] | None  # line mode: one item per row


def _tables(text: str) -> list[_Table]:
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    found: list[tuple[int, int, _Header, str]] = []  # (first line, after the header, header, mode)
    i = 0
    while i < len(lines):
        line, caption = lines[i], lines[i - 1] if i else ""
        if "\t" in line and _digit_free(line):
            cells = [c.strip() for c in line.split("\t")]
            if h := _header([_cell_kind(c) for c in cells], cells, caption):
                found.append((i, i + 1, h, "tabs"))
        elif len(line) <= _HEADER_CELL_MAX and _digit_free(line):
            j = i
            while j < len(lines) and len(lines[j]) <= _HEADER_CELL_MAX and _digit_free(lines[j]):
                j += 1
            block = lines[i:j]
            kinds = [_cell_kind(c) for c in block]
            # 处罚决定日期 followed by its date is a key/value record, not a header
            record = any(k == "decision" and i + n + 1 < len(lines) and parse_date(lines[i + n + 1])
                         for n, k in enumerate(kinds))
            if j - i >= 3 and not record and (h := _header(kinds, block, caption)):
                found.append((i, j, h, "cells"))
            else:  # a short run-together header line stands alone in its block
                found += [(k, k + 1, h, "line") for k in range(i, j)
                          if (h := _line_header(lines[k], lines[k - 1] if k else "")) is not None]
            i = j
            continue
        elif _digit_free(line) and (h := _line_header(line, caption)):
            found.append((i, i + 1, h, "line"))
        i += 1
    tables = []
    for n, (_, end, header, mode) in enumerate(found):
        data = lines[end: found[n + 1][0] if n + 1 < len(found) else len(lines)]
        if mode == "line":
            tables.append(_Table(header, None, data))
        else:  # tab-separated rows keep their empty cells, so they stay aligned
            tables.append(_Table(header, [c.strip() for ln in data for c in ln.split("\t")] if mode == "tabs"
                                 else data, None))
    return tables


def _rows(table: _Table) -> Iterator[tuple[str, list[dt.date], list[dt.date], str]]:
    """(文书号, dates before it, dates after it, row text) for every row."""
    if table.rows is not None:
        for line in table.rows:
            m = _DOCNO_IN_TEXT.search(line)
            if m:
                before = [x.date for x in find_dates(line[: m.start()]) if x.has_year and x.date]
                after = [x.date for x in find_dates(line[m.end():]) if x.has_year and x.date]
                yield _docno(line) or _norm_docno(m.group(0)), before, after, line
        return
    cells = table.cells or []
    n_before = table.header.docno
    n_after = len(table.header.kinds) - n_before - 1
    anchors = [i for i, c in enumerate(cells) if _DOCNO_CELL.fullmatch(c)]
    for n, i in enumerate(anchors):
        prev = anchors[n - 1] if n else -1
        nxt = anchors[n + 1] if n + 1 < len(anchors) else len(cells)
        before_cells = cells[max(prev + 1, i - n_before): i]
        after_cells = cells[i + 1: min(nxt, i + 1 + n_after)]
        before = [d for c in before_cells if (d := _cell_date(c))]
        after = [d for c in after_cells if (d := _cell_date(c))]
        yield _norm_docno(cells[i]), before, after, " | ".join(c for c in [*before_cells, cells[i], *after_cells] if c)


def _table_decisions(doc: Doc, text: str, category: str | None, publish: tuple[dt.date | None, str | None],
                     where: str) -> list[Decision]:
    out: list[Decision] = []
    for t, table in enumerate(_tables(text)):
        after, ordinal, count = table.header.place()
        label = table.header.decision_label
        table_category = category_of(table.header.caption) or category
        rows = list(_rows(table))
        for number, before_dates, after_dates, row_text in rows:
            side = after_dates if after else before_dates[len(before_dates) - count:] if len(before_dates) >= count \
                else []
            date = side[ordinal] if len(side) > ordinal else None
            out.append(Decision(doc, "table", date, label, _row_category(label, number) or table_category, *publish,
                                doc_number=number, row_key=f"{where}{t}:{number}", snippet=row_text[:300]))
        if not rows:  # a table we could not split: the page publishes decisions we cannot date
            out.append(Decision(doc, "table", None, label, table_category, *publish, row_key=f"{where}{t}:unparsed",
                                snippet=table.header.caption[:300]))
    return out


# ------------------------------------------------------------------ labelled dates, JSON, full texts

def _labelled_date(text: str, labels: Sequence[str] = DECISION_DATE_LABELS) -> tuple[dt.date, str] | None:
    """`处罚决定日期：2021/9/28 0:00:00` (or the date on the next line). A label inside a longer other label
    (决定书送达日期) is that other label."""
    for m in _DATE_LABEL.finditer(text):
        label = _label_of(m.group(0))
        if label not in labels:
            continue
        tail = text[m.end(): m.end() + 40]
        hit = next((h for h in find_dates(tail) if h.has_year and h.date), None)
        if hit and hit.date and not tail[: hit.start].strip(" \t\n:："):
            return hit.date, label
    return None


def _json_value(item: dict[str, Any], role: str) -> Any:
    keys = {str(k).lower(): v for k, v in item.items()}
    return next((keys[k] for k in (w.lower() for w in DECISION_JSON_KEYS[role]) if keys.get(k) not in (None, "")),
                None)


def _json_date(value: Any) -> dt.date | None:
    if isinstance(value, (int, float)) and value > 10**11:  # epoch milliseconds
        return dt.datetime.fromtimestamp(value / 1000, tz=_SHANGHAI).date()
    return parse_date(str(value)) if value is not None else None


def _json_records(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 8:
        return
    if isinstance(node, list):
        for item in node[:5000]:
            yield from _json_records(item, depth + 1)
    elif isinstance(node, dict):
        if any(_json_value(node, role) is not None for role in ("penalty_date", "license_date", "decision_date")):
            yield node
            return
        for value in node.values():
            yield from _json_records(value, depth + 1)


def decisions_from_json(data: Any, doc: Doc, category: str | None) -> list[Decision]:
    """信用 platform entries (双公示 data standard field names, `2021/9/28 0:00:00` dates): one decision each.
    The entry's own 公示日期/上报日期 is its publish date, else the page's, else its 更新时间."""
    out = []
    for n, item in enumerate(_json_records(data)):
        penalty, license_ = _json_value(item, "penalty_date"), _json_value(item, "license_date")
        raw = penalty or license_ or _json_value(item, "decision_date")
        number = _json_value(item, "doc_number")
        published: dt.date | None = _json_date(_json_value(item, "publish_date"))
        source: str | None = "platform"
        if published is None:
            published, source = _page_publish(doc)
        if published is None and (updated := _json_date(_json_value(item, "update_date"))):
            published, source = updated, "updated"
        party = _json_value(item, "party") or ""
        out.append(Decision(doc, "json", _json_date(raw), "json", "penalty" if penalty else "license" if license_
                            else category, published, source, doc_number=_norm_docno(str(number)) if number else None,
                            row_key=f"json:{number or n}", snippet=f"{party} {number or ''} {raw}".strip()))
    return out


_JSON_START = re.compile(r"[=(:]\s*([\[{])")


def _script_json(doc: Doc) -> Iterator[Any]:
    """Data a page embeds for its script to render (`var list = […]`, `window.__INITIAL_STATE__ = {…}`)."""
    decoder = json.JSONDecoder()
    for script in doc.page.scripts if doc.page else []:
        for m in _JSON_START.finditer(script):
            try:
                yield decoder.raw_decode(script, m.start(1))[0]
            except ValueError:
                continue


def _is_decision_text(title: str, text: str) -> bool:
    """Titled (or headed) as a 决定书, not a list or a notice about one."""
    return bool(_TEXT_TITLE.search(flat(title) + flat(text[:60]))) and not any(w in flat(title)
                                                                              for w in DECISION_TEXT_NOT)


def _reads_as_decision(text: str) -> bool:
    """The body of a 决定书 names its party (当事人/申请人) near the top; a 公示 article does not."""
    return len(flat(text)) >= 150 and bool(_TEXT_PARTY.search(text[:600]))


def _text_decision(doc: Doc, text: str, category: str | None, publish: tuple[dt.date | None, str | None],
                   attachment: str | None) -> Decision:
    labelled = _labelled_date(text)
    date, label = labelled if labelled else (sign_date(text), "落款")
    number = (doc.doc_number if attachment is None else None) or _docno(text[:400])
    return Decision(doc, "text", date, label if date else None, category, *publish, doc_number=number,
                    row_key=attachment, snippet=" ".join(text[:300].split()), text=text, attachment=attachment)


def _full_texts(doc: Doc, category: str | None, publish: tuple[dt.date | None, str | None],
                skip: set[str]) -> list[Decision]:
    """The 决定书 the page publishes as its body or as attachments (scans included; `skip`: attachments that
    turned out to be tables)."""
    out = []
    if doc.kind != "attachment" and _is_decision_text(doc.title, doc.text) and _reads_as_decision(doc.text):
        out.append(_text_decision(doc, doc.text, category, publish, None))
    page_is_decision = _is_decision_text(doc.title, "")
    for att in doc.attachments:
        if att.url in skip or not (page_is_decision or _is_decision_text(att.name, att.text)):
            continue
        att_category = category_of(att.name) or category
        if att.scanned or not att.text.strip():
            out.append(Decision(doc, "text", None, None, att_category, *publish, row_key=att.url,
                                snippet=att.name, scanned=True, attachment=att.url))
        elif _reads_as_decision(att.text):
            out.append(_text_decision(doc, att.text, att_category, publish, att.url))
    return out


# ------------------------------------------------------------------ publish dates

_PUBLISH_WORDS = ("发布", "公开", "发表", "上载", "公示日期", "上报")


def _header_misread(doc: Doc) -> bool:
    """The page parser takes any `…日期：` near the title for the header date, so on a 信用 record page
    `处罚决定日期：2021/9/28` becomes the publish date. That date belongs to the decision, not to the page."""
    raw = doc.fields.get("publish_date")
    if not raw or doc.field_source.get("publish_date") != "header":
        return False
    labels = re.findall(r"([\u4e00-\u9fa5]{1,12})\s*[:：]\s*" + re.escape(raw), doc.text)
    return bool(labels) and not any(w in lab for lab in labels for w in _PUBLISH_WORDS)


def publish_candidates(doc: Doc) -> dict[str, dt.date]:
    candidates = dict(doc.publish_candidates)
    if _header_misread(doc):
        candidates.pop("header", None)
    return candidates


def _page_publish(doc: Doc) -> tuple[dt.date | None, str | None]:
    """rules_spec §6 I57: the record page's (or the carrying article's) publish date, else the platform's
    公示日期/上报日期, else its 更新时间 (an upper bound of the publish date)."""
    candidates = publish_candidates(doc)
    for source in SOURCE_ORDER:
        if source in candidates:
            return candidates[source], source
    for labels, source in ((PLATFORM_PUBLISH_LABELS, "platform"), (PLATFORM_UPDATE_LABELS, "updated")):
        if found := _labelled_date(doc.text, labels):
            return found[0], source
    return None, None


def publish_quality(source: str | None) -> float:
    """rules_spec §2.5 extraction quality of a publish date source (更新时间: 0.5)."""
    return {"platform": 0.7, "updated": 0.5}.get(source or "", EXTRACTION_QUALITY.get(source or "", 0.5))


# ------------------------------------------------------------------ pages → decisions

def decisions_in(doc: Doc) -> list[Decision]:
    """Every decision `doc` publishes: embedded JSON entries; else table rows (body, spreadsheet attachments)
    and 决定书 (body or attachments, scans included); else one 信用 record."""
    category = category_of(doc.title) or category_of(doc.text[:300])
    publish = _page_publish(doc)
    for data in _script_json(doc):
        if found := decisions_from_json(data, doc, category):
            return found
    out = _table_decisions(doc, doc.text, category, publish, "t") if doc.kind != "attachment" else []
    tables: set[str] = set()
    for n, att in enumerate(doc.attachments):
        rows = _table_decisions(doc, att.text, category_of(att.name) or category, publish, f"a{n}.") if att.text else []
        if rows:
            tables.add(att.url)
            out += rows
    out += _full_texts(doc, category, publish, tables)
    if out:
        return out
    if labelled := _labelled_date(doc.text):
        date, label = labelled
        number = doc.doc_number or _docno(doc.text)
        return [Decision(doc, "record", date, label, _row_category(label, number) or category, *publish,
                         doc_number=number, snippet=" ".join(doc.text[:300].split()))]
    return []


def decision_pages(ev: SiteEvidence) -> list[Doc]:
    """Pages that may publish decisions: titled so (rules_spec §6 I57), or in the 执法公示 / 信用 columns."""
    return [d for d in ev.docs if d.kind in ("detail", "attachment", "other")
            and (in_columns(d, COLUMNS) or match(d, I57_DECISION_PAGES) is not None)]


def collect(ev: SiteEvidence, sources: Sequence[str] = ("table", "record", "json", "text")) -> list[Decision]:
    """Every decision of the site (from `sources`), once per 文书号: the earliest published copy (rules_spec
    §5.3.3), carrying the decision date of whichever copy shows it."""
    groups: dict[str, list[Decision]] = {}
    for doc in decision_pages(ev):
        for d in decisions_in(doc):
            if d.source in sources:
                groups.setdefault(d.key, []).append(d)
    out = []
    for copies in groups.values():
        first = min(copies, key=lambda d: (d.publish_date or dt.date.max, d.decision_date is None))
        date = first.decision_date or next((d.decision_date for d in copies if d.decision_date), None)
        others = tuple(sorted({d.url for d in copies} - {first.url}))
        out.append(replace(first, decision_date=date, copies=others))
    return out


def no_case_statement(ev: SiteEvidence, scope: Sequence[str]) -> tuple[Doc, str] | None:
    """A statement that there were no cases (「本月无行政处罚案件」) whose object is one of `scope`."""
    for doc in decision_pages(ev):
        # all the page's text: the statement may stand in the column's notice rather than in the body
        for m in _NO_CASE.finditer(flat(doc.title + "\n" + (doc.page.full_text if doc.page else doc.text))):
            if m.group(1) in scope:
                return doc, m.group(0)
    return None
