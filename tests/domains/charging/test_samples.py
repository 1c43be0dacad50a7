"""The synthetic sites, stations and OSM network (qdtransport.domains.charging.samples).

The files are generated once per session into a temporary folder (fixture ``samples``). Every check
reads the written files with its own small parsers (csv, openpyxl, pyosmium) and its own geometry,
so a fault in the generator's bookkeeping cannot hide a fault in the files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from itertools import pairwise
from pathlib import Path

import openpyxl
import osmium
from shapely.geometry import Point, Polygon

from qdtransport.coords import bd09_to_wgs84, gcj02_to_wgs84
from qdtransport.domains.charging.samples import OSM_FILE
from qdtransport.domains.charging.samples.alignments import load_alignments
from qdtransport.domains.charging.samples.osm_demo import write_osm_demo

REPO = Path(__file__).resolve().parents[3]
ALIGNMENTS = REPO / "qdtransport" / "resources" / "alignments"

def _waypoints(route: str) -> list[tuple[float, float]]:
    text = (ALIGNMENTS / f"chnsd.{route.lower()}.wpt").read_text("utf-8")
    return [
        (float(lon), float(lat)) for lat, lon in re.findall(r"lat=([-\d.]+)&lon=([-\d.]+)", text)
    ]


def _offset_from_line(point: tuple[float, float], line: list[tuple[float, float]]) -> float:
    """Signed distance (m) from ``point`` to the polyline: positive right of its direction."""
    lon0, lat0 = point
    scale_x = 111_195.0 * math.cos(math.radians(lat0))
    best = math.inf
    for (ax, ay), (bx, by) in pairwise(line):
        ax, ay, bx, by = (
            (ax - lon0) * scale_x,
            (ay - lat0) * 111_195.0,
            (bx - lon0) * scale_x,
            (by - lat0) * 111_195.0,
        )
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
        distance = math.hypot(ax + t * dx, ay + t * dy)
        if distance < abs(best):
            cross = dx * (0 - ay) - dy * (0 - ax)  # > 0: point left of the segment direction
            best = -distance if cross > 0 else distance
    return best


def _service_areas(samples: Path) -> list[dict[str, object]]:
    sheet = openpyxl.load_workbook(samples / "service_areas.xlsx", read_only=True).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = [str(h) for h in rows[1]]
    return [dict(zip(header, r, strict=False)) for r in rows[2:]]


def _wgs84(lon: float, lat: float, crs: str) -> tuple[float, float]:
    if crs == "GCJ02":
        return gcj02_to_wgs84(lon, lat)
    if crs == "BD09":
        return bd09_to_wgs84(lon, lat)
    return lon, lat


# The side of the waypoint order each signed direction lies on. The waypoint files run G15 Yantai ->
# Rizhao (south), G18 east -> west, G20 and G22 from Qingdao westwards, G2011 from Qingdao north to
# Xinhe; with right-hand traffic a site serving the carriageway in waypoint order is on the right.
RIGHT_OF_WAYPOINT_ORDER = {"日照方向", "潍坊方向", "济南方向", "莱芜方向", "新河方向"}


def test_service_areas_lie_beside_their_carriageway(samples: Path) -> None:
    rows = _service_areas(samples)
    assert len(rows) == 23
    assert sum(r["坐标系"] == "GCJ02" for r in rows) >= 3
    assert [r["类型"] for r in rows].count("停车区") == 1
    assert [r["方向"] for r in rows].count("both") == 1
    assert {r["状态"] for r in rows} == {"运营", "在建"}
    for row in rows:
        lon, lat = _wgs84(float(row["经度"]), float(row["纬度"]), str(row["坐标系"]))
        offset = _offset_from_line((lon, lat), _waypoints(str(row["路线编号"])))
        # within 50 m of the centre line, beyond the carriageway 15 m out
        assert 20 <= abs(offset) <= 50, row["服务区名称"]
        if row["方向"] != "both":
            assert (offset > 0) == (row["方向"] in RIGHT_OF_WAYPOINT_ORDER), row["编号"]


def _distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat = math.radians((a[1] + b[1]) / 2)
    return math.hypot((a[0] - b[0]) * math.cos(lat), a[1] - b[1]) * 111_195.0


def _stations(samples: Path) -> list[dict[str, str]]:
    text = (samples / "charging_stations.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_charging_stations_cover_all_but_one_site_by_end_2025(samples: Path) -> None:
    sites = {
        str(r["编号"]): (_wgs84(float(r["经度"]), float(r["纬度"]), str(r["坐标系"])), r)
        for r in _service_areas(samples)
    }
    end = dt.date(2025, 12, 31)
    covered: dict[str, int] = {}
    for station in _stations(samples):
        position = _wgs84(float(station["经度"]), float(station["纬度"]), station["坐标系"])
        if station["服务区编号"]:
            site_ids = [station["服务区编号"]]
        else:
            site_ids = [sid for sid, (p, _) in sites.items() if _distance_m(position, p) <= 300]
        if station["充电站名称"].startswith("平度市"):
            assert site_ids == []  # the town decoy belongs to no site
            assert min(_distance_m(position, p) for p, _ in sites.values()) > 1500
            continue
        assert len(site_ids) == 1, station["充电站编号"]  # never ambiguous
        commissioned = dt.date.fromisoformat(station["投运日期"])
        stopped = station["停运日期"]
        if commissioned <= end and (not stopped or dt.date.fromisoformat(stopped) > end):
            covered[site_ids[0]] = covered.get(site_ids[0], 0) + int(station["充电车位数"])
    counted = [
        sid for sid, (_, r) in sites.items() if r["类型"] == "服务区" and r["状态"] == "运营"
    ]
    assert len(counted) == 21
    assert [sid for sid in counted if sid not in covered] == ["SA-G18-02"]
    below_ten_percent = [sid for sid in counted if sid in covered
                         and covered[sid] < 0.10 * int(sites[sid][1]["小客车车位数"])]
    assert below_ten_percent == ["SA-G15-05"]
    assert sum(1 for s in _stations(samples) if s["停运日期"]) == 1
    assert {s["坐标系"] for s in _stations(samples)} == {"WGS84", "GCJ02", "BD09"}


def _osm_counts(path: Path) -> dict[str, object]:
    counts: dict[str, int] = {}
    refs: set[str] = set()
    areas: list[Polygon] = []
    chargers: list[tuple[float, float]] = []
    motorway_nodes: list[tuple[float, float]] = []
    for obj in osmium.FileProcessor(str(path)).with_locations():
        if obj.is_node() and obj.tags.get("amenity") == "charging_station":
            chargers.append((obj.location.lon, obj.location.lat))
        elif obj.is_way():
            kind = obj.tags.get("highway", "")
            counts[kind] = counts.get(kind, 0) + 1
            if kind == "motorway":
                refs.add(obj.tags["ref"])
                motorway_nodes += [(n.lon, n.lat) for n in obj.nodes]
            if kind in ("services", "rest_area"):
                assert obj.is_closed()
                areas.append(Polygon([(n.lon, n.lat) for n in obj.nodes]))
    return {
        "counts": counts,
        "refs": refs,
        "areas": areas,
        "chargers": chargers,
        "motorway": motorway_nodes,
    }


def _check_osm(found: dict[str, object]) -> None:
    # Expected from the site list in data_samples/README.md, counted by hand:
    # 23 register sites, less 棘洪滩 (under construction, not mapped) = 22, of which 1 parking area
    # (泊里) -> 21 services, plus 大沽河 (OSM only) = 22 services and 1 rest area.
    counts = found["counts"]
    assert counts["services"] == 22 and counts["rest_area"] == 1
    # 31 stations listed, less GW37020008 (decommissioned) and TLD0532003 (not yet mapped) = 29,
    # which include the OSM-only charger at 大沽河 and the town decoy.
    chargers = found["chargers"]
    assert len(chargers) == 29
    # Ramps: G15 crosses G20, G2011 and G22 (8 ramps each); G2011 ends on G20 and on G18 (4 each);
    # 22 one-sided sites have an entry and an exit ramp, 夏格庄 (both) two of each: 24 + 8 + 44 + 4.
    assert counts["motorway_link"] == 80
    assert found["refs"] == {"G15", "G18", "G20", "G2011", "G22"}
    inside = [c for c in chargers if any(a.contains(Point(c)) for a in found["areas"])]
    assert len(inside) == 28  # all but the decoy
    decoy = [c for c in chargers if c not in inside]
    nearest = min(_distance_m(decoy[0], m) for m in found["motorway"])
    assert 1800 < nearest < 2100


def test_osm_pbf_parses_with_the_expected_sites_and_chargers(samples: Path) -> None:
    _check_osm(_osm_counts(samples / OSM_FILE))
    header = osmium.io.Reader(str(samples / OSM_FILE), osmium.osm.osm_entity_bits.NOTHING)
    try:
        assert "Sites, links and chargers are synthetic" in header.header().get("generator")
    finally:
        header.close()


def test_osm_xml_has_the_same_content_and_the_note(tmp_path: Path) -> None:
    path = write_osm_demo(tmp_path / "demo.osm", load_alignments())
    _check_osm(_osm_counts(path))
    head = path.read_text("utf-8")[:600]
    assert (
        "<note>Synthetic expressway network laid on real alignments: © OpenStreetMap contributors (ODbL)"
        in head
    )


def test_each_site_is_reachable_from_its_own_carriageway_only(samples: Path) -> None:
    import networkx as nx

    locations: dict[int, tuple[float, float]] = {}
    ways: list[tuple[dict[str, str], list[int]]] = []
    for obj in osmium.FileProcessor(str(samples / OSM_FILE)).with_locations():
        if obj.is_node():
            locations[obj.id] = (obj.location.lon, obj.location.lat)
        elif obj.is_way():
            ways.append((dict(obj.tags), [n.ref for n in obj.nodes]))
    graph = nx.DiGraph()
    carriageway_side: dict[
        int, tuple[str, int]
    ] = {}  # motorway node -> (route, +1 right / -1 left)
    for tags, nodes in ways:
        if tags["highway"] in ("services", "rest_area"):
            continue
        graph.add_edges_from(pairwise(nodes))
        if tags.get("oneway") != "yes":
            graph.add_edges_from(pairwise(nodes[::-1]))
        if tags["highway"] == "motorway":
            middle = locations[nodes[len(nodes) // 2]]
            side = 1 if _offset_from_line(middle, _waypoints(tags["ref"])) > 0 else -1
            carriageway_side.update(dict.fromkeys(nodes, (tags["ref"], side)))
    link_only = graph.subgraph(n for n in graph if n not in carriageway_side)
    for tags, nodes in ways:
        if tags["highway"] not in ("services", "rest_area"):
            continue
        area = Polygon([locations[n] for n in nodes])
        road = [n for n in link_only if area.contains(Point(locations[n]))]
        assert road, tags["name"]
        sources, sinks = set(), set()
        for node in road:
            reach_back = nx.ancestors(link_only, node) | {node}
            reach_on = nx.descendants(link_only, node) | {node}
            sources |= {
                carriageway_side[m]
                for n in reach_back
                for m in graph.predecessors(n)
                if m in carriageway_side
            }
            sinks |= {
                carriageway_side[m]
                for n in reach_on
                for m in graph.successors(n)
                if m in carriageway_side
            }
        route = next(iter(sources))[0]
        own_side = 1 if _offset_from_line(area.centroid.coords[0], _waypoints(route)) > 0 else -1
        expected = (
            {(route, 1), (route, -1)} if tags["name"] == "夏格庄服务区" else {(route, own_side)}
        )
        assert sources == expected and sinks == expected, tags["name"]

