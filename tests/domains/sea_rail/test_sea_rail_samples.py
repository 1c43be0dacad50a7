"""The committed sea-rail sample data, built: what the README promises is what the build finds.

The generator's own bookkeeping (which rows it spoiled, which moves it counts) is compared with
what ingest and the SQL make of the files, two independent computations.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import duckdb
import pytest

from qdtransport.domains.sea_rail.samples import DECEMBER_BOXES, draw
from qdtransport.domains.sea_rail.samples.monthly import ANNUAL_TEU
from qdtransport.samples import DEFAULT_SEED
from qdtransport.warehouse import build
from tests.domains.sea_rail.conftest import ROOT


@pytest.fixture(scope="module")
def sample():
    return draw(random.Random(DEFAULT_SEED))


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("sea_rail_samples") / "qingdao.duckdb"
    build(ROOT / "data_samples", db)
    with duckdb.connect(str(db), read_only=True) as connection:
        yield connection


def test_reported_months_add_up_to_the_published_years(sample) -> None:
    years: dict[int, int] = {}
    for month, teu in sample.monthly.items():
        years[int(month[:4])] = years.get(int(month[:4]), 0) + teu
    assert years == ANNUAL_TEU  # 115.4万 in 2018 … 254.6万 in 2024, 2.7 million chosen for 2025


def test_build_gives_the_readme_figures(sample, con) -> None:
    boxes, teu = sample.counted_december()
    # December 2025 from the moves; every other month reported
    assert con.execute(
        "select boxes, teu, reported_teu from sea_rail_teu_monthly where source = 'moves'"
    ).fetchall() == [(boxes, pytest.approx(teu), float(sample.monthly["2025-12"]))]
    yearly = dict(con.execute("select year, value from sea_rail_teu where complete").fetchall())
    assert yearly == pytest.approx(sample.yearly())
    # 112,000 real moves less the 8 rows spoiled beyond repair (check digit, length code, time)
    assert boxes == DECEMBER_BOXES - 8


def test_defects_are_where_the_readme_says(sample, con) -> None:
    promised = sorted(
        (f"sea_rail_moves/{d.file}", line, d.build.removeprefix("reject: "))
        for d in sample.files.defects
        if d.build.startswith("reject")
        for line in d.lines
    )
    found = con.execute(
        "select source_file, source_row, reason_code from rejects where table_name = 'sea_rail_moves' order by all"
    ).fetchall()
    assert found == promised
    # the 28 identical records of the January export collapse; 6 moves posted twice in the
    # Qianwan workbook and 11 exported again under a new id are counted once, one of them with
    # a conflicting full/empty
    assert con.execute(
        "select sum(duplicates_collapsed) from load_manifest where table_name = 'sea_rail_moves'"
    ).fetchall() == [(28,)]
    assert con.execute(
        "select count(*), count(*) filter (where across_files), count(*) filter (where conflicting) "
        "from sea_rail_duplicate_moves"
    ).fetchall() == [(17, 11, 1)]


def test_the_last_minute_of_december_counts_in_december(con) -> None:
    assert con.execute(
        "select month, source_file from int_sea_rail_moves where move_time = '2025-12-31 23:59:40'"
    ).fetchall() == [(dt.date(2025, 12, 1), "sea_rail_moves/dongjiakou_2026-01-01.csv")]


def test_files_are_in_the_forms_real_exports_take() -> None:
    folder = ROOT / "data_samples" / "sea_rail_moves"
    gbk = (folder / "dongjiakou_2025-12.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        gbk.decode("utf-8")
    assert gbk.decode("gbk").startswith("作业编号,集装箱号,箱型尺寸,空重,方向,作业时间,港区,到发站,车次,备注\r\n")
    assert set(gbk.decode("gbk").splitlines()[1].split(",")[3:5]) <= {"重", "空", "集港", "疏港"}
    monthly = (ROOT / "data_samples" / "sea_rail_monthly.csv").read_bytes()
    assert monthly.startswith("\ufeff月份,海铁联运量,来源,备注\r\n".encode())
    assert sum(p.stat().st_size for p in Path(folder).iterdir()) < 6_500_000
