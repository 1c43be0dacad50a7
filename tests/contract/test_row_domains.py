"""Each value domain of the input contract: a row outside it is rejected, the others load.

Every case is a file of one table with two data rows: line 2 is a good row, line 3 the same row with
one value outside its contract domain. Expected: one row loaded, one reject for line 3 naming the
file, the manifest reconciling 2 = 1 + 1 + 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.contract.helpers import build_db, container_no, rows, vin, write_csv

GOOD: dict[str, dict[str, object]] = {
    "fleet_register": {"vin": vin(1), "plate": "鲁BD00001", "use_type": "bus", "powertrain": "BEV",
                       "registration_date": "2024-02-01", "urban_built_up": "true"},
    "service_areas": {"service_area_id": "SA01", "name": "胶州服务区", "route_ref": "G20", "direction": "both",
                      "kind": "service_area", "lon": 120.0, "lat": 36.3, "crs": "WGS84", "status": "open",
                      "car_parking_spaces": 100},
    "charging_stations": {"station_id": "CS01", "name": "某充电站", "lon": 120.0, "lat": 36.3, "dc_connectors": 2,
                          "ac_connectors": 1, "max_power_kw": 120, "charging_spaces": 3,
                          "commissioned_date": "2023-01-01"},
    "sea_rail_moves": {"move_id": "M1", "container_no": container_no(305438), "iso_type": "22G1",
                       "full_empty": "F", "direction": "rail_to_ship", "move_time": "2024-01-05 08:30:00"},
    "sea_rail_monthly": {"month": "2024-01", "teu": 100},
    "port_bulk_flows": {"month": "2024-01", "cargo": "coal", "flow": "to_port", "mode": "rail", "tonnes": 100},
    "travel_survey_trips": {"trip_id": "T1", "survey_year": 2024, "weight": 1.5, "main_mode": "walk",
                            "distance_km": 2.0},
}


def _bad_container() -> str:
    good = container_no(305438)
    return good[:-1] + str((int(good[-1]) + 1) % 10)


BAD = [
    ("fleet_register", "vin", vin(2)[:8] + ("0" if vin(2)[8] != "0" else "1") + vin(2)[9:]),
    ("fleet_register", "vin", "LFV3A23C"),
    ("fleet_register", "use_type", "truck"),
    ("fleet_register", "powertrain", "STEAM"),
    ("fleet_register", "registration_date", "not a date"),
    ("fleet_register", "urban_built_up", "maybe"),
    ("service_areas", "kind", "rest_stop"),
    ("service_areas", "crs", "UTM50N"),
    ("service_areas", "status", "demolished"),
    ("service_areas", "lon", "east"),
    ("service_areas", "car_parking_spaces", -1),
    ("charging_stations", "dc_connectors", -1),
    ("charging_stations", "ac_connectors", -2),
    ("charging_stations", "max_power_kw", 0),
    ("charging_stations", "charging_spaces", -1),
    ("charging_stations", "commissioned_date", "2023-02-30"),
    ("sea_rail_moves", "container_no", _bad_container()),
    ("sea_rail_moves", "full_empty", "X"),
    ("sea_rail_moves", "direction", "sideways"),
    ("sea_rail_moves", "move_time", "yesterday"),
    ("sea_rail_monthly", "month", "2024-13"),
    ("sea_rail_monthly", "teu", -1),
    ("port_bulk_flows", "month", "January"),
    ("port_bulk_flows", "cargo", "gold"),
    ("port_bulk_flows", "flow", "sideways"),
    ("port_bulk_flows", "mode", "teleport"),
    ("port_bulk_flows", "tonnes", -5),
    ("travel_survey_trips", "weight", 0),
    ("travel_survey_trips", "weight", -1),
    ("travel_survey_trips", "main_mode", "teleport"),
    ("travel_survey_trips", "distance_km", -0.5),
    ("travel_survey_trips", "survey_year", "last year"),
]


def _second_row(table: str) -> dict[str, object]:
    # a good row with another key, so that only the bad value can reject it
    row = dict(GOOD[table])
    key = {"fleet_register": ("vin", vin(2)), "service_areas": ("service_area_id", "SA02"),
           "charging_stations": ("station_id", "CS02"), "sea_rail_moves": ("container_no", container_no(305439)),
           "sea_rail_monthly": ("month", "2024-02"), "port_bulk_flows": ("mode", "waterway"),
           "travel_survey_trips": ("trip_id", "T2")}[table]
    row[key[0]] = key[1]
    return row


@pytest.mark.parametrize(("table", "column", "value"), BAD, ids=[f"{t}.{c}={v}" for t, c, v in BAD])
def test_value_outside_its_domain_is_rejected(tmp_path: Path, table: str, column: str, value: object) -> None:
    bad = _second_row(table)
    bad[column] = value
    header = list(GOOD[table])
    write_csv(tmp_path / "data" / f"{table}.csv", header, [list(GOOD[table].values()), [bad[h] for h in header]])
    db = build_db(tmp_path / "data")
    assert rows(db, f"select count(*) as n from {table}")[0]["n"] == 1
    (reject,) = rows(db, "select * from rejects")
    assert reject["table_name"] == table
    assert reject["source_file"].endswith(f"{table}.csv")
    assert reject["source_row"] == 3
    assert reject["reason_code"] and reject["reason"]
    assert json.loads(reject["raw_row"])[column] == str(value)
    (manifest,) = rows(db, "select rows_read, rows_loaded, rows_rejected, duplicates_collapsed from load_manifest")
    assert manifest == {"rows_read": 2, "rows_loaded": 1, "rows_rejected": 1, "duplicates_collapsed": 0}


@pytest.mark.parametrize("table", sorted(GOOD))
def test_good_rows_load(tmp_path: Path, table: str) -> None:
    header = list(GOOD[table])
    second = _second_row(table)
    write_csv(tmp_path / "data" / f"{table}.csv", header, [list(GOOD[table].values()), [second[h] for h in header]])
    db = build_db(tmp_path / "data")
    assert rows(db, f"select count(*) as n from {table}")[0]["n"] == 2
    assert rows(db, "select count(*) as n from rejects")[0]["n"] == 0
