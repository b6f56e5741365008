"""Real-page rule cases: real government markup wrapped into rule fixtures, judged through the real evidence path.

A case is `tests/realpages/cases/<check_id>/<outcome>_real_<name>.toml` in the rule-fixture format of
`tests/rules/harness.py` (outcome = the expected site verdict), with two more keys per page:

    [[pages]]
    url = "https://www.pds.gov.cn/contents/10329/213888.html"
    source = "wanzai_2015_tjgb.html"      # a real page of tests/data/realpages/, kept byte for byte
    source_encoding = "utf-8"             # its bytes (replacements are made in them, nothing else is touched)
    replace = [["万载县2015年国民经济和社会发展统计公报", "平顶山市人民政府关于2020年度法治政府建设情况的报告"],
               ["2017-05-15 10:49:00", "2021-06-04 10:49:00"]]   # re-title / re-date: every `old` must occur

or, for an attachment, `pdf_lines = ["…", …]`: a PDF with that text layer is generated (govaudit.world's
writer) where the real file may not be redistributed. At the top, `lead = "<url>"` when the facts come from an entry of `pages_corpus_leads.json`, and `note`.
`[[documents]]` may say `verdict = "ABSENT"`: no record of the check may name that URL (a decoy).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from govaudit.world.attachments import pdf_text
from tests.realpages.pages import DATA

CASES = Path(__file__).parent / "cases"
OUTCOMES = {"pass": "PASS", "fail": "FAIL", "review": "REVIEW", "pending": "PENDING", "na": "NA", "error": "ERROR"}


def case_paths() -> list[Path]:
    return sorted(CASES.glob("*/*.toml"))


def expected_verdict(path: Path) -> str:
    return OUTCOMES[path.stem.split("_", 1)[0]]


def _page_body(page: dict[str, Any], where: Path) -> bytes:
    body = (DATA / page["source"]).read_bytes()
    encoding = page.get("source_encoding", "utf-8")
    for old, new in page.get("replace", []):
        old_b, new_b = old.encode(encoding), new.encode(encoding)
        if old_b not in body:
            raise ValueError(f"{where}: {page['source']} does not contain {old!r}: the replacement would do nothing")
        body = body.replace(old_b, new_b)
    return body


def load_case(path: Path) -> dict[str, Any]:
    """The case as a harness fixture: pages from real sources carry their (re-titled) bytes as `html`."""
    fixture = tomllib.loads(path.read_text(encoding="utf-8"))
    pages = []
    for page in fixture.get("pages", []):
        page = dict(page)
        if "source" in page:
            page["html"] = _page_body(page, path)
            for key in ("source", "source_encoding", "replace"):
                page.pop(key, None)
        elif "pdf_lines" in page:
            page["html"] = pdf_text(tuple(page.pop("pdf_lines")))
        pages.append(page)
    fixture["pages"] = pages
    return fixture
