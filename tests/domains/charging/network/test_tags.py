"""Tag interpretation: refs, one-way rules, power and capacity."""

from __future__ import annotations

import pytest

from qdtransport.domains.charging.network.tags import (
    charger_power,
    parse_count,
    parse_power_kw,
    parse_refs,
    travel_direction,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("G20;G15", ("G20", "G15")),  # OSM convention: a way on two routes
        ("G40 G42 G4001", ("G40", "G42", "G4001")),  # older Chinese data, space separated
        ("A 1", ("A 1",)),  # a European ref with a space stays one ref
        (" G20 ; ;G20", ("G20",)),  # blanks and repeats dropped
        ("S23;G3W", ("S23", "G3W")),
        (None, ()),
        ("", ()),
    ],
)
def test_parse_refs(value: str | None, expected: tuple[str, ...]) -> None:
    assert parse_refs(value) == expected


@pytest.mark.parametrize(
    ("oneway", "expected"),
    [
        (None, "forward"),  # motorways are one-way in drawing order
        ("yes", "forward"),
        ("no", "both"),
        ("False", "both"),
        ("0", "both"),
        ("-1", "backward"),
        ("reverse", "backward"),
    ],
)
def test_travel_direction(oneway: str | None, expected: str) -> None:
    assert travel_direction(oneway) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("150 kW", [150.0]),
        ("22kW;7.4 kW", [22.0, 7.4]),
        ("50000 W", [50.0]),
        ("1.2 MW", [1200.0]),
        ("120", [120.0]),  # no unit: kW
        ("22 kVA", [22.0]),
        ("", []),
        (None, []),
    ],
)
def test_parse_power_kw(value: str | None, expected: list[float]) -> None:
    assert parse_power_kw(value) == pytest.approx(expected)


def test_parse_count() -> None:
    assert parse_count("4") == 4
    assert parse_count(" 12 ") == 12
    assert parse_count("a few") is None
    assert parse_count(None) is None


def test_charger_power_from_sockets() -> None:
    # 2 DC points at 120 kW and 4 AC points at 7 kW: 2*120 + 4*7 = 268 kW in all
    power = charger_power(
        {
            "socket:gb_dc": "2",
            "socket:gb_dc:output": "120 kW",
            "socket:gb_ac": "4",
            "socket:gb_ac:output": "7 kW",
            "capacity": "6",
        }
    )
    assert power.capacity == 6
    assert power.max_power_kw == 120.0
    assert sorted(power.point_outputs_kw or ()) == [7.0, 7.0, 7.0, 7.0, 120.0, 120.0]
    assert power.total_power_kw == pytest.approx(268.0)


def test_charger_power_from_station_output_and_capacity() -> None:
    # no socket counts: capacity 2 points at the station output, 2 * 60 = 120 kW
    power = charger_power({"charging_station:output": "60 kW", "capacity": "2"})
    assert power.point_outputs_kw == (60.0, 60.0)
    assert power.total_power_kw == 120.0


def test_charger_power_unknown_counts() -> None:
    # an output without any count: the highest point is known, the points are not
    power = charger_power({"socket:gb_dc:output": "180 kW"})
    assert power.max_power_kw == 180.0
    assert power.point_outputs_kw is None
    assert power.total_power_kw is None


def test_charger_power_without_tags() -> None:
    power = charger_power({"amenity": "charging_station"})
    assert (power.capacity, power.max_power_kw, power.point_outputs_kw, power.total_power_kw) == (
        None,
        None,
        None,
        None,
    )
