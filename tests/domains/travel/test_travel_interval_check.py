"""The SQL interval against independent implementations on a random survey.

Two checks: the survey-statistics package ``samplics`` (Taylor linearisation, one stratum per
survey year, persons as primary sampling units, domain estimation for districts), and a plain
numpy implementation written here from the textbook formulas, which also checks the design effect
(R survey's deff convention: the variance of R under simple random sampling of as many trips
without replacement, sum(w (g - R)^2) / sum(w) / (n - 1) * (sum(w) - n) / sum(w)).
"""

from __future__ import annotations

import csv
import warnings
from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np
import pytest

Views = Callable[..., duckdb.DuckDBPyConnection]
GREEN = {"walk", "bicycle", "e_bike", "bus", "metro"}
MODES = ["walk", "bicycle", "e_bike", "bus", "metro", "car", "taxi", "ride_hailing"]
DISTRICTS = ["市南区", "市北区", "李沧区", "崂山区"]


@pytest.fixture(scope="module")
def survey(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    """Three survey years of 60 persons with 1-5 trips each; about 1 trip in 10 has no person id."""
    rng = np.random.default_rng(20240601)
    rows: list[dict] = []
    for year in (2019, 2022, 2024):
        for person in range(60):
            weight = round(float(rng.uniform(50, 400)), 2)  # a person's trips share one weight
            for trip in range(int(rng.integers(1, 6))):
                rows.append(
                    {
                        "trip_id": f"{year}-{person}-{trip}",
                        "person_id": "" if rng.random() < 0.1 else f"P{person}",
                        "survey_year": year,
                        "weight": weight * float(rng.choice([1.0, 1.0, 1.5])),
                        "main_mode": str(rng.choice(MODES)),
                        "district": str(rng.choice(DISTRICTS)),
                        "distance_km": round(float(rng.gamma(2.0, 2.5)), 2),
                    }
                )
    data = tmp_path_factory.mktemp("survey")
    with open(data / "travel_survey_trips.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return data, rows


def _arrays(rows: list[dict], year: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    sel = [r for r in rows if r["survey_year"] == year]
    w = np.array([r["weight"] for r in sel])
    g = np.array([1.0 if r["main_mode"] in GREEN else 0.0 for r in sel])
    cluster = np.array([f"person:{r['person_id']}" if r["person_id"] else f"trip:{r['trip_id']}" for r in sel])
    district = np.array([r["district"] for r in sel])
    return w, g, cluster, district


def _numpy_ratio(w: np.ndarray, g: np.ndarray, cluster: np.ndarray, inside: np.ndarray) -> tuple[float, float, float]:
    """Share, linearisation variance and design effect of the domain ``inside`` (a mask)."""
    wd, gd = w * inside, g * inside
    total = wd.sum()
    ratio = (wd * gd).sum() / total
    z = wd * (gd - ratio) / total  # zero outside the domain
    labels = np.unique(cluster)
    z_c = np.array([z[cluster == c].sum() for c in labels])  # every cluster of the year
    n = labels.size
    variance = n / (n - 1) * ((z_c - z_c.mean()) ** 2).sum()
    trips = int(inside.sum())
    srs = (wd * (gd - ratio) ** 2).sum() / total / (trips - 1) * (total - trips) / total
    return ratio, variance, variance / srs


def test_year_share_matches_numpy_and_samplics(views: Views, survey: tuple[Path, list[dict]]) -> None:
    data, rows = survey
    got = {
        r[0]: r[1:]
        for r in views(data)
        .execute("select year, value, se, ci_low, ci_high, design_effect, persons from green_travel_share")
        .fetchall()
    }
    for year in (2019, 2022, 2024):
        w, g, cluster, _ = _arrays(rows, year)
        ratio, variance, deff = _numpy_ratio(w, g, cluster, np.ones(w.size, dtype=bool))
        value, se, low, high, design_effect, persons = got[year]
        assert persons == np.unique(cluster).size
        assert value == pytest.approx(ratio, rel=1e-12)
        assert se == pytest.approx(np.sqrt(variance), rel=1e-9)
        assert (low, high) == (
            pytest.approx(ratio - 1.959964 * np.sqrt(variance), abs=1e-6),
            pytest.approx(ratio + 1.959964 * np.sqrt(variance), abs=1e-6),
        )
        assert design_effect == pytest.approx(deff, rel=1e-9)

    samplics = pytest.importorskip("samplics.estimation")
    from samplics.utils.types import PopParam

    w = np.array([r["weight"] for r in rows])
    g = np.array([1.0 if r["main_mode"] in GREEN else 0.0 for r in rows])
    year = np.array([r["survey_year"] for r in rows])
    psu = np.array([f"{r['survey_year']}/{r['person_id'] or 'trip:' + r['trip_id']}" for r in rows])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        estimator = samplics.TaylorEstimator(PopParam.ratio)
        estimator.estimate(y=g, samp_weight=w, x=np.ones(w.size), stratum=year, psu=psu, domain=year)
    for y in (2019, 2022, 2024):
        assert got[y][0] == pytest.approx(estimator.point_est[y], rel=1e-12)
        assert got[y][1] == pytest.approx(estimator.stderror[y], rel=1e-9)


def test_district_domains_match_numpy_and_samplics(views: Views, survey: tuple[Path, list[dict]]) -> None:
    data, rows = survey
    got = {
        (r[0], r[1]): r[2:]
        for r in views(data)
        .execute("select year, district, value, se, design_effect from green_travel_share_by_district")
        .fetchall()
    }
    assert len(got) == 3 * len(DISTRICTS)
    samplics = pytest.importorskip("samplics.estimation")
    from samplics.utils.types import PopParam

    for year in (2019, 2022, 2024):
        w, g, cluster, district = _arrays(rows, year)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            estimator = samplics.TaylorEstimator(PopParam.ratio)
            estimator.estimate(y=g, samp_weight=w, x=np.ones(w.size), psu=cluster, domain=district)
        for name in DISTRICTS:
            ratio, variance, deff = _numpy_ratio(w, g, cluster, district == name)
            value, se, design_effect = got[(year, name)]
            assert value == pytest.approx(ratio, rel=1e-12)
            assert se == pytest.approx(np.sqrt(variance), rel=1e-9)
            assert design_effect == pytest.approx(deff, rel=1e-9)
            assert value == pytest.approx(estimator.point_est[name], rel=1e-12)
            assert se == pytest.approx(estimator.stderror[name], rel=1e-9)
