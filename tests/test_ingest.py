"""Ingest end to end.

Formats and encodings, aliases, every reject reason, warnings, duplicates, reconciliation,
positions, and the errors that stop a build.

The fixtures are in ``tests/data/ingest`` (synthetic; see its README for how the VIN check digits
are worked out). Line numbers below are the files' 1-based line numbers, counted by eye.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from qdtransport.domains import TABLES
from qdtransport.ingest import Ingested, find_inputs, load_directory, load_table
from qdtransport.readers import InputFileError

DATA = Path(__file__).parent / "data" / "ingest"
FLEET = TABLES["fleet_register"]
D = dt.date


@pytest.fixture(scope="module")
def reasons() -> Ingested:
    return load_directory(DATA / "reasons")


def rows_of(frame: pl.DataFrame, *columns: str) -> list[tuple]:
    return frame.sort("source_file", "source_row").select(columns).rows()


def manifest_counts(ingested: Ingested | pl.DataFrame) -> dict[str, tuple[int, int, int, int, int]]:
    """source_file -> (rows_read, rows_loaded, rows_rejected, duplicates_collapsed, warnings)."""
    manifest = ingested if isinstance(ingested, pl.DataFrame) else ingested.manifest
    return {
        r["source_file"]: (
            r["rows_read"], r["rows_loaded"], r["rows_rejected"], r["duplicates_collapsed"], r["warnings"]
        )
        for r in manifest.iter_rows(named=True)
    }  # fmt: skip


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
     "iso_type '92G1' is not an ISO 6346 size-type code with length code 1/2/3/4/L"),
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


# --- encodings, delimiters, title rows, Chinese aliases ---------------------------------------

CHINESE = (DATA / "chinese" / "fleet_register.csv").read_text(encoding="utf-8")

# chinese/fleet_register.csv, lines 3-14: every spelling of 使用性质 and 动力类型 in the contract
CHINESE_EXPECTED = [
    # (line, use_type, powertrain, urban_built_up)
    (3, "bus", "BEV", True),  # 公交客运, 纯电动, 是
    (4, "cruising_taxi", "PHEV", True),  # 巡游出租客运, 插电式混合动力
    (5, "cruising_taxi", "EREV", False),  # 出租客运, 增程式, 否
    (6, "ride_hailing", "FCEV", True),  # 预约出租客运, 燃料电池
    (7, "other", "HEV", False),  # 其他, 油电混合
    (8, "bus", "PETROL", True),  # 汽油
    (9, "cruising_taxi", "DIESEL", True),  # 柴油
    (10, "cruising_taxi", "CNG", False),  # 压缩天然气
    (11, "ride_hailing", "LNG", True),  # 液化天然气
    (12, "other", "LPG", False),  # 液化石油气
    (13, "bus", "METHANOL", True),  # 甲醇
    (14, "cruising_taxi", "OTHER", True),  # 其他
]


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (CHINESE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CHINESE.encode("utf-8"), "utf-8-sig"),
        (CHINESE.encode("gbk"), "gb18030"),  # read with GB18030, which contains GBK
        (CHINESE.encode("gb18030"), "gb18030"),
        (CHINESE.replace(",", "\t").encode("gbk"), "gb18030"),  # tab-delimited GBK text
    ],
    ids=["utf-8", "utf-8-bom", "gbk", "gb18030", "gbk-tab"],
)
def test_chinese_headers_and_values_in_every_encoding(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_bytes(encoded)
    loaded = load_table(FLEET, [path], data_dir=tmp_path)
    assert loaded.rejects.height == 0 and loaded.warnings.height == 0
    frame = loaded.frame.sort("source_row")
    assert frame.select("source_row", "use_type", "powertrain", "urban_built_up").rows() == CHINESE_EXPECTED
    first = frame.row(0, named=True)
    expected = ("LZYTBGBW5N1000020", "鲁BD20020", D(2024, 1, 1))
    assert (first["vin"], first["plate"], first["registration_date"]) == expected
    assert (first["district"], first["operator"]) == ("市南区", "合成公交公司")
    assert frame.filter(pl.col("source_row") == 10)["deregistration_date"].item() == D(2024, 6, 30)
    manifest = loaded.manifest.row(0, named=True)
    assert (manifest["encoding"], manifest["header_row"], manifest["rows_read"]) == (encoding, 2, 12)


def test_english_headers_in_any_case_with_spaces(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_text(
        " VIN ,Plate,USE_TYPE,PowerTrain,Registration Date,urban_built_up \n"
        # full-width digits and letters are read as ASCII (NFKC); LZYTBGBW7N1000021 has check digit
        # (10 + 3*2 + 2*1) mod 11 = 7
        "ＬＺＹＴＢＧＢＷ７Ｎ１００００２１,鲁B20021,BUS,diesel,２０２４-０５-０６,Ｙ\n",
        encoding="utf-8",
    )
    loaded = load_table(FLEET, [path], data_dir=tmp_path)
    assert loaded.rejects.height == 0
    row = loaded.frame.row(0, named=True)
    assert (row["vin"], row["use_type"], row["powertrain"]) == ("LZYTBGBW7N1000021", "bus", "DIESEL")
    assert (row["registration_date"], row["urban_built_up"]) == (D(2024, 5, 6), True)


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


# --- duplicates and reconciliation ------------------------------------------------------------


def test_monthly_folder_reconciles_with_duplicates_within_and_across_files() -> None:
    ingested = load_directory(DATA / "monthly")
    table = ingested.tables["fleet_register"]
    # 2024-01.csv, lines 2-7 (N = 6):
    #   2 A; 3 A again (2024/1/5 is the same date) -> duplicate; 4 B; 5 bad date;
    #   6 and 7 share vin/use_type/date but differ in plate -> both rejected
    # 2024-02.csv, lines 2-4 (N = 3), Chinese headers:
    #   2 B again (20240506-style date 20240106) -> duplicate of 2024-01.csv line 4; 3 E; 4 bad VIN
    assert manifest_counts(ingested) == {
        "fleet_register/2024-01.csv": (6, 2, 3, 1, 0),
        "fleet_register/2024-02.csv": (3, 1, 1, 1, 0),
    }
    # N - k - d = 9 - 4 - 2 = 3 rows loaded, each the first of its kind
    assert rows_of(table.frame, "source_file", "source_row", "vin") == [
        ("fleet_register/2024-01.csv", 2, "LZYTBGBW1N1000015"),
        ("fleet_register/2024-01.csv", 4, "LZYTBGBW3N1000016"),
        ("fleet_register/2024-02.csv", 3, "LZYTBGBW9N1000019"),
    ]
    assert rows_of(table.rejects, "source_file", "source_row", "reason_code") == [
        ("fleet_register/2024-01.csv", 5, "bad_date"),
        ("fleet_register/2024-01.csv", 6, "duplicate_conflict"),
        ("fleet_register/2024-01.csv", 7, "duplicate_conflict"),
        ("fleet_register/2024-02.csv", 4, "bad_vin"),
    ]


def test_a_conflict_rejects_every_row_of_its_key_group(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_text(
        "vin,plate,use_type,powertrain,registration_date,urban_built_up\n"
        "LZYTBGBW1N1000001,鲁B10001,bus,DIESEL,2024-05-06,是\n"  # line 2
        "LZYTBGBW1N1000001,鲁B10001,bus,DIESEL,2024-05-06,是\n"  # line 3: same as line 2
        "LZYTBGBW1N1000001,鲁B99999,bus,DIESEL,2024-05-06,是\n",  # line 4: same key, other plate
        encoding="utf-8",
    )
    loaded = load_table(FLEET, [path], data_dir=tmp_path)
    # lines 2 and 3 agree with each other but not with line 4: none of the three can be trusted,
    # and all three go to rejects (none is dropped as a mere duplicate)
    assert loaded.frame.height == 0
    assert rows_of(loaded.rejects, "source_row", "reason_code") == [
        (2, "duplicate_conflict"), (3, "duplicate_conflict"), (4, "duplicate_conflict"),
    ]  # fmt: skip
    assert manifest_counts(loaded.manifest) == {"fleet_register.csv": (3, 0, 3, 0, 0)}


def test_same_move_recorded_twice_is_kept_for_the_views(tmp_path: Path) -> None:
    path = tmp_path / "sea_rail_moves.csv"
    path.write_text(
        "move_id,container_no,iso_type,full_empty,direction,move_time\n"
        "M1,CSQU3054383,22G1,F,rail_to_ship,2024-05-06 08:30\n"
        "M1,CSQU3054383,22G1,F,rail_to_ship,2024-05-06 08:30\n"  # exact duplicate: collapses
        "M2,CSQU3054383,22G1,F,rail_to_ship,2024-05-06 08:30\n",  # same move, other id: kept
        encoding="utf-8",
    )
    loaded = load_table(TABLES["sea_rail_moves"], [path], data_dir=tmp_path)
    assert loaded.frame["move_id"].to_list() == ["M1", "M2"]
    assert manifest_counts(loaded.manifest) == {"sea_rail_moves.csv": (3, 2, 0, 1, 0)}


def test_no_files_gives_empty_frames_with_their_schemas() -> None:
    loaded = load_table(FLEET, [], data_dir=DATA)
    assert loaded.frame.height == 0
    assert loaded.frame.schema["registration_date"] == pl.Date
    assert loaded.manifest.height == 0 and loaded.rejects.height == 0


# --- errors that stop the build ---------------------------------------------------------------


def test_missing_required_column_names_file_and_column(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_text("vin,plate,use_type,powertrain,urban_built_up\nA,鲁B1,bus,BEV,是\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"fleet_register\.csv: missing required column registration_date"):
        load_table(FLEET, [path], data_dir=tmp_path)


def test_empty_header_over_values_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "sea_rail_monthly.csv"
    path.write_text("month,,teu\n2024-05,x,1\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"sea_rail_monthly\.csv: column 2 has values but an empty header"):
        load_table(TABLES["sea_rail_monthly"], [path], data_dir=tmp_path)


def test_empty_header_over_an_empty_column_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "sea_rail_monthly.csv"
    path.write_text("month,,teu\n2024-05,,1\n", encoding="utf-8")
    loaded = load_table(TABLES["sea_rail_monthly"], [path], data_dir=tmp_path)
    assert loaded.frame["teu"].to_list() == [1.0]


def test_two_headers_for_one_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "sea_rail_monthly.csv"
    path.write_text("month,月份,teu\n2024-05,2024-05,1\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"headers 'month' and '月份' both mean column month"):
        load_table(TABLES["sea_rail_monthly"], [path], data_dir=tmp_path)


def test_undecodable_file_stops_the_directory_load(tmp_path: Path) -> None:
    (tmp_path / "sea_rail_monthly.csv").write_bytes(b"month,teu\n\xff\xfe\xff,1\n")
    with pytest.raises(InputFileError, match=r"sea_rail_monthly\.csv: cannot decode"):
        load_directory(tmp_path)


def test_unknown_format_in_a_table_folder_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "sea_rail_monthly"
    folder.mkdir()
    (folder / "2024-01.csv").write_text("month,teu\n2024-01,100\n", encoding="utf-8")
    (folder / "2024-02.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"2024-02\.json: unknown file format"):
        load_directory(tmp_path)


def test_unknown_format_named_after_a_table_names_the_file(tmp_path: Path) -> None:
    # an export saved in a format the loader cannot read must stop the build, not vanish
    (tmp_path / "fleet_register.json").write_text("[]", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"fleet_register\.json: unknown file format"):
        load_directory(tmp_path)


def test_find_inputs(tmp_path: Path) -> None:
    (tmp_path / "fleet_register.csv").write_text("vin\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "osm").mkdir()
    (tmp_path / "osm" / "qingdao.osm.pbf").write_bytes(b"")
    found, osm_file, notes = find_inputs(tmp_path)
    assert found == {"fleet_register": [tmp_path / "fleet_register.csv"]}
    assert osm_file == tmp_path / "osm" / "qingdao.osm.pbf"
    assert notes == [f"{tmp_path / 'notes.txt'}: not an input table of the contract; ignored"]
    # the same table as a file and as a folder is ambiguous
    (tmp_path / "fleet_register").mkdir()
    with pytest.raises(InputFileError, match="fleet_register is given both as fleet_register.csv and as folder"):
        find_inputs(tmp_path)


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


def test_table_names_match_whatever_their_case(tmp_path: Path) -> None:
    # a register saved on Windows as Fleet_Register.CSV, and a folder CHARGING_STATIONS/
    (tmp_path / "Fleet_Register.CSV").write_text("vin\n", encoding="utf-8")
    (tmp_path / "CHARGING_STATIONS").mkdir()
    (tmp_path / "CHARGING_STATIONS" / "2024.csv").write_text("station_id\n", encoding="utf-8")
    found, osm_file, notes = find_inputs(tmp_path)
    assert found["fleet_register"] == [tmp_path / "Fleet_Register.CSV"]
    assert found["charging_stations"] == [tmp_path / "CHARGING_STATIONS" / "2024.csv"]
    assert osm_file is None and notes == []


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


def test_osm_folder_takes_every_ending_the_reader_reads_and_notes_the_rest(tmp_path: Path) -> None:
    (tmp_path / "osm").mkdir()
    (tmp_path / "osm" / "qingdao.osm.xml.gz").write_bytes(b"")
    (tmp_path / "osm" / "qingdao.geojson").write_text("{}", encoding="utf-8")
    found, osm_file, notes = find_inputs(tmp_path)
    assert osm_file == tmp_path / "osm" / "qingdao.osm.xml.gz"
    assert len(notes) == 1 and "qingdao.geojson" in notes[0]
