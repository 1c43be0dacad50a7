"""The port bulk sample generator: its files load as the README says and give its figures."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from qdtransport.domains.port_bulk.samples import (
    CSV_FILE,
    XLSX_FILE,
    expected_figures,
    generate_flows,
    readme_section,
    write_samples,
)
from qdtransport.ingest import load_directory
from qdtransport.settings import Settings

from .helpers import build_read_only

SEED = 20250101


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("port_bulk_samples")
    write_samples(out, random.Random(SEED))
    return out


def test_same_seed_same_bytes(samples: Path, tmp_path: Path) -> None:
    again = write_samples(tmp_path, random.Random(SEED))
    for name, path in again.items():
        assert path.read_bytes() == (samples / name).read_bytes(), name


def test_files_are_small_and_labelled_synthetic(samples: Path) -> None:
    assert sum((samples / name).stat().st_size for name in (CSV_FILE, XLSX_FILE)) < 1_000_000
    text = (samples / CSV_FILE).read_bytes().decode("gb18030")
    assert text.startswith("月份,港区,货类,集疏运方向,运输方式,吨数,备注")
    assert "合成示例数据" in text.splitlines()[1]


def test_defects_are_rejected_or_collapsed(samples: Path) -> None:
    ingested = load_directory(samples)
    rejects = ingested.rejects.select("source_file", "reason_code").rows()
    assert rejects == [(CSV_FILE, "out_of_range"), (CSV_FILE, "bad_enum"), (CSV_FILE, "bad_month")]
    manifest = ingested.manifest.select("source_file", "duplicates_collapsed").rows()
    assert sum(n for _, n in manifest) == 1
    flows = generate_flows(random.Random(SEED))
    assert ingested.tables["port_bulk_flows"].frame.height == len(flows)


def test_build_gives_the_readme_figures(samples: Path, tmp_path: Path) -> None:
    figures = {f.year: f for f in expected_figures(generate_flows(random.Random(SEED)))}
    with build_read_only(samples, tmp_path / "qd.duckdb") as con:
        rows = con.execute(
            "select year, numerator, denominator, complete from port_bulk_green_share order by year"
        ).fetchall()
        by_cargo = con.execute(
            "select year, cargo, green_tonnes, tonnes from port_bulk_green_share_by_cargo"
        ).fetchall()
    assert rows == [(y, f.green_tonnes, f.tonnes, True) for y, f in sorted(figures.items())]
    assert sorted(by_cargo) == sorted(
        (y, cargo, g, t) for y, f in figures.items() for cargo, (g, t) in f.by_cargo.items()
    )


def test_shape_follows_the_national_2023_figures() -> None:
    figures = {f.year: f for f in expected_figures(generate_flows(random.Random(SEED)))}
    coal_green, coal = figures[2023].by_cargo["coal"]
    ore_green, ore = figures[2023].by_cargo["iron_ore"]
    # coastal main ports, January-September 2023: coal 91.6 %, iron ore 78.1 %
    assert coal_green / coal == pytest.approx(0.916, abs=0.005)
    assert ore_green / ore == pytest.approx(0.781, abs=0.005)
    assert [f.year for f in figures.values()] == list(range(2019, 2026))


def test_readme_states_the_2025_value_and_the_defect_lines(samples: Path) -> None:
    text = readme_section(random.Random(SEED))
    figures = expected_figures(generate_flows(random.Random(SEED)))
    assert f"= {figures[-1].share:.4f}" in text
    for line in load_directory(samples).rejects["source_row"]:
        assert f"| line {line} |" in text


def test_pipeline_setting_changes_nothing_on_the_sample(samples: Path, tmp_path: Path) -> None:
    settings = Settings()
    query = "select year, numerator from port_bulk_green_share order by year"
    with build_read_only(samples, tmp_path / "default.duckdb", settings) as con:
        default = con.execute(query).fetchall()
    with_pipeline = Settings(green_freight_modes=(*settings.green_freight_modes, "pipeline"))
    with build_read_only(samples, tmp_path / "pipeline.duckdb", with_pipeline) as con:
        assert con.execute(query).fetchall() == default
