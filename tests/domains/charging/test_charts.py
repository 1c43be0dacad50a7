"""Charging chart specs: coverage against the target, the map of sites and carriageway gaps.

The frames are written out here; every expected number below is read off them by hand.
"""

from __future__ import annotations

import re

import polars as pl
import pytest
from chart_specs import all_text, layer_rows, layers, mark_type, rules

from qdtransport import charts as primitives
from qdtransport.domains.charging import charts


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


def _geo_layers(spec: dict) -> list[dict]:
    return [layer for layer in layers(spec) if mark_type(layer) == "geoshape"]


def _texts(spec: dict) -> list[str]:
    """The strings the text layers draw (each label once, not its halo)."""
    found = []
    for layer in layers(spec):
        if mark_type(layer) == "text" and "stroke" not in layer["mark"]:
            found += [row["text"] for row in layer_rows(spec, layer)]
    return found


def test_network_map_colours_lines_by_gap_and_sites_by_coverage() -> None:
    spec = charts.network_map(SITES, carriageways=GAPS, lang="en").to_dict()
    assert spec["projection"]["type"] == "mercator" and "scale" in spec["projection"]
    kinds = [mark_type(layer) for layer in layers(spec)]
    # frame, carriageways, sites, then labels and the scale bar
    assert kinds[:3] == ["geoshape", "geoshape", "circle"]
    line = layers(spec)[1]
    feature = line["data"]["values"][0]
    assert feature["geometry"]["type"] == "MultiLineString"
    assert feature["properties"] == {"route": "G20", "direction": "eastbound", "max_gap_km": 72.5}
    assert line["encoding"]["color"]["field"] == "properties.max_gap_km"
    sites = {r["name"]: r["status"] for r in layer_rows(spec, layers(spec)[2])}
    assert sites == {"甲服务区": "With charging", "乙服务区": "Without charging"}


def test_carriageway_is_drawn_two_pixels_to_the_right_of_travel() -> None:
    # G20 runs east-north-east from (119.9, 36.2) to (120.6, 36.6): its right is south-south-east,
    # so every point moves south and east by 2 px x km_per_pixel together
    spec = charts.network_map(SITES, carriageways=GAPS).to_dict()
    moved = layers(spec)[1]["data"]["values"][0]["geometry"]["coordinates"][0]
    (x0, y0), (x1, y1) = moved[0], moved[-1]
    assert x0 > 119.9 and y0 < 36.2 and x1 > 120.6 and y1 < 36.6
    # 2 px at this scale is under 1 km: the line moves less than 0.01 degrees
    assert abs(x0 - 119.9) < 0.01 and abs(y0 - 36.2) < 0.01


def test_carriageway_without_a_gap_is_drawn_grey_and_dashed() -> None:
    # one charger or none: max_gap_km is null, which a colour scale would leave out
    no_gap = GAPS.with_columns(max_gap_km=pl.lit(None, dtype=pl.Float64), route_ref=pl.lit("G15"))
    spec = charts.network_map(SITES, carriageways=pl.concat([GAPS, no_gap])).to_dict()
    assert [mark_type(layer) for layer in layers(spec)][:4] == ["geoshape"] * 3 + ["circle"]
    grey, coloured = layers(spec)[1], layers(spec)[2]
    assert [f["properties"]["route"] for f in grey["data"]["values"]] == ["G15"]
    assert grey["mark"]["strokeDash"] == [6, 3] and "color" not in grey.get("encoding", {})
    assert [f["properties"]["route"] for f in coloured["data"]["values"]] == ["G20"]
    assert "灰色虚线" in spec["title"]["subtitle"]


def test_network_map_frame_encloses_sites_and_lines() -> None:
    spec = charts.network_map(SITES, carriageways=GAPS).to_dict()
    ring = layers(spec)[0]["data"]["values"][0]["geometry"]["coordinates"][0]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    # everything lies within lon 119.9..120.6, lat 36.2..36.6; the view adds 8% of 0.7 degrees
    # (0.056) on every side and then fills the plot area, so the frame holds at least that
    assert min(lons) <= 119.9 - 0.056 + 1e-9 and max(lons) >= 120.6 + 0.056 - 1e-9
    assert min(lats) <= 36.2 - 0.056 + 1e-9 and max(lats) >= 36.6 + 0.056 - 1e-9


def test_network_map_labels_routes_and_sites_and_has_a_scale_bar() -> None:
    spec = charts.network_map(SITES, carriageways=GAPS).to_dict()
    texts = _texts(spec)
    assert "G20" in texts and "甲服务区" in texts and "乙服务区" in texts
    # the view: lon 119.844..120.656 (0.812 deg = 0.014172 rad) on 480 px limits the scale to
    # 480 / 0.014172 = 33,869 px/rad; at lat 36.2 a pixel is 6371 x cos 36.2 / 33,869 = 0.1518 km;
    # a quarter of the width (120 px) is 18.2 km, so the bar is 10 km
    assert [t for t in texts if t.endswith("公里")] == ["10 公里"]
    bar = _geo_layers(spec)[-1]["data"]["values"][0]["geometry"]
    assert bar["type"] == "LineString" and len(bar["coordinates"]) == 4  # the bar and two ticks


def test_network_map_without_carriageways_draws_sites_only() -> None:
    sites = SITES.rename({"has_charger": "covered"})
    spec = charts.network_map(sites).to_dict()
    kinds = [mark_type(layer) for layer in layers(spec)]
    assert kinds[:2] == ["geoshape", "circle"] and kinds.count("geoshape") == 2  # frame, scale bar
    assert "有充电设施" in all_text(spec) and "无充电设施" in all_text(spec)


def test_charger_coverage_chart_starts_the_year_before_the_first_charger() -> None:
    # 2010-2015 all uncovered, the first charger in 2016: the chart starts at 2015
    years = list(range(2010, 2019))
    coverage = pl.DataFrame(
        {"year": years, "kind": ["service_area"] * len(years), "coverage": [0.0] * 6 + [0.5, 0.5, 1.0]}
    )
    spec = charts.charger_coverage_chart(coverage, target_value=1.0, target_year=2025).to_dict()
    line = next(layer for layer in layers(spec) if mark_type(layer) == "line")
    assert sorted({row["year"] for row in layer_rows(spec, line)}) == [2015, 2016, 2017, 2018]


def test_svg_ids_are_unique_across_charts_and_references_resolve() -> None:
    # Vega names the gradient of a colour legend gradient_0 in every chart: two maps in one page
    # would both paint with the first one's gradient unless the ids differ
    chart = charts.network_map(SITES, carriageways=GAPS)
    first, second = primitives.to_svg(chart), primitives.to_svg(chart)
    ids_first = set(re.findall(r'\sid="([^"]+)"', first))
    ids_second = set(re.findall(r'\sid="([^"]+)"', second))
    assert ids_first and ids_second and not ids_first & ids_second
    for svg, ids in ((first, ids_first), (second, ids_second)):
        assert set(re.findall(r"url\(#([^)]+)\)", svg)) <= ids
    assert first.startswith("<svg")
    assert "最长充电间隔" in first  # the legend title is text in the SVG
