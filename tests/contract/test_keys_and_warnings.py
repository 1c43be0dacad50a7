"""Keys, duplicates and warnings of the input contract.

- fleet_register key (vin, use_type, registration_date): a vehicle that changes use is two rows;
  exact duplicates collapse (also across the files of a folder), conflicting duplicates are
  rejected.
- A plate whose form says new-energy (鲁BD12345, 鲁B12345D) on a powertrain that is not, or the
  reverse, is a data-quality warning, not a reject.
- sea_rail_moves: one move recorded twice (same container, direction, time) counts once.
"""

from __future__ import annotations

from pathlib import Path

from tests.contract.helpers import build_db, rows, vin, write_csv

HEADER = ["vin", "plate", "use_type", "powertrain", "registration_date", "urban_built_up"]


def test_vehicle_changing_use_is_two_registrations(tmp_path: Path) -> None:
    write_csv(tmp_path / "data" / "fleet_register.csv", HEADER, [
        [vin(1), "鲁BD00001", "bus", "BEV", "2020-02-01", "true"],
        [vin(1), "鲁BD00001", "other", "BEV", "2024-02-01", "true"],
    ])
    db = build_db(tmp_path / "data")
    assert rows(db, "select count(*) as n from fleet_register")[0]["n"] == 2
    assert rows(db, "select count(*) as n from rejects")[0]["n"] == 0


def test_duplicates_across_the_files_of_a_folder(tmp_path: Path) -> None:
    # file a: vehicle 1, vehicle 2; file b: vehicle 1 again (exact), vehicle 2 with another plate
    # (conflict) -> loaded: vehicle 1 once; rejected: both vehicle-2 rows; a 2 = 1 + 1 + 0,
    # b 2 = 0 + 1 + 1
    folder = tmp_path / "data" / "fleet_register"
    write_csv(folder / "a.csv", HEADER, [
        [vin(1), "鲁BD00001", "bus", "BEV", "2024-02-01", "true"],
        [vin(2), "鲁B00002", "bus", "DIESEL", "2024-02-01", "true"],
    ])
    write_csv(folder / "b.csv", HEADER, [
        [vin(1), "鲁BD00001", "bus", "BEV", "2024-02-01", "true"],
        [vin(2), "鲁B00022", "bus", "DIESEL", "2024-02-01", "true"],
    ])
    db = build_db(tmp_path / "data")
    assert [r["vin"] for r in rows(db, "select vin from fleet_register")] == [vin(1)]
    rejected = rows(db, "select source_file, source_row from rejects order by source_file")
    assert [(Path(r["source_file"]).name, r["source_row"]) for r in rejected] == [("a.csv", 3), ("b.csv", 3)]
    manifest = {Path(r["source_file"]).name: (r["rows_read"], r["rows_loaded"], r["rows_rejected"],
                                               r["duplicates_collapsed"])
                for r in rows(db, "select * from load_manifest")}
    assert manifest == {"a.csv": (2, 1, 1, 0), "b.csv": (2, 0, 1, 1)}


def test_plate_form_against_powertrain_is_a_warning(tmp_path: Path) -> None:
    # line 2 new-energy plate on a diesel bus -> warning; line 3 ordinary plate on a BEV -> warning;
    # line 4 new-energy plate (large vehicle form, letter last) on a BEV -> fine;
    # line 5 ordinary plate on a diesel bus -> fine. All four load.
    write_csv(tmp_path / "data" / "fleet_register.csv", HEADER, [
        [vin(1), "鲁BD12345", "bus", "DIESEL", "2024-02-01", "true"],
        [vin(2), "鲁B12346", "bus", "BEV", "2024-02-01", "true"],
        [vin(3), "鲁B12347D", "bus", "BEV", "2024-02-01", "true"],
        [vin(4), "鲁B12348", "bus", "DIESEL", "2024-02-01", "true"],
    ])
    db = build_db(tmp_path / "data")
    assert rows(db, "select count(*) as n from fleet_register")[0]["n"] == 4
    assert rows(db, "select count(*) as n from rejects")[0]["n"] == 0
    warned = [r["source_row"] for r in rows(
        db, "select source_row from data_quality_warnings where table_name = 'fleet_register' order by 1")]
    assert warned == [2, 3]


def test_charging_space_rule_beside_coverage(tmp_path: Path) -> None:
    # 2022 national action plan: charging spaces >= 10% of small-car spaces per site
    # S1 100 car spaces, station with 10 charging spaces -> meets; S2 100, 9 -> does not
    data = tmp_path / "data"
    write_csv(data / "service_areas.csv",
              ["service_area_id", "name", "route_ref", "direction", "lon", "lat", "status", "car_parking_spaces"],
              [["S1", "甲服务区", "G20", "both", 120.0, 36.0, "open", 100],
               ["S2", "乙服务区", "G20", "both", 120.2, 36.0, "open", 100]])
    write_csv(data / "charging_stations.csv",
              ["station_id", "name", "lon", "lat", "service_area_id", "dc_connectors", "ac_connectors",
               "charging_spaces", "commissioned_date"],
              [["C1", "一号充电站", 120.0, 36.0, "S1", 2, 0, 10, "2023-01-01"],
               ["C2", "二号充电站", 120.2, 36.0, "S2", 2, 0, 9, "2023-01-01"]])
    db = build_db(data)
    found = {r["service_area_id"]: r["meets_space_rule"] for r in rows(
        db, "select service_area_id, meets_space_rule from sa_site_charging where year = 2024")}
    assert found == {"S1": True, "S2": False}
