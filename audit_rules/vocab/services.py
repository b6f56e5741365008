"""Keyword sets of the 放管服 / 营商环境 items I01–I20 (rules_spec §6 `Find` blocks). Data, not logic."""

from __future__ import annotations

from audit_rules.machinery.find import Lexicon

# Drafts out for comment (「…（征求意见稿）」, 「关于公开征求…意见的公告」) are not the published document: the
# lexicons of published lists and documents below exclude 「征求」.

# ------------------------------------------------------------------ I01 行政审批（许可）事项清单

# The name changed in 2022 (国办发〔2022〕2号): 行政审批事项 → 行政许可事项. A 政务服务事项 list also holds
# 公共服务 items, so it is weaker evidence of the 审批 list (REVIEW); 证明事项 (I04) and 公共服务事项清单 (I07)
# are different lists.
I01_LIST = Lexicon(
    title_any=("行政审批事项清单", "行政审批事项目录", "行政许可事项清单", "行政许可事项目录", "审批服务事项目录",
               "行政审批项目目录", "行政许可事项实施清单", "行政审批事项目录清单", "行政许可事项目录清单"),
    weak_title_any=("政务服务事项目录", "政务服务事项清单"),
    exclude=("证明事项", "公共服务事项清单", "征求"),
)

I01_ADJUST = Lexicon(
    title_any=("调整", "取消", "下放", "承接", "动态调整", "更新"),
    title_regex=(r"[(（]20\d{2}年[版本][)）]",),  # 「（2023年版）」: a newly dated version
    with_any=("行政审批", "行政许可", "审批事项", "政务服务事项"),
    exclude=("证明事项", "公共服务事项清单", "非行政许可审批", "征求"),
)

# A document about 办理时限 names it in its title; every 办事指南 mentions 法定时限 in its body, so body hits
# are no evidence here.
I01_TIME_LIMIT = Lexicon(
    title_any=("承诺时限", "法定时限", "法定办结时限", "承诺办结时限", "压缩审批时限", "压缩办理时限", "即办件",
               "限时办结", "压减审批时限", "压减办理时限", "压缩审批时间", "压缩办理时间", "审批时限", "办理时限",
               "办结时限"),
    body_only_ok=False,
)

# rules_spec §6 I01 `table_headers`, plus the 序号 column that makes a list a 目录.
I01_HEADERS: dict[str, tuple[str, ...]] = {
    "seq": ("序号",),
    "code": ("事项编码", "编码", "事项代码", "基本编码", "实施编码", "目录编码"),
    "name": ("事项名称", "主项名称", "子项名称"),
    "dept": ("实施机关", "实施主体", "责任部门"),
    "legal_limit": ("法定时限", "法定办结时限"),
    "promised_limit": ("承诺时限", "承诺办结时限"),
}

# ------------------------------------------------------------------ I02 非行政许可审批；承接上级取消下放

I02_ABOLISH = Lexicon(title_any=("非行政许可审批", "取消非行政许可审批事项"))

I02_TAKEOVER = Lexicon(
    title_any=("承接", "落实", "取消和下放", "下放", "取消和调整", "衔接", "赋权"),
    with_any=("行政审批", "行政许可", "审批事项", "行政职权", "行政权力事项", "许可事项", "管理权限"),
    exclude=("证明事项", "征求"),
)

# ------------------------------------------------------------------ I03 行政审批中介服务

I03_CLEANUP = Lexicon(
    title_any=("中介服务清理", "清理规范行政审批中介服务", "行政审批中介服务", "中介服务收费", "清理规范中介服务"),
)

I03_RETAINED_LIST = Lexicon(
    title_any=("中介服务事项清单", "中介服务事项目录", "保留的行政审批中介服务事项", "行政审批中介服务事项目录",
               "中介服务事项保留目录"),
    exclude=("征求",),
)

# The four elements the plan names; they are column headers of the list or labels of the per-item 办事指南.
I03_COMPONENTS: dict[str, tuple[str, ...]] = {
    "时限": ("办理时限", "服务时限", "时限"),
    "流程": ("工作流程", "服务流程", "办理流程"),
    "条件": ("申报条件", "申请条件", "服务条件"),
    "收费": ("收费标准", "收费依据", "是否收费"),
}

I03_GUIDE = Lexicon(title_any=("中介服务",), with_any=("办事指南", "服务指南", "办理指南"), body_only_ok=False)

I03_DECOUPLE = Lexicon(title_any=("脱钩",), with_any=("中介服务机构", "中介机构", "人财物", "人、财、物", "中介服务"))

# ------------------------------------------------------------------ I05 证照分离；企业开办

I05_LICENSE_SEPARATION = Lexicon(
    title_any=("证照分离", "多证合一", "五证合一", "照后减证"),
    title_regex=(r"[一二三四五六七八九十\d]+证合一",),
)

I05_COMMITMENT = Lexicon(title_any=("企业开办", "开办企业", "压缩企业开办时间"))

# rules_spec §6 I05 `value_regex`, split in two: the subject, then every duration after it (the rule takes
# the one after 压缩至/控制在: 「由5个工作日压缩至3个工作日」 commits to 3).
I05_SUBJECT = r"企业开办|开办企业"
I05_DURATION = (r"(?<![\d.])(?P<num>\d+(?:\.\d+)?|[零一二两三四五六七八九十]+)?\s*个?\s*(?P<half>半)?\s*个?\s*"
                r"(?P<unit>工作日|天|日|小时)")
I05_TARGET_MARKERS = ("至", "到", "在", "为", "不超过", "压缩", "缩短", "控制", "提速")
# The value covers the whole 开办 chain only if the clause says so or names the later steps.
I05_REGISTRATION_ONLY = ("设立登记", "登记注册", "注册登记", "营业执照", "执照办理", "登记时间", "登记环节")
I05_WHOLE_CHAIN = ("全流程", "全程", "全链条", "全部环节", "刻章", "印章", "发票", "税控", "社保", "银行开户", "涉税")
I05_UPPER_LEVEL = ("全省", "全国", "省政府", "国务院", "省委", "省级")
LOCAL_WORDS = ("我市", "全市", "本市", "我县", "全县", "本县", "我区", "全区", "本区")

# ------------------------------------------------------------------ I06 一网一门一次；最多跑一次

I06_ONE_NET = Lexicon(
    title_any=("一网、一门、一次", "一网一门一次", "一网通办", "只进一扇门", "最多跑一次"),
    title_regex=(r"一网.{0,2}一门.{0,2}一次",),  # 「“一网”“一门”“一次”」
    with_any=("方案", "通知", "意见", "措施"),
)

I06_MOST_ONCE_LIST = Lexicon(
    title_any=("最多跑一次", "一次办妥", "一次办成", "高频事项", "跑零次"),
    with_any=("清单", "事项", "目录"),
    exclude=("征求",),
)

I06_HEADERS: dict[str, tuple[str, ...]] = {
    "seq": ("序号",),
    "name": ("事项名称", "主项名称", "子项名称", "高频事项", "事项"),
    "dept": ("实施部门", "实施机关", "办理部门", "责任单位", "部门"),
    "kind": ("办理方式", "跑动次数", "到现场次数", "事项类型"),
}

# ------------------------------------------------------------------ I07 权责清单、公共服务事项清单

I07_POWER_LIST = Lexicon(
    title_any=("权责清单", "权力清单", "责任清单", "权力和责任清单", "权力清单和责任清单", "权责事项清单", "行政权力清单",
               "部门权责清单", "权责清单目录", "三张清单"),
    # 主体责任清单 / 安全生产责任清单 are duty lists of another kind
    exclude=("主体责任", "安全生产责任", "从严治党", "征求", "负面清单"),
)

I07_PUBLIC_SERVICE = Lexicon(
    title_any=("公共服务事项清单", "公共服务清单", "公共服务事项目录"),
    weak_title_any=("政务服务事项清单", "政务服务事项目录"),  # 公共服务 items inside the broader list: REVIEW
    exclude=("征求",),
)

I07_ADJUST = Lexicon(
    title_any=("动态调整", "调整", "更新"),
    with_any=("权责清单", "权力清单", "公共服务事项"),
    exclude=("主体责任", "征求"),
)

# The indicator's five elements (逐一明确事项名称、法律依据、实施主体、监督方式、责任方式).
I07_COMPONENTS: dict[str, tuple[str, ...]] = {
    "事项名称": ("事项名称", "职权名称", "权力名称"),
    "法律依据": ("设定依据", "法律依据", "实施依据", "依据"),
    "实施主体": ("实施主体", "实施机关", "责任主体", "承办机构"),
    "监督方式": ("监督方式", "监督电话", "监督投诉"),
    "责任方式": ("责任事项", "责任方式", "追责情形", "问责依据"),
}

# Where a consolidated 权责清单 names the department of each row.
I07_DEPT_COLUMN = ("实施主体", "实施机关", "责任主体", "部门名称", "单位名称", "部门", "单位")

# The 机构设置 page that lists the 政府工作部门 (the roster the rule can see, rules_spec §3.4).
I07_ROSTER_PAGE = ("政府工作部门", "政府组成部门", "机构设置", "组成部门", "工作部门")

# Not 政府工作部门: vertical systems, party and 人大/政协 organs, courts (rules_spec §3.3).
NON_GOVERNMENT_UNITS = ("税务", "海关", "气象", "烟草", "邮政", "国家", "中共", "市委", "县委", "区委", "党", "人大",
                        "政协", "法院", "检察院", "纪委", "监委", "编办", "总工会", "共青团", "妇联", "工商联", "银保监",
                        "金融监管", "人民银行", "统计调查", "调查队")

# Long form -> short form of department names (rules_spec §3.4 aliases); names compare by their short form.
DEPARTMENT_ALIASES: dict[str, str] = {
    "人民政府办公室": "政府办", "政府办公室": "政府办",
    "发展和改革委员会": "发改委", "发展改革委员会": "发改委", "发展改革委": "发改委",
    "工业和信息化局": "工信局", "科学技术局": "科技局",
    "民族宗教事务局": "民宗局", "民族宗教事务委员会": "民宗委",
    "人力资源和社会保障局": "人社局", "住房和城乡建设局": "住建局", "自然资源和规划局": "自然资源局",
    "交通运输局": "交通局",
    "文化广电和旅游局": "文广旅局", "文化广电旅游局": "文广旅局", "文广游局": "文广旅局",
    "卫生健康委员会": "卫健委", "卫生和健康委员会": "卫健委",
    "退役军人事务局": "退役军人局", "应急管理局": "应急局", "市场监督管理局": "市场监管局",
    "国有资产监督管理委员会": "国资委", "医疗保障局": "医保局", "城市管理局": "城管局",
    "政务服务和大数据管理局": "政务服务局", "机关事务管理局": "机关事务局", "外事办公室": "外事办",
}

# ------------------------------------------------------------------ I08 市场准入负面清单

I08_NEGATIVE_LIST = Lexicon(
    title_any=("市场准入负面清单", "负面清单", "外商投资准入特别管理措施", "违背市场准入负面清单", "市场准入效能评估",
               "全国一张清单"),
    with_any=("落实", "实施", "贯彻", "执行", "方案", "通知", "排查", "清理"),
    exclude=("征求",),
)
# Words that make a 负面清单 title an implementation document rather than a list of its own.
I08_IMPLEMENTS = ("落实", "实施", "贯彻", "执行", "排查", "清理", "效能评估", "违背市场准入负面清单", "全国一张清单")
# The nationally issued lists themselves: republishing them implements nothing locally.
I08_NATIONAL_LIST = (r"^(?:《)?市场准入负面清单[(（]20\d{2}年版[)）](?:》)?$",
                     r"^(?:《)?外商投资准入特别管理措施[(（]负面清单[)）][(（]20\d{2}年版[)）](?:》)?$")

# ------------------------------------------------------------------ I09 收费和基金目录清单

I09_FEE_LIST = Lexicon(
    title_any=("行政事业性收费目录清单", "政府性基金目录清单", "收费目录清单", "涉企行政事业性收费目录清单",
               "行政事业性收费项目目录", "政府性基金项目目录", "收费基金目录清单", "行政事业性收费和政府性基金目录清单"),
    exclude=("征求",),
)
# 「我市执行的…目录清单」: a 省 list published with an explicit local scope is the local list.
I09_LOCAL_SCOPE = ("我市执行", "本市执行", "全市执行", "在我市", "我县执行", "本县执行", "全县执行", "在我县",
                   "我区执行", "本区执行", "全区执行", "在我区", "市级执收", "县级执收", "区级执收")

# rules_spec has no with_any here; 收费/基金 keeps 「权责清单制度」 out.
I09_FEE_SYSTEM = Lexicon(
    title_any=("目录清单管理", "清单制度", "收费清单制度"),
    with_any=("收费", "基金"),
)
# The list notice itself establishes the system when it says so (rules_spec: may be the same notice as I09.a).
I09_SYSTEM_STATEMENTS = ("清单之外", "目录清单之外", "一律不得收费", "一律不得收取", "实行目录清单管理", "清单管理制度")

I09_CLEANUP = Lexicon(
    title_any=("清理整顿", "清理规范", "专项清理", "专项整治"),
    with_any=("事业单位收费", "行业协会商会收费", "协会商会收费", "涉企收费", "违规收费", "乱收费"),
)

# ------------------------------------------------------------------ I13 信用监管；黑榜

I13_CREDIT = Lexicon(
    title_any=("信用监管", "社会信用体系建设", "以信用为基础的新型监管机制", "守信联合激励", "失信联合惩戒",
               "信用分级分类监管", "信用承诺", "信用修复"),
    exclude=("征求",),
)

I13_BLACKLIST = Lexicon(
    title_any=("黑榜", "黑名单", "红黑榜", "失信名单", "严重失信主体名单", "失信联合惩戒对象名单", "失信曝光", "曝光台"),
    weak_title_any=("失信被执行人",),  # court data, not 「本级政府及职能部门」: REVIEW only
    # rules on how lists are kept are not the list
    exclude=("管理办法", "实施办法", "暂行办法", "管理制度", "认定办法", "实施细则", "解读", "征求"),
    body_only_ok=False,
)

# ------------------------------------------------------------------ I16 政务诚信

I16_INTEGRITY = Lexicon(
    title_any=("政务诚信", "政府诚信", "政务失信", "诚信政府", "政府机构失信", "政策承诺", "拖欠民营企业中小企业账款"),
    with_any=("意见", "方案", "办法", "制度", "通知", "治理", "监测"),
)

# ------------------------------------------------------------------ I17 企业受损补偿案例

I17_COMPENSATION = Lexicon(
    title_any=("补偿",),
    with_any=("规划调整", "政策变化", "政策调整", "改变政府承诺", "合同约定", "政策性关闭", "关停", "退出"),
    exclude=("房屋征收补偿", "国有土地上房屋征收", "青苗补偿", "个人"),
)
I17_ENTERPRISE = ("企业", "市场主体", "公司")  # rules_spec `and_any`

# ------------------------------------------------------------------ I18 涉企收费、监督检查清单；清理

I18_FEE_LIST = Lexicon(
    title_any=("涉企收费目录清单", "涉企收费清单", "涉企行政事业性收费", "涉企经营服务性收费", "涉企收费目录"),
    exclude=("征求",),
)

I18_INSPECTION_LIST = Lexicon(
    title_any=("监督检查清单", "涉企检查事项清单", "行政检查事项清单", "检查事项清单", "涉企检查"),
    # 随机抽查事项清单 (I54) is related but is not the 监督检查清单制度: secondary evidence only
    weak_title_any=("随机抽查事项清单",),
    exclude=("征求",),
)

I18_CLEANUP = Lexicon(
    title_any=("清理", "整治", "专项治理", "自查"),
    with_any=("涉企收费", "摊派", "评比达标", "达标表彰", "创建示范", "乱收费", "违规收费"),
)

# ------------------------------------------------------------------ I19 购买公共服务；协会脱钩

I19_PURCHASE = Lexicon(
    title_any=("政府购买服务", "向社会购买公共服务", "购买公共服务", "政府购买服务指导性目录", "购买服务项目",
               "社会组织承接"),
)

I19_DECOUPLE = Lexicon(title_any=("脱钩",), with_any=("行业协会", "商会", "协会商会"))

# ------------------------------------------------------------------ I20 公开招标购买服务；购买服务制度

I20_TENDER = Lexicon(
    title_any=("招标公告", "中标公告", "成交公告", "中标（成交）结果公告", "采购结果公告", "中标结果公告", "成交结果公告"),
    with_any=("服务", "购买服务"),
    exclude=("更正公告", "废标", "终止公告"),
)
I20_OPEN_TENDER = ("公开招标",)  # rules_spec `a.field: {采购方式: 公开招标}`
I20_OTHER_METHODS = ("竞争性磋商", "竞争性谈判", "询价", "单一来源", "邀请招标", "框架协议采购")
# Goods and works notices dominate procurement sites (rules_spec: filter on 品目「服务」).
I20_GOODS_OR_WORKS = ("货物类", "工程类", "品目:货物", "品目:工程", "采购类别:货物", "采购类别:工程", "采购品目:货物",
                      "采购品目:工程")

I20_SYSTEM = Lexicon(
    title_any=("政府购买服务管理办法", "政府购买服务实施办法", "政府购买服务指导性目录", "购买服务目录",
               "政府购买公共服务目录"),
    title_regex=(r"政府购买(?:公共)?服务.{0,6}(?:管理|实施)(?:暂行)?(?:办法|细则)",),
    exclude=("征求",),
)

# ------------------------------------------------------------------ 转发 (rules_spec §5.7, I02/I05/I08)

# A 转发 notice that only says 「请认真贯彻执行」 adds nothing local; these words show local arrangements.
RELAY_LOCAL_MARKERS = ("结合我市", "结合本市", "结合我县", "结合本县", "结合我区", "结合本区", "我市实际", "我县实际",
                       "我区实际", "提出如下", "提出以下", "补充意见", "实施意见", "工作要求", "具体要求", "责任分工",
                       "任务分工", "牵头单位", "责任单位", "工作措施", "补充通知")
