"""Carriageways: grouping by route and direction, positions, pieces."""

from __future__ import annotations

from itertools import pairwise

import pytest

from qdtransport.domains.charging.network import OsmExtract
from qdtransport.domains.charging.network.carriageways import split_carriageways
from qdtransport.domains.charging.network.motorway_graph import MotorwayGraphBuilder

DEGREE_KM = 111.19508  # one degree of latitude along a meridian


def test_g99_has_two_opposite_carriageways(corridor: OsmExtract) -> None:
    carriageways = split_carriageways(corridor.graph)
    assert [(c.route_ref, c.direction) for c in carriageways] == [("G99", "N"), ("G99", "S")]
    north, south = carriageways
    # both run 36.0 N to 36.9 N along a meridian: 0.9 degree
    for carriageway in carriageways:
        assert carriageway.length_m / 1000 == pytest.approx(0.9 * DEGREE_KM, abs=1e-3)
        assert carriageway.extent_m == pytest.approx(carriageway.length_m)
        assert (carriageway.pieces, carriageway.breaks_m) == (1, 0.0)
        assert carriageway.name == "合成高速"
    # northbound: node 102 (36.195 N) lies 0.195 degree from the start at 36.0 N
    assert north.positions[102] / 1000 == pytest.approx(0.195 * DEGREE_KM, abs=1e-3)
    # southbound starts at 36.9 N: node 205 (36.205 N) lies 0.695 degree from it
    assert south.positions[205] / 1000 == pytest.approx(0.695 * DEGREE_KM, abs=1e-3)
    # the slip roads are not carriageways
    assert 301 not in north.positions and 301 not in south.positions


def line(
    builder: MotorwayGraphBuilder, way_id: int, points: list[tuple[int, float, float]], **tags: str
) -> None:
    builder.add_way(way_id, points, {"highway": "motorway", **tags})


def test_a_two_way_road_gives_two_carriageways() -> None:
    builder = MotorwayGraphBuilder()
    # west to east along 36 N, drawn as one two-way way
    line(
        builder, 1, [(1, 120.00, 36.0), (2, 120.05, 36.0), (3, 120.10, 36.0)], ref="S1", oneway="no"
    )
    carriageways = split_carriageways(builder.build())
    assert sorted(c.direction for c in carriageways) == ["E", "W"]
    assert all(c.pieces == 1 for c in carriageways)


def test_a_concurrent_section_belongs_to_both_routes() -> None:
    builder = MotorwayGraphBuilder()
    line(builder, 1, [(1, 120.0, 36.00), (2, 120.0, 36.05)], ref="G20;G15")
    line(builder, 2, [(2, 120.0, 36.05), (3, 120.0, 36.10)], ref="G20")
    carriageways = split_carriageways(builder.build())
    lengths = {(c.route_ref, c.direction): round(c.length_m / 1000, 3) for c in carriageways}
    assert lengths == {
        ("G15", "N"): round(0.05 * DEGREE_KM, 3),
        ("G20", "N"): round(0.10 * DEGREE_KM, 3),
    }


def test_a_break_in_the_data_is_bridged_and_counted() -> None:
    builder = MotorwayGraphBuilder()
    # northbound G5 from 36.00 to 36.10, then nothing until 36.12, then to 36.20
    line(builder, 1, [(1, 120.0, 36.00), (2, 120.0, 36.10)], ref="G5")
    line(builder, 2, [(3, 120.0, 36.12), (4, 120.0, 36.20)], ref="G5")
    (carriageway,) = split_carriageways(builder.build())
    assert carriageway.direction == "N"
    assert carriageway.pieces == 2
    assert carriageway.breaks_m / 1000 == pytest.approx(0.02 * DEGREE_KM, abs=1e-3)
    assert carriageway.length_m / 1000 == pytest.approx(0.18 * DEGREE_KM, abs=1e-3)
    assert carriageway.extent_m / 1000 == pytest.approx(0.20 * DEGREE_KM, abs=1e-3)
    # node 3 starts the second piece: 0.10 + 0.02 degree along
    assert carriageway.positions[3] / 1000 == pytest.approx(0.12 * DEGREE_KM, abs=1e-3)


def test_a_winding_road_stays_one_carriageway() -> None:
    builder = MotorwayGraphBuilder()
    # a U-shaped road, north, north-east, east, south-east, south: each way turns by about 45
    # degrees (bearings 0, 39, 90, 141, 180 after scaling longitude by cos 36)
    points = [
        (1, 120.00, 36.00),
        (2, 120.00, 36.10),
        (3, 120.05, 36.15),
        (4, 120.15, 36.15),
        (5, 120.20, 36.10),
        (6, 120.20, 36.00),
    ]
    for way_id, (a, b) in enumerate(pairwise(points), start=1):
        line(builder, way_id, [a, b], ref="G9")
    (carriageway,) = split_carriageways(builder.build())
    assert carriageway.pieces == 1
    # start to end points east: the carriageway is named E
    assert carriageway.direction == "E"


def test_unnamed_motorways_form_one_route_per_stretch() -> None:
    builder = MotorwayGraphBuilder()
    line(builder, 8, [(1, 120.0, 36.0), (2, 120.0, 36.1)])
    line(builder, 5, [(11, 121.0, 36.0), (12, 121.0, 36.1)])
    routes = sorted(c.route_ref for c in split_carriageways(builder.build()))
    assert routes == ["unnamed motorway w5", "unnamed motorway w8"]


def test_no_motorway() -> None:
    assert split_carriageways(MotorwayGraphBuilder().build()) == []
