"""Each attachment kind yields the text, tables, pages and dates the rules need."""

from __future__ import annotations

import io
import zipfile

import pytest

from govaudit.extract.attachments import EXTRACTOR_VERSION, Limits, extract

from .builders import DATA, PERIOD, make_ofd, make_text_pdf, zip_bytes

# --- PDF -----------------------------------------------------------------------------------------------------


def test_text_pdf_gives_chinese_text_with_a_form_feed_between_pages(text_pdf: bytes) -> None:
    result = extract(text_pdf, "notice.pdf")
    assert result.error is None
    assert result.kind == "pdf"
    assert PERIOD in result.text
    assert result.pages == 5
    assert result.text.count("\f") == 4  # page numbers survive as form feeds
    assert result.text.split("\f")[2].startswith("第3页")
    assert result.scanned is False


def test_pdf_title_and_creation_date_become_meta(text_pdf: bytes) -> None:
    meta = extract(text_pdf, "notice.pdf").meta
    assert meta["title"] == "关于公开征求《平顶山市行政规范性文件管理办法（征求意见稿）》意见的公告"
    assert meta["created"] == "2000-01-01T00:00:00+00:00"  # reportlab invariant mode date


def test_image_only_pdf_is_flagged_scanned(image_pdf: bytes) -> None:
    result = extract(image_pdf, "scan.pdf")
    assert result.error is None
    assert result.scanned is True
    assert result.pages == 2
    assert result.text.strip("\f \n") == ""


def test_pdf_with_little_text_per_page_is_scanned_but_keeps_its_text() -> None:
    result = extract(make_text_pdf(pages=2, lines_per_page=0), "cover.pdf")  # only "第N页" on each page
    assert result.scanned is True
    assert "第1页" in result.text


def test_pdf_pages_beyond_max_pages_are_not_read(text_pdf: bytes) -> None:
    result = extract(text_pdf, "notice.pdf", limits=Limits(max_pages=2))
    assert result.pages == 5
    assert result.meta["pages_read"] == 2
    assert result.text.count("\f") == 1


@pytest.mark.parametrize(
    ("name", "title", "created", "year"),
    [
        (
            "hzq2023_working.pdf",
            "洪泽区人民政府2023年政府信息公开工作年度报告",
            "2024-02-26T14:41:23+06:41",
            "2023",
        ),
        ("hzq2024_working.pdf", "政府信息公开工作年度报告", "2025-02-25T10:11:15+08:00", "2024"),
    ],
)
def test_real_county_annual_report_pdf_gives_text_title_and_late_creation_date(
    name: str, title: str, created: str, year: str
) -> None:
    result = extract((DATA / name).read_bytes(), name)
    assert result.error is None
    assert "政府信息公开" in result.text
    assert f"{year} 年政府信息公开工作年度报告" in result.text
    assert result.pages == 5 and result.scanned is False
    # WPS stores the title as UTF-16LE behind an FF FE mark; pdfminer alone gives mojibake
    assert result.meta["title"] == title
    assert result.meta["created"] == created  # later than the 1-31 deadline: a useful signal for rules
    assert result.tables, "the 年报 statistics tables are found"


# --- DOCX / XLSX / XLS / DOC ------------------------------------------------------------------------------------


def test_docx_paragraphs_and_table_reach_text_and_tables(docx_bytes: bytes) -> None:
    result = extract(docx_bytes, "清单.docx")
    assert result.error is None and result.kind == "docx"
    assert PERIOD in result.text
    assert result.tables == [
        [
            ["事项编码", "事项名称", "设定依据", "实施主体"],
            ["000101001000", "律师执业许可", "《中华人民共和国律师法》", "市司法局"],
            ["000101002000", "公证员执业审核", "《中华人民共和国公证法》", "市司法局"],
        ]
    ]
    assert "事项编码\t事项名称\t设定依据\t实施主体" in result.text
    # document order: the table sits between the period paragraph and the closing line
    assert result.text.index(PERIOD) < result.text.index("事项编码") < result.text.index("监督电话")
    assert result.meta["title"] == "市司法局权责清单"


def test_docx_saved_as_wps_is_read_as_docx(docx_bytes: bytes) -> None:
    result = extract(docx_bytes, "清单.wps")  # WPS Office saves DOCX content under .wps names
    assert result.kind == "docx" and result.error is None
    assert "事项编码" in result.text


def test_macro_docx_that_python_docx_refuses_falls_back_to_document_xml(docx_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml"
    )
    result = extract(zip_bytes(members), "模板.dotx")
    assert result.error is None
    assert "python_docx_error" in result.meta
    assert PERIOD in result.text
    assert result.tables[0][0] == ["事项编码", "事项名称", "设定依据", "实施主体"]


def test_xlsx_keeps_header_row_all_sheets_and_sheet_names(xlsx_bytes: bytes) -> None:
    result = extract(xlsx_bytes, "权责清单.xlsx")
    assert result.error is None and result.kind == "xlsx"
    assert result.meta["sheets"] == ["市司法局", "市发改委"]
    first, second = result.tables
    assert first[0] == ["平顶山市司法局权责清单"]
    # a header cell wrapped as 事项\n名称 is joined so header detection can match 事项名称
    assert first[1] == [
        "序号",
        "事项编码",
        "事项名称",
        "设定依据",
        "实施主体",
        "监督方式",
        "责任事项",
        "更新日期",
    ]
    assert first[2] == [
        "1",
        "000101000001",
        "行政许可事项1",
        "《行政许可法》",
        "市司法局",
        "监督电话12345",
        "依法履职",
        "2021-03-18",
    ]
    assert len(first) == 52
    assert second == [["序号", "事项名称", "实施主体"], ["1", "价格行政处罚", "市发改委"], ["2", "2.5"]]
    sheets = result.text.split("\f")
    assert len(sheets) == 2 and sheets[1].splitlines()[1] == "1\t价格行政处罚\t市发改委"


def test_xlsx_rows_beyond_max_rows_are_dropped_and_flagged(xlsx_bytes: bytes) -> None:
    result = extract(xlsx_bytes, "权责清单.xlsx", limits=Limits(max_rows=10))
    assert sum(len(t) for t in result.tables) == 10
    assert result.meta["rows_truncated"] is True


def test_real_wps_xls_gives_rows_sheets_and_dates() -> None:
    result = extract((DATA / "wanzai_2023-10.xls").read_bytes(), "10月.xls")
    assert result.error is None
    assert result.kind == "et"  # saved by WPS 表格: the ETExtData stream says so, whatever the extension
    assert result.meta["sheets"] == ["Sheet1 ", "Sheet2", "Sheet3"]
    table = result.tables[0]
    assert table[0] == ["万载县主要农副产品及居民生活必需品价格行情"]
    assert table[1] == ["类别", "品种", "等级规格", "计量单位", "价格（元）"]
    assert table[2] == ["一、粮食类", "晚籼米", "标一", "元/500克", "2.68"]
    assert "一、粮食类\t晚籼米\t标一\t元/500克\t2.68" in result.text
    assert result.meta["modified"] == "2023-10-06T01:07:23"
    assert result.meta["last_modified_by"] == "Administrator"  # NUL padding and junk after it cut off


def test_legacy_doc_gives_text_table_and_utf8_summary(doc_bytes: bytes) -> None:
    result = extract(doc_bytes, "公告.doc")
    assert result.error is None and result.kind == "doc"
    assert PERIOD in result.text
    assert "事项编码\t事项名称\t实施主体" in result.text
    assert result.meta["title"] == "征求意见公告"  # code page 65001 arrives from olefile as -535
    assert result.meta["author"] == "平顶山市司法局"
    assert result.meta["via"] in ("catdoc", "olefile")


def test_doc_text_without_catdoc_comes_from_the_piece_table(
    doc_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name: None if name == "catdoc" else real_which(name))
    result = extract(doc_bytes, "公告.doc")
    assert result.error is None
    assert result.meta["via"] == "olefile"
    assert PERIOD in result.text
    assert "000101001000\t行政许可事项\t市司法局\n" in result.text  # cell marks → tabs, row end → newline


def test_wps_named_word_binary_is_kind_wps_with_the_same_text(doc_bytes: bytes) -> None:
    result = extract(doc_bytes, "公告.wps")
    assert result.kind == "wps" and result.error is None
    assert PERIOD in result.text


def test_rtf_saved_as_doc_is_read_as_text() -> None:
    result = extract((DATA / "notice_libreoffice.rtf").read_bytes(), "公告.doc")
    assert result.kind == "doc" and result.error is None
    assert PERIOD in result.text


def test_gbk_escaped_rtf_decodes_with_its_code_page() -> None:
    rtf = b"{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}\\f0 \\'b9\\'ab\\'b8\\'e6\\par 2021}"
    assert extract(rtf, "a.rtf").text == "公告\n2021"


# --- OFD, ZIP, others ------------------------------------------------------------------------------------------------


def test_ofd_text_codes_become_lines_and_pages(ofd_bytes: bytes) -> None:
    result = extract(ofd_bytes, "公示.ofd")
    assert result.error is None and result.kind == "ofd"
    assert result.pages == 2
    page1, page2 = result.text.split("\f")
    assert page1.splitlines() == ["平顶山市行政执法公示", PERIOD]  # split text objects on one baseline joined
    assert "决定日期：2021年9月28日" in page2
    assert result.meta["title"] == "平顶山市行政执法公示" and result.meta["created"] == "2021-03-18"


def test_ofd_without_page_list_falls_back_to_page_folders_in_number_order() -> None:
    data = make_ofd([["第一页"], ["第二页"], ["第三页"]] + [[f"第{i}页"] for i in range(4, 12)])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["Doc_0/Document.xml"] = members["Doc_0/Document.xml"].replace(b"BaseLoc", b"Other")
    result = extract(zip_bytes(members), "x.ofd")
    assert result.error is None
    assert result.text.split("\f")[:3] == ["第一页", "第二页", "第三页"]
    assert result.text.split("\f")[10] == "第11页"  # Page_10 after Page_9, not after Page_1


def test_nested_zip_extracts_members_recursively_with_gbk_names(nested_zip: bytes) -> None:
    result = extract(nested_zip, "附件.zip")
    assert result.error is None and result.kind == "zip"
    assert [name for name, _ in result.children] == ["说明.txt", "inner.zip"]
    inner = result.children[1][1]
    assert inner.kind == "zip"
    assert [name for name, _ in inner.children] == [
        "征求意见.pdf",
        "附件2.docx",
    ]  # GBK names without UTF-8 flag
    pdf = inner.children[0][1]
    assert pdf.kind == "pdf" and PERIOD in pdf.text
    assert PERIOD in result.text  # the parent text concatenates its members'
    assert "征求意见.pdf" in result.text
    assert ["事项编码", "事项名称", "设定依据", "实施主体"] in [t[0] for t in result.tables]


def test_zip_nested_deeper_than_depth_is_not_opened(text_pdf: bytes) -> None:
    # a.zip (depth 0) → l1.zip (members at depth 1) → l2.zip (members at depth 2) → l3.zip would be depth 3
    data = zip_bytes(
        {"l1.zip": zip_bytes({"l2.zip": zip_bytes({"l3.zip": zip_bytes({"deep.pdf": text_pdf})})})}
    )
    result = extract(data, "a.zip")
    l1 = result.children[0][1]
    l2 = l1.children[0][1]
    assert l2.kind == "zip"
    assert l2.error is not None and l2.error.startswith("too_deep")
    assert l2.meta["members"] == ["l3.zip"] and l2.children == []
    assert PERIOD not in result.text


def test_pdf_two_zip_levels_down_is_read(text_pdf: bytes) -> None:
    result = extract(
        zip_bytes({"l1.zip": zip_bytes({"deep.pdf": text_pdf})}), "a.zip", limits=Limits(depth=2)
    )
    assert PERIOD in result.text
    shallow = extract(
        zip_bytes({"l1.zip": zip_bytes({"deep.pdf": text_pdf})}), "a.zip", limits=Limits(depth=1)
    )
    assert PERIOD not in shallow.text
    assert shallow.children[0][1].error.startswith("too_deep")  # type: ignore[union-attr]


def test_image_is_kept_as_scanned(png_bytes: bytes) -> None:
    result = extract(png_bytes, "通知.png")
    assert result.kind == "image" and result.scanned is True and result.error is None
    assert result.meta["width"] == 64


def test_rar_is_recorded_as_unsupported() -> None:
    result = extract(b"Rar!\x1a\x07\x01\x00" + b"\x00" * 64, "附件.rar")
    assert result.kind == "rar"
    assert result.error is not None and result.error.startswith("unsupported: rar")


def test_gbk_html_table_saved_as_xls_gives_text_and_table() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><style>td{}</style></head>'
        "<body><table><tr><td>事项名称</td><td>实施主体</td></tr><tr><td>行政许可</td><td>市司法局</td></tr></table>"
        "<script>var x = '不应出现';</script></body></html>"
    ).encode("gbk")
    result = extract(html, "清单.xls")  # servers export HTML tables with an .xls name
    assert result.kind == "html" and result.error is None
    assert result.tables == [[["事项名称", "实施主体"], ["行政许可", "市司法局"]]]
    assert "事项名称\t实施主体" in result.text
    assert "不应出现" not in result.text
    assert result.meta["encoding"] == "gb18030"


def test_gbk_text_without_declared_charset_is_detected() -> None:
    body = ("平顶山市人民政府关于公开征求意见的公告。" + PERIOD + "。请社会各界积极提出意见建议。") * 3
    result = extract(body.encode("gbk"), "说明.txt")
    assert result.kind == "text" and result.error is None
    assert PERIOD in result.text


def test_csv_rows_become_a_table() -> None:
    result = extract("事项名称,实施主体\n行政许可,市司法局\n".encode(), "清单.csv")
    assert result.tables == [[["事项名称", "实施主体"], ["行政许可", "市司法局"]]]


def test_text_longer_than_max_text_is_cut_and_flagged() -> None:
    result = extract(("公告" * 1000).encode(), "a.txt", limits=Limits(max_text=100))
    assert len(result.text) == 100 and result.meta["text_truncated"] is True


def test_result_round_trips_through_json(nested_zip: bytes) -> None:
    import json

    from govaudit.extract.attachments import AttachmentText

    result = extract(nested_zip, "附件.zip")
    assert AttachmentText.from_dict(json.loads(json.dumps(result.to_dict()))) == result


def test_extractor_version_is_a_nonempty_string() -> None:
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


_TEXTBOX_BODY = (
    '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    '<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>红头文件标题</w:t></w:r></w:p>'
    "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
    "<w:t>红头文件标题</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    "<w:r><w:t>正文</w:t></w:r></w:p>"
    '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>合并表头</w:t></w:r></w:p></w:tc>'
    "<w:tc><w:p><w:r><w:t>实施</w:t></w:r></w:p><w:p><w:r><w:t>主体</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc>"
    "<w:tc><w:p><w:r><w:instrText>HYPERLINK</w:instrText><w:t>市司法局</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
)


def test_docx_text_box_counted_once_merged_cells_once_and_field_codes_dropped(docx_bytes: bytes) -> None:
    from .builders import W_NS, replace_member

    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{_TEXTBOX_BODY}</w:body></w:document>'
    result = extract(replace_member(docx_bytes, "word/document.xml", xml.encode()), "a.docx")
    assert result.error is None
    assert result.text.count("红头文件标题") == 1
    assert "正文" in result.text and "HYPERLINK" not in result.text
    # gridSpan cell once; two paragraphs in a cell joined (实施\n主体 → 实施主体 by the CJK wrap rule)
    assert result.tables == [[["合并表头", "实施主体"], ["a b", "", "市司法局"]]]


def test_docx_table_rows_share_the_row_budget() -> None:
    import docx

    d = docx.Document()
    table = d.add_table(rows=30, cols=2)
    for r in range(30):
        table.cell(r, 0).text = f"事项{r}"
    buf = io.BytesIO()
    d.save(buf)
    result = extract(buf.getvalue(), "a.docx", limits=Limits(max_rows=10))
    assert len(result.tables[0]) == 10 and result.meta["rows_truncated"] is True
    assert "事项9" in result.text and "事项10" not in result.text


@pytest.mark.parametrize("date1904", [False, True], ids=["1900-dates", "1904-dates"])
def test_xlsx_as_wps_writes_it_shared_strings_dates_and_sheet_order(date1904: bool) -> None:
    from .builders import make_raw_xlsx

    result = extract(make_raw_xlsx(date1904=date1904), "清单.xlsx")
    assert result.error is None
    assert result.meta["sheets"] == ["汇总", "明细"]  # workbook order, not part order
    assert result.meta["created"] == "2021-03-18T08:00:00Z" and result.meta["author"] == "市委编办"
    summary, detail = result.tables
    assert summary == [["", "合计", "3"]]
    assert detail == [
        [
            "事项名称",
            "",
            "实施主体",
            "事项编码",
        ],  # gap cell kept, rich-text runs joined, wrapped header joined
        ["2021-03-18", "2021-03-18", "2021-03-18 12:00:00", "12.5", "2021"],  # 年月日 formats are dates
        ["TRUE", "#N/A", "公式结果", "内联", "市司法局"],  # phonetic reading シ dropped
    ]


def test_xlsx_streaming_reader_and_openpyxl_fallback_agree(
    xlsx_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govaudit.extract import attach_xlsx

    fast = extract(xlsx_bytes, "a.xlsx")

    def broken(*_a: object) -> None:
        raise KeyError("xl/workbook.xml")

    monkeypatch.setattr(attach_xlsx, "Workbook", broken)
    slow = extract(xlsx_bytes, "a.xlsx")
    assert slow.meta["via"] == "openpyxl" and "xlsx_reader_error" in slow.meta
    assert slow.tables == fast.tables and slow.text == fast.text
    assert slow.meta["sheets"] == fast.meta["sheets"]
