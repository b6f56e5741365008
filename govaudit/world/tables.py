"""Tabular content of planted documents: 清单 sheets, batch 公示 tables, 目录 items (deterministic)."""

from __future__ import annotations

from govaudit.world.model import Juris

Rows = tuple[tuple[str, ...], ...]

LICENSE_ITEMS = ("建设工程规划许可", "建筑工程施工许可", "食品经营许可", "药品零售企业许可", "公共场所卫生许可",
                 "道路货物运输经营许可", "民办学校办学许可", "城市大型户外广告设置许可", "取水许可", "排水许可",
                 "燃气经营许可", "出版物零售单位设立许可", "娱乐场所经营许可", "拖拉机驾驶证核发")
AGENCIES = ("自然资源和规划局", "住房和城乡建设局", "市场监督管理局", "卫生健康委员会", "交通运输局", "教育局",
            "城市管理局", "水利局", "文化广电和旅游局", "农业农村局")


def license_list(j: Juris, *, codes: bool = True, both_limits: bool = True) -> Rows:
    """行政许可事项清单: 序号/事项编码/事项名称/实施机关/设定依据/法定办结时限/承诺办结时限."""
    head = ["序号"] + (["事项编码"] if codes else []) + ["事项名称", "实施机关", "设定依据", "法定办结时限"]
    if both_limits:
        head.append("承诺办结时限")
    level = j.name[-1]
    rows = [tuple(head)]
    for i, item in enumerate(LICENSE_ITEMS, start=1):
        legal = 20 if i % 3 else 15
        row = [str(i)] + ([f"{j.code}-XK-{i:03d}"] if codes else []) + [
            item, f"{level}{AGENCIES[i % len(AGENCIES)]}", "《中华人民共和国行政许可法》及相关法律法规", f"{legal}个工作日"]
        if both_limits:
            row.append(f"{max(1, legal * 2 // 5)}个工作日")
        rows.append(tuple(row))
    return tuple(rows)


def intermediary_list(j: Juris, *, with_fee: bool = True) -> Rows:
    head = ["序号", "中介服务事项名称", "涉及的审批事项", "办理时限", "工作流程", "申报条件"] + (["收费标准"] if with_fee else [])
    items = (("建设项目环境影响报告编制", "建设项目环境影响评价审批"), ("地质灾害危险性评估", "建设用地预审"),
             ("水土保持方案编制", "生产建设项目水土保持方案审批"), ("施工图审查", "建筑工程施工许可"),
             ("房产测绘", "不动产登记"), ("消防设施检测", "公众聚集场所投入使用营业前消防安全检查"))
    rows = [tuple(head)]
    for i, (name, approval) in enumerate(items, start=1):
        row = [str(i), name, approval, f"{10 + i}个工作日", "委托—受理—技术审查—出具报告", "具备相应资质的中介机构"]
        if with_fee:
            row.append("实行市场调节价" if i % 2 else "不收费")
        rows.append(tuple(row))
    return tuple(rows)


HIGH_FREQ = ("个体工商户设立登记", "企业设立登记", "食品经营许可", "不动产登记", "城乡居民养老保险参保登记", "出生医学证明",
             "居民身份证换领", "机动车驾驶证换证", "公积金提取", "社会保障卡补换", "残疾人证办理", "婚姻登记",
             "户口迁移", "医保关系转移", "失业登记", "就业创业证申领", "药品零售许可", "建筑工程施工许可",
             "燃气经营许可", "排水许可")


def high_freq_list(n: int, start: int = 0) -> Rows:
    """「最多跑一次」事项: n distinct names from `start` (names beyond the base list get a numbered variant)."""
    rows = [("序号", "事项名称", "实施部门", "办理方式", "跑动次数")]
    for k in range(start, start + n):
        base = HIGH_FREQ[k % len(HIGH_FREQ)]
        name = base if k < len(HIGH_FREQ) else f"{base}（情形{k // len(HIGH_FREQ) + 1}）"
        rows.append((str(k - start + 1), name, AGENCIES[k % len(AGENCIES)], "网上办、窗口办", "最多跑一次"))
    return tuple(rows)


def qz_list(j: Juris, depts: tuple[str, ...]) -> Rows:
    """Consolidated 权责清单: the five elements of I07 as columns, rows for every department."""
    rows = [("序号", "部门", "事项名称", "事项类型", "设定依据", "实施主体", "监督方式", "责任事项")]
    kinds = ("行政许可", "行政处罚", "行政检查", "行政确认")
    n = 0
    for dept in depts:
        for k in range(3):
            n += 1
            rows.append((str(n), dept, f"{dept.replace(j.name, '')}{kinds[k]}事项{k + 1}", kinds[k],
                         "相关法律法规规章", dept, f"{j.name}12345热线、{j.sfj}行政执法监督", "受理、审查、决定、送达、事后监管"))
    return tuple(rows)


def public_service_list(j: Juris, depts: tuple[str, ...]) -> Rows:
    rows = [("序号", "部门", "公共服务事项名称", "服务对象", "办理依据", "办理时限")]
    for i, dept in enumerate(depts, start=1):
        rows.append((str(i), dept, f"{dept.replace(j.name, '')}政策咨询服务", "自然人、法人", "相关法律法规", "即办"))
    return tuple(rows)


def fee_list(j: Juris, year: int) -> Rows:
    return (("序号", "项目名称", "收费依据", "收费标准", "执收单位"),
            ("1", "不动产登记费", "财税〔2016〕79号", "住宅类每件80元", f"{j.name}自然资源和规划局"),
            ("2", "污水处理费", "豫发改价管〔2022〕5号", "居民0.95元/立方米", f"{j.name}城市管理局"),
            ("3", "考试考务费", "豫发改收费〔2023〕8号", "按省定标准执行", f"{j.name}人力资源和社会保障局"),
            ("4", "土地复垦费", "豫政〔2019〕12号", "按省定标准执行", f"{j.name}自然资源和规划局"),
            ("说明", f"本目录清单为{year}年版，目录清单之外一律不得收费", "", "", ""))


def blacklist(j: Juris, listed: str) -> Rows:
    return (("序号", "失信主体名称", "统一社会信用代码", "失信行为", "认定部门", "列入日期"),
            ("1", f"{j.name}某建材有限公司", "91410400MA44XXXX1K", "拖欠农民工工资", f"{j.name}人力资源和社会保障局", listed),
            ("2", f"{j.name}某商贸有限公司", "91410400MA45XXXX2P", "违法失信经营", f"{j.name}市场监督管理局", listed),
            ("3", f"{j.name}某运输有限公司", "91410400MA46XXXX3Q", "严重违法超限运输", f"{j.name}交通运输局", listed))


def disclosure_catalogue(j: Juris) -> Rows:
    return (("序号", "公开事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象"),
            ("1", "政府文件", "规章和行政规范性文件", "《政府信息公开条例》第二十条", "信息形成之日起20个工作日内", j.office,
             "政府网站", "全社会"),
            ("2", "重大行政决策", "决策事项目录、决策结果", "《重大行政决策程序暂行条例》", "决策作出之日起20个工作日内",
             j.office, "政府网站", "全社会"),
            ("3", "行政执法", "执法主体、依据、程序、结果", "国办发〔2018〕118号", "7/20个工作日内", "各执法部门",
             "政府网站", "全社会"))
