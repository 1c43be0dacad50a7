"""Bad input: files that stop the build, rows that go to ``rejects``, and the load manifest.

A file that cannot be read at all stops the build with one message naming the file and leaves the
previous database byte-identical. A bad row never stops the build: it goes to ``rejects`` with its
source file, line, table, raw row, reason code and readable reason. Every file reconciles:
rows_read = rows_loaded + rows_rejected + duplicates_collapsed, with its path, size and sha256.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import openpyxl
import pytest

from qdtransport.cli import main
from tests.contract.helpers import build_db, rows, vin, write_csv

HEADER = ["vin", "plate", "use_type", "powertrain", "registration_date", "urban_built_up"]
GOOD = [vin(1), "鲁BD00001", "bus", "BEV", "2024-02-01", "true"]


@pytest.fixture
def previous_db(tmp_path: Path) -> Path:
    """A good database built from a one-row register, to be left untouched by failed builds."""
    write_csv(tmp_path / "good" / "fleet_register.csv", HEADER, [GOOD])
    return build_db(tmp_path / "good", tmp_path / "out" / "warehouse.duckdb")


def _fails_naming_file(data_dir: Path, db: Path, file_name: str, capsys: pytest.CaptureFixture[str]) -> str:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    code = main(["build", "--data", str(data_dir), "--db", str(db), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error")]
    assert len(errors) == 1, err
    assert file_name in errors[0]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]  # no leftovers beside it
    return errors[0]


def test_missing_required_column_stops_the_build(
    tmp_path: Path, previous_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_csv(tmp_path / "bad" / "fleet_register.csv", [h for h in HEADER if h != "plate"], [GOOD[:1] + GOOD[2:]])
    message = _fails_naming_file(tmp_path / "bad", previous_db, "fleet_register.csv", capsys)
    assert "plate" in message


@pytest.mark.parametrize("content", [b"", b"\n\n", b"\xef\xbb\xbf"], ids=["zero_bytes", "blank_lines", "bom_only"])
def test_empty_header_stops_the_build(
    tmp_path: Path, previous_db: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "service_areas.csv").write_bytes(content)
    _fails_naming_file(tmp_path / "bad", previous_db, "service_areas.csv", capsys)


@pytest.mark.parametrize("name", ["fleet_register.xlsx", "fleet_register.parquet"])
def test_unreadable_format_stops_the_build(
    tmp_path: Path, previous_db: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / name).write_bytes(b"this is not a workbook nor a parquet file\n" * 3)
    _fails_naming_file(tmp_path / "bad", previous_db, name, capsys)


# The register below has 9 data rows (lines 2-10 of the file):
#   line 2  good                                   -> loaded
#   line 3  registration date 2024-13-45          -> rejected (unparseable date)
#   line 4  VIN with a wrong check digit           -> rejected (check digit)
#   line 5  use_type "spaceship"                   -> rejected (value outside its domain)
#   line 6  exact copy of line 2                   -> collapsed duplicate
#   line 7  same key as line 8, other plate        -> rejected (conflicting duplicate)
#   line 8  same key as line 7                     -> rejected (conflicting duplicate)
#   line 9  good                                   -> loaded
#   line 10 plate missing (required)               -> rejected
# rows read 9 = loaded 2 + rejected 6 + duplicates 1
def _bad_vin() -> str:
    good = vin(3)
    wrong = "0" if good[8] != "0" else "1"
    return good[:8] + wrong + good[9:]


REGISTER = [
    GOOD,
    [vin(2), "鲁B00002", "bus", "DIESEL", "2024-13-45", "true"],
    [_bad_vin(), "鲁B00003", "bus", "DIESEL", "2024-02-01", "true"],
    [vin(4), "鲁B00004", "spaceship", "DIESEL", "2024-02-01", "true"],
    GOOD,
    [vin(5), "鲁B00005", "bus", "DIESEL", "2024-02-01", "true"],
    [vin(5), "鲁B00055", "bus", "DIESEL", "2024-02-01", "true"],
    [vin(6), "鲁BD00006", "cruising_taxi", "BEV", "2024-02-01", "false"],
    [vin(7), "", "bus", "DIESEL", "2024-02-01", "true"],
]


@pytest.fixture
def rejects_db(tmp_path: Path) -> Path:
    write_csv(tmp_path / "data" / "fleet_register.csv", HEADER, REGISTER)
    write_csv(tmp_path / "data" / "port_bulk_flows.csv", ["month", "cargo", "flow", "mode", "tonnes"],
              [["2024-01", "coal", "to_port", "rail", 100], ["2024-01", "coal", "to_port", "truck_diesel", -5]])
    return build_db(tmp_path / "data")


def test_bad_rows_go_to_rejects_with_their_source(rejects_db: Path) -> None:
    found = rows(rejects_db, "select * from rejects order by table_name, source_row")
    fleet = [r for r in found if r["table_name"] == "fleet_register"]
    assert [r["source_row"] for r in fleet] == [3, 4, 5, 7, 8, 10]
    for reject in found:
        assert reject["source_file"].endswith(f"{reject['table_name']}.csv")
        assert reject["reason_code"]
        assert reject["reason"]
    raw = json.loads(fleet[0]["raw_row"])
    assert raw["registration_date"] == "2024-13-45"
    assert raw["vin"] == vin(2)
    assert json.loads(fleet[1]["raw_row"])["vin"] == _bad_vin()
    assert json.loads(fleet[2]["raw_row"])["use_type"] == "spaceship"
    (negative,) = [r for r in found if r["table_name"] == "port_bulk_flows"]
    assert negative["source_row"] == 3
    assert json.loads(negative["raw_row"])["tonnes"] == "-5"


def test_reject_reason_codes_tell_problems_apart(rejects_db: Path) -> None:
    codes = {r["source_row"]: r["reason_code"] for r in rows(
        rejects_db, "select source_row, reason_code from rejects where table_name = 'fleet_register'")}
    assert codes[7] == codes[8]
    assert len({codes[3], codes[4], codes[5], codes[7], codes[10]}) == 5


def test_every_file_reconciles_in_the_manifest(rejects_db: Path) -> None:
    manifest = {r["table_name"]: r for r in rows(rejects_db, "select * from load_manifest")}
    fleet = manifest["fleet_register"]
    assert (fleet["rows_read"], fleet["rows_loaded"], fleet["rows_rejected"], fleet["duplicates_collapsed"]) == (
        9, 2, 6, 1)
    bulk = manifest["port_bulk_flows"]
    assert (bulk["rows_read"], bulk["rows_loaded"], bulk["rows_rejected"], bulk["duplicates_collapsed"]) == (
        2, 1, 1, 0)
    for entry in manifest.values():
        path = Path(entry["path"])
        assert path.is_file()
        assert entry["size_bytes"] == path.stat().st_size
        assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert entry["rows_read"] == entry["rows_loaded"] + entry["rows_rejected"] + entry["duplicates_collapsed"]
    assert rows(rejects_db, "select count(*) as n from fleet_register")[0]["n"] == 2


def test_table_file_of_unknown_format_stops_the_build(
    tmp_path: Path, previous_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # fleet_register.csv.gz is named after a table but is no format the contract reads
    write_csv(tmp_path / "bad" / "fleet_register.csv.gz", HEADER, [GOOD])
    _fails_naming_file(tmp_path / "bad", previous_db, "fleet_register.csv.gz", capsys)


def test_workbook_missing_required_column_stops_the_build(
    tmp_path: Path, previous_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad").mkdir()
    book = openpyxl.Workbook()
    book.active.append(["vin", "plate", "use_type", "powertrain", "registration_date"])
    book.active.append(GOOD[:5])
    book.save(tmp_path / "bad" / "fleet_register.xlsx")
    message = _fails_naming_file(tmp_path / "bad", previous_db, "fleet_register.xlsx", capsys)
    assert "urban_built_up" in message


def test_empty_workbook_stops_the_build(
    tmp_path: Path, previous_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad").mkdir()
    openpyxl.Workbook().save(tmp_path / "bad" / "travel_survey_trips.xlsx")
    _fails_naming_file(tmp_path / "bad", previous_db, "travel_survey_trips.xlsx", capsys)
