"""The data directory: file forms, header matching, extra columns, optional tables, encodings.

The fixtures are one small vehicle register (three buses and a taxi registered in 2024 in the
urban built-up area: buses BEV, DIESEL, PHEV, taxi BEV), written in each form the contract allows.
Expected: bus_nev_share_new 2024 = 2/3, taxi_nev_share_new 2024 = 1/1.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import polars as pl
import pytest

from tests.contract.helpers import build_db, csv_text, rows, vin, write_csv

HEADER = ["vin", "plate", "use_type", "powertrain", "registration_date", "urban_built_up"]
REGISTER = [
    [vin(1), "鲁BD00001", "bus", "BEV", "2024-02-01", "true"],
    [vin(2), "鲁B00002", "bus", "DIESEL", "2024-03-01", "true"],
    [vin(3), "鲁BD00003", "bus", "PHEV", "2024-04-01", "true"],
    [vin(4), "鲁BD00004", "cruising_taxi", "BEV", "2024-05-01", "true"],
]


def _shares(db: Path) -> dict[tuple[str, int], tuple[float, float, float]]:
    return {
        (r["indicator_id"], r["year"]): (r["value"], r["numerator"], r["denominator"])
        for r in rows(db, "select * from scorecard")
    }


def _assert_register_loaded(db: Path) -> None:
    assert rows(db, "select count(*) as n from fleet_register")[0]["n"] == 4
    shares = _shares(db)
    assert shares[("bus_nev_share_new", 2024)] == pytest.approx((2 / 3, 2, 3))
    assert shares[("taxi_nev_share_new", 2024)] == pytest.approx((1.0, 1, 1))


def test_csv_file(tmp_path: Path) -> None:
    write_csv(tmp_path / "data" / "fleet_register.csv", HEADER, REGISTER)
    _assert_register_loaded(build_db(tmp_path / "data"))


def test_xlsx_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in REGISTER:
        sheet.append(row)
    book.save(tmp_path / "data" / "fleet_register.xlsx")
    _assert_register_loaded(build_db(tmp_path / "data"))


def test_parquet_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    frame = pl.DataFrame([dict(zip(HEADER, row, strict=True)) for row in REGISTER])
    frame.write_parquet(tmp_path / "data" / "fleet_register.parquet")
    _assert_register_loaded(build_db(tmp_path / "data"))


def test_folder_of_monthly_files_is_one_table(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "fleet_register"
    write_csv(folder / "2024-02.csv", HEADER, REGISTER[:2])
    write_csv(folder / "2024-04.csv", HEADER, REGISTER[2:3])
    frame = pl.DataFrame([dict(zip(HEADER, REGISTER[3], strict=True))])
    frame.write_parquet(folder / "2024-05.parquet")
    db = build_db(tmp_path / "data")
    _assert_register_loaded(db)
    manifest = rows(db, "select table_name, rows_loaded from load_manifest order by source_file")
    assert manifest == [{"table_name": "fleet_register", "rows_loaded": n} for n in (2, 1, 1)]


def test_headers_match_case_insensitively_after_trimming(tmp_path: Path) -> None:
    header = [" VIN ", "Plate", "USE_TYPE ", "  PowerTrain", "Registration_Date", "URBAN_BUILT_UP"]
    write_csv(tmp_path / "data" / "fleet_register.csv", header, REGISTER)
    db = build_db(tmp_path / "data")
    _assert_register_loaded(db)
    assert rows(db, "select extra_columns from load_manifest")[0]["extra_columns"] in (None, [])


def test_extra_columns_kept_out_and_reported_once_per_file(tmp_path: Path) -> None:
    header = [*HEADER, "备注", "color"]
    write_csv(tmp_path / "data" / "fleet_register.csv", header, [[*row, "note", "red"] for row in REGISTER])
    db = build_db(tmp_path / "data")
    _assert_register_loaded(db)
    columns = [r["column_name"] for r in rows(
        db, "select column_name from duckdb_columns() where table_name = 'fleet_register'")]
    assert "备注" not in columns and "color" not in columns
    (manifest,) = rows(db, "select extra_columns from load_manifest")
    assert sorted(manifest["extra_columns"]) == sorted(["备注", "color"])
    # reported once per file, not once per row
    assert rows(db, "select count(*) as n from data_quality_warnings")[0]["n"] == 0
    assert rows(db, "select count(*) as n from rejects")[0]["n"] == 0


INDICATORS = ("bus_nev_share_new", "taxi_nev_share_new", "service_area_charger_coverage", "sea_rail_teu",
              "port_bulk_green_share", "green_travel_share")


def test_empty_directory_builds_with_no_values(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    db = build_db(tmp_path / "data")
    assert rows(db, "select * from scorecard") == []
    assert {r["indicator_id"] for r in rows(db, "select indicator_id from targets")} == set(INDICATORS)


def test_absent_tables_give_no_value_not_zero(tmp_path: Path) -> None:
    # only the register: the other four indicators have no row at all (no made-up 0 or 1)
    write_csv(tmp_path / "data" / "fleet_register.csv", HEADER, REGISTER)
    db = build_db(tmp_path / "data")
    assert {r["indicator_id"] for r in rows(db, "select indicator_id from scorecard")} == {
        "bus_nev_share_new", "taxi_nev_share_new"}


def test_service_areas_without_charging_stations_give_no_coverage(tmp_path: Path) -> None:
    # the stations are an input of the coverage indicator: without them coverage is unknown, not 0
    write_csv(tmp_path / "data" / "service_areas.csv",
              ["service_area_id", "name", "route_ref", "direction", "lon", "lat", "status", "opened_date"],
              [["SA01", "胶州服务区", "G20", "both", 120.01, 36.30, "open", "2015-07-01"]])
    db = build_db(tmp_path / "data")
    assert rows(db, "select * from scorecard where indicator_id = 'service_area_charger_coverage'") == []


def test_charging_stations_without_service_areas_give_no_coverage(tmp_path: Path) -> None:
    write_csv(tmp_path / "data" / "charging_stations.csv",
              ["station_id", "name", "lon", "lat", "dc_connectors", "ac_connectors", "commissioned_date"],
              [["CS01", "某充电站", 120.02, 36.31, 2, 0, "2021-05-01"]])
    db = build_db(tmp_path / "data")
    assert rows(db, "select * from scorecard") == []


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    header = ["车辆识别代号", "号牌号码", "使用性质", "动力类型", "注册登记日期", "是否建成区", "所属区市", "经营企业"]
    data = [[vin(i + 1), plate, {"bus": "公交客运", "cruising_taxi": "巡游出租客运"}[use],
             {"BEV": "纯电动", "DIESEL": "柴油", "PHEV": "插电式混合动力"}[power], date, "是", "崂山区", "交运集团"]
            for i, (_, plate, use, power, date, _) in enumerate(REGISTER)]
    path = tmp_path / "data" / "fleet_register.csv"
    path.parent.mkdir()
    path.write_bytes(csv_text(header, data).encode(encoding))
    db = build_db(tmp_path / "data")
    _assert_register_loaded(db)
    assert {r["district"] for r in rows(db, "select district from fleet_register")} == {"崂山区"}
    assert {r["operator"] for r in rows(db, "select operator from fleet_register")} == {"交运集团"}


def test_encoding_detected_per_file(tmp_path: Path) -> None:
    # one folder, one GB18030 file and one UTF-8 file with BOM, both with Chinese headers
    header = ["车辆识别代号", "号牌号码", "使用性质", "动力类型", "注册登记日期", "是否建成区", "所属区市"]
    folder = tmp_path / "data" / "fleet_register"
    write_csv(folder / "a.csv", header, [[vin(1), "鲁BD00001", "公交客运", "纯电动", "2024-02-01", "是", "市北区"]],
              encoding="gb18030")
    write_csv(folder / "b.csv", header, [[vin(2), "鲁B00002", "公交客运", "柴油", "2024-03-01", "是", "李沧区"]],
              encoding="utf-8-sig")
    db = build_db(tmp_path / "data")
    assert sorted(r["district"] for r in rows(db, "select district from fleet_register")) == ["市北区", "李沧区"]
    encodings = sorted(r["encoding"] for r in rows(db, "select encoding from load_manifest"))
    assert encodings[0].startswith("gb")
    assert "utf" in encodings[1]
