"""Charging register views on tests/data/warehouse/{service_areas,charging_stations}.csv.

The sites by hand: SA1 and SA2 are the two sides of 甲服务区 on G20 (青岛方向 at 36.3000 N,
济南方向 at 36.3015 N, both open since 2015, 100 car spaces); SA3 乙服务区 opened 2024-07-01
(50 spaces); SA4 a parking area; SA5 under construction.
Stations: CS1 (名称 says 甲服务区 青岛方向, no id, 42 m from SA1) -> SA1 from 2020-05-01, 8 spaces;
CS2 (名称 says 济南方向, no id, 55 m from SA1 but 111 m from SA2) -> SA2 by its direction, from
2022-03-01, 12 spaces; CS3 has no connectors; CS4 -> SA3 from 2025-03-01, 4 spaces; CS5 is a town
station 2 km away; CS6 -> SA1 by id, 2018-01-01 to 2023-06-30; CS7 names an unknown site SA99;
CS8 is given in GCJ-02 (about 500 m off in WGS84 terms) at SA4, the parking area, from 2021.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from qdtransport.warehouse import build

DATA = Path(__file__).parents[2] / "data" / "warehouse"


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    db = tmp_path_factory.mktemp("charging") / "qd.duckdb"
    build(DATA, db)
    return duckdb.connect(str(db), read_only=True)


def test_station_site_matching(con: duckdb.DuckDBPyConnection) -> None:
    query = "select station_id, site_id, site_match from int_charging_stations"
    rows = {r[0]: r[1:] for r in con.execute(query).fetchall()}
    assert rows["CS1"] == ("SA1", "distance")
    assert rows["CS2"] == ("SA2", "distance")  # nearer to SA1, but its name says 济南方向
    assert rows["CS5"] == (None, None)  # 2 km away
    assert rows["CS6"] == ("SA1", "service_area_id")
    assert rows["CS7"] == (None, "unknown_service_area_id")
    assert rows["CS8"] == ("SA4", "distance")  # only after GCJ-02 -> WGS84


def test_gcj02_station_is_converted_and_keeps_its_source(con: duckdb.DuckDBPyConnection) -> None:
    lon, lat, source_lon, source_crs = con.execute(
        "select lon, lat, source_lon, crs from charging_stations where station_id = 'CS8'"
    ).fetchone()
    # the fixture wrote the GCJ-02 image of (120.6003, 36.6)
    assert lon == pytest.approx(120.6003, abs=1e-7) and lat == pytest.approx(36.6, abs=1e-7)
    assert source_lon == pytest.approx(120.6049476, abs=1e-7)
    assert source_crs == "GCJ02"


def test_service_area_charger_coverage_by_year(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "select year, numerator, denominator, complete from service_area_charger_coverage "
        "order by year"
    ).fetchall()
    # the series starts with the first charging station at a site (CS6 at SA1, 2018), not with
    # the first opening (2015, when no site had a charger), and runs to the build year; the
    # registers' latest date is CS4's commissioning, 2025-03-01: 2025 and later are not complete
    build_year = dt.datetime.now(dt.UTC).year
    assert [r[:3] for r in rows] == [
        (2018, 1, 2), (2019, 1, 2), (2020, 1, 2), (2021, 1, 2),  # SA1 via CS6, then CS1
        (2022, 2, 2), (2023, 2, 2),  # SA2 via CS2 from 2022
        (2024, 2, 3),  # SA3 opens; its only station has no connector
        (2025, 3, 3),  # CS4 at SA3
        *((year, 3, 3) for year in range(2026, build_year + 1)),  # nothing recorded since
    ]  # fmt: skip
    assert [r[3] for r in rows] == [True] * 7 + [False] * (build_year - 2024)


def test_parking_areas_are_beside_not_in_the_indicator(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "select year, sites, covered_sites from sa_charger_coverage_by_kind "
        "where kind = 'parking_area' and year in (2020, 2021)"
    ).fetchall()
    assert sorted(rows) == [(2020, 1, 0), (2021, 1, 1)]


def test_charging_space_rule_2025(con: duckdb.DuckDBPyConnection) -> None:
    rows = {
        r[0]: r[1:]
        for r in con.execute(
            "select service_area_id, charging_space_share, meets_space_rule from sa_site_charging where year = 2025"
        ).fetchall()
    }
    assert rows["SA1"] == (pytest.approx(0.08), False)  # 8 of 100 (CS6 is out of service)
    assert rows["SA2"] == (pytest.approx(0.12), True)  # 12 of 100
    assert rows["SA3"] == (pytest.approx(0.08), False)  # 4 of 50
    assert rows["SA4"] == (None, None)  # no parking data


def test_scorecard_carries_coverage_with_target(con: duckdb.DuckDBPyConnection) -> None:
    row = con.execute(
        "select value, target_value, comparator, met, complete from scorecard "
        "where indicator_id = 'service_area_charger_coverage' and year = 2024"
    ).fetchone()
    assert row == (pytest.approx(2 / 3), 1.0, ">=", False, True)
