"""The atomic build: swapping in, failures, read-only readers, comments, storage version."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import struct
from pathlib import Path

import duckdb
import pytest

from qdtransport.domains import DOMAINS
from qdtransport.domains.base import DomainBuildError
from qdtransport.readers import InputFileError
from qdtransport.warehouse import BuildError, build

DATA = Path(__file__).parent / "data" / "warehouse"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("wh") / "qd.duckdb"
    build(DATA, db)
    return db


def test_build_writes_only_the_target_file(tmp_path: Path) -> None:
    db = tmp_path / "out" / "qd.duckdb"
    build(DATA, db)
    # the temporary file is renamed into place; nothing else is left behind
    assert sorted(p.name for p in db.parent.iterdir()) == ["qd.duckdb"]


def test_failed_build_leaves_previous_database_byte_identical(tmp_path: Path) -> None:
    db = tmp_path / "qd.duckdb"
    build(DATA, db)
    before = sha256(db)
    broken = tmp_path / "broken"
    shutil.copytree(DATA, broken)
    # drop a required column from the register: the file cannot be loaded
    text = (broken / "fleet_register.csv").read_text(encoding="utf-8").splitlines()
    (broken / "fleet_register.csv").write_text(
        "\n".join(",".join(line.split(",")[1:]) for line in text) + "\n", encoding="utf-8"
    )
    with pytest.raises(InputFileError, match=r"fleet_register\.csv.*missing required column vin"):
        build(broken, db)
    assert sha256(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "qd.duckdb"]


def test_failure_after_loading_also_keeps_previous_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "qd.duckdb"
    build(DATA, db)
    before = sha256(db)
    queries = tmp_path / "queries"
    shutil.copytree(Path(__file__).parents[1] / "queries", queries)
    broken = queries / "shared" / "scorecard" / "zz_broken.sql"
    broken.write_text("create view zz_broken as select * from no_such_table;")
    monkeypatch.setattr("qdtransport.queries.queries_dir", lambda: queries)
    with pytest.raises(BuildError, match="zz_broken.sql"):
        build(DATA, db)
    assert sha256(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["qd.duckdb", "queries"]


def test_read_only_second_connection_sees_every_view(built: Path) -> None:
    with duckdb.connect(str(built), read_only=True) as first, duckdb.connect(str(built), read_only=True) as second:
        views = {r[0] for r in first.execute("select view_name from duckdb_views() where not internal").fetchall()}
        for view in sorted(views):
            second.execute(f'select * from "{view}"').fetchall()
    assert {"scorecard", "bus_nev_share_new", "taxi_nev_share_new", "service_area_charger_coverage"} <= views


def test_no_view_reads_a_file_path(built: Path) -> None:
    with duckdb.connect(str(built), read_only=True) as con:
        sqls = [r[0].lower() for r in con.execute("select sql from duckdb_views() where not internal").fetchall()]
    for sql in sqls:
        for reader in ("read_csv", "read_parquet", "read_json", "'/", ".csv'", ".parquet'"):
            assert reader not in sql


def test_every_relation_and_column_has_a_comment(built: Path) -> None:
    with duckdb.connect(str(built), read_only=True) as con:
        uncommented = con.execute(
            "select table_name, column_name from duckdb_columns() "
            "where database_name = current_database() and not internal and (comment is null or comment = '')"
        ).fetchall()
        views = con.execute("select view_name from duckdb_views() "
            "where database_name = current_database() and not internal and comment is null").fetchall()
    assert uncommented == []
    assert views == []


def test_storage_version_is_pinned_for_duckdb_1x(built: Path) -> None:
    # DuckDB's main header: 8 bytes checksum, magic "DUCK", then the storage version number as a
    # little-endian uint64. DuckDB 1.0 and 1.1 write (and read) storage version 64.
    header = built.read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    assert struct.unpack("<Q", header[12:20])[0] == 64


def test_targets_hold_all_six_plan_targets(built: Path) -> None:
    with duckdb.connect(str(built), read_only=True) as con:
        rows = con.execute("select indicator_id, comparator, target_value, unit from targets order by 1").fetchall()
    assert rows == [
        ("bus_nev_share_new", ">=", 1.0, "share"),
        ("green_travel_share", ">", 0.70, "share"),
        ("port_bulk_green_share", ">=", 0.80, "share"),
        ("sea_rail_teu", ">=", 2_200_000.0, "TEU"),
        ("service_area_charger_coverage", ">=", 1.0, "share"),
        ("taxi_nev_share_new", ">=", 0.80, "share"),
    ]


def test_settings_table_records_the_methodology(tmp_path: Path) -> None:
    from dataclasses import replace

    from qdtransport.settings import Settings

    db = tmp_path / "qd.duckdb"
    build(DATA, db, settings=replace(Settings(), nev_powertrains=("BEV",)))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select nev_powertrains from settings").fetchone() == (["BEV"],)
        # with only BEV counted, the 2025 buses (BEV, FCEV) give 1 of 2
        query = "select numerator, denominator from bus_nev_share_new where year = 2025"
        assert con.execute(query).fetchone() == (1, 2)


def test_build_info_reads_dataset_toml(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "dataset.toml").write_text('name = "demo"\nsynthetic = true\nas_of = 2026-01-10\n', encoding="utf-8")
    db = tmp_path / "qd.duckdb"
    build(data, db)
    with duckdb.connect(str(db), read_only=True) as con:
        query = "select dataset_name, synthetic, as_of::varchar from build_info"
        name, synthetic, as_of = con.execute(query).fetchone()
    assert (name, synthetic, as_of) == ("demo", True, "2026-01-10")


@pytest.mark.parametrize("name", ["broken.osm", "broken.osm.pbf"])
def test_unreadable_osm_file_fails_the_build_naming_the_file(tmp_path: Path, name: str) -> None:
    db = tmp_path / "qd.duckdb"
    build(DATA, db)
    before = sha256(db)
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "osm").mkdir()
    (data / "osm" / name).write_bytes(b"<osm version='0.6'><node id='1' lat='36.0'")  # cut off
    with pytest.raises(BuildError, match=name.replace(".", r"\.")):
        build(data, db)
    assert sha256(db) == before


def test_a_database_that_cannot_be_replaced_is_left_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "qd.duckdb"
    build(DATA, db)
    before = sha256(db)

    def locked(source: object, target: object) -> None:  # what Windows does while a reader has it open
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("qdtransport.warehouse.os.replace", locked)
    with pytest.raises(BuildError, match="cannot replace the database"):
        build(DATA, db)
    assert sha256(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["qd.duckdb"]


def test_a_malformed_dataset_toml_is_a_clear_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "dataset.toml").write_text("as_of = 15.01.2026\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"dataset\.toml: not valid TOML"):
        build(data, tmp_path / "qd.duckdb")
    assert not (tmp_path / "qd.duckdb").exists()


def test_a_domain_build_step_failure_is_a_build_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(ingested: object, **options: object) -> dict[str, object]:
        raise DomainBuildError("demo.osm: the network check failed: boom")

    broken = dataclasses.replace(DOMAINS[1], build_tables=failing)
    monkeypatch.setattr("qdtransport.warehouse.DOMAINS", (DOMAINS[0], broken, *DOMAINS[2:]))
    with pytest.raises(BuildError, match="demo.osm: the network check failed: boom"):
        build(DATA, tmp_path / "qd.duckdb")
    assert list(tmp_path.iterdir()) == []
