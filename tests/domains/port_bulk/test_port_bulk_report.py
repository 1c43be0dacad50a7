"""Port bulk report section and charts, on the hand-made flows of tests/data/port_bulk/.

The flows are described in test_port_bulk_queries.py. Worked by hand:
- 2023: all bulk cargo 1,900 of 2,300 t green = 82.6 % (✓ against 80 %); coal 1,200 of 1,500 t =
  80.0 % (✓: the target is "at least"); iron ore 700 of 800 t = 87.5 % (✓). In 10,000 t (万吨):
  0.19 -> "0.2", 0.23 -> "0.2", 0.12 -> "0.1", 0.15 -> "0.1" (one decimal).
- 2024: coal only, 550 of 1,000 t = 55.0 % (✗), eleven months (a provisional year).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest
from chart_specs import all_text, layer_rows, layers, mark_type, rules

from qdtransport.charts import to_svg
from qdtransport.domains.port_bulk import DOMAIN, charts
from qdtransport.domains.port_bulk.contract import PORT_BULK_FLOWS
from qdtransport.i18n import text

from .helpers import build_read_only

DATA = Path(__file__).parents[2] / "data" / "port_bulk"


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    return build_read_only(DATA, tmp_path_factory.mktemp("port_bulk_report") / "qd.duckdb")


def section(con: duckdb.DuckDBPyConnection, year: int, lang: str) -> list[Any]:
    settings = con.sql("select * from settings").pl().row(0, named=True)
    targets = {
        r["indicator_id"]: r for r in con.sql("select * from targets").pl().iter_rows(named=True)
    }
    return DOMAIN.report_section(con, year=year, lang=lang, settings=settings, targets=targets)


def test_every_cargo_flow_and_mode_has_a_name_in_both_languages() -> None:
    for column in ("cargo", "flow", "mode"):
        for code in PORT_BULK_FLOWS.column(column).values:
            assert text(f"port_bulk.{code}", "zh") and text(f"port_bulk.{code}", "en")


def test_section_2023_by_cargo_against_80_percent(con: duckdb.DuckDBPyConnection) -> None:
    items = section(con, 2023, "en")
    html = "".join(i for i in items if isinstance(i, str))
    assert "<h2>Green collection and distribution of port bulk cargo</h2>" in html
    assert (
        "Bulk cargo: Coal, Iron ore, Coke, Bauxite, Other ores; green modes: Rail, Waterway" in html
    )
    assert (
        '<tr><td>All bulk cargo</td><td class="num">0.2</td><td class="num">0.2</td>'
        '<td class="num">82.6%</td><td class="met">✓</td></tr>'
        '<tr><td>Coal</td><td class="num">0.1</td><td class="num">0.1</td>'
        '<td class="num">80.0%</td><td class="met">✓</td></tr>'
        '<tr><td>Iron ore</td><td class="num">0.1</td><td class="num">0.1</td>'
        '<td class="num">87.5%</td><td class="met">✓</td></tr>'
    ) in html
    assert "provisional" not in html
    # the share chart and the mode mix
    assert sum(not isinstance(i, str) for i in items) == 2


def test_section_2024_is_provisional_and_misses(con: duckdb.DuckDBPyConnection) -> None:
    html = "".join(i for i in section(con, 2024, "zh") if isinstance(i, str))
    assert (
        '<td>全部大宗货物</td><td class="num">0.1</td><td class="num">0.1</td>'
        '<td class="num">55.0%</td><td class="unmet">✗</td>' in html
    )
    assert "2024年仅有11个月的数据，数值为临时值。" in html
    # 2024 by port area and flow: 董家口, 疏港 only
    assert (
        "<td>董家口</td><td>疏港</td>" in html and "集港" not in html.split("按港区和集疏运方向")[1]
    )


def test_charts_render_in_both_languages(con: duckdb.DuckDBPyConnection) -> None:
    for lang in ("zh", "en"):
        for item in section(con, 2023, lang):
            if not isinstance(item, str):
                assert to_svg(item).startswith("<svg")


def test_green_share_chart_series_and_target() -> None:
    overall = pl.DataFrame(
        {"year": [2023, 2024], "value": [19 / 23, 0.55], "complete": [True, False]}
    )
    by_cargo = pl.DataFrame(
        {
            "year": [2023, 2023, 2024],
            "cargo": ["coal", "iron_ore", "coal"],
            "share": [0.8, 0.875, 0.55],
            "complete": [True, True, False],
        }
    )
    spec = charts.green_share_chart(
        overall, by_cargo, target_value=0.8, target_year=2025, lang="en"
    ).to_dict()
    # the plan target: 80 % by 2025
    assert rules(spec) == {"y": [0.8], "x": [2025]}
    point = next(layer for layer in layers(spec) if mark_type(layer) == "point")
    drawn = {(row["year"], row["series"]) for row in layer_rows(spec, point)}
    assert drawn == {
        (2023, "All bulk cargo"),
        (2024, "All bulk cargo"),
        (2023, "Coal"),
        (2023, "Iron ore"),
        (2024, "Coal"),
    }
    # the legend lists all bulk cargo first, then the cargoes in the ministry's order
    color = next(layer["encoding"]["color"] for layer in layers(spec) if mark_type(layer) == "line")
    assert color["sort"] == ["All bulk cargo", "Coal", "Iron ore"]
    assert "Green transport share of port bulk cargo, by cargo" in all_text(spec)


def test_mode_mix_chart_in_10000_tonnes() -> None:
    mix = pl.DataFrame(
        {"year": [2023, 2023], "mode": ["rail", "truck_diesel"], "tonnes": [1_200_000.0, 300_000.0]}
    )
    spec = charts.mode_mix_chart(mix, lang="zh").to_dict()
    rows = layer_rows(spec, layers(spec)[0])
    # 1,200,000 t = 120 万吨; 300,000 t = 30 万吨
    assert sorted((r["year"], r["mode_label"], r["wan_tonnes"]) for r in rows) == [
        ("2023", "柴油货车", 30),
        ("2023", "铁路", 120),
    ]


def test_section_without_flows_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with build_read_only(empty, tmp_path / "qd.duckdb") as con:
        items = section(con, 2025, "en")
    assert (
        items[1] == '<p class="qd-note">No port bulk cargo flows (port_bulk_flows) were loaded.</p>'
    )
