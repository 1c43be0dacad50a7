"""Ingest end to end.

Every reject reason, warnings, reconciliation, loaded values, positions, date forms, Excel,
Parquet and folders, and the errors that stop a build. Finding the files, mapping headers and
duplicates have their own test modules (``test_inputs``, ``test_headers``, ``test_duplicates``).

The fixtures are in ``tests/data/ingest`` (synthetic; see its README for how the VIN check digits
are worked out). Line numbers below are the files' 1-based line numbers, counted by eye.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from ingest_rows import DATA, FLEET, manifest_counts, rows_of

from qdtransport.domains import TABLES
from qdtransport.ingest import Ingested, load_directory, load_table
from qdtransport.readers import InputFileError

D = dt.date


@pytest.fixture(scope="module")
def reasons() -> Ingested:
    return load_directory(DATA / "reasons")


# --- every reject reason ----------------------------------------------------------------------

EXPECTED_REJECTS = [
    # (source_file, line, reason_code, reason)
    ("charging_stations.csv", 4, "out_of_range", "lon 140.5 is outside its domain (≥ 73.0 and ≤ 136.0)"),
    ("charging_stations.csv", 5, "out_of_range", "lat 55.0 is outside its domain (≥ 3.0 and ≤ 54.0)"),
    ("charging_stations.csv", 6, "date_order",
     "decommissioned_date 2023-05-31 is before commissioned_date 2023-06-01"),
    ("charging_stations.csv", 8, "out_of_range", "max_power_kw 0.0 is outside its domain (> 0)"),
    ("fleet_register.csv", 3, "missing_value", "required column vin is empty"),
    # LZYTBGBW?N1000003 needs check digit (10 + 0 + 2*3) mod 11 = 5; the file says 4
    ("fleet_register.csv", 4, "bad_vin",
     "vin 'LZYTBGBW4N1000003' fails the GB 16735 check (17 characters, check digit at position 9)"),
    ("fleet_register.csv", 5, "bad_enum", "use_type 'ferry' is not one of bus, cruising_taxi, ride_hailing, other"),
    ("fleet_register.csv", 6, "bad_date", "registration_date '2024-02-30' is not a date"),
    ("fleet_register.csv", 7, "bad_bool", "urban_built_up 'maybe' is not yes/no (是/否)"),
    ("fleet_register.csv", 8, "out_of_range",
     "registration_date 1979-12-31 is outside its domain (≥ 1980-01-01 and ≤ 2100-12-31)"),
    ("fleet_register.csv", 9, "date_order", "deregistration_date 2024-05-05 is before registration_date 2024-05-06"),
    # 10 header columns (vin ... remarks); the row has 11 cells, the 10th and 11th non-empty
    ("fleet_register.csv", 12, "bad_row_shape", "row has 11 cells but the header has 10 columns"),
    ("fleet_register.csv", 15, "duplicate_conflict", None),  # reason checked below
    ("fleet_register.csv", 16, "duplicate_conflict", None),
    ("port_bulk_flows.csv", 4, "bad_enum",
     "mode '飞艇' is not one of rail, waterway, belt_conveyor, pipeline, truck_nev, truck_diesel, "
     "truck_lng, truck_other"),
    ("port_bulk_flows.csv", 5, "out_of_range", "tonnes -1.0 is outside its domain (≥ 0)"),
    ("sea_rail_monthly.csv", 3, "bad_month", "month '2024-13' is not a month (YYYY-MM)"),
    ("sea_rail_monthly.csv", 4, "bad_number", "teu 'abc' is not a number"),
    ("sea_rail_monthly.csv", 5, "out_of_range", "teu -5.0 is outside its domain (≥ 0)"),
    ("sea_rail_moves.csv", 3, "bad_container_no", "container_no 'CSQU3054384' fails the ISO 6346 check digit"),
    ("sea_rail_moves.csv", 4, "bad_iso_type",
     "iso_type '92G1' is not an ISO 6346 size-type code with length code 1/2/3/4/A/B/C/D/E/F/G/H/K/L/M/N/P"),
    ("sea_rail_moves.csv", 5, "bad_date", "move_time '2024/5/6 25:00' is not a date"),
    # service_areas.tsv: title on line 1, blank line 2, header on line 3
    ("service_areas.tsv", 6, "out_of_range",
     "lat 2.5 is outside its domain (≥ 3.0 and ≤ 54.0); car_parking_spaces -3 is outside its domain (≥ 0)"),
    ("service_areas.tsv", 7, "bad_enum", "status '拆除' is not one of open, closed, under_construction"),
    ("travel_survey_trips.csv", 3, "bad_number", "survey_year '2024.5' is not a whole number"),
    ("travel_survey_trips.csv", 4, "out_of_range", "weight 0.0 is outside its domain (> 0)"),
    ("travel_survey_trips.csv", 6, "missing_value", "required column survey_year is empty"),
]  # fmt: skip


def test_every_reject_reason_on_its_own_row(reasons: Ingested) -> None:
    found = rows_of(reasons.rejects, "source_file", "source_row", "reason_code", "reason")
    assert [r[:3] for r in found] == [e[:3] for e in EXPECTED_REJECTS]
    for row, expected in zip(found, EXPECTED_REJECTS, strict=True):
        if expected[3] is not None:
            assert row[3] == expected[3], row[:3]


# (source_file, line) -> (header as written in the file, its raw cell): the cell that fails, which
# the rejected row's raw_row must show as the file gave it
RAW_CELLS = {
    ("charging_stations.csv", 4): ("lon", "140.5"),
    ("charging_stations.csv", 5): ("lat", "55.0"),
    ("charging_stations.csv", 6): ("decommissioned_date", "2023-05-31"),
    ("charging_stations.csv", 8): ("max_power_kw", "0"),
    ("fleet_register.csv", 3): ("vin", None),
    ("fleet_register.csv", 4): ("vin", "LZYTBGBW4N1000003"),
    ("fleet_register.csv", 5): ("use_type", "ferry"),
    ("fleet_register.csv", 6): ("registration_date", "2024-02-30"),
    ("fleet_register.csv", 7): ("urban_built_up", "maybe"),
    ("fleet_register.csv", 8): ("registration_date", "1979-12-31"),
    ("fleet_register.csv", 9): ("deregistration_date", "2024-05-05"),
    ("fleet_register.csv", 15): ("plate", "鲁B10014"),
    ("fleet_register.csv", 16): ("plate", "鲁B10015"),
    ("port_bulk_flows.csv", 4): ("运输方式", "飞艇"),
    ("port_bulk_flows.csv", 5): ("吨数", "-1"),
    ("sea_rail_monthly.csv", 3): ("month", "2024-13"),
    ("sea_rail_monthly.csv", 4): ("teu", "abc"),
    ("sea_rail_monthly.csv", 5): ("teu", "-5"),
    ("sea_rail_moves.csv", 3): ("箱号", "CSQU3054384"),
    ("sea_rail_moves.csv", 4): ("箱型", "92G1"),
    ("sea_rail_moves.csv", 5): ("作业时间", "2024/5/6 25:00"),
    ("service_areas.tsv", 6): ("纬度", "2.5"),
    ("service_areas.tsv", 7): ("状态", "拆除"),
    ("travel_survey_trips.csv", 3): ("survey_year", "2024.5"),
    ("travel_survey_trips.csv", 4): ("weight", "0"),
    ("travel_survey_trips.csv", 6): ("survey_year", None),
}


def test_each_reject_shows_its_failing_cell_in_the_raw_row(reasons: Ingested) -> None:
    raw_rows = {
        (r["source_file"], r["source_row"]): json.loads(r["raw_row"]) for r in reasons.rejects.iter_rows(named=True)
    }
    # every reject but the row of the wrong shape (a list of cells, checked below) is listed above
    assert set(raw_rows) - set(RAW_CELLS) == {("fleet_register.csv", 12)}
    for place, (header, cell) in RAW_CELLS.items():
        assert raw_rows[place][header] == cell, place


def test_every_documented_reason_code_is_exercised(reasons: Ingested) -> None:
    # the codes listed in qdtransport.parsing's docstring, plus the row-rule, duplicate and
    # row-shape codes
    documented = {
        "missing_value", "bad_date", "bad_month", "bad_number", "bad_bool", "bad_enum", "out_of_range",
        "bad_vin", "bad_container_no", "bad_iso_type", "date_order", "duplicate_conflict", "bad_row_shape",
    }  # fmt: skip
    assert set(reasons.rejects["reason_code"]) == documented


def test_conflicting_duplicates_name_each_other(reasons: Ingested) -> None:
    conflicts = reasons.rejects.filter(pl.col("reason_code") == "duplicate_conflict")
    for reason in conflicts["reason"]:
        assert reason.startswith(
            "2 records share vin/use_type/registration_date = LZYTBGBWXN1000014/bus/2024-05-06 "
            "but differ in other columns: "
        )
        assert "fleet_register.csv row 15" in reason and "fleet_register.csv row 16" in reason


def test_rejects_keep_the_raw_row_with_the_files_headers(reasons: Ingested) -> None:
    rejects = reasons.rejects
    bad_date = rejects.filter(pl.col("reason_code") == "bad_date", pl.col("table_name") == "fleet_register")
    # line 6: LZYTBGBW9N1000005,鲁B10005,bus,DIESEL,2024-02-30,,是,,,
    assert json.loads(bad_date["raw_row"].item()) == {
        "vin": "LZYTBGBW9N1000005", "plate": "鲁B10005", "use_type": "bus", "powertrain": "DIESEL",
        "registration_date": "2024-02-30", "deregistration_date": None, "urban_built_up": "是",
        "district": None, "operator": None, "remarks": None,
    }  # fmt: skip
    # Chinese headers stay Chinese in the raw row (sea_rail_moves.csv line 3)
    box = rejects.filter(pl.col("reason_code") == "bad_container_no")
    assert json.loads(box["raw_row"].item())["箱号"] == "CSQU3054384"
    # a row that does not fit the header is kept as its list of cells (line 12)
    shape = rejects.filter(pl.col("reason_code") == "bad_row_shape")
    assert json.loads(shape["raw_row"].item()) == [
        "LZYTBGBW4N1000011", "鲁B10011", "bus", "DIESEL", "2024-05-06", "", "是", "", "", "old", "surplus",
    ]  # fmt: skip
    assert set(rejects["table_name"]) == set(TABLES)  # each fixture file has at least one reject


def test_plate_powertrain_warnings_load_the_row(reasons: Ingested) -> None:
    warnings = rows_of(reasons.warnings, "source_file", "source_row", "warning_code", "warning")
    assert warnings == [
        ("fleet_register.csv", 10, "plate_powertrain_mismatch", "new-energy plate 鲁BD10009 but powertrain DIESEL"),
        ("fleet_register.csv", 11, "plate_powertrain_mismatch",
         "ordinary plate 鲁B10010 but new-energy powertrain BEV"),
    ]  # fmt: skip
    # both rows are loaded; so are the rows with a matching new-energy plate (lines 13 and 14)
    fleet = reasons.tables["fleet_register"].frame
    assert fleet.sort("source_row").select("source_row", "plate", "powertrain").rows() == [
        (2, "鲁B10001", "DIESEL"),
        (10, "鲁BD10009", "DIESEL"),
        (11, "鲁B10010", "BEV"),
        (13, "鲁B10012D", "BEV"),
        (14, "鲁BF10013", "PHEV"),
    ]
    raw = json.loads(reasons.warnings["raw_row"][0])
    assert raw["plate"] == "鲁BD10009"


def test_manifest_reconciles_each_file(reasons: Ingested) -> None:
    # (read, loaded, rejected, duplicates, warnings), counted from the files by hand:
    assert manifest_counts(reasons) == {
        "fleet_register.csv": (15, 5, 10, 0, 2),  # lines 2-16; loaded 2, 10, 11, 13, 14
        "service_areas.tsv": (4, 2, 2, 0, 0),  # lines 4-7
        "charging_stations.csv": (7, 3, 4, 0, 0),  # lines 2-8; loaded CS01, CS02, CS06
        "sea_rail_moves.csv": (6, 3, 3, 0, 0),
        "sea_rail_monthly.csv": (6, 3, 3, 0, 0),
        "port_bulk_flows.csv": (4, 2, 2, 0, 0),
        "travel_survey_trips.csv": (5, 2, 3, 0, 0),
    }
    for name, table in reasons.tables.items():
        assert table.frame.height == sum(table.manifest["rows_loaded"]), name


def test_manifest_describes_each_file(reasons: Ingested) -> None:
    manifest = {r["source_file"]: r for r in reasons.manifest.iter_rows(named=True)}
    fleet = manifest["fleet_register.csv"]
    path = DATA / "reasons" / "fleet_register.csv"
    assert fleet["extra_columns"] == ["remarks"]
    assert (fleet["format"], fleet["encoding"], fleet["header_row"]) == ("csv", "utf-8", 1)
    assert fleet["size_bytes"] == path.stat().st_size
    assert fleet["path"] == str(path.resolve())
    assert len(fleet["sha256"]) == 64
    assert manifest["service_areas.tsv"]["header_row"] == 3
    assert manifest["sea_rail_moves.csv"]["extra_columns"] == []


def test_loaded_values(reasons: Ingested) -> None:
    moves = reasons.tables["sea_rail_moves"].frame
    assert rows_of(moves, "move_id", "container_no", "full_empty", "direction", "move_time") == [
        ("M001", "CSQU3054383", "F", "rail_to_ship", dt.datetime(2024, 5, 6, 8, 30)),
        ("M005", "GYOU4047990", "E", "ship_to_rail", dt.datetime(2024, 5, 6, 11, 15, 30)),
        # 45418.5: Excel day 45418 (2024-05-06, worked out in test_parsing.py) plus half a day
        ("M006", "ZEPU0037255", "F", "ship_to_rail", dt.datetime(2024, 5, 6, 12, 0)),
    ]
    monthly = reasons.tables["sea_rail_monthly"].frame
    assert rows_of(monthly, "month", "teu", "source") == [
        ("2024-05", 180000.0, "合成示例"),
        ("2024-08", 190000.0, "合成示例"),  # 2024年8月, "190,000"
        ("2024-09", 185000.5, None),  # 202409
    ]
    bulk = reasons.tables["port_bulk_flows"].frame
    assert rows_of(bulk, "month", "terminal", "cargo", "flow", "mode", "tonnes") == [
        ("2024-05", "董家口", "iron_ore", "from_port", "rail", 120000.0),
        ("2024-05", "董家口", "iron_ore", "from_port", "truck_lng", 3000.0),  # LNG货车
    ]
    trips = reasons.tables["travel_survey_trips"].frame
    assert rows_of(trips, "trip_id", "survey_year", "weight", "main_mode", "distance_km") == [
        ("T1", 2024, 1.5, "walk", 0.8),
        ("T4", 2024, 1.2, "e_bike", None),
    ]
    sites = reasons.tables["service_areas"].frame
    assert rows_of(sites, "service_area_id", "kind", "status", "opened_date", "car_parking_spaces") == [
        ("SA01", "service_area", "open", D(2015, 1, 1), 200),
        ("SA02", "service_area", "under_construction", None, None),  # empty kind -> the default
    ]


def test_loaded_frames_have_the_canonical_schema(reasons: Ingested) -> None:
    fleet = reasons.tables["fleet_register"].frame
    assert fleet.columns == [*FLEET.column_names, "source_file", "source_row"]
    assert fleet.schema["registration_date"] == pl.Date
    assert fleet.schema["urban_built_up"] == pl.Boolean
    assert reasons.tables["sea_rail_moves"].frame.schema["move_time"] == pl.Datetime("us")
    assert reasons.tables["charging_stations"].frame.schema["dc_connectors"] == pl.Int64


# --- positions --------------------------------------------------------------------------------


def test_positions_keep_the_source_and_convert_only_non_wgs84_rows(reasons: Ingested) -> None:
    stations = reasons.tables["charging_stations"].frame.sort("station_id")
    rows = {r["station_id"]: r for r in stations.iter_rows(named=True)}
    # WGS84 as given: unchanged
    cs01 = rows["CS01"]
    assert (cs01["crs"], cs01["lon"], cs01["lat"]) == ("WGS84", 120.0, 36.3)
    assert (cs01["source_lon"], cs01["source_lat"]) == (120.0, 36.3)
    # GCJ-02 (spelt GCJ02) and BD-09 (spelt 百度坐标): the given position is kept in source_*, and
    # lon/lat move; the offsets of these systems are a few hundred metres, well under 0.02 degrees
    for station_id, crs in (("CS02", "GCJ02"), ("CS06", "BD09")):
        row = rows[station_id]
        given = {"CS02": (120.0, 36.3), "CS06": (120.2, 36.2)}[station_id]
        assert row["crs"] == crs
        assert (row["source_lon"], row["source_lat"]) == given
        assert (row["lon"], row["lat"]) != given
        assert abs(row["lon"] - given[0]) < 0.02 and abs(row["lat"] - given[1]) < 0.02
    # the service-area register: empty crs means WGS84, so positions are as given
    sites = reasons.tables["service_areas"].frame.sort("service_area_id")
    assert sites.select("crs", "lon", "lat", "source_lon", "source_lat").rows() == [
        ("WGS84", 120.01, 36.25, 120.01, 36.25),
        ("WGS84", 120.02, 36.26, 120.02, 36.26),
    ]


# --- date forms -------------------------------------------------------------------------------


def test_every_date_form_through_ingest(tmp_path: Path) -> None:
    # VINs LZYTBGBW?N10000ef with check digit (10 + 3e + 2f) mod 11 (tests/data/ingest/README.md)
    forms = [
        ("LZYTBGBW1N1000032", "2024-05-06"),  # line 2
        ("LZYTBGBW3N1000033", "2024/5/6"),
        ("LZYTBGBW5N1000034", "20240506"),
        ("LZYTBGBW7N1000035", "2024年5月6日"),
        ("LZYTBGBW9N1000036", "2024.5.6"),
        ("LZYTBGBW0N1000037", "45418"),  # Excel day 45418 = 2024-05-06 (see test_parsing.py)
        ("LZYTBGBW2N1000038", "2024-05-06 13:45:10"),  # line 8
        ("LZYTBGBW4N1000039", "2024-02-30"),  # line 9: bad
        ("LZYTBGBW0N1000040", "06/05/2024"),  # line 10: bad
        ("LZYTBGBW2N1000041", "abc"),  # line 11: bad
    ]
    path = tmp_path / "fleet_register.csv"
    lines = ["vin,plate,use_type,powertrain,registration_date,urban_built_up"]
    lines += [f"{vin},鲁B3{vin[-4:]},bus,DIESEL,{date},否" for vin, date in forms]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_table(FLEET, [path], data_dir=tmp_path)
    assert loaded.frame.sort("source_row")["registration_date"].to_list() == [D(2024, 5, 6)] * 7
    assert rows_of(loaded.rejects, "source_row", "reason_code") == [(9, "bad_date"), (10, "bad_date"), (11, "bad_date")]


# --- Excel, Parquet, folders ------------------------------------------------------------------


def test_excel_with_real_date_cells(tmp_path: Path, write_sheet: Callable[..., None]) -> None:
    path = tmp_path / "fleet_register.xlsx"
    header = ["车辆识别代号", "号牌号码", "使用性质", "动力类型", "注册登记日期", "注销日期", "是否建成区"]
    write_sheet(
        path,
        {
            1: ["青岛市营运车辆登记表（合成示例数据）"],  # title; row 2 empty
            3: header,
            4: ["LZYTBGBW1N1000001", "鲁BD10001", "公交客运", "纯电动", dt.date(2024, 5, 6), None, "是"],
            5: ["LZYTBGBW3N1000002", "鲁B10002", "出租客运", "汽油", dt.datetime(2023, 1, 31, 9, 30),
                dt.date(2024, 12, 31), "否"],
            6: ["LZYTBGBW5N1000003", "鲁B10003", "出租客运", "汽油", dt.date(2024, 2, 1), dt.date(2024, 1, 31), "否"],
        },
    )  # fmt: skip
    loaded = load_table(FLEET, [path], data_dir=tmp_path)
    assert rows_of(loaded.frame, "source_row", "registration_date", "deregistration_date", "use_type") == [
        (4, D(2024, 5, 6), None, "bus"),
        (5, D(2023, 1, 31), D(2024, 12, 31), "cruising_taxi"),
    ]
    # row 6 deregisters the day before it registers; its line number is the sheet row
    assert rows_of(loaded.rejects, "source_row", "reason_code") == [(6, "date_order")]
    manifest = loaded.manifest.row(0, named=True)
    assert (manifest["format"], manifest["encoding"], manifest["header_row"], manifest["rows_read"]) == (
        "excel", None, 3, 3,
    )  # fmt: skip


def test_parquet_with_typed_columns(tmp_path: Path) -> None:
    path = tmp_path / "charging_stations.parquet"
    pl.DataFrame(
        {
            "station_id": ["CS01", "CS02"],
            "name": ["甲站", "乙站"],
            "lon": [120.0, 120.5],
            "lat": [36.3, 36.4],
            "dc_connectors": pl.Series([4, -1], dtype=pl.Int32),
            "ac_connectors": pl.Series([0, 2], dtype=pl.Int64),
            "commissioned_date": [dt.date(2024, 5, 6), dt.date(2023, 1, 31)],
            "decommissioned_date": pl.Series([None, None], dtype=pl.Date),
        }
    ).write_parquet(path)
    loaded = load_table(TABLES["charging_stations"], [path], data_dir=tmp_path)
    assert rows_of(loaded.frame, "source_row", "station_id", "dc_connectors", "commissioned_date") == [
        (1, "CS01", 4, D(2024, 5, 6)),
    ]
    # record 2 has -1 DC connectors
    assert rows_of(loaded.rejects, "source_row", "reason_code") == [(2, "out_of_range")]
    assert loaded.manifest["format"].item() == "parquet"


def test_a_folder_of_files_in_several_formats_is_one_table(tmp_path: Path, write_sheet: Callable[..., None]) -> None:
    folder = tmp_path / "sea_rail_monthly"
    folder.mkdir()
    (folder / "2024-01.csv").write_text("month,teu\n2024-01,100\n", encoding="utf-8")
    write_sheet(folder / "2024-02.xlsx", {1: ["月份", "标准箱"], 2: ["2024-02", 200]})
    pl.DataFrame({"month": ["2024-03"], "teu": [300.0]}).write_parquet(folder / "2024-03.parquet")
    (folder / "README.md").write_text("notes beside the exports are passed over\n", encoding="utf-8")
    ingested = load_directory(tmp_path)
    frame = ingested.tables["sea_rail_monthly"].frame
    assert rows_of(frame, "month", "teu", "source_file") == [
        ("2024-01", 100.0, "sea_rail_monthly/2024-01.csv"),
        ("2024-02", 200.0, "sea_rail_monthly/2024-02.xlsx"),
        ("2024-03", 300.0, "sea_rail_monthly/2024-03.parquet"),
    ]
    assert ingested.manifest["source_file"].to_list() == [
        "sea_rail_monthly/2024-01.csv", "sea_rail_monthly/2024-02.xlsx", "sea_rail_monthly/2024-03.parquet",
    ]  # fmt: skip


# --- no input ---------------------------------------------------------------------------------


def test_no_files_gives_empty_frames_with_their_schemas() -> None:
    loaded = load_table(FLEET, [], data_dir=DATA)
    assert loaded.frame.height == 0
    assert loaded.frame.schema["registration_date"] == pl.Date
    assert loaded.manifest.height == 0 and loaded.rejects.height == 0


# --- errors that stop the build ---------------------------------------------------------------


def test_undecodable_file_stops_the_directory_load(tmp_path: Path) -> None:
    (tmp_path / "sea_rail_monthly.csv").write_bytes(b"month,teu\n\xff\xfe\xff,1\n")
    with pytest.raises(InputFileError, match=r"sea_rail_monthly\.csv: cannot decode"):
        load_directory(tmp_path)


def test_raw_row_is_the_row_exactly_as_the_file_gave_it(tmp_path: Path) -> None:
    # a full-width plate with spaces around it, and an impossible date: the row is rejected, and
    # its raw_row holds the cells untouched (the loaded value would be NFKC-normalised, trimmed)
    path = tmp_path / "fleet_register.csv"
    path.write_text(
        "vin,plate,use_type,powertrain,registration_date,urban_built_up\n"
        "LZYTBGBW1N1000001,  鲁Ｂ１２３４５ ,bus,BEV,2024-02-30,是\n",
        encoding="utf-8",
    )
    load = load_table(TABLES["fleet_register"], [path], data_dir=tmp_path)
    assert load.rejects["reason_code"].to_list() == ["bad_date"]
    raw = json.loads(load.rejects["raw_row"][0])
    assert raw["plate"] == "  鲁Ｂ１２３４５ "
    assert raw["registration_date"] == "2024-02-30"


def test_every_sheet_holding_the_table_is_read_and_others_are_noted(tmp_path: Path) -> None:
    # sheet 说明 (notes, no header), 1月 with two rows, an empty sheet, 2月 with one row
    import openpyxl

    path = tmp_path / "sea_rail_monthly.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["合成数据，仅供测试"])
    for title, rows in (("1月", [["2024-01", 100]]), ("空", []), ("2月", [["2024-02", 200], ["2024-02", 200]])):
        sheet = book.create_sheet(title)
        if rows:
            sheet.append(["月份", "标准箱"])
            for row in rows:
                sheet.append(row)
    book.save(path)
    load = load_table(TABLES["sea_rail_monthly"], [path], data_dir=tmp_path)
    manifest = {r["source_file"]: (r["sheet"], r["rows_read"], r["rows_loaded"], r["duplicates_collapsed"])
                for r in load.manifest.iter_rows(named=True)}  # fmt: skip
    # 2月 repeats its row exactly: read 2, loaded 1, one duplicate collapsed
    assert manifest == {
        "sea_rail_monthly.xlsx#1月": ("1月", 1, 1, 0),
        "sea_rail_monthly.xlsx#2月": ("2月", 2, 1, 1),
    }
    assert sorted(load.frame["month"].to_list()) == ["2024-01", "2024-02"]
    assert len(load.notes) == 1 and "说明" in load.notes[0]


