"""Fixtures of the travel tests: the travel views over a data directory, in memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import polars as pl
import pytest

from qdtransport.ingest import load_directory
from qdtransport.queries import ordered_query_files
from qdtransport.settings import Settings

ROOT = Path(__file__).parents[3]
TINY = ROOT / "tests" / "data" / "travel" / "tiny"

TravelViews = Callable[..., duckdb.DuckDBPyConnection]


def travel_views(data_dir: Path, settings: Settings | None = None) -> duckdb.DuckDBPyConnection:
    """Load ``data_dir`` and run the travel SQL files, in build order, on an in-memory database."""
    settings = settings or Settings()
    ingested = load_directory(data_dir)
    con = duckdb.connect()
    for name, frame in (
        ("travel_survey_trips", ingested.tables["travel_survey_trips"].frame),
        ("settings", pl.DataFrame([settings.as_row()])),
    ):
        con.register("__frame", frame.to_arrow())
        con.execute(f"create table {name} as select * from __frame")
        con.unregister("__frame")
    for query in ordered_query_files():
        if query.group == "travel":
            con.execute(query.path.read_text(encoding="utf-8"))
    return con


@pytest.fixture
def tiny() -> Path:
    """The hand-made survey of ``tests/data/travel/tiny``."""
    return TINY


@pytest.fixture
def views() -> TravelViews:
    """``views(data_dir, settings=None)``: a connection holding the travel views."""
    return travel_views
