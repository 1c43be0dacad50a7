"""Real OpenStreetMap data (© OpenStreetMap contributors, ODbL): the S23 clip and the whole tile.

The whole-tile tests are the integration tests: 4 MB of unfiltered 2017 data from Anhui, Henan and
Jiangsu (see tests/data/osm/PROVENANCE.md), read with pyosmium in under a second.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import osmium
import pytest

from qdtransport.domains.charging.network import compute_network_coverage, read_osm

# The service areas of PROVENANCE.md as pairs of polygons, one on each side of the road.
PAIRS_WITH_SLIP_ROADS = [
    ("w161679435", "w161679436"),
    ("w444904140", "w444904149"),
    ("w456837338", "w456837340"),
    ("w464265381", "w464265382"),
    ("w464267818", "w464267819"),
    ("w469080301", "w469080302"),
    ("w471565135", "w471565136"),
    ("w475542560", "w475542561"),
    ("w475542562", "w475542563"),
    ("w478281679", "w478281680"),
    ("w490910238", "w490910239"),
]
"""Pairs whose polygons each have a motorway_link within 15 m (measured when the fixture was
chosen); with 固始服务区 w348081472 (one polygon on S39) they are the 23 linked polygons."""

FAR_FROM_ANY_MOTORWAY = {"n4594109474", "w478308359", "w478308360", "w478308377", "w478308378"}
"""Sites 1, 20 and 21 of PROVENANCE.md: 6.8 km and 28 km from the nearest motorway."""


class Counter(osmium.SimpleHandler):
    """Counts the tags straight from the file, independently of the reader."""

    def __init__(self) -> None:
        super().__init__()
        self.road_ways: set[int] = set()
        self.sites: set[str] = set()
        self.chargers: set[str] = set()

    def node(self, n: osmium.osm.Node) -> None:
        if n.tags.get("highway") in ("services", "rest_area"):
            self.sites.add(f"n{n.id}")
        if n.tags.get("amenity") == "charging_station":
            self.chargers.add(f"n{n.id}")

    def way(self, w: osmium.osm.Way) -> None:
        if w.tags.get("highway") in ("motorway", "motorway_link"):
            self.road_ways.add(w.id)
        if w.tags.get("highway") in ("services", "rest_area"):
            self.sites.add(f"w{w.id}")


@pytest.fixture(scope="module")
def tile(osm_data: Path):
    return read_osm(osm_data / "atlas_7-105-51.osm.pbf")


@pytest.fixture(scope="module")
def tile_coverage(tile):
    return compute_network_coverage(tile, as_of=dt.date(2017, 12, 31))


def test_whole_tile_loads_everything(osm_data: Path, tile) -> None:
    count = Counter()
    count.apply_file(str(osm_data / "atlas_7-105-51.osm.pbf"))
    assert len(count.road_ways) == 2146 + 1002  # PROVENANCE.md: motorway and motorway_link ways
    assert {d["osmid"] for _, _, d in tile.graph.edges(data=True)} == count.road_ways
    assert set(tile.sites["site_id"]) == count.sites and len(count.sites) == 42  # 41 ways, 1 node
    assert set(tile.chargers["osm_id"]) == count.chargers == {"n4893973565"}
    assert tile.notes == []  # every way of the tile is complete


def test_whole_tile_sites_on_the_network(tile_coverage) -> None:
    table = tile_coverage.sa_network_coverage
    linked = {site for pair in PAIRS_WITH_SLIP_ROADS for site in pair} | {"w348081472"}
    assert set(table["site_id"]) == linked
    directions = dict(table.select("site_id", "direction").iter_rows())
    routes = dict(table.select("site_id", "route_ref").iter_rows())
    for a, b in PAIRS_WITH_SLIP_ROADS:
        # each polygon serves its own carriageway: same route, opposite directions, never both
        assert routes[a] == routes[b]
        assert "both" not in (directions[a], directions[b])
        assert directions[a] != directions[b]
    # PROVENANCE.md: no charger is at any service area
    assert not table["has_charger"].any()


def test_whole_tile_reconciliation(tile_coverage) -> None:
    findings = tile_coverage.reconciliation
    far = set(findings.filter(kind="site_not_on_motorway")["object_id"])
    assert far == FAR_FROM_ANY_MOTORWAY
    # the other 14 polygons lie next to a motorway (5 to 49 m) but no slip road reaches them
    assert findings.filter(kind="site_without_links").height == 42 - 23 - len(FAR_FROM_ANY_MOTORWAY)


def test_clip_with_a_charger(osm_data: Path) -> None:
    extract = read_osm(osm_data / "anhui_s23_clip_with_charger.osm.pbf")
    coverage = compute_network_coverage(extract, as_of=dt.date(2017, 12, 31))
    table = coverage.sa_network_coverage
    assert set(table["site_id"]) == {"w475542562", "w475542563"}
    with_charger = table.filter(site_id="w475542562").row(0, named=True)
    other = table.filter(site_id="w475542563").row(0, named=True)
    assert with_charger["route_ref"] == other["route_ref"] == "S23"
    assert {with_charger["direction"], other["direction"]} == {"NW", "SE"}
    # the synthetic charger: 4 x 160 kW inside w475542562
    assert (with_charger["chargers"], with_charger["afir_ok"], with_charger["nevi_ok"]) == (
        1,
        True,
        True,
    )
    # the other side has no charger on its own carriageway
    assert (other["has_charger"], other["nearest_charger_km"]) == (False, None)
    gaps = {
        row["direction"]: row
        for row in coverage.corridor_gaps.filter(route_ref="S23").iter_rows(named=True)
    }
    assert gaps[with_charger["direction"]]["charging_sites"] == 1
    assert gaps[other["direction"]]["charging_sites"] == 0
    unlinked = set(coverage.reconciliation.filter(kind="site_without_links")["object_id"])
    assert unlinked == {"w475542571", "w475542572"}
