"""Benchmark of the network coverage check: PBF (pyosmium) against OSM XML (osmnx).

Run with ``python bench/bench_network.py`` (a few minutes). Two data sets:

- ``shandong``: a SYNTHETIC Shandong-scale expressway network laid along the real route alignments
  in ``qdtransport/resources/alignments`` (Travel Mapping waypoints): each route densified to one
  node about every 100 m, split into two one-way carriageways 15 m either side of the alignment,
  cut into ways of 5 km, with a service area on each carriageway every 50 km (a polygon reached by
  an exit and an entry slip road) and a charger at two sites out of three. Written to a
  temporary folder as ``.osm.pbf`` and as ``.osm`` XML with pyosmium.
- ``anhui``: the real OSM tile ``tests/data/osm/atlas_7-105-51.osm.pbf`` (Anhui, Henan, Jiangsu,
  2017; © OpenStreetMap contributors, ODbL) and its XML form written with pyosmium.

For each, in a fresh process per measurement (so that peak memory is that measurement's own):

- ``pbf load``: :func:`qdtransport.domains.charging.network.read_osm` on the PBF file (pyosmium);
- ``osmnx graph_from_xml``: the baseline, osmnx on the same data as XML (graph only, offline), in
  two forms: ``graph_from_xml(xml, retain_all=True)``, which simplifies the graph as the PBF path
  does (the like-for-like baseline), and ``simplify=False``, osmnx's fastest way to a graph;
- ``xml load``: :func:`read_osm` on the XML (osmnx graph and features, as the product does);
- ``coverage``: :func:`qdtransport.domains.charging.network.compute_network_coverage` after the PBF load.

Peak memory is the peak resident set size of that process, interpreter and imports included.
"""

from __future__ import annotations

import math
import multiprocessing
import re
import resource
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
ALIGNMENTS = REPO / "qdtransport" / "resources" / "alignments"
ANHUI_TILE = REPO / "tests" / "data" / "osm" / "atlas_7-105-51.osm.pbf"

NODE_SPACING_M = 100.0
CARRIAGEWAY_OFFSET_M = 15.0
WAY_LENGTH_NODES = 50
SITE_SPACING_M = 50_000.0
EARTH_RADIUS_M = 6_371_009.0
_POINT = re.compile(r"lat=(-?\d+(?:\.\d+)?)&lon=(-?\d+(?:\.\d+)?)")


def read_alignments() -> dict[str, list[tuple[float, float]]]:
    """Route ref -> waypoints (lon, lat) from the ``.wpt`` files."""
    routes = {}
    for path in sorted(ALIGNMENTS.glob("*.wpt")):
        points = []
        for line in path.read_text("utf-8").splitlines():
            match = _POINT.search(line)
            if match:
                points.append((float(match.group(2)), float(match.group(1))))
        routes[path.stem.split(".")[-1].upper()] = points
    return routes


def _to_xy(lon: float, lat: float, lat0: float) -> tuple[float, float]:
    scale = math.pi / 180 * EARTH_RADIUS_M
    return lon * scale * math.cos(math.radians(lat0)), lat * scale


def _to_lonlat(x: float, y: float, lat0: float) -> tuple[float, float]:
    scale = math.pi / 180 * EARTH_RADIUS_M
    return x / (scale * math.cos(math.radians(lat0))), y / scale


def densify(points: list[tuple[float, float]], lat0: float) -> list[tuple[float, float]]:
    """Points in metres (x, y) about every NODE_SPACING_M along the waypoint polyline."""
    xy = [_to_xy(lon, lat, lat0) for lon, lat in points]
    dense = [xy[0]]
    for (x0, y0), (x1, y1) in pairwise(xy):
        length = math.hypot(x1 - x0, y1 - y0)
        steps = max(1, round(length / NODE_SPACING_M))
        dense.extend(
            (x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps) for k in range(1, steps + 1)
        )
    return [p for i, p in enumerate(dense) if i == 0 or p != dense[i - 1]]


def offset_line(line: list[tuple[float, float]], distance: float) -> list[tuple[float, float]]:
    """The polyline shifted sideways by ``distance`` metres (positive: to the right of travel)."""
    shifted = []
    for i, (x, y) in enumerate(line):
        a = line[max(i - 1, 0)]
        b = line[min(i + 1, len(line) - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        norm = math.hypot(dx, dy) or 1.0
        shifted.append((x + dy / norm * distance, y - dx / norm * distance))
    return shifted


def build_shandong(folder: Path) -> tuple[Path, Path, dict[str, int]]:
    """Write the synthetic Shandong network as PBF and XML; return the paths and its counts."""
    import osmium

    routes = read_alignments()
    lat0 = 36.3
    next_id = 1
    nodes: list[tuple[int, float, float, dict[str, str]]] = []
    ways: list[tuple[int, list[int], dict[str, str]]] = []

    def add_node(x: float, y: float, tags: dict[str, str] | None = None) -> int:
        nonlocal next_id
        lon, lat = _to_lonlat(x, y, lat0)
        nodes.append((next_id, lon, lat, tags or {}))
        next_id += 1
        return next_id - 1

    def add_way(refs: list[int], tags: dict[str, str]) -> None:
        nonlocal next_id
        ways.append((next_id, refs, tags))
        next_id += 1

    sites = chargers = 0
    for ref, points in routes.items():
        if len(points) < 2:
            continue
        centre = densify(points, lat0)
        for side in (1, -1):
            line = offset_line(centre if side == 1 else centre[::-1], CARRIAGEWAY_OFFSET_M)
            ids = [add_node(x, y) for x, y in line]
            tags = {"highway": "motorway", "ref": ref, "oneway": "yes", "name": f"{ref} synthetic"}
            for start in range(0, len(ids) - 1, WAY_LENGTH_NODES):
                add_way(ids[start : start + WAY_LENGTH_NODES + 1], tags)
            # a service area every SITE_SPACING_M, starting half a spacing in
            step = int(SITE_SPACING_M / NODE_SPACING_M)
            for k, at in enumerate(range(step // 2, len(ids) - 10, step)):
                exit_i, entry_i = at - 3, at + 3
                outer = offset_line(line[exit_i : entry_i + 1], 120.0)
                far = offset_line(line[exit_i : entry_i + 1], 260.0)
                ring = [add_node(x, y) for x, y in outer[1:-1] + far[-2:0:-1]]
                add_way(
                    [*ring, ring[0]],
                    {"highway": "services", "name": f"{ref} synthetic site {side}-{k}"},
                )
                add_way([ids[exit_i], ring[0]], {"highway": "motorway_link", "oneway": "yes"})
                entry_node = ring[len(outer) - 3]
                add_way([entry_node, ids[entry_i]], {"highway": "motorway_link", "oneway": "yes"})
                sites += 1
                if k % 3 != 2:
                    cx, cy = (outer[3][0] + far[3][0]) / 2, (outer[3][1] + far[3][1]) / 2
                    power = (
                        {"socket:gb_dc": "4", "socket:gb_dc:output": "160 kW"} if k % 3 == 0 else {}
                    )
                    add_node(cx, cy, {"amenity": "charging_station", **power})
                    chargers += 1

    pbf, xml = folder / "shandong_synthetic.osm.pbf", folder / "shandong_synthetic.osm"
    for target in (pbf, xml):
        writer = osmium.SimpleWriter(str(target))
        for node_id, lon, lat, tags in nodes:
            writer.add_node(osmium.osm.mutable.Node(id=node_id, location=(lon, lat), tags=tags))
        for way_id, refs, tags in ways:
            writer.add_way(osmium.osm.mutable.Way(id=way_id, nodes=refs, tags=tags))
        writer.close()
    return pbf, xml, {"nodes": len(nodes), "ways": len(ways), "sites": sites, "chargers": chargers}


def write_xml_copy(source: Path, target: Path) -> None:
    """The same OSM data as XML, written object by object with pyosmium."""
    import osmium

    writer = osmium.SimpleWriter(str(target))
    for obj in osmium.FileProcessor(str(source)):
        writer.add(obj)
    writer.close()


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _measure(task: str, path: str, queue: Any) -> None:
    """Run one measurement in this (fresh) process and put its figures on the queue."""
    import osmnx as ox

    from qdtransport.domains.charging.network import compute_network_coverage, read_osm
    from qdtransport.domains.charging.network.osm import osmnx_offline

    result: dict[str, float] = {"rss_after_imports_mb": _peak_rss_mb()}
    started = time.perf_counter()
    if task.startswith("osmnx_graph"):
        with osmnx_offline():
            graph = ox.graph_from_xml(path, simplify=task == "osmnx_graph", retain_all=True)
        result["seconds"] = time.perf_counter() - started
        result["edges"] = graph.number_of_edges()
    else:
        extract = read_osm(path)
        result["seconds"] = time.perf_counter() - started
        result["edges"] = extract.graph.number_of_edges()
        if task == "pbf_coverage":
            started = time.perf_counter()
            coverage = compute_network_coverage(extract)
            result["coverage_seconds"] = time.perf_counter() - started
            result["sites_on_network"] = coverage.sa_network_coverage.height
            result["carriageways"] = coverage.corridor_gaps.height
    result["peak_rss_mb"] = _peak_rss_mb()
    queue.put(result)


def measure(task: str, path: Path) -> dict[str, float]:
    """One measurement in a fresh interpreter (spawned), so its peak memory is its own."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_measure, args=(task, str(path), queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def run(name: str, pbf: Path, xml: Path) -> dict[str, dict[str, float]]:
    """Time every task on one extract (PBF and XML forms); task -> its figures."""
    print(
        f"[{name}] pbf {pbf.stat().st_size / 1e6:.1f} MB, xml {xml.stat().st_size / 1e6:.1f} MB",
        flush=True,
    )
    figures = {}
    tasks = (
        ("pbf_coverage", pbf),
        ("osmnx_graph", xml),
        ("osmnx_graph_unsimplified", xml),
        ("xml_read", xml),
    )
    for task, path in tasks:
        figures[task] = measure(task, path)
        print(f"[{name}] {task}: {figures[task]}", flush=True)
    return figures


def main() -> int:
    """Run the benchmark on every extract and print the ratios."""
    results = {}
    with tempfile.TemporaryDirectory(prefix="qdtransport-bench-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        pbf, xml, counts = build_shandong(folder)
        print(f"[shandong] built in {time.perf_counter() - started:.1f} s: {counts}", flush=True)
        results["shandong (synthetic)"] = run("shandong", pbf, xml)
        anhui_xml = folder / "atlas_7-105-51.osm"
        write_xml_copy(ANHUI_TILE, anhui_xml)
        results["anhui tile (real OSM)"] = run("anhui", ANHUI_TILE, anhui_xml)

    print()
    header = (
        f"{'data set':<22} {'pbf load s':>10} {'osmnx s':>8} {'ratio':>6} "
        f"{'osmnx unsimpl. s':>17} {'ratio':>6} {'xml read_osm s':>15} {'coverage s':>11} "
        f"{'edges':>6} {'sites':>6} {'peak MB pbf+cov':>16} {'peak MB osmnx':>14}"
    )
    print(header)
    print("-" * len(header))
    for name, figures in results.items():
        pbf_run, xml_run = figures["pbf_coverage"], figures["xml_read"]
        osmnx_run, raw_run = figures["osmnx_graph"], figures["osmnx_graph_unsimplified"]
        print(
            f"{name:<22} {pbf_run['seconds']:>10.2f} {osmnx_run['seconds']:>8.2f} "
            f"{osmnx_run['seconds'] / pbf_run['seconds']:>5.1f}x {raw_run['seconds']:>17.2f} "
            f"{raw_run['seconds'] / pbf_run['seconds']:>5.1f}x {xml_run['seconds']:>15.2f} "
            f"{pbf_run['coverage_seconds']:>11.2f} {int(pbf_run['edges']):>6} "
            f"{int(pbf_run['sites_on_network']):>6} {pbf_run['peak_rss_mb']:>16.0f} "
            f"{max(osmnx_run['peak_rss_mb'], raw_run['peak_rss_mb']):>14.0f}"
        )
    print(
        "ratio = osmnx graph_from_xml time / pbf load time on the same data (first: simplified "
        "like the pbf graph; second: unsimplified); coverage = compute_network_coverage after "
        "the pbf load; "
        "peak MB = peak RSS of a fresh process, interpreter and imports included "
        f"(~{results['shandong (synthetic)']['pbf_coverage']['rss_after_imports_mb']:.0f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
