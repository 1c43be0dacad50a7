"""Lead, gaps, tail, verdicts and compliant share, worked out by hand."""

from __future__ import annotations

import pytest

from qdtransport.domains.charging.network.gaps import gap_stats


def test_three_opportunities_within_the_limit() -> None:
    # 0 --20-- A --40-- B --30-- C --10-- 100: lead 20, gaps 40 and 30, tail 10
    stats = gap_stats([60.0, 20.0, 90.0], 100.0, 50.0)
    assert stats.opportunities == 3
    assert stats.max_gap_km == pytest.approx(40.0)
    assert stats.lead_km == pytest.approx(20.0)
    assert stats.tail_km == pytest.approx(10.0)
    assert stats.meets is True
    assert stats.compliant_share == pytest.approx(1.0)


def test_a_gap_over_the_limit() -> None:
    # limit 35: the 40 km gap fails; compliant sections 20 + 30 + 10 = 60 of 100
    stats = gap_stats([20.0, 60.0, 90.0], 100.0, 35.0)
    assert stats.meets is False
    assert stats.compliant_share == pytest.approx(0.6)


def test_a_long_lead_fails_even_without_inner_gaps() -> None:
    # one opportunity at 70: lead 70 > 60 proves a gap of at least 70 km
    stats = gap_stats([70.0], 100.0, 60.0)
    assert stats.max_gap_km is None
    assert (stats.lead_km, stats.tail_km) == (pytest.approx(70.0), pytest.approx(30.0))
    assert stats.meets is False
    assert stats.compliant_share == pytest.approx(0.3)


def test_no_opportunity_on_a_long_carriageway() -> None:
    stats = gap_stats([], 100.0, 60.0)
    assert stats.opportunities == 0
    assert stats.max_gap_km is None and stats.tail_km is None
    assert stats.lead_km == 100.0
    assert stats.meets is False
    assert stats.compliant_share == 0.0


def test_no_opportunity_on_a_short_carriageway_is_undetermined() -> None:
    stats = gap_stats([], 40.0, 60.0)
    assert stats.lead_km == 40.0
    assert stats.meets is None
    assert stats.compliant_share is None


def test_positions_are_clamped_to_the_carriageway() -> None:
    stats = gap_stats([-2.0, 105.0], 100.0, 120.0)
    assert stats.lead_km == 0.0 and stats.tail_km == 0.0
    assert stats.max_gap_km == pytest.approx(100.0)


def test_two_sites_at_the_same_place() -> None:
    stats = gap_stats([10.0, 10.0], 30.0, 60.0)
    assert stats.max_gap_km == 0.0
    assert stats.opportunities == 2
