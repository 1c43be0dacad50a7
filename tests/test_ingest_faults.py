"""Malformed inputs and process faults: nothing is changed or lost without a word.

Every input here is synthetic and written by the test. VINs follow tests/data/ingest/README.md:
``LZYTBGBW`` + check digit + ``N10000`` + two digits ``ef``, check digit (10 + 3e + 2f) mod 11, so
…01 -> 1, …02 -> 3, …03 -> 5, …04 -> 7.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import duckdb
import openpyxl
import polars as pl
import pytest

from qdtransport.domains import TABLES
from qdtransport.ingest import load_directory, load_table
from qdtransport.readers import InputFileError
from qdtransport.warehouse import BuildError, build

FLEET = TABLES["fleet_register"]
WAREHOUSE = Path(__file__).parent / "data" / "warehouse"
HEADER = "vin,plate,use_type,powertrain,registration_date,urban_built_up"
VINS = ["LZYTBGBW1N1000001", "LZYTBGBW3N1000002", "LZYTBGBW5N1000003", "LZYTBGBW7N1000004"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qdtransport.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", check=False)


def only(frame: pl.DataFrame, *columns: str) -> list[tuple]:
    return frame.sort("source_row").select(columns).rows()


# --- 1. encodings, and plates that cannot be plates ------------------------------------------


def test_a_utf8_file_with_one_gbk_cell_keeps_its_utf8_values_and_rejects_that_line(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_bytes(
        (HEADER + ",district\n").encode()
        + f"{VINS[0]},鲁B00001D,bus,BEV,2024-05-06,是,市南区\n".encode()  # line 2
        + f"{VINS[1]},鲁B00002D,bus,BEV,2024-05-06,是,".encode() + "市北区".encode("gbk") + b"\n"  # line 3
        + f"{VINS[2]},鲁BD00003,bus,BEV,2024-05-06,是,李沧区\n".encode()  # line 4
    )
    load = load_table(FLEET, [path], data_dir=tmp_path)
    # read as UTF-8, every Chinese value stays as written (GB18030 would give 椴丅00001D)
    expected = [(2, "鲁B00001D", "市南区"), (4, "鲁BD00003", "李沧区")]
    assert only(load.frame, "source_row", "plate", "district") == expected
    reject = load.rejects.row(0, named=True)
    assert (reject["source_row"], reject["reason_code"]) == (3, "undecodable_line")
    # 市 is CA D0 in GBK; CA starts a two-byte UTF-8 character that D0 cannot continue
    assert reject["reason"].startswith("line 3 does not decode as UTF-8")
    assert "0xCA" in reject["reason"]
    assert "\\xca" in json.loads(reject["raw_row"])[0]  # the undecodable byte, shown not dropped
    manifest = load.manifest.row(0, named=True)
    assert (manifest["encoding"], manifest["rows_read"], manifest["rows_loaded"], manifest["rows_rejected"]) == (
        "utf-8", 3, 2, 1,
    )


def test_a_gbk_file_whose_chinese_happens_to_be_valid_utf8_is_read_as_gbk(tmp_path: Path) -> None:
    # 鲁 is C2 B3 in GBK, which UTF-8 reads as ³: the file is valid UTF-8 but makes no sense as it
    path = tmp_path / "fleet_register.csv"
    text = f"{HEADER}\n{VINS[0]},鲁B12345,bus,DIESEL,2024-05-06,1\n{VINS[1]},鲁B12346,bus,DIESEL,2024-05-06,0\n"
    assert text.encode("gbk").decode("utf-8").count("³") == 2
    path.write_bytes(text.encode("gbk"))
    load = load_table(FLEET, [path], data_dir=tmp_path)
    assert only(load.frame, "plate") == [("鲁B12345",), ("鲁B12346",)]
    assert load.manifest["encoding"].item() == "gb18030"


@pytest.mark.parametrize("plate", ["椴丅00001D", "³B12345", "鲁B1234", "B12345", "鲁B123456"])
def test_a_plate_that_is_not_of_ga36_form_is_rejected(tmp_path: Path, plate: str) -> None:
    # GA 36: province character, office letter, 5 characters (6 on new-energy plates, D/F)
    path = tmp_path / "fleet_register.csv"
    path.write_text(f"{HEADER}\n{VINS[0]},{plate},bus,DIESEL,2024-05-06,是\n", encoding="utf-8")
    load = load_table(FLEET, [path], data_dir=tmp_path)
    assert load.frame.height == 0
    assert load.rejects["reason_code"].to_list() == ["bad_plate"]
    # the reason shows the cell as parsed (NFKC: ³ reads 3), the raw row as written
    shown = unicodedata.normalize("NFKC", plate)
    assert load.rejects["reason"].item().startswith(f"plate '{shown}' is not a GA 36 number plate")
    assert json.loads(load.rejects["raw_row"].item())["plate"] == plate


def test_a_utf8_byte_order_mark_followed_by_gbk_rows_reads_the_rows_as_gbk_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    header = "车辆识别代号,号牌号码,使用性质,动力类型,注册登记日期,是否建成区"
    text = f"{header}\n{VINS[0]},鲁B12345,公交客运,柴油,2024-05-06,是\n"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("gbk"))
    load = load_table(FLEET, [path], data_dir=tmp_path)
    assert only(load.frame, "plate", "use_type", "powertrain") == [("鲁B12345", "bus", "DIESEL")]
    assert load.manifest["encoding"].item() == "gb18030"
    assert any("byte-order mark" in note and "fleet_register.csv" in note for note in load.notes)


def test_a_file_that_is_no_text_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    (tmp_path / "sea_rail_monthly.csv").write_bytes(b"month,teu\n2024-01,1\n\xff\xfe\xff,2\n")
    with pytest.raises(InputFileError, match=r"sea_rail_monthly\.csv: cannot decode .*\(line 3, byte 0xFF\)"):
        load_directory(tmp_path)


# --- 2. an unclosed quote ---------------------------------------------------------------------


def test_a_quote_left_open_is_rejected_naming_the_lines_it_swallowed(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_text(
        f"{HEADER},remarks\n"
        f'{VINS[0]},鲁B00001,bus,DIESEL,2024-05-06,是,"two\nlines"\n'  # lines 2-3: a real multi-line cell
        f'{VINS[1]},鲁B00002,bus,DIESEL,2024-05-06,是,"left open\n'  # line 4: the quote never closes
        f"{VINS[2]},鲁B00003,bus,DIESEL,2024-05-06,是,\n"  # line 5
        f"{VINS[3]},鲁B00004,bus,DIESEL,2024-05-06,是,\n",  # line 6
        encoding="utf-8",
    )
    load = load_table(FLEET, [path], data_dir=tmp_path)
    assert only(load.frame, "source_row", "vin") == [(2, VINS[0])]
    reject = load.rejects.row(0, named=True)
    assert (reject["source_row"], reject["reason_code"]) == (4, "runaway_quote")
    # lines 5 and 6 hold 6 delimiters each: two rows' worth went into the remark
    assert "opened on line 4" in reject["reason"] and "swallowed lines 5-6" in reject["reason"]
    assert VINS[3] in reject["raw_row"]
    counts = load.manifest.select("rows_read", "rows_loaded", "rows_rejected").row(0)
    assert counts == (2, 1, 1)


# --- 3. a cell longer than the csv module's limit ---------------------------------------------


def test_an_oversized_cell_is_a_row_reject_not_a_stopped_build(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    long_text = "长" * 200_000
    path.write_text(
        f"{HEADER},operator\n"
        f'{VINS[0]},鲁B00001,bus,DIESEL,2024-05-06,是,"{long_text}"\n'  # line 2
        f'{VINS[1]},鲁B00002,bus,DIESEL,2024-05-06,是,"合成公交"\n',  # line 3
        encoding="utf-8",
    )
    load = load_table(FLEET, [path], data_dir=tmp_path)
    assert only(load.frame, "source_row", "operator") == [(3, "合成公交")]
    reject = load.rejects.row(0, named=True)
    assert (reject["source_row"], reject["reason_code"]) == (2, "field_too_long")
    assert reject["reason"] == "operator holds 200,000 characters, more than the 131,072 a cell may hold"
    assert json.loads(reject["raw_row"])["operator"] == long_text  # kept whole


# --- 4. Excel error cells ---------------------------------------------------------------------


def test_excel_error_cells_are_named_kept_in_the_raw_row_and_never_read_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*HEADER.split(","), "district"])
    sheet.append(["#N/A", "鲁B00001", "bus", "DIESEL", "2024-05-06", "是", "市南区"])  # row 2
    sheet.append([VINS[1], "鲁B00002", "bus", "DIESEL", "2024-05-06", "是", "#DIV/0!"])  # row 3
    sheet["A2"].data_type = "e"
    sheet["G3"].data_type = "e"
    book.save(path)
    load = load_table(FLEET, [path], data_dir=tmp_path)
    # required vin holds an error: rejected, naming the error
    reject = load.rejects.row(0, named=True)
    assert (reject["source_row"], reject["reason_code"]) == (2, "excel_error")
    assert reject["reason"] == "vin holds the Excel error #N/A (no value available)"
    assert json.loads(reject["raw_row"])["vin"] == "#N/A"
    # optional district holds an error: loaded without a district, with a warning
    assert only(load.frame, "source_row", "district") == [(3, None)]
    warning = load.warnings.row(0, named=True)
    assert (warning["source_row"], warning["warning_code"]) == (3, "excel_error")
    assert warning["warning"] == "district holds the Excel error #DIV/0! (division by zero); treated as an empty cell"
    assert json.loads(warning["raw_row"])["district"] == "#DIV/0!"


def test_excel_error_text_in_a_csv_export_is_named_too(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_text(f"{HEADER}\n{VINS[0]},鲁B00001,bus,DIESEL,#REF!,是\n", encoding="utf-8")
    load = load_table(FLEET, [path], data_dir=tmp_path)
    assert load.rejects.select("reason_code", "reason").row(0) == (
        "excel_error", "registration_date holds the Excel error #REF! (reference to a deleted cell)",
    )


# --- 5. a --db that is not a DuckDB file, and offline connections ------------------------------


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Path:
    import sqlite3

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as con:
        con.execute("create table t (x integer)")
    return path


def test_scorecard_on_an_sqlite_file_is_one_line_naming_it(sqlite_file: Path) -> None:
    result = run_cli("scorecard", "--db", str(sqlite_file))
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {sqlite_file}: not a DuckDB database file (an SQLite database)"


def test_build_refuses_to_replace_a_file_that_is_not_a_duckdb_database(sqlite_file: Path) -> None:
    before = sqlite_file.read_bytes()
    with pytest.raises(BuildError, match=r"other\.db: not a DuckDB database file \(an SQLite database\)"):
        build(WAREHOUSE, sqlite_file)
    assert sqlite_file.read_bytes() == before


def test_every_connection_turns_off_extension_autoinstall_and_autoload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configs: list[dict] = []
    real_connect = duckdb.connect

    def recording(*args: object, **kwargs: object) -> duckdb.DuckDBPyConnection:
        configs.append(dict(kwargs.get("config") or {}))
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(duckdb, "connect", recording)
    from qdtransport.scorecard import read_scorecard

    db = tmp_path / "qd.duckdb"
    build(WAREHOUSE, db)
    read_scorecard(db)
    assert len(configs) >= 2
    for config in configs:
        assert config["autoinstall_known_extensions"] is False
        assert config["autoload_known_extensions"] is False


# --- 6. links that lead nowhere -----------------------------------------------------------------


def test_a_dangling_link_named_like_a_table_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "fleet_register.csv").symlink_to(tmp_path / "exports" / "missing.csv")
    with pytest.raises(InputFileError, match=r"fleet_register\.csv: cannot be opened: it links to .*missing\.csv"):
        load_directory(tmp_path)


def test_a_link_loop_in_a_table_folder_is_an_error_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "sea_rail_monthly"
    folder.mkdir()
    (folder / "2024-01.csv").write_text("month,teu\n2024-01,1\n", encoding="utf-8")
    (folder / "2024-02.csv").symlink_to(folder / "2024-02.csv")
    with pytest.raises(InputFileError, match=r"2024-02\.csv: cannot be opened: a symbolic link loop"):
        load_directory(tmp_path)


# --- 7. leftovers of killed builds ---------------------------------------------------------------


def test_the_next_build_removes_leftovers_of_dead_builds_and_says_so(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        db = tmp_path / "qd.duckdb"
        stale = [tmp_path / f".qd.duckdb.building-{dead.pid}", tmp_path / f".qd.duckdb.building-{dead.pid}.wal"]
        running = tmp_path / f".qd.duckdb.building-{alive.pid}"
        for path in [*stale, running]:
            path.write_bytes(b"partial")
        lines: list[str] = []
        build(WAREHOUSE, db, progress=lines.append)
        assert not any(p.exists() for p in stale)
        assert running.exists()  # another build may still be writing it
        removed = [line for line in lines if "removed" in line]
        assert len(removed) == 2 and all(f"build process {dead.pid}, which is no longer running" in x for x in removed)
    finally:
        alive.kill()
        alive.wait()


# --- 8. every error names the file (and line) ----------------------------------------------------


def test_malformed_settings_toml_names_the_file_and_line(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('nev_powertrains = ["BEV"\nteu_factor_45ft = 2.0\n', encoding="utf-8")
    db = tmp_path / "qd.duckdb"
    result = run_cli("build", "--data", str(WAREHOUSE), "--db", str(db), "--settings", str(settings))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {settings}: not valid TOML") and "line 2" in lines[0]


def test_a_db_whose_folder_is_a_file_names_that_file(tmp_path: Path) -> None:
    blocker = tmp_path / "exports"
    blocker.write_text("not a folder\n", encoding="utf-8")
    result = run_cli("build", "--data", str(WAREHOUSE), "--db", str(blocker / "qd.duckdb"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: {blocker / 'qd.duckdb'}: cannot create the database there: {blocker} is a file, not a folder"
    )


# --- 9. dates after the extract date -------------------------------------------------------------


def _register(folder: Path, dates: list[str]) -> None:
    folder.mkdir(exist_ok=True)
    rows = [f"{VINS[i]},鲁B0000{i + 1},bus,DIESEL,{date},是" for i, date in enumerate(dates)]
    (folder / "fleet_register.csv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")


def test_a_date_after_the_extract_date_is_rejected(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _register(data, ["2026-01-15", "2026-01-16", "2099-01-01"])  # lines 2, 3, 4
    (data / "dataset.toml").write_text("as_of = 2026-01-15\n", encoding="utf-8")
    db = tmp_path / "qd.duckdb"
    build(data, db)
    with duckdb.connect(str(db), read_only=True) as con:
        loaded = con.execute("select source_row from fleet_register").fetchall()
        rejects = con.execute("select source_row, reason_code, reason from rejects order by 1").fetchall()
        years = con.execute("select distinct year from scorecard where year > 2026").fetchall()
    assert loaded == [(2,)]  # the extract day itself is fine
    after = "is after the extract date 2026-01-15 (dataset.toml as_of)"
    assert rejects == [
        (3, "after_extract_date", f"registration_date 2026-01-16 {after}"),
        (4, "after_extract_date", f"registration_date 2099-01-01 {after}"),
    ]
    assert years == []


def test_without_as_of_the_build_date_is_the_extract_date(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _register(data, ["2024-05-06", "2099-01-01"])
    load = load_directory(data)
    rejects = load.rejects.select("source_row", "reason_code").rows()
    assert rejects == [(3, "after_extract_date")]
    assert load.rejects["reason"].item().endswith(f"after the extract date {dt.date.today()} (the build date)")


# --- 10. reasons that say what is wrong; hidden sheets ------------------------------------------


def test_a_container_number_with_a_wrong_category_letter_says_so(tmp_path: Path) -> None:
    # CSQA3054383: C=13, S=30, Q=28, A=10, digits 3 0 5 4 3 8, weights 1, 2, 4, … 512:
    # 13 + 60 + 112 + 80 + 48 + 0 + 320 + 512 + 768 + 4096 = 6009 = 546 * 11 + 3 -> check digit 3 is
    # right; only the category letter (A, not U/J/Z) is wrong
    path = tmp_path / "sea_rail_moves.csv"
    path.write_text(
        "move_id,container_no,iso_type,full_empty,direction,move_time\n"
        "M1,CSQA3054383,22G1,F,rail_to_ship,2024-05-06 08:30\n",
        encoding="utf-8",
    )
    load = load_table(TABLES["sea_rail_moves"], [path], data_dir=tmp_path)
    assert load.rejects.select("reason_code", "reason").row(0) == (
        "bad_container_no",
        "container_no 'CSQA3054383' has category letter A; ISO 6346 allows U (freight container), "
        "J (detachable equipment) or Z (trailer or chassis)",
    )


def test_hidden_and_very_hidden_sheets_are_noted(tmp_path: Path, write_sheet: Callable[..., None]) -> None:
    path = tmp_path / "sea_rail_monthly.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "1月"
    book.active.append(["月份", "标准箱"])
    book.active.append(["2024-01", 100])
    secret = book.create_sheet("2月")
    secret.append(["月份", "标准箱"])
    secret.append(["2024-02", 200])
    secret.sheet_state = "veryHidden"
    book.save(path)
    load = load_table(TABLES["sea_rail_monthly"], [path], data_dir=tmp_path)
    assert sorted(load.frame["month"].to_list()) == ["2024-01", "2024-02"]
    assert load.notes == [f"{path}: sheet '2月' is very hidden (only a macro can show it); read as data"]


# --- settings reach the row rules ------------------------------------------------------------------


def test_build_settings_reach_the_plate_powertrain_rule(tmp_path: Path) -> None:
    from dataclasses import replace

    from qdtransport.settings import Settings

    data = tmp_path / "data"
    data.mkdir()
    # a plug-in hybrid on a small new-energy plate (D/F after the office letter)
    row = f"{VINS[0]},鲁BF12345,bus,PHEV,2024-05-06,是"
    (data / "fleet_register.csv").write_text(f"{HEADER}\n{row}\n", encoding="utf-8")
    warnings = {}
    for label, settings in (("default", Settings()), ("bev_only", replace(Settings(), nev_powertrains=("BEV",)))):
        db = tmp_path / f"{label}.duckdb"
        build(data, db, settings=settings)
        with duckdb.connect(str(db), read_only=True) as con:
            warnings[label] = con.execute("select warning_code, warning from data_quality_warnings").fetchall()
    # PHEV is new-energy by default; with only BEV counted, the new-energy plate does not match
    assert warnings == {
        "default": [],
        "bev_only": [("plate_powertrain_mismatch", "new-energy plate 鲁BF12345 but powertrain PHEV")],
    }


def test_a_build_without_an_osm_file_does_not_import_osmnx_or_geopandas(tmp_path: Path) -> None:
    code = (
        "import sys; from qdtransport.warehouse import build; "
        f"build({str(WAREHOUSE)!r}, {str(tmp_path / 'qd.duckdb')!r}); "
        "print(sorted(m for m in ('osmnx', 'geopandas', 'altair') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- files with a header and no rows -------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_file_with_headers_and_no_rows_loads_nothing_and_builds(tmp_path: Path, name: str) -> None:
    # an export of an empty period: the header line alone. Nothing to load, nothing to reject.
    data = tmp_path / "data"
    data.mkdir()
    header = ",".join(column.name for column in TABLES[name].columns)
    (data / f"{name}.csv").write_text(header + "\n", encoding="utf-8")
    result = build(data, tmp_path / "empty.duckdb")
    with duckdb.connect(str(tmp_path / "empty.duckdb"), read_only=True) as con:
        assert con.execute(f"select count(*) from {name}").fetchone() == (0,)
        assert con.execute("select count(*) from rejects").fetchone() == (0,)
    assert result is not None
