"""Streaming XLSX reader on expat: sheet rows as cached values, shared strings, dates from number formats."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any
from xml.parsers import expat

from govaudit.extract.attach_base import MAX_COLS, XXE, ExtractError

# Why not openpyxl: on a 20,000-row × 7-column 清单 openpyxl's read-only mode took 2.3–9 s (it builds an object per
# shared string and per cell style), this reader ~1 s. openpyxl stays as the fallback for packages this reader
# cannot follow.

_CHUNK = 1 << 16
_SEP = "|"  # expat namespace separator: names arrive as "uri|local"
# ECMA-376 built-in date/time formats, including the East Asian ones (27–36, 50–58) that WPS 表格 writes for 年月日
_BUILTIN_DATE_IDS = set(range(14, 23)) | set(range(27, 37)) | set(range(45, 48)) | set(range(50, 59))
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # literals, escapes, [Red]/[$-804], padding
_DATE_CODE = re.compile(r"[dmyhsDMYHSe年月日时分秒]")


_LOCAL: dict[str, str] = {}


def _local(name: str) -> str:
    # called for every start/end tag: memoised, since a sheet uses a handful of distinct names
    local = _LOCAL.get(name)
    if local is None:
        local = _LOCAL[name] = name.rsplit(_SEP, 1)[-1]
    return local


def _refuse_dtd(*_args: object) -> None:
    raise ExtractError(XXE, "xlsx part declares a DTD or entity; refused")


def _parser() -> Any:
    parser = expat.ParserCreate(namespace_separator=_SEP)
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = _refuse_dtd  # also checked before, by check_ooxml: never trust one layer
    parser.EntityDeclHandler = _refuse_dtd
    return parser


def _parse(
    zf: zipfile.ZipFile,
    name: str,
    start: Callable[..., None],
    end: Callable[..., None] | None = None,
    chars: Callable[[str], None] | None = None,
) -> None:
    parser = _parser()
    parser.StartElementHandler = start
    if end:
        parser.EndElementHandler = end
    if chars:
        parser.CharacterDataHandler = chars
    with zf.open(name) as fh:
        parser.ParseFile(fh)


def _is_date_format(code: str) -> bool:
    stripped = _FORMAT_NOISE.sub("", code)
    return stripped.lower() != "general" and bool(_DATE_CODE.search(stripped))


_COLUMNS: dict[str, int] = {}


def _column(ref: str | None) -> int | None:
    """Zero-based column of a cell reference ("C5" → 2); memoised per column letters."""
    if not ref:
        return None
    letters = ref.rstrip("0123456789$")
    col = _COLUMNS.get(letters)
    if col is None:
        if not letters.isascii() or not letters.isalpha() or len(letters) > 3:
            return None
        col = 0
        for ch in letters.upper():
            col = col * 26 + ord(ch) - 64
        col = _COLUMNS[letters] = col - 1
    return col


class Workbook:
    """Sheet names, sheet part names, shared strings and date styles of one XLSX package."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.date1904 = False
        self.sheets: list[tuple[str, str]] = []  # (name, part)
        self.strings: list[str] = []
        self.date_styles: set[int] = set()
        self._read_workbook()
        self._read_strings()
        self._read_styles()

    def _read_workbook(self) -> None:
        names: list[tuple[str, str]] = []

        def start(name: str, attrs: dict[str, str]) -> None:
            tag = _local(name)
            if tag == "sheet":
                # the relationship id is r:id (namespaced); a bare "id" attribute is something else
                rid = next((v for k, v in attrs.items() if _SEP in k and _local(k) == "id"), "")
                names.append((attrs.get("name", ""), rid))
            elif tag == "workbookPr" and attrs.get("date1904") in ("1", "true"):
                self.date1904 = True

        _parse(self.zf, "xl/workbook.xml", start)
        targets: dict[str, str] = {}

        def rel(name: str, attrs: dict[str, str]) -> None:
            if _local(name) == "Relationship" and "Id" in attrs and "Target" in attrs:
                targets[attrs["Id"]] = attrs["Target"]

        _parse(self.zf, "xl/_rels/workbook.xml.rels", rel)
        for sheet_name, rid in names:
            target = targets.get(rid, "")
            part = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join("xl", target))
            )
            if "worksheets/" in part and part in self.zf.NameToInfo:  # chartsheets have no cells
                self.sheets.append((sheet_name, part))

    def _read_strings(self) -> None:
        if "xl/sharedStrings.xml" not in self.zf.NameToInfo:
            return
        buf: list[str] = []
        state = {"t": False, "phonetic": 0}

        def start(name: str, attrs: dict[str, str]) -> None:
            tag = _local(name)
            if tag == "si":
                buf.clear()
            elif tag == "rPh":
                state["phonetic"] += 1  # furigana-style readings are not part of the text
            elif tag == "t" and not state["phonetic"]:
                state["t"] = True

        def end(name: str) -> None:
            tag = _local(name)
            if tag == "si":
                self.strings.append("".join(buf))
            elif tag == "t":
                state["t"] = False
            elif tag == "rPh":
                state["phonetic"] -= 1

        def chars(data: str) -> None:
            if state["t"]:
                buf.append(data)

        _parse(self.zf, "xl/sharedStrings.xml", start, end, chars)

    def _read_styles(self) -> None:
        if "xl/styles.xml" not in self.zf.NameToInfo:
            return
        custom: dict[int, str] = {}
        xf_formats: list[int] = []
        state = {"cellXfs": False}

        def start(name: str, attrs: dict[str, str]) -> None:
            tag = _local(name)
            if tag == "numFmt":
                try:
                    custom[int(attrs.get("numFmtId", "-1"))] = attrs.get("formatCode", "")
                except ValueError:
                    pass
            elif tag == "cellXfs":
                state["cellXfs"] = True
            elif tag == "xf" and state["cellXfs"]:
                try:
                    xf_formats.append(int(attrs.get("numFmtId", "0")))
                except ValueError:
                    xf_formats.append(0)

        def end(name: str) -> None:
            if _local(name) == "cellXfs":
                state["cellXfs"] = False

        _parse(self.zf, "xl/styles.xml", start, end)
        for index, fmt in enumerate(xf_formats):
            if fmt in custom:
                if _is_date_format(custom[fmt]):
                    self.date_styles.add(index)
            elif fmt in _BUILTIN_DATE_IDS:
                self.date_styles.add(index)

    def _value(self, kind: str | None, raw: str, style: int) -> Any:
        """Cell value as openpyxl would give it (str, float, bool, datetime, time), for the shared cell_to_str."""
        if kind == "s":
            try:
                return self.strings[int(raw)]
            except (ValueError, IndexError):
                return None
        if kind in ("str", "inlineStr", "e", "d"):
            return raw
        if kind == "b":
            return raw.strip() in ("1", "true")
        if not raw.strip():
            return None
        try:
            number = float(raw)
        except ValueError:
            return raw
        if style in self.date_styles and 0 <= number < 2958466:  # 2958465 = 9999-12-31
            base = datetime(1904, 1, 1) if self.date1904 else datetime(1899, 12, 30)
            moment = (base + timedelta(days=number)).replace(microsecond=0)
            return moment.time() if number < 1 and not self.date1904 else moment
        return number

    def rows(self, part: str) -> Iterator[list[Any]]:
        """Rows of one sheet as they stream out of the XML (gaps between cells filled with None)."""
        ready: list[list[Any]] = []
        row: list[Any] = []
        cell: dict[str, Any] = {"kind": None, "style": 0, "col": None, "text": [], "in_text": False}

        def start(name: str, attrs: dict[str, str]) -> None:
            tag = _local(name)
            if tag == "c":
                cell["kind"] = attrs.get("t")
                try:
                    cell["style"] = int(attrs.get("s", "0"))
                except ValueError:
                    cell["style"] = 0
                cell["col"] = _column(attrs.get("r"))
                cell["text"] = []
            elif tag in ("v", "t"):
                cell["in_text"] = True
            elif tag == "row":
                row.clear()

        def end(name: str) -> None:
            tag = _local(name)
            if tag == "c":
                col = cell["col"] if cell["col"] is not None else len(row)
                if col < MAX_COLS:
                    row.extend([None] * (col - len(row)))
                    value = self._value(cell["kind"], "".join(cell["text"]), cell["style"])
                    if col < len(row):
                        row[col] = value
                    else:
                        row.append(value)
            elif tag in ("v", "t"):
                cell["in_text"] = False
            elif tag == "row":
                ready.append(list(row))

        def chars(data: str) -> None:
            if cell["in_text"]:
                cell["text"].append(data)

        parser = _parser()
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = chars
        with self.zf.open(part) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                parser.Parse(chunk, not chunk)
                yield from ready
                ready.clear()
                if not chunk:
                    break


_CORE = {
    "created": "created",
    "modified": "modified",
    "title": "title",
    "creator": "author",
    "lastModifiedBy": "last_modified_by",
}


def core_properties(zf: zipfile.ZipFile) -> dict[str, str]:
    """docProps/core.xml: dates (W3CDTF, already ISO) and people, for the same late-creation signal as PDFs."""
    if "docProps/core.xml" not in zf.NameToInfo:
        return {}
    found: dict[str, str] = {}
    state: dict[str, Any] = {"key": None, "text": []}

    def start(name: str, attrs: dict[str, str]) -> None:
        state["key"] = _CORE.get(_local(name))
        state["text"] = []

    def end(name: str) -> None:
        key = state["key"]
        text = "".join(state["text"]).strip()
        if key and text:
            found.setdefault(key, text)
        state["key"] = None

    def chars(data: str) -> None:
        if state["key"]:
            state["text"].append(data)

    _parse(zf, "docProps/core.xml", start, end, chars)
    return found
