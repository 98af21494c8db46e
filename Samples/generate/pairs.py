"""The two-file samples: a 1-8月 / 1-9月 pair of one cumulative report (month over month) and a
hand-made summary with each area's own return (reconcile), written by openpyxl and XlsxWriter
from the figures of seed 002's 分县区进度. Writes Samples/monthly/, Samples/reconcile/ (one
set for the demo) and Tests/Fixtures/monthly/ and Tests/Fixtures/reconcile/ (each case by both
writers, with manifest.json).

usage: Samples/generate/.venv/bin/python Samples/generate/pairs.py"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "Tests" / "Fixtures" / "assurance"))
from generate import Sheet, progress_sheet, write_openpyxl, write_xlsxwriter  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
AREAS = ["涡阳县", "蒙城县", "利辛县", "谯城区"]
# 项目, 单位, per area (target, completed by September)
ITEMS = [
    ("城镇新增就业", "人", [(8300, 7470), (8100, 6480), (8000, 5600), (8600, 8600)]),
    ("募集青年就业见习岗位", "个", [(816, 734), (816, 652), (816, 571), (817, 817)]),
    ("开发公益性岗位", "个", [(550, 495), (550, 440), (550, 385), (550, 550)]),
    ("新增城乡老年食堂(助餐点)", "个", [(38, 34), (40, 32), (41, 28), (45, 45)]),
    ("康复训练救助", "名", [(320, 288), (320, 256), (320, 224), (360, 360)]),
    ("家庭适老化改造", "户", [(1641, 1476), (958, 766), (1631, 1141), (1645, 1645)]),
]
WRITERS = {"openpyxl": write_openpyxl, "xlsxwriter": write_xlsxwriter}


def summary_sheet(items, title):
    """Per-area 目标 / 完成 under merged area names, a 合计 group first."""
    return progress_sheet(items, areas=AREAS, title=title)


def own_return_a(area, items):
    """序号 / 项目 / 单位 / 年度目标 / 完成数 / 完成率, a title naming the area."""
    s = Sheet("Sheet1")
    s.add(f"{area}2023年1-9月民生实事进展情况")
    s.merges.append((0, 0, 0, 5))
    s.add("序号", "项目", "单位", "年度目标", "完成数", "完成率")
    for n, (name, unit, target, done) in enumerate(items, start=1):
        r = s.add(n, name, unit, target, done, round(done / target, 4))
        s.formats[(r, 5)] = "0.0%"
    return s


def own_return_b(area, items):
    """Another office's layout: 工作任务 / 计量单位 / 全年任务 / 累计完成, a 填报单位 line."""
    s = Sheet("进展")
    s.add("民生实事进展情况表（1-9月）")
    s.add(f"填报单位：{area}")
    s.add("工作任务", "计量单位", "全年任务", "累计完成", "备注")
    for name, unit, target, done in items:
        s.add(name, unit, target, done, None)
    return s


def area_items(index, overrides=None):
    rows = []
    for name, unit, figures in ITEMS:
        target, done = figures[index]
        if overrides and name in overrides:
            target, done = overrides[name]
        rows.append((name, unit, target, done))
    return rows


def monthly(items, month_share, title):
    s = Sheet(f"1-{month_share[0]}月")
    s.add(title)
    s.merges.append((0, 0, 0, 5))
    s.add("序号", "项目", "单位", "年度目标", "累计完成", "完成率")
    for n, (name, unit, target, done) in enumerate(items, start=1):
        r = s.add(n, name, unit, target, done, round(done / target, 4))
        s.formats[(r, 5)] = "0.00%"
    return s


def city_items(scale=1.0, overrides=None, drop=None):
    rows = []
    for name, unit, figures in ITEMS:
        if drop and name == drop:
            continue
        target = sum(t for t, _ in figures)
        done = round(sum(c for _, c in figures) * scale)
        if overrides and name in overrides:
            target, done = overrides[name]
        rows.append((name, unit, target, done))
    return rows


def main():
    # --- reconcile --------------------------------------------------------------------------
    fixtures = ROOT / "Tests" / "Fixtures" / "reconcile"
    fixtures.mkdir(parents=True, exist_ok=True)
    manifest = []
    for writer, write in WRITERS.items():
        folder = fixtures / writer
        (folder / "clean").mkdir(parents=True, exist_ok=True)
        (folder / "wrong").mkdir(parents=True, exist_ok=True)
        write([summary_sheet(ITEMS, "亳州市2023年1-9月民生实事分县区进度表")], folder / "汇总表.xlsx")
        # The other writer writes the returns, so that each set mixes two applications.
        other = write_xlsxwriter if writer == "openpyxl" else write_openpyxl
        for sub in ["clean", "wrong"]:
            other([own_return_a("涡阳县", area_items(0))], folder / sub / "涡阳县.xlsx")
            other([own_return_b("蒙城县", area_items(1))], folder / sub / "蒙城县进展.xlsx")
            other([own_return_a("利辛县", area_items(2))], folder / sub / "利辛县.xlsx")
        # wrong: 涡阳县 really completed 7570 (the summary copied 7470); 蒙城县's 公益性岗位 target
        # is 560 (the summary says 550); 谯城区 sent nothing.
        other([own_return_a("涡阳县", area_items(0, {"城镇新增就业": (8300, 7570)}))], folder / "wrong" / "涡阳县.xlsx")
        other([own_return_b("蒙城县", area_items(1, {"开发公益性岗位": (560, 440)}))], folder / "wrong" / "蒙城县进展.xlsx")
        manifest.append({"summary": f"{writer}/汇总表.xlsx", "returns": f"{writer}/clean",
                         "findings": [{"code": "missing-submission", "severity": "warning", "cell": "", "area": "谯城区"}]})
        manifest.append({"summary": f"{writer}/汇总表.xlsx", "returns": f"{writer}/wrong",
                         "findings": [{"code": "missing-submission", "severity": "warning", "cell": "", "area": "谯城区"},
                                      {"code": "area-mismatch", "severity": "error", "cell": "H4", "area": "涡阳县"},
                                      {"code": "area-mismatch", "severity": "error", "cell": "I6", "area": "蒙城县"}]})
    (fixtures / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    # --- month over month -------------------------------------------------------------------
    fixtures = ROOT / "Tests" / "Fixtures" / "monthly"
    fixtures.mkdir(parents=True, exist_ok=True)
    manifest = []
    for writer, write in WRITERS.items():
        # The previous month by one writer, the current by the other.
        other = write_xlsxwriter if writer == "openpyxl" else write_openpyxl
        previous = f"{writer}-1-8月.xlsx"
        write([monthly(city_items(0.88), (8,), "亳州市2023年1-8月民生实事进展情况")], fixtures / previous)
        clean = f"{writer}-1-9月.xlsx"
        other([monthly(city_items(), (9,), "亳州市2023年1-9月民生实事进展情况")], fixtures / clean)
        wrong = f"{writer}-1-9月-有误.xlsx"
        # 城镇新增就业: this month's figure typed instead of the running total (falls);
        # 开发公益性岗位: the annual target moved; 家庭适老化改造: dropped.
        other([monthly(city_items(overrides={"城镇新增就业": (33000, 3150), "开发公益性岗位": (2300, 1870)}, drop="家庭适老化改造"),
                       (9,), "亳州市2023年1-9月民生实事进展情况")], fixtures / wrong)
        manifest.append({"previous": previous, "current": clean, "findings": []})
        manifest.append({"previous": previous, "current": wrong,
                         "findings": [{"code": "completed-decreased", "severity": "error", "cell": "E3"},
                                      {"code": "target-changed", "severity": "error", "cell": "D5"},
                                      {"code": "item-dropped", "severity": "warning", "cell": ""}]})
    (fixtures / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    # --- the demo's samples -------------------------------------------------------------------
    samples = ROOT / "Samples"
    (samples / "monthly").mkdir(exist_ok=True)
    write_xlsxwriter([monthly(city_items(0.88), (8,), "亳州市2023年1-8月民生实事进展情况")], samples / "monthly" / "亳州-1-8月.xlsx")
    write_openpyxl([monthly(city_items(overrides={"城镇新增就业": (33000, 3150)}), (9,), "亳州市2023年1-9月民生实事进展情况")],
                   samples / "monthly" / "亳州-1-9月.xlsx")
    (samples / "reconcile" / "县区报表").mkdir(parents=True, exist_ok=True)
    write_xlsxwriter([summary_sheet(ITEMS, "亳州市2023年1-9月民生实事分县区进度表")], samples / "reconcile" / "汇总表.xlsx")
    write_openpyxl([own_return_a("涡阳县", area_items(0, {"城镇新增就业": (8300, 7570)}))], samples / "reconcile" / "县区报表" / "涡阳县.xlsx")
    write_openpyxl([own_return_b("蒙城县", area_items(1))], samples / "reconcile" / "县区报表" / "蒙城县进展.xlsx")
    write_xlsxwriter([own_return_a("利辛县", area_items(2))], samples / "reconcile" / "县区报表" / "利辛县.xlsx")
    print("wrote reconcile and monthly fixtures and samples")


if __name__ == "__main__":
    main()
