"""Hostile and broken files are refused with a typed error, never crash the caller and never leak data."""

from __future__ import annotations

from pathlib import Path

import pytest

from govaudit.extract.attachments import Limits, extract

from .builders import (
    LAUGHS,
    PASSWD_ENTITY,
    PERIOD,
    encrypt_pdf,
    listing,
    lying_size_zip,
    make_ofd,
    many_members_zip,
    overlapping_zip,
    replace_member,
    xxe_document_xml,
    zip_bytes,
    zip_members,
)

PASSWD_MARKERS = ("root:", "/bin/", "nologin")


def _no_passwd(text: str) -> None:
    for marker in PASSWD_MARKERS:
        assert marker not in text


def _forbid(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make python-docx and openpyxl fail the test if they are ever asked to open the file."""
    import docx
    import openpyxl

    def boom(*_a: object, **_k: object) -> None:
        raise AssertionError("a refused file reached python-docx/openpyxl")

    monkeypatch.setattr(docx, "Document", boom)
    monkeypatch.setattr(openpyxl, "load_workbook", boom)


# --- zip bombs -----------------------------------------------------------------------------------------------


def test_zip_bomb_is_refused_before_inflating(zip_bomb: bytes) -> None:
    assert len(zip_bomb) < 1_000_000
    result = extract(zip_bomb, "附件.zip")
    assert result.kind == "zip"
    assert result.error is not None and result.error.startswith("zip_bomb")
    assert result.children == []  # refused from the central directory: nothing was inflated


@pytest.mark.parametrize(("fixture", "kind"), [("docx_bomb", "docx"), ("xlsx_bomb", "xlsx")])
def test_zip_bomb_office_file_is_refused_without_opening_it(
    fixture: str, kind: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = request.getfixturevalue(fixture)
    _forbid(monkeypatch)
    result = extract(data, f"清单.{kind}")
    assert result.kind == kind
    assert result.error is not None and result.error.startswith("zip_bomb")


def test_member_with_excessive_compression_ratio_is_refused_even_under_the_size_cap() -> None:
    data = zip_bytes({"a.txt": b"\0" * (5 * 2**20)})  # 5 MiB → ~5 KiB: ratio ≈ 1000
    result = extract(data, "a.zip")
    assert result.error is not None and result.error.startswith("zip_bomb") and "ratio" in result.error


def test_small_repetitive_xml_is_not_mistaken_for_a_bomb() -> None:
    data = zip_bytes({"a.txt": b"\0" * 500_000})  # ratio ≈ 500 but below the 1 MiB floor
    assert extract(data, "a.zip").error is None


def test_too_many_members_are_refused_from_the_raw_central_directory() -> None:
    result = extract(many_members_zip(2001), "a.zip")
    assert result.error is not None and result.error.startswith("zip_bomb") and "members" in result.error
    assert extract(many_members_zip(50), "a.zip", limits=Limits(max_members=50)).error is None


def test_overlapping_members_are_refused() -> None:
    result = extract(overlapping_zip(), "a.zip")
    assert result.error is not None and result.error.startswith("zip_bomb") and "overlap" in result.error


def test_member_inflating_past_its_declared_size_is_cut_off() -> None:
    result = extract(lying_size_zip(), "a.zip")
    ((name, child),) = result.children
    assert name == "big.txt"
    assert child.error is not None and child.error.startswith("malformed")  # CRC fails after 1000 bytes
    assert len(result.text) < 2000


def test_unpacked_budget_is_shared_across_nesting_levels(text_pdf: bytes) -> None:
    inner = zip_bytes({f"{i}.pdf": text_pdf for i in range(4)})
    data = zip_bytes({"a.zip": inner, "b.zip": inner})
    limits = Limits(max_unpacked=len(inner) * 2 + len(text_pdf) * 5)  # each zip alone would fit
    result = extract(data, "a.zip", limits=limits)
    errors = [c.error or "" for _, c in result.children] + [result.error or ""]
    assert any(e.startswith("zip_bomb") for e in errors)


# --- XML external entities / billion laughs ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "xml"),
    [
        pytest.param("word/document.xml", xxe_document_xml().encode(), id="passwd-entity"),
        pytest.param("word/document.xml", xxe_document_xml(LAUGHS, "&lol9;").encode(), id="billion-laughs"),
        pytest.param(
            "word/document.xml",
            xxe_document_xml().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
            id="utf16-encoded",
        ),
        pytest.param(
            "word/document.xml", xxe_document_xml().replace("DOCTYPE", "doctype").encode(), id="lowercase"
        ),
        pytest.param(
            "word/_rels/document.xml.rels",
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Relationships/>',
            id="in-rels-part",
        ),
    ],
)
def test_docx_with_dtd_is_refused_as_xxe_and_never_resolves(
    part: str, xml: bytes, docx_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forbid(monkeypatch)
    result = extract(replace_member(docx_bytes, part, xml), "清单.docx")
    assert result.error is not None and result.error.startswith("xxe")
    _no_passwd(result.text)
    assert "lol" not in result.text


def test_docx_xml_in_utf7_is_refused_rather_than_trusted(
    docx_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    # libxml2 can decode UTF-7, where "<" is "+ADw-": a byte scan alone would not see the DTD
    xml = xxe_document_xml().replace('encoding="UTF-8"', 'encoding="UTF-7"')
    body = xml.split("?>", 1)[1].encode("utf-7")
    _forbid(monkeypatch)
    result = extract(
        replace_member(docx_bytes, "word/document.xml", xml.split("?>")[0].encode() + b"?>" + body), "a.docx"
    )
    assert result.error is not None and result.error.split(":")[0] in ("xxe", "malformed")


def test_xlsx_with_entity_in_a_sheet_is_refused(xlsx_bytes: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    sheet = zip_members(xlsx_bytes)["xl/worksheets/sheet1.xml"].decode()
    poisoned = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + re.sub(
        r"<t>[^<]*</t>", "<t>&xxe;</t>", sheet, count=1
    )
    _forbid(monkeypatch)
    result = extract(replace_member(xlsx_bytes, "xl/worksheets/sheet1.xml", poisoned.encode()), "清单.xlsx")
    assert result.error is not None and result.error.startswith("xxe")
    _no_passwd(result.text)


@pytest.mark.parametrize("where", ["content", "ofd"])
def test_ofd_with_entity_is_refused(where: str) -> None:
    prolog = '<!DOCTYPE ofd:Page [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    kwargs = {"content_prefix": prolog} if where == "content" else {"ofd_prefix": prolog}
    result = extract(make_ofd([["&xxe;" if where == "content" else "正文"]], **kwargs), "a.ofd")
    assert result.error is not None and result.error.startswith("xxe")
    _no_passwd(result.text)


# --- PDFs: encrypted, malformed, truncated ------------------------------------------------------------------------


def test_pdf_with_user_password_is_reported_encrypted(text_pdf: bytes) -> None:
    result = extract(encrypt_pdf(text_pdf, "secret"), "a.pdf")
    assert result.kind == "pdf"
    assert result.error is not None and result.error.startswith("encrypted")
    assert result.text == ""


def test_pdf_with_only_an_owner_password_is_extracted(text_pdf: bytes) -> None:
    result = extract(encrypt_pdf(text_pdf, ""), "a.pdf")  # printing/copying restrictions only
    assert result.error is None
    assert PERIOD in result.text
    assert result.meta["encrypted"] is True


def test_truncated_pdf_is_reported_malformed(text_pdf: bytes) -> None:
    result = extract(text_pdf[: len(text_pdf) * 3 // 5], "a.pdf")
    assert result.kind == "pdf"
    assert result.error is not None and result.error.startswith("malformed")


def test_garbage_behind_a_pdf_header_is_reported_malformed() -> None:
    result = extract(b"%PDF-1.7\n" + bytes(range(256)) * 20, "a.pdf")
    assert result.error is not None and result.error.startswith("malformed")


# --- sizes, names, files on disk -------------------------------------------------------------------------------


def test_input_over_max_bytes_is_refused_unread() -> None:
    data = b"%PDF-1.4\n" + b"\0" * (50 * 2**20)
    result = extract(data, "big.pdf")
    assert result.kind == "pdf"
    assert result.error is not None and result.error.startswith("too_large")


def test_zip_member_over_max_bytes_is_skipped_not_inflated() -> None:
    data = zip_bytes({"big.bin": b"x" * 5000, "small.txt": "正文".encode()})
    result = extract(data, "a.zip", limits=Limits(max_bytes=4000))
    big, small = (c for _, c in result.children)
    assert big.error is not None and big.error.startswith("too_large")
    assert small.text == "正文"


def test_path_traversal_member_names_are_never_written(
    isolated_tmp: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from govaudit.extract.attachments import safe_name

    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    data = zip_bytes(
        {"../../etc/passwd": b"root:x:0:0:evil", "/abs/evil.txt": b"abs", "..\\..\\win.txt": b"win"}
    )
    result = extract(data, "a.zip")
    assert [n for n, _ in result.children] == ["../../etc/passwd", "/abs/evil.txt", "..\\..\\win.txt"]
    assert [safe_name(n) for n, _ in result.children] == ["passwd", "evil.txt", "win.txt"]
    assert listing(work) == [] and listing(isolated_tmp) == []


def test_catdoc_temp_copy_is_removed(doc_bytes: bytes, isolated_tmp: Path) -> None:
    import shutil

    if not shutil.which("catdoc"):
        pytest.skip("catdoc not installed")
    result = extract(doc_bytes, "公告.doc")
    assert result.meta["via"] == "catdoc"
    assert listing(isolated_tmp) == []


def test_pdf_named_doc_is_read_as_pdf(text_pdf: bytes) -> None:
    result = extract(text_pdf, "通知.doc", "application/msword")
    assert result.kind == "pdf" and PERIOD in result.text


def test_non_word_bytes_named_doc_are_malformed() -> None:
    result = extract(b"\x00\x01\x02 not a word file" * 10, "a.doc")
    assert result.kind == "doc"
    assert result.error is not None and result.error.startswith("malformed")


# --- never raises ------------------------------------------------------------------------------------------------

_FIXTURES = [
    "text_pdf",
    "image_pdf",
    "docx_bytes",
    "xlsx_bytes",
    "ofd_bytes",
    "doc_bytes",
    "nested_zip",
    "png_bytes",
]


@pytest.mark.parametrize("fixture", _FIXTURES)
@pytest.mark.parametrize("cut", [0.0, 0.1, 0.5, 0.9, 0.999])
def test_truncated_files_never_raise(fixture: str, cut: float, request: pytest.FixtureRequest) -> None:
    data: bytes = request.getfixturevalue(fixture)
    piece = data[: int(len(data) * cut)]
    for name in ("a.pdf", "a.docx", "a.xlsx", "a.doc", "a.xls", "a.ofd", "a.zip", None):
        result = extract(piece, name)
        assert isinstance(result.text, str)
        if cut < 0.9 and fixture != "png_bytes":
            assert result.error is not None or result.kind in ("text", "other", "image") or result.text


@pytest.mark.parametrize("seed", range(8))
def test_corrupted_bytes_never_raise(seed: int, request: pytest.FixtureRequest) -> None:
    import random

    rng = random.Random(seed)
    data = bytearray(request.getfixturevalue(_FIXTURES[seed % len(_FIXTURES)]))
    for _ in range(50):  # flip bytes all over the file, headers included
        data[rng.randrange(len(data))] = rng.randrange(256)
    result = extract(bytes(data), "a.bin")
    assert isinstance(result.text, str)
    assert result.error is None or ":" in result.error


def test_errors_carry_a_known_code(zip_bomb: bytes, text_pdf: bytes) -> None:
    codes = {
        "encrypted",
        "malformed",
        "too_large",
        "zip_bomb",
        "too_deep",
        "xxe",
        "timeout",
        "crashed",
        "unsupported",
    }
    results = [
        extract(zip_bomb, "a.zip"),
        extract(encrypt_pdf(text_pdf, "pw"), "a.pdf"),
        extract(b"Rar!\x1a\x07\x00", "a.rar"),
        extract(text_pdf[:100], "a.pdf"),
    ]
    assert all(r.error_code in codes for r in results)


def test_docx_zip_without_document_part_is_malformed() -> None:
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<notxml"})
    result = extract(data, "a.docx")
    assert result.kind == "docx"
    assert result.error is not None and result.error.startswith("malformed")


def test_encrypted_zip_member_is_reported_per_member() -> None:
    data = bytearray(zip_bytes({"secret.txt": b"x" * 100, "open.txt": "公开".encode()}))
    # set the "encrypted" flag bit on the first member in both headers
    data[6] |= 1
    cd = bytes(data).find(b"PK\x01\x02")
    data[cd + 8] |= 1
    result = extract(bytes(data), "a.zip")
    secret, open_ = (c for _, c in result.children)
    assert secret.error is not None and secret.error.startswith("encrypted")
    assert open_.text == "公开"


def test_text_allowance_is_shared_by_all_zip_members() -> None:
    data = zip_bytes({f"{i}.txt": ("公告" * 50).encode() for i in range(6)})  # 6 × 100 characters
    result = extract(data, "a.zip", limits=Limits(max_text=250))
    kept = sum(len(c.text) for _, c in result.children)
    assert kept == 250
    assert result.meta["text_truncated"] is True
    assert len(result.children) == 3  # members after the allowance ran out are listed, not extracted
    assert result.meta["members"] == [f"{i}.txt" for i in range(6)]


def test_declared_size_over_the_cap_is_refused_before_any_member_is_read() -> None:
    import random

    data = zip_bytes({"noise.bin": random.Random(1).randbytes(1_500_000)})  # incompressible: ratio ≈ 1
    result = extract(data, "a.zip", limits=Limits(max_unpacked=1_000_000))
    assert result.error is not None and result.error.startswith("zip_bomb") and "declares" in result.error
    assert result.children == []


def test_member_count_is_checked_before_zipfile_builds_its_entry_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from govaudit.extract import attach_zip

    data = many_members_zip(2001)

    def no_zipfile(*_a: object, **_k: object) -> None:
        raise AssertionError("zipfile parsed a central directory that should have been refused")

    monkeypatch.setattr(attach_zip.zipfile, "ZipFile", no_zipfile)
    result = extract(data, "a.zip")
    assert result.error is not None and result.error.startswith("zip_bomb")


class _SilentParser:
    """Stands in for expat to show the byte scan alone refuses DTDs."""

    StartDoctypeDeclHandler = EntityDeclHandler = ExternalEntityRefHandler = None

    def Parse(self, *_a: object) -> int:  # noqa: N802 - expat's method name
        return 1


@pytest.mark.parametrize("layer", ["byte-scan-only", "expat-only"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize(
    "prolog",
    [PASSWD_ENTITY, '<!DOCTYPE w:document SYSTEM "http://attacker.example/x.dtd">'],
    ids=["entity", "external-subset"],
)
def test_each_dtd_check_layer_alone_refuses_a_dtd(
    layer: str, encoding: str, prolog: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govaudit.extract import attach_zip
    from govaudit.extract.attach_base import ExtractError

    if layer == "byte-scan-only":
        monkeypatch.setattr(attach_zip.expat, "ParserCreate", lambda *a, **k: _SilentParser())
    else:
        monkeypatch.setattr(attach_zip, "_DTD_MARKERS", [])
    xml = (
        xxe_document_xml(prolog, "x")
        .replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"')
        .encode(encoding)
    )
    chunks = [xml[i : i + 7] for i in range(0, len(xml), 7)]  # markers split across chunk boundaries
    with pytest.raises(ExtractError) as info:
        attach_zip.check_xml_part(iter(chunks), "word/document.xml")
    assert info.value.code == "xxe"


def test_dtd_free_xml_part_passes_the_check() -> None:
    from govaudit.extract import attach_zip

    xml = xxe_document_xml(prolog="<!-- a comment -->", body="正文 &amp; &#x4e2d;").encode()
    attach_zip.check_xml_part(iter([xml[:10], xml[10:]]), "word/document.xml")  # no exception
