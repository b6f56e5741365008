"""Derive the indicator catalogue from the plan text (平法办〔2021〕1号), the source of truth."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

TASK_KINDS = ("网络检索", "材料查证", "随机访谈", "实地核验", "案卷评查", "随机抽考")

# The plan's unit names -> slugs of rules_spec §3.3. Collective phrases expand to the roster.
UNIT_SLUGS: dict[str, str] = {
    "市政府办公室": "zfb", "市司法局": "sfj", "市人大法工委": "rd-fgw", "市人大": "rd",
    "市人大办公室": "rd-bgs", "市人大选工委": "rd-xgw", "市政务服务和大数据管理局": "zwfw",
    "市政务服务和大数数据管理局": "zwfw",  # the plan's typo in item 57
    "市发改委": "fgw", "市市场监管局": "scjg", "市税务局": "sw", "市人社局": "rsj", "市委编办": "bb",
    "市商务局": "swj", "市财政局": "czj", "市工信局": "gxj", "市民政局": "mzj", "市委宣传部": "xcb",
    "市应急管理局": "yjj", "市委办公室": "swb", "市委组织部": "zzb", "市委网信办": "wxb",
    "市公安局": "gaj", "市法院": "fy", "市检察院": "jcy", "市纪委监委": "jw", "市委政法委": "zfw",
    "市信访局": "xfj", "市住建局": "zjj", "市城市管理局": "cgj", "市交通运输局": "jtj",
    "市水利局": "slj", "市自然资源和规划局": "zrzy", "市生态环境局": "sthj", "市卫健委": "wjw",
    "市文广旅局": "wglj", "市文广游局": "wglj",  # the plan writes both
    "市农业农村局": "nyj", "市审计局": "sjj", "市委党校": "dx", "市政协办公室": "zx-bgs",
    "市直各单位": "*all", "市直各行政执法单位": "*enforcement", "市直各有关部门": "*relevant",
}
COUNTY_FLAG = "各县（市、区）按职责分工分别负责"

_ITEM_RE = re.compile(r"(第(\d{1,3})项指标|附加项指标(加分项|减分项)(\d))[:：]")
_TASKS_RE = re.compile(r"工作任务[:：]")
_TASK_RE = re.compile(r"(?:[（(]\d[)）])?(" + "|".join(TASK_KINDS) + r")[:：]")
_RESP_RE = re.compile(r"责任单位[:：]")
_END_RE = re.compile(r"(###?三、创建步骤|三、创建步骤)")


@dataclass(frozen=True)
class Task:
    kind: str
    text: str


@dataclass(frozen=True)
class PlanItem:
    id: str
    number: int | None
    label: str
    text: str
    tasks: tuple[Task, ...]
    responsible_raw: str
    units: tuple[str, ...]
    unit_slugs: tuple[str, ...]
    counties_responsible: bool
    kinds: tuple[str, ...] = field(default=())

    @property
    def net_search(self) -> str | None:
        for t in self.tasks:
            if t.kind == "网络检索":
                return t.text
        return None

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["tasks"] = [asdict(t) for t in self.tasks]
        d["net_search"] = self.net_search
        return d


def squeeze(text: str) -> str:
    """Remove all whitespace: the PDF extraction broke lines and pages mid-sentence."""
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    return re.sub(r"\s+", "", text)


def _norm_punct(text: str) -> str:
    return (text.replace(",", "，").replace(";", "；").replace(":", "：")
            .replace("(", "（").replace(")", "）"))


def parse_units(raw: str) -> tuple[tuple[str, ...], bool]:
    """'市司法局、市财政局，市直各单位；各县（市、区）按职责分工分别负责。' -> units, county flag."""
    raw = _norm_punct(raw).rstrip("。")
    county = COUNTY_FLAG in raw
    head = raw.replace(COUNTY_FLAG, "")
    names = [n for n in re.split(r"[、，；]", head) if n]
    return tuple(names), county


def item_id(number: int | None, bonus: str | None, n: str | None) -> str:
    if number is not None:
        return f"I{number:02d}" if number < 100 else f"I{number}"
    return ("B" if bonus == "加分项" else "D") + str(n)


def parse_plan(text: str) -> list[PlanItem]:
    body = squeeze(text)
    start = body.find("二、具体任务")
    end_m = _END_RE.search(body, start)
    body = body[start: end_m.start() if end_m else len(body)]
    marks = list(_ITEM_RE.finditer(body))
    items: list[PlanItem] = []
    for i, m in enumerate(marks):
        chunk = body[m.end(): marks[i + 1].start() if i + 1 < len(marks) else len(body)]
        number = int(m.group(2)) if m.group(2) else None
        iid = item_id(number, m.group(3), m.group(4))
        label = m.group(1)
        tasks_m = _TASKS_RE.search(chunk)
        resp_m = _RESP_RE.search(chunk)
        if not tasks_m or not resp_m:
            raise ValueError(f"{iid}: cannot find 工作任务 / 责任单位 in the plan text")
        indicator_text = chunk[: tasks_m.start()]
        task_text = chunk[tasks_m.end(): resp_m.start()]
        # One sentence; a page-break artefact repeats a fragment after it in item 11 ("负责。责。").
        responsible = chunk[resp_m.end():].split("。")[0] + "。"
        task_marks = list(_TASK_RE.finditer(task_text))
        if not task_marks:
            raise ValueError(f"{iid}: no task kinds found")
        tasks = tuple(
            Task(tm.group(1), task_text[tm.end(): task_marks[j + 1].start() if j + 1 < len(task_marks)
                                        else len(task_text)])
            for j, tm in enumerate(task_marks)
        )
        units, county = parse_units(responsible)
        unknown = [u for u in units if u not in UNIT_SLUGS]
        if unknown:
            raise ValueError(f"{iid}: unknown responsible unit(s) {unknown}; add them to UNIT_SLUGS")
        items.append(PlanItem(
            id=iid, number=number, label=label, text=indicator_text, tasks=tasks,
            responsible_raw=responsible, units=units,
            unit_slugs=tuple(UNIT_SLUGS[u] for u in units), counties_responsible=county,
            kinds=tuple(dict.fromkeys(t.kind for t in tasks)),
        ))
    return items


def parse_plan_file(path: Path) -> list[PlanItem]:
    return parse_plan(path.read_text(encoding="utf-8"))
