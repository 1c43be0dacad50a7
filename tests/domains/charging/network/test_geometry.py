"""Great-circle distances, compass points and the local projection."""

from __future__ import annotations

import math

import pytest
import shapely

from qdtransport.domains.charging.network.geometry import EARTH_RADIUS_M, LocalProjection, compass_point, haversine_m

# one degree of a great circle: 6,371,009 m * pi / 180 = 111,195.08 m
DEGREE_M = 111_195.08


def test_haversine_along_a_meridian_and_the_equator() -> None:
    assert float(haversine_m(120.0, 36.0, 120.0, 37.0)) == pytest.approx(DEGREE_M, abs=0.01)
    assert float(haversine_m(0.0, 0.0, 1.0, 0.0)) == pytest.approx(DEGREE_M, abs=0.01)
    assert EARTH_RADIUS_M * math.pi / 180 == pytest.approx(DEGREE_M, abs=0.01)


def test_haversine_of_a_parallel_shrinks_with_latitude() -> None:
    # 0.01 degree of longitude at 60 N: close to 1111.95 m * cos(60) = 555.98 m
    assert float(haversine_m(10.0, 60.0, 10.01, 60.0)) == pytest.approx(555.98, abs=0.05)


@pytest.mark.parametrize(
    ("east", "north", "point"),
    [
        (0.0, 1.0, "N"),
        (1.0, 1.0, "NE"),
        (1.0, 0.0, "E"),
        (1.0, -1.0, "SE"),
        (0.0, -1.0, "S"),
        (-1.0, -1.0, "SW"),
        (-1.0, 0.1, "W"),  # bearing 275.7 degrees
        (-1.0, 1.0, "NW"),
        (math.sin(math.radians(22.0)), math.cos(math.radians(22.0)), "N"),  # just below 22.5
        (math.sin(math.radians(23.0)), math.cos(math.radians(23.0)), "NE"),  # just above
        (math.sin(math.radians(350.0)), math.cos(math.radians(350.0)), "N"),
    ],
)
def test_compass_point(east: float, north: float, point: str) -> None:
    assert compass_point(east, north) == point


def test_local_projection_distances_in_metres() -> None:
    projection = LocalProjection(120.3, 36.2)
    # 0.01 degree north: 1111.95 m; 0.01 degree east at 36.2 N: 1111.95 * cos(36.2) = 897.30 m
    north = projection.geometry(shapely.LineString([(120.3, 36.2), (120.3, 36.21)]))
    east = projection.geometry(shapely.LineString([(120.3, 36.2), (120.31, 36.2)]))
    assert north.length == pytest.approx(1111.95, abs=0.01)
    assert east.length == pytest.approx(897.30, abs=0.01)


def test_local_projection_around_empty_input() -> None:
    assert LocalProjection.around([], []) == LocalProjection(0.0, 0.0)
