"""Chinese government text: date formats, 文号, and seeded filler that never matches a rule lexicon."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from govaudit.world.model import Doc, Juris

CN_DIGITS = "〇一二三四五六七八九"


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def cn_date(day: dt.date, zero: str = "〇") -> str:
    """2025-03-18 -> 二〇二五年三月十八日 (zero='○' gives the U+25CB variant seen on real pages)."""
    year = "".join(CN_DIGITS[int(c)] for c in str(day.year)).replace("〇", zero)
    return f"{year}年{_cn_num(day.month)}月{_cn_num(day.day)}日"


def _cn_num(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def zh_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def docno(prefix: str, year: int, n: int) -> str:
    return f"{prefix}〔{year}〕{n}号"


# Terms of the rule lexicons (rules_spec §6 Find blocks). Filler must contain none of them, so every hit
# the audit makes comes from a planted document (tests/world/test_content.py enforces it).
BANNED = (
    "法治", "普法", "宪法", "依法", "法律", "民法典", "清单", "目录", "征求意见", "意见征集", "补偿", "回应", "通报",
    "考核", "督察", "督导", "检查", "考评", "评估", "论证", "听证", "调查", "座谈", "信用", "失信", "黑榜",
    "收费", "处罚", "许可", "审批", "执法", "复议", "热线", "12345", "投诉", "举报", "发言人", "新闻发布", "突发",
    "应急", "规范性文件", "决策", "解读", "辟谣", "不实", "谣言", "情况说明", "澄清", "网传", "脱钩", "购买",
    "招标", "中标", "采购", "准入", "诚信", "证照", "企业开办", "一网", "最多跑一次", "中介", "清理", "整治",
    "治理", "摊派", "评比", "达标", "风险", "稳评", "专家", "民意", "问卷", "满意度", "废止", "失效", "事故",
    "灾害", "疫情", "重大", "政务公开", "信息公开", "公开招标", "公开征求", "年度报告", "法治政府", "承诺", "拖欠", "承接", "下放", "高频", "权责",
    "权力", "公共服务", "监督", "随机", "抽查", "救济", "办事指南", "政务服务", "媒体", "曝光", "报道", "记者",
    "违法", "城管", "拆除", "征收", "整改", "商会", "协会", "社会组织", "群众代表", "听取", "可行性", "必要性",
    "科学性", "公共安全", "行政", "规章", "条例", "办法", "规定", "细则", "合同", "学法", "决定书", "告知",
    "城乡规划", "规划", "城市管理", "市容", "环境", "物业", "停车", "供热", "燃气", "建筑", "房屋", "绿化", "园林",
    "市政设施", "道路", "广告", "文明行为", "城中村", "棚户区", "生态", "大气", "水污染", "扬尘", "湿地", "河道",
    "河湖", "饮用水", "噪声", "固体废物", "垃圾", "烟花", "秸秆", "自然保护", "历史文化", "文物", "名城", "名镇",
    "名村", "传统村落", "古村落", "非物质文化遗产", "遗址", "古建筑", "红色资源", "企业家", "营商", "市场主体",
)

NEWS_TITLES = (
    "{j}召开{y}年第{q}季度经济运行分析会",
    "{town}举办第{n}届{fest}",
    "{j}{y}年秋粮收获进度过半",
    "{j}新能源产业园{proj}项目正式投产",
    "{j}组织开展{skill}职业技能培训",
    "{j}第{n}届{sport}圆满落幕",
    "{town}特色{crop}喜获丰收",
    "{j}与{partner}签署战略合作协议",
    "{j}召开人才工作推进会",
    "{j}举行{y}年重点项目集中开工仪式",
    "{town}{crop}种植基地带动群众增收",
    "{j}图书馆开展“{read}”主题阅读活动",
    "{j}举办{y}年春季人才招聘会",
    "{j}农产品展销会在{town}开幕",
    "{j}召开{y}年冬春农田水利建设推进会",
    "{j}养老服务中心正式投入运营",
)
NEWS_BODY = (
    "{date}，{j}{event}在{town}举行。活动围绕{theme}展开，{people}参加。",
    "会议指出，今年以来全{jj}上下坚持稳中求进工作总基调，{theme}各项工作取得明显成效。",
    "会议要求，各单位要进一步提高站位、压实责任，确保{theme}各项任务按期完成。",
    "据介绍，{town}近年来依托{crop}产业发展特色经济，目前种植面积达{num}亩，带动{num2}户群众增收。",
    "活动现场气氛热烈，群众纷纷表示，{theme}实实在在，日子越过越有奔头。",
    "下一步，{j}将继续聚焦{theme}，加强统筹协调，推动各项工作提质增效。",
    "据了解，该项目总投资{num}万元，建成后预计年产值可达{num2}万元，可提供就业岗位{n}00余个。",
    "本次活动共吸引{num}余名群众参与，进一步丰富了群众文化生活。",
)
NOTICE_TITLES = (
    "{office}关于做好{y}年元旦春节期间有关工作的通知",
    "{office}关于印发{j}{y}年{area}工作要点的通知",
    "{office}关于举办{j}{y}年{event2}的通知",
    "{office}关于调整{j}{area}工作领导小组成员的通知",
    "{office}关于做好{y}年度统计年报工作的通知",
)
NOTICE_BODY = (
    "各{towns_kind}人民政府，{jj}政府各部门：",
    "为进一步做好{area}相关工作，经{jj}政府同意，现将有关事项通知如下。",
    "一、提高思想认识。各单位要充分认识做好{area}工作的重要意义，切实加强组织领导。",
    "二、明确工作任务。各单位要结合实际，细化工作措施，明确时间节点，确保各项工作落到实处。",
    "三、加强协调配合。各单位要密切配合，形成工作合力，及时报送工作进展情况。",
)
NORMATIVE_TOPICS = ("人才公寓分配管理", "科技创新券使用管理", "农业保险保费补助资金管理", "职业技能提升行动实施",
                    "档案查阅利用服务", "公共体育场馆向社会开放", "学生资助资金管理", "就业见习基地认定管理",
                    "统计数据质量提升", "农村集体资产经营管理", "劳动技能竞赛奖励", "科技成果转化奖励",
                    "高层次人才引进培养", "农民专业合作社示范社认定", "家庭农场培育发展", "乡村工匠评定管理")
FESTS = ("乡村文化旅游节", "农民丰收节", "书画作品展", "戏曲文化周", "美食文化节", "梨花节", "桃花节")
SPORTS = ("全民健身运动会", "乡村篮球联赛", "环湖马拉松赛", "青少年足球赛", "老年门球赛")
CROPS = ("艾草", "中药材", "食用菌", "红薯", "花生", "大蒜", "辣椒", "小杂粮")
SKILLS = ("电子商务", "家政服务", "养老护理", "农机操作", "电工", "面点制作", "直播带货")
PARTNERS = ("郑州大学", "河南农业大学", "中国平煤神马集团", "河南省农业科学院", "洛阳理工学院")
PROJECTS = ("光伏组件", "储能电池", "风电装备", "氢能", "新材料")
AREAS = ("乡村振兴", "人才引进", "科技创新", "全民阅读", "农业生产", "招才引智", "文化旅游", "老龄")
EVENTS2 = ("职业技能大赛", "农民运动会", "读书月活动", "书画摄影展", "消费季活动")
READS = ("书香", "阅读点亮生活", "品读经典", "红色经典诵读")
THEMES = ("乡村振兴", "产业发展", "民生改善", "人才引进", "科技创新", "文化惠民", "农业生产")
PEOPLE = ("相关部门负责同志", "各乡镇（街道）分管负责同志", "企业和村民代表", "辖区群众")


class Filler:
    """Seeded filler generator for one portal (stable for a given seed and portal id)."""

    def __init__(self, juris: Juris, seed: int, salt: str) -> None:
        self.j = juris
        self.rng = random.Random(f"{seed}:{salt}")

    def _fill(self, template: str, day: dt.date) -> str:
        r, j = self.rng, self.j
        jj = "区" if j.name.endswith("区") else "县" if j.name.endswith("县") else "市"
        return template.format(
            j=j.name, jj=jj, gov=j.gov, office=j.office, town=r.choice(j.towns), y=day.year,
            q=r.randint(1, 4), n=r.randint(2, 9), fest=r.choice(FESTS), sport=r.choice(SPORTS),
            crop=r.choice(CROPS), skill=r.choice(SKILLS), partner=r.choice(PARTNERS), proj=r.choice(PROJECTS),
            area=r.choice(AREAS), event2=r.choice(EVENTS2), read=r.choice(READS),
            theme=r.choice(THEMES), people=r.choice(PEOPLE), num=r.randint(12, 980) * 10,
            num2=r.randint(15, 900) * 10, date=f"{day.month}月{day.day}日", event=r.choice(FESTS),
            towns_kind="乡镇" if jj != "区" else "街道办事处",
        )

    def date(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, (end - start).days))

    def news(self, column: str, n: int, start: dt.date, end: dt.date, publisher: str) -> Iterator[Doc]:
        for _ in range(n):
            day = self.date(start, end)
            title = self._fill(self.rng.choice(NEWS_TITLES), day)
            body = tuple(self._fill(s, day) for s in self.rng.sample(NEWS_BODY, self.rng.randint(3, 5)))
            yield Doc(column=column, title=title, publish=day, body=body, publisher=publisher,
                      time=f"{self.rng.randint(8, 18):02d}:{self.rng.randint(0, 59):02d}")

    def notices(self, column: str, n: int, start: dt.date, end: dt.date, prefix: str, used: set[str],
                issuer: str = "") -> Iterator[Doc]:
        for _ in range(n):
            day = self.date(start, end)
            title = self._fill(self.rng.choice(NOTICE_TITLES), day)
            if issuer:
                title = title.replace(self.j.office, issuer).replace(self.j.gov, issuer)
            body = tuple(self._fill(s, day) for s in NOTICE_BODY)
            written = day - dt.timedelta(days=self.rng.randint(1, 6))
            num = self.rng.randint(20, 99)
            while docno(prefix, day.year, num) in used:
                num += 1
            used.add(docno(prefix, day.year, num))
            yield Doc(column=column, title=title, publish=day, written=written, body=body,
                      doc_number=docno(prefix, day.year, num), publisher=issuer or self.j.office,
                      topic="综合政务", genre="通知")

    def normative(self, column: str, n: int, start: dt.date, end: dt.date, prefix: str,
                  used: set[str], issuer: str = "") -> Iterator[Doc]:
        """Older 行政规范性文件 (before the I27 window, inside the I29 2019+ inventory), short 成文→发布 lags."""
        topics = list(NORMATIVE_TOPICS)
        self.rng.shuffle(topics)
        for i in range(n):
            day = self.date(start, end)
            topic = topics[i % len(topics)]
            num = self.rng.randint(1, 60)
            while docno(prefix, day.year, num) in used:
                num += 1
            number = docno(prefix, day.year, num)
            used.add(number)
            written = day - dt.timedelta(days=self.rng.randint(2, 9))
            name = f"{self.j.name}{topic}实施意见" if i % 3 else f"{self.j.name}{topic}工作指引"
            body = (
                "各有关单位：",
                f"现将《{name}》印发给你们，请认真贯彻执行。",
                f"一、总体要求。坚持统筹推进、分类实施，进一步提升{topic}工作水平。",
                "二、主要任务。各单位要按照职责分工，制定具体实施方案，明确责任人和完成时限。",
                "三、保障措施。加强组织领导，强化经费保障，定期报送工作进展情况。",
                "本文件自印发之日起施行，有效期5年。（此件公开发布）",
            )
            issuer = issuer or self.j.gov
            yield Doc(column=column, title=f"{issuer}关于印发{name}的通知", publish=day, written=written,
                      body=body, doc_number=number, publisher=issuer, validity="有效",
                      topic="综合政务", genre="通知")
