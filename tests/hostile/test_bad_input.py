"""Bad user input not covered by tests/cli/test_config_errors.py: exit 2 (usage) or 4 (database) with a message
naming the problem, no traceback, nothing crawled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .cases import case
from .harness import ROOT, run_env, write_config


def govaudit(work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "govaudit.cli", *args], cwd=ROOT, env=run_env(work),
                          capture_output=True, text=True, timeout=120)


@case("Bad user input", "unknown indicator: `govaudit recheck --site hx --indicator I999`",
      "exit 2, the message names I999; nothing crawled")
def test_unknown_indicator(tmp_path: Path) -> None:
    config = write_config(tmp_path, {"hx": "http://127.0.0.1:9/"})
    proc = govaudit(tmp_path, "recheck", "--config", str(config), "--site", "hx", "--indicator", "I999",
                    "--db", f"sqlite:///{tmp_path / 'db.sqlite'}", "--out", str(tmp_path / "out"), "--no-progress")
    assert proc.returncode == 2, proc.stderr
    assert "I999" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


@case("Bad user input", "SQLite database that cannot be used: its folder cannot be created, or the file is not a "
      "database", "exit 4, `database error` naming the path and the reason, no traceback")
def test_unusable_sqlite_database(tmp_path: Path) -> None:
    config = write_config(tmp_path, {"hx": "http://127.0.0.1:9/"})
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    for url, reason in ((f"sqlite:///{blocker}/sub/x.sqlite", "cannot create the folder"),
                        (f"sqlite:///{config}", "file is not a database")):
        proc = govaudit(tmp_path, "run", "--config", str(config), "--db", url, "--out", str(tmp_path / "out"),
                        "--no-progress")
        assert proc.returncode == 4, proc.stderr
        assert "database error" in proc.stderr and reason in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr, proc.stderr
    assert not (tmp_path / "out").exists()
