"""Chart specs: targets drawn where the plan puts them, labels in both languages, offline SVG.

The frames are written out here; every expected number below is read off them by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import altair as alt
import polars as pl
import pytest

from qdtransport import charts

TAXI_SHARES = pl.DataFrame({"year": [2023, 2024], "value": [0.5, 0.75], "complete": [True, False]})


def layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def mark_type(layer: dict[str, Any]) -> str:
    mark = layer["mark"]
    return mark if isinstance(mark, str) else mark["type"]


def layer_rows(spec: dict[str, Any], layer: dict[str, Any]) -> list[dict[str, Any]]:
    """The data rows a layer draws (inline values or a named dataset of the top-level spec)."""
    data = layer.get("data", spec.get("data"))
    if "values" in data:
        return data["values"]
    return spec["datasets"][data["name"]]


def rules(spec: dict[str, Any]) -> dict[str, list[Any]]:
    """Rule layers by the channel they position (``x`` or ``y``) -> the values they sit at."""
    found: dict[str, list[Any]] = {}
    for layer in layers(spec):
        if mark_type(layer) != "rule":
            continue
        for channel in ("x", "y"):
            if channel in layer["encoding"]:
                field = layer["encoding"][channel]["field"]
                found.setdefault(channel, []).extend(row[field] for row in layer_rows(spec, layer))
    return found


def all_text(spec: dict[str, Any]) -> str:
    """Titles, axis and legend titles and every string in the data, as one string."""
    return repr(spec)


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


def test_charts_use_a_font_list_that_covers_chinese() -> None:
    spec = charts.rejects_chart(
        pl.DataFrame({"source_file": ["a.csv"], "reason_code": ["bad_vin"]})
    ).to_dict()
    font = spec["config"]["font"]
    assert (
        font.startswith('"QDT Sans SC", "Noto Sans CJK SC"')
        and "Microsoft YaHei" in font
        and font.endswith("sans-serif")
    )


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


def test_charger_coverage_chart_target_and_series_order() -> None:
    coverage = pl.DataFrame(
        {
            "year": [2024, 2024, 2025, 2025],
            "kind": ["parking_area", "service_area"] * 2,
            "coverage": [0.0, 0.5, 0.0, 1.0],
        }
    )
    spec = charts.charger_coverage_chart(
        coverage, target_value=1.0, target_year=2025, lang="en"
    ).to_dict()
    assert rules(spec) == {"y": [1.0], "x": [2025]}
    line = next(layer for layer in layers(spec) if mark_type(layer) == "line")
    # the indicator's own kind (service areas) comes first in the legend, parking areas beside it
    assert line["encoding"]["color"]["sort"] == ["Service areas", "Parking areas"]


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


def test_rejects_chart_counts_rows_per_file_and_reason() -> None:
    rejects = pl.DataFrame(
        {
            "source_file": ["a.csv", "a.csv", "a.csv", "b.csv"],
            "reason_code": ["bad_vin", "bad_vin", "bad_date", "bad_vin"],
        }
    )
    spec = charts.rejects_chart(rejects, lang="en").to_dict()
    counted = {
        (r["source_file"], r["reason_code"]): r["rows"] for r in layer_rows(spec, layers(spec)[0])
    }
    assert counted == {("a.csv", "bad_vin"): 2, ("a.csv", "bad_date"): 1, ("b.csv", "bad_vin"): 1}
    assert spec["title"] == "Rejected rows by file and reason"


SITES = pl.DataFrame(
    {
        "lon": [120.0, 120.5],
        "lat": [36.3, 36.5],
        "name": ["甲服务区", "乙服务区"],
        "has_charger": [True, False],
    }
)
GAPS = pl.DataFrame(
    {
        "route_ref": ["G20"],
        "direction": ["E"],
        "max_gap_km": [72.5],
        "geometry_wkt": ["LINESTRING (119.9 36.2, 120.6 36.6)"],
    }
)


def test_network_map_colours_lines_by_gap_and_sites_by_coverage() -> None:
    spec = charts.network_map(SITES, carriageways=GAPS, lang="en").to_dict()
    assert spec["projection"]["type"] == "equirectangular"
    kinds = [mark_type(layer) for layer in layers(spec)]
    assert kinds == ["geoshape", "geoshape", "circle"]  # frame, carriageways, sites
    line = layers(spec)[1]
    feature = line["data"]["values"][0]
    assert feature["geometry"] == {
        "type": "LineString",
        "coordinates": [[119.9, 36.2], [120.6, 36.6]],
    }
    assert feature["properties"]["max_gap_km"] == 72.5
    assert line["encoding"]["color"]["field"] == "properties.max_gap_km"
    sites = {r["name"]: r["status"] for r in layer_rows(spec, layers(spec)[2])}
    assert sites == {"甲服务区": "With charging", "乙服务区": "Without charging"}


def test_carriageway_without_a_gap_is_drawn_grey_and_dashed() -> None:
    # one charger or none: max_gap_km is null, which a colour scale would leave out
    no_gap = GAPS.with_columns(max_gap_km=pl.lit(None, dtype=pl.Float64), route_ref=pl.lit("G15"))
    spec = charts.network_map(SITES, carriageways=pl.concat([GAPS, no_gap])).to_dict()
    assert [mark_type(layer) for layer in layers(spec)] == ["geoshape"] * 3 + ["circle"]
    grey, coloured = layers(spec)[1], layers(spec)[2]
    assert [f["properties"]["route_ref"] for f in grey["data"]["values"]] == ["G15"]
    assert grey["mark"]["strokeDash"] == [6, 3] and "color" not in grey.get("encoding", {})
    assert [f["properties"]["route_ref"] for f in coloured["data"]["values"]] == ["G20"]
    assert "灰色虚线" in spec["title"]["subtitle"]


def test_network_map_frame_encloses_sites_and_lines() -> None:
    spec = charts.network_map(SITES, carriageways=GAPS).to_dict()
    ring = layers(spec)[0]["data"]["values"][0]["geometry"]["coordinates"][0]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    # everything lies within lon 119.9..120.6, lat 36.2..36.6; the frame adds 8% of 0.7 degrees
    assert min(lons) == pytest.approx(119.9 - 0.056) and max(lons) == pytest.approx(120.6 + 0.056)
    assert min(lats) == pytest.approx(36.2 - 0.056) and max(lats) == pytest.approx(36.6 + 0.056)


def test_network_map_without_carriageways_draws_sites_only() -> None:
    sites = SITES.rename({"has_charger": "covered"})
    spec = charts.network_map(sites).to_dict()
    assert [mark_type(layer) for layer in layers(spec)] == ["geoshape", "circle"]
    assert "有充电设施" in all_text(spec) and "无充电设施" in all_text(spec)


def test_svg_ids_are_unique_across_charts_and_references_resolve() -> None:
    # Vega names the gradient of a colour legend gradient_0 in every chart: two maps in one page
    # would both paint with the first one's gradient unless the ids differ
    chart = charts.network_map(SITES, carriageways=GAPS)
    first, second = charts.to_svg(chart), charts.to_svg(chart)
    ids_first = set(re.findall(r'\sid="([^"]+)"', first))
    ids_second = set(re.findall(r'\sid="([^"]+)"', second))
    assert ids_first and ids_second and not ids_first & ids_second
    for svg, ids in ((first, ids_first), (second, ids_second)):
        assert set(re.findall(r"url\(#([^)]+)\)", svg)) <= ids
    assert first.startswith("<svg")
    assert "最长充电间隔" in first  # the legend title is text in the SVG


@pytest.fixture
def restore_renderer() -> Iterator[None]:
    active = alt.renderers.active
    yield
    alt.renderers.enable(active)


def test_svg_renderer_needs_no_network(restore_renderer: None) -> None:
    charts.enable_svg_renderer()
    bundle = charts.rejects_chart(
        pl.DataFrame({"source_file": ["a.csv"], "reason_code": ["bad_vin"]})
    )._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert data["image/svg+xml"].startswith("<svg")
    assert not any("html" in kind or "vegalite" in kind for kind in data)


def test_charger_coverage_chart_starts_the_year_before_the_first_charger() -> None:
    # 2010-2015 all uncovered, the first charger in 2016: the chart starts at 2015
    years = list(range(2010, 2019))
    coverage = pl.DataFrame(
        {"year": years, "kind": ["service_area"] * len(years), "coverage": [0.0] * 6 + [0.5, 0.5, 1.0]}
    )
    spec = charts.charger_coverage_chart(coverage, target_value=1.0, target_year=2025).to_dict()
    line = next(layer for layer in layers(spec) if mark_type(layer) == "line")
    assert sorted({row["year"] for row in layer_rows(spec, line)}) == [2015, 2016, 2017, 2018]
