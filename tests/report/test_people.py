"""Query results for people in the notebooks: headers, shares, codes, all rows, full comments.

The frames are written out here; the expected cells are read off them by hand.
"""

from __future__ import annotations

import duckdb
import polars as pl

from qdtransport.report import people
from qdtransport.report.tables import cell_class

STOCK = pl.DataFrame(
    {
        "year": [2025, 2025],
        "use_type": ["bus", "cruising_taxi"],
        "district": ["市南区", None],
        "nev_vehicles": [1234, 5],
        "vehicles": [1300, 6],
        "nev_share": [1234 / 1300, 5 / 6],  # 94.92% and 83.33%
        "complete": [True, False],
    }
)


def test_headers_shares_codes_and_flags_in_chinese() -> None:
    """年份 stays 2025; 1,234 gets a separator; 1234/1300 = 94.9%; bus is 公交车; ✓/✗; – for none."""
    table = people.people_frame(STOCK, lang="zh")
    assert table.columns == ["年份", "车辆类型", "区市", "新能源车辆数", "车辆数", "新能源占比", "全年数据"]
    assert table.rows() == [
        ("2025", "公交车", "市南区", "1,234", "1,300", "94.9%", "✓"),
        ("2025", "巡游出租车", "–", "5", "6", "83.3%", "✗"),
    ]


def test_the_same_in_english_and_directions_in_words() -> None:
    """Codes from every domain's labels: SW is southwest-bound, a register's 青岛方向 stays."""
    frame = pl.DataFrame({"direction": ["SW", "青岛方向"], "coverage": [0.5, 1.0]})
    assert people.people_frame(frame, lang="en").rows() == [
        ("southwest-bound", "50.0%"),
        ("青岛方向", "100.0%"),
    ]


def test_every_row_up_to_the_limit_and_a_note_past_it() -> None:
    """25 rows all shown (a polars repr shows 10); past max_rows a note says how many."""
    frame = pl.DataFrame({"year": list(range(2001, 2026))})
    page = people.show(frame).data
    assert page.count("<tr>") == 26  # header + 25 rows
    cut = people.show(frame, max_rows=20).data
    assert cut.count("<tr>") == 21 and "仅显示前 20 行，共 25 行。" in cut


def test_column_meanings_in_full() -> None:
    """A comment of 90 characters comes out whole (the notebooks' old table cut it at ~30)."""
    con = duckdb.connect()
    comment = "Sites whose charging spaces reach settings.charging_space_share_min of car spaces"
    con.execute("create table t (year integer, sites_meeting_space_rule bigint)")
    con.execute(f"comment on column t.sites_meeting_space_rule is '{comment}'")
    page = people.column_meanings(con, ["t"], lang="en").data
    assert comment in page and "<th>Meaning</th>" in page and "BIGINT" in page


def test_cell_classes_align_numbers_and_wrap_long_text() -> None:
    """Numbers (with units, %, fractions) right; long text wraps; a SHA-256 may break anywhere."""
    assert [cell_class(c) for c in ("80.0%", "4 / 5", "2,200,000 TEU", "–", "12.3")] == ["num"] * 5
    assert cell_class("✓") == "met" and cell_class("✗") == "unmet" and cell_class("G20") == ""
    assert cell_class("a" * 64) == "long code"
    assert cell_class("registration_date 2018-02-30 is not a date") == "long"
