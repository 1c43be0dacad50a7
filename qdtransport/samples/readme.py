"""The README written beside the sample data: what each file is, what it should show, and why.

The tables in it (registrations and shares per year, defects and their lines, sites, stations,
coverage per year) are computed from the same lists the files are written from, so the README
never disagrees with the data it describes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qdtransport.samples.alignments import ROUTE_NAMES, Alignment
from qdtransport.samples.charging import STATIONS
from qdtransport.samples.figures import (
    active_share,
    charging_space_shares,
    coverage_by_year,
    loaded_records,
    nev_shares,
)
from qdtransport.samples.fleet_files import FleetDefect, FleetRow
from qdtransport.samples.osm_demo import OSM_NOTE, DemoNetwork, mapped_stations
from qdtransport.samples.sites import SITES

_INTRO = """\
# Sample data — synthetic

**Everything in this folder is synthetic.** No row describes a real vehicle, service area or
charging station. The numbers are shaped by published Qingdao figures (cited below) so that the demo
behaves like the real city, and every file says it is synthetic (a 备注 column, a title row, or the
OSM header); `dataset.toml` marks the folder `synthetic = true` for the build (table
`build_info`), so reports can say so.

Build and look at it:

```
qdtransport build --data data_samples --db demo.duckdb
qdtransport scorecard --db demo.duckdb --year 2025
```

The files are made by `python -m qdtransport.samples --out data_samples` (seed {seed}); running it
again gives the same bytes, and a test checks that the files here are exactly what it makes, so
do not edit them by hand — change the generator in `qdtransport/samples/` instead.
"""

_FIGURES = """\
## Published figures behind the numbers

| Published figure | Source (outlet, date) | What it shaped here |
|---|---|---|
| 2013: ~5,500 buses in the six urban districts; 9,952 taxis, ~90 % petrol/CNG bi-fuel | 青岛晚报 2013-10-17 | Volumes: about half the city's yearly turnover (fleet ÷ 8–10-year life), to keep the files small; taxis before 2021 are CNG (85 %) or petrol |
| The bus group's renewals are all new-energy since 2014 | 青岛公交集团 on 民生在线, 2018-05-07 | Built-up-area buses are already 86 % NEV in 2015 (other operators still bought CNG/LNG) |
| Feb 2017: 2,688 NEV buses, 2,288 BEV + 400 PHEV | 交通出行网 2017-02-16 | 25 % of NEV buses registered up to 2018 are plug-in hybrids (most of the 400), 15 % in 2019–2020, then 4 % (and 4 % fuel-cell) |
| 2018: 97.9 % "green" public-transport vehicles (incl. CNG/LNG); 2022: 94.2 % NEV + clean energy | 现代物流报 2019-03-04; 青岛日报 2023-01-10 | Fossil buses are mostly CNG and LNG, few diesel |
| Shandong 2019: new/renewed buses in the Jinan and Qingdao built-up areas all NEV by end-2020, "keeping necessary fuel buses for emergencies" | 现代物流报 2019-03-04 | Built-up NEV share 99 % in 2020, 100 % in 2021–2024; in 2025 three fossil buses (two diesel emergency reserves, one CNG) — the city target has no emergency exception, so 2025 is **not met** |
| Laixi 2015–2018: 296 buses renewed, BEV + LNG 98 % | 青岛新闻网 2019-01-08 | Buses outside the built-up area (mostly 平度, 莱西, parts of 即墨, 胶州, 黄岛) are NEV 30 % (2015) → 78 % (2025), the rest LNG/CNG/diesel |
| Sep 2025: "nearly 70 % of buses are BEV" | 青岛早报 2025-09-18 | Check: {bus_bev_share} of the sample's buses on the register on 2025-09-18 are BEV; the sample holds no bus registered before 2015, whose CNG/LNG buses still run in the real fleet |
| May 2021: ~10,000 cruising taxis, **no** BEV cruising taxi yet | 青岛晚报 2021-05-20 | No NEV taxi registered before 2021; 3 % in 2021 |
| Shandong 14th FYP: new/renewed taxis 80 % clean energy + NEV by 2025 | 山东省交通运输厅 2021-07-20 | Taxi NEV share rises 30 % (2022) → 58 % → 74 % → 83 % (2025, **met**); the published shares for 2022–2025 were not found, so this ramp is invented |
| Shandong 2016: intercity fast charging on 青银 (G20) and 青兰 (G22) in 2016 | 新华社 2016-08-29 | The first stations, at the G20 and G22 sites, open in 2016 |
| State Grid Shandong 2017: full charging coverage of the province's service areas planned | 中国山东网 2017-05-12 | The G15 sites get State Grid stations in 2017, 平度 in 2018 |
| MOT/NEA 2022 action plan: charging spaces ≥ 10 % of small-car spaces at every service area | 新华社 2022-08-25 | Parking and charging spaces per site; one site (SA-G15-05) stays below 10 % |
| National coverage 89.48 % (mid-2023) → 98.4 % (Jul 2025); Shandong's largest operator "full coverage except sites under reconstruction" (Sep 2023) | 人民日报 2023-08-08; SCIO 2025-07-21; 经济导报 2023-09-04 | Qingdao's demo coverage ends at 95 % in 2025 (one open site without a charger): **not met** |
| Number of Qingdao service areas and chargers: not found | — | The site list is invented: real route numbers and alignments, names of towns along them |
"""


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
        f"| `fleet_register/2015-2019.csv` | GB18030, CRLF, Chinese headers (燃料种类, 经营企业), dates `2016-03-05`, taxis as 出租客运 | {counts['2015-2019.csv']:,} |",
        f"| `fleet_register/2020-2022.xlsx` | Excel, a title row above the header, real date cells | {counts['2020-2022.xlsx']:,} |",
        f"| `fleet_register/2023-2026.csv` | UTF-8 with BOM, headers VIN/车牌号/初次登记日期, dates as `2024-05-06`, `2024/5/6` or `20240506` | {counts['2023-2026.csv']:,} |",
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


def _sites_section(alignments: dict[str, Alignment]) -> list[str]:
    lines = [
        "## service_areas.xlsx — expressway service-area sites",
        "",
        "A title row, then one row per site (one per side where the sides are separate sites) on the "
        "five national expressways crossing Qingdao: "
        + ", ".join(f"{ref} {zh}" for ref, (zh, _) in ROUTE_NAMES.items())
        + ". Positions lie on the real alignments, 40 m from the centre line on the side of the "
        "carriageway the site serves (25 m beyond the carriageway); the two sides of a site are "
        "staggered by 800 m. Rows marked GCJ02 give the position shifted to GCJ-02, as Chinese web maps "
        "publish it.",
        "",
        "| Id | Name | Route | Direction | Kind | Status | Opened | Car spaces | CRS | In OSM |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for site in SITES:
        lines.append(
            f"| {site.service_area_id or '(none)'} | {site.name} | {site.route_ref} | {site.direction} | "
            f"{site.kind} | {site.status} | {site.opened or ''} | {site.car_parking_spaces} | {site.crs} | "
            f"{'yes' if site.in_osm else 'no'} |"
        )
    lines += [
        "",
        (
            "大沽河服务区 (no id) is not in the register: it exists only in the OSM file. 棘洪滩服务区 is under "
            "construction: in the register but not in OSM, and not counted."
        ),
        "",
    ]
    return lines


def _stations_section() -> list[str]:
    lines = [
        "## charging_stations.csv — charging stations",
        "",
        (
            "UTF-8 with BOM, Chinese headers, a 备注 column. Operators' own lists often leave 服务区编号 "
            "empty: those stations belong to the site within 300 m, once GCJ-02 and BD-09 positions are "
            "converted to WGS84 (here GCJ-02 shifts a position by about 460–490 m, so unconverted "
            "positions match the wrong place or none). Stations stand 45–92 m from their own site's "
            "register position and at least 700 m from any other site."
        ),
        "",
        "| Station | Site | Operator | Commissioned | Decommissioned | DC / AC | Max kW | Charging spaces | 服务区编号 given | CRS | In OSM |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    mapped = {id(s) for s in mapped_stations()}
    for s in STATIONS:
        given = ("yes" if s.gives_site_id else "no") if s.in_register else "—"
        if s.site is None:
            site = "none (town, 2 km off G2011)"
        else:
            site = s.site.service_area_id or f"{s.site.name} (OSM only)"
        lines.append(
            f"| {s.station_id if s.in_register else '(OSM only)'} | {site} | {s.operator} | {s.commissioned} | "
            f"{s.decommissioned or ''} | {s.dc_connectors} / {s.ac_connectors} | {s.max_power_kw:.0f} | "
            f"{s.charging_spaces} | {given} | {s.crs if s.in_register else '—'} | "
            f"{'yes' if id(s) in mapped else 'no'} |"
        )
    lines += [
        "",
        (
            "Expected `service_area_charger_coverage` (open service areas opened by 31 December; parking "
            "areas reported beside it):"
        ),
        "",
        "| Year | Covered | Sites | Coverage |",
        "|---|---|---|---|",
    ]
    lines += [f"| {y} | {c} | {n} | {c / n:.1%} |" for y, c, n in coverage_by_year(2016, 2025)]
    uncovered = [s for s, spaces, _ in charging_space_shares(2025) if spaces == 0]
    failing = [(s, sp, share) for s, sp, share in charging_space_shares(2025) if 0 < share < 0.10]
    lines += [
        "",
        "At the end of 2025 the site without any charger is "
        + ", ".join(f"{s.service_area_id} {s.name}({s.direction})" for s in uncovered)
        + "; the stations at 莱西服务区(日照方向) were replaced in 2021 (GW37020008 decommissioned "
        "2021-09-30, TLD0532002 commissioned 2021-10-15). Charging spaces below 10 % of car spaces: "
        + ", ".join(
            f"{s.service_area_id} {s.name}({s.direction}) {sp}/{s.car_parking_spaces} = {share:.1%}"
            for s, sp, share in failing
        )
        + ". The town station TLD0532004 (平度市李园街道) stands 2 km off G2011 and belongs to no site: "
        "it must not count.",
        "",
    ]
    return lines


def _osm_section(network: DemoNetwork) -> list[str]:
    highways: dict[str, int] = {}
    for _, _, tags in network.ways:
        highways[tags["highway"]] = highways.get(tags["highway"], 0) + 1
    chargers = sum(1 for *_, tags in network.nodes if tags.get("amenity") == "charging_station")
    return [
        "## osm/qingdao_expressways_demo.osm.pbf — demo network",
        "",
        OSM_NOTE,
        "",
        (
            f"{len(network.nodes):,} nodes and {len(network.ways)} ways: {highways.get('motorway', 0)} "
            f"motorway ways (two one-way carriageways per route, 15 m either side of the centre line, a node "
            f"at least every 150 m), {highways.get('motorway_link', 0)} motorway_link ramps (interchanges "
            f"where routes meet, entry and exit ramps of each site), {highways.get('services', 0)} "
            f"highway=services and {highways.get('rest_area', 0)} highway=rest_area areas with a service "
            f"road through each, and {chargers} amenity=charging_station nodes (sockets as "
            "socket:type2_combo, output where the operator publishes it, capacity = charging spaces). "
            "A site is reachable from its own carriageway only; 夏格庄服务区 (both) from both."
        ),
        "",
        (
            "Reconciliation with the registers, on purpose: 大沽河服务区 and its charger are only in OSM; "
            "棘洪滩服务区 (under construction) and the 2025 station TLD0532003 at 铺集服务区(莱芜方向) are only "
            "in the registers; the decommissioned GW37020008 is not mapped; the town station is mapped as a "
            "decoy off the motorway."
        ),
        "",
        (
            "The PBF header has no note field: the sentence above is its writing-program string. "
            "`qdtransport.samples.osm_demo.write_osm_demo` also writes the network as `.osm` XML, with the "
            "sentence as `<note>`."
        ),
        "",
    ]


def write_readme(path: Path, *, seed: int, files: dict[str, list[FleetRow]], defects: list[FleetDefect],
                 alignments: dict[str, Alignment], network: DemoNetwork) -> Path:  # fmt: skip
    """Write the sample data README (UTF-8, LF) and return its path."""
    records = loaded_records(files)
    bus_bev = active_share(records, "bus", "BEV", dt.date(2025, 9, 18))
    text = "\n".join([
        _INTRO.format(seed=seed),
        *_fleet_section(files),
        *_defects_section(defects),
        *_sites_section(alignments),
        *_stations_section(),
        *_osm_section(network),
        _FIGURES.format(bus_bev_share=f"{bus_bev:.0%}"),
    ])  # fmt: skip
    path.write_text(text, encoding="utf-8")
    return path


DATASET_TOML = """\
# The build reads this file into table build_info; reports label the data as synthetic.
name = "Qingdao transport demo (synthetic)"
synthetic = true
description = "Synthetic sample data (合成示例数据): fleet register, expressway service areas, charging stations and an OSM network on the real alignments, shaped by published Qingdao figures; see README.md"
as_of = 2026-01-15
"""
"""Content of ``dataset.toml``: the data set's name, the synthetic flag and the export date."""


def write_dataset_toml(path: Path) -> Path:
    """Write ``dataset.toml`` (UTF-8) beside the sample data and return its path."""
    path.write_text(DATASET_TOML, encoding="utf-8")
    return path
