"""Fixtures of the network tests: the OSM test files and the synthetic G99 register tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from qdtransport.domains.charging.network import OsmExtract, read_osm

OSM_DATA = Path(__file__).resolve().parents[3] / "data" / "osm"


@pytest.fixture(scope="session")
def osm_data() -> Path:
    return OSM_DATA


@pytest.fixture(scope="session")
def corridor() -> OsmExtract:
    """The hand-made G99 network (synthetic), read with osmnx."""
    return read_osm(OSM_DATA / "corridor.osm")


@pytest.fixture()
def register_sites() -> pl.DataFrame:
    """Synthetic register rows for the G99 network (WGS84): S1, S3 and one far away."""
    return pl.DataFrame(
        {
            "service_area_id": ["QD-S1", "QD-S3", "QD-X"],
            "name": ["合成东一服务区", "合成东二服务区(北向)", "合成远郊服务区"],
            "route_ref": ["G99", "G99", "G99"],
            "direction": ["北向", "北向", "both"],
            "kind": ["service_area"] * 3,
            "status": ["open"] * 3,
            "lon": [120.3014, 120.3014, 120.4000],
            "lat": [36.2000, 36.6000, 36.7000],
        }
    )


@pytest.fixture()
def register_stations() -> pl.DataFrame:
    """Synthetic register stations.

    ST-1 at S3 (from 2024-06-01), ST-2 near S2 (2020 to 2023-06-30, no site id), ST-3 naming the
    far-away register site.
    """
    return pl.DataFrame(
        {
            "station_id": ["ST-1", "ST-2", "ST-3"],
            "name": ["东二充电站", "西一充电站", "远郊充电站"],
            "lon": [120.3016, 120.2988, 120.4000],
            "lat": [36.6001, 36.2000, 36.7000],
            "service_area_id": ["QD-S3", None, "QD-X"],
            "dc_connectors": [2, 4, 1],
            "ac_connectors": [0, 0, 0],
            "max_power_kw": [120.0, 180.0, 60.0],
            "commissioned_date": [dt.date(2024, 6, 1), dt.date(2020, 1, 1), dt.date(2021, 1, 1)],
            "decommissioned_date": [None, dt.date(2023, 6, 30), None],
        }
    )
