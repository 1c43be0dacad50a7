"""Common report sections: the rejects chart, section numbers."""

from __future__ import annotations

import polars as pl
from chart_specs import layer_rows, layers

from qdtransport.report import sections


def test_rejects_chart_counts_rows_per_file_and_reason() -> None:
    rejects = pl.DataFrame(
        {
            "source_file": ["a.csv", "a.csv", "a.csv", "b.csv"],
            "reason_code": ["bad_vin", "bad_vin", "bad_date", "bad_vin"],
        }
    )
    spec = sections.rejects_chart(rejects, lang="en").to_dict()
    counted = {
        (r["source_file"], r["reason_code"]): r["rows"] for r in layer_rows(spec, layers(spec)[0])
    }
    # reasons by what they mean in the report's language, not by code
    assert counted == {
        ("a.csv", "VIN fails the GB 16735 check"): 2,
        ("a.csv", "not a date in a known form"): 1,
        ("b.csv", "VIN fails the GB 16735 check"): 1,
    }
    assert spec["title"] == "Rejected rows by file and reason"


def test_sections_are_numbered_in_the_order_shown() -> None:
    # three sections, the second empty (a domain with nothing to show yet): 一 and 二, 1 and 2
    zh, en = sections.SectionNumbers("zh"), sections.SectionNumbers("en")
    first = ["<h2>指标与目标</h2>", "<h3>近五年</h3>", "<p>x</p>"]
    assert zh(first)[:2] == ["<h2>一、指标与目标</h2>", "<h3>近五年</h3>"]
    assert zh([]) == []
    assert zh(["<h2>数据质量</h2>"]) == ["<h2>二、数据质量</h2>"]
    assert en(["<h2>Indicators</h2>"]) + en(["<h2>Data quality</h2>"]) == [
        "<h2>1. Indicators</h2>",
        "<h2>2. Data quality</h2>",
    ]
