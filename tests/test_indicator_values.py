"""View indicator_values: the registered indicators whose view exists, and no other."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from qdtransport.domains import indicators
from qdtransport.warehouse import build, create_indicator_values

DATA = Path(__file__).parent / "data" / "warehouse"


def test_only_indicators_whose_view_exists() -> None:
    con = duckdb.connect()
    # two registered indicators get a view; the other four (sea_rail_teu, port_bulk_green_share,
    # green_travel_share, service_area_charger_coverage) have none and must be left out
    con.execute(
        "create view bus_nev_share_new as select 2024 as year, 0.5 as value, 1 as numerator, "
        "2 as denominator, true as complete"
    )
    con.execute(
        "create view taxi_nev_share_new as select 2025 as year, 0.75 as value, 3 as numerator, "
        "4 as denominator, false as complete"
    )
    assert create_indicator_values(con) == "indicator_values"
    rows = con.execute("select * from indicator_values order by indicator_id").fetchall()
    assert rows == [
        ("bus_nev_share_new", 2024, 0.5, 1, 2, True),
        ("taxi_nev_share_new", 2025, 0.75, 3, 4, False),
    ]
    comment = con.execute(
        "select comment from duckdb_views() where view_name = 'indicator_values'"
    ).fetchone()
    assert comment is not None and "whose view exists" in comment[0]


def test_no_indicator_view_gives_an_empty_typed_view() -> None:
    con = duckdb.connect()
    create_indicator_values(con)
    assert con.execute("select count(*) from indicator_values").fetchone() == (0,)
    columns = [r[0] for r in con.execute("describe indicator_values").fetchall()]
    assert columns == ["indicator_id", "year", "value", "numerator", "denominator", "complete"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("iv") / "qd.duckdb"
    build(DATA, db)
    return db


def test_build_unions_the_indicators_with_sql(built: Path) -> None:
    # the fixture has fleet and charging data; port bulk and travel have SQL but no flows or
    # surveys here (no rows); sea-rail has no SQL yet
    registered = {i.indicator_id for i in indicators()}
    assert {"sea_rail_teu", "port_bulk_green_share", "green_travel_share"} <= registered
    with duckdb.connect(str(built), read_only=True) as con:
        found = {r[0] for r in con.execute("select distinct indicator_id from indicator_values").fetchall()}
        views = {r[0] for r in con.execute("select view_name from duckdb_views()").fetchall()}
    assert found == {"bus_nev_share_new", "taxi_nev_share_new", "service_area_charger_coverage"}
    assert found == {i.view for i in indicators() if i.view in views} - {"port_bulk_green_share", "green_travel_share"}
