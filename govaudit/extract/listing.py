"""List entries that are not plain HTML links: Hanweb/大汉 datastores, JSON list APIs, TRS pagers."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

from govaudit.extract.html import Link, Page, canonical_href, clean, is_attachment_url, parse_html

_RECORD_RE = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S | re.I)
_TOTAL_RE = re.compile(r"<total(?:record|Record)?>\s*(\d+)\s*</total(?:record|Record)?>", re.I)
_NEXTGROUP_RE = re.compile(r"<nextgroup>\s*<!\[CDATA\[(.*?)\]\]>\s*</nextgroup>", re.S | re.I)
_HREF_RE = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.I)


@dataclass
class DataStore:
    records: list[Link]
    total: int | None
    nextgroup: str | None


def parse_datastore(xml_text: str, base_url: str) -> DataStore:
    """Hanweb `<datastore>`: each `<record>` holds an HTML fragment with one list entry."""
    links: list[Link] = []
    for fragment in _RECORD_RE.findall(xml_text):
        links.extend(_fragment_items(fragment, base_url))
    total_m = _TOTAL_RE.search(xml_text)
    next_m = _NEXTGROUP_RE.search(xml_text)
    nextgroup = None
    if next_m:
        href = _HREF_RE.search(next_m.group(1))
        nextgroup = canonical_href(base_url, href.group(1)) if href else None
    return DataStore(links, int(total_m.group(1)) if total_m else None, nextgroup)


def _fragment_items(fragment: str, base_url: str) -> list[Link]:
    page = parse_html(f"<html><body><ul>{fragment}</ul></body></html>", base_url)
    items = [lk for lk in page.links if not lk.is_attachment and len(lk.label) >= 2]
    for lk in items:
        lk.region = "list"
    return items


@dataclass
class HanwebPager:
    """More records of a Hanweb column come only from `dataproxy.jsp` POSTs."""

    proxy_url: str
    form: dict[str, str]
    total: int
    per_page: int
    batch: int  # records per POST (perpage × groupsize)

    def requests(self, already: int) -> list[tuple[str, dict[str, str]]]:
        out = []
        start = already + 1
        while start <= self.total:
            end = min(start + self.batch - 1, self.total)
            url = f"{self.proxy_url}{'&' if '?' in self.proxy_url else '?'}startrecord={start}&endrecord={end}" \
                  f"&perpage={self.per_page}"
            out.append((url, dict(self.form)))
            start = end + 1
        return out


_JS_NUM = r"\s*[:=]\s*['\"]?(\d+)"


def hanweb_pager(page: Page, datastore: DataStore) -> HanwebPager | None:
    scripts = "\n".join(page.scripts)
    proxy_m = re.search(r"proxyUrl\s*[:=]\s*['\"]([^'\"]+)['\"]", scripts) or \
        re.search(r"['\"]([^'\"]*dataproxy\.jsp[^'\"]*)['\"]", scripts)
    proxy = proxy_m.group(1) if proxy_m else None
    if proxy is None and datastore.nextgroup and "dataproxy" in datastore.nextgroup:
        proxy = datastore.nextgroup.split("?")[0]
    if proxy is None:
        return None
    total_m = re.search(r"totalRecord" + _JS_NUM, scripts)
    total = int(total_m.group(1)) if total_m else (datastore.total or 0)
    per_m = re.search(r"perPage" + _JS_NUM, scripts)
    group_m = re.search(r"groupSize" + _JS_NUM, scripts)
    per_page = int(per_m.group(1)) if per_m else 15
    group = int(group_m.group(1)) if group_m else 3
    form: dict[str, str] = {}
    if datastore.nextgroup:
        form.update(dict(parse_qsl(urlsplit(datastore.nextgroup).query)))
    for key in ("col", "appid", "webid", "path", "columnid", "sourceContentType", "unitid", "webname",
                "permissiontype"):
        m = re.search(key + r"\s*[:=]\s*['\"]([^'\"]*)['\"]", scripts)
        if m and key not in form:
            form[key] = m.group(1)
    form.pop("page", None)
    if total <= 0:
        return None
    return HanwebPager(canonical_href(page.url, proxy) or urljoin(page.url, proxy), form, total, per_page,
                       per_page * group)


_TRS_RE = re.compile(r"createPageHTML\s*\(([^)]*)\)")


def trs_pages(page: Page) -> list[str]:
    """TRS WCM writes its pager with createPageHTML(count, current, 'index', 'html') (or with a target
    element id first and the record total last): pages are index.html, index_1.html … index_{count-1}."""
    for script in page.scripts:
        for m in _TRS_RE.finditer(script):
            args = [a.strip().strip("'\"") for a in m.group(1).split(",")]
            if len(args) < 4:
                continue
            nums = [int(a) for a in args if a.isdigit()]
            words = [a for a in args if a and not a.isdigit()]
            exts = [w for w in words if w.lower() in ("html", "htm", "shtml", "jsp")]
            if not nums or not exts:
                continue
            ext = exts[0]
            name_idx = words.index(ext) - 1
            name = words[name_idx] if name_idx >= 0 else "index"
            count = nums[0]
            if count > 2000:
                continue
            base = page.url.rsplit("/", 1)[0] + "/"
            return [urljoin(base, f"{name}_{i}.{ext}") for i in range(1, count)]
    return []


_ATTACHMENT_KEYS = {"attachments", "attachment", "files", "filelist", "file_list", "fj", "fjlist", "appendix",
                    "appendixes", "enclosure", "enclosures", "附件"}
_DATE_KEYS = ("pubdate", "publishdate", "publish_date", "publishtime", "pubtime", "releasetime", "fbrq", "fbsj",
              "date", "time", "createtime", "create_time", "docreltime", "publishedat", "cwrq", "fwrq")
_TITLE_KEYS = ("title", "name", "doctitle", "biaoti", "bt", "subject", "filename")
_URL_KEYS = ("url", "link", "href", "docpuburl", "path", "detailurl", "pageurl", "fileurl", "puburl", "htmlurl")


def parse_json_listing(text: str, base_url: str) -> list[Link]:
    """Entries of a JSON list API: any array of objects that carry a title and a URL."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []
    out: list[Link] = []
    _walk(data, base_url, out, 0)
    return out


def _walk(node: Any, base: str, out: list[Link], depth: int) -> None:
    if depth > 8:
        return
    if isinstance(node, list):
        for item in node[:5000]:
            if isinstance(item, dict):
                link = _json_item(item, base)
                if link:
                    out.append(link)
                    continue
            _walk(item, base, out, depth + 1)
    elif isinstance(node, dict):
        for key, value in node.items():
            # an article's own files are its attachments, not entries of a list
            if isinstance(value, (list, dict)) and str(key).lower() not in _ATTACHMENT_KEYS:
                _walk(value, base, out, depth + 1)


def _json_item(item: dict[str, Any], base: str) -> Link | None:
    lower = {str(k).lower(): v for k, v in item.items()}
    title = next((clean(str(lower[k])) for k in _TITLE_KEYS if isinstance(lower.get(k), str) and lower[k]), "")
    url = next((str(lower[k]) for k in _URL_KEYS if isinstance(lower.get(k), str) and lower[k]), "")
    date = next((str(lower[k]) for k in _DATE_KEYS if lower.get(k) not in (None, "")), None)
    if not title or not url:
        return None
    absolute = canonical_href(base, url)
    if not absolute:
        return None
    return Link(url=absolute, text=re.sub(r"<[^>]+>", "", title), region="list", date_text=date,
                is_attachment=is_attachment_url(absolute))


_COLUMN_KEYS = ("classify", "column", "columnname", "category", "catalog", "channel", "channelname", "catname",
                "lmmc", "node", "nodename")


def json_column_label(text: str) -> str | None:
    """The column a JSON list answers for ({"classify": {"name": "行政规范性文件"}, "articles": […]})."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    for node in (data, data.get("data") if isinstance(data, dict) else None):
        if not isinstance(node, dict):
            continue
        lower = {str(k).lower(): v for k, v in node.items()}
        for key in _COLUMN_KEYS:
            value = lower.get(key)
            if isinstance(value, dict):
                value = value.get("name") or value.get("title") or value.get("label")
            if isinstance(value, str) and 1 < len(value) <= 30:
                return clean(value)
    return None


@dataclass
class Listing:
    """List entries of any list page (HTML, datastore or JSON) in one shape."""

    items: list[Link] = field(default_factory=list)
    datastore: DataStore | None = None


def listing_of(page: Page | None, body_text: str, content_type: str, url: str) -> Listing:
    if "json" in (content_type or "").lower() or body_text.lstrip()[:1] in ("{", "["):
        return Listing(parse_json_listing(body_text, url))
    if "<datastore" in body_text[:500] and page is None:
        ds = parse_datastore(body_text, url)
        return Listing(ds.records, ds)
    if page is None:
        return Listing()
    items = list(page.list_items)
    datastore = None
    for xml in page.xml_datastores:
        datastore = parse_datastore(xml, url)
        items.extend(datastore.records)
    return Listing(items, datastore)
