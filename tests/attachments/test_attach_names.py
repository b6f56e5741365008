"""Disposition filenames decode as Chinese servers send them, safe_name makes them storable, sniffing trusts bytes."""

from __future__ import annotations

import pytest

from govaudit.extract.attachments import filename_from_disposition, safe_name, sniff_kind

from .builders import DATA, zip_bytes

GBK_QUOTED = b'attachment; filename="' + "公告.doc".encode("gbk") + b'"'


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param('attachment; filename="%E5%85%AC%E5%91%8A.pdf"', "公告.pdf", id="percent-utf8-quoted"),
        pytest.param("attachment; filename*=UTF-8''%E5%85%AC%E5%91%8A.pdf", "公告.pdf", id="rfc5987"),
        pytest.param(GBK_QUOTED, "公告.doc", id="raw-gbk-bytes"),
        pytest.param(GBK_QUOTED.decode("latin-1"), "公告.doc", id="raw-gbk-seen-as-latin1-str"),
        pytest.param(b'attachment; filename="' + "公告.pdf".encode() + b'"', "公告.pdf", id="raw-utf8-bytes"),
        pytest.param("attachment; filename=%B9%AB%B8%E6.doc", "公告.doc", id="percent-gbk-unquoted"),
        pytest.param("attachment; filename*=GBK''%B9%AB%B8%E6.xls", "公告.xls", id="rfc5987-gbk"),
        pytest.param(
            "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''%E5%85%AC%E5%91%8A.pdf",
            "公告.pdf",
            id="extended-wins",
        ),
        pytest.param('attachment; filename="=?UTF-8?B?5YWs5ZGKLnBkZg==?="', "公告.pdf", id="rfc2047"),
        pytest.param(
            'attachment;filename="a \\"quoted\\" name.pdf"', 'a "quoted" name.pdf', id="escaped-quotes"
        ),
        pytest.param("inline; filename=report.pdf", "report.pdf", id="unquoted-inline"),
        pytest.param('attachment; filename="100%完成.pdf"', "100%完成.pdf", id="literal-percent"),
        pytest.param("attachment", None, id="absent"),
        pytest.param("", None, id="empty"),
        pytest.param('attachment; filename=""', None, id="empty-name"),
    ],
)
def test_content_disposition_filename_is_decoded(header: bytes | str, expected: str | None) -> None:
    assert filename_from_disposition(header) == expected


def test_traversal_filename_is_returned_raw_and_made_safe_by_safe_name() -> None:
    raw = filename_from_disposition("attachment; filename=../../evil.pdf")
    assert raw == "../../evil.pdf"
    assert safe_name(raw) == "evil.pdf"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../evil.pdf", "evil.pdf"),
        ("..\\..\\Windows\\evil.pdf", "evil.pdf"),
        ("/etc/passwd", "passwd"),
        ("dir/..", "dir"),
        ("公告（2021）第1号.pdf", "公告（2021）第1号.pdf"),
        ("a\x00b\x1f.pdf", "ab.pdf"),
        ("report\u202efdp.exe", "reportfdp.exe"),  # bidi override would display as "reportexe.pdf"
        ('a:b*c?"d<e>f|.pdf', "a_b_c__d_e_f_.pdf"),
        ("CON.txt", "_CON.txt"),
        ("lpt1", "_lpt1"),
        (".hidden.pdf", "hidden.pdf"),
        ("name. . ", "name"),
        ("", "attachment"),
        ("..", "attachment"),
        ("/", "attachment"),
        ("\x00\x01", "attachment"),
    ],
)
def test_safe_name(name: str, expected: str) -> None:
    assert safe_name(name) == expected


def test_safe_name_caps_length_in_characters_and_bytes_keeping_the_extension() -> None:
    long_cn = "关于" * 200 + ".pdf"
    out = safe_name(long_cn)
    assert out.endswith(".pdf") and out.startswith("关于")
    assert len(out) <= 150 and len(out.encode("utf-8")) <= 240
    long_ascii = "a" * 400 + ".xlsx"
    assert safe_name(long_ascii) == "a" * 145 + ".xlsx"


# --- sniffing ----------------------------------------------------------------------------------------------------


def test_magic_bytes_beat_extension_and_content_type(text_pdf: bytes, docx_bytes: bytes) -> None:
    assert sniff_kind(text_pdf, "通知.doc", "application/msword") == "pdf"
    assert sniff_kind(docx_bytes, "附件.zip", "application/zip") == "docx"
    assert (
        sniff_kind(b"\n\n<!DOCTYPE html><html><body>404</body></html>", "a.pdf", "application/pdf") == "html"
    )


def test_zip_family_is_told_apart_by_member_names(
    docx_bytes: bytes, xlsx_bytes: bytes, ofd_bytes: bytes, nested_zip: bytes
) -> None:
    assert sniff_kind(docx_bytes) == "docx"
    assert sniff_kind(xlsx_bytes) == "xlsx"
    assert sniff_kind(ofd_bytes) == "ofd"
    assert sniff_kind(nested_zip) == "zip"
    assert sniff_kind(zip_bytes({"ppt/presentation.xml": b"<p/>"}), "a.pptx") == "other"


def test_ole2_family_is_told_apart_by_stream_names(doc_bytes: bytes) -> None:
    xls = (DATA / "wanzai_2023-10.xls").read_bytes()
    assert sniff_kind(doc_bytes, "a.doc") == "doc"
    assert sniff_kind(doc_bytes, "a.wps") == "wps"
    assert sniff_kind(doc_bytes, None) == "doc"
    assert sniff_kind(xls, "10月.xls") == "et"  # WPS 表格's ETExtData stream
    assert sniff_kind(xls, None) == "et"


def test_images_rar_rtf_and_mht_are_recognised_by_magic(png_bytes: bytes) -> None:
    assert sniff_kind(png_bytes, "a.pdf") == "image"
    assert sniff_kind(b"\xff\xd8\xff\xe0" + b"\0" * 20) == "image"
    assert sniff_kind(b"GIF89a" + b"\0" * 20) == "image"
    assert sniff_kind(b"Rar!\x1a\x07\x00" + b"\0" * 20, "a.zip") == "rar"
    assert sniff_kind(b"{\\rtf1\\ansi hello}", "a.txt") == "doc"
    assert sniff_kind(b"MIME-Version: 1.0\r\nContent-Type: multipart/related", "a.doc") == "html"


def test_unknown_bytes_fall_back_to_extension_then_content_type() -> None:
    blob = bytes(range(256))
    assert sniff_kind(blob, "清单.XLSX") == "xlsx"
    assert sniff_kind(blob, "/path/to/file.ofd?download=1") == "ofd"
    assert sniff_kind(blob, "download.do", "application/pdf; charset=binary") == "pdf"
    assert sniff_kind(blob, "download.do", "image/jpeg") == "image"
    assert sniff_kind(blob, None, "application/octet-stream") == "other"
    assert sniff_kind("纯文本通知".encode(), None, None) == "text"
