"""Content of the world: filler never matches a rule lexicon, 文号 are consistent, every check is planted,
attachments are what their names say (read back with the project's own reader libraries)."""

from __future__ import annotations

import io
import json
import re
import zipfile

import docx
import olefile
import openpyxl
import pdfplumber
import pytest
import xlrd

from govaudit.catalogue import load_checks
from govaudit.world import World, attachments
from govaudit.world.build import assemble
from govaudit.world.text import BANNED

KNOWN_MISSING = {("weidong", "卫政〔2021〕5号")}    # planted for I29.a; see weidong.toml


@pytest.fixture(scope="module")
def portals() -> list:
    return assemble()


def test_filler_never_matches_a_rule_lexicon(portals: list) -> None:
    hits = []
    for p in portals:
        for doc in p.docs:
            if doc.key:
                continue
            text = doc.title + "".join(doc.body)
            hits += [(p.id, doc.title, t) for t in BANNED if t in text]
    assert not hits, hits[:10]


def test_planted_keys_and_doc_numbers_are_unique(portals: list) -> None:
    for p in portals:
        keys = [d.key for d in p.docs if d.key]
        assert len(keys) == len(set(keys))
        numbers = [d.doc_number for d in p.docs if d.doc_number]
        dupes = {n for n in numbers if numbers.count(n) > 1}
        assert not dupes, (p.id, dupes)


def test_cited_local_doc_numbers_exist(portals: list) -> None:
    """A 2019+ 文号 of the portal's own prefix cited anywhere must be online — except the planted known-missing."""
    for p in portals:
        if p.juris is None or not p.docs:
            continue
        own = {d.doc_number for d in p.docs}
        local = re.compile(rf"{p.juris.short}(?:政办|政文|政|司规|司)〔(\d{{4}})〕\d{{1,4}}号")
        missing = set()
        for d in p.docs:
            for m in local.finditer("".join(d.body)):
                if int(m.group(1)) >= 2019 and m.group(0) not in own:
                    missing.add((p.id, m.group(0)))
        assert missing == {k for k in KNOWN_MISSING if k[0] == p.id}, missing


def test_every_check_id_is_planted_somewhere(world: World) -> None:
    manifest = json.loads(world.manifest_path.read_text(encoding="utf-8"))
    planted = {c for p in manifest["portals"] for d in p["planted"].values() for c in d.get("checks", {})}
    ids = {c.id for cs in load_checks().values() for c in cs}
    assert ids <= planted, sorted(ids - planted)


def test_traps_of_the_issue_are_planted(portals: list) -> None:
    docs = {d.key: d for p in portals for d in p.docs if d.key}
    assert docs["yexian.I98.2024"].meta_pubdate is not None                           # 万载 <meta PubDate> trap
    assert docs["yexian.I98.2023"].list_date != docs["yexian.I98.2023"].publish        # list vs detail date
    assert docs["pds.I98.2024"].written < docs["pds.I98.2024"].publish                 # 成文 vs 发布
    assert "政府信息公开工作年度报告" in docs["pds.NB.2025"].title                        # decoy title
    assert docs["pds.FG.wuye.draft"].publisher.endswith("人大常委会")                    # 人大 notice
    assert "本月无行政处罚案件" in "".join(docs["pds.ZF.pen.none"].body)
    assert "〇" in "".join(docs["pds.GFX.dust.draft"].body)                            # Chinese-numeral dates
    assert "详见附件" in "".join(docs["pds.GFX.heritage.draft"].body)                    # period only in the attachment
    assert docs["pds.GFX.parking.draft"].publish.isoformat() == "2025-09-25"           # 调休 period across 国庆


def test_attachments_are_real_files(portals: list) -> None:
    seen = set()
    for p in portals:
        for doc in p.docs:
            for att in doc.attachments:
                if att.kind in seen:
                    continue
                seen.add(att.kind)
                data = attachments.render(att)
                if att.kind == "pdf":
                    with pdfplumber.open(io.BytesIO(data)) as pdf:
                        assert att.lines[0][:10] in pdf.pages[0].extract_text()
                elif att.kind == "pdf_scan":
                    with pdfplumber.open(io.BytesIO(data)) as pdf:
                        assert not pdf.pages[0].chars and pdf.pages[0].images       # no text layer
                elif att.kind == "docx":
                    assert [q.text for q in docx.Document(io.BytesIO(data)).paragraphs] == list(att.lines)
                elif att.kind == "xlsx":
                    rows = list(openpyxl.load_workbook(io.BytesIO(data), read_only=True).active.values)
                    assert rows[0] == att.table[0]
                elif att.kind == "xls":
                    sheet = xlrd.open_workbook(file_contents=data).sheet_by_index(0)
                    assert sheet.row_values(0)[1] == "项目名称"
                elif att.kind == "doc":
                    ole = olefile.OleFileIO(io.BytesIO(data))
                    assert "起草说明".encode("utf-16-le") in ole.openstream("WordDocument").read()
                elif att.kind == "ofd":
                    zf = zipfile.ZipFile(io.BytesIO(data))
                    page = zf.read("Doc_0/Pages/Page_0/Content.xml").decode()
                    assert att.lines[0] in page and "OFD.xml" in zf.namelist()
    assert seen >= {"pdf", "pdf_scan", "docx", "xlsx", "xls", "doc", "ofd"}, seen
