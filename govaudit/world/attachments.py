"""Attachment bytes without third-party writers: PDF (CJK text layer or image only), DOCX, XLSX, OFD, PNG.

Hand-written so the world is byte-for-byte deterministic and `govaudit demo` needs no extra packages.
Legacy DOC/XLS are fixed binary assets made once with LibreOffice (`assets/legacy.json`, base64).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import random
import struct
import zipfile
import zlib
from functools import cache
from importlib import resources
from xml.sax.saxutils import escape

from govaudit.world.model import Attachment

MIME = {
    "pdf": "application/pdf", "pdf_scan": "application/pdf", "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ofd": "application/ofd", "png": "image/png",
}
EXT = {"pdf": "pdf", "pdf_scan": "pdf", "doc": "doc", "docx": "docx", "xls": "xls", "xlsx": "xlsx", "ofd": "ofd",
       "png": "png"}


def render(att: Attachment) -> bytes:
    if att.kind == "pdf":
        return pdf_text(att.lines, title=att.name)
    if att.kind == "pdf_scan":
        return pdf_scan(seed=att.name)
    if att.kind == "docx":
        return docx(att.lines)
    if att.kind == "xlsx":
        return xlsx(att.table)
    if att.kind == "ofd":
        return ofd(att.lines, title=att.name)
    if att.kind == "png":
        return png_scan(seed=att.name)
    if att.kind in ("doc", "xls"):
        return legacy(att.asset or att.kind)
    raise ValueError(f"unknown attachment kind {att.kind}")


# --- PDF -------------------------------------------------------------------------------------------------

def _pdf(objects: list[bytes], info_title: str) -> bytes:
    """Serialise numbered objects (1 = catalog) with a correct xref table."""
    title_hex = ("FEFF" + info_title.encode("utf-16-be").hex().upper()).encode()
    objects = [*objects, b"<< /Title <" + title_hex + b"> /Producer (govaudit world) >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n".encode())
    out.write(f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _stream(data: bytes, extra: str = "") -> bytes:
    packed = zlib.compress(data, 9)
    return f"<< /Length {len(packed)} /Filter /FlateDecode {extra}>>\nstream\n".encode() + packed + b"\nendstream"


def _wrap(lines: tuple[str, ...], width: int = 34) -> list[str]:
    out: list[str] = []
    for line in lines:
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return out


def pdf_text(lines: tuple[str, ...], title: str = "") -> bytes:
    """A PDF whose text layer is real Chinese: the standard CJK font STSong-Light (Adobe-GB1), no embedding."""
    rows = _wrap(lines)
    per_page = 44
    pages = [rows[i:i + per_page] for i in range(0, max(len(rows), 1), per_page)] or [[]]
    n = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 cidfont, 5 descriptor, then (page, content) pairs
    kids = " ".join(f"{6 + 2 * i} 0 R" for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [4 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
    for i, page in enumerate(pages):
        ops = ["BT", "/F1 14 Tf", "16 TL", "56 790 Td"]
        for row in page:
            ops.append("<" + row.encode("utf-16-be").hex().upper() + "> Tj T*")
        ops.append("ET")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
                       f">> /Contents {7 + 2 * i} 0 R >>".encode())
        objects.append(_stream("\n".join(ops).encode()))
    return _pdf(objects, title)


def _scan_pixels(seed: str, width: int, height: int) -> bytes:
    """Grey page with dark bars where text lines would be: looks scanned, carries no text."""
    rng = random.Random(seed)
    rows = bytearray()
    line_top = {y for y in range(40, height - 40, 14)}
    bars: dict[int, list[tuple[int, int]]] = {}
    for y in line_top:
        x, spans = 30, []
        end = rng.randint(width // 2, width - 30)
        while x < end:
            w = rng.randint(6, 28)
            spans.append((x, min(x + w, end)))
            x += w + rng.randint(3, 8)
        bars[y] = spans
    for y in range(height):
        row = bytearray([236 + rng.randint(0, 12)] * width)
        top = y - (y - 40) % 14 if y >= 40 else -1
        if top in bars and (y - top) < 8:
            for a, b in bars[top]:
                row[a:b] = bytes([40 + rng.randint(0, 30)] * (b - a))
        rows += row
    return bytes(rows)


def pdf_scan(seed: str = "scan", width: int = 420, height: int = 594) -> bytes:
    """An image-only PDF (no text layer): rules_spec §5.5 R_SCANNED."""
    pixels = _scan_pixels(seed, width, height)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        _stream(pixels, f"/Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray "
                        "/BitsPerComponent 8 "),
        _stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
    ]
    return _pdf(objects, "")


def png_scan(seed: str = "scan", width: int = 420, height: int = 594) -> bytes:
    pixels = _scan_pixels(seed, width, height)
    raw = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# --- OOXML and OFD (ZIP + XML) ---------------------------------------------------------------------------

def _zip(files: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def docx(lines: tuple[str, ...]) -> bytes:
    paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>' for t in lines)
    return _zip({
        "[Content_Types].xml": _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": _XML + f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": _XML + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
        f'main"><w:body>{paras}</w:body></w:document>',
    })


def _col(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        name = chr(65 + rem) + name
    return name


def xlsx(table: tuple[tuple[str, ...], ...], sheet: str = "Sheet1") -> bytes:
    rows = []
    for r, row in enumerate(table, start=1):
        cells = "".join(f'<c r="{_col(c)}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
                        for c, v in enumerate(row))
        rows.append(f'<row r="{r}">{cells}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return _zip({
        "[Content_Types].xml": _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": _XML + f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": _XML + f'<workbook xmlns="{main}" xmlns:r="{_REL}"><sheets>'
        f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": _XML + f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": _XML + f'<worksheet xmlns="{main}"><sheetData>{"".join(rows)}</sheetData>'
        '</worksheet>',
    })


def ofd(lines: tuple[str, ...], title: str = "") -> bytes:
    """OFD (GB/T 33190): a ZIP whose Doc_0/Pages/Page_N/Content.xml hold TextObject/TextCode text."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    rows = _wrap(lines, 38)
    per_page = 40
    pages = [rows[i:i + per_page] for i in range(0, max(len(rows), 1), per_page)] or [[]]
    files: dict[str, str | bytes] = {}
    doc_id = hashlib.md5("\n".join(lines).encode()).hexdigest()
    files["OFD.xml"] = (_XML + f'<ofd:OFD {ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
                        f"<ofd:DocID>{doc_id}</ofd:DocID><ofd:Title>{escape(title)}</ofd:Title>"
                        "<ofd:Creator>govaudit world</ofd:Creator></ofd:DocInfo>"
                        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    page_refs = "".join(f'<ofd:Page ID="{10 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    files["Doc_0/Document.xml"] = (_XML + f"<ofd:Document {ns}><ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID>"
                                   "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                                   "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
                                   f"<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>")
    files["Doc_0/PublicRes.xml"] = (_XML + f'<ofd:Res {ns} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" '
                                    'FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>')
    uid = 100
    for i, page in enumerate(pages):
        objs = []
        for k, row in enumerate(page):
            uid += 1
            y = 20 + k * 6.5
            objs.append(f'<ofd:TextObject ID="{uid}" Boundary="20 {y:.1f} 170 6" Font="2" Size="4.2">'
                        f'<ofd:TextCode X="0" Y="4.2">{escape(row)}</ofd:TextCode></ofd:TextObject>')
        files[f"Doc_0/Pages/Page_{i}/Content.xml"] = (
            _XML + f'<ofd:Page {ns}><ofd:Content><ofd:Layer ID="{uid + 500}">{"".join(objs)}</ofd:Layer>'
            "</ofd:Content></ofd:Page>")
    return _zip(files)


@cache
def _legacy_assets() -> dict[str, dict[str, str]]:
    text = resources.files("govaudit.world").joinpath("assets/legacy.json").read_text(encoding="utf-8")
    data: dict[str, dict[str, str]] = json.loads(text)["assets"]
    return data


def legacy(name: str) -> bytes:
    """A committed OLE2 binary (Word 97 .doc / Excel 97 .xls) made once with LibreOffice."""
    return base64.b64decode(_legacy_assets()[name]["base64"])


def legacy_text(name: str) -> str:
    return _legacy_assets()[name]["text"]
