"""Builds a warehouse from a small sea-rail data directory, for the SQL tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from qdtransport.settings import Settings
from qdtransport.warehouse import build

ROOT = Path(__file__).resolve().parents[3]
QUERIES = ROOT / "queries" / "sea_rail"
DATA = ROOT / "tests" / "data" / "sea_rail"

SeaRailDb = Callable[..., duckdb.DuckDBPyConnection]


@pytest.fixture
def sea_rail_db(tmp_path: Path) -> Iterator[SeaRailDb]:
    """``sea_rail_db(data_dir, **settings)``: read-only connection to a build of ``data_dir``.

    The build uses the given settings (defaults otherwise).
    """
    connections: list[duckdb.DuckDBPyConnection] = []

    def connect(data_dir: Path, **settings: object) -> duckdb.DuckDBPyConnection:
        db = tmp_path / f"sea_rail_{len(connections)}.duckdb"
        build(data_dir, db, settings=replace(Settings(), **settings))
        connections.append(duckdb.connect(str(db), read_only=True))
        return connections[-1]

    yield connect
    for con in connections:
        con.close()
