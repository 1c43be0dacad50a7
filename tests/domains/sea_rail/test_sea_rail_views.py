"""The sea-rail views on a hand-made data directory, with answers worked out by hand.

``tests/data/sea_rail/months/``:

- ``sea_rail_monthly.csv``: 700 TEU in each month of 2023; 1000 TEU in 2024-01 … 2024-10;
  6 TEU in 2024-11 (a month that also has moves); 500 TEU in 2025-02.
- ``sea_rail_moves/2024-11.csv`` (UTF-8):
  M1 CSQU3054383 45G1 full, rail to ship — a 40 ft high cube: 2 TEU;
  M2 OOLU1234567 L5G1 full, ship to rail — 45 ft: 2.25 TEU (2.0 with teu_factor_45ft = 2);
  M3 and M4: one 22G1 empty move recorded twice under two ids: 1 TEU once;
  M5 MSKU1002003 22G1 full, 2024-11-30 23:00: 1 TEU;
  M6 bad check digit (CSQU3054384) and M7 unassigned length code 9 (92G1): rejected by ingest.
- ``sea_rail_moves/2024-12.csv`` (GBK, CRLF):
  M5 again, identical: collapsed by ingest; D1 = M5's move under another id: counted once, in
  November; D2 CBHU2003000 42G1 at 2024-12-31 23:59:00 and D3 TCNU3004005 22G1 at 23:59:59:
  December (2 + 1 TEU); D4 L5G1 at 2025-01-01 00:00: January 2025 (2.25); D5 and D6: one 45G1
  move at 2024-12-10 12:00 recorded empty (D5, counted) and full (D6, conflicting copy): 2 TEU.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.domains.sea_rail.conftest import DATA

MONTHS = DATA / "months"


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_month_counted_from_moves_keeps_the_reported_figure(sea_rail_db) -> None:
    con = sea_rail_db(MONTHS)
    # November 2024: M1 2 + M2 2.25 + (M3 = M4) 1 + (M5 = D1) 1 = 6.25 TEU from 4 boxes;
    # full: M1 2 + M2 2.25 + M5 1 = 5.25, empty: M3 1; rail to ship: M1 2 + M3 1 + M5 1 = 4,
    # ship to rail: M2 2.25. The reported 6 TEU stays beside it.
    assert rows(con, "select * from sea_rail_teu_monthly where month = '2024-11-01'") == [
        (dt.date(2024, 11, 1), 6.25, "moves", 4, 6.0, 6.25, 5.25, 1.0, 4.0, 2.25)
    ]
    # October 2024 has only the reported figure
    assert rows(con, "select * from sea_rail_teu_monthly where month = '2024-10-01'") == [
        (dt.date(2024, 10, 1), 1000.0, "reported", None, 1000.0, None, None, None, None, None)
    ]


def test_reconciliation_where_a_month_has_both_sources(sea_rail_db) -> None:
    con = sea_rail_db(MONTHS)
    # 6.25 - 6 = 0.25 TEU; 0.25 / 6 = 0.041666…
    [(month, boxes, moves, reported, difference, relative)] = rows(con, "select * from sea_rail_teu_reconciliation")
    assert (month, boxes, moves, reported, difference) == (dt.date(2024, 11, 1), 4, 6.25, 6.0, 0.25)
    assert relative == pytest.approx(0.25 / 6)


def test_last_minute_of_december_belongs_to_december(sea_rail_db) -> None:
    con = sea_rail_db(MONTHS)
    # December 2024: D2 (23:59:00) 2 + D3 (23:59:59) 1 + D5 2 = 5 TEU; D4 at 2025-01-01 00:00 is
    # January's 2.25 TEU
    assert rows(con, "select month, teu, boxes from sea_rail_teu_monthly where source = 'moves'") == [
        (dt.date(2024, 11, 1), 6.25, 4),
        (dt.date(2024, 12, 1), 5.0, 3),
        (dt.date(2025, 1, 1), 2.25, 1),
    ]


def test_yearly_indicator_complete_and_incomplete_years(sea_rail_db) -> None:
    con = sea_rail_db(MONTHS)
    # 2023: 12 × 700 = 8400, all reported. 2024: 10 × 1000 + 6.25 + 5 = 10011.25, complete (10
    # reported + 2 counted). 2025: January 2.25 (moves) + February 500 (reported) = 502.25, ten
    # months missing: incomplete.
    assert rows(con, "select * from sea_rail_teu") == [
        (2023, 8400.0, None, None, True, 0, 12, 0),
        (2024, 10011.25, None, None, True, 2, 10, 0),
        (2025, 502.25, None, None, False, 1, 1, 10),
    ]


def test_teu_factor_45ft_setting(sea_rail_db) -> None:
    con = sea_rail_db(MONTHS, teu_factor_45ft=2.0)
    # M2 and D4 (L5G1) count 2.0 instead of 2.25: November 6.0 (= the reported figure), January 2.0
    assert rows(con, "select month, teu from sea_rail_teu_monthly where source = 'moves'") == [
        (dt.date(2024, 11, 1), 6.0),
        (dt.date(2024, 12, 1), 5.0),
        (dt.date(2025, 1, 1), 2.0),
    ]
    assert rows(con, "select difference_teu from sea_rail_teu_reconciliation") == [(0.0,)]
    # the 45G1 boxes (M1, D5: 40 ft high cubes) stay at 2 TEU whatever the setting
    assert rows(con, "select teu from int_sea_rail_moves where iso_type = '45G1'") == [
        (2.0,),
        (2.0,),
    ]


def test_growth_against_the_national_ask(sea_rail_db) -> None:
    con = sea_rail_db(MONTHS)
    # 2024: 10011.25 / 8400 - 1 = 0.19182 > 0.15; 2025: 502.25 / 10011.25 - 1 = -0.94983
    growth = rows(con, "select year, growth, above_growth_target, complete from sea_rail_teu_growth")
    assert [(y, round(g, 5), above, complete) for y, g, above, complete in growth] == [
        (2024, 0.19182, True, True),
        (2025, -0.94983, False, False),
    ]
    con = sea_rail_db(MONTHS, sea_rail_growth_target=0.2)
    assert rows(con, "select above_growth_target from sea_rail_teu_growth where year = 2024") == [(False,)]


def test_a_move_repeated_across_monthly_files_counts_once(sea_rail_db) -> None:
    con = sea_rail_db(MONTHS)
    # MSKU1002003 rail to ship at 2024-11-30 23:00: M5 in both files (identical: ingest keeps one)
    # and D1 in the December file; counted once, from the November file (first by file name)
    assert rows(
        con,
        "select move_id, month, teu, copies, source_file from int_sea_rail_moves where container_no = 'MSKU1002003'",
    ) == [("M5", dt.date(2024, 11, 1), 1.0, 2, "sea_rail_moves/2024-11.csv")]
    duplicates = rows(
        con,
        "select container_no, copies, move_ids, across_files, differing_columns, conflicting "
        "from sea_rail_duplicate_moves order by move_time",
    )
    assert duplicates == [
        ("TGHU7654320", 2, ["M3", "M4"], False, ["move_id"], False),
        ("MSKU1002003", 2, ["M5", "D1"], True, ["move_id"], False),
        ("CSQU3054383", 2, ["D5", "D6"], False, ["move_id", "full_empty"], True),
    ]


def test_breakdowns_by_length_and_inland_node(sea_rail_db) -> None:
    con = sea_rail_db(MONTHS)
    # November: 45 ft 2.25 (0.36 of 6.25), 40 ft 2 (0.32), 20 ft 2 boxes 2 TEU (0.32)
    assert rows(
        con,
        "select length_label, boxes, teu, share from sea_rail_teu_by_box_length "
        "where month = '2024-11-01' order by length_ft desc",
    ) == [("45 ft", 1, 2.25, 0.36), ("40 ft", 1, 2.0, 0.32), ("20 ft", 2, 2.0, 0.32)]
    # December by inland node: 西安 D3 1 + D5 2 = 3 (0.6), 郑州 D2 2 (0.4)
    assert rows(
        con,
        "select inland_node, boxes, teu, share from sea_rail_teu_by_inland_node "
        "where month = '2024-12-01' order by teu desc",
    ) == [("西安", 2, 3.0, 0.6), ("郑州", 1, 2.0, 0.4)]
    # the other breakdowns add up to the month's TEU
    for view in ("terminal", "direction", "full_empty"):
        total = rows(con, f"select sum(teu) from sea_rail_teu_by_{view} where month = '2024-11-01'")
        assert total == [(6.25,)]
