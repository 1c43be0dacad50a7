"""Parsing raw text into typed values: date forms, months, numbers, booleans, enums, identifiers."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from qdtransport.contracts import Column
from qdtransport.domains import TABLES
from qdtransport.parsing import enum_lookup, parse_column, parse_datetime, parse_month

FLEET = TABLES["fleet_register"]


def parse(column: Column, values: list[str | None]) -> pl.DataFrame:
    """value / code / reason of each raw text value, parsed as ``column``."""
    parsed = parse_column(column, "raw")
    return pl.DataFrame({"raw": pl.Series(values, dtype=pl.String)}).select(
        parsed.value.alias("value"), parsed.code.alias("code"), parsed.reason.alias("reason")
    )


# --- dates and times --------------------------------------------------------------------------

MAY_6 = dt.datetime(2024, 5, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-06", MAY_6),
        ("2024-5-6", MAY_6),
        ("2024/5/6", MAY_6),
        ("2024/05/06", MAY_6),
        ("20240506", MAY_6),
        ("2024年5月6日", MAY_6),
        ("2024年05月06日", MAY_6),
        ("2024.5.6", MAY_6),
        # Excel day numbers count from 1899-12-30 (day 0). 1899-12-30 -> 1900-01-01 is 2 days;
        # 1900-01-01 -> 2024-01-01 is 124 years of 365 days plus 30 leap days (1904 ... 2020;
        # 1900 is not a leap year) = 45290 days, so 2024-01-01 is day 45292. January 31 +
        # February 29 + March 31 + April 30 = 121 days later is May 1 (day 45413), and May 6 is
        # day 45418.
        ("45418", MAY_6),
        ("45418.5", dt.datetime(2024, 5, 6, 12, 0)),  # half a day = noon
        ("2024-05-06 13:45", dt.datetime(2024, 5, 6, 13, 45)),
        ("2024-05-06 13:45:10", dt.datetime(2024, 5, 6, 13, 45, 10)),
        ("2024-05-06T13:45:10", dt.datetime(2024, 5, 6, 13, 45, 10)),
        ("2024/5/6 8:05", dt.datetime(2024, 5, 6, 8, 5)),
        ("2024年5月6日 13:45", dt.datetime(2024, 5, 6, 13, 45)),
        ("2024-05-06 13:45:10.250", dt.datetime(2024, 5, 6, 13, 45, 10, 250_000)),
        ("20240506134510", dt.datetime(2024, 5, 6, 13, 45, 10)),
        ("2024-02-29", dt.datetime(2024, 2, 29)),  # 2024 is a leap year
    ],
)
def test_date_forms(text: str, expected: dt.datetime) -> None:
    result = pl.select(parse_datetime(pl.lit(text))).item()
    assert result == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024-02-30",  # no such day
        "2023-02-29",  # 2023 is not a leap year
        "2024-13-01",  # no such month
        "06/05/2024",  # day-first: ambiguous, not accepted
        "5/6/2024",
        "abc",
        "2024-05-06 25:00",  # no such hour
        "2024-05",  # a month is not a date
        "4541",  # four digits: neither a serial day nor a date
    ],
)
def test_bad_dates_give_null(text: str) -> None:
    assert pl.select(parse_datetime(pl.lit(text))).item() is None


@pytest.mark.parametrize("text", ["2024-02-30", "06/05/2024", "abc"])
def test_bad_date_is_rejected_with_reason(text: str) -> None:
    out = parse(FLEET.column("registration_date"), [text]).row(0, named=True)
    assert out["value"] is None
    assert out["code"] == "bad_date"
    assert out["reason"] == f"registration_date '{text}' is not a date"


def test_date_column_drops_the_time_part() -> None:
    out = parse(FLEET.column("registration_date"), ["2024-05-06 23:59:59", "45418.75"])
    assert out["value"].to_list() == [dt.date(2024, 5, 6), dt.date(2024, 5, 6)]
    assert out["code"].to_list() == [None, None]


def test_date_domain() -> None:
    # the contract's dates run from 1980-01-01 to 2100-12-31
    out = parse(FLEET.column("registration_date"), ["1980-01-01", "1979-12-31", "2101-01-01"])
    assert out["code"].to_list() == [None, "out_of_range", "out_of_range"]
    assert out["reason"][1] == (
        "registration_date 1979-12-31 is outside its domain (≥ 1980-01-01 and ≤ 2100-12-31)"
    )


def test_timestamp_column_keeps_the_time() -> None:
    move_time = TABLES["sea_rail_moves"].column("move_time")
    out = parse(move_time, ["2024-05-06 08:30", "1979-12-31 23:59"])
    assert out["value"][0] == dt.datetime(2024, 5, 6, 8, 30)
    assert out["code"].to_list() == [None, "out_of_range"]


# --- months -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("2024-05", "2024-05"),
        ("2024-5", "2024-05"),
        ("2024/5", "2024-05"),
        ("2024.05", "2024-05"),
        ("202405", "2024-05"),
        ("2024年5月", "2024-05"),
        ("2024年05月", "2024-05"),
        # a date gives its month, in every date form
        ("2024-05-06", "2024-05"),
        ("2024/5/6", "2024-05"),
        ("20240506", "2024-05"),
        ("2024年5月6日", "2024-05"),
        ("2024-05-01 00:00:00", "2024-05"),  # an Excel date cell
        ("45418", "2024-05"),  # Excel day 45418 = 2024-05-06 (worked out above)
        # not months
        ("2024-13", None),
        ("2024-00", None),
        ("202413", None),
        ("2024-02-30", None),  # an impossible date is not a month either
        ("May 2024", None),
        ("abc", None),
    ],
)
def test_month_forms(text: str, month: str | None) -> None:
    assert pl.select(parse_month(pl.lit(text))).item() == month


def test_bad_month_is_rejected_with_reason() -> None:
    month = TABLES["sea_rail_monthly"].column("month")
    out = parse(month, ["2024-13", None]).rows(named=True)
    assert out[0] == {"value": None, "code": "bad_month", "reason": "month '2024-13' is not a month (YYYY-MM)"}
    assert out[1]["code"] == "missing_value"


# --- numbers ----------------------------------------------------------------------------------


def test_numbers() -> None:
    teu = TABLES["sea_rail_monthly"].column("teu")  # float >= 0
    out = parse(teu, ["190,000", "185000.5", "1e3", "0", "-5", "abc", "inf"])
    assert out["value"].to_list() == [190000.0, 185000.5, 1000.0, 0.0, -5.0, None, None]
    assert out["code"].to_list() == [None, None, None, None, "out_of_range", "bad_number", "bad_number"]
    assert out["reason"][5] == "teu 'abc' is not a number"
    assert out["reason"][4] == "teu -5.0 is outside its domain (≥ 0)"


def test_integers_must_be_whole() -> None:
    year = TABLES["travel_survey_trips"].column("survey_year")  # int 1980..2100
    out = parse(year, ["2024", "2024.0", "2024.5", "1979", None])
    assert out["value"].to_list() == [2024, 2024, None, 1979, None]
    assert out["code"].to_list() == [None, None, "bad_number", "out_of_range", "missing_value"]
    assert out["reason"][2] == "survey_year '2024.5' is not a whole number"
    assert out["reason"][4] == "required column survey_year is empty"


def test_strictly_positive_minimum() -> None:
    weight = TABLES["travel_survey_trips"].column("weight")  # float > 0
    out = parse(weight, ["0.001", "0"])
    assert out["code"].to_list() == [None, "out_of_range"]
    assert out["reason"][1] == "weight 0.0 is outside its domain (> 0)"


# --- booleans and enums -----------------------------------------------------------------------


def test_booleans() -> None:
    column = FLEET.column("urban_built_up")
    out = parse(column, ["是", "否", "TRUE", "false", "Y", "n", "1", "0", "√", "×", "maybe"])
    assert out["value"].to_list() == [True, False, True, False, True, False, True, False, True, False, None]
    assert out["code"][10] == "bad_bool"
    assert out["reason"][10] == "urban_built_up 'maybe' is not yes/no (是/否)"


def test_enum_codes_in_any_case_and_their_aliases() -> None:
    column = FLEET.column("powertrain")
    out = parse(column, ["BEV", "bev", "Bev", "纯电动", "插电式混合动力", "LNG", "液化天然气", "steam"])
    assert out["value"].to_list() == ["BEV", "BEV", "BEV", "BEV", "PHEV", "LNG", "LNG", None]
    assert out["code"].to_list() == [None] * 7 + ["bad_enum"]
    assert out["reason"][7].startswith("powertrain 'steam' is not one of BEV, PHEV, EREV, FCEV, HEV")


def test_enum_default_fills_empty_cells() -> None:
    kind = TABLES["service_areas"].column("kind")  # optional, default service_area
    out = parse(kind, [None, "停车区"])
    assert out["value"].to_list() == ["service_area", "parking_area"]
    assert out["code"].to_list() == [None, None]


def test_enum_lookup_has_every_spelling_lower_cased() -> None:
    lookup = enum_lookup(TABLES["port_bulk_flows"].column("mode"))
    assert lookup["lng货车"] == "truck_lng"
    assert lookup["truck_lng"] == "truck_lng"
    assert lookup["封闭式皮带廊道"] == "belt_conveyor"


# --- identifiers ------------------------------------------------------------------------------


def test_vin_values_are_upper_cased_and_checked() -> None:
    vin = FLEET.column("vin")
    # LZYTBGBW?N1000001: check digit (10 + 3*0 + 2*1) mod 11 = 1 (tests/data/ingest/README.md)
    out = parse(vin, ["lzytbgbw1n1000001", "LZYTBGBW2N1000001", "LZYTBGBW1N100000", None])
    assert out["value"][0] == "LZYTBGBW1N1000001"
    assert out["code"].to_list() == [None, "bad_vin", "bad_vin", "missing_value"]
    assert out["reason"][1] == (
        "vin 'LZYTBGBW2N1000001' fails the GB 16735 check (17 characters, check digit at position 9)"
    )


def test_container_numbers_and_iso_types() -> None:
    moves = TABLES["sea_rail_moves"]
    # CSQU3054383 is ISO 6346's own example (check digit worked out in test_checkdigits.py)
    out = parse(moves.column("container_no"), ["CSQU 305438 3", "CSQU3054384"])
    assert out["value"][0] == "CSQU3054383"  # spaces as painted on the box are dropped
    assert out["code"].to_list() == [None, "bad_container_no"]
    assert out["reason"][1] == "container_no 'CSQU3054384' fails the ISO 6346 check digit"
    # the first character of a size-type code is the length: 1, 2, 3, 4 or L (45 ft)
    out = parse(moves.column("iso_type"), ["22G1", "45g1", "L5G1", "92G1", "22G"])
    assert out["value"][1] == "45G1"
    assert out["code"].to_list() == [None, None, None, "bad_iso_type", "bad_iso_type"]
    assert out["reason"][3] == "iso_type '92G1' is not an ISO 6346 size-type code with length code 1/2/3/4/L"


def test_plates_are_normalised_not_checked() -> None:
    out = parse(FLEET.column("plate"), ["鲁b·d12345", "鲁B 12345", "鲁B-12345D"])
    assert out["value"].to_list() == ["鲁BD12345", "鲁B12345", "鲁B12345D"]
    assert out["code"].to_list() == [None, None, None]


def test_required_text_missing() -> None:
    out = parse(TABLES["service_areas"].column("name"), [None, "胶州服务区"])
    assert out["code"].to_list() == ["missing_value", None]
    assert out["reason"][0] == "required column name is empty"
