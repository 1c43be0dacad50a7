"""Duplicates across a table's files: exact copies collapse, conflicting key groups are rejected.

Line numbers are those of the synthetic fixtures (``tests/data/ingest/monthly``) and of the small
files written here.
"""

from __future__ import annotations

from pathlib import Path

from ingest_rows import DATA, FLEET, manifest_counts, rows_of

from qdtransport.domains import TABLES
from qdtransport.ingest import load_directory, load_table


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
