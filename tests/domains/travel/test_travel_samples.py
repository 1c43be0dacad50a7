"""The synthetic travel surveys: their forms, their defects, and what the views find in them."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from qdtransport.domains.travel.samples import (
    expected_shares,
    readme_section,
    survey_files,
    write_samples,
)
from qdtransport.ingest import load_directory

Views = Callable[..., duckdb.DuckDBPyConnection]
SEED = 7


@pytest.fixture(scope="module")
def travel_samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("travel_samples")
    write_samples(out, random.Random(SEED))
    return out


def test_three_files_in_three_forms_and_small(travel_samples: Path) -> None:
    folder = travel_samples / "travel_survey_trips"
    assert sorted(p.name for p in folder.iterdir()) == ["2019.csv", "2022.xlsx", "2024.csv"]
    raw = (folder / "2019.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert raw.decode("gbk").startswith("出行编号,个人编号,调查年份,扩样系数,主要方式")
    assert "电动自行车" in raw.decode("gbk") and "合成数据" in raw.decode("gbk")
    assert (folder / "2024.csv").read_text(encoding="utf-8").startswith("trip_id,person_id,survey_year")
    assert sum(p.stat().st_size for p in folder.iterdir()) < 5_000_000


def test_same_seed_same_bytes(travel_samples: Path, tmp_path: Path) -> None:
    write_samples(tmp_path, random.Random(SEED))
    for path in (travel_samples / "travel_survey_trips").iterdir():
        assert (tmp_path / "travel_survey_trips" / path.name).read_bytes() == path.read_bytes()


def test_defects_reach_rejects_as_listed(travel_samples: Path) -> None:
    ingested = load_directory(travel_samples)
    codes = sorted(ingested.rejects["reason_code"].to_list())
    # each file: missing weight, zero weight, unknown mode; the workbook: one conflicting pair
    assert codes == sorted(["missing_value", "out_of_range", "bad_enum"] * 3 + ["duplicate_conflict"] * 2)
    manifest = {r["source_file"]: r for r in ingested.manifest.iter_rows(named=True)}
    assert manifest["travel_survey_trips/2019.csv"]["duplicates_collapsed"] == 1
    assert manifest["travel_survey_trips/2024.csv"]["duplicates_collapsed"] == 1
    trips = ingested.tables["travel_survey_trips"].frame
    assert trips.filter(trips["person_id"].is_null()).height == 3 * 12


def test_views_find_what_the_readme_says(travel_samples: Path, views: Views) -> None:
    expected = {s.year: s for s in expected_shares(survey_files(random.Random(SEED)))}
    rows = (
        views(travel_samples)
        .execute("select year, value, ci_low, ci_high, trips, persons, design_effect from green_travel_share")
        .fetchall()
    )
    assert [r[0] for r in rows] == [2019, 2022, 2024]
    for year, value, low, high, trips, persons, deff in rows:
        figure = expected[year]
        assert (trips, persons) == (figure.trips, figure.persons)
        assert value == pytest.approx(figure.value, rel=1e-12)
        assert (low, high) == (
            pytest.approx(figure.ci_low, rel=1e-9),
            pytest.approx(figure.ci_high, rel=1e-9),
        )
        assert deff == pytest.approx(figure.design_effect, rel=1e-9)
    # shaped by the published 71.3 % of 2022: the drawn value and its interval sit near it
    assert expected[2022].ci_low < 0.713 < expected[2022].ci_high
    section = readme_section(random.Random(SEED))
    assert f"{expected[2022].value:.4f}" in section and "synthetic" in section
