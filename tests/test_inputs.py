"""Finding a data directory's inputs: table files and folders in any case, the OSM file, notes.

Unknown formats named after a table stop the build, naming the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qdtransport.ingest import load_directory
from qdtransport.inputs import find_inputs
from qdtransport.readers import InputFileError


def test_find_inputs(tmp_path: Path) -> None:
    (tmp_path / "fleet_register.csv").write_text("vin\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "osm").mkdir()
    (tmp_path / "osm" / "qingdao.osm.pbf").write_bytes(b"")
    found, osm_file, notes = find_inputs(tmp_path)
    assert found == {"fleet_register": [tmp_path / "fleet_register.csv"]}
    assert osm_file == tmp_path / "osm" / "qingdao.osm.pbf"
    assert notes == [f"{tmp_path / 'notes.txt'}: not an input table of the contract; ignored"]
    # the same table as a file and as a folder is ambiguous
    (tmp_path / "fleet_register").mkdir()
    with pytest.raises(InputFileError, match="fleet_register is given both as fleet_register.csv and as folder"):
        find_inputs(tmp_path)


def test_table_names_match_whatever_their_case(tmp_path: Path) -> None:
    # a register saved on Windows as Fleet_Register.CSV, and a folder CHARGING_STATIONS/
    (tmp_path / "Fleet_Register.CSV").write_text("vin\n", encoding="utf-8")
    (tmp_path / "CHARGING_STATIONS").mkdir()
    (tmp_path / "CHARGING_STATIONS" / "2024.csv").write_text("station_id\n", encoding="utf-8")
    found, osm_file, notes = find_inputs(tmp_path)
    assert found["fleet_register"] == [tmp_path / "Fleet_Register.CSV"]
    assert found["charging_stations"] == [tmp_path / "CHARGING_STATIONS" / "2024.csv"]
    assert osm_file is None and notes == []


def test_osm_folder_takes_every_ending_the_reader_reads_and_notes_the_rest(tmp_path: Path) -> None:
    (tmp_path / "osm").mkdir()
    (tmp_path / "osm" / "qingdao.osm.xml.gz").write_bytes(b"")
    (tmp_path / "osm" / "qingdao.geojson").write_text("{}", encoding="utf-8")
    found, osm_file, notes = find_inputs(tmp_path)
    assert osm_file == tmp_path / "osm" / "qingdao.osm.xml.gz"
    assert len(notes) == 1 and "qingdao.geojson" in notes[0]



def test_unknown_format_in_a_table_folder_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "sea_rail_monthly"
    folder.mkdir()
    (folder / "2024-01.csv").write_text("month,teu\n2024-01,100\n", encoding="utf-8")
    (folder / "2024-02.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"2024-02\.json: unknown file format"):
        load_directory(tmp_path)


def test_unknown_format_named_after_a_table_names_the_file(tmp_path: Path) -> None:
    # an export saved in a format the loader cannot read must stop the build, not vanish
    (tmp_path / "fleet_register.json").write_text("[]", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"fleet_register\.json: unknown file format"):
        load_directory(tmp_path)


def test_a_compressed_export_named_after_a_table_names_the_file_and_its_format(tmp_path: Path) -> None:
    # fleet_register.csv.gz: its stem is "fleet_register.csv", no table; it must not be passed over
    (tmp_path / "fleet_register.csv.gz").write_bytes(b"\x1f\x8b")
    with pytest.raises(InputFileError, match=r"fleet_register\.csv\.gz: unknown file format '\.csv\.gz'"):
        find_inputs(tmp_path)


def test_a_second_file_named_after_a_table_is_an_error_not_a_skipped_file(tmp_path: Path) -> None:
    # beside fleet_register.csv, an old copy fleet_register.old.csv would otherwise vanish silently
    (tmp_path / "fleet_register.csv").write_text("vin\n", encoding="utf-8")
    (tmp_path / "fleet_register.old.csv").write_text("vin\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"fleet_register\.old\.csv: named after table fleet_register .*folder"):
        find_inputs(tmp_path)
