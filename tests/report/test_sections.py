"""Common report sections: the rejects chart."""

from __future__ import annotations

import polars as pl
from chart_specs import layer_rows, layers

from qdtransport.report import sections as charts


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
