"""Writes a large task sheet with XlsxWriter: 14 columns, Chinese text columns with repeated
values (shared strings), numbers, and a formula column with cached values.

usage: make_task_sheet.py OUT.xlsx [ROWS]"""
import datetime
import random
import sys

import xlsxwriter

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
rng = random.Random(2020)
areas = ["涡阳县", "蒙城县", "利辛县", "谯城区", "亳州高新区", "市本级"]
categories = ["就业创业", "社会保障", "教育", "医疗卫生", "住房保障", "交通", "养老服务", "文化体育"]
projects = [f"民生实事项目{i:02d}" for i in range(40)]
indicators = [f"{p}指标{j}" for p in ("城镇新增就业", "农村改厕", "老旧小区改造", "农村公路", "托育") for j in range(20)]
units = ["人", "户", "个", "公里", "万元", "处", "套"]
leads = ["人社局", "农业农村局", "住建局", "交通运输局", "卫健委", "民政局", "教体局"]
status = ["正常", "滞后", "已完成", "超额完成"]

wb = xlsxwriter.Workbook(out)
wb.set_properties({"created": datetime.datetime(2026, 1, 1)})
ws = wb.add_worksheet("任务表")
pct = wb.add_format({"num_format": "0.00%"})
header = ["序号", "县区", "类别", "项目", "指标", "单位", "年度目标", "完成数", "完成率",
          "序时进度", "状态", "牵头单位", "责任单位", "备注"]
ws.write_row(0, 0, header)
for r in range(1, rows + 1):
    target = rng.randint(1, 20000)
    done = rng.randint(0, 25000)
    ws.write_number(r, 0, r)
    ws.write_string(r, 1, areas[r % len(areas)])
    ws.write_string(r, 2, categories[r % len(categories)])
    ws.write_string(r, 3, projects[r % len(projects)])
    ws.write_string(r, 4, indicators[r % len(indicators)])
    ws.write_string(r, 5, units[r % len(units)])
    ws.write_number(r, 6, target)
    ws.write_number(r, 7, done)
    ws.write_formula(r, 8, f"=H{r + 1}/G{r + 1}", pct, done / target)
    ws.write_number(r, 9, round(rng.random(), 4), pct)
    ws.write_string(r, 10, status[r % len(status)])
    ws.write_string(r, 11, leads[r % len(leads)])
    ws.write_string(r, 12, leads[(r + 3) % len(leads)])
    ws.write_number(r, 13, rng.random() * 1000)
wb.close()
