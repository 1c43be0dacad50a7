"""Indicator methodology on hand-worked fixtures, straight from the definitions of the contract.

Each test works its expected values out in comments. Settings that the contract names as TOML keys
are given the way a user gives them: ``build --settings FILE``.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from qdtransport.cli import main
from tests.contract.helpers import build_db, container_no, relation_exists, rows, vin, write_csv


def _build_with_settings(data: Path, toml: str | None = None) -> Path:
    db = data.with_suffix(".duckdb")
    args = ["build", "--data", str(data), "--db", str(db), "--lang", "en"]
    if toml is not None:
        settings = data.parent / "settings.toml"
        settings.write_text(toml, encoding="utf-8")
        args += ["--settings", str(settings)]
    assert main(args) == 0
    return db


def _scorecard(db: Path, indicator: str) -> dict[int, dict[str, object]]:
    return {r["year"]: r for r in rows(db, "select * from scorecard where indicator_id = ?", [indicator])}


# ---------------------------------------------------------------------------------------------
# bus_nev_share_new / taxi_nev_share_new
#
# 2024, urban built-up: buses BEV, PHEV, EREV, FCEV (new-energy), HEV, DIESEL, CNG (not) -> 4/7;
#   a BEV bus outside the built-up area and a DIESEL bus of 2023-12-31 are not in 2024's count;
#   a BEV bus registered in 2024 and deregistered the same year still counts (it was new in 2024);
#   so buses 2024 = 5/8 (BEV, PHEV, EREV, FCEV, dereg. BEV / those + HEV, DIESEL, CNG).
# 2023: one DIESEL bus -> 0/1 = 0.0 (a real zero: there were registrations).
# 2022: no bus registrations -> no row.
# Taxis 2024: cruising taxis BEV, PETROL -> 1/2; a ride-hailing BEV and a bus are not taxis.
# ---------------------------------------------------------------------------------------------
FLEET_HEADER = ["vin", "plate", "use_type", "powertrain", "registration_date", "deregistration_date",
                "urban_built_up"]
FLEET = [
    ("bus", "BEV", "2024-01-10", None, "是"),
    ("bus", "PHEV", "2024-02-10", None, "是"),
    ("bus", "EREV", "2024-03-10", None, "是"),
    ("bus", "FCEV", "2024-04-10", None, "是"),
    ("bus", "HEV", "2024-05-10", None, "是"),
    ("bus", "DIESEL", "2024-06-10", None, "是"),
    ("bus", "CNG", "2024-07-10", None, "是"),
    ("bus", "BEV", "2024-08-10", "2024-11-30", "是"),
    ("bus", "BEV", "2024-09-10", None, "否"),
    ("bus", "DIESEL", "2023-12-31", None, "是"),
    ("cruising_taxi", "BEV", "2024-01-15", None, "是"),
    ("cruising_taxi", "PETROL", "2024-12-31", None, "是"),
    ("ride_hailing", "BEV", "2024-03-15", None, "是"),
]


@pytest.fixture(scope="module")
def fleet_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("fleet") / "data"
    nev = {"BEV", "PHEV", "EREV", "FCEV"}
    write_csv(data / "fleet_register.csv", FLEET_HEADER, [
        [vin(i + 1), f"鲁BD{i:05d}" if power in nev else f"鲁B{i:05d}", use, power, date, dereg, built_up]
        for i, (use, power, date, dereg, built_up) in enumerate(FLEET)
    ])
    return build_db(data)


def test_bus_nev_share_new(fleet_db: Path) -> None:
    bus = _scorecard(fleet_db, "bus_nev_share_new")
    assert sorted(bus) == [2023, 2024]
    assert (bus[2024]["numerator"], bus[2024]["denominator"]) == (5, 8)
    assert bus[2024]["value"] == pytest.approx(5 / 8)
    assert bus[2024]["met"] is False
    assert bus[2024]["target_value"] == 1.0
    assert bus[2024]["comparator"] == ">="
    assert bus[2024]["unit"] == "share"
    assert (bus[2023]["value"], bus[2023]["numerator"], bus[2023]["denominator"]) == (0.0, 0, 1)


def test_taxi_nev_share_new(fleet_db: Path) -> None:
    taxi = _scorecard(fleet_db, "taxi_nev_share_new")
    assert sorted(taxi) == [2024]
    assert (taxi[2024]["value"], taxi[2024]["numerator"], taxi[2024]["denominator"]) == (0.5, 1, 2)
    assert taxi[2024]["target_value"] == 0.8
    assert taxi[2024]["met"] is False


def test_nev_powertrains_setting(tmp_path: Path) -> None:
    # nev_powertrains = ["BEV", "FCEV"]: buses 2024 = BEV, FCEV, dereg. BEV = 3 of 8
    data = tmp_path / "data"
    write_csv(data / "fleet_register.csv", FLEET_HEADER, [
        [vin(i + 1), f"鲁B{i:05d}", use, power, date, dereg, built_up]
        for i, (use, power, date, dereg, built_up) in enumerate(FLEET)
    ])
    db = _build_with_settings(data, 'nev_powertrains = ["BEV", "FCEV"]\n')
    assert _scorecard(db, "bus_nev_share_new")[2024]["value"] == pytest.approx(3 / 8)


# ---------------------------------------------------------------------------------------------
# service_area_charger_coverage, end of 2024
#
# Sites (kind, status, opened)                              counted in 2024   covered in 2024
#   S1 service_area open 2015-06-01; station C1 id S1, 0 DC + 2 AC, 2023        yes    yes (AC counts)
#   S2 service_area open, no date;   station C2 no id, 120 m away (WGS84)       yes    yes (distance)
#   S3 service_area open 2025-01-01; station C3 id S3, 2023                     no (opens later)
#   S4 parking_area open 2015;       station C4 id S4                           no (parking area)
#   S5 service_area closed 2015;     station C5 id S5                           no (closed)
#   S6 service_area under_construction                                          no
#   S7 service_area open 2010-01-01; C7a id S7 0+0 connectors; C7b id S7
#      commissioned 2025-02-01; C7c id S7 decommissioned 2024-06-30           yes    no
#   S8 service_area open 2016, position given in GCJ-02; station C8 no id,
#      WGS84, 150 m from the site's true (WGS84) position, about 500 m from
#      its GCJ-02 numbers                                                     yes    yes (after conversion)
#   S9 service_area open 2016; station C9 no id 450 m away                    yes    no (beyond 300 m)
# Coverage 2024 = covered {S1, S2, S8} / counted {S1, S2, S7, S8, S9} = 3/5 = 0.6.
# Coverage 2025: S3 opens and C3 is there; C7b commissioned -> S7 covered: {S1,S2,S3,S7,S8}/6.
# ---------------------------------------------------------------------------------------------
_A = 6378245.0
_EE = 0.00669342162296594323


def _gcj_delta(lon: float, lat: float) -> tuple[float, float]:
    # the published GCJ-02 obfuscation (offset added to WGS84 coordinates)
    x, y = lon - 105.0, lat - 35.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    dlat += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    dlon += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlon += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    dlon += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    rad = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad) ** 2
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * math.sqrt(magic)) * math.pi)
    dlon = (dlon * 180.0) / (_A / math.sqrt(magic) * math.cos(rad) * math.pi)
    return dlon, dlat


def _north(lon: float, lat: float, metres: float) -> tuple[float, float]:
    return lon, lat + metres / 111_195.0


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    dx = (b[0] - a[0]) * 111_195.0 * math.cos(math.radians(a[1]))
    dy = (b[1] - a[1]) * 111_195.0
    return math.hypot(dx, dy)


S8_WGS84 = (120.40, 36.20)
S8_GCJ02 = (S8_WGS84[0] + _gcj_delta(*S8_WGS84)[0], S8_WGS84[1] + _gcj_delta(*S8_WGS84)[1])
C8 = _north(*S8_WGS84, 150)


@pytest.fixture(scope="module")
def coverage_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # the GCJ-02 numbers are far enough from the true position that only a conversion matches C8
    assert _metres(S8_GCJ02, C8) > 300
    data = tmp_path_factory.mktemp("coverage") / "data"
    write_csv(data / "service_areas.csv",
              ["service_area_id", "name", "route_ref", "direction", "kind", "lon", "lat", "crs", "status",
               "opened_date"],
              [
                  ["S1", "甲服务区", "G20", "both", "service_area", 120.00, 36.00, "WGS84", "open", "2015-06-01"],
                  ["S2", "乙服务区", "G20", "both", "service_area", 120.10, 36.00, "WGS84", "open", None],
                  ["S3", "丙服务区", "G20", "both", "service_area", 120.20, 36.00, "WGS84", "open", "2025-01-01"],
                  ["S4", "丁停车区", "G20", "both", "parking_area", 120.30, 36.00, "WGS84", "open", "2015-01-01"],
                  ["S5", "戊服务区", "G22", "both", "service_area", 120.00, 36.10, "WGS84", "closed", "2015-01-01"],
                  ["S6", "己服务区", "G22", "both", "service_area", 120.10, 36.10, "WGS84", "under_construction",
                   None],
                  ["S7", "庚服务区", "G22", "both", "service_area", 120.20, 36.10, "WGS84", "open", "2010-01-01"],
                  ["S8", "辛服务区", "G22", "both", "service_area", *S8_GCJ02, "GCJ02", "open", "2016-01-01"],
                  ["S9", "壬服务区", "G15", "both", "service_area", 120.50, 36.30, "WGS84", "open", "2016-01-01"],
              ])
    header = ["station_id", "name", "lon", "lat", "crs", "service_area_id", "dc_connectors", "ac_connectors",
              "commissioned_date", "decommissioned_date"]
    write_csv(data / "charging_stations.csv", header, [
        ["C1", "一号充电站", 120.00, 36.00, "WGS84", "S1", 0, 2, "2023-03-01", None],
        ["C2", "二号充电站", *_north(120.10, 36.00, 120), "WGS84", None, 2, 0, "2023-03-01", None],
        ["C3", "三号充电站", 120.20, 36.00, "WGS84", "S3", 2, 0, "2023-03-01", None],
        ["C4", "四号充电站", 120.30, 36.00, "WGS84", "S4", 2, 0, "2023-03-01", None],
        ["C5", "五号充电站", 120.00, 36.10, "WGS84", "S5", 2, 0, "2023-03-01", None],
        ["C7a", "七号甲充电站", 120.20, 36.10, "WGS84", "S7", 0, 0, "2020-03-01", None],
        ["C7b", "七号乙充电站", 120.20, 36.10, "WGS84", "S7", 4, 0, "2025-02-01", None],
        ["C7c", "七号丙充电站", 120.20, 36.10, "WGS84", "S7", 4, 0, "2021-02-01", "2024-06-30"],
        ["C8", "八号充电站", *C8, "WGS84", None, 2, 0, "2023-03-01", None],
        ["C9", "九号充电站", *_north(120.50, 36.30, 450), "WGS84", None, 2, 0, "2023-03-01", None],
    ])
    return build_db(data)


def test_service_area_charger_coverage(coverage_db: Path) -> None:
    coverage = _scorecard(coverage_db, "service_area_charger_coverage")
    assert (coverage[2024]["numerator"], coverage[2024]["denominator"]) == (3, 5)
    assert coverage[2024]["value"] == pytest.approx(0.6)
    assert coverage[2024]["met"] is False
    assert (coverage[2025]["numerator"], coverage[2025]["denominator"]) == (5, 6)


def test_station_far_from_every_site_gives_zero_coverage(tmp_path: Path) -> None:
    # both inputs present: one open service area, its only station 450 m away without an id ->
    # coverage 0/1 = 0.0 in 2024 (a real zero, not a missing value)
    data = tmp_path / "data"
    write_csv(data / "service_areas.csv",
              ["service_area_id", "name", "route_ref", "direction", "lon", "lat", "status", "opened_date"],
              [["S1", "甲服务区", "G20", "both", 120.00, 36.00, "open", "2015-06-01"]])
    write_csv(data / "charging_stations.csv",
              ["station_id", "name", "lon", "lat", "dc_connectors", "ac_connectors", "commissioned_date"],
              [["C1", "某充电站", *_north(120.00, 36.00, 450), 2, 0, "2023-03-01"]])
    coverage = _scorecard(build_db(data), "service_area_charger_coverage")
    assert (coverage[2024]["value"], coverage[2024]["numerator"], coverage[2024]["denominator"]) == (0.0, 0, 1)


# ---------------------------------------------------------------------------------------------
# sea_rail_teu
#
# 2024-01 has moves: 22G1 F rail_to_ship (1 TEU), the same move recorded twice (counts once),
#   42G1 E ship_to_rail (2 TEU), L5G1 F rail_to_ship (2.25 TEU), 12G1 E rail_to_ship (0.5 TEU)
#   -> boxes 4, TEU 5.75; full 3.25, empty 2.5; rail_to_ship 3.75, ship_to_rail 2.
#   Its reported figure (100) is kept in reported_teu but not counted.
# 2024-02 has no moves: reported 50 counts. Other months of 2024 have neither -> incomplete.
# 2024 = 5.75 + 50 = 55.75. 2023: twelve reported months of 10 -> 120, complete.
# With teu_factor_45ft = 2: 2024-01 = 1 + 2 + 2 + 0.5 = 5.5.
# ---------------------------------------------------------------------------------------------
def _sea_rail_data(data: Path) -> None:
    header = ["move_id", "container_no", "iso_type", "full_empty", "direction", "move_time"]
    write_csv(data / "sea_rail_moves.csv", header, [
        ["M1", container_no(1), "22G1", "F", "rail_to_ship", "2024-01-03 10:00:00"],
        ["M1b", container_no(1), "22G1", "F", "rail_to_ship", "2024-01-03 10:00:00"],
        ["M2", container_no(2), "42G1", "E", "ship_to_rail", "2024-01-04 10:00:00"],
        ["M3", container_no(3), "L5G1", "F", "rail_to_ship", "2024-01-31 23:30:00"],
        ["M4", container_no(4), "12G1", "E", "rail_to_ship", "2024-01-05 10:00:00"],
    ])
    write_csv(data / "sea_rail_monthly.csv", ["month", "teu", "source"],
              [["2024-01", 100, "月报"], ["2024-02", 50, "月报"]]
              + [[f"2023-{m:02d}", 10, "年鉴"] for m in range(1, 13)])


def test_sea_rail_teu(tmp_path: Path) -> None:
    _sea_rail_data(tmp_path / "data")
    db = _build_with_settings(tmp_path / "data")
    if not relation_exists(db, "sea_rail_teu"):
        pytest.skip("the sea-rail views are not on this branch yet")
    teu = _scorecard(db, "sea_rail_teu")
    assert teu[2024]["value"] == pytest.approx(55.75)
    assert teu[2024]["complete"] is False
    assert teu[2024]["unit"] == "TEU"
    assert teu[2024]["numerator"] is None and teu[2024]["denominator"] is None
    assert teu[2023]["value"] == pytest.approx(120)
    assert teu[2023]["complete"] is True
    months = {str(r["month"]): r for r in rows(db, "select * from sea_rail_teu_monthly")}
    january = months["2024-01-01"]
    assert january["source"] == "moves"
    assert january["teu"] == pytest.approx(5.75)
    assert january["boxes"] == 4
    assert january["reported_teu"] == pytest.approx(100)
    assert january["moves_teu"] == pytest.approx(5.75)
    assert (january["full_teu"], january["empty_teu"]) == pytest.approx((3.25, 2.5))
    assert (january["rail_to_ship_teu"], january["ship_to_rail_teu"]) == pytest.approx((3.75, 2.0))
    february = months["2024-02-01"]
    assert february["source"] == "reported"
    assert february["teu"] == pytest.approx(50)
    assert february["reported_teu"] == pytest.approx(50)
    for column in ("boxes", "moves_teu", "full_teu", "empty_teu", "rail_to_ship_teu", "ship_to_rail_teu"):
        assert february[column] is None
    assert "2024-03-01" not in months


def test_sea_rail_45ft_factor_setting(tmp_path: Path) -> None:
    _sea_rail_data(tmp_path / "data")
    db = _build_with_settings(tmp_path / "data", "teu_factor_45ft = 2.0\n")
    if not relation_exists(db, "sea_rail_teu"):
        pytest.skip("the sea-rail views are not on this branch yet")
    january = rows(db, "select teu from sea_rail_teu_monthly where month = date '2024-01-01'")
    assert january == [{"teu": pytest.approx(5.5)}]


# ---------------------------------------------------------------------------------------------
# port_bulk_green_share, 2024 (all rows in 2024-01)
#   coal rail 100 (green), coal truck_diesel 100, iron_ore belt_conveyor 50 (green),
#   iron_ore truck_nev 30 (green, from_port), coke pipeline 20, bauxite waterway 10 (green),
#   other_ore truck_lng 40, grain rail 1000 (not bulk), crude_oil pipeline 500 (not bulk)
#   green = 100 + 50 + 30 + 10 = 190; all bulk = 100 + 100 + 50 + 30 + 20 + 10 + 40 = 350
#   share = 190/350 = 0.542857...; with pipeline green: 210/350 = 0.6
#   by cargo: coal 100/200, iron_ore 80/80, coke 0/20, bauxite 10/10, other_ore 0/40
# ---------------------------------------------------------------------------------------------
def _port_bulk_data(data: Path) -> None:
    write_csv(data / "port_bulk_flows.csv", ["month", "terminal", "cargo", "flow", "mode", "tonnes"], [
        ["2024-01", "前湾", "coal", "to_port", "rail", 100],
        ["2024-01", "前湾", "coal", "to_port", "truck_diesel", 100],
        ["2024-01", "前湾", "iron_ore", "to_port", "belt_conveyor", 50],
        ["2024-01", "前湾", "iron_ore", "from_port", "truck_nev", 30],
        ["2024-01", "前湾", "coke", "to_port", "pipeline", 20],
        ["2024-01", "董家口", "bauxite", "from_port", "waterway", 10],
        ["2024-01", "董家口", "other_ore", "from_port", "truck_lng", 40],
        ["2024-01", "董家口", "grain", "from_port", "rail", 1000],
        ["2024-01", "董家口", "crude_oil", "from_port", "pipeline", 500],
    ])


def test_port_bulk_green_share(tmp_path: Path) -> None:
    _port_bulk_data(tmp_path / "data")
    db = _build_with_settings(tmp_path / "data")
    share = _scorecard(db, "port_bulk_green_share")
    assert (share[2024]["numerator"], share[2024]["denominator"]) == pytest.approx((190, 350))
    assert share[2024]["value"] == pytest.approx(190 / 350)
    assert share[2024]["complete"] is False  # eleven months have no rows
    by_cargo = {r["cargo"]: (r["green_tonnes"], r["tonnes"], r["share"])
                for r in rows(db, "select * from port_bulk_green_share_by_cargo where year = 2024")}
    assert by_cargo["coal"] == pytest.approx((100, 200, 0.5))
    assert by_cargo["iron_ore"] == pytest.approx((80, 80, 1.0))
    assert by_cargo["coke"] == pytest.approx((0, 20, 0.0))
    assert by_cargo["bauxite"] == pytest.approx((10, 10, 1.0))
    assert by_cargo["other_ore"] == pytest.approx((0, 40, 0.0))


def test_port_bulk_pipeline_setting(tmp_path: Path) -> None:
    _port_bulk_data(tmp_path / "data")
    toml = 'green_freight_modes = ["rail", "waterway", "belt_conveyor", "truck_nev", "pipeline"]\n'
    db = _build_with_settings(tmp_path / "data", toml)
    assert _scorecard(db, "port_bulk_green_share")[2024]["value"] == pytest.approx(0.6)


def test_port_bulk_cargoes_setting(tmp_path: Path) -> None:
    # bulk_cargoes = ["coal"]: 100/200
    _port_bulk_data(tmp_path / "data")
    db = _build_with_settings(tmp_path / "data", 'bulk_cargoes = ["coal"]\n')
    assert _scorecard(db, "port_bulk_green_share")[2024]["value"] == pytest.approx(0.5)


# ---------------------------------------------------------------------------------------------
# green_travel_share
#
# 2024: trips (person, weight, mode): P1 1 walk, P1 1 car, P2 2 e_bike, P3 1 taxi
#   R = (1 + 2) / 5 = 0.6; z_i = w_i (g_i - R) / 5: P1 0.08 - 0.12 = -0.04, P2 0.16, P3 -0.12
#   var = 3/2 * (0.0016 + 0.0256 + 0.0144) = 0.0624; se = 0.249800; ci = 0.6 -+ 1.959964 se
#   -> (0.110404, 1.089596); trips 4, persons 3.
# 2025: walk weight 7, car weight 3 (no person ids: each trip its own cluster) -> exactly 0.7,
#   which does not meet "more than 70%".
# ---------------------------------------------------------------------------------------------
def _travel_data(data: Path) -> None:
    write_csv(data / "travel_survey_trips.csv", ["trip_id", "person_id", "survey_year", "weight", "main_mode"], [
        ["T1", "P1", 2024, 1, "walk"],
        ["T2", "P1", 2024, 1, "car"],
        ["T3", "P2", 2024, 2, "e_bike"],
        ["T4", "P3", 2024, 1, "taxi"],
        ["U1", None, 2025, 7, "walk"],
        ["U2", None, 2025, 3, "car"],
    ])


def test_green_travel_share(tmp_path: Path) -> None:
    _travel_data(tmp_path / "data")
    db = _build_with_settings(tmp_path / "data")
    share = {r["year"]: r for r in rows(db, "select * from green_travel_share")}
    assert share[2024]["value"] == pytest.approx(0.6)
    assert (share[2024]["numerator"], share[2024]["denominator"]) == pytest.approx((3, 5))
    se = math.sqrt(1.5 * (0.04**2 + 0.16**2 + 0.12**2))
    assert share[2024]["ci_low"] == pytest.approx(0.6 - 1.959964 * se, abs=1e-6)
    assert share[2024]["ci_high"] == pytest.approx(0.6 + 1.959964 * se, abs=1e-6)
    assert (share[2024]["trips"], share[2024]["persons"]) == (4, 3)
    assert (share[2025]["trips"], share[2025]["persons"]) == (2, 2)
    card = _scorecard(db, "green_travel_share")
    assert card[2025]["value"] == pytest.approx(0.7)
    assert card[2025]["comparator"] == ">"
    assert card[2025]["target_value"] == 0.7
    assert card[2025]["met"] is False
    modes = {(r["year"], r["main_mode"]): r for r in rows(db, "select * from travel_mode_share")}
    assert modes[(2024, "e_bike")]["weighted_trips"] == pytest.approx(2)
    assert modes[(2024, "e_bike")]["share"] == pytest.approx(0.4)
    assert modes[(2024, "e_bike")]["green"] is True
    assert modes[(2024, "taxi")]["green"] is False


def test_green_travel_modes_setting(tmp_path: Path) -> None:
    # green_travel_modes without e_bike: 2024 = 1/5 = 0.2
    _travel_data(tmp_path / "data")
    db = _build_with_settings(tmp_path / "data", 'green_travel_modes = ["walk", "bicycle", "bus", "metro"]\n')
    assert _scorecard(db, "green_travel_share")[2024]["value"] == pytest.approx(0.2)
