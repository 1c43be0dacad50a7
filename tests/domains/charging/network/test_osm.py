"""Reading OSM files offline: XML through osmnx, PBF through pyosmium, the same result."""

from __future__ import annotations

import gzip
import math
import socket
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import osmium
import pytest
import shapely

from qdtransport.domains.charging.network import read_osm
from qdtransport.domains.charging.network.geometry import haversine_m

STEP_M = 1111.9508  # 0.01 degree of latitude, metres


def edge_set(extract) -> set[tuple[int, int, int, float]]:
    return {(u, v, d["osmid"], round(d["length"], 3)) for u, v, d in extract.graph.edges(data=True)}


def test_tagging_cases_read_with_osmnx(osm_data: Path) -> None:
    extract = read_osm(osm_data / "tagging.osm")
    assert extract.reader == "osmnx"
    # way 1 (two-way, G20;G15): 1->3 and 3->1, 2 steps each; way 2 (oneway=-1, drawn 4->3): 3->4;
    # way 3 (slip road, no oneway tag): 4->6, 0.002 degree east at 36.03 N = 222.39 m * cos(36.03)
    assert edge_set(extract) == {
        (1, 3, 1, round(2 * STEP_M, 3)),
        (3, 1, 1, round(2 * STEP_M, 3)),
        (3, 4, 2, round(STEP_M, 3)),
        (4, 6, 3, round(float(haversine_m(120.0, 36.03, 120.002, 36.03)), 3)),
    }
    refs = {d["osmid"]: d["ref"] for _, _, d in extract.graph.edges(data=True)}
    assert refs == {1: ("G20", "G15"), 2: ("G20",), 3: ()}
    link = next(d for _, _, d in extract.graph.edges(data=True) if d["osmid"] == 3)
    assert link["highway"] == "motorway_link" and link["length"] == pytest.approx(179.85, abs=0.01)

    sites = {row["site_id"]: row for row in extract.sites.iter_rows(named=True)}
    assert set(sites) == {"n10", "w20", "r30"}
    assert (sites["n10"]["kind"], sites["n10"]["geometry_wkt"]) == ("services", None)
    # rectangles: the centroid is the middle of the box
    assert (sites["w20"]["lon"], sites["w20"]["lat"]) == (
        pytest.approx(120.025),
        pytest.approx(36.065),
    )
    assert sites["r30"]["kind"] == "rest_area" and sites["r30"]["name"] == "多边形停车区"
    assert (sites["r30"]["lon"], sites["r30"]["lat"]) == (
        pytest.approx(120.05),
        pytest.approx(36.085),
    )
    assert shapely.from_wkt(sites["r30"]["geometry_wkt"]).area == pytest.approx(0.02 * 0.01)

    chargers = {row["osm_id"]: row for row in extract.chargers.iter_rows(named=True)}
    assert set(chargers) == {"n40", "w41"}
    assert chargers["n40"]["operator"] == "Synthetic Charging Co."
    assert chargers["n40"]["point_outputs_kw"] == [150.0, 150.0]
    assert chargers["w41"]["total_power_kw"] == 66.0  # 3 points at 22 kW
    assert (chargers["w41"]["lon"], chargers["w41"]["lat"]) == (
        pytest.approx(120.075),
        pytest.approx(36.105),
    )


@pytest.mark.parametrize("name", ["tagging.osm", "corridor.osm"])
def test_osmnx_and_pyosmium_agree(osm_data: Path, name: str) -> None:
    by_osmnx = read_osm(osm_data / name, reader="osmnx")
    by_pyosmium = read_osm(osm_data / name, reader="pyosmium")
    assert (by_osmnx.reader, by_pyosmium.reader) == ("osmnx", "pyosmium")
    assert edge_set(by_osmnx) == edge_set(by_pyosmium)
    assert by_osmnx.sites.equals(by_pyosmium.sites)
    assert by_osmnx.chargers.equals(by_pyosmium.chargers)


def test_clipped_xml_is_read_with_pyosmium(osm_data: Path) -> None:
    extract = read_osm(osm_data / "clipped.osm")
    assert extract.reader == "pyosmium"
    assert "osmnx could not build the graph" in extract.notes[0]
    # way 1 is 1-2-(3 missing)-4-5: two pieces, nothing drawn across the gap
    assert edge_set(extract) == {(1, 2, 1, round(STEP_M, 3)), (4, 5, 1, round(STEP_M, 3))}
    # the clipped service area keeps the outline of its 3 located nodes
    (site,) = extract.sites.iter_rows(named=True)
    assert site["site_id"] == "w50"
    assert shapely.from_wkt(site["geometry_wkt"]).geom_type == "LineString"
    assert any("w50" in note for note in extract.notes)


def test_reading_makes_no_network_connection(
    osm_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert read_osm(osm_data / "corridor.osm").graph.number_of_edges() > 0


def test_osmnx_settings_are_restored(osm_data: Path) -> None:
    import osmnx as ox

    before = (ox.settings.overpass_url, ox.settings.all_oneway, list(ox.settings.useful_tags_way))
    read_osm(osm_data / "tagging.osm")
    assert (
        ox.settings.overpass_url,
        ox.settings.all_oneway,
        list(ox.settings.useful_tags_way),
    ) == before


def test_bad_paths(tmp_path: Path, osm_data: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_osm(tmp_path / "missing.osm")
    other = tmp_path / "roads.csv"
    other.write_text("a,b\n")
    with pytest.raises(ValueError, match="not an OSM file"):
        read_osm(other)
    with pytest.raises(ValueError, match="osmnx reads OSM XML only"):
        read_osm(osm_data / "anhui_s23_clip.osm.pbf", reader="osmnx")


def test_a_file_without_motorways(tmp_path: Path) -> None:
    path = tmp_path / "empty.osm"
    path.write_text('<osm version="0.6"><node id="1" lat="36" lon="120" version="1"/></osm>')
    for reader in ("osmnx", "pyosmium"):
        extract = read_osm(path, reader=reader)
        assert extract.graph.number_of_edges() == 0
        assert extract.sites.height == 0 and "geometry_wkt" in extract.sites.columns
        assert extract.chargers.height == 0 and "max_power_kw" in extract.chargers.columns


def _count_xml(path: Path) -> tuple[set[int], float]:
    """Motorway and link way ids, and their total length in each direction of travel.

    Counted straight from the XML with the standard library (independent of osmnx and pyosmium).
    """
    nodes: dict[str, tuple[float, float]] = {}
    ways: set[int] = set()
    total = 0.0
    with gzip.open(path) as handle:
        for _, element in ET.iterparse(handle):
            if element.tag == "node":
                nodes[element.get("id")] = (float(element.get("lon")), float(element.get("lat")))
            elif element.tag == "way":
                tags = {t.get("k"): t.get("v") for t in element.findall("tag")}
                if tags.get("highway") in ("motorway", "motorway_link"):
                    ways.add(int(element.get("id")))
                    refs = [nd.get("ref") for nd in element.findall("nd")]
                    directions = 2 if tags.get("oneway") in ("no", "false", "0") else 1
                    for a, b in pairwise(refs):
                        (ax, ay), (bx, by) = nodes[a], nodes[b]
                        radius = 6_371_009.0
                        h = (
                            math.sin(math.radians(by - ay) / 2) ** 2
                            + math.cos(math.radians(ay))
                            * math.cos(math.radians(by))
                            * math.sin(math.radians(bx - ax) / 2) ** 2
                        )
                        total += directions * 2 * radius * math.asin(math.sqrt(h))
                element.clear()
    return ways, total


def test_taipei_extract_matches_an_independent_count(osm_data: Path) -> None:
    path = osm_data / "taipei_motorway_sample.osm.xml.gz"
    way_ids, total_m = _count_xml(path)
    assert len(way_ids) == 94 + 113  # PROVENANCE.md: 94 motorway and 113 motorway_link ways
    extract = read_osm(path)
    assert extract.reader == "osmnx"
    assert {d["osmid"] for _, _, d in extract.graph.edges(data=True)} == way_ids
    assert sum(d["length"] for _, _, d in extract.graph.edges(data=True)) == pytest.approx(
        total_m, rel=1e-9
    )
    assert extract.sites.height == 0 and extract.chargers.height == 0


def _write_xml(source: Path, target: Path) -> None:
    writer = osmium.SimpleWriter(str(target))
    for obj in osmium.FileProcessor(str(source)):
        writer.add(obj)
    writer.close()


def test_anhui_clip_xml_and_pbf_agree(osm_data: Path, tmp_path: Path) -> None:
    pbf = osm_data / "anhui_s23_clip_with_charger.osm.pbf"
    xml = tmp_path / "clip.osm"
    _write_xml(pbf, xml)
    by_pyosmium, by_osmnx = read_osm(pbf), read_osm(xml)
    assert by_osmnx.reader == "osmnx"
    assert edge_set(by_osmnx) == edge_set(by_pyosmium)
    assert by_osmnx.sites.equals(by_pyosmium.sites)
    assert by_osmnx.chargers.equals(by_pyosmium.chargers)


def test_anhui_clip_counts(osm_data: Path) -> None:
    class Count(osmium.SimpleHandler):
        def __init__(self) -> None:
            super().__init__()
            self.motorway_ways: set[int] = set()
            self.services: set[str] = set()
            self.chargers: set[str] = set()

        def way(self, w: osmium.osm.Way) -> None:
            if w.tags.get("highway") in ("motorway", "motorway_link"):
                self.motorway_ways.add(w.id)
            if w.tags.get("highway") == "services":
                self.services.add(f"w{w.id}")

        def node(self, n: osmium.osm.Node) -> None:
            if n.tags.get("amenity") == "charging_station":
                self.chargers.add(f"n{n.id}")

    count = Count()
    count.apply_file(str(osm_data / "anhui_s23_clip_with_charger.osm.pbf"))
    extract = read_osm(osm_data / "anhui_s23_clip_with_charger.osm.pbf")
    assert {d["osmid"] for _, _, d in extract.graph.edges(data=True)} == count.motorway_ways
    assert (
        set(extract.sites["site_id"])
        == count.services
        == {"w475542562", "w475542563", "w475542571", "w475542572"}
    )
    assert set(extract.chargers["osm_id"]) == count.chargers == {"n-1"}
    # the synthetic charger lies inside the polygon it was added to
    polygon = shapely.from_wkt(extract.sites.filter(site_id="w475542562")["geometry_wkt"][0])
    charger = extract.chargers.row(0, named=True)
    assert polygon.contains(shapely.Point(charger["lon"], charger["lat"]))


@pytest.mark.parametrize(("suffix", "opener"), [(".osm.bz2", "bz2"), (".osm.gz", "gzip")])
def test_compressed_xml(osm_data: Path, tmp_path: Path, suffix: str, opener: str) -> None:
    import bz2

    module = bz2 if opener == "bz2" else gzip
    target = tmp_path / f"corridor{suffix}"
    with module.open(target, "wb") as handle:
        handle.write((osm_data / "corridor.osm").read_bytes())
    assert edge_set(read_osm(target)) == edge_set(read_osm(osm_data / "corridor.osm"))
