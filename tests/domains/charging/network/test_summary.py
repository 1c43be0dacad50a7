"""The command-line summary."""

from __future__ import annotations

import datetime as dt

import pytest

from qdtransport.domains.charging.network import compute_network_coverage, format_summary


@pytest.fixture()
def coverage(corridor, register_sites, register_stations):
    return compute_network_coverage(
        corridor,
        register_sites=register_sites,
        register_stations=register_stations,
        as_of=dt.date(2024, 12, 31),
    )


def test_chinese_rule_summary(coverage) -> None:
    text = format_summary(coverage)
    assert "4 service areas, 0 rest areas" in text
    assert "service areas with a charger: 4 of 4 (100.0%)" in text
    assert "Carriageways: 2; meeting the rule 1, failing 1, undetermined 0" in text
    lines = text.splitlines()
    worst = lines.index("Longest stretches without a charging opportunity:")
    assert lines[worst + 1].strip().startswith("G99 S")  # 66.7 km gap first
    assert "max gap 66.7 km" in lines[worst + 1] and "FAILS" in lines[worst + 1]
    assert "Reconciliation: 7 findings" in text


def test_afir_summary(coverage) -> None:
    text = format_summary(coverage, rule="afir")
    assert "Sites qualifying for AFIR: 1 of 4" in text
    assert "meeting the rule 0, failing 2" in text


def test_unknown_rule(coverage) -> None:
    with pytest.raises(ValueError, match="unknown rule"):
        format_summary(coverage, rule="eu")
