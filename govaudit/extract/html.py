"""One parse of a government web page: title, metadata by label, header line, body, links, list items.

Used by the crawler (links, list items, pagination hints) and by the rules (evidence), so both see
the same page. Dates stay raw strings here; `govaudit.extract.dates` gives them meaning.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

ATTACHMENT_EXT = ("pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ofd", "zip", "rar", "7z", "csv", "txt",
                  "ppt", "pptx", "dps")
IMAGE_EXT = ("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff")
_ATTACH_RE = re.compile(r"\.(" + "|".join(ATTACHMENT_EXT) + r")(?:$|[?#])", re.I)
_IMAGE_RE = re.compile(r"\.(" + "|".join(IMAGE_EXT) + r")(?:$|[?#])", re.I)
_JS_URL_RE = re.compile(r"""(?:download|openFile|downLoad|window\.open|location\.href\s*=)\s*\(?\s*['"]([^'"]+)['"]""")
_VIEWER_RE = re.compile(r"[?&]file=([^&#]+)")

# Metadata labels (rules_spec §5.2), normalised (no spaces/colons). First match wins per field.
META_LABELS: dict[str, tuple[str, ...]] = {
    "index_no": ("索引号", "索取号"),
    "publisher": ("发布机构", "发文机关", "发文机构", "发文单位", "公开主体", "信息来源", "来源", "责任部门",
                  "发布单位"),
    "written_date": ("成文日期", "生成日期", "发文日期", "印发日期", "签发日期", "制发日期", "形成日期"),
    "publish_date": ("发布日期", "公开日期", "上载日期", "发布时间", "公开时间", "发文时间"),
    "updated": ("更新时间", "更新日期", "修改时间"),
    "doc_number": ("发文字号", "文号", "发文文号", "文件编号"),
    "topic": ("主题分类", "信息分类", "分类", "所属主题", "主题"),
    "genre": ("体裁分类", "体裁", "文种"),
    "validity": ("有效性", "时效性", "效力状态", "是否有效"),
    "effective_date": ("施行日期", "生效日期", "实施日期"),
    "name": ("名称", "标题", "文件名称", "信息名称"),
    # 意见征集系统 pages (rules_spec §5.4): structured comment-period fields
    "comment_period": ("征集时间", "征求意见时间", "意见征集时间", "起止时间", "征集期限"),
    "comment_start": ("开始时间", "征集开始时间", "开始日期"),
    "comment_end": ("结束时间", "截止时间", "征集截止时间", "截止日期", "结束日期"),
    "comment_status": ("状态", "征集状态"),
    "register_no": ("登记号", "统一登记号", "规范性文件登记号", "统一编号"),
    "service_target": ("服务对象",),
    "author": ("作者",),
    "editor": ("编辑", "责任编辑"),  # 「来源：巴彦淖尔日报 编辑：苏亮」: ends the publisher value
    "views": ("浏览次数", "点击次数", "访问量", "阅读次数"),
}
_LABEL_TO_FIELD: dict[str, str] = {lab: f for f, labs in META_LABELS.items() for lab in labs}
# Labels that only ever appear in 信息公开 metadata blocks, not in a news header line.
_TABLE_ONLY = {"index_no", "written_date", "doc_number", "topic", "genre", "validity", "register_no",
               "service_target", "effective_date"}

_DATE_TOKEN = r"(?:\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?" \
              r"|\d{1,2}\s*[-./]\s*\d{1,2}(?!\d))"
_LIST_DATE_RE = re.compile(_DATE_TOKEN)
_HEADER_RE = re.compile(
    r"(发布时间|发布日期|发表时间|(?<![\u4e00-\u9fa5])时间|(?<![\u4e00-\u9fa5])日期|(?<![\u4e00-\u9fa5])来源|信息来源|"
    r"作者|浏览次数|点击次数|访问量)\s*[:：]\s*"
    r"([^\s:：|｜]{1,40}(?:\s\d{1,2}:\d{2}(?::\d{2})?)?)"
)
# A server-side include can leave a whole header document inside the page (www.gov.cn 公报 pages close
# </html> after their header): libxml2 drops everything after that end tag, browsers ignore it.
_END_TAGS = re.compile(r"</\s*(?:html|body)\s*>", re.I)
# 「2005年08月16日　来源：新华网」: a header line whose date carries no label of its own
_BARE_HEADER_DATE = re.compile(r"(?<![\d:：])(\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?"
                               r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)\s*(?:来源|信息来源|作者|浏览次数|点击次数)\s*[:：]")
_SPACES = re.compile(r"[ \t\r\f\v\u3000\xa0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_CRUMB_HINT = re.compile(r"crumb|position|location|dqwz|weizhi|current|bread|path|nav_?path|wz", re.I)
_NAV_HINT = re.compile(r"(^|[-_\s])(nav|menu|daohang|dh|header|head|top|topbar|channel)([-_\s]|$)", re.I)
_FOOT_HINT = re.compile(r"foot|bottom|copyright|banquan|links?bar|yqlj|friend", re.I)
_CONTENT_HINT = re.compile(r"zoom|trs_?editor|ucap|article|content|detail|wzcon|main[-_]?t|text|zw|bt_con|"
                           r"news_?con|xxgk_?con|pages?_?con|con_?box", re.I)
_TITLE_HINT = re.compile(r"title|tit|bt|headline|subject", re.I)
_SITE_SUFFIX = re.compile(r"\s*[_|｜\-—–]+\s*")
NEXT_TEXTS = ("下一页", "下页", "后一页", "下一頁", ">", "›", "»", "next", "Next", "下一页>>", ">>")


@dataclass
class Link:
    url: str
    text: str
    region: str = "body"  # nav|list|body|footer|crumb
    date_text: str | None = None
    title_attr: str | None = None
    is_attachment: bool = False
    menu_parent: str | None = None  # a nested menu item: the label of the item it hangs under (行政执法公示 › 行政处罚)

    @property
    def label(self) -> str:
        """The fuller of link text and title attribute (lists truncate long titles with '...')."""
        t = self.title_attr or ""
        return t if len(t) > len(self.text.rstrip(".…")) else self.text


@dataclass
class Page:
    url: str
    html_title: str = ""
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)  # metadata by role (raw strings)
    field_source: dict[str, str] = field(default_factory=dict)  # 'meta' (table) | 'header' | 'meta_tag'
    breadcrumb: list[str] = field(default_factory=list)
    text: str = ""  # main body text
    full_text: str = ""  # all visible text (for keyword search near the title)
    links: list[Link] = field(default_factory=list)
    list_items: list[Link] = field(default_factory=list)
    attachments: list[Link] = field(default_factory=list)
    next_links: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    script_srcs: list[str] = field(default_factory=list)
    xml_datastores: list[str] = field(default_factory=list)
    iframes: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)  # body tables: rows of cell texts
    links_truncated: bool = False
    kind: str = "other"  # home|list|detail|shell|other
    js_hint: bool = False
    visible_chars: int = 0


def clean(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text) if any(0xFF01 <= ord(c) <= 0xFF5E for c in text) else text
    return _SPACES.sub(" ", text).strip()


def norm_label(text: str) -> str:
    return re.sub(r"[\s\u3000\xa0:：]+", "", text or "")


def _attr_hint(el: etree._Element) -> str:
    return f"{el.get('id', '')} {el.get('class', '')}"


def canonical_href(base: str, href: str) -> str | None:
    href = (href or "").strip().replace("\\", "/")
    if not href or href.startswith(("mailto:", "tel:", "data:", "about:")):
        return None
    if href.lower().startswith("javascript:"):
        m = _JS_URL_RE.search(href)
        if not m:
            return None
        href = m.group(1)
    url = urljoin(base, href)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    frag = parts.fragment if is_state_fragment(parts.fragment) else ""  # keep SPA routes / category ids
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", parts.query, frag))


_STATE_FRAGMENT = re.compile(r"^(?:[/!].*|\d{1,12})$")


def is_state_fragment(fragment: str) -> bool:
    """`#/article/3`, `#!/list`, `#1234`: a script reads them to decide what to show (a route, a gkmlpt
    category id); `#top` or `#content` only scroll the page."""
    return bool(fragment) and bool(_STATE_FRAGMENT.match(fragment))


def is_attachment_url(url: str) -> bool:
    return bool(_ATTACH_RE.search(urlsplit(url).path + ("?" + urlsplit(url).query if "." in urlsplit(url).query
                                                            else "")))


def _region(el: etree._Element) -> str:
    node: etree._Element | None = el
    while node is not None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("nav", "header"):
            return "nav"
        if tag == "footer":
            return "footer"
        hint = _attr_hint(node)
        if hint.strip():
            if _CRUMB_HINT.search(hint) and tag not in ("body", "html"):
                return "crumb"
            if _FOOT_HINT.search(hint):
                return "footer"
            if _NAV_HINT.search(hint):
                return "nav"
        node = node.getparent()
    return "body"


def _menu_parent(a: etree._Element) -> str | None:
    """The label of the menu item a nested menu link hangs under: <li><a>行政执法公示</a><ul><li><a>行政处罚</a>."""
    li = next((n for n in islice(a.iterancestors(), 3) if n.tag == "li"), None)
    if li is None:
        return None
    outer = next((n for n in islice(li.iterancestors(), 4) if n.tag == "li"), None)
    if outer is None:
        return None
    head = next((c for c in outer if c.tag == "a"), None)
    if head is None:
        head = next((c for c in outer.iterdescendants("a") if li not in c.iterancestors()), None)
    if head is None:
        return None
    return clean(head.text_content()) or None


def _item_container(a: etree._Element) -> etree._Element | None:
    node = a.getparent()
    for _ in range(3):
        if node is None:
            return None
        # len() of an lxml element walks its children: look at most at 7 of them
        if node.tag in ("li", "tr", "dd", "dl", "p") or (node.tag == "div" and sum(1 for _ in islice(node, 7)) <= 6):
            return node
        node = node.getparent()
    return None


def _meta_tags(doc: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in doc.iter("meta"):
        name = (m.get("name") or m.get("property") or m.get("http-equiv") or "").strip()
        content = m.get("content")
        if name and content is not None and name.lower() not in out:
            out[name.lower()] = clean(content)
    return out


def _value_after(el: etree._Element) -> str:
    """The value that follows a label element: its tail, else the next non-empty sibling, climbing up."""
    node: etree._Element | None = el
    for _ in range(4):
        if node is None:
            return ""
        tail = clean(node.tail).lstrip(":：").strip()
        if tail:
            return tail
        sib = node.getnext()
        while sib is not None and not isinstance(sib.tag, str):
            sib = sib.getnext()
        if sib is not None:
            value = clean(sib.text_content())
            if value:
                return value
        parent = node.getparent()
        if parent is None or norm_label(parent.text_content()) != norm_label(node.text_content()):
            return ""
        node = parent
    return ""


_NEXT_LABEL = re.compile(r"(?:" + "|".join(sorted((re.escape(x) for x in _LABEL_TO_FIELD), key=len, reverse=True))
                         + r")\s*[:：]")


def _first_value(value: str) -> str:
    """'2021-03-18 来源：市政府' -> '2021-03-18': header lines chain several label：value pairs."""
    m = _NEXT_LABEL.search(value)
    return (value[: m.start()] if m else value).strip()


def extract_metadata(doc: etree._Element) -> tuple[dict[str, str], dict[str, str]]:
    """Label/value pairs of the 信息公开 metadata block and the header line, with their source."""
    found: dict[str, str] = {}
    labels_seen: dict[str, etree._Element] = {}
    for el in doc.iter("td", "th", "dt", "dd", "span", "b", "strong", "label", "font", "li", "p", "div", "em",
                       "i", "h5", "h6"):
        raw = el.text_content()
        if len(raw) > 80:
            continue
        text = clean(raw)
        norm = norm_label(text)
        if not norm:
            continue
        if norm in _LABEL_TO_FIELD and (text.endswith((":", "：")) or el.tag in ("td", "th", "dt", "label")
                                        or len(norm) >= 2):
            field_name = _LABEL_TO_FIELD[norm]
            if field_name not in found:
                value = _first_value(_value_after(el))
                if value and norm_label(value) not in _LABEL_TO_FIELD:
                    found[field_name] = value[:200]
                    labels_seen[field_name] = el
            continue
        m = re.match(r"^([^:：]{2,8})\s*[:：]\s*(.+)$", text)
        if m and len(el) <= 3:
            label = norm_label(m.group(1))
            if label in _LABEL_TO_FIELD:
                field_name = _LABEL_TO_FIELD[label]
                value = _first_value(m.group(2))
                if field_name not in found and value and norm_label(value) not in _LABEL_TO_FIELD:
                    found[field_name] = value[:200]
                    labels_seen[field_name] = el
    table_like = sum(1 for f in found if f in _TABLE_ONLY) >= 1 and len(found) >= 3
    source = {f: ("meta" if table_like else "header") for f in found}
    return found, source


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(el: etree._Element) -> bool:
    """Not shown to a reader: Hanweb/大汉 pages keep column ids in <div id="hiddenLocation" style="display:none">."""
    return any(node.get("hidden") is not None or _HIDDEN_STYLE.search(node.get("style") or "")
               for node in (el, *el.iterancestors()))


def _breadcrumb(doc: etree._Element) -> list[str]:
    for el in doc.iter("div", "span", "p", "td", "nav", "ol", "ul"):
        hint = _attr_hint(el)
        text = clean(el.text_content())
        if not text or len(text) > 200:
            continue
        starts = text.startswith(("当前位置", "您的位置", "您现在的位置", "你的位置", "所在位置", "您当前"))
        home_path = text.startswith(("首页", "网站首页")) and re.search(r"首页\s*(->|>|»|›|＞|→)", text)
        if ((hint.strip() and _CRUMB_HINT.search(hint)) or starts or home_path) and not _hidden(el):
            text = re.sub(r"^[^:：]{0,10}位置\s*[:：]?", "", text)
            parts = [p.strip() for p in re.split(r"\s*(?:->|>|»|›|/|＞|→|\||｜)\s*", text) if p.strip()]
            if parts:
                return parts
    return []


def _text_sizes(body: etree._Element) -> dict[etree._Element, tuple[int, int]]:
    """(text length, link-text length) of every element, in one bottom-up pass (linear in the page)."""
    sizes: dict[etree._Element, tuple[int, int]] = {}
    for el in reversed(list(body.iter())):  # reversed pre-order: children before their parent
        if not isinstance(el.tag, str):
            continue
        text, links = len((el.text or "").strip()), 0
        for child in el:
            if isinstance(child.tag, str):
                t, lk = sizes[child]
                text, links = text + t, links + lk
            text += len((child.tail or "").strip())
        sizes[el] = (text, text if el.tag == "a" else links)
    return sizes


def _main_content(body: etree._Element, sizes: dict[etree._Element, tuple[int, int]]) -> etree._Element:
    """The element with the densest non-link text (penalising nav/footer), refined downwards."""
    best, best_score = body, -1.0
    for el in body.iter("div", "td", "article", "section", "main"):
        text_len, link_len = sizes.get(el, (0, 0))
        if text_len < 50:
            continue
        hint = _attr_hint(el)
        if _FOOT_HINT.search(hint) or _NAV_HINT.search(hint):
            continue
        score = text_len - 2.0 * link_len
        if _CONTENT_HINT.search(hint):
            score *= 1.3
        # prefer the innermost container that still holds most of the text
        if score > best_score or (best is not body and score >= 0.85 * best_score
                                  and any(a is best for a in el.iterancestors())):
            best, best_score = el, score
    return best


def _block_text(el: etree._Element) -> str:
    """Visible text with paragraph breaks (so 落款 dates stay on their own line)."""
    parts: list[str] = []
    for node in el.iter():
        if not isinstance(node.tag, str):
            if node.tail:
                parts.append(node.tail)
            continue
        if node.tag in ("p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "dd", "dt"):
            parts.append("\n")
        elif node.tag in ("td", "th"):
            parts.append("\t")  # table rows stay rows: decisions and 清单 are read by column
        if node.text:
            parts.append(node.text)
        if node.tail and node is not el:
            parts.append(node.tail)
    text = "".join(parts)
    lines = ["\t".join(c for c in (clean(cell) for cell in line.split("\t")) if c) for line in text.split("\n")]
    return _BLANK_LINES.sub("\n", "\n".join(line for line in lines if line)).strip()


def _tables(el: etree._Element, max_rows: int = 5000) -> list[list[list[str]]]:
    """Innermost data tables of the content (layout tables that only hold other tables are skipped)."""
    out: list[list[list[str]]] = []
    for table in el.iter("table"):
        if any(True for _ in table.iterdescendants("table")):
            continue
        rows = []
        for tr in table.iter("tr"):
            cells = [clean(c.text_content()) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
            if any(cells):
                rows.append(cells)
            if len(rows) >= max_rows:
                break
        labels = sum(1 for row in rows for cell in row if norm_label(cell) in _LABEL_TO_FIELD)
        if rows and labels < 2:  # the 信息公开 metadata block is read into `fields`, not a data table
            out.append(rows)
    return out


def _best_title(doc: etree._Element, meta: dict[str, str], fields: dict[str, str], field_source: dict[str, str],
                html_title: str, content: etree._Element) -> str:
    for key in ("articletitle", "og:title", "title"):
        value = re.sub(r"<[^>]+>", "", meta.get(key) or "")  # some CMSs leak markup into the meta tag
        if len(value) >= 4:
            return value
    if fields.get("name") and len(fields["name"]) >= 4 and field_source.get("name") == "meta":
        return fields["name"]  # only from a 信息公开 table: in a notice, 名称： is the purchaser
    candidates: list[tuple[int, str]] = []
    for tag in ("h1", "h2", "h3"):
        for h in doc.iter(tag):
            text = clean(h.text_content())
            if 4 <= len(text) <= 150:
                bonus = 2 if _TITLE_HINT.search(_attr_hint(h)) else 0
                inside = 1 if h in content.iterdescendants() or content in h.iterancestors() else 0
                candidates.append((bonus + inside + (3 - int(tag[1])), text))
    for el in doc.iter("div", "p", "td"):
        hint = _attr_hint(el)
        if hint.strip() and re.search(r"(^|[\s_-])(title|tit|bt|article[-_]?title|detail[-_]?title)([\s_-]|$)",
                                      hint, re.I):
            text = clean(el.text_content())
            if 6 <= len(text) <= 150:
                candidates.append((3, text))
    if candidates:
        candidates.sort(key=lambda c: -c[0])
        return candidates[0][1]
    parts = [p for p in _SITE_SUFFIX.split(html_title) if p]
    return max(parts, key=len) if parts else html_title


def parse_html(html: str, url: str, *, for_crawl: bool = False) -> Page:
    """`for_crawl`: only what link discovery needs (links, lists, pagination, title, kind); the metadata,
    body text and tables rules read are left out (the crawler parses every page, the rules later)."""
    page = Page(url=url)
    if not html or not html.strip():
        page.kind = "shell"
        return page
    try:
        doc = lxml.html.document_fromstring(_END_TAGS.sub("", html))
    except (etree.ParserError, ValueError):
        return page
    base = url
    for b in doc.iter("base"):
        if b.get("href"):
            base = urljoin(url, b.get("href"))
            break
    page.meta = _meta_tags(doc)
    title_el = doc.find(".//title")
    page.html_title = clean(title_el.text_content()) if title_el is not None else ""

    for script in doc.iter("script"):
        body_text = script.text or ""
        if (script.get("type") or "").lower() in ("text/xml", "application/xml") or "<datastore" in body_text[:200]:
            page.xml_datastores.append(body_text)
        elif body_text.strip() and len(body_text) < 200_000:
            page.scripts.append(body_text)
        if script.get("src"):
            page.script_srcs.append(script.get("src") or "")
    for frame in doc.iter("iframe", "embed", "frame"):
        src = frame.get("src")
        if src:
            absu = canonical_href(base, src)
            if absu:
                page.iframes.append(absu)
    etree.strip_elements(doc, etree.Comment, "script", "style", "noscript", "template", with_tail=False)

    body = doc.find("body")
    if body is None:
        body = doc
    page.breadcrumb = _breadcrumb(body)
    sizes = _text_sizes(body)
    content = _main_content(body, sizes)
    if for_crawl:
        page.visible_chars = sizes.get(body, (0, 0))[0]
        text_chars = sizes.get(content, (0, 0))[0]
    else:
        page.fields, page.field_source = extract_metadata(body)
        page.tables = _tables(content)
        page.text = _block_text(content)
        page.full_text = _block_text(body)
        page.visible_chars = len(page.full_text)
        text_chars = len(page.text)
    page.title = clean(_best_title(doc, page.meta, page.fields, page.field_source, page.html_title, content))
    if not for_crawl:
        _header_fields(page)
    _links(page, body, base)
    page.kind = _kind(page, text_chars)
    page.js_hint = _needs_js(page, body)
    return page


def _header_fields(page: Page) -> None:
    """发布时间：… 来源：… in the few lines around the title (source 'header')."""
    head = page.full_text
    idx = head.find(page.title[:12]) if page.title else -1
    window = head[max(idx, 0): max(idx, 0) + 600] if idx >= 0 else head[:1500]
    for m in _HEADER_RE.finditer(window):
        label, value = m.group(1), m.group(2)
        field_name = {"发布时间": "publish_date", "发布日期": "publish_date", "发表时间": "publish_date",
                      "时间": "publish_date", "日期": "publish_date", "来源": "publisher",
                      "信息来源": "publisher", "作者": "author"}.get(label)
        if not field_name or field_name in page.fields or norm_label(value) in _LABEL_TO_FIELD:
            continue
        if field_name == "publish_date" and not _LIST_DATE_RE.search(value):
            continue
        page.fields[field_name] = value
        page.field_source[field_name] = "header"
    if "publish_date" not in page.fields and (bare := _BARE_HEADER_DATE.search(window)):
        page.fields["publish_date"] = bare.group(1)
        page.field_source["publish_date"] = "header"


MAX_LINKS = 20_000  # a hostile page with 10^5 links is read up to here (bounded time and memory)


def _links(page: Page, body: etree._Element, base: str) -> None:
    seen: set[tuple[str, str]] = set()
    container_text: dict[etree._Element, str] = {}
    for n, a in enumerate(body.iter("a", "area")):
        if n >= MAX_LINKS:
            page.links_truncated = True
            break
        href = a.get("href") or ""
        onclick = a.get("onclick") or ""
        in_page = href.startswith("#") and not is_state_fragment(href[1:])
        url = canonical_href(base, href) if href and not in_page else None
        if url is None and onclick:
            m = _JS_URL_RE.search(onclick)
            url = canonical_href(base, m.group(1)) if m else None
        if url is None:
            continue
        viewer = _VIEWER_RE.search(url)
        if viewer and "viewer" in url.lower():
            from urllib.parse import unquote

            url = canonical_href(url, unquote(viewer.group(1))) or url
        text = clean(a.text_content())
        key = (url, text)
        if key in seen:
            continue
        seen.add(key)
        link = Link(url=url, text=text, region=_region(a), title_attr=clean(a.get("title")) or None)
        if link.region == "nav":
            link.menu_parent = _menu_parent(a)
        link.is_attachment = is_attachment_url(url) or (
            text.startswith(("附件", "下载")) and not url.endswith((".html", ".htm", ".shtml", "/")))
        container = _item_container(a)
        if container is not None and link.region != "nav":
            ctext = container_text.get(container)
            if ctext is None:  # one text per container: a page of 10^5 links in one <p> stays linear
                raw = container.text_content()
                ctext = container_text[container] = clean(raw) if len(raw) < 600 else ""
            rest = ctext.replace(text, " ", 1) if text else ctext
            m = _LIST_DATE_RE.search(rest)
            if m and len(ctext) < 300:
                link.date_text = m.group(0)
                link.region = "list"
        if text in NEXT_TEXTS or text.startswith("下一页"):
            page.next_links.append(url)
        page.links.append(link)
        if link.is_attachment:
            page.attachments.append(link)
        elif link.region == "list" and len(link.label) >= 4:
            page.list_items.append(link)
    for src in page.iframes:
        if is_attachment_url(src):
            page.attachments.append(Link(url=src, text="", region="body", is_attachment=True))


def _kind(page: Page, text_chars: int) -> str:
    path = urlsplit(page.url).path
    if path in ("", "/") or re.fullmatch(r"/(index|default|main)\.(s?html?|jsp|aspx?|php)", path):
        return "home"
    if len(page.list_items) >= 3 and text_chars < 60 * len(page.list_items) + 800:
        return "list"
    if page.visible_chars < 200 and page.scripts:
        return "shell"
    if text_chars >= 80 and page.title:
        return "detail"
    if len(page.list_items) >= 3:
        return "list"
    return "other"


_JS_FETCH = re.compile(r"\bfetch\s*\(|XMLHttpRequest|\$\.(ajax|get|post|getJSON)\s*\(|axios\.|new\s+Vue|"
                       r"createApp\s*\(|ReactDOM|\.innerHTML\s*=|document\.write\s*\(", re.I)


_APP_IDS = ("app", "root", "list", "datalist", "data-list", "newslist", "content-list", "main-app", "__next",
            "__nuxt")


def _dated_article(page: Page, body: etree._Element) -> bool:
    """A short article (a one-line 宣誓 news item, a notice whose body is its attachment) still shows its title
    and a dated header line: a page served with its content, not a shell waiting for scripts."""
    return bool(page.title) and bool(_LIST_DATE_RE.search(clean(body.text_content())[:1000]))


def _needs_js(page: Page, body: etree._Element) -> bool:
    """Content that only exists after scripts run: an app shell (almost no text, few links, scripts),
    or an empty list container that a script fills. TRS createPageHTML and Hanweb datastores are
    read without a browser, so their pages are not sent to Chromium."""
    if not page.scripts and not page.script_srcs:
        return False
    if page.xml_datastores or any("createPageHTML" in s for s in page.scripts):
        return False
    empty_app = any((el.get("id") or "").lower() in _APP_IDS and not clean(el.text_content())
                    for el in body.iter("div", "ul", "table", "tbody", "section", "main"))
    if empty_app:
        return True
    content_links = sum(1 for lk in page.links if lk.region in ("body", "list"))
    if page.visible_chars < 200 and content_links < 5 and not _dated_article(page, body):
        return True  # an app shell: the page is made by its scripts
    scripts = "\n".join(page.scripts)
    return bool(scripts and _JS_FETCH.search(scripts) and page.visible_chars < 400 and len(page.list_items) < 3)
