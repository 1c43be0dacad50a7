"""The graph builder: directions, clipping and simplification."""

from __future__ import annotations

import pytest

from qdtransport.domains.charging.network.motorway_graph import MotorwayGraphBuilder

# 0.01 degree of latitude: 6,371,009 m * pi / 180 * 0.01 = 1111.95 m
STEP_M = 1111.9508


def meridian(*ids: int) -> list[tuple[int, float, float]]:
    """Nodes on the meridian 120 E, node i at latitude 36 + i/100."""
    return [(i, 120.0, 36.0 + i / 100) for i in ids]


def edges(builder: MotorwayGraphBuilder) -> dict[tuple[int, int], float]:
    graph = builder.build()
    return {(u, v): data["length"] for u, v, data in graph.edges(data=True)}


def test_a_one_way_chain_becomes_one_edge() -> None:
    builder = MotorwayGraphBuilder()
    builder.add_way(7, meridian(0, 1, 2, 3, 4), {"highway": "motorway", "ref": "G1"})
    graph = builder.build()
    assert sorted(graph.nodes) == [0, 4]
    ((u, v, data),) = graph.edges(data=True)
    assert (u, v) == (0, 4)
    assert data["length"] == pytest.approx(4 * STEP_M, abs=0.01)
    assert data["osmid"] == 7 and data["ref"] == ("G1",) and data["oneway"] is True
    assert len(data["geometry"].coords) == 5
    assert (graph.nodes[4]["x"], graph.nodes[4]["y"]) == (120.0, 36.04)


def test_two_way_and_reversed_ways() -> None:
    builder = MotorwayGraphBuilder()
    builder.add_way(1, meridian(0, 1, 2), {"highway": "motorway", "oneway": "no"})
    builder.add_way(2, meridian(3, 2), {"highway": "motorway", "oneway": "-1"})
    # way 1 both ways (node 1 passed through in both directions), way 2 from 2 to 3
    assert edges(builder) == {
        (0, 2): pytest.approx(2 * STEP_M, abs=0.01),
        (2, 0): pytest.approx(2 * STEP_M, abs=0.01),
        (2, 3): pytest.approx(STEP_M, abs=0.01),
    }


def test_a_node_shared_by_two_ways_is_kept() -> None:
    builder = MotorwayGraphBuilder()
    builder.add_way(1, meridian(0, 1, 2, 3), {"highway": "motorway"})
    builder.add_way(2, [(2, 120.0, 36.02), (9, 120.01, 36.02)], {"highway": "motorway_link"})
    assert set(edges(builder)) == {(0, 2), (2, 3), (2, 9)}


def test_missing_nodes_split_the_way() -> None:
    builder = MotorwayGraphBuilder()
    nodes = [*meridian(0, 1), (2, None, None), *meridian(3, 4, 5)]
    builder.add_way(1, nodes, {"highway": "motorway"})
    assert builder.clipped_ways == 1
    assert edges(builder) == {
        (0, 1): pytest.approx(STEP_M, abs=0.01),
        (3, 5): pytest.approx(2 * STEP_M, abs=0.01),
    }


def test_a_ring_without_junction_is_kept_whole() -> None:
    builder = MotorwayGraphBuilder()
    ring = [
        (1, 120.0, 36.0),
        (2, 120.01, 36.0),
        (3, 120.01, 36.01),
        (4, 120.0, 36.01),
        (1, 120.0, 36.0),
    ]
    builder.add_way(5, ring, {"highway": "motorway"})
    graph = builder.build()
    assert graph.number_of_edges() == 1
    ((u, v, data),) = graph.edges(data=True)
    assert u == v
    # 2 sides of 0.01 degree of latitude plus 2 of longitude at 36.0 and 36.01 N
    expected = 2 * STEP_M + STEP_M * (
        0.809017 + 0.808914
    )  # cos 36.00 = 0.809017, cos 36.01 = 0.808914
    assert data["length"] == pytest.approx(expected, rel=1e-4)


def test_an_empty_builder_gives_an_empty_graph() -> None:
    graph = MotorwayGraphBuilder().build()
    assert graph.number_of_nodes() == 0
    assert graph.graph["crs"] == "epsg:4326"
