"""Check digits of VINs (GB 16735 / ISO 3779) and container numbers (ISO 6346) on published examples.

Every expected check digit below is worked out by hand in the comment beside it, from the letter
values and weights of the standards, so the tests do not lean on the code under test.
"""

from __future__ import annotations

import polars as pl
import pytest

from qdtransport.checkdigits import (
    container_check_digit,
    container_no_is_valid,
    container_no_valid_expr,
    vin_check_digit,
    vin_is_valid,
    vin_valid_expr,
)

# VIN letter values: A-H = 1-8, J-N = 1-5, P = 7, R = 9, S-Z = 2-9 (I, O, Q not allowed).
# Position weights: 8 7 6 5 4 3 2 10 (0) 9 8 7 6 5 4 3 2. Check digit = sum mod 11, 10 -> "X".
PUBLISHED_VINS = {
    # The worked example of the check-digit annex of ISO 3779 / 49 CFR 565 as reproduced on
    # Wikipedia ("Vehicle identification number", Check-digit calculation) and e.g.
    # autocalculator.org/VIN/VIN-Checkdigit.aspx:
    # 1 M 8 G D M 9 A . K P 0 4 2 7 8 8 -> values 1 4 8 7 4 4 9 1 . 2 7 0 4 2 7 8 8
    # products 8 28 48 35 16 12 18 10 . 18 56 0 24 10 28 24 16, sum 351 = 31*11 + 10 -> "X".
    "1M8GDM9AXKP042788": "X",
    # Worked example on tech.firebirdv6.com/VINcoding.html (a 1996 Pontiac):
    # products 8 49 6 10 12 15 4 70 . 27 72 7 6 25 20 6 0, sum 337 = 30*11 + 7 -> "7".
    "1G1BL52P7TR115520": "7",
    # Chinese VIN (WMI LJC, JAC Motors), worked example in "Mathematics in action: Vehicle
    # Identification Numbers", scientificgems.wordpress.com, 2018-04-27:
    # products 24 7 18 35 12 6 6 30 . 9 8 0 0 0 8 9 14, sum 186 = 16*11 + 10 -> "X".
    "LJCPCBLCX11000237": "X",
    # Chinese VIN in the GB 16735-2019 layout (geographic code H), the example of the VIN parser
    # test of the Hutool library (dromara/hutool, VinTest.parseVinTest):
    # H E 9 X R 1 C 4 . P S 0 8 3 8 7 1 -> values 8 5 9 7 9 1 3 4 . 7 2 0 8 3 8 7 1
    # products 64 35 54 35 36 3 6 40 . 63 16 0 48 15 32 21 2, sum 470 = 42*11 + 8 -> "8".
    "HE9XR1C48PS083871": "8",
}

# ISO 6346 letter values: A=10, B=12 ... (multiples of 11 skipped), Z=38; position weights 2**i;
# check digit = (sum mod 11) mod 10.
PUBLISHED_CONTAINERS = {
    # ISO 6346's own example (also on Wikipedia and the BIC site):
    # C S Q U 3 0 5 4 3 8 -> 13 30 28 32 3 0 5 4 3 8; weighted 13 60 112 256 48 0 320 512 768 4096,
    # sum 6185 = 562*11 + 3 -> "3".
    "CSQU3054383": "3",
    # python-stdnum, tests/test_iso6346.doctest:
    # T C N U 7 2 0 0 7 9 -> 31 13 25 32 7 2 0 0 7 9; weighted 31 26 100 256 112 64 0 0 1792 4608,
    # sum 6989 = 635*11 + 4 -> "4".
    "TCNU7200794": "4",
    # T O L U 4 7 3 4 7 8 -> 31 26 23 32 4 7 3 4 7 8; weighted 31 52 92 256 64 224 192 512 1792 4096,
    # sum 7311 = 664*11 + 7 -> "7".
    "TOLU4734787": "7",
    # G Y O U 4 0 4 7 9 9 -> 17 37 26 32 4 0 4 7 9 9; weighted 17 74 104 256 64 0 256 896 2304 4608,
    # sum 8579 = 779*11 + 10; 10 mod 10 -> "0" (the remainder-10 case).
    "GYOU4047990": "0",
    # README of the calc-ilu-check-digit package (langerheiko/Calc-ILU-check-digit), "ZEPU 003725 5":
    # Z E P U 0 0 3 7 2 5 -> 38 15 27 32 0 0 3 7 2 5; weighted 38 30 108 256 0 0 192 896 512 2560,
    # sum 4592 = 417*11 + 5 -> "5".
    "ZEPU0037255": "5",
}


@pytest.mark.parametrize(("vin", "digit"), PUBLISHED_VINS.items())
def test_vin_check_digit_of_published_examples(vin: str, digit: str) -> None:
    # position 9 is ignored when computing, so blank it out to be sure it is not read
    assert vin_check_digit(vin[:8] + "0" + vin[9:]) == digit
    assert vin_is_valid(vin)


@pytest.mark.parametrize(("number", "digit"), PUBLISHED_CONTAINERS.items())
def test_container_check_digit_of_published_examples(number: str, digit: str) -> None:
    assert container_check_digit(number[:10]) == digit
    assert container_no_is_valid(number)


# (value, valid?) pairs; each invalid one fails for the reason in its comment
VIN_CASES = [
    *((vin, True) for vin in PUBLISHED_VINS),
    ("1m8gdm9axkp042788", True),  # lower case is the same VIN
    ("1M8GDM9A1KP042788", False),  # wrong check digit (should be X)
    ("LJCPCBLC011000237", False),  # wrong check digit (should be X)
    # I, O and Q are not VIN characters. Each replaces a character it could be mistaken for, so
    # the weighted sum would still work out if the letter were read as that digit:
    ("IM8GDM9AXKP042788", False),  # I for 1
    ("1M8GDM9AXKPO42788", False),  # O for 0
    ("1M8GDM9AXKPQ42788", False),  # Q for 0
    ("1M8GDM9AXKP04278", False),  # 16 characters
    ("1M8GDM9AXKP0427888", False),  # 18 characters
    ("", False),
    ("鲁M8GDM9AXKP042788", False),  # a Chinese character is no VIN character
]


def test_vin_scalar_and_polars_agree() -> None:
    values = [v for v, _ in VIN_CASES]
    expected = [ok for _, ok in VIN_CASES]
    assert [vin_is_valid(v) for v in values] == expected
    frame = pl.DataFrame({"vin": [*values, None]})
    assert frame.select(vin_valid_expr("vin")).to_series().to_list() == [*expected, None]
    # an expression works as well as a column name
    assert frame.select(vin_valid_expr(pl.col("vin"))).to_series().to_list() == [*expected, None]


CONTAINER_CASES = [
    *((number, True) for number in PUBLISHED_CONTAINERS),
    ("csqu3054383", True),  # lower case is the same number
    ("CSQU3054384", False),  # wrong check digit (should be 3)
    ("GYOU4047999", False),  # remainder 10 must be written 0, not 9
    ("CSQU305438", False),  # 10 characters
    ("CSQU30543833", False),  # 12 characters
    ("CSQX3054383", False),  # category X: only U, J, Z exist
    ("CSQU3054Z83", False),  # a letter in the serial
    ("", False),
]


def test_container_scalar_and_polars_agree() -> None:
    values = [v for v, _ in CONTAINER_CASES]
    expected = [ok for _, ok in CONTAINER_CASES]
    assert [container_no_is_valid(v) for v in values] == expected
    frame = pl.DataFrame({"box": [*values, None]})
    assert frame.select(container_no_valid_expr("box")).to_series().to_list() == [*expected, None]


def test_polars_checks_on_an_empty_column() -> None:
    frame = pl.DataFrame({"v": pl.Series([], dtype=pl.String)})
    assert frame.select(vin_valid_expr("v"), container_no_valid_expr("v").alias("c")).height == 0


def test_vin_check_digit_rejects_what_is_not_a_vin() -> None:
    with pytest.raises(ValueError, match="17 characters"):
        vin_check_digit("1M8GDM9AXKP04278")
    with pytest.raises(ValueError, match="outside the VIN alphabet"):
        vin_check_digit("1M8GDM9AXKPO42788")
    with pytest.raises(ValueError, match="not an ISO 6346"):
        container_check_digit("CSQU30543")
