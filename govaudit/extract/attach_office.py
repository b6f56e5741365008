"""Office formats: DOCX (python-docx), XLSX (openpyxl, streamed), XLS/ET (xlrd), DOC/WPS (catdoc, else olefile), RTF."""

from __future__ import annotations

import csv
import io
import re
import shutil
import struct
import subprocess
import tempfile
import zipfile
from typing import Any

from govaudit.extract.attach_base import (
    ENCRYPTED,
    MALFORMED,
    MAX_COLS,
    MAX_TABLE_ROWS,
    TIMEOUT,
    UNSUPPORTED,
    AttachmentText,
    Budget,
    ExtractError,
    Limits,
    cell_to_str,
    clean_cell,
    iso,
    out_of_time,
    strip_controls,
)
from govaudit.extract.attach_zip import check_ooxml, open_checked, read_member

SUBPROCESS_TIMEOUT = 20.0  # seconds for catdoc/xls2csv; extract_isolated bounds the whole job as well
_MAX_SCAN_ROWS = 1_048_576  # Excel's own row limit: a sheet claiming more is hostile


# --- DOCX --------------------------------------------------------------------------------------------


def _docx_table(tbl: Any, budget: Budget) -> tuple[list[list[str]], list[str], bool]:
    """(first MAX_TABLE_ROWS rows, one text line per row, rows_truncated) of a w:tbl element.

    Reads w:tc elements directly: python-docx's row.cells expands merged cells over the grid and, with cell.text,
    costs ~60 µs per cell (1.2 s for a 3000-row 清单 table). A horizontally merged cell appears once, a
    vertically merged continuation as an empty cell.
    """
    table: list[list[str]] = []
    lines: list[str] = []
    for tr in tbl.findall(_W + "tr"):
        if budget.rows <= 0:
            return table, lines, True
        cells = [clean_cell(_w_text(tc)) for tc in tr.findall(_W + "tc")][:MAX_COLS]
        if not any(cells):
            continue
        budget.rows -= 1
        lines.append("\t".join(cells))
        if len(table) < MAX_TABLE_ROWS:
            table.append(cells)
    return table, lines, False


def extract_docx(data: bytes, limits: Limits, budget: Budget) -> AttachmentText:
    zf = open_checked(data, limits, budget, "docx")
    check_ooxml(zf, budget)  # before python-docx: its lxml parser must never see a DTD
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx refuses .docm/.dotx content types and odd packages
        result = _docx_fallback(zf, budget)
        result.meta["python_docx_error"] = f"{type(exc).__name__}: {exc}"[:300]
        return result
    lines: list[str] = []
    tables: list[list[list[str]]] = []
    truncated = False
    for block in document.iter_inner_content():  # body order: paragraphs and tables interleaved
        if isinstance(block, Table):
            rows, row_lines, cut = _docx_table(block._tbl, budget)
            truncated = truncated or cut
            if rows:
                tables.append(rows)
                lines.extend(row_lines)
        else:
            lines.append(_w_text(block._p))
    props = document.core_properties
    meta: dict[str, Any] = {
        "created": iso(props.created),
        "modified": iso(props.modified),
        "title": props.title or None,
        "author": props.author or None,
        "last_modified_by": props.last_modified_by or None,
        "rows_truncated": truncated or None,
    }
    return AttachmentText(
        kind="docx",
        text=strip_controls("\n".join(lines)),
        tables=tables,
        meta={k: v for k, v in meta.items() if v},
    )


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


_TEXT_TAGS = (_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "p")


def _w_text(el: Any) -> str:
    """Text of a WordprocessingML element: runs, tabs and breaks; text boxes once (their mc:Fallback copy is
    skipped); field codes (w:instrText) and deleted text (w:delText) excluded."""
    if hasattr(el, "xpath") and el.find(".//" + _MC_FALLBACK) is None:
        nodes = el.iter(*_TEXT_TAGS)  # lxml filters tags in C: ~4x faster than visiting every rPr/sz node
    else:
        nodes = _walk_without_fallback(el)
    out: list[str] = []
    for node in nodes:
        tag = node.tag
        if tag == _W + "t":
            if node.text:
                out.append(node.text)
        elif tag == _W + "tab":
            out.append("\t")
        elif tag == _W + "p":
            if node is not el and out:
                out.append("\n")  # a second paragraph inside a cell or text box
        else:
            out.append("\n")
    return "".join(out)


def _walk_without_fallback(el: Any) -> Any:
    stack = [el]
    while stack:
        node = stack.pop()
        if node.tag == _MC_FALLBACK:
            continue
        if node.tag in _TEXT_TAGS:
            yield node
        stack.extend(reversed(node))


def _docx_fallback(zf: zipfile.ZipFile, budget: Budget) -> AttachmentText:
    """Paragraphs and tables straight from word/document.xml (already checked DTD-free)."""
    import defusedxml.ElementTree as DET

    try:
        root = DET.fromstring(read_member(zf, zf.getinfo("word/document.xml"), budget), forbid_dtd=True)
    except KeyError:
        raise ExtractError(MALFORMED, "docx without word/document.xml") from None
    except ExtractError:
        raise
    except Exception as exc:
        raise ExtractError(MALFORMED, f"word/document.xml: {exc}") from None
    body = root.find(_W + "body")
    lines: list[str] = []
    tables: list[list[list[str]]] = []
    for el in body if body is not None else []:
        if el.tag == _W + "p":
            lines.append(_w_text(el))
        elif el.tag == _W + "tbl":
            rows, row_lines, _ = _docx_table(el, budget)
            if rows:
                tables.append(rows)
                lines.extend(row_lines)
    return AttachmentText(kind="docx", text=strip_controls("\n".join(lines)), tables=tables)


# --- spreadsheets -------------------------------------------------------------------------------------


class _SheetCollector:
    """Rows of all sheets → text ('\\t' cells, '\\n' rows, '\\f' sheets) and tables, within the row budget."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.sheet_texts: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.truncated = False
        self.timed_out = False

    def add_sheet(self, rows: Any) -> None:
        lines: list[str] = []
        table: list[list[str]] = []
        scanned = 0
        for raw in rows:
            scanned += 1
            if scanned % 1000 == 0 and out_of_time():
                self.timed_out = True
                break
            if scanned > _MAX_SCAN_ROWS:
                self.truncated = True
                break
            cells = [cell_to_str(v) for v in raw[:MAX_COLS]]
            while cells and not cells[-1]:
                cells.pop()
            if not cells:
                continue
            if self.budget.rows <= 0:
                self.truncated = True
                break
            self.budget.rows -= 1
            lines.append("\t".join(cells))
            if len(table) < MAX_TABLE_ROWS:
                table.append(cells)
        self.sheet_texts.append("\n".join(lines))
        self.tables.append(table)

    def add_sheet_or_stop(self, rows: Any) -> bool:
        """Add one sheet; False when the time budget is spent and no further sheet should be read."""
        if self.timed_out:
            return False
        self.add_sheet(rows)
        return not self.timed_out

    def result(self, kind: str, meta: dict[str, Any]) -> AttachmentText:
        if self.truncated:
            meta["rows_truncated"] = True
        error = f"{TIMEOUT}: stopped reading rows (time budget); text is partial" if self.timed_out else None
        return AttachmentText(
            kind=kind, text="\f".join(self.sheet_texts), tables=self.tables, meta=meta, error=error
        )


def extract_xlsx(data: bytes, limits: Limits, budget: Budget) -> AttachmentText:
    zf = open_checked(data, limits, budget, "xlsx")
    check_ooxml(zf, budget)  # before any XML parser reads a part
    from govaudit.extract.attach_xlsx import Workbook, core_properties

    rows_before = budget.rows
    try:
        book = Workbook(zf)
        collector = _SheetCollector(budget)
        for _, part in book.sheets:
            if not collector.add_sheet_or_stop(book.rows(part)):
                break
        meta: dict[str, Any] = {"sheets": [name for name, _ in book.sheets], **core_properties(zf)}
    except ExtractError:
        raise
    except Exception as exc:  # a package layout the streaming reader does not follow: let openpyxl try
        budget.rows = rows_before
        result = _xlsx_openpyxl(data, budget)
        result.meta["xlsx_reader_error"] = f"{type(exc).__name__}: {exc}"[:300]
        return result
    return collector.result("xlsx", meta)


def _xlsx_openpyxl(data: bytes, budget: Budget) -> AttachmentText:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:
        raise ExtractError(MALFORMED, f"xlsx: {type(exc).__name__}: {exc}") from None
    collector = _SheetCollector(budget)
    try:
        names = list(wb.sheetnames)
        for ws in wb.worksheets:
            ws.reset_dimensions()  # WPS writes wrong <dimension>; trusting it truncates or pads rows
            if not collector.add_sheet_or_stop(ws.iter_rows(values_only=True)):
                break
        props = wb.properties
        meta: dict[str, Any] = {
            "sheets": names,
            "created": iso(props.created),
            "modified": iso(props.modified),
        }
    except ExtractError:
        raise
    except Exception as exc:
        raise ExtractError(MALFORMED, f"xlsx sheet: {type(exc).__name__}: {exc}") from None
    finally:
        wb.close()
    meta["via"] = "openpyxl"
    return collector.result("xlsx", {k: v for k, v in meta.items() if v})


def extract_xls(data: bytes, kind: str, limits: Limits, budget: Budget) -> AttachmentText:
    import xlrd

    try:
        book = xlrd.open_workbook(
            file_contents=data, on_demand=True, formatting_info=False, logfile=io.StringIO()
        )
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise ExtractError(ENCRYPTED, f"{kind}: {exc}") from None
        return _xls2csv(data, kind, f"xlrd: {exc}", budget)
    except Exception as exc:  # xlrd raises assorted errors on damaged BIFF
        return _xls2csv(data, kind, f"xlrd: {type(exc).__name__}: {exc}", budget)
    collector = _SheetCollector(budget)
    try:
        names = book.sheet_names()
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            more = collector.add_sheet_or_stop(_xlrd_rows(sheet, book.datemode))
            book.unload_sheet(index)
            if not more:
                break
    except Exception as exc:
        raise ExtractError(MALFORMED, f"{kind} sheet: {type(exc).__name__}: {exc}") from None
    finally:
        book.release_resources()
    meta: dict[str, Any] = {"sheets": names, **ole_meta(data)}
    return collector.result(kind, meta)


def _xlrd_rows(sheet: Any, datemode: int) -> Any:
    import xlrd

    for r in range(sheet.nrows):
        out: list[Any] = []
        for cell in sheet.row(r)[:MAX_COLS]:
            if cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    out.append(xlrd.xldate_as_datetime(cell.value, datemode))
                except Exception:
                    out.append(cell.value)
            elif cell.ctype == xlrd.XL_CELL_ERROR:
                out.append(xlrd.error_text_from_code.get(cell.value, "#ERR"))
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                out.append(bool(cell.value))
            else:
                out.append(cell.value)
        yield out


def _run_tool(argv: list[str], data: bytes, suffix: str) -> str:
    """Run a catdoc-family tool on a temp copy of data; the temp dir is removed whatever happens."""
    with tempfile.TemporaryDirectory(prefix="govaudit-att-") as tmp:
        path = f"{tmp}/input{suffix}"
        with open(path, "wb") as fh:
            fh.write(data)
        try:
            proc = subprocess.run(
                [*argv, path],
                capture_output=True,
                timeout=SUBPROCESS_TIMEOUT,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise ExtractError("timeout", f"{argv[0]} ran longer than {SUBPROCESS_TIMEOUT:.0f} s") from None
        if proc.returncode != 0:
            raise ExtractError(MALFORMED, f"{argv[0]} exit {proc.returncode}: {proc.stderr[:200]!r}")
        return proc.stdout.decode("utf-8", errors="replace")


def _xls2csv(data: bytes, kind: str, why: str, budget: Budget) -> AttachmentText:
    """Second opinion for BIFF files xlrd rejects; only for real OLE2 files, and only if it finds cells."""
    if not shutil.which("xls2csv") or not data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ExtractError(MALFORMED, why)
    try:
        out = _run_tool(["xls2csv", "-d", "utf-8", "-q", "1"], data, ".xls")
    except ExtractError as exc:
        raise ExtractError(MALFORMED, f"{why}; {exc}") from None
    collector = _SheetCollector(budget)
    for sheet in out.split("\f"):
        collector.add_sheet(csv.reader(io.StringIO(sheet)))
    if not any(collector.tables):  # xls2csv exits 0 with no output on files it cannot read
        raise ExtractError(MALFORMED, why)
    return collector.result(kind, {"via": "xls2csv", "xlrd_error": why[:300], **ole_meta(data)})


# --- DOC / WPS (OLE2 Word binary) and RTF -----------------------------------------------------------------


def ole_meta(data: bytes) -> dict[str, Any]:
    """SummaryInformation dates/title/author of an OLE2 file: the same late-creation signal as PDF dates."""
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            md = ole.get_metadata()
    except Exception:
        return {}
    # olefile reads the code page as a signed 16-bit value: UTF-8 (65001) arrives as -535
    codepage = md.codepage & 0xFFFF if isinstance(md.codepage, int) else None
    first = {65001: "utf-8", 1200: "utf-16-le"}.get(codepage or 0, f"cp{codepage}" if codepage else "utf-8")

    def text(value: Any) -> str | None:
        if isinstance(value, bytes):
            for enc in (first, "gb18030"):
                try:
                    value = value.decode(enc)
                    break
                except (LookupError, UnicodeDecodeError):
                    continue
            else:
                value = value.decode("latin-1")
        if not isinstance(value, str):
            return None
        return value.split("\x00", 1)[0].strip() or None  # WPS pads strings with NUL and junk after it

    meta = {
        "created": iso(md.create_time),
        "modified": iso(md.last_saved_time),
        "title": text(md.title),
        "author": text(md.author),
        "last_modified_by": text(md.last_saved_by),
    }
    return {k: v for k, v in meta.items() if v}


_FIELD = re.compile(r"\x13[^\x13\x14\x15]*[\x14\x15]")  # field instruction (…HYPERLINK "x"…) up to result/end


def _word_fib(ole: Any) -> tuple[bytes, int]:
    wd = ole.openstream("WordDocument").read()
    if len(wd) < 0x1AA or struct.unpack_from("<H", wd, 0)[0] != 0xA5EC:
        raise ExtractError(MALFORMED, "WordDocument stream has no Word 97+ FIB")
    (flags,) = struct.unpack_from("<H", wd, 0x0A)
    if flags & 0x0100:
        raise ExtractError(ENCRYPTED, "Word document is password-protected")
    return wd, flags


def _doc_text_olefile(data: bytes) -> str:
    """Main-document text from the Word 97+ piece table ([MS-DOC] 2.4.1); headers and footnotes are skipped."""
    import olefile

    with olefile.OleFileIO(data) as ole:
        wd, flags = _word_fib(ole)
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            raise ExtractError(MALFORMED, f"Word document without {table_name} stream")
        table = ole.openstream(table_name).read()
    (ccp_text,) = struct.unpack_from("<i", wd, 0x4C)
    fc_clx, lcb_clx = struct.unpack_from("<II", wd, 0x1A2)
    clx = table[fc_clx : fc_clx + lcb_clx]
    i = 0
    while i < len(clx) and clx[i] == 0x01:  # Prc entries (property modifiers) precede the piece table
        i += 3 + struct.unpack_from("<H", clx, i + 1)[0]
    if i + 5 > len(clx) or clx[i] != 0x02:
        raise ExtractError(MALFORMED, "Word piece table not found")
    (lcb,) = struct.unpack_from("<I", clx, i + 1)
    plc = clx[i + 5 : i + 5 + lcb]
    n = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    out: list[str] = []
    remaining = ccp_text
    for k in range(n):
        length = min(cps[k + 1] - cps[k], remaining)
        if length <= 0:
            continue
        (fc,) = struct.unpack_from("<I", plc, (n + 1) * 4 + k * 8 + 2)
        if fc & 0x40000000:  # 8-bit "compressed" piece
            start = (fc & 0x3FFFFFFF) // 2
            out.append(wd[start : start + length].decode("cp1252", errors="replace"))
        else:
            start = fc & 0x3FFFFFFF
            out.append(wd[start : start + 2 * length].decode("utf-16-le", errors="replace"))
        remaining -= length
    return _clean_word_text("".join(out))


def _clean_word_text(text: str) -> str:
    for _ in range(text.count("\x13") + 1):  # nested fields: innermost instruction first
        text, n = _FIELD.subn("", text)
        if not n:
            break
    text = text.replace("\x15", "").replace("\r", "\n").replace("\x0b", "\n")
    text = text.replace("\x07\x07", "\n").replace("\x07", "\t")  # cell marks; a doubled one ends the row
    return strip_controls(text)


def extract_doc(data: bytes, kind: str) -> AttachmentText:
    if data.lstrip()[:5] == b"{\\rtf":
        return AttachmentText(kind=kind, text=rtf_to_text(data), meta={"format": "rtf"})
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            if not ole.exists("WordDocument"):
                raise ExtractError(UNSUPPORTED, f"{kind}: OLE file without a WordDocument stream")
            _word_fib(ole)  # encrypted → refuse before catdoc prints garbage
    except ExtractError:
        raise
    except Exception as exc:
        raise ExtractError(MALFORMED, f"{kind}: not a readable OLE2 file: {exc}") from None
    meta: dict[str, Any] = ole_meta(data)
    errors: list[str] = []
    if shutil.which("catdoc"):
        try:
            text = _run_tool(["catdoc", "-d", "utf-8", "-w"], data, ".doc")
            if text.strip():
                meta["via"] = "catdoc"
                return AttachmentText(kind=kind, text=strip_controls(text), meta=meta)
            errors.append("catdoc: no text")
        except ExtractError as exc:
            errors.append(str(exc))
    try:
        text = _doc_text_olefile(data)
    except ExtractError as exc:
        raise ExtractError(UNSUPPORTED, f"{kind}: " + "; ".join([*errors, str(exc)])) from None
    except Exception as exc:
        raise ExtractError(
            UNSUPPORTED, f"{kind}: " + "; ".join([*errors, f"{type(exc).__name__}: {exc}"])
        ) from None
    meta["via"] = "olefile"
    if errors:
        meta["catdoc_error"] = errors[0][:300]
    return AttachmentText(kind=kind, text=text, meta=meta)


_RTF_TOKEN = re.compile(
    rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+", re.DOTALL
)
_RTF_SKIP = {
    b"fonttbl",
    b"colortbl",
    b"stylesheet",
    b"info",
    b"pict",
    b"object",
    b"header",
    b"footer",
    b"themedata",
}


def rtf_to_text(data: bytes) -> str:
    """Minimal RTF reader: paragraphs, \\uN and \\'hh escapes in the document's code page (GBK for Chinese)."""
    m = re.search(rb"\\ansicpg(\d+)", data[:4096])
    codepage = f"cp{m.group(1).decode()}" if m else "cp1252"
    if codepage in ("cp936", "cp54936"):
        codepage = "gb18030"
    out: list[str] = []
    pending = bytearray()  # \'hh bytes form multi-byte GBK characters together
    stack: list[tuple[bool, int]] = []
    skip, uc, to_skip = False, 1, 0

    def flush() -> None:
        if pending:
            out.append(pending.decode(codepage, errors="replace"))
            pending.clear()

    for tok in _RTF_TOKEN.finditer(data):
        word, arg, hexbyte, sym, brace, plain = tok.groups()
        if hexbyte is not None:
            if to_skip:
                to_skip -= 1
            elif not skip:
                pending.append(int(hexbyte, 16))
            continue
        flush()
        if brace == b"{":
            stack.append((skip, uc))
        elif brace == b"}":
            skip, uc = stack.pop() if stack else (False, 1)
        elif sym is not None:
            if sym == b"*":
                skip = True
            elif not skip and sym in b"\\{}":
                out.append(sym.decode())
        elif word is not None:
            if word in _RTF_SKIP:
                skip = True
            elif skip:
                continue
            elif word == b"uc" and arg:
                uc = int(arg)
            elif word == b"u" and arg:
                out.append(chr(int(arg) % 65536))
                to_skip = uc
            elif word in (b"par", b"line", b"row", b"sect", b"page"):
                out.append("\n")
            elif word in (b"tab", b"cell"):
                out.append("\t")
        elif plain is not None and not skip:
            text = plain.decode(codepage, errors="replace")
            if to_skip:
                drop = min(to_skip, len(text))
                text, to_skip = text[drop:], to_skip - drop
            out.append(text)
    flush()
    return strip_controls("".join(out)).strip()
