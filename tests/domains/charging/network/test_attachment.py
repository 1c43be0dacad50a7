"""Sites attach to carriageways through their slip roads; chargers to their nearest site."""

from __future__ import annotations

import math

import polars as pl
import pytest
import shapely

from qdtransport.domains.charging.network import OsmExtract
from qdtransport.domains.charging.network.attachment import (
    attach_sites,
    nearest_sites,
    projection_for,
    site_geometries,
)
from qdtransport.domains.charging.network.carriageways import split_carriageways
from qdtransport.domains.charging.network.geometry import LocalProjection

DEGREE_M = 111_195.08


@pytest.fixture(scope="module")
def access(corridor: OsmExtract) -> pl.DataFrame:
    carriageways = split_carriageways(corridor.graph)
    projection = projection_for(corridor.graph, corridor.sites)
    return attach_sites(
        corridor.graph, corridor.sites, carriageways, projection=projection, link_max_m=3000.0
    )


def test_each_site_serves_the_carriageways_its_slip_roads_reach(access: pl.DataFrame) -> None:
    served = {(s, d) for s, d in access.select("site_id", "direction").iter_rows()}
    assert served == {
        ("w1001", "N"),  # S1, east of the road
        (
            "w1002",
            "S",
        ),  # S2, west of the road: 72 m from the northbound carriageway, not served by it
        ("w1003", "N"),  # S3
        ("n501", "N"),  # S5, the bridge site reached from both carriageways
        ("n501", "S"),
    }
    # S6 (3.4 km away, no slip road) and S7 (next to the road, slip roads not mapped): no row
    assert not {"w1006", "w1007"} & set(access["site_id"])


def test_position_and_offset_of_s1(access: pl.DataFrame) -> None:
    row = access.filter(site_id="w1001").row(0, named=True)
    assert (row["via"], row["node"]) == ("exit", 102)
    assert row["position_km"] == pytest.approx(0.195 * DEGREE_M / 1000, abs=1e-3)
    # slip road 102 (36.195, 120.3003) -> 301 (36.1975, 120.3010): 0.0025 degree north = 277.99 m,
    # 0.0007 degree east at 36.196 N = 0.0007 * 111195.08 * cos(36.196) = 62.81 m
    expected = math.hypot(277.99, 0.0007 * DEGREE_M * math.cos(math.radians(36.19625)))
    assert row["offset_km"] * 1000 == pytest.approx(expected, abs=0.5)


def test_a_longer_slip_road_than_allowed_detaches_the_site(corridor: OsmExtract) -> None:
    carriageways = split_carriageways(corridor.graph)
    projection = projection_for(corridor.graph, corridor.sites)
    # S1's slip road is 285 m long; S5's are 556 m: a 400 m limit keeps S1-S3 and drops S5
    short = attach_sites(
        corridor.graph, corridor.sites, carriageways, projection=projection, link_max_m=400.0
    )
    assert set(short["site_id"]) == {"w1001", "w1002", "w1003"}


def test_no_links_no_rows(corridor: OsmExtract) -> None:
    projection = projection_for(corridor.graph, corridor.sites)
    empty = attach_sites(
        corridor.graph, corridor.sites.head(0), [], projection=projection, link_max_m=3000.0
    )
    assert empty.height == 0 and "position_km" in empty.columns


def test_nearest_sites_prefers_the_area_a_point_is_in() -> None:
    projection = LocalProjection(120.3, 36.2)
    west = projection.geometry(shapely.box(120.2980, 36.197, 120.2995, 36.203))
    east = projection.geometry(shapely.box(120.3008, 36.197, 120.3020, 36.203))
    inside_east = projection.geometry(shapely.Point(120.3014, 36.200))
    between = projection.geometry(shapely.Point(120.3000, 36.200))  # 45 m from east, 45 m from west
    nearer_west = projection.geometry(shapely.Point(120.2999, 36.200))
    far = projection.geometry(shapely.Point(120.3100, 36.200))  # 717 m east of the east box
    found = nearest_sites(
        [inside_east, nearer_west, between, far], [west, east], max_distance_m=300.0
    )
    assert found[0] == (1, 0.0)
    assert found[1][0] == 0
    assert found[2] is not None  # one site only, never both
    assert found[3] is None


def test_site_geometries_keep_row_order(corridor: OsmExtract) -> None:
    projection = projection_for(corridor.graph, corridor.sites)
    shapes = site_geometries(corridor.sites, projection)
    kinds = [shape.geom_type for shape in shapes]
    assert kinds == ["Point", "Polygon", "Polygon", "Polygon", "Polygon", "Polygon"]  # n501 first
