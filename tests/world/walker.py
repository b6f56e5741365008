"""A reference walker: just enough to prove every planted page is reachable from a portal's homepage.

Not a crawler: plain links, TRS createPageHTML pagers, Hanweb datastores + dataproxy.jsp POSTs, the gkmlpt
category API and the SPA's JSON API, robots.txt obeyed, per-path query variants capped (calendar trap).
It records for every URL *how* it was first found ("link", "trs-pager", "dataproxy", "gkmlpt-api", "spa-api").
"""

from __future__ import annotations

import html
import json
import re
import urllib.error
import urllib.request
import urllib.robotparser
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlencode, urljoin, urlsplit

HREF = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"'#][^"']*|#[^"']*)["']""", re.I)
TRS_PAGER = re.compile(r"createPageHTML\((\d+),\s*(\d+),\s*\"(\w+)\",\s*\"(\w+)\"\)")
DATASTORE_HREF = re.compile(r"<record><!\[CDATA\[.*?href=\"([^\"]+)\"", re.S)
JPAGE = re.compile(r"proxyUrl:\s*'([^']+)',\s*totalRecord:\s*(\d+),\s*ajaxParam:\s*\{([^}]*)\}", re.S)
GKML_CONFIG = re.compile(r"window\._CONFIG\s*=\s*(\{.*?\});", re.S)


@dataclass
class Walk:
    found: dict[str, str] = field(default_factory=dict)      # path(+query) -> means
    status: dict[str, int] = field(default_factory=dict)
    disallowed: set[str] = field(default_factory=set)


def fetch(url: str, data: bytes | None = None, timeout: float = 20.0) -> tuple[int, bytes, str, str]:
    """(status, body, content type, final URL after redirects)."""
    req = urllib.request.Request(quote(url, safe=":/?&=%#@+;,"), data=data, headers={"User-Agent": "world-walker"})
    if data is not None:
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read(), r.headers.get("Content-Type", ""), r.url
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers.get("Content-Type", ""), url


def _text(body: bytes, ctype: str) -> str:
    m = re.search(rb"charset=([\w-]+)", body[:600]) or re.search(rb"charset=([\w-]+)", ctype.encode())
    enc = m.group(1).decode() if m else "utf-8"
    enc = "gbk" if enc.lower() in ("gb2312", "gbk") else enc
    return body.decode(enc, errors="replace")


def walk(base: str, limit: int = 6000) -> Walk:
    base = base.rstrip("/")
    host = urlsplit(base).netloc
    robots = urllib.robotparser.RobotFileParser()
    status, body, _, _ = fetch(base + "/robots.txt")
    robots.parse(body.decode("utf-8", "replace").splitlines() if status == 200 else [])
    out = Walk()
    queue: deque[tuple[str, str]] = deque([(base + "/", "link")])
    per_path: Counter[str] = Counter()

    def add(url: str, means: str) -> None:
        url = url.split("#", 1)[0] if "/gkmlpt/index" not in url else url
        parts = urlsplit(url)
        if parts.netloc != host or parts.scheme not in ("http", "https"):
            return
        key = parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        if key in out.found:
            return
        if not robots.can_fetch("world-walker", url):
            out.disallowed.add(key)
            return
        per_path[parts.path] += 1
        if per_path[parts.path] > 40:       # endless ?month= variants: stop following one path
            return
        out.found[key] = means
        queue.append((url, means))

    out.found["/"] = "link"
    while queue and len(out.status) < limit:
        url, via = queue.popleft()
        parts = urlsplit(url)
        key = parts.path + (f"?{parts.query}" if parts.query else "")
        if parts.fragment and parts.path == "/gkmlpt/index":
            continue                         # the fragment only selects a category inside the same page
        status, body, ctype, final = fetch(url)
        out.status[key] = status
        if unquote(final) != unquote(url):          # followed a redirect chain: the target was reached too
            fparts = urlsplit(final)
            out.found.setdefault(fparts.path + (f"?{fparts.query}" if fparts.query else ""), "redirect")
            via = "redirect"
        if status != 200 or not ("html" in ctype or "json" in ctype):
            continue
        text = _text(body, ctype)
        for href in map(html.unescape, HREF.findall(text)):
            if href.startswith(("javascript:", "mailto:")):
                continue
            add(urljoin(url, href), via)      # a plain link inherits how its page was reached
        for count, _cur, name, ext in TRS_PAGER.findall(text):
            for i in range(1, int(count)):
                add(urljoin(url, f"{name}_{i}.{ext}"), "trs-pager")
        m = JPAGE.search(text)
        if m:
            proxy, total = m.group(1), int(m.group(2))
            form = dict(re.findall(r"(\w+):\s*'([^']*)'", m.group(3)))
            shown = len(DATASTORE_HREF.findall(text))
            for start in range(shown + 1, total + 1, 45):
                q = urlencode({"startrecord": start, "endrecord": min(start + 44, total), "perpage": 15})
                st, xml, _, _ = fetch(urljoin(url, proxy) + "?" + q, urlencode(form).encode())
                for href in DATASTORE_HREF.findall(xml.decode("utf-8")):
                    add(urljoin(url, href), "dataproxy")
        m = GKML_CONFIG.search(text)
        if m:
            config = json.loads(m.group(1))
            cats: list[int] = []
            stack = list(config["TREE"])
            while stack:
                node = stack.pop()
                cats.append(node["id"])
                stack.extend(node["children"])
            for cat in cats:
                page = 1
                while True:
                    st, data, _, _ = fetch(f"{base}/gkmlpt/api/all/{cat}?page={page}&sid={config['SID']}")
                    payload = json.loads(data)
                    for art in payload["articles"]:
                        add(art["url"], "gkmlpt-api")
                    if page * 100 >= payload["total"]:
                        break
                    page += 1
        if parts.path == "/" and "/static/js/app.js" in text:
            walk_spa(base, add)
    return out


def walk_spa(base: str, add) -> None:  # noqa: ANN001 - the walker's add()
    """What app.js does in a browser: /api/nav → every column's article pages → each article's JSON."""
    st, data, _, _ = fetch(base + "/api/nav")
    nav = json.loads(data)
    stack = list(nav["columns"])
    while stack:
        col = stack.pop()
        stack.extend(col["children"])
        page = 1
        while True:
            st, data, _, _ = fetch(f"{base}/api/columns/{col['slug']}/articles?page={page}&size=100")
            payload = json.loads(data)
            for item in payload["items"]:
                add(base + item["url"], "spa-api")
                st, art, _, _ = fetch(f"{base}/api/articles/{item['id']}")
                for att in json.loads(art)["attachments"]:
                    add(base + att["url"], "spa-api")
            if page * payload["size"] >= payload["total"]:
                break
            page += 1
