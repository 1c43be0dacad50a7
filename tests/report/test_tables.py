"""Report tables and HTML fragments (qdtransport.report.tables) on rows written out here."""

from __future__ import annotations

import polars as pl

from qdtransport.report import tables

# --- table functions on rows written out here -------------------------------------------------


def test_values_for_people() -> None:
    assert tables.format_value(2_345_678.4, "TEU") == "2,345,678 TEU"
    assert tables.format_value(0.8333, "share") == "83.3%"
    assert tables.format_value(None, "share") == "–"
    assert tables.format_target(">", 0.7, "share", 2025, lang="en") == "> 70% (2025)"
    assert tables.format_target(">=", 2_200_000.0, "TEU", 2025) == "≥ 2,200,000 TEU（2025年）"


def test_scorecard_table_in_english_with_a_volume() -> None:
    rows = pl.DataFrame(
        [
            {
                "indicator_id": "sea_rail_teu",
                "year": 2024,
                "value": 2_546_000.0,
                "numerator": None,
                "denominator": None,
                "target_value": 2_200_000.0,
                "comparator": ">=",
                "unit": "TEU",
                "met": True,
                "complete": True,
                "target_year": 2025,
                "name_zh": "集装箱海铁联运量",
                "name_en": "Container sea-rail intermodal volume",
            }
        ]
    )
    table = tables.scorecard_table(rows, lang="en")
    assert table.rows() == [
        (
            "Container sea-rail intermodal volume",
            "2024",
            "2,546,000 TEU",
            "–",
            "≥ 2,200,000 TEU (2025)",
            "✓",
            "full year",
        )
    ]


def test_problem_table_counts_and_takes_the_first_example() -> None:
    rejects = pl.DataFrame(
        {
            "source_file": ["a.csv", "a.csv", "a.csv"],
            "source_row": [9, 4, 7],
            "reason_code": ["bad_vin", "bad_vin", "bad_date"],
            "reason": ["vin 9 bad", "vin 4 bad", "date bad"],
            "raw_row": ['{"r": 9}', '{"r": 4}', "x" * 200],
        }
    )
    table = tables.problem_table(
        rejects, code_column="reason_code", text_column="reason", lang="en"
    )
    # in English: what the code means, then the first row's own reason
    assert table.rows() == [
        (
            "a.csv",
            "bad_date",
            "1",
            "not a date in a known form: date bad",
            "row 7: " + "x" * 159 + "…",
        ),
        (
            "a.csv",
            "bad_vin",
            "2",
            "VIN fails the GB 16735 check: vin 4 bad",
            'row 4: {"r": 4}',
        ),  # the earliest row is the example
    ]
    # in Chinese only what the code means: the rows' own reasons are English
    zh = tables.problem_table(rejects, code_column="reason_code", text_column="reason", lang="zh")
    assert [row[3] for row in zh.rows()] == ["日期无法识别", "车辆识别代号校验失败（GB 16735）"]
    assert zh.rows()[0][4] == "第7行: " + "x" * 159 + "…"


def test_html_table_escapes_and_colours_checks() -> None:
    table = pl.DataFrame({"<a>": ["<b>&", "✓", "✗"]})
    assert tables.html_table(table) == (
        '<table class="qd-table"><thead><tr><th>&lt;a&gt;</th></tr></thead><tbody>'
        "<tr><td>&lt;b&gt;&amp;</td></tr>"
        '<tr><td class="met">✓</td></tr><tr><td class="unmet">✗</td></tr>'
        "</tbody></table>"
    )
    assert (
        tables.html_table(table.head(0), empty_note="nothing") == '<p class="qd-note">nothing</p>'
    )


def test_banner_only_for_synthetic_data() -> None:
    assert "Demo data: synthetic" in tables.synthetic_banner_html({"synthetic": True})
    assert tables.synthetic_banner_html({"synthetic": False}) == ""
