"""Environment variables, read in one place."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_HOME = Path("var")


def home() -> Path:
    """Where the embedded database and the raw-body store live by default (`./var`)."""
    return Path(os.environ.get("GOVAUDIT_HOME", DEFAULT_HOME))


def default_db_url() -> str:
    return os.environ.get("GOVAUDIT_DB") or f"sqlite:///{home() / 'govaudit.sqlite'}"


def blob_dir_override() -> Path | None:
    value = os.environ.get("GOVAUDIT_BLOBS")
    return Path(value) if value else None


def chromium_path() -> str:
    return os.environ.get("GOVAUDIT_CHROMIUM", "/usr/lib/chromium/chromium-headless-shell")


def redis_url() -> str:
    return os.environ.get("GOVAUDIT_REDIS", "redis://127.0.0.1:6379/0")


def redis_namespace() -> str:
    return os.environ.get("GOVAUDIT_REDIS_NAMESPACE", "govaudit")


def judge_processes() -> int | None:
    """GOVAUDIT_JUDGE_PROCESSES: how many processes judge sites in parallel (default: one per core; 1 = in-process)."""
    raw = os.environ.get("GOVAUDIT_JUDGE_PROCESSES", "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else None
