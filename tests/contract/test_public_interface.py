"""The public SQL interface: required relations and columns, comments, self-contained views.

Other tools open the database read-only, so every required relation must exist under its
documented name with its documented columns, every relation and column must carry a comment, no
view may read a file, and the file must be readable by DuckDB 1.x readers.
"""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from tests.contract.helpers import build_db, relation_exists, rows

REQUIRED: dict[str, tuple[str, ...]] = {
    "targets": ("indicator_id", "name_zh", "name_en", "target_year", "comparator", "target_value", "unit",
                "plan_text"),
    "scorecard": ("indicator_id", "year", "value", "numerator", "denominator", "target_value", "comparator",
                  "unit", "met", "complete"),
    "load_manifest": ("table_name", "source_file", "path", "sha256", "rows_read", "rows_loaded", "rows_rejected",
                      "duplicates_collapsed"),
    "rejects": ("table_name", "source_file", "source_row", "raw_row", "reason_code", "reason"),
    "sa_network_coverage": ("site_id", "name", "route_ref", "direction", "has_charger", "chargers",
                            "nearest_charger_km", "register_site_id"),
    "corridor_gaps": ("route_ref", "direction", "length_km", "max_gap_km", "lead_km", "tail_km", "meets_afir",
                      "meets_nevi"),
    "port_bulk_green_share_by_cargo": ("year", "cargo", "green_tonnes", "tonnes", "share"),
    "green_travel_share": ("year", "value", "numerator", "denominator", "ci_low", "ci_high", "trips", "persons"),
    "travel_mode_share": ("year", "main_mode", "weighted_trips", "share", "green"),
}
TARGET_STATUS = ("indicator_id", "year", "value", "status", "reason_zh", "reason_en")
SEA_RAIL_TEU_MONTHLY = ("month", "teu", "source", "boxes", "reported_teu", "moves_teu", "full_teu", "empty_teu",
                        "rail_to_ship_teu", "ship_to_rail_teu")


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("empty")
    return build_db(data, data.parent / "empty.duckdb")


def _columns(db: Path, relation: str) -> dict[str, str]:
    return {r["column_name"]: r["data_type"] for r in rows(
        db, "select column_name, data_type from duckdb_columns() where table_name = ?", [relation])}


@pytest.mark.parametrize("relation", sorted(REQUIRED))
def test_required_relation_has_its_columns(empty_db: Path, relation: str) -> None:
    columns = _columns(empty_db, relation)
    assert columns, f"no relation {relation}"
    missing = [c for c in REQUIRED[relation] if c not in columns]
    assert missing == []


def test_manifest_records_file_size(empty_db: Path) -> None:
    assert any(c.startswith("size") for c in _columns(empty_db, "load_manifest"))


def test_scorecard_types(empty_db: Path) -> None:
    columns = _columns(empty_db, "scorecard")
    assert columns["met"] == "BOOLEAN"
    assert columns["complete"] == "BOOLEAN"
    assert columns["value"] == "DOUBLE"
    assert columns["year"] in ("INTEGER", "BIGINT", "SMALLINT")


def test_target_status(empty_db: Path) -> None:
    if not relation_exists(empty_db, "target_status"):
        pytest.skip("target_status is not on this branch yet")
    columns = _columns(empty_db, "target_status")
    assert [c for c in TARGET_STATUS if c not in columns] == []


def test_sea_rail_teu_monthly(empty_db: Path) -> None:
    if not relation_exists(empty_db, "sea_rail_teu"):
        pytest.skip("the sea-rail views are not on this branch yet")
    columns = _columns(empty_db, "sea_rail_teu_monthly")
    assert [c for c in SEA_RAIL_TEU_MONTHLY if c not in columns] == []
    assert columns["month"] == "DATE"


def test_every_relation_and_column_has_a_comment(empty_db: Path) -> None:
    relations = rows(empty_db, """
        select table_name as name, comment from duckdb_tables() where not internal and schema_name = 'main'
        union all
        select view_name, comment from duckdb_views() where not internal and schema_name = 'main'
    """)
    assert len(relations) > 20
    assert [r["name"] for r in relations if not (r["comment"] or "").strip()] == []
    columns = rows(empty_db, """
        select table_name, column_name, comment from duckdb_columns() where not internal and schema_name = 'main'
    """)
    assert [(c["table_name"], c["column_name"]) for c in columns if not (c["comment"] or "").strip()] == []


def test_no_view_reads_a_file(empty_db: Path) -> None:
    views = rows(empty_db, "select view_name, sql from duckdb_views() where not internal and schema_name = 'main'")
    readers = ("read_csv", "read_parquet", "read_json", "read_xlsx", "read_text", "read_blob", "parquet_scan",
               "st_read", "'/", ".csv'", ".parquet'", ".xlsx'")
    assert [v["view_name"] for v in views if any(r in v["sql"].lower() for r in readers)] == []


def test_database_works_alone_after_moving_it(tmp_path: Path) -> None:
    # every view is answered from inside the file: moved away from its inputs it still works
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parents[1] / "data" / "warehouse", data)
    db = build_db(data, tmp_path / "build" / "w.duckdb")
    moved = tmp_path / "elsewhere" / "copy.duckdb"
    moved.parent.mkdir()
    shutil.move(db, moved)
    shutil.rmtree(data)
    shutil.rmtree(tmp_path / "build")
    views = [r["view_name"] for r in rows(
        moved, "select view_name from duckdb_views() where not internal and schema_name = 'main'")]
    for view in views:
        rows(moved, f'select * from "{view}"')
    assert rows(moved, "select count(*) as n from scorecard")[0]["n"] > 0


def test_storage_version_readable_by_duckdb_1(empty_db: Path) -> None:
    # DuckDB file header: 8-byte checksum, magic "DUCK", then the storage version number;
    # 64 is the format of DuckDB 0.10 to 1.1, which every 1.x reader opens
    header = empty_db.read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    (version,) = struct.unpack("<Q", header[12:20])
    assert version == 64


PLAN_TARGETS = {
    # indicator_id: (target_value, comparator, plan wording), all for 2025
    "service_area_charger_coverage": (1.0, ">=", "全市高速公路服务区充电设施实现100%全覆盖"),
    "sea_rail_teu": (2_200_000.0, ">=", "全年集装箱海铁联运量达到220万标准箱"),
    "port_bulk_green_share": (0.8, ">=", "港口大宗货物绿色运输方式比例达到80%"),
    "green_travel_share": (0.7, ">", "绿色出行比例超过70%"),
    "bus_nev_share_new": (1.0, ">=", "城市建成区年新增、更新公交车辆新能源占比达到100%"),
    "taxi_nev_share_new": (0.8, ">=", "城市建成区年新增、更新巡游出租车辆新能源占比达到80%"),
}


def test_targets_are_the_plan_targets(empty_db: Path) -> None:
    found = {r["indicator_id"]: r for r in rows(empty_db, "select * from targets")}
    assert set(found) == set(PLAN_TARGETS)
    for indicator, (value, comparator, wording) in PLAN_TARGETS.items():
        row = found[indicator]
        assert (row["target_value"], row["comparator"], row["target_year"]) == (value, comparator, 2025)
        assert wording in row["plan_text"]
        assert row["name_zh"] and row["name_en"]
    assert found["sea_rail_teu"]["unit"] == "TEU"
    assert {found[i]["unit"] for i in PLAN_TARGETS if i != "sea_rail_teu"} == {"share"}
