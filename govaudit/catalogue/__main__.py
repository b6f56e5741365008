"""Regenerate indicators.json from plan.txt: `python -m govaudit.catalogue`."""

from __future__ import annotations

import json
from pathlib import Path

from govaudit.catalogue.parse import parse_plan_file

HERE = Path(__file__).parent


def render() -> str:
    items = parse_plan_file(HERE / "plan.txt")
    rows = [{k: v for k, v in i.to_dict().items() if k not in ("kinds", "net_search")} for i in items]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    (HERE / "indicators.json").write_text(render(), encoding="utf-8")
    print("wrote", HERE / "indicators.json")
