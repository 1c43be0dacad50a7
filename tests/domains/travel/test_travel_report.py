"""The travel report section and charts on a build of the hand-made survey (both languages)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from qdtransport.charts import to_svg
from qdtransport.domains.travel import DOMAIN
from qdtransport.domains.travel.charts import green_share_chart, share_interval_chart
from qdtransport.report.sections import report_options
from qdtransport.warehouse import build

DATA = Path(__file__).parents[2] / "data" / "travel" / "tiny"


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    db = tmp_path_factory.mktemp("travel_report") / "qd.duckdb"
    build(DATA, db)
    return duckdb.connect(str(db), read_only=True)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_section_shows_share_modes_and_districts(con: duckdb.DuckDBPyConnection, lang: str) -> None:
    items = DOMAIN.report_section(con, **report_options(con, year=2025, lang=lang))
    html = "".join(i for i in items if isinstance(i, str))
    charts = [i for i in items if not isinstance(i, str)]
    assert len(charts) == 3  # share by year with intervals, mode split, districts
    for chart in charts:
        assert to_svg(chart).startswith("<svg")
    # the table: 2024 is exactly 70.0% and not above the target; 2022 (75.0%) is
    assert "70.0%" in html and "75.0%" in html and "✗" in html and "✓" in html
    # 2019 has one cluster: no interval, and the section says why
    if lang == "en":
        assert "The 2019 survey has fewer than two clusters" in html
        assert "Districts from the 2024 survey" in html
    else:
        assert "2019年调查的聚类（人）少于两个" in html
    # 2024 interval by hand: 0.7 -/+ 0.2790 -> 42.1% - 97.9% (tests/domains/travel/test_travel_share.py)
    assert "42.1% – 97.9%" in html


def test_section_without_a_survey(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    build(tmp_path / "data", tmp_path / "qd.duckdb")
    with duckdb.connect(str(tmp_path / "qd.duckdb"), read_only=True) as empty:
        items = DOMAIN.report_section(empty, **report_options(empty, year=2025, lang="en"))
    assert len(items) == 2 and "no resident travel survey" in items[1]


def test_share_chart_draws_the_intervals(con: duckdb.DuckDBPyConnection) -> None:
    shares = con.sql("select * from green_travel_share order by year").pl()
    spec = green_share_chart(shares, target_value=0.7, target_year=2025, lang="en").to_dict()
    rules = [
        layer
        for layer in spec["layer"]
        if layer["mark"].get("type", layer["mark"]) == "rule" and "y2" in layer.get("encoding", {})
    ]
    assert len(rules) == 1  # one interval layer: 2022 and 2024 (2019 has none)
    districts = con.sql("select * from green_travel_share_by_district where year = 2024").pl()
    chart = share_interval_chart(
        districts,
        category="district",
        category_title="District",
        unknown_label="none",
        title="t",
        target_value=0.7,
        lang="en",
    )
    assert to_svg(chart).startswith("<svg")
