"""Builds the sea-rail views over a small data directory, for the SQL tests."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import duckdb
import polars as pl
import pytest

from qdtransport.ingest import load_directory

ROOT = Path(__file__).resolve().parents[3]
QUERIES = ROOT / "queries" / "sea_rail"
DATA = ROOT / "tests" / "data" / "sea_rail"
LAYERS = ("staging", "intermediate", "indicators")
_COMMENT_OR_STRING = re.compile(r"--[^\n]*|'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")

SeaRailDb = Callable[..., duckdb.DuckDBPyConnection]


def _ordered_files() -> list[Path]:
    """The sea-rail SQL files by layer, each after the files of its layer it names."""
    ordered: list[Path] = []
    for layer in LAYERS:
        pending = sorted((QUERIES / layer).glob("*.sql"))
        names = {p.stem for p in pending}
        while pending:
            for path in pending:
                code = _COMMENT_OR_STRING.sub(" ", path.read_text(encoding="utf-8").lower())
                words = set(re.findall(r"[a-z_][a-z0-9_]*", code))
                waiting = (words & names) - {path.stem} - {p.stem for p in ordered}
                if not waiting:
                    ordered.append(path)
                    pending.remove(path)
                    break
            else:
                raise AssertionError(f"cycle among {pending}")
    return ordered


def _connect(
    data_dir: Path, *, teu_factor_45ft: float = 2.25, sea_rail_growth_target: float = 0.15
):
    ingested = load_directory(data_dir)
    con = duckdb.connect()
    for name in ("sea_rail_moves", "sea_rail_monthly"):
        frame = ingested.tables[name].frame
        con.register("__frame", frame.to_arrow())
        con.execute(f"create table {name} as select * from __frame")
        con.unregister("__frame")
    settings = pl.DataFrame(
        {"teu_factor_45ft": [teu_factor_45ft], "sea_rail_growth_target": [sea_rail_growth_target]}
    )
    con.register("__frame", settings.to_arrow())
    con.execute("create table settings as select * from __frame")
    con.unregister("__frame")
    for path in _ordered_files():
        con.execute(path.read_text(encoding="utf-8"))
    return con


@pytest.fixture
def sea_rail_db() -> SeaRailDb:
    """``sea_rail_db(data_dir, teu_factor_45ft=2.25)``: in-memory DuckDB with the sea-rail views."""
    return _connect
