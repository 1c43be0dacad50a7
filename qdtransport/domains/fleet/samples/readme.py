"""The vehicle register's part of the sample README.

The files, what the build should find, the defects, and the published figures that shaped the
numbers.

The tables are computed from the same rows the files are written from, so the README never
disagrees with the data it describes.
"""

from __future__ import annotations

import datetime as dt

from qdtransport.domains.fleet.samples.figures import active_share, loaded_records, nev_shares
from qdtransport.domains.fleet.samples.files import FleetDefect, FleetRow, list_defects

FIGURE_ROWS: tuple[str, ...] = (
    (
        "| 2013: ~5,500 buses in the six urban districts; 9,952 taxis, ~90 % petrol/CNG bi-fuel | 青岛晚报 "
        "2013-10-17 | "
        "Volumes: about half the city's yearly turnover (fleet ÷ 8–10-year life), to keep the files small; taxis "
        "before 2021 are CNG (85 %) or petrol |"
    ),
    (
        "| The bus group's renewals are all new-energy since 2014 | 青岛公交集团 on 民生在线, 2018-05-07 | "
        "Built-up-area buses "
        "are already 86 % NEV in 2015 (other operators still bought CNG/LNG) |"
    ),
    (
        "| Feb 2017: 2,688 NEV buses, 2,288 BEV + 400 PHEV | 交通出行网 2017-02-16 | 25 % of NEV buses registered up "
        "to "
        "2018 are plug-in hybrids (most of the 400), 15 % in 2019–2020, then 4 % (and 4 % fuel-cell) |"
    ),
    (
        '| 2018: 97.9 % "green" public-transport vehicles (incl. CNG/LNG); 2022: 94.2 % NEV + clean energy | '
        "现代物流报 "
        "2019-03-04; 青岛日报 2023-01-10 | Fossil buses are mostly CNG and LNG, few diesel |"
    ),
    (
        '| Shandong 2019: new/renewed buses in the Jinan and Qingdao built-up areas all NEV by end-2020, "keeping '
        'necessary fuel buses for emergencies" | 现代物流报 2019-03-04 | Built-up NEV share 99 % in 2020, 100 % in '
        "2021–2024; in 2025 three fossil buses (two diesel emergency reserves, one CNG) — the city target has no "
        "emergency exception, so 2025 is **not met** |"
    ),
    (
        "| Laixi 2015–2018: 296 buses renewed, BEV + LNG 98 % | 青岛新闻网 2019-01-08 | Buses outside the built-up "
        "area "
        "(mostly 平度, 莱西, parts of 即墨, 胶州, 黄岛) are NEV 30 % (2015) → 78 % (2025), the rest LNG/CNG/diesel |"
    ),
    (
        '| Sep 2025: "nearly 70 % of buses are BEV" | 青岛早报 2025-09-18 | Check: {bus_bev_share} of the sample\'s '
        "buses "
        "on the register on 2025-09-18 are BEV; the sample holds no bus registered before 2015, whose CNG/LNG buses "
        "still run in the real fleet |"
    ),
    (
        "| May 2021: ~10,000 cruising taxis, **no** BEV cruising taxi yet | 青岛晚报 2021-05-20 | No NEV taxi "
        "registered "
        "before 2021; 3 % in 2021 |"
    ),
    (
        "| Shandong 14th FYP: new/renewed taxis 80 % clean energy + NEV by 2025 | 山东省交通运输厅 2021-07-20 | Taxi "
        "NEV "
        "share rises 30 % (2022) → 58 % → 74 % → 83 % (2025, **met**); the published shares for 2022–2025 were not "
        "found, so this ramp is invented |"
    ),
)
"""Rows of the README's table of published figures (markdown, one row each)."""

FIGURES = "".join(row + "\n" for row in FIGURE_ROWS)
"""Rows of the README's table of published figures that shaped the register."""


def _fleet_section(files: dict[str, list[FleetRow]]) -> list[str]:
    records = loaded_records(files)
    bus, taxi = nev_shares(records, "bus"), nev_shares(records, "cruising_taxi")
    counts = {name: len(rows) for name, rows in files.items()}
    lines = [
        "## fleet_register/ — operating-vehicle registrations",
        "",
        "One folder read as one table, in the three forms real exports come in:",
        "",
        "| File | Form | Data rows |",
        "|---|---|---|",
        (
            f"| `fleet_register/2015-2019.csv` | GB18030, CRLF, Chinese headers (燃料种类, 经营企业), dates "
            f"`2016-03-05`, "
            f"taxis as 出租客运 | {counts['2015-2019.csv']:,} |"
        ),
        (
            f"| `fleet_register/2020-2022.xlsx` | Excel, a title row above the header, real date cells | "
            f"{counts['2020-2022.xlsx']:,} |"
        ),
        (
            f"| `fleet_register/2023-2026.csv` | UTF-8 with BOM, headers VIN/车牌号/初次登记日期, dates as "
            f"`2024-05-06`, "
            f"`2024/5/6` or `20240506` | {counts['2023-2026.csv']:,} |"
        ),
        "",
        (
            "Buses and cruising taxis registered from 2015 to the export date, 2026-01-15 (so 2025 is a "
            "whole year), and a few ride-hailing and other vehicles. Every VIN has a correct GB 16735 check "
            "digit (Chinese WMIs LZY, LKL, LA9, LGX, LB3, LFV, LSV; model-year code at position 10) except "
            "the two defects below. New-energy plates: 鲁BD12345 / 鲁BF12345 on cars, 鲁B12345D on buses. "
            "Vehicles leave the register after 8–10 years (taxis 8), 2 % earlier. Operators include the city's "
            "bus groups (青岛城运控股公交集团, 青岛交运集团, 青岛真情巴士集团); the county and West Coast bus "
            "companies and all taxi, ride-hailing and other companies are invented names."
        ),
        "",
        "What the build should find (rejected rows and collapsed duplicates left out), urban built-up area only:",
        "",
        "| Year | Buses registered | of which NEV | Bus NEV share | Taxis registered | of which NEV | Taxi NEV share |",
        "|---|---|---|---|---|---|---|",
    ]
    taxi_by_year = {r.year: r for r in taxi}
    for row in bus:
        t = taxi_by_year.get(row.year)
        taxi_cells = f"{t.registered} | {t.nev} | {t.share:.1%}" if t else "0 | 0 | —"
        lines.append(
            f"| {row.year} | {row.registered} | {row.nev} | {row.share:.1%} | {taxi_cells} |"
        )
    bus_2025 = next(r for r in bus if r.year == 2025)
    taxi_2025 = next(r for r in taxi if r.year == 2025)
    lines += [
        "",
        (
            f"So for 2025: `bus_nev_share_new` = {bus_2025.nev}/{bus_2025.registered} = {bus_2025.share:.4f} "
            f"(target 1.00, **not met**: {bus_2025.registered - bus_2025.nev} fossil buses, see above) and "
            f"`taxi_nev_share_new` = {taxi_2025.nev}/{taxi_2025.registered} = {taxi_2025.share:.4f} "
            "(target 0.80, **met**). 2026 holds only the first two weeks of January."
        ),
        "",
    ]
    return lines


def _defects_section(defects: list[FleetDefect]) -> list[str]:
    lines = [
        f"### The {len(defects)} deliberate defects",
        "",
        (
            "Line numbers count the header as line 1 in the CSV files; sheet rows count the title as row 1 "
            "in the workbook (so its header is row 2)."
        ),
        "",
        "| # | File | Line(s) | What is wrong | What the build should do |",
        "|---|---|---|---|---|",
    ]
    for number, defect in enumerate(defects, start=1):
        where = ", ".join(str(n) for n in defect.lines)
        lines.append(f"| {number} | `{defect.file}` | {where} | {defect.what} | {defect.build} |")
    lines.append("")
    return lines


def readme_section(files: dict[str, list[FleetRow]]) -> str:
    """The register's README sections (files, expected shares, defects), markdown."""
    return "\n".join([*_fleet_section(files), *_defects_section(list_defects(files))])


def readme_figures(files: dict[str, list[FleetRow]]) -> str:
    """The register's rows of the published-figures table, one line each."""
    bus_bev = active_share(loaded_records(files), "bus", "BEV", dt.date(2025, 9, 18))
    return FIGURES.format(bus_bev_share=f"{bus_bev:.0%}")
