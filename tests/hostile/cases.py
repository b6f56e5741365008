"""The table of fault cases: every test of this suite declares its case, fault and expected outcome with `@case`;
cases proven by other test files are listed in REUSED. `python -m tests.hostile.table` renders docs/faults.md."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

GROUPS = ("Site faults", "Hostile files", "Process faults", "Bad user input", "Output safety")

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Case:
    group: str
    fault: str
    outcome: str
    bound: str = ""  # the bound the test asserts (time, memory, counts)
    test: str = ""  # pytest node id (filled in for decorated tests)


def case(group: str, fault: str, outcome: str, bound: str = "") -> Callable[[F], F]:
    """Declare what a test proves; the table is generated from these declarations."""
    assert group in GROUPS, group

    def mark(fn: F) -> F:
        fn.hostile_case = Case(group, fault, outcome, bound)  # type: ignore[attr-defined]
        return fn

    return mark


# Cases already proven elsewhere (reused, not duplicated): a test checks that each named test exists.
REUSED = (
    Case("Hostile files", "zip-bomb DOCX/XLSX/ZIP, overlapping and lying-size ZIP members",
         "refused from the central directory with `zip_bomb`, nothing inflated",
         test="tests/attachments/test_attach_safety.py::test_zip_bomb_office_file_is_refused_without_opening_it"),
    Case("Hostile files", "XXE and billion-laughs in DOCX/XLSX/OFD XML", "`xxe` error, /etc/passwd never read",
         test="tests/attachments/test_attach_safety.py::test_docx_with_dtd_is_refused_as_xxe_and_never_resolves"),
    Case("Hostile files", "encrypted and malformed/truncated PDF", "`encrypted` / `malformed` error, no crash",
         test="tests/attachments/test_attach_safety.py::test_pdf_with_user_password_is_reported_encrypted"),
    Case("Hostile files", "zip members named `../../x`", "never written anywhere",
         test="tests/attachments/test_attach_safety.py::test_path_traversal_member_names_are_never_written"),
    Case("Hostile files", "attachment names with `../`, device names, overlong names",
         "`safe_name` keeps them inside their folder",
         test="tests/attachments/test_attach_names.py::test_traversal_filename_is_returned_raw_and_made_safe_by_safe_name"),
    Case("Bad user input", "malformed TOML, unknown keys, duplicate ids, bad URLs, bad dates, bad levels",
         "exit 2, one paragraph naming file, key and problem, no traceback, nothing written",
         test="tests/cli/test_config_errors.py::test_broken_config_exits_2_with_a_named_problem"),
    Case("Bad user input", "unknown `--site`", "exit 2 naming the unknown id and the known ones",
         test="tests/cli/test_config_errors.py::test_unknown_site_is_a_usage_error"),
    Case("Bad user input", "bad `--as-of` date, missing config file", "exit 2 naming the value / the file",
         test="tests/cli/test_config_errors.py::test_bad_cli_date_is_a_usage_error"),
    Case("Bad user input", "PostgreSQL unreachable at start", "exit 4, `cannot connect`, no traceback",
         test="tests/cli/test_config_errors.py::test_unreachable_database_exits_nonzero_with_message"),
    Case("Output safety", "formula-like cells (`=`, `+`, `-`, `@`) from web content in CSV/xlsx",
         "CSV cells prefixed with `'`; xlsx cells written as strings",
         test="tests/reports/test_exports_and_safety.py::test_csv_contract_and_formula_safety"),
    Case("Output safety", "`<script>` and markup in page titles", "HTML report escapes them",
         test="tests/reports/test_html.py::test_page_content_is_escaped"),
)
