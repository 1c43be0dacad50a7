"""Helpers for the travel tests: the travel views over a data directory, in memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import polars as pl
import pytest

from qdtransport.ingest import load_directory
from qdtransport.settings import Settings

ROOT = Path(__file__).parents[3]
TINY = ROOT / "tests" / "data" / "travel" / "tiny"
LAYERS = ("staging", "intermediate", "indicators")

TravelViews = Callable[..., duckdb.DuckDBPyConnection]


def travel_views(data_dir: Path, settings: Settings | None = None) -> duckdb.DuckDBPyConnection:
    """Load ``data_dir`` and run the travel SQL files on an in-memory database.

    Files run layer by layer; a file that reads a view of its own layer not created yet is
    retried after the others.
    """
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
    for layer in LAYERS:
        pending = sorted((ROOT / "queries" / "travel" / layer).glob("*.sql"))
        while pending:
            failed = []
            for path in pending:
                try:
                    con.execute(path.read_text(encoding="utf-8"))
                except duckdb.CatalogException:
                    failed.append(path)
            if len(failed) == len(pending):
                con.execute(failed[0].read_text(encoding="utf-8"))  # raises the real error
            pending = failed
    return con


@pytest.fixture
def tiny() -> Path:
    """The hand-made survey of ``tests/data/travel/tiny``."""
    return TINY


@pytest.fixture
def views() -> TravelViews:
    """``views(data_dir, settings=None)``: a connection holding the travel views."""
    return travel_views
