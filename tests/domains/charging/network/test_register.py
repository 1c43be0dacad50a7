"""Register sites matched to OSM sites; stations active at a date."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
import shapely

from qdtransport.domains.charging.network import OsmExtract
from qdtransport.domains.charging.network.attachment import projection_for, site_geometries
from qdtransport.domains.charging.network.geometry import LocalProjection
from qdtransport.domains.charging.network.register import (
    active_stations,
    match_register_sites,
    name_core,
    names_agree,
)


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("胶州服务区(青岛方向)", "胶州"),
        ("胶州服务区（济南方向）", "胶州"),
        ("即墨停车区", "即墨"),
        (None, ""),
        ("服务区", ""),
    ],
)
def test_name_core(name: str | None, core: str) -> None:
    assert name_core(name) == core


def test_names_agree() -> None:
    assert names_agree("胶州服务区", "胶州服务区(青岛方向)") is True
    assert names_agree("胶州服务区", "即墨服务区") is False
    assert names_agree(None, "即墨服务区") is None
    assert names_agree("服务区", "即墨服务区") is None  # a bare 服务区 has no name of its own


def test_g99_register_matches(corridor: OsmExtract, register_sites: pl.DataFrame) -> None:
    projection = projection_for(corridor.graph, corridor.sites)
    shapes = site_geometries(corridor.sites, projection)
    matches = match_register_sites(corridor.sites, shapes, register_sites, projection=projection)
    pairs = dict(matches.select("site_id", "service_area_id").iter_rows())
    # QD-S1 lies inside S1 (distance 0, names agree); QD-S3 inside unnamed S3; QD-X is 9 km away
    assert pairs == {"w1001": "QD-S1", "w1003": "QD-S3"}
    agree = dict(matches.select("site_id", "names_agree").iter_rows())
    assert agree == {"w1001": True, "w1003": None}
    assert matches["match_distance_m"].to_list() == [0.0, 0.0]


def _two_boxes() -> tuple[pl.DataFrame, list[shapely.Geometry], LocalProjection]:
    projection = LocalProjection(120.3, 36.2)
    sites = pl.DataFrame({"site_id": ["w1", "w2"], "name": ["即墨服务区", "胶州服务区"]})
    shapes = [
        projection.geometry(shapely.box(120.2980, 36.197, 120.2995, 36.203)),
        projection.geometry(shapely.box(120.3008, 36.197, 120.3020, 36.203)),
    ]
    return sites, shapes, projection


def test_names_win_over_distance() -> None:
    sites, shapes, projection = _two_boxes()
    # a register point inside w1 but named like w2: w2 (72 m away, name agrees) is taken
    register = pl.DataFrame(
        {
            "service_area_id": ["R1"],
            "name": ["胶州服务区"],
            "direction": ["东向"],
            "lon": [120.2990],
            "lat": [36.200],
        }
    )
    matches = match_register_sites(sites, shapes, register, projection=projection)
    assert matches["site_id"].to_list() == ["w2"]


def test_a_both_row_takes_both_sides() -> None:
    sites, shapes, projection = _two_boxes()
    sites = sites.with_columns(pl.lit(None, pl.String()).alias("name"))
    register = pl.DataFrame(
        {
            "service_area_id": ["R1"],
            "name": ["胶州服务区"],
            "direction": ["both"],
            "lon": [120.3000],
            "lat": [36.200],
        }
    )
    matches = match_register_sites(sites, shapes, register, projection=projection)
    assert sorted(matches["site_id"]) == ["w1", "w2"]
    one_side = register.with_columns(pl.lit("东向").alias("direction"))
    assert match_register_sites(sites, shapes, one_side, projection=projection).height == 1


def test_nothing_to_match() -> None:
    sites, shapes, projection = _two_boxes()
    empty = pl.DataFrame(
        schema={
            "service_area_id": pl.String(),
            "name": pl.String(),
            "direction": pl.String(),
            "lon": pl.Float64(),
            "lat": pl.Float64(),
        }
    )
    assert match_register_sites(sites, shapes, empty, projection=projection).height == 0


def test_active_stations_at_a_date() -> None:
    stations = pl.DataFrame(
        {
            "station_id": [
                "on_the_day",
                "ends_on_the_day",
                "ends_later",
                "no_connectors",
                "future",
                "dc_null",
            ],
            "dc_connectors": [1, 1, 1, 0, 1, None],
            "ac_connectors": [0, 0, 0, 0, 0, 2],
            "commissioned_date": [
                dt.date(2024, 12, 31),
                dt.date(2020, 1, 1),
                dt.date(2020, 1, 1),
                dt.date(2020, 1, 1),
                dt.date(2025, 1, 1),
                dt.date(2020, 1, 1),
            ],
            "decommissioned_date": [
                None,
                dt.date(2024, 12, 31),
                dt.date(2025, 1, 1),
                None,
                None,
                None,
            ],
        }
    )
    active = active_stations(stations, dt.date(2024, 12, 31))
    assert active["station_id"].to_list() == ["on_the_day", "ends_later", "dc_null"]
