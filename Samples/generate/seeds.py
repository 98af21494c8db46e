"""Reads the figures of the seed documents (../shared/seeds/) into rows for the samples.
Every figure comes from the seed text itself; nothing is altered to make a check pass."""
import pathlib
import re

SEEDS = pathlib.Path(__file__).resolve().parents[3] / "shared" / "seeds"


def seed(prefix):
    return next(SEEDS.glob(prefix + "_*.txt")).read_text(encoding="utf-8")


# Seed 002 (亳州市 2023 plan): items whose prose gives a per-county breakdown, as
# (project, indicator, unit, total as written, {area: value}, lead). Area values are the seed's;
# the total is written the way the seed writes it.
AREAS_002 = ["涡阳县", "蒙城县", "利辛县", "谯城区", "亳州高新区", "市本级"]
PLAN_002 = [
    ("促进重点群体稳定就业", "城镇新增就业", "人", "3.3万人以上", {"涡阳县": 8300, "蒙城县": 8100, "利辛县": 8000, "谯城区": 8600}, "市人力资源社会保障局"),
    ("促进重点群体稳定就业", "募集青年就业见习岗位", "个", "不少于3265个", {"涡阳县": 816, "蒙城县": 816, "利辛县": 816, "谯城区": 817}, "市人力资源社会保障局"),
    ("促进重点群体稳定就业", "开发公益性岗位", "个", 2200, {"涡阳县": 550, "蒙城县": 550, "利辛县": 550, "谯城区": 550}, "市人力资源社会保障局"),
    ("家政服务提质扩容", "培训家政服务人员", "人次", "4.48万", {"涡阳县": 10500, "蒙城县": 9700, "利辛县": 8200, "谯城区": 10500, "亳州高新区": 5900}, "市商务局"),
    ("家政服务提质扩容", "新增家政服务人员", "人", 8100, {"涡阳县": 1900, "蒙城县": 1800, "利辛县": 1500, "谯城区": 1900, "亳州高新区": 1000}, "市商务局"),
    ("老年助餐服务", "新增城乡老年食堂(助餐点)", "个", 164, {"涡阳县": 38, "蒙城县": 40, "利辛县": 41, "谯城区": 45}, "市民政局"),
    ("残疾儿童康复救助", "康复训练救助", "名", 1320, {"谯城区": 360, "涡阳县": 320, "蒙城县": 320, "利辛县": 320}, "市残联"),
    ("残疾儿童康复救助", "适配假肢矫形器", "名", 70, {"谯城区": 18, "涡阳县": 17, "蒙城县": 17, "利辛县": 18}, "市残联"),
    ("残疾儿童康复救助", "其他辅具救助", "名", 62, {"谯城区": 17, "涡阳县": 14, "蒙城县": 14, "利辛县": 17}, "市残联"),
    ("困难精神残疾人药费补助", "药费补助人数", "名", 8800, {"涡阳县": 2100, "蒙城县": 2100, "利辛县": 2300, "谯城区": 2100, "亳州高新区": 200}, "市残联"),
    ("残疾人职业技能培训", "职业技能和创业培训", "人", 1604, {"涡阳县": 394, "蒙城县": 296, "利辛县": 474, "谯城区": 440}, "市残联"),
    ("无障碍环境建设", "困难重度残疾人家庭无障碍改造", "户", 1442, {"涡阳县": 302, "蒙城县": 247, "利辛县": 393, "谯城区": 500}, "市残联"),
    ("特殊困难老年人关爱", "家庭适老化改造", "户", 5875, {"涡阳县": 1641, "蒙城县": 958, "利辛县": 1631, "谯城区": 1645}, "市民政局"),
    ("法律援助", "办理法律援助案件", "件", "不低于7400件", {"市本级": 1200, "涡阳县": 1600, "蒙城县": 1500, "利辛县": 1500, "谯城区": 1600}, "市司法局"),
    ("阳光家园计划", "托养服务人数", "人", "不少于1103人", {"涡阳县": 265, "蒙城县": 223, "利辛县": 323, "谯城区": 292}, "市残联"),
    ("儿童口腔疾病综合干预", "牙齿窝沟封闭服务", "人", "3.8万", {"涡阳县": 9000, "蒙城县": 9000, "利辛县": 9000, "谯城区": 11000}, "市卫生健康委"),
    ("“两癌”免费筛查", "城镇低保适龄妇女筛查", "人次", 182, {"涡阳县": 65, "蒙城县": 21, "利辛县": 41, "谯城区": 55}, "市卫生健康委、市妇联"),
    ("“两癌”免费筛查", "农村妇女宫颈癌筛查", "人次", "4.1万", {"涡阳县": 10000, "蒙城县": 10000, "谯城区": 10000, "利辛县": 11000}, "市卫生健康委、市妇联"),
    ("“两癌”免费筛查", "农村妇女乳腺癌筛查", "人次", "1.7万", {"涡阳县": 2000, "蒙城县": 5000, "利辛县": 7000, "谯城区": 3000}, "市卫生健康委、市妇联"),
    ("“15分钟阅读圈”建设", "城市阅读空间", "个", 31, {"谯城区": 10, "涡阳县": 5, "蒙城县": 7, "利辛县": 4, "亳州高新区": 5}, "市文化旅游体育局"),
    ("棚户区和老旧小区改造", "新开工棚户区改造", "套", 5183, {"谯城区": 1575, "涡阳县": 928, "蒙城县": 2280, "利辛县": 400}, "市住房城乡建设局"),
    ("棚户区和老旧小区改造", "基本建成棚户区改造", "套", 10159, {"谯城区": 1772, "涡阳县": 3506, "蒙城县": 2448, "利辛县": 2433}, "市住房城乡建设局"),
    ("棚户区和老旧小区改造", "改造城镇老旧小区", "个", 47, {"谯城区": 7, "涡阳县": 10, "蒙城县": 19, "利辛县": 11}, "市住房城乡建设局"),
    ("保障性租赁住房", "发展保障性租赁住房", "套(间)", 887, {"亳州高新区": 837, "蒙城县": 50}, "市住房城乡建设局"),
    ("“惠民菜篮子”", "“惠民菜篮子”门店", "家", 12, {"市本级": 4, "涡阳县": 2, "蒙城县": 2, "利辛县": 2, "谯城区": 2}, "市发展改革委"),
]


def plan_002_paragraphs():
    """The numbered target paragraphs of seed 002 (（一）… to the end of the sentence group),
    as (number, text without the lead, lead)."""
    out = []
    for line in seed("002").splitlines():
        m = re.match(r"^\s*\(([一二三四五六七八九十]+)\)(.*)$", line)
        if not m:
            continue
        text = m.group(2).strip()
        lead = ""
        lm = re.search(r"\(牵头单位:([^)]*)\)\s*$", text)
        if lm:
            lead = lm.group(1)
            text = text[: lm.start()].strip()
        out.append((m.group(1), text, lead))
    return out


def progress_003():
    """Seed 003's table rows: [序号, 行动名称, 行动内容, 年度目标, 完成情况, 完成率, 责任单位]."""
    text = seed("003")
    blocks = text.split("\n\n")
    rows = []
    for block in blocks[1:]:
        cells = [c[1:] if c.startswith("\t") else c for c in block.split("\n")]
        cells = [c.strip() for c in cells]
        if len(cells) == 7:
            rows.append(cells)
    return rows


def breakdown_001():
    """Seed 001's breakdown table: [序号, 项目, 子项目, 牵头部门, 目标任务] (子项目 may be empty)."""
    text = seed("001")
    start = text.index("2020年庐阳区17项民生工程目标任务分解表\n\n\t序号")
    end = text.index("附件2")
    cells = []
    for line in text[start:end].splitlines()[1:]:
        if line.startswith("\t"):
            cells.append(line[1:].strip())
        elif line.strip() and cells:
            cells[-1] += line.strip()
    cells = cells[4:]  # the header: 序号, 项目, 牵头部门, 庐阳区
    rows = []
    i = 0

    def is_lead(c):
        return c == "" or re.search(r"(局|委|联|会|中心|办|部)$", c) is not None

    while i + 3 < len(cells) + 1:
        seq, project = cells[i], cells[i + 1]
        if i + 3 < len(cells) and is_lead(cells[i + 2]) and cells[i + 2] != "" and len(cells[i + 3]) > 10:
            rows.append([seq, project, "", cells[i + 2], cells[i + 3]])
            i += 4
        else:
            rows.append([seq, project, cells[i + 2], cells[i + 3], cells[i + 4] if i + 4 < len(cells) else ""])
            i += 5
    return rows


def sections_004():
    """Seed 004's table: title, then rows ("section", text) or ("item", 编号, 工作任务, 工作情况, 牵头单位)."""
    lines = [l.rstrip(" |").strip() for l in seed("004").splitlines()]
    lines = [l for l in lines if l]
    title = lines[0]
    body = lines[6:]
    rows = []
    i = 0
    while i < len(body):
        if re.match(r"^[一二三四五六七八九十]+、", body[i]):
            rows.append(("section", body[i]))
            i += 1
        elif re.match(r"^\d+$", body[i]) and i + 3 < len(body):
            rows.append(("item", body[i], body[i + 1], body[i + 2], body[i + 3]))
            i += 4
        else:
            i += 1
    return title, rows
