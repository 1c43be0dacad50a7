"""Helpers of the port bulk tests: a warehouse holding a data directory and the port bulk views."""

from __future__ import annotations

from pathlib import Path

import duckdb

from qdtransport.ingest import load_directory
from qdtransport.settings import Settings
from qdtransport.warehouse import load_tables

QUERIES = Path(__file__).parents[3] / "queries" / "port_bulk"
ORDER = (
    "staging/stg_port_bulk_flows",
    "intermediate/int_port_bulk_flows",
    "intermediate/int_port_bulk_years",
    "indicators/port_bulk_green_share",
    "indicators/port_bulk_green_share_by_cargo",
    "indicators/port_bulk_green_share_by_flow",
    "indicators/port_bulk_green_share_by_terminal",
    "indicators/port_bulk_mode_mix",
    "indicators/port_bulk_green_share_monthly",
)


def port_bulk_warehouse(data_dir: Path, settings: Settings) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse: the tables loaded from ``data_dir`` and the port bulk views."""
    con = duckdb.connect()
    load_tables(con, load_directory(data_dir), settings)
    for name in ORDER:
        con.execute((QUERIES / f"{name}.sql").read_text(encoding="utf-8"))
    return con
