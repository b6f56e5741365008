"""Bad input gets exit 2 and a one-paragraph message naming file, key and problem (no traceback)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from govaudit.config import ConfigError, load_config

GOOD = """[audit]
jurisdiction = "平顶山市"
as_of = 2026-11-20
cycle_start = 2019-01-01

[crawl]
allow_private_networks = false
delay_seconds = 1.0
concurrency_per_site = 2
max_pages_per_site = 20000

[[sites]]
id = "pds"
name = "平顶山市人民政府"
url = "https://www.pds.gov.cn/"
level = "city"
"""

BROKEN = {
    "unknown_key": (GOOD.replace("delay_seconds = 1.0", "delay_secs = 1.0"), "crawl.delay_secs", "unknown key"),
    "duplicate_id": (GOOD + '\n[[sites]]\nid = "pds"\nname = "x"\nurl = "https://x.gov.cn/"\nlevel = "county"\n',
                     "sites", "duplicate site id 'pds'"),
    "bad_url": (GOOD.replace("https://www.pds.gov.cn/", "htps//www.pds.gov.cn"), "[[sites]] #1 (id=\"pds\").url",
                "not an http(s) URL"),
    "toml_syntax": (GOOD.replace('jurisdiction = "平顶山市"', 'jurisdiction = "平顶山市'), "(syntax)",
                    "TOML syntax error"),
    "bad_date": (GOOD.replace("cycle_start = 2019-01-01", 'cycle_start = "2019-13-01"'), "audit.cycle_start",
                 "not a valid date"),
    "bad_level": (GOOD.replace('level = "city"', 'level = "province"'), "level", "'city'"),
    "missing_sites": (GOOD.split("[[sites]]")[0], "sites", "required key is missing"),
}


def _govaudit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "govaudit.cli", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_config_exits_2_with_a_named_problem(case: str, tmp_path: Path) -> None:
    text, key, problem = BROKEN[case]
    cfg = tmp_path / "sites.toml"
    cfg.write_text(text, encoding="utf-8")
    proc = _govaudit("run", "--config", str(cfg), "--db", f"sqlite:///{tmp_path}/x.sqlite", "--out",
                     str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert str(cfg) in proc.stderr and key in proc.stderr and problem in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists(), "nothing is written for an invalid config"


def test_unknown_site_is_a_usage_error(tmp_path: Path) -> None:
    cfg = tmp_path / "sites.toml"
    cfg.write_text(GOOD, encoding="utf-8")
    proc = _govaudit("run", "--config", str(cfg), "--site", "nosuch", "--db", f"sqlite:///{tmp_path}/x.sqlite",
                     cwd=tmp_path)
    assert proc.returncode == 2 and "nosuch" in proc.stderr and "pds" in proc.stderr


def test_missing_config_file(tmp_path: Path) -> None:
    proc = _govaudit("run", "--config", str(tmp_path / "none.toml"), cwd=tmp_path)
    assert proc.returncode == 2 and "file not found" in proc.stderr


def test_bad_cli_date_is_a_usage_error(tmp_path: Path) -> None:
    proc = _govaudit("run", "--as-of", "2026-02-30", cwd=tmp_path)
    assert proc.returncode == 2 and "2026-02-30" in proc.stderr


def test_unreachable_database_exits_nonzero_with_message(tmp_path: Path) -> None:
    cfg = tmp_path / "sites.toml"
    cfg.write_text(GOOD, encoding="utf-8")
    proc = _govaudit("run", "--config", str(cfg), "--db", "postgresql+psycopg://postgres@127.0.0.1:1/x", cwd=tmp_path)
    assert proc.returncode == 4 and "cannot connect" in proc.stderr and "Traceback" not in proc.stderr


def test_shipped_config_is_valid() -> None:
    cfg = load_config(Path(__file__).parents[2] / "config" / "sites.toml")
    ids = {s.id for s in cfg.sites}
    assert {"pds", "xinhua", "weidong", "shilong", "zhanhe", "baofeng", "yexian", "lushan", "jiaxian", "wugang",
            "ruzhou", "gaoxin", "sfq"} <= ids
    assert {s.id for s in cfg.sites if not s.confirmed} >= {"yexian", "zhanhe", "sfq"}
    assert all(u.site_ids for u in cfg.units)
    assert cfg.policy.thresholds.I27_min_working_days == 7


def test_roster_naming_an_unknown_site_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "units.toml").write_text('[[units]]\nid = "410400:sfj"\nname = "市司法局"\njurisdiction_id = "410400"\n'
                                         'site_ids = ["nosuch"]\n', encoding="utf-8")
    cfg = tmp_path / "sites.toml"
    cfg.write_text(GOOD.replace("[audit]\n", '[audit]\nunits_file = "units.toml"\n'), encoding="utf-8")
    with pytest.raises(ConfigError, match="nosuch"):
        load_config(cfg)


def test_policy_file_is_validated_too(tmp_path: Path) -> None:
    (tmp_path / "rules.toml").write_text("[thresholds]\nI98_deadline = \"13-45\"\n", encoding="utf-8")
    cfg = tmp_path / "sites.toml"
    cfg.write_text(GOOD.replace("[audit]\n", '[audit]\npolicy_file = "rules.toml"\n'), encoding="utf-8")
    with pytest.raises(ConfigError, match="rules.toml.*I98_deadline"):
        load_config(cfg)
