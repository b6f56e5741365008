"""The gold gate: per-check agreement, false PASS and false FAIL of the gold set against the pinned baseline.

Slow: it reads the session's one `govaudit run` over the served fixture world (`world_findings`, shared with
tests/e2e/test_world_expected.py) and judges every rule fixture and real-page case. When it fails, read the
table it prints; re-pin with `python -m tests.gold.report --update` only after the tool got better.
"""

from __future__ import annotations

import pytest

from govaudit.catalogue import load_checks
from govaudit.world.expected import load_expected
from tests.gold import gold
from tests.gold.world import WorldRun

pytestmark = [pytest.mark.slow, pytest.mark.timeout(3600)]


@pytest.fixture(scope="module")
def gold_set(world_findings: WorldRun) -> tuple[list[gold.Case], dict[str, gold.Stats]]:
    cases = gold.all_cases(world_findings.findings, world_findings.manifest)
    return cases, gold.tally(cases)


def test_gate(gold_set: tuple[list[gold.Case], dict[str, gold.Stats]]) -> None:
    cases, table = gold_set
    worse = gold.regressions(table, gold.load_baseline())
    bad = "\n".join(f"  {c.source} {c.name}: label {c.label}, tool {c.actual} {'; '.join(c.problems)}"
                    for c in gold.disagreements(cases))
    fell = {w.split(":", 1)[0] for w in worse}
    rows = gold.table_text({k: s for k, s in table.items() if k in fell})
    assert not worse, "\n".join(worse) + "\n\ndisagreements:\n" + bad + "\n\n" + rows


def test_baseline_pins_every_check(gold_set: tuple[list[gold.Case], dict[str, gold.Stats]]) -> None:
    """A check without a pinned floor is not gated: a new check (or new source) is pinned with --update."""
    _, table = gold_set
    catalogue = {c.id for cs in load_checks().values() for c in cs}
    assert set(table) == catalogue | {gold.TOTAL}, "every check id of the catalogue has labelled cases"
    assert set(gold.load_baseline()) == set(table), "re-pin: python -m tests.gold.report --update"


def test_every_source_is_in(gold_set: tuple[list[gold.Case], dict[str, gold.Stats]]) -> None:
    cases, _ = gold_set
    counts = gold.by_source(cases)
    expected_rows = sum(len(e.checks) for e in load_expected().values())
    assert counts["world"] == expected_rows  # every site-scope row of the world's expected files
    assert counts["fixture"] >= 300 and counts["realpage"] >= 10, counts


def test_docs_are_current(gold_set: tuple[list[gold.Case], dict[str, gold.Stats]]) -> None:
    cases, table = gold_set
    assert gold.DOC.read_text(encoding="utf-8") == gold.markdown(cases, table), \
        "docs/gold.md is stale: python -m tests.gold.report --update"
