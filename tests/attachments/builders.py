"""Builders for attachment test files: generated at test time so no hostile file is committed."""

from __future__ import annotations

import io
import random
import struct
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "attachments"
PERIOD = "征求意见时间为2021年3月18日至4月16日"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OFD_NS = "http://www.ofdspec.org/2016"
PASSWD_ENTITY = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
# billion laughs: lol9 expands to 10^9 "lol"s if a parser resolves internal entities
_LOL_REFS = {i: ("&lol;" if i == 1 else f"&lol{i - 1};") * 10 for i in range(1, 10)}
LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{r}">' for i, r in _LOL_REFS.items())
    + "]>"
)


# --- generic helpers ---------------------------------------------------------------------------------------


def zip_bytes(members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def add_zero_member(data: bytes, name: str, size: int) -> bytes:
    """Copy of a ZIP plus one member of `size` zero bytes, streamed so the test never holds it inflated."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        with dst.open(name, "w", force_zip64=True) as fh:
            chunk = b"\0" * 2**20
            for _ in range(size // 2**20):
                fh.write(chunk)
    return buf.getvalue()


def with_gbk_names(data: bytes, names: dict[str, str]) -> bytes:
    """Rename members to raw GBK bytes without the UTF-8 flag, as Windows zip tools write Chinese names."""
    for placeholder, real in names.items():
        raw = real.encode("gbk")
        assert len(raw) == len(placeholder)
        data = data.replace(placeholder.encode("ascii"), raw)
    return data


# --- PDFs ----------------------------------------------------------------------------------------------------


def _cid_canvas(buf: io.BytesIO):  # type: ignore[no-untyped-def]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # a real Chinese text layer (Adobe-GB1 CMap)
    return canvas.Canvas(buf, invariant=1)


def make_text_pdf(pages: int = 5, lines_per_page: int = 12) -> bytes:
    buf = io.BytesIO()
    c = _cid_canvas(buf)
    c.setTitle("关于公开征求《平顶山市行政规范性文件管理办法（征求意见稿）》意见的公告")
    for page in range(1, pages + 1):
        c.setFont("STSong-Light", 12)
        y = 800
        c.drawString(50, y, f"第{page}页")
        for line in range(lines_per_page):
            y -= 20
            text = (
                PERIOD
                if (page, line) == (1, 0)
                else f"平顶山市人民政府办公室关于权责清单动态调整的说明，第{line + 1}条。"
            )
            c.drawString(50, y, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def make_image_pdf(pages: int = 2) -> bytes:
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (600, 800), "white")
    draw = ImageDraw.Draw(img)
    for i in range(0, 800, 40):  # "scanned lines": pixels only, no text objects
        draw.rectangle((40, i + 10, 560, i + 22), fill="black")
    buf = io.BytesIO()
    c = _cid_canvas(buf)
    for _ in range(pages):
        c.drawImage(ImageReader(img), 0, 0, width=595, height=842)
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypt_pdf(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- Office, OFD -------------------------------------------------------------------------------------------------


def make_docx() -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.title = "市司法局权责清单"
    d.add_paragraph("平顶山市司法局权责清单（2021年版）")
    d.add_paragraph(PERIOD)
    table = d.add_table(rows=3, cols=4)
    rows = [
        ["事项编码", "事项名称", "设定依据", "实施主体"],
        ["000101001000", "律师执业许可", "《中华人民共和国律师法》", "市司法局"],
        ["000101002000", "公证员执业审核", "《中华人民共和国公证法》", "市司法局"],
    ]
    for r, row in enumerate(rows):
        for col, value in enumerate(row):
            table.cell(r, col).text = value
    d.add_paragraph("附：监督电话12345")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_xlsx() -> bytes:
    from datetime import datetime

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "市司法局"
    ws.append(["平顶山市司法局权责清单"])
    ws.append(["序号", "事项编码", "事项\n名称", "设定依据", "实施主体", "监督方式", "责任事项", "更新日期"])
    for i in range(1, 51):
        ws.append(
            [
                i,
                f"0001010{i:05d}",
                f"行政许可事项{i}",
                "《行政许可法》",
                "市司法局",
                "监督电话12345",
                "依法履职",
                datetime(2021, 3, 18),
            ]
        )
    ws2 = wb.create_sheet("市发改委")
    ws2.append(["序号", "事项名称", "实施主体"])
    ws2.append([1.0, "价格行政处罚", "市发改委"])
    ws2.append([2, 2.5, None])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def make_ofd(pages: list[list[str]], *, content_prefix: str = "", ofd_prefix: str = "") -> bytes:
    """A minimal OFD (GB/T 33190): OFD.xml → Doc_0/Document.xml → Pages/Page_N/Content.xml with TextCode."""
    ofd_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?>{ofd_prefix}'
        f'<ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
        "<ofd:DocID>6d6f6e6f</ofd:DocID><ofd:Title>平顶山市行政执法公示</ofd:Title>"
        "<ofd:CreationDate>2021-03-18</ofd:CreationDate></ofd:DocInfo>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )
    page_refs = "".join(
        f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages))
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD_NS}"><ofd:CommonData>'
        "<ofd:MaxUnitID>100</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
        f"</ofd:PageArea></ofd:CommonData><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>"
    )
    members = {"OFD.xml": ofd_xml.encode(), "Doc_0/Document.xml": document.encode()}
    for i, lines in enumerate(pages):
        objects = []
        for k, line in enumerate(lines):
            y = 20 + 10 * k
            # two text objects on one baseline: must join without a line break
            half = len(line) // 2
            for part, x in ((line[:half], 20), (line[half:], 20 + 4.2 * half)):
                if part:
                    objects.append(
                        f'<ofd:TextObject ID="{100 + k}" Boundary="{x} {y} 170 8" Font="3" Size="4.2">'
                        f'<ofd:TextCode X="0" Y="4">{part}</ofd:TextCode></ofd:TextObject>'
                    )
        content = (
            f'<?xml version="1.0" encoding="UTF-8"?>{content_prefix}<ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content>'
            f'<ofd:Layer ID="2">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>'
        )
        members[f"Doc_0/Pages/Page_{i}/Content.xml"] = content.encode()
    return zip_bytes(members)


def replace_member(data: bytes, name: str, new: bytes) -> bytes:
    members = zip_members(data)
    members[name] = new
    return zip_bytes(members)


def xxe_document_xml(prolog: str = PASSWD_ENTITY, body: str = "&xxe;") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}\n'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:body></w:document>'
    )


# --- hostile ZIP structures ------------------------------------------------------------------------------------


def overlapping_zip() -> bytes:
    """One stored member referenced by three central-directory entries (the non-recursive zip bomb shape)."""
    payload = random.Random(7).randbytes(200_000)
    data = zip_bytes({"a.bin": payload}, method=zipfile.ZIP_STORED)
    eocd = data.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack_from("<II", data, eocd + 12)
    entry = data[cd_offset : cd_offset + cd_size]
    extra = entry.replace(b"a.bin", b"b.bin") + entry.replace(b"a.bin", b"c.bin")
    new_cd = entry + extra
    tail = bytearray(data[eocd:])
    struct.pack_into("<HHI", tail, 8, 3, 3, len(new_cd))
    return data[:cd_offset] + new_cd + bytes(tail)


def lying_size_zip() -> bytes:
    """A member whose headers declare 1000 bytes but whose deflate stream holds 10 MB."""
    data = bytearray(zip_bytes({"big.txt": b"A" * 10_000_000}))
    struct.pack_into("<I", data, 22, 1000)  # local header uncompressed size
    cd = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, cd + 24, 1000)  # central directory uncompressed size
    return bytes(data)


def many_members_zip(n: int) -> bytes:
    return zip_bytes({f"f{i}.txt": b"" for i in range(n)})


def listing(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def make_raw_xlsx(*, date1904: bool = False) -> bytes:
    """A hand-written XLSX in the shape WPS/Excel write (shared strings, rich text, phonetic runs, CJK date
    formats, sheet order different from part order), which openpyxl-written fixtures never exercise."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ws_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
    pr = ' date1904="1"' if date1904 else ""
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel_ns}">'
        f"<workbookPr{pr}/><sheets>"
        '<sheet name="汇总" sheetId="2" r:id="rId2"/><sheet name="明细" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
        f'<Relationship Id="rId1" Type="{ws_type}" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{ws_type}" Target="/xl/worksheets/sheet2.xml"/></Relationships>'
    )
    shared = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" count="4" uniqueCount="4">'
        "<si><t>事项名称</t></si>"
        "<si><r><rPr><b/></rPr><t>实施</t></r><r><t>主体</t></r></si>"
        '<si><t>市司法局</t><rPh sb="0" eb="1"><t>シ</t></rPh></si>'
        '<si><t xml:space="preserve">事项\n编码</t></si></sst>'
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{main}"><numFmts count="3">'
        '<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
        '<numFmt numFmtId="177" formatCode="0.00_);[Red]\\(0.00\\)"/>'
        '<numFmt numFmtId="178" formatCode="&quot;第&quot;0&quot;年度&quot;"/></numFmts>'
        '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="31"/><xf numFmtId="177"/>'
        '<xf numFmtId="178"/><xf numFmtId="22"/></cellXfs></styleSheet>'
    )
    serial = 44273 - (1462 if date1904 else 0)  # 2021-03-18 in either date system
    sheet1 = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><dimension ref="A1"/><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>3</v></c></row>'
        f'<row r="2"><c r="A2" s="1"><v>{serial}</v></c><c r="B2" s="2"><v>{serial}</v></c>'
        f'<c r="C2" s="5"><v>{serial}.5</v></c><c r="D2" s="3"><v>12.5</v></c><c r="E2" s="4"><v>2021</v></c></row>'
        '<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="e"><v>#N/A</v></c>'
        '<c r="C5" t="str"><f>A1</f><v>公式结果</v></c><c r="D5" t="inlineStr"><is><t>内联</t></is></c>'
        '<c r="E5" t="s"><v>2</v></c></row></sheetData></worksheet>'
    )
    sheet2 = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>'
        '<row r="1"><c r="B1" t="inlineStr"><is><t>合计</t></is></c><c r="C1"><v>3</v></c></row>'
        "</sheetData></worksheet>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        "<dc:creator>市委编办</dc:creator><dcterms:created>2021-03-18T08:00:00Z</dcterms:created>"
        "</cp:coreProperties>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>'
    )
    return zip_bytes(
        {
            "[Content_Types].xml": types.encode(),
            "xl/workbook.xml": workbook.encode(),
            "xl/_rels/workbook.xml.rels": rels.encode(),
            "xl/sharedStrings.xml": shared.encode(),
            "xl/styles.xml": styles.encode(),
            "xl/worksheets/sheet1.xml": sheet1.encode(),
            "xl/worksheets/sheet2.xml": sheet2.encode(),
            "docProps/core.xml": core.encode(),
        }
    )
