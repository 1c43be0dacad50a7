"""View target_status: one row per plan target and year, with a status and its reason.

Two levels: the SQL alone on hand-made relations (every status and reason), and a real build of
``tests/data/status`` (a vehicle register exported 2025-09-30, service areas without a
charging-station register, nothing for sea-rail, port or travel).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import duckdb
import pytest

from qdtransport.queries import queries_dir
from qdtransport.status import create_status_relations, status_text_rows
from qdtransport.warehouse import build

DATA = Path(__file__).parent / "data" / "status"
TARGET_STATUS_SQL = queries_dir() / "shared" / "scorecard" / "target_status.sql"


@pytest.fixture()
def sql_con() -> duckdb.DuckDBPyConnection:
    """Build the relations target_status reads, by hand.

    Targets a..f; indicator_values spans 2020-2022:
    a (share, >= 100%): 2020 1.0 complete, 2021 0.9 complete, 2022 1.0 not complete; its months
      view lists 2022-01..2022-09 -> met, not_met, provisional with months 10–12 missing.
    b (TEU): inputs sea_rail_moves, sea_rail_monthly, no file for either -> no_input every year.
    c (share, > 50%, strictly): one value 0.5 in 2021 -> 2020 before the series, 2021 not_met
      (0.5 is not above 0.5), 2022 after the series.
    d: its only file had 5 rows, all rejected -> no_data, all rejected.
    e (TEU): 2021 not complete; months view lacks March, April and July -> "3–4, 7".
    f: 2022 not complete, no months view -> provisional, "do not reach 31 December 2022".
    """
    con = duckdb.connect()
    con.execute(
        """
        create table targets as select * from (values
            ('a', 'A', 'A', 2025, '>=', 1.0, 'share', 'p'),
            ('b', 'B', 'B', 2025, '>=', 2200000.0, 'TEU', 'p'),
            ('c', 'C', 'C', 2025, '>', 0.5, 'share', 'p'),
            ('d', 'D', 'D', 2025, '>=', 0.8, 'share', 'p'),
            ('e', 'E', 'E', 2025, '>=', 100.0, 'TEU', 'p'),
            ('f', 'F', 'F', 2025, '>=', 0.8, 'share', 'p')
        ) t(indicator_id, name_zh, name_en, target_year, comparator, target_value, unit, plan_text);
        create table indicator_values as select * from (values
            ('a', 2020, 1.0::double, 10.0::double, 10.0::double, true),
            ('a', 2021, 0.9, 9.0, 10.0, true),
            ('a', 2022, 1.0, 4.0, 4.0, false),
            ('c', 2021, 0.5, 1.0, 2.0, true),
            ('e', 2021, 1234567.0, null, null, false),
            ('f', 2022, 0.85, 17.0, 20.0, false)
        ) t(indicator_id, year, value, numerator, denominator, complete);
        create table indicator_catalog as select * from (values
            ('a', 'x', 'a', ['a_table'], 'a_months', true),
            ('b', 'x', 'b', ['sea_rail_moves', 'sea_rail_monthly'], null, true),
            ('c', 'x', 'c', ['c_table'], null, true),
            ('d', 'x', 'd', ['d_table'], null, true),
            ('e', 'x', 'e', ['e_table'], 'e_months', true),
            ('f', 'x', 'f', ['f_table'], null, true)
        ) t(indicator_id, domain, view, input_tables, months_view, view_exists);
        create table load_manifest as select * from (values
            ('a_table', 'a.csv', 10, 10), ('c_table', 'c.csv', 3, 3), ('d_table', 'd.csv', 5, 0),
            ('e_table', 'e.csv', 1, 1), ('f_table', 'f.csv', 1, 1)
        ) t(table_name, source_file, rows_read, rows_loaded);
        create table indicator_months as
            select 'a' as indicator_id, make_date(2022, m::integer, 1) as month
            from range(1, 10) r(m)
            union all
            select 'e', make_date(2021, m::integer, 1)
            from range(1, 13) r(m) where m not in (3, 4, 7);
        create table status_texts (reason_code varchar, domain varchar, zh varchar, en varchar);
        """
    )
    for row in status_text_rows():
        if row["domain"] is None:
            con.execute(
                "insert into status_texts values (?, null, ?, ?)",
                [row["reason_code"], row["zh"], row["en"]],
            )
    # domain y words a reason its own way; indicator c belongs to y
    con.execute(
        "insert into status_texts values "
        "('no_data_after_series', 'y', '{last_year}后无调查', 'No survey after {last_year}.')"
    )
    con.execute("update indicator_catalog set domain = 'y' where indicator_id = 'c'")
    con.execute(TARGET_STATUS_SQL.read_text(encoding="utf-8"))
    return con


def _rows(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int], tuple]:
    return {
        (r[0], r[1]): r[2:]
        for r in con.execute(
            "select indicator_id, year, value, status, reason_code, reason_zh, reason_en "
            "from target_status"
        ).fetchall()
    }


def test_one_row_per_target_and_year_of_the_span(sql_con: duckdb.DuckDBPyConnection) -> None:
    """Every target gets a row in every year from the first to the last year with a value."""
    rows = _rows(sql_con)
    # 6 targets x 2020..2022 (first and last year any indicator has a value)
    assert sorted(rows) == [(t, y) for t in "abcdef" for y in (2020, 2021, 2022)]


def test_every_status_and_its_reason(sql_con: duckdb.DuckDBPyConnection) -> None:
    """Each status with the reason it gives, in Chinese and English."""
    rows = _rows(sql_con)
    assert rows["a", 2020][:3] == (1.0, "met", "met")
    assert rows["a", 2020][4] == "Met: 100.0% against a target of ≥ 100%."
    assert rows["a", 2021][:3] == (0.9, "not_met", "not_met")
    assert rows["a", 2021][3] == "未达标：90.0%，目标 ≥ 100%。"
    # 2022-01..09 listed: October to December missing
    value, status, code, zh, en = rows["a", 2022]
    assert (value, status, code) == (1.0, "provisional", "provisional")
    assert "months 10–12 have no data" in en and "as_of" in en
    assert "缺 10–12 月的数据" in zh and "as_of" in zh
    for year in (2020, 2021, 2022):
        value, status, code, zh, en = rows["b", year]
        assert (value, status) == (None, "no_input")
        assert "no file for sea_rail_monthly, sea_rail_moves" in en
        assert (
            "e.g. sea_rail_monthly.csv, sea_rail_monthly.xlsx or a folder sea_rail_monthly/" in en
        )
    assert rows["c", 2020][1:3] == ("no_data", "no_data_before_series")
    assert rows["c", 2020][4] == "No data: the indicator's first value is for 2021."
    # 0.5 is not strictly above the 50% target
    assert rows["c", 2021][:3] == (0.5, "not_met", "not_met")
    assert rows["c", 2021][4] == "Not met: 50.0% against a target of > 50%."
    # domain y's own wording replaces the shared one for its indicator c
    assert rows["c", 2022][1:] == ("no_data", "no_data_after_series", "2021后无调查", "No survey after 2021.")
    assert rows["e", 2022][4] == "No data: the inputs give values up to 2021 only."
    assert rows["d", 2021][1:3] == ("no_data", "no_data_all_rejected")
    assert "d_table (5)" in rows["d", 2021][4]
    # months 1-12 minus 3, 4, 7: the runs 3–4 and 7
    assert rows["e", 2021][1] == "provisional"
    assert (
        "months 3–4, 7 have no data, so 1,234,567 TEU is provisional (target ≥ 100 TEU)"
        in rows["e", 2021][4]
    )
    assert rows["f", 2022][1:3] == ("provisional", "provisional_partial")
    assert "do not reach 31 December 2022" in rows["f", 2022][4]


def test_no_indicator_values_gives_no_rows() -> None:
    """No indicator value at all: no span, no rows."""
    con = duckdb.connect()
    con.execute(
        """
        create table targets (indicator_id varchar, unit varchar, comparator varchar,
            target_value double);
        insert into targets values ('a', 'share', '>=', 1.0);
        create table indicator_values (indicator_id varchar, year integer, value double,
            numerator double, denominator double, complete boolean);
        create table indicator_catalog (indicator_id varchar, domain varchar, input_tables varchar[],
            months_view varchar);
        create table load_manifest (table_name varchar, source_file varchar, rows_read bigint,
            rows_loaded bigint);
        create table indicator_months (indicator_id varchar, month date);
        create table status_texts (reason_code varchar, domain varchar, zh varchar, en varchar);
        """
    )
    con.execute(TARGET_STATUS_SQL.read_text(encoding="utf-8"))
    assert con.execute("select count(*) from target_status").fetchone() == (0,)


def test_every_reason_code_has_both_texts() -> None:
    """Every reason the view gives has a template, in both languages, and the reverse."""
    codes = {row["reason_code"] for row in status_text_rows() if row["domain"] is None}
    assert {row["reason_code"] for row in status_text_rows()} <= codes  # domains word known reasons
    sql = TARGET_STATUS_SQL.read_text(encoding="utf-8")
    used = {c for c in codes if f"'{c}'" in sql}
    assert used == codes  # no template without its case in the view, and the reverse
    assert all(row["zh"] and row["en"] for row in status_text_rows())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    """Build tests/data/status."""
    db = tmp_path_factory.mktemp("status") / "qd.duckdb"
    build(DATA, db)
    return duckdb.connect(str(db), read_only=True)


def test_build_gives_every_target_with_its_status(built: duckdb.DuckDBPyConnection) -> None:
    """A real build: all six targets with their status and reason."""
    rows = {
        (r[0], r[1]): r[2:]
        for r in built.execute(
            "select indicator_id, year, value, status, reason_code, reason_en from target_status"
        ).fetchall()
    }
    # the span: buses registered 2023 to 2025 (no charging value: no station register)
    assert {year for _, year in rows} == {2023, 2024, 2025}
    assert {indicator for indicator, _ in rows} == {
        "bus_nev_share_new", "taxi_nev_share_new", "service_area_charger_coverage",
        "sea_rail_teu", "port_bulk_green_share", "green_travel_share",
    }  # fmt: skip
    # buses: 2023 one diesel (0/1), 2024 two BEV (2/2), 2025 one BEV registered by as_of 2025-09-30
    assert rows["bus_nev_share_new", 2023][:2] == (0.0, "not_met")
    assert rows["bus_nev_share_new", 2024][:2] == (1.0, "met")
    value, status, code, reason = rows["bus_nev_share_new", 2025]
    assert (value, status) == (1.0, "provisional")
    assert "months 10–12 have no data" in reason  # the register reaches 2025-09-30
    # taxis: 2024 one CNG and one BEV (1/2 < 80%); none in 2023 or 2025
    assert rows["taxi_nev_share_new", 2024][:2] == (0.5, "not_met")
    assert rows["taxi_nev_share_new", 2023][1:3] == ("no_data", "no_data_before_series")
    assert rows["taxi_nev_share_new", 2025][1:3] == ("no_data", "no_data_after_series")
    # service areas given, charging stations not: no value, and the reason names the table
    for year in (2023, 2024, 2025):
        assert rows["service_area_charger_coverage", year][1:3] == (
            "no_data",
            "no_data_input_absent",
        )
        assert "charging_stations" in rows["service_area_charger_coverage", year][3]
        for indicator in ("sea_rail_teu", "port_bulk_green_share", "green_travel_share"):
            assert rows[indicator, year][:2] == (None, "no_input")


def test_catalog_lists_every_registered_indicator(built: duckdb.DuckDBPyConnection) -> None:
    """indicator_catalog is the domain registry."""
    from qdtransport.domains import indicators

    catalog = {
        r[0]: r[1:]
        for r in built.execute(
            "select indicator_id, view, input_tables from indicator_catalog"
        ).fetchall()
    }
    assert set(catalog) == {i.indicator_id for i in indicators()}
    assert catalog["bus_nev_share_new"] == ("bus_nev_share_new", ["fleet_register"])


def test_an_indicator_registered_later_is_covered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A domain registered later shows in target_status without SQL changes."""
    import qdtransport.domains as domains

    extra = domains.Domain(
        name="ferry",
        tables=(),
        indicators=(
            domains.Indicator(
                target=dataclasses.replace(
                    domains.targets()[0],
                    indicator_id="ferry_nev_share",
                    name_en="Ferries",
                    name_zh="渡轮",
                ),
                view="ferry_nev_share",
                input_tables=("ferry_register",),
            ),
        ),
    )
    monkeypatch.setattr(domains, "DOMAINS", (*domains.DOMAINS, extra))
    db = tmp_path / "qd.duckdb"
    build(DATA, db)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select year, status, reason_en from target_status "
            "where indicator_id = 'ferry_nev_share' order by year"
        ).fetchall()
    assert [r[:2] for r in rows] == [(2023, "no_input"), (2024, "no_input"), (2025, "no_input")]
    assert "ferry_register" in rows[0][2]


def test_create_status_relations_without_views() -> None:
    """Before any indicator view exists the relations are still created."""
    con = duckdb.connect()
    names = create_status_relations(con)
    assert names == ["indicator_catalog", "status_texts", "indicator_months"]
    # no view exists yet: every indicator is listed, none with a view or months
    assert (
        con.execute(
            "select count(*), count(*) filter (where view_exists) from indicator_catalog"
        ).fetchone()[1]
        == 0
    )
    assert con.execute("select count(*) from indicator_months").fetchone() == (0,)


def test_months_missing_from_monthly_statistics(tmp_path: Path) -> None:
    """Port bulk flows of tests/data/port_bulk: 2024 has January to November, December is named."""
    db = tmp_path / "qd.duckdb"
    build(Path(__file__).parent / "data" / "port_bulk", db)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select year, status, reason_zh from target_status "
            "where indicator_id = 'port_bulk_green_share' order by year"
        ).fetchall()
    assert [r[:2] for r in rows] == [(2023, "met"), (2024, "provisional")]
    assert rows[1][2].startswith("年度未完：缺 12 月的数据，55.0% 为临时值（目标 ≥ 80%）。")
