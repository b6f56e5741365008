"""Planted cases, as data: one entry per planted document, grouped by the check they exercise.

Every document says what it is planted for in `checks` (check id → intended effect) and why in `note`.
The expected findings are hand-written in expected/<site>.toml; tests cross-check that every check id is
planted somewhere and that the date arithmetic quoted in the expected files is what the calendar gives.
"""

from __future__ import annotations

import datetime as dt

from govaudit.world.model import Attachment, Doc, FixSpec, PortalSpec
from govaudit.world.plant import Plant
from govaudit.world.tables import (
    blacklist,
    disclosure_catalogue,
    fee_list,
    high_freq_list,
    intermediary_list,
    license_list,
    public_service_list,
    qz_list,
)
from govaudit.world.text import cn_date, d, zh_date

A = Attachment
DRAFTERS = {"GFX.parking": "平顶山市住房和城乡建设局", "GFX.rental": "平顶山市住房和城乡建设局",
            "GFX.dust": "平顶山市生态环境局", "GFX.heritage": "平顶山市文化广电和旅游局",
            "GFX.elderly": "平顶山市民政局"}


# --- the standard B-class documents of a government portal, parametrised per portal --------------------

def i01(pl: Plant, *, codes: bool = True, both: bool = True, table_in_body: bool = False,
        adjust: str | None = "2025-09-12", limit: bool = True, published: str = "2025-03-18") -> None:
    j, jj = pl.j, pl.jj
    # a 「（2025年版）」 label makes the list itself a newly dated version (I01.c)
    name = f"{j.name}行政许可事项清单" + ("（2025年版）" if published >= "2025" else "")
    rows = license_list(j, codes=codes, both_limits=both)
    body = pl.notice_body(
        f"为深化“放管服”改革，推进行政许可事项清单管理，经{jj}政府同意，现将《{name}》予以公布。",
        f"本清单共列入行政许可事项{len(rows) - 1}项，明确了事项名称、实施机关、设定依据和办结时限。",
        "各部门要严格按照清单实施行政许可，不得在清单之外实施行政许可。清单实行动态调整。")
    kw: dict = {"table": rows} if table_in_body else {"attachments": (A(f"{name}.xlsx", "xlsx", table=rows),)}
    pl.add("I01.list", "ZW", f"{j.office}关于公布{name}的通知", published, *body,
           written=d(published) - dt.timedelta(days=6), doc_number=pl.no("办", int(published[:4]), 1), topic="政务服务",
           genre="通知",
           checks={"I01.a": "PASS", "I01.b": "PASS" if codes else "FAIL", "I01.d": "PASS" if both else "-",
                   **({"I01.c": "PASS (a newly dated version)"} if published >= "2025" else {})},
           note=f"the list; codes={codes} both time-limit columns={both}", **kw)
    if adjust:
        pl.add("I01.adjust", "ZW", f"{j.office}关于调整{name}部分事项的通知", adjust,
               *pl.notice_body(f"根据省政府关于取消和下放一批行政许可事项的决定，经{jj}政府同意，对《{name}》"
                               "进行动态调整：取消行政许可事项2项，调整实施机关1项。",
                               "调整后的行政许可事项清单同步在政府网站更新。"),
               written=d(adjust) - dt.timedelta(days=4), doc_number=pl.no("办", d(adjust).year, 15),
               topic="政务服务", genre="通知", checks={"I01.c": "PASS" if d(adjust) >= d("2024-11-20") else "REVIEW"},
               note="动态调整 evidence; older than 24 months before as_of means R_STALE")
    if limit:
        pl.add("I01.limit", "ZW", f"{j.office}关于进一步压缩政务服务事项承诺办理时限的通知", "2024-06-18",
               *pl.notice_body("为持续优化营商环境，现就进一步压缩政务服务事项承诺办理时限有关事项通知如下。",
                               "一、各部门要在法定办结时限基础上，将承诺办结时限压缩至法定时限的40%以内。",
                               "二、提高即办件比例，能够当场办结的一律即办。"),
               written="2024-06-13", doc_number=pl.no("办", 2024, 9), topic="政务服务", genre="通知",
               checks={"I01.d": "PASS"}, note="压缩办理时限 document")


def i02(pl: Plant, *, a: bool = True, b: bool = True, pinned: bool = False) -> None:
    j = pl.j
    if a:
        pl.add("I02.a", "WJ", f"{j.gov}关于取消非行政许可审批事项的决定", "2015-09-10",
               f"经研究，{j.gov}决定取消{j.name}非行政许可审批事项23项，今后不再保留“非行政许可审批”这一审批类别。",
               "各部门要做好取消事项的后续衔接工作，不得以备案、登记等名义变相审批。",
               written="2015-09-02", doc_number=pl.no("", 2015, 11), publisher=j.gov, pinned=pinned,
               topic="政务服务", genre="决定", checks={"I02.a": "PASS"},
               note="any date counts for I02.a (the category was abolished in 2015); pinned=置顶 old item")
    if b:
        pl.add("I02.b", "WJ", f"{j.office}关于做好省政府取消和下放行政许可事项承接落实工作的通知", "2024-07-02",
               *pl.notice_body("省政府决定取消和下放一批行政许可事项，为做好承接落实工作，现通知如下。",
                               "一、对下放的行政许可事项，承接部门要制定承接方案，确保接得住、管得好。"),
               written="2024-06-27", doc_number=pl.no("办", 2024, 10), topic="政务服务", genre="通知",
               checks={"I02.b": "PASS"})


def i03(pl: Plant, *, a: bool = True, fee: bool = True, c: bool = True) -> None:
    j = pl.j
    if a:
        pl.add("I03.a", "WJ", f"{j.office}关于清理规范行政审批中介服务事项的通知", "2024-04-11",
               *pl.notice_body("为全面清理行政审批中介服务，现就有关事项通知如下。",
                               "一、对行政审批中介服务事项进行全面清理，无法定依据的中介服务项目及收费一律取消。"),
               written="2024-04-08", doc_number=pl.no("办", 2024, 6), topic="政务服务", genre="通知",
               checks={"I03.a": "PASS"})
    pl.add("I03.b", "ZW", f"{j.name}保留的中介服务事项清单", "2024-04-16",
           "经清理规范，现将保留的行政审批中介服务事项清单予以公布，清单明确了各事项的办理时限、工作流程、申报条件"
           + ("和收费标准。" if fee else "。"),
           table=intermediary_list(j, with_fee=fee), topic="政务服务", genre="清单",
           checks={"I03.b": "PASS" if fee else "FAIL"}, note=f"four components; fee={fee}")
    if c:
        pl.add("I03.c", "WJ", f"{j.office}关于印发{j.name}中介服务机构与主管部门脱钩实施方案的通知",
               "2024-05-08", *pl.notice_body("为推进行政审批中介服务机构与主管部门脱钩，现将实施方案印发给你们。",
                                             "中介服务机构在人、财、物等方面与主管部门彻底脱钩，不得以任何形式挂靠。"),
               written="2024-05-06", doc_number=pl.no("办", 2024, 7), topic="政务服务", genre="通知",
               checks={"I03.c": "PASS"})


def i05(pl: Plant, *, a: bool = True, value: str | None = "半个工作日", province: bool = False,
        registration_only: bool = False) -> None:
    j, jj = pl.j, pl.jj
    if a:
        pl.add("I05.a", "WJ", f"{j.gov}关于印发{j.name}深化“证照分离”改革实施方案的通知", "2024-03-05",
               *pl.notice_body("为全面推行“证照分离”改革，深化“多证合一”，现将实施方案印发给你们。",
                               "对涉企经营许可事项实行全覆盖清单管理，分类推进审批制度改革。"),
               written="2024-02-28", doc_number=pl.no("", 2024, 4), publisher=j.gov, topic="市场监管", genre="通知",
               checks={"I05.a": "PASS"})
    if value:
        chain = "企业设立登记" if registration_only else "企业开办全流程（设立登记、公章刻制、申领发票和税控设备、员工参保登记）"
        lines = []
        if province:
            lines.append("根据省委、省政府部署，全省企业开办时间压缩至1个工作日以内。")
        lines.append(f"为进一步优化营商环境，经{jj}政府同意，自2025年3月1日起，我{jj}{chain}办理时间压缩至{value}。")
        verdict = "REVIEW" if registration_only else ("FAIL" if value.startswith("8") else "PASS")
        pl.add("I05.b", "WJ", f"{j.office}关于进一步压缩企业开办时间的通知", "2025-02-20",
               *pl.notice_body(*lines, "各相关部门要强化协同，推行“一窗受理、并行办理”。"),
               written="2025-02-17", doc_number=pl.no("办", 2025, 3), topic="市场监管", genre="通知",
               checks={"I05.b": verdict}, note=f"committed 企业开办 time: {value} (registration only={registration_only})")


def i06(pl: Plant, *, a: bool = True, items: int | None = 120, batches: tuple[tuple[str, int, int], ...] = (),
        scanned: bool = False) -> None:
    j = pl.j
    if a:
        pl.add("I06.a", "WJ", f"{j.office}关于印发{j.name}深化“一网、一门、一次”改革实施方案的通知", "2024-05-20",
               *pl.notice_body("为推进政务服务“一网、一门、一次”改革，现将实施方案印发给你们。",
                               "到2024年底，政务服务事项全部实现“一网通办”，高频事项实现“最多跑一次”。"),
               written="2024-05-15", doc_number=pl.no("办", 2024, 8), topic="政务服务", genre="通知",
               checks={"I06.a": "PASS"})
    name = f"{j.name}“最多跑一次”高频事项清单"
    if scanned:
        pl.add("I06.b", "ZW", name, "2025-06-10", "现将本级“最多跑一次”高频事项清单予以公布（见附件扫描件）。",
               attachments=(A(f"{name}.pdf", "pdf_scan"),), topic="政务服务", genre="清单",
               checks={"I06.b": "REVIEW"}, note="the list exists only as an image-only PDF → R_SCANNED")
    elif items:
        rows = high_freq_list(items)
        pl.add("I06.b", "ZW", name, "2025-06-10", f"现将本级“最多跑一次”高频事项清单（共{items}项）予以公布。",
               attachments=(A(f"{name}.xlsx", "xlsx", table=rows),), topic="政务服务", genre="清单",
               checks={"I06.b": "PASS" if items >= 100 else "FAIL"}, note=f"{items} distinct items")
    for k, (day, n, start) in enumerate(batches, start=1):
        rows = high_freq_list(n, start)
        batch = "第一批" if k == 1 else "第二批"
        pl.add(f"I06.b.{k}", "ZW", f"{j.name}“最多跑一次”高频事项清单（{batch}）", day,
               f"现将{batch}“最多跑一次”高频事项清单（共{n}项）予以公布。",
               attachments=(A(f"{j.name}最多跑一次事项清单{batch}.xlsx", "xlsx", table=rows),), topic="政务服务",
               genre="清单", checks={"I06.b": "PASS"}, note=f"batch {k}: items {start + 1}..{start + n}; batches overlap")


def i07(pl: Plant, depts: tuple[str, ...], listed: tuple[str, ...], *, gg: bool = True,
        version: str = "2025-04-15", adjust: str | None = "2025-10-20", consolidated: bool = True) -> None:
    j = pl.j
    pl.add("I07.jg", "JG", f"{j.gov}工作部门设置情况", "2025-01-10",
           f"根据机构改革方案，{j.gov}设置工作部门{len(depts)}个：" + "、".join(depts) + "。",
           publisher=j.office, topic="机构职能", genre="其他", checks={"I07.b": "roster"},
           note="the roster of 政府工作部门 the I07.b coverage ratio is measured against")
    if consolidated:
        pl.add("I07.qz", "QZ", f"{j.name}政府部门权责清单（{version[:4]}年版）", version,
               f"现将{j.name}政府部门权责清单予以公布，清单逐项明确事项名称、设定依据、实施主体、监督方式、责任事项。",
               attachments=(A(f"{j.name}政府部门权责清单.xlsx", "xlsx", table=qz_list(j, listed)),), topic="机构职能",
               genre="清单", checks={"I07.a": "PASS" if listed == depts else "FAIL",
                                   "I07.b": "PASS" if listed == depts else "FAIL"},
               note="departments in the list: " + "、".join(listed))
    else:
        for n, dept in enumerate(listed, start=1):
            pl.add(f"I07.qz.{n}", "QZ", f"{dept}权责清单", version,
                   f"现将{dept}权责清单予以公布，清单逐项明确事项名称、设定依据、实施主体、监督方式、责任事项。",
                   table=qz_list(j, (dept,)), publisher=dept, topic="机构职能", genre="清单",
                   checks={"I07.a": "PASS"})
    if gg:
        pl.add("I07.gg", "QZ", f"{j.name}公共服务事项清单（{version[:4]}年版）", version,
               "现将本级政府部门公共服务事项清单予以公布。", table=public_service_list(j, depts), topic="机构职能",
               genre="清单", checks={"I07.c": "PASS"})
    if adjust:
        pl.add("I07.adjust", "QZ", f"关于{j.name}政府部门权责清单动态调整情况的公告", adjust,
               "根据法律法规立改废释和机构职能调整情况，对权责清单进行动态调整，新增事项3项，取消事项2项。",
               publisher=j.office, topic="机构职能", genre="公告",
               checks={"I07.d": "PASS" if d(adjust) >= d("2024-11-20") else "REVIEW"})


def i08(pl: Plant, kind: str = "local") -> None:
    j = pl.j
    if kind == "local":
        pl.add("I08.a", "WJ", f"{j.office}关于印发{j.name}全面落实市场准入负面清单制度工作方案的通知", "2024-09-03",
               *pl.notice_body("为全面落实市场准入负面清单制度，现将工作方案印发给你们。",
                               "全面排查清理违背市场准入负面清单的规定和做法，清单之外各类经营主体皆可依法平等进入。"),
               written="2024-08-29", doc_number=pl.no("办", 2024, 12), topic="市场监管", genre="通知",
               checks={"I08.a": "PASS"})
    elif kind == "national":
        pl.add("I08.a.national", "WJ", "国家发展改革委 商务部关于印发《市场准入负面清单（2025年版）》的通知", "2025-05-06",
               "转发：国家发展改革委、商务部印发《市场准入负面清单（2025年版）》，现予转载。",
               publisher="国家发展改革委", doc_number="发改体改规〔2025〕466号", topic="市场监管", genre="通知",
               checks={"I08.a": "REVIEW"}, note="only the national list republished, no local instruction")


def i09(pl: Plant, *, year: int | None = 2025, b: bool = True, c: bool = True, legacy_xls: bool = False) -> None:
    j = pl.j
    if year:
        name = f"{j.name}行政事业性收费目录清单（{year}年）"
        att = A(f"{name}.xls", "xls", asset="xls") if legacy_xls else A(f"{name}.xlsx", "xlsx", table=fee_list(j, year))
        pl.add("I09.a", "SF", name, f"{year}-03-05", f"现将{name}予以公布，目录清单之外的收费项目一律不得执收。",
               attachments=(att,), publisher=f"{j.name}财政局", topic="财政", genre="清单",
               checks={"I09.a": "PASS" if year >= 2025 else "REVIEW"}, note=f"version year {year}")
    if b:
        pl.add("I09.b", "SF", f"{j.gov}关于实行行政事业性收费和政府性基金目录清单制度的通知", "2024-02-26",
               *pl.notice_body("为规范收费行为，全面实施行政事业性收费和政府性基金目录清单制度，现通知如下。",
                               "目录清单之外的行政事业性收费和政府性基金一律不得执收。"),
               written="2024-02-20", doc_number=pl.no("", 2024, 2), publisher=j.gov, topic="财政", genre="通知",
               checks={"I09.b": "PASS"})
    if c:
        # title and opening avoid the I18.b (涉企收费/违规收费) and I35 (专项清理/清理工作) lexicons
        pl.add("I09.c", "WJ", f"{j.office}关于开展行业协会商会收费清理整顿工作的通知", "2024-06-12",
               *pl.notice_body("为全面清理整顿行业协会商会收费和部门下属事业单位收费，现通知如下。",
                               "重点清理强制入会收费、只收费不服务等问题。"),
               written="2024-06-07", doc_number=pl.no("办", 2024, 11), topic="财政", genre="通知",
               checks={"I09.c": "PASS"})


def i13(pl: Plant, *, a: bool = True, black: str | None = "2026-10-15", court_only: bool = False) -> None:
    j = pl.j
    if a:
        pl.add("I13.a", "XY", f"{j.office}关于印发{j.name}加快构建以信用为基础的新型监管机制工作方案的通知",
               "2024-03-28", *pl.notice_body("为加强信用监管，推进社会信用体系建设，现将工作方案印发给你们。",
                                             "健全守信联合激励和失信联合惩戒机制，推行信用分级分类监管。"),
               written="2024-03-22", doc_number=pl.no("办", 2024, 4), topic="信用", genre="通知",
               checks={"I13.a": "PASS"})
    if black:
        q = (d(black).month - 1) // 3 + 1
        pl.add("I13.b", "XY", f"{j.name}{black[:4]}年第{'一二三四'[q - 1]}季度失信主体“黑榜”", black,
               "根据相关部门认定，现将本季度严重失信主体名单（“黑榜”）予以公布。",
               table=blacklist(j, black), publisher=f"{j.name}发展和改革委员会", topic="信用", genre="名单",
               checks={"I13.b": "PASS" if d(black) >= d("2025-11-20") else "REVIEW"}, note=f"latest entry {black}")
    if court_only:
        pl.add("I13.b.court", "XY", f"{j.name}人民法院失信被执行人名单公布", "2026-09-01",
               "现将失信被执行人名单予以公布（数据来源：人民法院）。", publisher=j.court, topic="信用",
               genre="名单", checks={"I13.b": "REVIEW"}, note="court 失信被执行人 only, not the government's 黑榜")


def i16(pl: Plant, *, publish: str = "2024-08-06", fix: str = "") -> None:
    j = pl.j
    pl.add("I16.a" if not fix else "I16.a.fix", "WJ", f"{j.office}关于印发{j.name}加强政务诚信建设工作方案的通知", publish,
           *pl.notice_body("为全面推进政务诚信建设，严格兑现向行政相对人依法作出的政策承诺，现将工作方案印发给你们。",
                           "建立政务失信记录，开展政府机构失信问题专项治理。"),
           written=d(publish) - dt.timedelta(days=3), doc_number=pl.no("办", d(publish).year, 13), topic="信用",
           genre="通知", fix=fix, checks={"I16.a": "PASS"}, note=f"published by fix {fix!r}" if fix else "")


def i18(pl: Plant, *, a1: bool = True, a2: bool = True, b: str | None = "2024-05-15") -> None:
    j = pl.j
    if a1:
        pl.add("I18.a1", "SF", f"{j.name}涉企经营服务性收费清单（2025年）", "2025-03-06",
               "建立健全涉企收费清单制度，现将涉企行政事业性收费目录清单予以公布。", table=fee_list(j, 2025),
               publisher=f"{j.name}财政局", topic="财政", genre="清单", checks={"I18.a": "component a1"})
    if a2:
        pl.add("I18.a2", "ZF.SQ", f"{j.name}涉企行政检查事项清单（2025年版）", "2025-04-08",
               "建立健全涉企监督检查清单制度，未列入清单的检查事项一律不得实施。",
               table=(("序号", "检查事项", "检查对象", "检查依据", "实施主体"),
                      ("1", "食品生产经营监督检查", "食品生产经营者", "《食品安全法》", f"{j.name}市场监督管理局"),
                      ("2", "安全生产监督检查", "生产经营单位", "《安全生产法》", f"{j.name}应急管理局")),
               publisher=j.sfj, topic="行政执法", genre="清单",
               checks={"I18.a": "component a2"})
    if b:
        pl.add("I18.b", "WJ", f"{j.office}关于全面清理涉企收费、摊派事项和评比达标表彰活动的通知", b,
               *pl.notice_body("为减轻企业负担，全面清理涉企收费、摊派事项和各类评比达标表彰活动，现通知如下。"),
               written=d(b) - dt.timedelta(days=4), doc_number=pl.no("办", d(b).year, 14), topic="市场监管", genre="通知",
               checks={"I18.b": "PASS" if d(b) >= d("2018-01-01") else "FAIL"}, note=f"published {b} (window 2018+)")


def i19(pl: Plant, *, a: bool = True, b: bool = True) -> None:
    j = pl.j
    if a:
        pl.add("I19.a", "CG", f"{j.name}2025年政府购买服务指导性目录", "2025-01-20",
               f"现将{j.name}2025年政府购买服务指导性目录予以公布，凡属事务性管理服务，原则上引入竞争机制向社会购买。",
               table=(("序号", "一级目录", "二级目录", "购买主体"), ("1", "基本公共服务", "养老服务", f"{j.name}民政局"),
                      ("2", "社会管理性服务", "社区治理服务", f"{j.name}民政局"),
                      ("3", "行业管理与协调性服务", "行业统计分析", f"{j.name}统计局")),
               publisher=f"{j.name}财政局", topic="财政", genre="目录",
               checks={"I19.a": "PASS", "I20.b": "PASS"}, note="a 购买服务目录 is also the I20.b evidence")
    if b:
        pl.add("I19.b", "WJ", f"{j.office}关于印发{j.name}行业协会商会与行政机关脱钩实施方案的通知", "2016-07-12",
               *pl.notice_body("按照中央和省委、省政府部署，现将行业协会商会与行政机关脱钩实施方案印发给你们。",
                               "实现行业协会商会与行政机关在机构、职能、资产财务、人员管理等方面脱钩。"),
               written="2016-07-05", doc_number=pl.no("办", 2016, 18), topic="民政", genre="通知",
               checks={"I19.b": "PASS"}, note="2016: the 脱钩 reform dates from 2015, any date ≥ 2015 counts")


def i20(pl: Plant, kind: str = "service") -> None:
    j = pl.j
    if kind == "service":
        pl.add("I20.a", "CG", f"{j.name}城市管理局环卫保洁服务项目公开招标公告", "2025-06-03",
               f"项目名称：{j.name}城区环卫保洁服务项目。采购方式：公开招标。品目：服务/环境服务。",
               f"采购人：{j.name}城市管理局。预算金额：860万元。投标截止时间：2025年6月24日9时30分。",
               publisher=f"{j.name}城市管理局", topic="政府采购", genre="公告", checks={"I20.a": "PASS"})
        pl.add("I20.a.result", "CG", f"{j.name}城市管理局环卫保洁服务项目中标（成交）结果公告", "2025-07-08",
               f"项目名称：{j.name}城区环卫保洁服务项目。采购方式：公开招标。中标供应商：某物业服务有限公司。",
               publisher=f"{j.name}城市管理局", topic="政府采购", genre="公告", checks={"I20.a": "PASS"})
    else:
        pl.add("I20.a.goods", "CG", f"{j.name}教育局办公设备采购项目中标公告", "2025-06-03",
               f"项目名称：{j.name}教育局办公设备采购项目。采购方式：公开招标。品目：货物/办公设备。",
               publisher=f"{j.name}教育局", topic="政府采购", genre="公告", checks={"I20.a": "FAIL"},
               note="goods, not a service purchase: does not evidence I20.a")


def i79(pl: Plant, *, a: bool = True, b: bool = True, c: bool = True, redirect: bool = False) -> None:
    j, jj = pl.j, pl.jj
    if a:
        pl.add("I79.a", "HD", f"{j.office}关于印发{j.name}政务服务便民热线归并整合工作方案的通知", "2024-03-12",
               *pl.notice_body("为建设统一政务咨询投诉举报平台，现将热线归并整合工作方案印发给你们。",
                               "除110、119、120、122等紧急热线外，各部门设立的非紧急类政务服务热线统一归并至12345热线。"),
               written="2024-03-06", doc_number=pl.no("办", 2024, 3), topic="政民互动", genre="通知",
               checks={"I79.a": "PASS"})
    if b:
        # the 规范 itself, without the 「印发…的通知」 wrapper: a 12345 title with 通知/方案/意见 is I79.a evidence
        pl.add("I79.b", "HD", f"{j.name}12345政务服务便民热线工单办理规范", "2024-06-20",
               "第一条 为规范12345热线工单受理、派单、办理、督办、回访工作，制定本规范。",
               "第二条 热线工单实行受理、派单、办理、督办、回访闭环管理，承办单位应当在规定时限内办结。",
               written="2024-06-14", topic="政民互动", genre="规范",
               via="redirect" if redirect else "", checks={"I79.b": "PASS"},
               note="reachable only through a 301→302 redirect chain" if redirect else "")
    if c:
        pl.add("I79.c", "HD", f"{j.name}行政机关违法行政行为投诉举报登记制度", "2024-06-20",
               "第一条 为规范行政机关违法行政行为投诉举报登记工作，制定本制度。",
               f"第二条 公民、法人或者其他组织可通过12345热线、{jj}长信箱、来信来访等渠道投诉举报，受理机关应当登记。",
               topic="政民互动", genre="制度", checks={"I79.c": "PASS"})


def i81(pl: Plant, day: str | None = "2026-03-10") -> None:
    j = pl.j
    if day:
        pl.add("I81.a", "GK.ZD", f"{j.name}政务公开事项标准目录（{day[:4]}年版）", day,
               "根据基层政务公开标准化规范化要求，现将政务公开事项标准目录予以公布，并实行动态更新。",
               table=disclosure_catalogue(j), topic="政务公开", genre="目录",
               checks={"I81.a": "PASS", "I81.b": "PASS" if d(day) >= d("2025-11-20") else "REVIEW"})


def i82(pl: Plant, *, a: bool = True, b: str = "system", private_a: bool = False, fix_a: str = "") -> None:
    j = pl.j
    spokes = (f"{j.gov}新闻发言人制度", "第一条 为规范政府新闻发布工作，建立健全政府新闻发言人制度，制定本制度。",
              f"第二条 {j.gov}设新闻发言人，由政府办公室主要负责同志担任。")
    if a:
        pl.add("I82.a", "XW", spokes[0], "2024-04-09", *spokes[1:], publisher=j.office, topic="新闻发布", genre="制度",
               checks={"I82.a": "PASS"})
    if private_a:
        pl.add("I82.a.private", "XW", spokes[0] + "（内部稿）", "2024-04-09", *spokes[1:], publisher=j.office,
               via="private", topic="新闻发布", genre="制度", checks={"I82.a": "FAIL"},
               note="only under /private/, which robots.txt disallows: must not be used as evidence")
    if fix_a:
        pl.add("I82.a.fix", "XW", spokes[0], "2026-11-20", *spokes[1:], publisher=j.office, fix=fix_a,
               topic="新闻发布", genre="制度", checks={"I82.a": "PASS"}, note=f"published by fix {fix_a!r}")
    if b == "system":
        pl.add("I82.b", "YJ", f"{j.name}突发事件信息发布工作制度", "2024-04-09",
               "第一条 为做好突发事件信息发布和政务舆情回应工作，制定本制度。",
               "第二条 对涉及特别重大、重大突发事件的政务舆情，最迟在5小时内发布权威信息，在24小时内举行新闻发布会。",
               topic="应急管理", genre="制度", checks={"I82.b": "PASS"})
    elif b == "plan":
        pl.add("I82.b.plan", "YJ", f"{j.name}突发公共事件总体应急预案", "2024-04-09",
               "1 总则", "5.3 信息发布：突发事件发生后，应当及时发布权威信息。",
               topic="应急管理", genre="预案", checks={"I82.b": "REVIEW"},
               note="only an 应急预案 with an 信息发布 chapter (lexicon b.secondary)")


def i88_89(pl: Plant, *, online: str = "form", guide: str = "full", decision: str | None = "2026-09-15") -> None:
    j = pl.j
    if online == "form":
        form = ('<form class="fy-apply" action="/fy/apply" method="post"><p>申请人：<input name="sqr"></p>'
                '<p>被申请人：<input name="bsqr"></p><p>行政复议请求：<textarea name="qq"></textarea></p>'
                '<p>上传材料：<input type="file" name="cl"></p><button type="submit">提交申请</button></form>')
        pl.add("I88.a", "FY", f"{j.gov}行政复议网上申请", "2024-02-01",
               "申请人可通过本页面在线提交行政复议申请，也可通过“河南掌上复议”小程序扫码申请。",
               extra_html=form, publisher=j.sfj, topic="行政复议", genre="其他", checks={"I88.a": "PASS"})
    elif online == "email":
        pl.add("I88.a.email", "FY", f"{j.sfj}行政复议申请方式", "2024-02-01",
               f"申请人可以书面申请，也可以将申请书扫描件发送至电子邮箱 xzfy@{j.code}.gov.cn。",
               publisher=j.sfj, topic="行政复议", genre="其他", checks={"I88.a": "REVIEW"},
               note="only an e-mail address, no online application entry")
    if guide == "full":
        pl.add("I88.b", "FY", f"{j.gov}行政复议申请指南", "2024-02-01",
               "一、受理范围：公民、法人或者其他组织认为行政机关的行政行为侵犯其合法权益的，可以申请行政复议。",
               "二、申请条件：有明确的申请人和符合规定的被申请人；有具体的行政复议请求和理由；在法定申请期限内提出。",
               "三、申请程序：申请人自知道行政行为之日起六十日内提出申请，复议机构收到申请后五日内审查决定是否受理。",
               f"四、接待地点：{j.address}。接待时间：工作日上午8:30—12:00，下午15:00—18:00。",
               publisher=j.sfj, topic="行政复议", genre="指南", checks={"I88.b": "PASS", "I89.b": "PASS"})
    elif guide == "partial":
        pl.add("I88.b.partial", "FY", f"{j.gov}行政复议须知", "2024-02-01",
               "一、受理范围：公民、法人或者其他组织认为行政机关的行政行为侵犯其合法权益的，可以申请行政复议。",
               "二、申请条件：有明确的申请人和符合规定的被申请人；有具体的行政复议请求和理由。",
               publisher=j.sfj, topic="行政复议", genre="指南", checks={"I88.b": "FAIL", "I89.b": "FAIL"},
               note="no 程序 and no 接待地址: R_COMPONENT_MISSING")
    if decision:
        year = decision[:4]
        pl.add("I89.c", "FY", f"{j.gov}行政复议决定书（{j.short}政复决字〔{year}〕37号）", decision,
               "申请人：某某。被申请人：某局。申请人不服被申请人作出的行政处罚决定，向本机关申请行政复议，本机关依法受理。",
               "本机关认为，被申请人作出的行政行为认定事实清楚，证据确凿，适用依据正确，程序合法。决定维持。",
               "申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。",
               publisher=j.gov, topic="行政复议", genre="决定书",
               checks={"I89.c": "PASS" if d(decision) >= d("2025-11-20") else "FAIL"}, note=f"decided {decision}")


def i54(pl: Plant, *, day: str = "2026-03-20", parts: tuple[str, ...] = ("主体", "权限", "程序", "救济", "随机"),
        scanned: bool = False) -> None:
    j = pl.j
    if scanned:
        pl.add("I54.scan", "ZF.SQ", f"{j.name}行政执法事前公开信息汇总", day, "详见附件。",
               attachments=(A(f"{j.name}行政执法事前公开信息汇总.pdf", "pdf_scan"),), publisher=j.sfj, topic="行政执法",
               genre="其他", checks={"I54.a": "REVIEW"}, note="all six components only inside a scanned PDF")
        return
    docs = {
        "主体": (f"{j.name}行政执法主体名录（{day[:4]}年）", f"现将{j.name}行政执法主体名录予以公布，共有行政执法主体23个。"),
        "权限": (f"{j.name}行政执法事项清单（{day[:4]}年版）", "清单逐项列明执法事项、执法依据（法律依据）、执法主体和执法职权。"),
        "程序": (f"{j.name}行政执法流程图", "行政处罚一般程序执法流程：立案—调查取证—告知—听证—审查—决定—送达—执行。"),
        "救济": (f"{j.name}行政执法救济渠道", "当事人对行政执法行为不服的，可依法申请行政复议或者提起行政诉讼；投诉举报电话：12345。"),
        "随机": (f"{j.name}随机抽查事项清单（{day[:4]}年版）", "按照“双随机、一公开”要求，现将随机抽查事项清单予以公布。"),
    }
    for part in parts:
        title, text = docs[part]
        pl.add(f"I54.{part}", "ZF.SQ", title, day, text, publisher=j.sfj, topic="行政执法", genre="清单",
               checks={"I54.a": "component " + part, "I54.b": f"updated {day}"})


def decoy_reports(pl: Plant, years: range, *, issuer: str = "", deadline_month: int = 3) -> None:
    """政府信息公开工作年度报告: the most common false positive for I98 (rules_spec §6 I98 exclude)."""
    issuer = issuer or pl.j.gov
    for y in years:
        pl.add(f"NB.{y}", "GK.NB", f"{issuer}{y}年政府信息公开工作年度报告", f"{y + 1}-0{deadline_month}-1{y % 8 + 1}"
               if deadline_month < 10 else f"{y + 1}-01-2{y % 8 + 1}",
               "本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况等六部分内容。",
               publisher=issuer, topic="政府信息公开年报", genre="报告",
               checks={"I98.a": "decoy"}, note="a different annual report: must never count for I98")


def report(pl: Plant, key: str, where: str, year: int, publish: str, *, written: str | None = None, title: str = "",
           verdict: str = "PASS", issuer: str = "", **kw: object) -> Doc:
    """A 法治政府建设 report for `year` (due the next year's 03-31)."""
    j = pl.j
    issuer = issuer or j.gov
    title = title or f"{issuer}关于{year}年度法治政府建设情况的报告"
    lines = (f"{year}年，{issuer}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
             "全面推进法治政府建设，现将有关情况报告如下。",
             "一、主要举措和成效。（一）深化“放管服”改革；（二）健全依法决策机制；（三）严格规范公正文明执法。",
             "二、存在的问题。三、下一年度工作安排。")
    checks = {"I98.a": verdict}
    atts = kw.pop("attachments", (A(f"{year}年度法治政府建设情况报告.pdf", "pdf", (title, *lines)),))
    return pl.add(key, where, title, publish, *lines, written=written or publish,
                  doc_number=kw.pop("doc_number", pl.no("文", int(publish[:4]), 9 + year - 2023)), publisher=issuer, topic="法治政府建设",
                  genre="报告", attachments=atts, checks=checks, **kw)


def kaohe(pl: Plant, where: str, years_a: tuple[tuple[int, str], ...], dates_b: tuple[str, ...]) -> None:
    """I100: a = 依法行政考核结果通报 (results of year Y published in Y+1), b = 法治政府建设督察 notices."""
    j = pl.j
    for y, day in years_a:
        pl.add(f"I100.a.{y}", where, f"{j.sfj}关于{y}年度依法行政考核结果的通报", day,
               f"根据{y}年度依法行政考核工作安排，经综合考评，现将考核结果通报如下。",
               "考核结果优秀的单位：……；考核结果良好的单位：……。", publisher=j.sfj, topic="法治政府建设", genre="通报",
               checks={"I100.a": f"evidence {day[:4]}"})
    for day in dates_b:
        pl.add(f"I100.b.{day[:4]}", where, f"{j.office}关于开展{day[:4]}年度法治政府建设督察工作的通知", day,
               *pl.notice_body(f"为推动法治政府建设各项任务落实，定于{day[5:7].lstrip('0')}月至11月开展{day[:4]}年度法治政府建设督察。"),
               topic="法治政府建设", genre="通知", checks={"I100.b": f"evidence {day[:4]}"})


def post_evaluations(pl: Plant, where: str, days: tuple[str, ...], *, issuer: str = "") -> None:
    j = pl.j
    issuer = issuer or j.sfj
    topics = ("城市供水用水管理办法", "农贸市场管理办法", "住房公积金管理办法", "电动自行车管理规定", "物业服务管理办法",
              "城市道路桥梁管理办法", "集贸市场管理规定")
    for n, day in enumerate(days):
        name = f"《{j.name}{topics[n % len(topics)]}》"
        pl.add(f"I33.{day[:4]}", where, f"{issuer}关于{name}实施情况后评估结果的公告", day,
               f"按照规范性文件后评估工作安排，{issuer}委托第三方机构对{name}开展实施后评估，现将评估结果公告如下。",
               "评估认为，该文件总体实施效果良好，建议对部分条款予以修改。", publisher=issuer, topic="法治政府建设",
               genre="公告", checks={"I33.a": "PASS", "I33.b": f"window of {day[:4]}"})


def catalogue(pl: Plant, year: int, day: str, items: tuple[str, ...], *, issuer: str = "", none: bool = False) -> None:
    j, jj = pl.j, pl.jj
    issuer = issuer or j.gov
    if none:
        pl.add(f"I36.a.{year}", "JC", f"{issuer}关于{year}年度无重大行政决策事项的说明", day,
               f"经梳理，{issuer}{year}年度无拟作出的重大行政决策事项，故不编制{year}年度重大行政决策事项目录。",
               publisher=issuer, topic="重大行政决策", genre="说明", checks={"I36.a": f"PASS {year} (statement)"})
        return
    rows = (("序号", "决策事项名称", "承办单位", "计划完成时间"),
            *((str(i), item, f"{j.name}相关部门", f"{year}年{6 + i}月") for i, item in enumerate(items, start=1)))
    pl.add(f"I36.a.{year}", "JC", f"{issuer}关于公布{year}年度重大行政决策事项目录的通知", day,
           f"经{jj}委同意，现将{issuer}{year}年度重大行政决策事项目录予以公布。目录事项应当严格履行公众参与、专家论证、"
           "风险评估、合法性审查和集体讨论决定等法定程序。",
           "重大行政决策事项的确定标准：涉及经济社会发展全局，对公民、法人和其他组织权利义务有重大影响，"
           "或者社会关注度高的事项，纳入目录管理。", table=rows, publisher=issuer, topic="重大行政决策",
           genre="目录", checks={"I36.a": f"PASS {year}"})


def decision_chain(pl: Plant, key: str, name: str, year: int, *, notice: tuple[str, str, str] | None,
                   feedback: str | None, decision: str | None, interp: str | None, style: str = "range",
                   urgent: str = "", issuer: str = "", expect: dict[str, str] | None = None) -> None:
    """A 重大行政决策: 征求意见 notice (publish, start, end) → 采纳情况反馈 → decision → 解读."""
    j = pl.j
    issuer = issuer or j.gov
    drafter = f"{j.name}发展和改革委员会" if issuer == j.gov else issuer
    expect = expect or {}
    if notice:
        pub, start, end = notice
        tail = (urgent,) if urgent else ()
        pl.comment_notice(f"{key}.notice", "ZJ", f"关于《{name}（征求意见稿）》公开征求意见的公告", pub, start, end,
                          style=style, subject=name, drafter=drafter, tail=tail,
                          lead=f"《{name}》为{issuer}{year}年度重大行政决策事项。为广泛听取社会公众意见，现将征求意见稿全文公布。",
                          checks={"I39.a": expect.get("I39.a", "PASS")})
    if feedback:
        pl.add(f"{key}.feedback", "ZJ", f"关于《{name}（征求意见稿）》公开征求意见采纳情况的说明", feedback,
               f"《{name}（征求意见稿）》公开征求意见期间，共收到意见建议26条，采纳14条，部分采纳5条，未采纳7条。",
               "未采纳的主要理由：部分建议超出本方案调整范围，将在后续工作中统筹研究。", publisher=drafter,
               topic="重大行政决策", genre="说明", checks={"I39.b": "PASS"})
    if decision:
        number = pl.no("", int(decision[:4]), 20 + len(pl.docs) % 60)
        pl.add(f"{key}.decision", "JC", f"{issuer}关于印发{name}的通知", decision,
               *pl.notice_body(f"《{name}》已经{issuer}常务会议研究通过，现印发给你们，请认真贯彻执行。"),
               written=d(decision) - dt.timedelta(days=5), doc_number=number, publisher=issuer, topic="重大行政决策",
               genre="通知", checks={"I38.a": "candidate", **({"I39.a": expect["I39.a"]} if not notice else {})})
    if interp:
        # the 解读 reports 采纳情况 only where a feedback was published (else it would be I39.b evidence itself)
        adopted = "三、公众意见采纳情况：征求意见期间共收到意见建议26条，采纳14条。" if feedback else "三、实施步骤。"
        pl.add(f"{key}.interp", "JD", f"《{name}》政策解读", interp, f"一、出台背景。二、主要内容。{adopted}",
               publisher=drafter, topic="政策解读", genre="解读", checks={"I38.b": expect.get("I38.b", "PASS")})


def penalty(pl: Plant, key: str, where: str, unit: str, number: str, decided: str, published: str, *,
            notice: str = "六十日", scanned: bool = False, checks: dict[str, str] | None = None) -> None:
    """One 行政处罚决定书 page (full text with 处罚决定日期 and the 复议告知), or only a scan of it."""
    j = pl.j
    title = f"{unit}行政处罚决定书（{number}）"
    if scanned:
        pl.add(key, where, title, published, "行政处罚决定书详见附件。",
               attachments=(A(f"{number}.pdf", "pdf_scan"),), publisher=unit, topic="行政执法", genre="决定书",
               checks=checks or {"I57.a": "REVIEW"}, note="decision date only inside an image-only scan")
        return
    fuyi = (f"如不服本处罚决定，可在收到本决定书之日起{notice}内向{j.gov}申请行政复议，也可在六个月内依法向{j.court}"
            "提起行政诉讼。") if notice else "当事人应当自收到本决定书之日起十五日内缴纳罚款。"
    day = d(decided)
    pl.add(key, where, title, published,
           f"当事人：{j.name}某商贸有限公司　统一社会信用代码：91410400MA4{abs(day.toordinal()) % 1000:03d}XXXX",
           f"经查，当事人于{zh_date(day - dt.timedelta(days=40))}在其经营场所销售超过保质期的食品，违反了相关法律规定。",
           "依据相关法律规定，本机关决定对当事人作出如下行政处罚：1.没收违法所得320元；2.罚款5000元。", fuyi,
           f"处罚决定日期：{zh_date(day)}", written=day, sign_org=unit, doc_number=number, publisher=unit,
           topic="行政执法", genre="决定书", checks=checks or {"I57.a": "PASS", "I89.a": "PASS" if notice else "FAIL"})


def batch(pl: Plant, key: str, where: str, title: str, published: str, kind: str,
          rows: tuple[tuple[str, str, str], ...], *, publisher: str, checks: dict[str, str]) -> None:
    """A monthly/quarterly 公示 table: rows of (文号, 对象, 决定日期)."""
    if kind == "penalty":
        head = ("序号", "行政处罚决定书文号", "当事人名称", "处罚类别", "处罚内容", "处罚决定日期", "处罚机关")
        body = [(str(i), no, who, "罚款", "罚款5000元", day, publisher) for i, (no, who, day) in enumerate(rows, 1)]
    elif kind == "license":
        head = ("序号", "行政许可决定书文号", "项目名称", "审批类别", "行政相对人", "许可决定日期", "许可机关")
        body = [(str(i), no, "经营许可", "普通", who, day, publisher) for i, (no, who, day) in enumerate(rows, 1)]
    else:
        head = ("序号", "检查结果文号", "检查事项", "检查对象", "检查结果", "作出决定日期", "检查机关")
        body = [(str(i), no, "食品安全监督检查", who, "未发现问题", day, publisher) for i, (no, who, day) in enumerate(rows, 1)]
    pl.add(key, where, title, published, f"现将{title.replace('公示', '')}予以公示。", table=(head, *body),
           publisher=publisher, topic="行政执法", genre="公示", checks=checks)


# --- per-portal case sets --------------------------------------------------------------------------------

def plant_pds(portal: PortalSpec) -> list[Doc]:
    pl = Plant(portal)
    j = pl.j
    depts = tuple(f"平顶山市{x}" for x in ("发展和改革委员会", "教育局", "财政局", "自然资源和规划局", "住房和城乡建设局",
                                          "城市管理局", "市场监督管理局", "司法局"))
    i01(pl)
    i02(pl, pinned=True)
    i03(pl)
    i05(pl, value="半个工作日", province=True)
    i06(pl, items=120)
    i07(pl, depts, depts)
    i08(pl)
    i09(pl, legacy_xls=True)
    i13(pl)
    i16(pl)
    i18(pl)
    i19(pl)
    i20(pl)
    i79(pl, redirect=True)
    i81(pl)
    i82(pl, a=False, private_a=True, fix_a="pds-spokesperson")
    i88_89(pl)
    i54(pl)
    decoy_reports(pl, range(2019, 2026))

    # I17 / I80 / D1 / I32 / I82.c candidates (C-class: always REVIEW, here with candidates)
    pl.add("I17.case", "WJ", "关于对平顶山某新材料有限公司因规划调整受损依法予以补偿的公告", "2025-08-21",
           "因城市总体规划调整，某新材料有限公司原址项目停建，依照《优化营商环境条例》第三十一条，"
           "市政府依法对企业因此受到的损失予以补偿，补偿金额经第三方评估确定。", publisher=j.gov, topic="综合政务",
           genre="公告", checks={"I17.a": "candidate"})
    pl.add("I80.case", "HD", "关于媒体反映我市部分小区供暖不热问题的调查处理情况通报", "2025-12-16",
           "针对近日媒体报道的部分小区供暖不热问题，市城市管理局第一时间组织调查核实，现将处理情况通报如下。",
           publisher="平顶山市城市管理局", topic="政民互动", genre="通报", checks={"I80.a": "candidate"})
    pl.add("D1.case", "zwyw", "关于网传“城管暴力执法”不实信息的澄清说明", "2026-05-09",
           "近日，网传“平顶山市城管暴力执法”视频引发关注。经核查，该视频系2019年外地事件，网传信息不实。",
           publisher="平顶山市城市管理局", topic="综合政务", genre="说明", checks={"D1.a": "candidate"})
    pl.add("I32.case", "zwyw", "市人大常委会法制工作委员会关于2025年度规范性文件备案审查工作情况的报告", "2026-01-15",
           "2025年共收到报送备案的规范性文件41件，经审查，对2件规范性文件中与上位法不一致的规定，督促制定机关予以纠正。",
           publisher=j.rd, topic="人大", genre="报告", checks={"I32.a": "candidate"},
           note="a 人大 report: I32 candidate only")
    pl.add("I82.c.case", "XW", "平顶山市“7·22”暴雨灾害应对情况新闻发布会", "2026-07-22",
           "7月22日凌晨，我市出现特大暴雨，市政府启动防汛Ⅱ级应急响应。当日10时，市政府新闻办召开新闻发布会，"
           "市长出席并通报有关情况。", time="10:00", publisher=j.office, topic="新闻发布", genre="发布会",
           checks={"I82.c": "candidate"})

    # I24 / I25.a / I26: 规章 and 地方性法规 with their drafts (市人民政府令 numbers 13–17)
    def rule(key: str, name: str, n: int, enacted: str, rounds: tuple[tuple[str, str, str, str], ...],
             field_: str, expect: str, explain_att: Attachment | None = None, **kw: object) -> None:
        for r, (pub, start, end, style) in enumerate(rounds, start=1):
            explain = explain_att or A(f"关于《{name}（草案征求意见稿）》的起草说明.docx", "docx",
                                       (f"关于《{name}（草案征求意见稿）》的起草说明", "一、制定的必要性。",
                                        "二、起草过程：召开企业、行业协会座谈会2次，听取意见建议。", "三、主要内容。"))
            pl.comment_notice(f"{key}.draft{r}", "ZJ", f"关于《{name}（草案征求意见稿）》公开征求意见的公告", pub, start,
                              end, style=style, subject=f"{name}（草案）", drafter=j.sfj, extra_atts=(explain,),
                              checks={"I26.a": expect, "I26.b": "candidate (起草说明: 企业、行业协会座谈会)"},
                              publisher=j.sfj)
        pl.add(key, "GZ", f"{name}", enacted,
               f"《{name}》已经{enacted[:4]}年市人民政府常务会议审议通过，现予公布，自公布之日起30日后施行。",
               "第一章 总则", "第一条 为了……，根据有关法律、法规，结合本市实际，制定本办法。",
               written=d(enacted) - dt.timedelta(days=6), doc_number=pl.no("令", 0, n), publisher=j.gov,
               validity="有效", topic=field_, genre="规章", checks={"I25.a": field_, "I26.a": "instrument"}, **kw)

    rule("GZ.13", "平顶山市人民政府规章制定程序规定", 13, "2024-05-20",
         (("2024-01-08", "2024-01-08", "2024-02-20", "zizhi"),), "综合", "PASS", no_charset=True)
    pl.docs[-1].checks.update({"I24.a": "PASS"})
    pl.docs[-1].body = pl.docs[-1].body + ("第二条 规章的立项、起草、论证、协调、审议、公布、备案、解释和评估，适用本规定。",
                                           "第十五条 对部门争议较大的重要立法事项，可以引入第三方评估。",
                                           "第十八条 重要行政管理规章由司法行政部门组织起草。")
    rule("GZ.14", "平顶山市重大行政决策程序规定", 14, "2024-11-15",
         (("2024-07-01", "2024-07-01", "2024-08-05", "range"),), "综合", "PASS")
    pl.docs[-1].checks.update({"I36.b": "PASS"})
    pl.docs[-1].body = pl.docs[-1].body + ("第二条 本规定所称决策机关为市人民政府；决策事项范围实行目录管理。",
                                           "第三条 重大行政决策应当经过公众参与、专家论证、风险评估、合法性审查和集体讨论决定等程序。",
                                           "第四十条 决策机关违反本规定的，依法追究法律责任，实行决策终身责任追究。")
    rule("GZ.15", "平顶山市城市绿化管理办法", 15, "2025-06-10",
         (("2025-01-06", "2025-01-06", "2025-02-14", "zizhi"),), "城乡建设与管理", "PASS",
         explain_att=A("起草说明.doc", "doc", asset="doc", disposition="gbk"))
    rule("GZ.16", "平顶山市历史文化街区保护办法", 16, "2025-12-01",
         (("2025-08-04", "2025-08-04", "2025-09-02", "deadline"),), "历史文化保护", "REVIEW")
    rule("GZ.17", "平顶山市户外广告设置管理办法", 17, "2026-05-20",
         (("2026-01-12", "2026-01-12", "2026-01-31", "range"),), "城乡建设与管理", "FAIL")
    # 地方性法规 of the 人大: two rounds, the second one short (fine: the first met 30 days)
    for r, (pub, start, end) in enumerate((("2024-03-01", "2024-03-01", "2024-03-31"),
                                           ("2024-06-12", "2024-06-12", "2024-06-23")), start=1):
        word = "（草案）" if r == 1 else "（草案修改稿）"
        pl.comment_notice(f"FG.zhanhe.draft{r}", "ZJ",
                          f"平顶山市人大常委会关于《平顶山市湛河保护条例{word}》公开征求意见的公告", pub, start, end,
                          style="range", subject=f"平顶山市湛河保护条例{word}", drafter=j.rd, publisher=j.rd,
                          extra_atts=(A("关于《平顶山市湛河保护条例（草案）》的说明.pdf", "pdf",
                                        ("关于《平顶山市湛河保护条例（草案）》的说明", "一、立法的必要性。二、起草过程。")),),
                          checks={"I26.a": "PASS" if r == 1 else "PASS (another round met 30 days)"})
    pl.add("FG.zhanhe", "FG", "平顶山市湛河保护条例", "2024-09-27",
           "（2024年8月28日平顶山市第十届人民代表大会常务委员会第十六次会议通过　2024年9月26日河南省第十四届人民代表大会"
           "常务委员会第十次会议批准）", "第一条 为了加强湛河保护，改善水生态环境，根据有关法律、法规，制定本条例。",
           publisher=j.rd, validity="有效", topic="生态环境保护", genre="地方性法规",
           checks={"I25.a": "生态环境保护", "I26.a": "instrument"})
    # a 人大 draft that was never enacted: a decoy for I26 (no instrument, so no record)
    pl.comment_notice("FG.wuye.draft", "ZJ", "平顶山市人大常委会关于《平顶山市物业管理条例（草案）》公开征求意见的公告",
                      "2026-10-26", "2026-10-26", "2026-11-06", subject="平顶山市物业管理条例（草案）", drafter=j.rd,
                      publisher=j.rd, checks={"I26.a": "decoy"}, note="人大 draft, not enacted: not judged by I26")

    # I27 / I29 / I25.b: 行政规范性文件 of the window, each with its draft notice
    def normative(key: str, name: str, n: int, written: str, published: str, draft: tuple[str, str, str] | None,
                  field_: str = "", style: str = "range", attach_only: bool = False, expect: str = "PASS",
                  market: bool = False, issuer: str = "", tail: tuple[str, ...] = (),
                  extra_checks: dict[str, str] | None = None) -> None:
        issuer = issuer or j.gov
        drafter = DRAFTERS.get(key, "平顶山市人力资源和社会保障局")
        if draft:
            pl.comment_notice(f"{key}.draft", "ZJ", f"关于《{name}（征求意见稿）》公开征求意见的公告", draft[0], draft[1],
                              draft[2], style=style, subject=name, drafter=drafter, attach_only=attach_only, tail=tail,
                              checks={"I27.a": expect, **({"I27.c": "market"} if market else {}), **(extra_checks or {})})
        extra = ("本办法涉及停车经营企业的收费价格和经营行为，事关市场主体生产经营活动。",) if market else ()
        pl.add(key, "GFX", f"{issuer}关于印发{name}的通知", published,
               *pl.notice_body(f"《{name}》已经{issuer}同意，现印发给你们，请认真贯彻执行。", *extra,
                               "本办法自印发之日起施行，有效期5年。"),
               written=written, doc_number=pl.no("", int(written[:4]), n), publisher=issuer, validity="有效",
               topic=field_ or "综合政务", genre="办法",
               checks={"I29.a": "inventory", "I30.a": "inventory", **({"I25.b": field_} if field_ else {})})

    normative("GFX.parking", "平顶山市城市停车设施管理办法", 8, "2025-11-03", "2025-11-10",
              ("2025-09-25", "2025-09-25", "2025-10-11"), field_="城乡建设与管理", market=True,
              tail=("起草过程中，起草单位召开停车经营企业、行业协会座谈会，听取企业和行业协会意见。",),
              extra_checks={"I27.b": "candidate (企业、行业协会座谈会)"})
    normative("GFX.rental", "平顶山市公共租赁住房管理办法", 5, "2024-11-18", "2024-11-25",
              ("2024-09-30", "2024-09-30", "2024-10-10"), expect="FAIL")
    normative("GFX.dust", "平顶山市扬尘污染防治管理办法", 3, "2025-04-21", "2025-04-28",
              ("2025-03-10", "2025-03-10", "2025-03-21"), field_="生态环境保护", style="cn",
              tail=("本办法专业性、技术性较强，起草单位组织环境保护领域专家进行了论证。",),
              extra_checks={"I29.c": "candidate (专家论证)"})
    normative("GFX.heritage", "平顶山市文物保护单位保护管理办法", 4, "2026-04-20", "2026-04-27",
              ("2026-03-02", "2026-03-02", "2026-03-13"), field_="历史文化保护", attach_only=True)
    normative("GFX.talent", "平顶山市人才公寓管理办法", 6, "2025-06-03", "2025-07-10",
              ("2025-04-07", "2025-04-07", "2025-04-18"))
    pl.docs[-1].checks.update({"I29.b": "FAIL (27 WD from 成文 to 发布)"})
    normative("GFX.elderly", "平顶山市居家养老服务补贴管理办法", 7, "2026-07-06", "2026-07-10",
              ("2026-06-10", "2026-06-03", "2026-06-15"), expect="REVIEW")
    pl.docs[-2].note = "notice put online 2026-06-10 but states a period from 2026-06-03: R_POSTED_LATE"

    # I33 / I35 / I36 / I38 / I39 / I40–I42
    post_evaluations(pl, "FZ", ("2017-06-12", "2019-08-20", "2021-09-14", "2023-07-18", "2025-08-26", "2026-05-19"))
    pl.add("I35.result", "WJ", f"{j.gov}关于公布规范性文件清理结果的通知", "2025-12-18",
           *pl.notice_body("根据上位法和上级文件的变化，市政府对截至2025年10月底的市政府规范性文件进行了全面清理。",
                           "经清理，决定废止规范性文件5件（平政〔2012〕7号、平政〔2013〕15号、平政〔2014〕9号、平政办〔2015〕21号、"
                           "平政办〔2015〕33号），宣布失效3件，其余继续有效。"),
           written="2025-12-12", doc_number=pl.no("", 2025, 19), publisher=j.gov, topic="综合政务", genre="通知",
           checks={"I35.a": "PASS", "I35.b": "PASS", "I25.c": "candidate (a 文号 list to compare)"})
    catalogue(pl, 2024, "2024-03-12", ("编制《平顶山市城区集中供热专项规划（2024—2030年）》",))
    catalogue(pl, 2025, "2025-03-20", ("编制《平顶山市养老服务设施布局规划（2025—2035年）》",
                                       "制定《平顶山市中心城区公交线网优化方案》"))
    catalogue(pl, 2026, "2026-03-18", ("制定《平顶山市全民健身设施补短板三年行动计划》",))
    decision_chain(pl, "JC.heating", "平顶山市城区集中供热专项规划（2024—2030年）", 2024,
                   notice=("2024-05-06", "2024-05-06", "2024-06-05"), feedback="2024-06-28", decision="2024-08-15",
                   interp="2024-08-16")
    decision_chain(pl, "JC.elderly", "平顶山市养老服务设施布局规划（2025—2035年）", 2025,
                   notice=("2025-04-01", "2025-04-01", "2025-04-30"), feedback="2025-05-20", decision="2025-07-10",
                   interp="2025-07-11", expect={"I39.a": "REVIEW"})
    decision_chain(pl, "JC.bus", "平顶山市中心城区公交线网优化方案", 2025,
                   notice=("2025-06-09", "2025-06-09", "2025-06-28"), feedback=None, decision="2025-09-05",
                   interp="2025-09-05", expect={"I39.a": "FAIL"})
    decision_chain(pl, "JC.fitness", "平顶山市全民健身设施补短板三年行动计划", 2026,
                   notice=("2026-03-02", "2026-03-02", "2026-04-15"), feedback="2026-05-06", decision="2026-06-18",
                   interp="2026-07-02", expect={"I38.b": "REVIEW"})
    pl.add("I40.a.case", "zwyw", "《平顶山市养老服务设施布局规划》编制工作召开企业和群众代表座谈会", "2025-04-15",
           "座谈会上，养老服务企业、行业协会和群众代表围绕规划布局提出意见建议，市发展改革委逐一听取意见。",
           publisher=j.office, checks={"I40.a": "candidate"})
    pl.add("I40.b.case", "ZJ", "关于开展平顶山市城区集中供热专项规划民意调查的公告", "2024-04-22",
           "为做好城区集中供热专项规划编制工作，现开展网上问卷调查，欢迎广大市民参与民意调查。",
           publisher="平顶山市城市管理局", checks={"I40.b": "candidate"})
    pl.add("I41.case", "zwyw", "《平顶山市养老服务设施布局规划》专家论证会召开", "2025-05-08",
           "论证会邀请规划、养老、财政等领域专家，对规划的必要性、可行性、科学性进行了论证。", publisher=j.office,
           checks={"I41.a": "candidate"})
    pl.add("I42.case", "JC", "平顶山市城区集中供热专项规划社会稳定风险评估公示", "2024-05-10",
           "根据重大行政决策社会稳定风险评估要求，现将评估情况予以公示，评估结论为低风险。",
           publisher="平顶山市城市管理局", checks={"I42.a": "candidate"})

    # I57 / I89.a: full-text decisions, a batch 许可 table, a 检查 batch, a no-case statement
    penalty(pl, "ZF.pen.1", "ZF.CF", "平顶山市市场监督管理局", "平市监罚〔2025〕112号", "2025-09-28", "2025-10-13")
    pl.docs[-1].note = "decided 2025-09-28, published 2025-10-13: 14 calendar days across 国庆 = 6 working days → PASS"
    penalty(pl, "ZF.pen.2", "ZF.CF", "平顶山市城市管理局", "平城管罚〔2026〕41号", "2026-10-26", "2026-10-30")
    pl.add("ZF.pen.none", "ZF.CF", "平顶山市市场监督管理局2026年8月行政处罚信息公示", "2026-09-02",
           "本月无行政处罚案件。", publisher="平顶山市市场监督管理局", topic="行政执法", genre="公示",
           checks={"I57.a": "no-case statement"})
    batch(pl, "ZF.lic.2026-10", "ZF.XK", "平顶山市2026年10月下旬行政许可信息公示", "2026-11-03", "license",
          (("平自然资规许〔2026〕88号", "平顶山某置业有限公司", "2026-10-27"),
           ("平住建许〔2026〕203号", "平顶山某建设工程有限公司", "2026-10-29")),
          publisher="平顶山市政务服务和大数据管理局", checks={"I57.a": "PASS (5 and 3 WD)"})
    batch(pl, "ZF.jc.2026Q3", "ZF.JC", "平顶山市2026年第三季度双随机抽查结果公示", "2026-10-16", "inspection",
          (("平市监检〔2026〕31号", "平顶山某食品有限公司", "2026-09-18"),
           ("平市监检〔2026〕36号", "平顶山某餐饮管理有限公司", "2026-09-29")),
          publisher="平顶山市市场监督管理局", checks={"I57.b": "PASS (16 and 9 WD)"})

    # I90: per completed year a/b/c/d (the 2025 宪法宣誓 page answers slowly)
    for y, (a, b, c, dd) in {2024: ("2024-05-20", "2024-12-04", "2024-07-09", "2024-09-10"),
                             2025: ("2025-05-16", "2025-12-03", "2025-03-06", "2025-09-12")}.items():
        pl.add(f"I90.a.{y}", "PF", f"平顶山市{y}年“美好生活·民法典相伴”主题宣传月活动启动", a,
               "活动期间，全市各级各部门将开展民法典进社区、进企业、进校园等普法宣传活动，推动“谁执法谁普法”责任制落实。",
               publisher=j.sfj, checks={"I90.a": f"evidence {y}"})
        pl.add(f"I90.b.{y}", "PF", f"平顶山市举办{y}年“12·4”国家宪法日暨宪法宣传周集中宣传活动", b,
               f"12月4日是第{y - 2014}个国家宪法日。我市以“宪法宣传周”为契机，集中开展宪法学习宣传教育活动。",
               publisher=j.sfj, checks={"I90.b": f"evidence {y} (inside 11-24..12-20)"})
        pl.add(f"I90.c.{y}", "PF", f"{j.gov}举行新任命国家工作人员宪法宣誓仪式", c,
               "新任命的国家工作人员面向国旗、国徽，庄严宣誓，郑重作出对宪法的承诺。", publisher=j.office,
               via="slow" if y == 2025 else "", checks={"I90.c": f"evidence {y}"},
               note="answers after ~3 s (slow page)" if y == 2025 else "")
        pl.add(f"I90.d.{y}", "PF", "平顶山市“法治进校园”青少年法治宣传教育活动启动", dd,
               "活动以“学法守法 健康成长”为主题，组织法治副校长深入中小学开展青少年法治宣传教育。",
               publisher="平顶山市教育局", checks={"I90.d": f"evidence {y}"})

    # I98: 2023 on time; 2024 written in Q1 but published in April (成文 vs 发布 trap); 2025 on time
    report(pl, "I98.2023", "FZ", 2023, "2024-03-26", written="2024-03-20")
    report(pl, "I98.2024", "FZ", 2024, "2025-04-07", written="2025-03-28", verdict="FAIL",
           note="落款/成文 2025-03-28 (Q1) but 发布日期 2025-04-07: R_LATE")
    report(pl, "I98.2025", "FZ", 2025, "2026-03-30", written="2026-03-24", sign=cn_date(d("2026-03-24"), zero="○"),
           note="落款 in Chinese numerals with ○ (U+25CB) for zero: normalise before cn2an")
    pl.add("I98.npc", "zwyw", "市人大常委会关于听取和审议市人民政府2024年度法治政府建设情况报告的审议意见", "2025-06-20",
           "市十届人大常委会第二十次会议听取和审议了市人民政府关于2024年度法治政府建设情况的报告，现提出如下审议意见。",
           publisher=j.rd, checks={"I98.a": "decoy (人大 审议意见)"}, note="人大 notice naming the report: not the report")

    kaohe(pl, "FZ", ((2023, "2024-04-12"), (2024, "2025-04-10"), (2025, "2026-04-09")), ("2024-09-05", "2025-09-04"))
    return pl.docs


def plant_yexian(portal: PortalSpec) -> list[Doc]:
    pl = Plant(portal)
    j = pl.j
    depts = tuple(f"叶县{x}" for x in ("发展和改革委员会", "教育局", "财政局", "市场监督管理局", "司法局", "审计局"))
    i01(pl, codes=False, table_in_body=True, adjust="2024-05-10", published="2024-03-18")
    i02(pl, b=False)
    i03(pl, fee=False)
    i05(pl, value="2个工作日")
    i06(pl, items=None, batches=(("2024-08-12", 60, 0), ("2025-08-11", 50, 55)))
    i07(pl, depts, depts[:-1], consolidated=False)
    i08(pl, kind="")
    i09(pl, year=2024, c=False)
    i13(pl, a=False)
    i16(pl)
    i18(pl)
    i19(pl, b=False)
    i20(pl)
    i79(pl, c=False)
    i81(pl, "2024-08-15")
    i82(pl, b="")
    i88_89(pl, online="email", guide="partial", decision=None)
    i54(pl, day="2025-03-20", parts=("主体", "权限", "程序", "救济"))
    decoy_reports(pl, range(2019, 2026))

    # I25.b: older 规范性文件 (before the I27 window) in two of the three fields only
    for key, name, n, w, p, field_ in (("GFX.sanitation", "叶县城区市容和环境卫生管理办法", 6, "2021-04-12", "2021-04-16", "城乡建设与管理"),
                                       ("GFX.water", "叶县饮用水水源保护区管理办法", 9, "2022-08-22", "2022-08-26", "生态环境保护")):
        pl.add(key, "GFX", f"{j.gov}关于印发{name}的通知", p,
               *pl.notice_body(f"《{name}》已经县政府同意，现印发给你们，请认真贯彻执行。", "本办法自印发之日起施行，有效期5年。"),
               written=w, doc_number=pl.no("", int(w[:4]), n), publisher=j.gov, validity="有效", topic=field_,
               genre="办法", checks={"I25.b": field_, "I29.a": "inventory"})
    # I27 (+ I27.c): one market-related normative document with a 31-day draft
    pl.comment_notice("GFX.market.draft", "ZJ", "关于《叶县城区农贸市场经营管理办法（征求意见稿）》公开征求意见的公告",
                      "2025-04-21", "2025-04-21", "2025-05-21", subject="叶县城区农贸市场经营管理办法",
                      drafter="叶县市场监督管理局", checks={"I27.a": "PASS", "I27.c": "PASS"})
    pl.add("GFX.market", "GFX", f"{j.gov}关于印发叶县城区农贸市场经营管理办法的通知", "2025-06-30",
           *pl.notice_body("《叶县城区农贸市场经营管理办法》已经县政府同意，现印发给你们。",
                           "本办法规范农贸市场经营企业和入场经营户的经营行为，涉及市场主体生产经营活动。",
                           "本办法自印发之日起施行，有效期5年。"),
           written="2025-06-23", doc_number=pl.no("", 2025, 7), publisher=j.gov, validity="有效", topic="市场监管",
           genre="办法", checks={"I29.a": "inventory"})
    # I35: a 清理结果 more than 24 months old (a 通知 in 文件库, not itself a 规范性文件)
    pl.add("I35.result", "WJ", f"{j.gov}关于公布规范性文件清理结果的通知", "2024-06-20",
           *pl.notice_body("县政府对现行规范性文件进行了全面清理。", "经清理，废止规范性文件3件（叶政〔2013〕8号、叶政〔2014〕12号、"
                           "叶政办〔2015〕6号），其余继续有效。"),
           written="2024-06-14", doc_number=pl.no("", 2024, 11), publisher=j.gov, topic="综合政务", genre="通知",
           checks={"I35.a": "PASS", "I35.b": "REVIEW (R_STALE)"})
    # I36: 2024 and 2026 目录 (2025 missing); only the provincial 程序规定 republished
    catalogue(pl, 2024, "2024-04-02", ("编制《叶县县城供水专项规划（2024—2035年）》",))
    catalogue(pl, 2026, "2026-03-25", ("制定《叶县城区学校布局调整方案》",))
    pl.add("I36.b.province", "GK.FD", "河南省重大行政决策程序规定", "2024-03-15",
           "（转载）《河南省重大行政决策程序规定》已经省政府常务会议通过，现予公布。", publisher="河南省人民政府",
           doc_number="河南省人民政府令第210号", topic="重大行政决策", genre="规章",
           checks={"I36.b": "REVIEW (R_WRONG_JURISDICTION)"})
    decision_chain(pl, "JC.water", "叶县县城供水专项规划（2024—2035年）", 2024,
                   notice=("2024-05-13", "2024-05-13", "2024-06-16"), feedback="2024-07-01", decision="2024-09-02",
                   interp="2024-09-03")
    decision_chain(pl, "JC.school", "叶县城区学校布局调整方案", 2026,
                   notice=("2026-10-20", "2026-10-20", "2026-11-19"), feedback=None, decision=None, interp=None)

    # I57 / I89.a: two batch tables (on time) and two scans without a readable decision date
    batch(pl, "ZF.pen.2026-09", "ZF.CF", "叶县市场监督管理局2026年9月行政处罚信息公示", "2026-09-30", "penalty",
          (("叶市监罚〔2026〕41号", "叶县某超市", "2026-09-22"), ("叶市监罚〔2026〕44号", "叶县某药店", "2026-09-24")),
          publisher="叶县市场监督管理局", checks={"I57.a": "PASS (5 and 3 WD)", "I89.a": "table only"})
    batch(pl, "ZF.pen.2026-10", "ZF.CF", "叶县市场监督管理局2026年10月行政处罚信息公示", "2026-11-04", "penalty",
          (("叶市监罚〔2026〕52号", "叶县某餐馆", "2026-10-28"), ("叶市监罚〔2026〕55号", "叶县某商行", "2026-10-30")),
          publisher="叶县市场监督管理局", checks={"I57.a": "PASS (5 and 3 WD)", "I89.a": "table only"})
    penalty(pl, "ZF.scan.1", "ZF.CF", "叶县城市管理局", "叶城管罚字〔2026〕15号", "2026-08-14", "2026-08-20", scanned=True)
    penalty(pl, "ZF.scan.2", "ZF.CF", "叶县卫生健康委员会", "叶卫罚〔2026〕9号", "2026-10-08", "2026-10-12", scanned=True)

    # I90: the 2025 宪法宣传周 item came out after the window; no 宪法宣誓 item at all
    for y, (a, b, dd) in {2024: ("2024-05-22", "2024-12-04", "2024-09-12"),
                          2025: ("2025-05-19", "2025-12-25", "2025-09-15")}.items():
        pl.add(f"I90.a.{y}", "PF", f"叶县开展{y}年“民法典宣传月”普法宣传活动", a,
               "活动期间，县司法局组织普法志愿者深入乡镇开展法治宣传。", publisher=j.sfj, checks={"I90.a": f"evidence {y}"})
        pl.add(f"I90.b.{y}", "PF", "叶县开展“12·4”国家宪法日宣传活动", b,
               "围绕国家宪法日，县司法局在县城广场开展宪法宣传活动。", publisher=j.sfj,
               checks={"I90.b": f"evidence {y}" if y == 2024 else "outside the 11-24..12-20 window"})
        pl.add(f"I90.d.{y}", "PF", f"叶县“法治进校园”青少年法治宣传教育活动走进{'昆阳' if y == 2024 else '仙台'}中学", dd,
               "法治副校长以案释法，为学生讲授青少年法治教育课。", publisher=j.sfj, checks={"I90.d": f"evidence {y}"})

    # I98: 2023 list/detail date conflict, 2024 万载-style <meta PubDate> trap, 2025 only in the 503 column
    report(pl, "I98.2023", "GK.FD", 2023, "2024-04-02", written="2024-03-25", list_date="2024-03-27", verdict="REVIEW",
           note="list page says 2024-03-27, the page itself 2024-04-02: R_DATE_CONFLICT deciding the verdict")
    report(pl, "I98.2024", "GK.FD", 2024, "2025-03-20", written="2025-03-14", sign=cn_date(d("2025-03-14")),
           meta_pubdate=dt.datetime(2025, 4, 24, 10, 0, 43),
           note="visible 发布时间 2025-03-20; <meta name=PubDate> 2025-04-24 is the page regeneration time")
    report(pl, "I98.2025", "FZ", 2025, "2026-03-25", written="2026-03-19", verdict="PASS once FZ answers",
           note="inside the 依法行政 column, which answers 503 until fix yexian-fz-restored")
    # I100 lives only in the 503 column
    kaohe(pl, "FZ", ((2023, "2024-04-16"), (2024, "2025-04-15"), (2025, "2026-04-14")), ("2024-09-10", "2025-09-09"))
    return pl.docs


def plant_baofeng(portal: PortalSpec) -> list[Doc]:
    pl = Plant(portal)
    j = pl.j
    depts = tuple(f"宝丰县{x}" for x in ("发展和改革委员会", "教育局", "财政局", "市场监督管理局", "司法局", "城市管理局"))
    i01(pl, both=False, limit=False)
    i02(pl, a=False)
    i03(pl, c=False)
    i05(pl, value="8个工作日")
    i06(pl, scanned=True)
    i07(pl, depts, depts, gg=False)
    i08(pl)
    i09(pl)
    i13(pl, black="2025-06-30")
    i16(pl, publish="2026-11-20", fix="baofeng-zhengwu-chengxin")
    i18(pl, a2=False)
    i19(pl)
    i20(pl)
    i79(pl, a=False)
    i81(pl, None)
    i82(pl, b="plan")
    i88_89(pl, online="", decision="2026-07-20")
    i54(pl, day="2026-02-10", scanned=True)
    decoy_reports(pl, range(2019, 2026))
    pl.add("I17.decoy", "WJ", f"{j.gov}关于宝丰县城区国有土地上房屋征收补偿方案的公告", "2025-05-12",
           "为保障城市基础设施建设，对城区部分国有土地上房屋实施征收，现将房屋征收补偿方案予以公告。",
           publisher=j.gov, checks={"I17.a": "decoy (房屋征收补偿 is excluded)"})

    # I25.b: older field documents; I27: one without a draft, one urgent, one compliant (the I36.b rule)
    for key, name, n, w, p, field_ in (("GFX.green", "宝丰县城市绿化管理办法", 5, "2020-05-11", "2020-05-15", "城乡建设与管理"),
                                       ("GFX.relics", "宝丰县文物保护管理办法", 8, "2019-10-08", "2019-10-11", "历史文化保护")):
        pl.add(key, "GFX", f"{j.gov}关于印发{name}的通知", p,
               *pl.notice_body(f"《{name}》已经县政府同意，现印发给你们。", "本办法自印发之日起施行，有效期5年。"),
               written=w, doc_number=pl.no("", int(w[:4]), n), publisher=j.gov, validity="有效", topic=field_,
               genre="办法", checks={"I25.b": field_, "I29.a": "inventory"},
               attachments=(A(f"{name}.ofd", "ofd", (name, "第一条 为加强管理，制定本办法。", "第二条 本办法适用于本县行政区域。")),)
               if key == "GFX.relics" else ())
    pl.add("GFX.dogs", "GFX", f"{j.gov}关于印发宝丰县城区养犬管理规定的通知", "2025-08-18",
           *pl.notice_body("《宝丰县城区养犬管理规定》已经县政府同意，现印发给你们。",
                           "养犬人应当办理养犬登记，遵守限制性规定，违反规定的依法予以处罚。", "本规定自2025年9月1日起施行。"),
           written="2025-08-12", doc_number=pl.no("", 2025, 9), publisher=j.gov, validity="有效", topic="综合政务",
           genre="规定", checks={"I27.a": "FAIL (R_NOT_FOUND: high impact, no draft)", "I29.a": "inventory"})
    pl.comment_notice("GFX.fireworks.draft", "ZJ", "关于《宝丰县烟花爆竹燃放管理规定（征求意见稿）》公开征求意见的公告",
                      "2026-01-05", "2026-01-05", "2026-01-09", subject="宝丰县烟花爆竹燃放管理规定",
                      drafter="宝丰县应急管理局",
                      tail=("因春节临近、情况紧急，本次征求意见时间缩短为5个工作日。",),
                      checks={"I27.a": "REVIEW (R_SHORTENED_EXPLAINED)"})
    pl.add("GFX.fireworks", "GFX", f"{j.gov}关于印发宝丰县烟花爆竹燃放管理规定的通知", "2026-01-20",
           *pl.notice_body("《宝丰县烟花爆竹燃放管理规定》已经县政府同意，现印发给你们。", "本规定自印发之日起施行。"),
           written="2026-01-15", doc_number=pl.no("", 2026, 2), publisher=j.gov, validity="有效", topic="生态环境保护",
           genre="规定", checks={"I25.b": "生态环境保护", "I29.a": "inventory"})
    pl.comment_notice("GFX.procedure.draft", "ZJ", "关于《宝丰县重大行政决策程序实施办法（征求意见稿）》公开征求意见的公告",
                      "2024-04-08", "2024-04-08", "2024-05-08", subject="宝丰县重大行政决策程序实施办法",
                      drafter=j.sfj, checks={"I27.a": "PASS"})
    pl.add("GFX.procedure", "GFX", f"{j.gov}关于印发宝丰县重大行政决策程序实施办法的通知", "2024-06-17",
           *pl.notice_body("《宝丰县重大行政决策程序实施办法》已经县政府常务会议研究通过，现印发给你们。",
                           "办法明确决策机关和决策事项范围，规定公众参与、专家论证、风险评估、合法性审查、集体讨论决定等法定程序，"
                           "以及违反程序的法律责任。", "本办法自印发之日起施行，有效期5年。"),
           written="2024-06-11", doc_number=pl.no("", 2024, 6), publisher=j.gov, validity="有效", topic="重大行政决策",
           genre="办法", checks={"I36.b": "PASS", "I29.a": "inventory"})

    post_evaluations(pl, "FZ", ("2016-11-15", "2019-10-22", "2021-06-15", "2023-09-19", "2025-07-15"))
    catalogue(pl, 2024, "2024-03-28", ("实施《宝丰县城区污水处理厂扩建工程实施方案》",))
    catalogue(pl, 2025, "2025-04-10", (), none=True)
    catalogue(pl, 2026, "2026-03-30", ("制定《宝丰县农村供水一体化实施方案》",))
    decision_chain(pl, "JC.sewage", "宝丰县城区污水处理厂扩建工程实施方案", 2024,
                   notice=("2024-06-03", "2024-06-03", "2024-06-17"), feedback="2024-07-05", decision="2024-09-10",
                   interp=None, urgent="因项目建设时间紧迫、情况紧急，征求意见期限缩短为15日。",
                   expect={"I39.a": "REVIEW"})
    decision_chain(pl, "JC.water", "宝丰县农村供水一体化实施方案", 2026,
                   notice=("2026-04-01", "2026-04-01", "2026-05-10"), feedback="2026-05-28", decision="2026-09-01",
                   interp="2026-09-02")

    # I57 / I89.a: a monthly batch makes an early-month penalty late; a full text without the 复议告知
    batch(pl, "ZF.pen.2026-10", "ZF.CF", "宝丰县2026年10月行政处罚信息公示", "2026-11-05", "penalty",
          (("宝市监罚〔2026〕31号", "宝丰县某食品店", "2026-10-09"), ("宝市监罚〔2026〕35号", "宝丰县某建材店", "2026-10-28")),
          publisher="宝丰县市场监督管理局", checks={"I57.a": "FAIL (20 WD) / PASS (6 WD)"})
    penalty(pl, "ZF.pen.full", "ZF.CF", "宝丰县城市管理局", "宝城管罚决字〔2026〕18号", "2026-09-14", "2026-09-18",
            notice="", checks={"I57.a": "PASS (4 WD)", "I89.a": "FAIL (no 复议告知)"})
    batch(pl, "ZF.lic.2026-10", "ZF.XK", "宝丰县2026年10月行政许可信息公示", "2026-11-02", "license",
          (("宝审许〔2026〕211号", "宝丰县某养殖专业合作社", "2026-10-27"),),
          publisher="宝丰县政务服务和大数据管理局", checks={"I57.a": "PASS (4 WD)"})
    pl.add("ZF.other.none", "ZF.JC", "宝丰县2026年第三季度行政强制信息公示", "2026-10-10", "本季度无行政强制案件。",
           publisher="宝丰县市场监督管理局", topic="行政执法", genre="公示",
           checks={"I57.b": "PASS (R_NO_CASE_STATEMENT)"})

    for y, (a, b, c) in {2024: ("2024-05-21", "2024-12-04", "2024-06-18"),
                         2025: ("2025-05-20", "2025-12-04", "2025-02-25")}.items():
        pl.add(f"I90.a.{y}", "PF", f"宝丰县开展{y}年“法律进乡村”普法宣传活动", a,
               "县司法局组织普法讲师团深入乡村开展法治宣传。", publisher=j.sfj, checks={"I90.a": f"evidence {y}"})
        pl.add(f"I90.b.{y}", "PF", f"宝丰县举办{y}年“宪法宣传周”主题活动", b,
               "以“弘扬宪法精神”为主题开展国家宪法日集中宣传。", publisher=j.sfj, checks={"I90.b": f"evidence {y}"})
        pl.add(f"I90.c.{y}", "PF", "宝丰县人大常委会举行宪法宣誓仪式", c,
               "新任命的国家工作人员进行宪法宣誓。", publisher=j.rd, checks={"I90.c": f"evidence {y}"})
    pl.add("I90.d.2024", "PF", "宝丰县开展青少年法治宣传教育“开学第一课”活动", "2024-09-03",
           "法治副校长走进校园，为中小学生讲授法治教育课。", publisher=j.sfj, checks={"I90.d": "evidence 2024 (2025 missing)"})

    report(pl, "I98.2023", "FZ", 2023, "2024-03-29", written="2024-03-22")
    report(pl, "I98.2024", "FZ", 2024, "2025-03-31", written="2025-03-25",
           attachments=(A("2024年度法治政府建设情况报告（扫描件）.pdf", "pdf_scan", disposition="rfc5987"),),
           note="published on the deadline day; the full text only as a scan")
    report(pl, "I98.2025.fix", "FZ", 2025, "2026-03-27", written="2026-03-20", fix="baofeng-report-2025",
           verdict="PASS on a fresh run; REVIEW R_BACKDATE_SUSPECT with crawl history",
           note="appears only with fix baofeng-report-2025, claiming 发布日期 2026-03-27 (back-dated)")
    kaohe(pl, "FZ", ((2023, "2024-04-15"),), ("2024-09-12", "2025-09-11"))
    return pl.docs


def plant_weidong(portal: PortalSpec) -> list[Doc]:
    pl = Plant(portal)
    j = pl.j
    depts = tuple(f"卫东区{x}" for x in ("发展和改革委员会", "教育体育局", "财政局", "市场监督管理局", "司法局"))
    i01(pl, adjust=None)
    i02(pl)
    i03(pl, a=False)
    i05(pl, a=False, value="1个工作日", registration_only=True)
    i06(pl, items=80)
    i07(pl, depts, depts, version="2024-03-20", adjust=None)
    i08(pl, kind="national")
    i09(pl, b=False)
    i13(pl, black=None, court_only=True)
    i16(pl)
    i18(pl, b="2017-08-16")
    i19(pl)
    i20(pl, kind="goods")
    i79(pl)
    i81(pl, "2026-02-26")
    i82(pl)
    i88_89(pl, decision="2025-06-18")
    i54(pl, day="2026-04-08")
    decoy_reports(pl, range(2019, 2026))

    # I29.a known-missing: a 2023 document cites 卫政〔2021〕5号, which is nowhere on the site
    pl.add("GFX.cites-missing", "GFX", f"{j.gov}关于印发卫东区占道施工管理实施细则的通知", "2023-05-26",
           *pl.notice_body("根据《卫东区城市道路挖掘管理办法》（卫政〔2021〕5号）有关规定，区政府制定了本细则，现印发给你们。",
                           "本细则自印发之日起施行，有效期5年。"),
           written="2023-05-22", doc_number=pl.no("", 2023, 7), publisher=j.gov, validity="有效", topic="城乡建设与管理",
           genre="细则", checks={"I29.a": "FAIL: cites 卫政〔2021〕5号 which is not online",
                               "I30.a": "FAIL (same evidence as I29.a)", "I25.b": "城乡建设与管理"})
    for key, name, n, w, p, field_ in (("GFX.dust", "卫东区扬尘污染防治实施细则", 4, "2022-03-14", "2022-03-18", "生态环境保护"),
                                       ("GFX.relics", "卫东区文物保护利用实施办法", 8, "2020-09-07", "2020-09-11", "历史文化保护")):
        pl.add(key, "GFX", f"{j.gov}关于印发{name}的通知", p,
               *pl.notice_body(f"《{name}》已经区政府同意，现印发给你们。", "本文件自印发之日起施行，有效期5年。"),
               written=w, doc_number=pl.no("", int(w[:4]), n), publisher=j.gov, validity="有效", topic=field_,
               genre="办法", checks={"I25.b": field_, "I29.a": "inventory"})
    pl.comment_notice("GFX.towers.draft", "yjzj", "关于《卫东区促进楼宇经济发展若干措施（征求意见稿）》公开征求意见的公告",
                      "2026-04-13", "2026-04-13", "2026-04-21", subject="卫东区促进楼宇经济发展若干措施",
                      drafter="卫东区发展和改革委员会", checks={"I27.a": "REVIEW (R_BORDERLINE 7/6)", "I27.c": "FAIL"})
    pl.add("GFX.towers", "GFX", f"{j.gov}关于印发卫东区促进楼宇经济发展若干措施的通知", "2026-05-25",
           *pl.notice_body("《卫东区促进楼宇经济发展若干措施》已经区政府同意，现印发给你们。",
                           "对新入驻楼宇的企业给予租金补贴，支持楼宇产业集聚和企业经营发展。", "本措施自印发之日起施行，有效期3年。"),
           written="2026-05-18", doc_number=pl.no("", 2026, 3), publisher=j.gov, validity="有效", topic="经济发展",
           genre="措施", checks={"I29.a": "inventory"})
    # I35: a 清理结果 征求意见稿 first (not yet a result), then the result
    pl.add("I35.draft", "yjzj", "关于《卫东区规范性文件清理结果（征求意见稿）》公开征求意见的公告", "2026-05-12",
           "区司法局对现行区政府规范性文件进行了清理，形成清理结果征求意见稿，现公开征求意见。", publisher=j.sfj,
           checks={"I35.a": "not a result yet"})
    pl.add("I35.result", "WJ", f"{j.gov}关于公布规范性文件清理结果的通知", "2026-07-08",
           *pl.notice_body("区政府对现行规范性文件进行了全面清理。", "经清理，废止规范性文件2件（卫政〔2012〕3号、卫政〔2014〕6号），其余继续有效。"),
           written="2026-07-01", doc_number=pl.no("", 2026, 9), publisher=j.gov, topic="综合政务", genre="通知",
           checks={"I35.a": "PASS", "I35.b": "PASS"})
    post_evaluations(pl, "FZ", ("2017-05-16", "2021-05-18", "2023-05-23", "2025-05-20"))
    catalogue(pl, 2024, "2024-03-15", ("实施《卫东区老旧小区改造三年行动方案》",))
    catalogue(pl, 2025, "2025-03-18", ("制定《卫东区智慧停车系统建设方案》",))
    catalogue(pl, 2026, "2026-03-17", ("制定《卫东区社区养老服务中心建设方案》",))
    decision_chain(pl, "JC.oldhomes", "卫东区老旧小区改造三年行动方案", 2024,
                   notice=("2024-04-01", "2024-04-01", "2024-05-06"), feedback="2024-05-20", decision="2024-07-01",
                   interp="2024-07-02")
    decision_chain(pl, "JC.parking", "卫东区智慧停车系统建设方案", 2025, notice=None, feedback=None,
                   decision="2025-08-12", interp="2025-08-13", expect={"I39.a": "FAIL (R_NOT_FOUND)"})
    decision_chain(pl, "JC.elderly", "卫东区社区养老服务中心建设方案", 2026,
                   notice=("2026-03-09", "2026-03-09", "2026-04-10"), feedback="2026-04-30", decision="2026-06-15",
                   interp="2026-06-16")

    penalty(pl, "ZF.pen.1", "ZF.CF", "卫东区城市管理局", "卫城管罚〔2026〕22号", "2026-10-13", "2026-10-16", notice="60日")
    penalty(pl, "ZF.pen.2", "ZF.CF", "卫东区市场监督管理局", "卫市监罚〔2026〕57号", "2026-06-08", "2026-06-12", notice="60日")
    batch(pl, "ZF.lic.130", "ZF.XK", "卫东区行政许可决定公示（卫审许〔2026〕130号）", "2026-11-05", "license",
          (("卫审许〔2026〕130号", "卫东区某餐饮店", "2026-11-02"),), publisher="卫东区政务服务和大数据管理局",
          checks={"I57.a": "PASS (3 WD)"})
    batch(pl, "ZF.jc.2026H1", "ZF.JC", "卫东区2026年上半年餐饮行业专项检查结果公示", "2026-08-05", "inspection",
          (("卫市监检〔2026〕12号", "卫东区某餐饮管理有限公司", "2026-07-01"),), publisher="卫东区市场监督管理局",
          checks={"I57.b": "FAIL (25 WD)"})

    for y, (a, b, c, dd) in {2024: ("2024-05-17", "2024-12-02", "2024-01-23", "2024-09-06"),
                             2025: ("2025-05-15", "2025-12-05", "2025-01-21", "2025-09-05")}.items():
        pl.add(f"I90.a.{y}", "PF", f"卫东区开展{y}年“法治宣传进社区”活动", a, "区司法局组织律师进社区开展普法宣传。",
               publisher=j.sfj, checks={"I90.a": f"evidence {y}"})
        pl.add(f"I90.b.{y}", "PF", "卫东区开展“宪法宣传周”系列活动", b, "围绕12·4国家宪法日开展宪法宣传。",
               publisher=j.sfj, checks={"I90.b": f"evidence {y}"})
        pl.add(f"I90.c.{y}", "PF", "卫东区举行宪法宣誓仪式", c, "新任命国家工作人员向宪法宣誓。", publisher=j.office,
               checks={"I90.c": f"evidence {y}"})
        pl.add(f"I90.d.{y}", "PF", "卫东区青少年法治教育基地开展法治宣传活动", dd, "组织中小学生参观青少年法治教育基地。",
               publisher=j.sfj, checks={"I90.d": f"evidence {y}"})

    report(pl, "I98.2023", "FZ", 2023, "2024-03-15", written="2024-03-08")
    report(pl, "I98.2024", "FZ", 2024, "2025-04-10", written="2025-03-27", verdict="FAIL",
           note="gkmlpt shows 成文日期 2025-03-27 next to 发布日期 2025-04-10: R_LATE")
    report(pl, "I98.2025", "FZ", 2025, "2025-12-29", written="2025-12-24",
           note="published in December of the report year itself: early publication is fine")
    kaohe(pl, "FZ", ((2023, "2024-04-09"), (2024, "2025-04-08"), (2025, "2026-04-07")), ())
    pl.add("I100.npc", "wdyw", "卫东区人大常委会关于开展法治政府建设情况专题调研的通知", "2025-06-10",
           "区人大常委会决定于6月中下旬对区政府法治政府建设情况开展专题调研，请各有关单位做好准备。",
           publisher=j.rd, checks={"I100.b": "decoy (人大 调研 notice)"}, note="人大, not a government 检查考评")
    return pl.docs


def plant_sfj(portal: PortalSpec) -> list[Doc]:
    pl = Plant(portal)
    j = pl.j
    me = j.sfj
    pl.add("I07.qz", "QZ", f"{me}权责清单（2024年版）", "2024-03-15",
           f"现将{me}权责清单予以公布，清单逐项明确事项名称、设定依据、实施主体、监督方式、责任事项。",
           table=qz_list(j, (me,)), publisher=me, topic="机构职能", genre="清单",
           checks={"I07.a": "PASS", "I07.d": "REVIEW (R_STALE: 2024-03 version only)"})
    pl.add("I07.gg", "QZ", f"{me}公共服务事项清单", "2024-03-15", "现将本机关公共服务事项清单予以公布。",
           table=public_service_list(j, (me,)), publisher=me, topic="机构职能", genre="清单", checks={"I07.c": "PASS"})
    pl.add("I81.a", "GK.ZN", f"{me}政务公开事项标准目录（2026年版）", "2026-01-16",
           "现将本机关政务公开事项标准目录予以公布，并实行动态更新。", table=disclosure_catalogue(j), publisher=me,
           topic="政务公开", genre="目录", checks={"I81.a": "PASS", "I81.b": "PASS"})
    pl.add("I82.a", "XW", f"{me}新闻发言人制度", "2024-05-13", "第一条 为做好新闻发布工作，本机关建立新闻发言人制度。",
           publisher=me, topic="新闻发布", genre="制度", checks={"I82.a": "PASS"})
    decoy_reports(pl, range(2019, 2026), issuer=me, deadline_month=1)

    pl.comment_notice("GFX.legalaid.draft", "lfzqyj", "关于《平顶山市法律援助经济困难标准规定（征求意见稿）》公开征求意见的公告",
                      "2025-05-06", "2025-05-06", "2025-05-16", subject="平顶山市法律援助经济困难标准规定", drafter=me,
                      checks={"I27.a": "PASS (9 WD)"})
    pl.add("GFX.legalaid", "GFX", f"{me}关于印发平顶山市法律援助经济困难标准规定的通知", "2025-06-16",
           "各县（市、区）司法局，局机关各科室：", "《平顶山市法律援助经济困难标准规定》已经局党组会议研究通过，现印发给你们。",
           "本规定自2025年7月1日起施行，有效期5年。", written="2025-06-10", doc_number="平司规〔2025〕1号", publisher=me,
           validity="有效", topic="法律援助", genre="规定", checks={"I29.a": "inventory"})
    post_evaluations(pl, "FZ", ("2024-09-24", "2026-04-21"), issuer=me)
    catalogue(pl, 2025, "2025-03-14", ("编制《平顶山市公共法律服务体系建设规划（2025—2030年）》",), issuer=me)
    catalogue(pl, 2026, "2026-03-10", ("制定《平顶山市法律援助便民服务实施方案》",), issuer=me)
    decision_chain(pl, "JC.plan", "平顶山市公共法律服务体系建设规划（2025—2030年）", 2025,
                   notice=("2025-04-07", "2025-04-07", "2025-05-09"), feedback="2025-05-26", decision="2025-07-01",
                   interp="2025-07-02", issuer=me)
    decision_chain(pl, "JC.legalaid", "平顶山市法律援助便民服务实施方案", 2026,
                   notice=("2026-05-06", "2026-05-06", "2026-06-08"), feedback="2026-06-25", decision="2026-08-03",
                   interp="2026-08-04", issuer=me)
    i54(pl, day="2026-05-12")
    penalty(pl, "ZF.pen.1", "ZF.CF", me, "平司罚决字〔2026〕3号", "2026-07-14", "2026-07-17")
    pl.add("ZF.pen.none", "ZF.CF", f"{me}2026年10月行政处罚信息公示", "2026-11-03", "本月无行政处罚案件。", publisher=me,
           topic="行政执法", genre="公示", checks={"I57.a": "no-case statement"})
    batch(pl, "ZF.lic.2026-10", "ZF.XK", f"{me}2026年10月行政许可信息公示", "2026-10-23", "license",
          (("平司许〔2026〕47号", "河南某律师事务所平顶山分所", "2026-10-20"),), publisher=me, checks={"I57.a": "PASS (3 WD)"})

    for y, (a, b, c, dd) in {2024: ("2024-05-13", "2024-12-04", "2024-03-21", "2024-10-15"),
                             2025: ("2025-05-12", "2025-12-04", "2025-03-20", "2025-10-14")}.items():
        pl.add(f"I90.a.{y}", "PF", f"市司法局部署{y}年“谁执法谁普法”普法责任制工作", a, "全面落实普法责任制，开展法治宣传教育。",
               publisher=me, checks={"I90.a": f"evidence {y}"})
        pl.add(f"I90.b.{y}", "PF", f"市司法局组织开展{y}年国家宪法日集中宣传活动", b, "在宪法宣传周期间组织宪法进机关、进社区活动。",
               publisher=me, checks={"I90.b": f"evidence {y}"})
        pl.add(f"I90.c.{y}", "PF", "市司法局组织新任职干部进行宪法宣誓", c, "新任职干部庄严宣誓。", publisher=me,
               checks={"I90.c": f"evidence {y}"})
        pl.add(f"I90.d.{y}", "PF", "市司法局开展“法治护航青少年成长”宣传活动", dd, "组织法律服务工作者走进校园开展青少年法治教育。",
               publisher=me, checks={"I90.d": f"evidence {y}"})

    report(pl, "I98.2023", "FZ", 2023, "2024-02-05", written="2024-01-30", issuer=me,
           title=f"{me}关于2023年度法治政府建设工作情况的报告", doc_number="平司〔2024〕6号")
    report(pl, "I98.2024", "FZ", 2024, "2025-03-31", written="2025-03-26", issuer=me,
           title=f"{me}关于2024年度法治政府建设工作情况的报告", doc_number="平司〔2025〕9号",
           note="published on the deadline day (inclusive)")
    report(pl, "I98.2025", "FZ", 2025, "2026-02-10", written="2026-02-04", issuer=me,
           title=f"{me}2025年度依法行政工作总结", doc_number="平司〔2026〕4号", verdict="REVIEW",
           note="weak title (依法行政工作总结) → REVIEW")
    return pl.docs


PLANTERS = {"pds": plant_pds, "yexian": plant_yexian, "baofeng": plant_baofeng, "weidong": plant_weidong,
            "pds-sfj": plant_sfj}

FIXES = (
    FixSpec("pds-spokesperson", "pds", "publish the 新闻发言人制度 in the public 新闻发布会 column (it was only under "
            "/private/, which robots.txt disallows)", (("I82.a", "FAIL", "PASS"),)),
    FixSpec("baofeng-zhengwu-chengxin", "baofeng", "publish the 政务诚信建设 工作方案 (dated the audit day)",
            (("I16.a", "FAIL", "PASS"),)),
    FixSpec("baofeng-report-2025", "baofeng", "publish the missing 2025 法治政府建设 report with a claimed 发布日期 of "
            "2026-03-27: PASS on a fresh database, REVIEW R_BACKDATE_SUSPECT when the earlier crawl saw the column "
            "without it (rules_spec §5.3.6)", (("I98.a", "FAIL", "PASS"),)),
    FixSpec("yexian-fz-restored", "yexian", "the 依法行政 column stops answering 503, exposing its documents",
            (("I100.a", "REVIEW", "PASS"), ("I100.b", "REVIEW", "PASS"), ("I33.a", "REVIEW", "FAIL"),
             ("I33.b", "REVIEW", "FAIL"), ("I98.a", "REVIEW", "REVIEW"))),
)
