from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dbs import fresh_pg_database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'g.sqlite'}"
    else:
        yield from fresh_pg_database()
