"""Helpers that turn one planted case into documents: standard notices, comment-period chains, decision chains.

Each case is data: a key, a column, a title, dates by role, body lines, attachments, and `checks` saying what
the case is planted for. The expected verdicts live in expected/*.toml and are written by hand.
"""

from __future__ import annotations

import datetime as dt
import zlib
from typing import Any

from govaudit.world.model import Attachment, Doc, PortalSpec
from govaudit.world.text import cn_date, d, docno, zh_date


def _day(v: str | dt.date) -> dt.date:
    return d(v) if isinstance(v, str) else v


class Plant:
    """Collects the planted documents of one portal."""

    def __init__(self, portal: PortalSpec) -> None:
        assert portal.juris is not None
        self.p = portal
        self.j = portal.juris
        self.docs: list[Doc] = []

    # names --------------------------------------------------------------------------------------------
    @property
    def jj(self) -> str:
        """How the jurisdiction calls itself in running text: 市 / 县 / 区."""
        return "区" if self.j.name.endswith("区") else "县" if self.j.name.endswith("县") else "市"

    def no(self, kind: str, year: int, n: int) -> str:
        """文号: kind '' → 平政, '办' → 平政办, '文' → 平政文, '令' → 政府令第n号, other → literal prefix."""
        if kind == "令":
            return f"{self.j.gov}令第{n}号"
        prefix = {"": f"{self.j.short}政", "办": f"{self.j.short}政办", "文": f"{self.j.short}政文"}.get(kind, kind)
        return docno(prefix, year, n)

    def col(self, where: str) -> str:
        for c in self.p.columns:
            if c.slug == where:
                return c.slug
        for c in self.p.columns:
            if c.code == where:
                return c.slug
        raise KeyError(f"{self.p.id}: no column for {where!r}")

    # documents ----------------------------------------------------------------------------------------
    def add(self, key: str, where: str, title: str, publish: str | dt.date, *body: str, **kw: Any) -> Doc:
        kw.setdefault("publisher", self.j.office)
        if isinstance(kw.get("written"), str):
            kw["written"] = d(kw["written"])
        if isinstance(kw.get("list_date"), str):
            kw["list_date"] = d(kw["list_date"])
        doc = Doc(column=self.col(where), title=title, publish=_day(publish), body=tuple(body),
                  key=f"{self.p.id}.{key}", **kw)
        if any(x.key == doc.key for x in self.docs):
            raise ValueError(f"duplicate planted key {doc.key}")
        self.docs.append(doc)
        return doc

    # comment-period chains (I26 / I27 / I39) ----------------------------------------------------------
    def period_text(self, start: dt.date, end: dt.date, style: str) -> str:
        if style == "range":
            return f"征求意见时间为{zh_date(start)}至{zh_date(end)}"
        if style == "zizhi":
            return f"公开征求意见，时间自{zh_date(start)}起至{zh_date(end)}止"
        if style == "deadline":
            return f"请于{zh_date(end)}前将修改意见和建议反馈至起草单位"
        if style == "cn":
            return f"征求意见时间为{cn_date(start)}至{cn_date(end)}"
        raise ValueError(style)

    def comment_notice(self, key: str, where: str, title: str, publish: str | dt.date, start: str | dt.date,
                       end: str | dt.date, *, style: str = "range", subject: str, drafter: str, lead: str = "",
                       tail: tuple[str, ...] = (), attach_only: bool = False, extra_atts: tuple[Attachment, ...] = (),
                       checks: dict[str, str] | None = None, note: str = "", publisher: str = "") -> Doc:
        """A 征求意见 notice: the period in the body (or only inside the attached draft), feedback channels."""
        pub, s, e = _day(publish), _day(start), _day(end)
        period = self.period_text(s, e, style)
        intro = lead or (f"为提高立法（制度建设）质量，广泛听取社会各界意见，现将《{subject}（征求意见稿）》"
                         "全文公布，征求社会各界意见。")
        draft_lines: tuple[str, ...] = (f"{subject}（征求意见稿）", "第一条 为了加强管理，规范相关活动，制定本文件。",
                       "第二条 本文件适用于本行政区域内的相关活动。")
        body: tuple[str, ...]
        if attach_only:
            body = (intro, "征求意见的起止时间、反馈方式详见附件。", f"联系单位：{drafter}")
            draft_lines = (*draft_lines, f"（{period}。逾期不再受理。）")
            att = Attachment(f"{subject}（征求意见稿）.docx", "docx", draft_lines)
        else:
            body = (intro, f"{period}。社会各界可通过电子邮件、信函等方式提出意见建议。", *tail,
                    f"联系单位：{drafter}　联系电话：0375-{zlib.crc32(subject.encode()) % 9000000 + 1000000}")
            att = Attachment(f"{subject}（征求意见稿）.pdf", "pdf", draft_lines)
        return self.add(key, where, title, pub, *body, attachments=(att, *extra_atts), publisher=publisher or drafter,
                        written=pub, checks=checks or {}, note=note, topic="征求意见", genre="公告")

    # recurring bodies ---------------------------------------------------------------------------------
    def notice_body(self, purpose: str, *points: str) -> tuple[str, ...]:
        towns = "各街道办事处" if self.jj == "区" else "各乡镇人民政府"
        return (f"{towns}，{self.jj}政府各部门：", purpose, *points)
