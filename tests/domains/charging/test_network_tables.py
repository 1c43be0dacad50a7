"""Network tables through the build, and the coverage command, on the hand-made G99 network.

tests/data/osm/corridor.osm (synthetic) has service-area site S3 (w1003) east of the northbound
carriageway at about 120.3014 E, 36.6 N, with no charger in OSM. The register here knows S3 as
QD-S3 and lists one station, ST-1, 2 DC connectors at 120 kW, without a site id, at the WGS84
position 120.3016 E, 36.6001 N (about 20 m from S3) — but written in GCJ-02, as Amap shows it.
Around Qingdao GCJ-02 lies about 0.0047 degrees (some 420 m) east of WGS84, so the station
attaches to S3 (within settings.register_charger_site_radius_m = 300 m) only after conversion.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from qdtransport.cli import main
from qdtransport.coords import wgs84_to_gcj02
from qdtransport.warehouse import build

OSM = Path(__file__).parents[2] / "data" / "osm" / "corridor.osm"
SITES = (
    "service_area_id,name,route_ref,direction,kind,lon,lat,status\n"
    "QD-S3,合成东二服务区(北向),G99,北向,service_area,120.3014,36.6000,open\n"
)


def data_dir(root: Path, *, station_crs: str) -> Path:
    data = root / f"data_{station_crs}"
    (data / "osm").mkdir(parents=True)
    shutil.copyfile(OSM, data / "osm" / OSM.name)
    (data / "service_areas.csv").write_text(SITES, encoding="utf-8")
    lon, lat = wgs84_to_gcj02(120.3016, 36.6001)
    (data / "charging_stations.csv").write_text(
        "station_id,name,lon,lat,crs,dc_connectors,ac_connectors,max_power_kw,commissioned_date\n"
        f"ST-1,东二充电站,{lon:.7f},{lat:.7f},{station_crs},2,0,120,2024-06-01\n",
        encoding="utf-8",
    )
    (data / "dataset.toml").write_text("as_of = 2024-12-31\n", encoding="utf-8")
    return data


def s3_row(db: Path) -> tuple:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "select register_site_id, register_stations, has_charger from sa_network_coverage where site_id = 'w1003'"
        ).fetchall()[0]


def test_gcj02_register_station_attaches_after_conversion(tmp_path: Path) -> None:
    db = tmp_path / "gcj.duckdb"
    build(data_dir(tmp_path, station_crs="GCJ02"), db)
    assert s3_row(db) == ("QD-S3", 1, True)


def test_the_same_numbers_taken_as_wgs84_lie_too_far_east(tmp_path: Path) -> None:
    db = tmp_path / "wgs.duckdb"
    build(data_dir(tmp_path, station_crs="WGS84"), db)
    assert s3_row(db) == ("QD-S3", 0, False)


def test_without_osm_the_network_tables_exist_and_are_empty(tmp_path: Path) -> None:
    data = data_dir(tmp_path, station_crs="GCJ02")
    shutil.rmtree(data / "osm")
    db = tmp_path / "no_osm.duckdb"
    build(data, db)
    with duckdb.connect(str(db), read_only=True) as con:
        for table in ("sa_network_coverage", "corridor_gaps", "network_reconciliation", "sa_network_access"):
            assert con.execute(f"select count(*) from {table}").fetchall() == [(0,)]
        columns = [r[0] for r in con.execute(
            "select column_name from duckdb_columns() where table_name = 'corridor_gaps'").fetchall()]
    assert {"route_ref", "direction", "max_gap_km", "lead_km", "tail_km", "meets_afir", "meets_nevi"} <= set(columns)


def test_coverage_command_uses_the_register_of_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "gcj.duckdb"
    build(data_dir(tmp_path, station_crs="GCJ02"), db)
    capsys.readouterr()
    assert main(["coverage", "--osm", str(OSM), "--db", str(db), "--rule", "cn"]) == 0
    out = capsys.readouterr()
    assert "rule CN" in out.out
    assert "1 charging stations" in out.err  # the register was read from the database
    assert main(["coverage", "--osm", str(tmp_path / "missing.osm")]) == 1
    assert "missing.osm" in capsys.readouterr().err
