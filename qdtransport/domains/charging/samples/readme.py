"""The sites', stations' and demo network's part of the sample README.

The tables are computed from the same lists the files are written from, so the README never
disagrees with the data it describes.
"""

from __future__ import annotations

from qdtransport.domains.charging.samples.alignments import ROUTE_NAMES, Alignment
from qdtransport.domains.charging.samples.figures import charging_space_shares, coverage_by_year
from qdtransport.domains.charging.samples.osm_demo import OSM_NOTE, DemoNetwork, mapped_stations
from qdtransport.domains.charging.samples.sites import SITES
from qdtransport.domains.charging.samples.stations import STATIONS

FIGURE_ROWS: tuple[str, ...] = (
    (
        "| Shandong 2016: intercity fast charging on 青银 (G20) and 青兰 (G22) in 2016 | 新华社 2016-08-29 | The first "
        "stations, at the G20 and G22 sites, open in 2016 |"
    ),
    (
        "| State Grid Shandong 2017: full charging coverage of the province's service areas planned | 中国山东网 "
        "2017-05-12 | The G15 sites get State Grid stations in 2017, 平度 in 2018 |"
    ),
    (
        "| MOT/NEA 2022 action plan: charging spaces ≥ 10 % of small-car spaces at every service area | 新华社 "
        "2022-08-25 | Parking and charging spaces per site; one site (SA-G15-05) stays below 10 % |"
    ),
    (
        '| National coverage 89.48 % (mid-2023) → 98.4 % (Jul 2025); Shandong\'s largest operator "full coverage '
        'except sites under reconstruction" (Sep 2023) | 人民日报 2023-08-08; SCIO 2025-07-21; 经济导报 2023-09-04 | '
        "Qingdao's demo coverage ends at 95 % in 2025 (one open site without a charger): **not met** |"
    ),
    (
        "| Number of Qingdao service areas and chargers: not found | — | The site list is invented: real route "
        "numbers and alignments, names of towns along them |"
    ),
)
"""Rows of the README's table of published figures (markdown, one row each)."""

FIGURES = "".join(row + "\n" for row in FIGURE_ROWS)
"""Rows of the README's table of published figures that shaped the sites and stations."""


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
        (
            "| Station | Site | Operator | Commissioned | Decommissioned | DC / AC | Max kW | Charging spaces | "
            "服务区编号 "
            "given | CRS | In OSM |"
        ),
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
            "`qdtransport.domains.charging.samples.osm_demo.write_osm_demo` also writes the network as `.osm` XML, "
            "with the "
            "sentence as `<note>`."
        ),
        "",
    ]


def readme_section(alignments: dict[str, Alignment], network: DemoNetwork) -> str:
    """The README sections of the sites, the stations and the demo network, markdown."""
    return "\n".join([*_sites_section(alignments), *_stations_section(), *_osm_section(network)])
