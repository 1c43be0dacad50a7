"""Fleet chart specs: targets drawn where the plan puts them, labels in both languages.

The frames are written out here; every expected number below is read off them by hand.
"""

from __future__ import annotations

import polars as pl
import pytest
from chart_specs import all_text, layer_rows, layers, mark_type, rules

from qdtransport.domains.fleet import charts

TAXI_SHARES = pl.DataFrame({"year": [2023, 2024], "value": [0.5, 0.75], "complete": [True, False]})


def test_nev_share_chart_draws_the_target_and_the_target_year() -> None:
    spec = charts.nev_share_chart(
        TAXI_SHARES, use_type="cruising_taxi", target_value=0.8, target_year=2025
    ).to_dict()
    # the plan's taxi target: 80% by 2025 -> a horizontal rule at 0.8, a vertical one at 2025
    assert rules(spec) == {"y": [0.8], "x": [2025]}


def test_nev_share_chart_x_axis_reaches_the_target_year() -> None:
    spec = charts.nev_share_chart(
        TAXI_SHARES, use_type="cruising_taxi", target_value=0.8, target_year=2025
    ).to_dict()
    x = next(layer["encoding"]["x"] for layer in layers(spec) if mark_type(layer) == "line")
    # data 2023-2024, target year 2025: the axis spans 2023..2025 with one tick per year
    assert x["scale"]["domain"] == [2023, 2025]
    assert x["axis"]["values"] == [2023, 2024, 2025]


def test_nev_share_chart_marks_incomplete_years() -> None:
    spec = charts.nev_share_chart(
        TAXI_SHARES, use_type="cruising_taxi", target_value=0.8, target_year=2025
    ).to_dict()
    point = next(layer for layer in layers(spec) if mark_type(layer) == "point")
    statuses = {row["year"]: row["status"] for row in layer_rows(spec, point)}
    assert statuses == {2023: "全年", 2024: "年度未完"}


def test_labels_in_chinese_and_english() -> None:
    zh = all_text(
        charts.nev_share_chart(
            TAXI_SHARES, use_type="cruising_taxi", target_value=0.8, target_year=2025
        ).to_dict()
    )
    en = all_text(
        charts.nev_share_chart(
            TAXI_SHARES, use_type="cruising_taxi", target_value=0.8, target_year=2025, lang="en"
        ).to_dict()
    )
    assert (
        "巡游出租车" in zh
        and "新能源占比" in zh
        and "年份" in zh
        and "目标 80%" in zh
        and "目标年 2025" in zh
    )
    assert (
        "Cruising taxis" in en and "New-energy share" in en and "Year" in en and "Target 80%" in en
    )
    assert "巡游出租车" not in en and "Cruising taxis" not in zh


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="lang"):
        charts.nev_share_chart(
            TAXI_SHARES, use_type="bus", target_value=1.0, target_year=2025, lang="fr"
        )


def test_empty_frame_keeps_the_target_and_says_no_data() -> None:
    spec = charts.nev_share_chart(
        TAXI_SHARES.head(0), use_type="bus", target_value=1.0, target_year=2025
    ).to_dict()
    assert rules(spec) == {"y": [1.0], "x": [2025]}
    assert "无数据" in all_text(spec)


def test_stock_chart_keeps_one_year_and_labels_bars() -> None:
    stock = pl.DataFrame(
        {
            "year": [2024, 2025, 2025, 2025],
            "use_type": ["bus", "bus", "bus", "cruising_taxi"],
            "district": ["黄岛区", "黄岛区", None, "市南区"],
            "nev_vehicles": [1, 3, 0, 2],
            "vehicles": [2, 5, 1, 2],
            "nev_share": [0.5, 0.6, 0.0, 1.0],
        }
    )
    spec = charts.stock_nev_share_chart(stock, year=2025).to_dict()
    bars = next(layer for layer in layers(spec) if mark_type(layer) == "bar")
    rows = {(r["district"], r["use_type_label"]): r["text"] for r in layer_rows(spec, bars)}
    # the 2024 row is left out; 3 of 5 -> 60%, 0 of 1 -> 0%, 2 of 2 -> 100%; no district -> 未填区市
    assert rows == {
        ("黄岛区", "公交车"): "60% (3/5)",
        ("未填区市", "公交车"): "0% (0/1)",
        ("市南区", "巡游出租车"): "100% (2/2)",
    }
