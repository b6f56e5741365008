"""The README stays true: every config key is in its table, and CI runs the README's test command."""

from __future__ import annotations

from pathlib import Path

from govaudit.config import AuditSection, CrawlSection, SiteConfig

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_config_key_is_documented() -> None:
    for section, model in (("[audit]", AuditSection), ("[crawl]", CrawlSection), ("[[sites]]", SiteConfig)):
        for key in model.model_fields:
            assert f"{section} {key}" in README or f"`{key}`" in README, f"{section} {key} missing from README"


def test_ci_runs_the_readme_test_command() -> None:
    assert "scripts/test" in README.split("\n\n")[1]
    assert "scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for script in ("scripts/demo", "scripts/test", "scripts/bootstrap.sh", ".ci/run"):
        assert (ROOT / script).stat().st_mode & 0o111, f"{script} is not executable"
