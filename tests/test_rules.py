"""Row rules: date order and new-energy plate against powertrain."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from qdtransport.rules import DateNotBefore, PlateMatchesPowertrain
from qdtransport.settings import Settings

D = dt.date


def test_date_not_before() -> None:
    rule = DateNotBefore("deregistration_date", "registration_date")
    assert (rule.code, rule.severity) == ("date_order", "reject")
    frame = pl.DataFrame(
        {
            "registration_date": [D(2024, 5, 6), D(2024, 5, 6), D(2024, 5, 6), None],
            "deregistration_date": [D(2024, 5, 5), D(2024, 5, 6), None, D(2020, 1, 1)],
        }
    )
    out = frame.select(rule.violated().alias("bad"), rule.reason().alias("why"))
    # one day before: broken; same day: fine; either date missing: nothing to compare
    assert out["bad"].to_list() == [True, False, False, False]
    assert out["why"][0] == "deregistration_date 2024-05-05 is before registration_date 2024-05-06"


# GA 36-2018 new-energy plates have 8 characters: D (battery electric) or F (other new energy)
# right after the issuing-office letter on small vehicles, or at the end on large vehicles.
PLATE_CASES = [
    # plate, powertrain, mismatch?
    ("鲁BD12345", "BEV", False),  # small new-energy plate, BEV
    ("鲁BF12345", "PHEV", False),  # small new-energy plate (F), plug-in hybrid
    ("鲁B12345D", "BEV", False),  # large new-energy plate (bus)
    ("鲁B12345F", "FCEV", False),
    ("鲁BDA1234", "EREV", False),  # letter in the second serial position
    ("鲁B12345", "DIESEL", False),  # ordinary plate, diesel
    ("鲁B12345", "HEV", False),  # a hybrid without a plug is not new-energy
    ("鲁BD12345", "DIESEL", True),  # new-energy plate, diesel
    ("鲁B12345D", "CNG", True),
    ("鲁B12345", "BEV", True),  # ordinary plate, battery electric
    ("鲁BD1234", "DIESEL", False),  # 7 characters: an ordinary plate whatever its letters
]


@pytest.mark.parametrize(("plate", "powertrain", "mismatch"), PLATE_CASES)
def test_plate_matches_powertrain(plate: str, powertrain: str, mismatch: bool) -> None:
    rule = PlateMatchesPowertrain("plate", "powertrain")
    assert (rule.code, rule.severity) == ("plate_powertrain_mismatch", "warn")
    frame = pl.DataFrame({"plate": [plate], "powertrain": [powertrain]})
    out = frame.select(rule.violated().alias("bad"), rule.reason().alias("why")).row(0, named=True)
    assert out["bad"] is mismatch


def test_plate_mismatch_reasons_say_which_way() -> None:
    rule = PlateMatchesPowertrain("plate", "powertrain")
    frame = pl.DataFrame({"plate": ["鲁BD12345", "鲁B12345"], "powertrain": ["DIESEL", "BEV"]})
    assert frame.select(rule.reason()).to_series().to_list() == [
        "new-energy plate 鲁BD12345 but powertrain DIESEL",
        "ordinary plate 鲁B12345 but new-energy powertrain BEV",
    ]


def test_plate_rule_counts_the_settings_new_energy_powertrains() -> None:
    # a plug-in hybrid on a new-energy plate: new-energy by default (BEV, PHEV, EREV, FCEV), so no
    # warning; with settings that count only BEV, the plate says new-energy and the powertrain does
    # not, so the row is flagged
    from dataclasses import replace

    rule = PlateMatchesPowertrain("plate", "powertrain")
    frame = pl.DataFrame({"plate": ["鲁BF12345"], "powertrain": ["PHEV"]})
    assert frame.select(rule.violated(Settings())).item() is False
    bev_only = replace(Settings(), nev_powertrains=("BEV",))
    assert frame.select(rule.violated(bev_only)).item() is True
    assert frame.select(rule.reason(bev_only)).item() == "new-energy plate 鲁BF12345 but powertrain PHEV"
