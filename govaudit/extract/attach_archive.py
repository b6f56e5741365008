"""Archives: ZIP (members extracted recursively in memory, never written to disk) and OFD (a ZIP of XML pages)."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable
from typing import Any

from govaudit.extract.attach_base import (
    MALFORMED,
    TIMEOUT,
    TOO_DEEP,
    TOO_LARGE,
    XXE,
    ZIP_BOMB,
    AttachmentText,
    Budget,
    ExtractError,
    Limits,
    out_of_time,
    strip_controls,
)
from govaudit.extract.attach_zip import display_name, open_checked, read_member

Recurse = Callable[[bytes, str, int], AttachmentText]


def extract_zip(data: bytes, limits: Limits, budget: Budget, depth: int, recurse: Recurse) -> AttachmentText:
    """Members become children; the parent text is each member's name line followed by its text."""
    zf = open_checked(data, limits, budget, "zip")
    members = [i for i in zf.infolist() if not i.is_dir()]
    names = [display_name(i) for i in members]
    result = AttachmentText(kind="zip", meta={"members": names})
    if depth >= limits.depth:
        result.error = f"{TOO_DEEP}: zip nested more than {limits.depth} levels; members not opened"
        return result
    for info, name in zip(members, names, strict=True):
        if budget.text <= 0:  # the shared text allowance is spent: list the rest, do not extract it
            result.meta["text_truncated"] = True
            break
        if out_of_time():
            result.error = (
                f"{TIMEOUT}: stopped after {len(result.children)} of {len(members)} members (time budget)"
            )
            break
        if info.file_size > limits.max_bytes:
            child = AttachmentText(
                kind="other", error=f"{TOO_LARGE}: member is {info.file_size} bytes unpacked"
            )
        else:
            try:
                member = read_member(zf, info, budget)
            except ExtractError as exc:
                if exc.code == ZIP_BOMB:  # the shared budget is spent: stop, keep what was read
                    result.error = str(exc)
                    break
                child = AttachmentText(kind="other", error=str(exc))
            else:
                child = recurse(member, name, depth + 1)
        result.children.append((name, child))
    extracted = [c for _, c in result.children if c.error is None or c.text]
    result.text = "\n\n".join(f"{name}\n{child.text}" for name, child in result.children if child.text)
    result.tables = [t for _, c in result.children for t in c.tables]
    result.scanned = bool(extracted) and all(c.scanned for c in extracted)
    return result


# --- OFD (GB/T 33190): OFD.xml → DocRoot Document.xml → Pages → Content.xml TextObject/TextCode --------------

_OFD_META = {
    "Title": "title",
    "Author": "author",
    "Creator": "creator",
    "CreationDate": "created",
    "ModDate": "modified",
}
_PAGE_NUM = re.compile(r"(\d+)")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse_xml(zf: zipfile.ZipFile, name: str, budget: Budget) -> Any:
    """Parse one OFD part with defusedxml: any DTD is refused, so entities can never resolve."""
    import defusedxml
    import defusedxml.ElementTree as DET

    try:
        info = zf.getinfo(name)
    except KeyError:
        raise ExtractError(MALFORMED, f"ofd: missing part {name}") from None
    raw = read_member(zf, info, budget)
    try:
        return DET.fromstring(raw, forbid_dtd=True)
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise ExtractError(XXE, f"ofd part {name} declares a DTD or entity; refused") from None
    except Exception as exc:
        raise ExtractError(MALFORMED, f"ofd part {name}: {exc}") from None


def _resolve(base_dir: str, loc: str) -> str:
    loc = loc.strip().replace("\\", "/")
    path = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base_dir, loc)
    return posixpath.normpath(path)


def _floats(value: str | None) -> list[float]:
    try:
        return [float(x) for x in (value or "").split()]
    except ValueError:
        return []


def _page_text(root: Any) -> str:
    """Text objects in document order; a new line when the baseline moves by more than half a font size."""
    out: list[str] = []
    prev_y: float | None = None
    for obj in root.iter():
        if _local(obj.tag) != "TextObject":
            continue
        box = _floats(obj.get("Boundary"))
        size = (_floats(obj.get("Size")) or [3.5])[0]
        for code in obj:
            if _local(code.tag) != "TextCode" or not code.text:
                continue
            y = (box[1] if len(box) > 1 else 0.0) + ((_floats(code.get("Y")) or [0.0])[0])
            if prev_y is not None and abs(y - prev_y) > max(size / 2, 1.0):
                out.append("\n")
            out.append(code.text)
            prev_y = y
    return "".join(out)


def extract_ofd(data: bytes, limits: Limits, budget: Budget) -> AttachmentText:
    zf = open_checked(data, limits, budget, "ofd")
    root = _parse_xml(zf, "OFD.xml", budget)
    meta: dict[str, Any] = {}
    page_texts: list[str] = []
    total_pages = 0
    for body in (el for el in root if _local(el.tag) == "DocBody"):
        for el in body:
            if _local(el.tag) == "DocInfo":
                for item in el:
                    key = _OFD_META.get(_local(item.tag))
                    if key and item.text and item.text.strip():
                        meta.setdefault(key, item.text.strip())
        doc_root = next((el.text for el in body if _local(el.tag) == "DocRoot" and el.text), None)
        if not doc_root:
            continue
        doc_path = _resolve("", doc_root)
        document = _parse_xml(zf, doc_path, budget)
        base = posixpath.dirname(doc_path)
        locs = [el.get("BaseLoc") for el in document.iter() if _local(el.tag) == "Page" and el.get("BaseLoc")]
        if not locs:  # no page list: fall back to Pages/*/Content.xml in page-number order
            prefix = f"{base}/Pages/" if base else "Pages/"
            found = [n for n in zf.namelist() if n.startswith(prefix) and n.endswith("/Content.xml")]
            locs = sorted(found, key=lambda n: [int(x) for x in _PAGE_NUM.findall(n)] or [0])
            locs = ["/" + n for n in locs]
        total_pages += len(locs)
        for loc in locs[: max(0, limits.max_pages - len(page_texts))]:
            page_texts.append(_page_text(_parse_xml(zf, _resolve(base, loc or ""), budget)))
    if not page_texts:
        raise ExtractError(MALFORMED, "ofd: no pages found")
    visible = sum(len("".join(t.split())) for t in page_texts)
    meta["pages_read"] = len(page_texts)
    return AttachmentText(
        kind="ofd",
        text=strip_controls("\f".join(page_texts)),
        pages=total_pages,
        scanned=visible / len(page_texts) < 50,  # OFD scans carry ImageObjects only
        meta=meta,
    )
