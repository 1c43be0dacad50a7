"""Readers: encodings, delimiters, header rows below titles, line and sheet-row numbers, formats."""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from qdtransport.readers import (
    InputFileError,
    RawFile,
    decode_text,
    normalise_header,
    read_file,
)

KNOWN = {"vin", "plate", "车辆识别代号", "号牌号码", "注册登记日期"}
"""Normalised header spellings the readers look for (a subset of fleet_register's)."""


def cells(raw: RawFile) -> list[list[str | None]]:
    """The frame's text cells, row by row, without the row number."""
    return [list(row[1:]) for row in raw.frame.rows()]


def numbers(raw: RawFile) -> list[int]:
    return raw.frame["__row"].to_list()


# --- decoding ---------------------------------------------------------------------------------

TEXT = "车辆识别代号,号牌号码\nLZYTBGBW1N1000001,鲁B10001\n"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        # GBK bytes are not valid UTF-8 (车 is 0xB3 0xB5), so the reader falls back to GB18030,
        # which contains GBK
        (TEXT.encode("gbk"), "gb18030"),
        # 㐀 (U+3400) is outside GBK: GB18030 writes it with four bytes
        ((TEXT + "㐀,x\n").encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    ],
)
def test_decode_text_detects_each_encoding(encoded: bytes, encoding: str) -> None:
    text, found = decode_text(encoded, Path("x.csv"))
    assert found == encoding
    assert text.startswith("车辆识别代号,号牌号码\n")  # no BOM left in the text


def test_undecodable_bytes_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    # 0xFF can start neither a UTF-8 nor a GB18030 character
    path.write_bytes(b"vin,plate\n\xff\xff,x\n")
    with pytest.raises(InputFileError, match=r"fleet_register\.csv: cannot decode"):
        read_file(path, KNOWN)


def test_truncated_utf16_is_an_input_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    # a UTF-16 byte-order mark followed by an odd number of bytes
    path.write_bytes(codecs.BOM_UTF16_LE + "vin".encode("utf-16-le") + b"\x00")
    with pytest.raises(InputFileError, match=r"fleet_register\.csv: .*UTF-16"):
        read_file(path, KNOWN)


# --- delimited text ---------------------------------------------------------------------------


def test_title_rows_above_the_header_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_text(
        "青岛市营运车辆登记表（合成示例数据）\n"  # line 1: title
        "导出时间：2024-06-01,,\n"  # line 2: another title row
        "\n"  # line 3: blank
        "车辆识别代号,号牌号码,备注\n"  # line 4: header
        "LZYTBGBW1N1000001,鲁B10001,\n"  # line 5
        "LZYTBGBW3N1000002,鲁B10002,x\n",  # line 6
        encoding="utf-8",
    )
    raw = read_file(path, KNOWN)
    assert raw.header_row == 4
    assert raw.headers == ["车辆识别代号", "号牌号码", "备注"]
    assert numbers(raw) == [5, 6]
    assert cells(raw) == [["LZYTBGBW1N1000001", "鲁B10001", None], ["LZYTBGBW3N1000002", "鲁B10002", "x"]]


def test_line_numbers_count_blank_lines_and_multi_line_cells(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_text(
        "vin,plate,remarks\n"  # line 1
        'A,鲁B1,"two\nlines"\n'  # lines 2-3: one record starting on line 2
        "\n"  # line 4: blank
        "B,鲁B2,\n"  # line 5
        ",,\n"  # line 6: no value in any cell -> skipped and counted as blank
        "C,鲁B3,\n",  # line 7
        encoding="utf-8",
    )
    raw = read_file(path, KNOWN)
    assert numbers(raw) == [2, 5, 7]
    assert cells(raw)[0] == ["A", "鲁B1", "two\nlines"]
    assert raw.blank_rows == 1


def test_line_numbers_without_quotes(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_text("vin,plate\n\nA,鲁B1\n\n\nB,鲁B2\n", encoding="utf-8")
    # header on line 1; data on lines 3 and 6
    assert numbers(read_file(path, KNOWN)) == [3, 6]


@pytest.mark.parametrize(("suffix", "delimiter"), [(".csv", "\t"), (".tsv", "\t"), (".txt", ";"), (".csv", "|")])
def test_delimiter_is_detected(tmp_path: Path, suffix: str, delimiter: str) -> None:
    path = tmp_path / f"fleet_register{suffix}"
    # the values hold commas, which must not be taken for the delimiter
    rows = [["vin", "plate", "operator"], ["A", "鲁B1", "合成公交,一公司"], ["B", "鲁B2", "x,y"]]
    path.write_text("\n".join(delimiter.join(r) for r in rows) + "\n", encoding="utf-8")
    raw = read_file(path, KNOWN)
    assert raw.headers == ["vin", "plate", "operator"]
    assert cells(raw) == [["A", "鲁B1", "合成公交,一公司"], ["B", "鲁B2", "x,y"]]


def test_cells_are_nfkc_normalised_trimmed_and_null_spellings_become_null(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_text(
        "vin,plate,a,b,c,d\n"
        # full-width letters and digits become ASCII (NFKC); an ideographic space is trimmed;
        # '-', 'NULL', 'n/a' and '/' are the usual ways exports write "no value"
        "ＬＺＹ１２３,\u3000鲁B1\u3000,-,NULL,n/a,/\n",
        encoding="utf-8",
    )
    assert cells(read_file(path, KNOWN)) == [["LZY123", "鲁B1", None, None, None, None]]


def test_rows_longer_than_the_header_are_set_apart(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_text(
        "vin,plate\n"
        "A,鲁B1,,\n"  # line 2: extra cells, all empty -> an ordinary row
        "B,鲁B2,oops\n"  # line 3: a value beyond the last header -> ragged
        "C\n",  # line 4: short row -> padded with an empty cell
        encoding="utf-8",
    )
    raw = read_file(path, KNOWN)
    assert numbers(raw) == [2, 4]
    assert cells(raw) == [["A", "鲁B1"], ["C", None]]
    assert raw.ragged_rows == [(3, ["B", "鲁B2", "oops"])]


def test_empty_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_bytes(b"")
    with pytest.raises(InputFileError, match=r"fleet_register\.csv: the file is empty"):
        read_file(path, KNOWN)


def test_unknown_suffix_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"fleet_register\.json: unknown file format '\.json'"):
        read_file(path, KNOWN)


def test_size_and_sha256_are_of_the_stored_bytes(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_bytes(b"vin\nA\n")
    raw = read_file(path, KNOWN)
    assert raw.size_bytes == 6
    # sha256 of the six bytes "vin\nA\n", from `printf 'vin\nA\n' | sha256sum`
    assert raw.sha256 == "14cceb996e847382415213ca0f602f90f8531720e65011a6c2c2a0f094970e54"


# --- Excel and Parquet ------------------------------------------------------------------------


def test_excel_header_row_and_row_numbers_are_sheet_rows(tmp_path: Path, write_sheet: Callable[..., None]) -> None:
    path = tmp_path / "fleet_register.xlsx"
    write_sheet(
        path,
        {
            1: ["青岛市营运车辆登记表（合成示例数据）"],  # title; row 2 is empty
            3: ["车辆识别代号", "号牌号码", "注册登记日期"],  # header
            4: ["LZYTBGBW1N1000001", "鲁B10001", dt.date(2024, 5, 6)],  # a date cell
            # row 5 is empty
            6: ["LZYTBGBW3N1000002", "鲁B10002", dt.datetime(2024, 5, 6, 13, 45)],
            7: ["LZYTBGBW5N1000003", "鲁B10003", 45418],  # a serial day number typed as a number
        },
    )
    raw = read_file(path, KNOWN)
    assert raw.format == "excel"
    assert raw.header_row == 3
    assert numbers(raw) == [4, 6, 7]
    assert raw.blank_rows == 1
    # date cells come out as ISO text; a plain number stays a number
    assert [row[2] for row in cells(raw)] == ["2024-05-06 00:00:00", "2024-05-06 13:45:00", "45418"]


def test_excel_sheet_starting_below_row_one(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    # nothing in rows 1-2 nor in column A: the used range starts at B3
    sheet["B3"], sheet["C3"] = "vin", "plate"
    sheet["B4"], sheet["C4"] = "A", "鲁B1"
    book.save(path)
    raw = read_file(path, KNOWN)
    assert raw.header_row == 3
    assert numbers(raw) == [4]
    assert cells(raw) == [["A", "鲁B1"]]


def test_unreadable_workbook_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.xlsx"
    path.write_bytes(b"this is not a zip archive")
    with pytest.raises(InputFileError, match=r"fleet_register\.xlsx: cannot read the workbook"):
        read_file(path, KNOWN)


def test_parquet_typed_columns_become_text(tmp_path: Path) -> None:
    path = tmp_path / "charging_stations.parquet"
    pl.DataFrame(
        {
            "station_id": ["CS01", "CS02"],
            "dc_connectors": pl.Series([4, 0], dtype=pl.Int32),
            "commissioned_date": [dt.date(2024, 5, 6), None],
            "max_power_kw": [120.5, 60.0],
        }
    ).write_parquet(path)
    raw = read_file(path, set())
    assert raw.format == "parquet" and raw.encoding is None
    assert raw.headers == ["station_id", "dc_connectors", "commissioned_date", "max_power_kw"]
    assert numbers(raw) == [1, 2]  # record numbers
    assert cells(raw) == [["CS01", "4", "2024-05-06", "120.5"], ["CS02", "0", None, "60.0"]]


# --- header spellings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "normalised"),
    [
        ("vin", "vin"),
        (" VIN ", "vin"),
        ("Registration Date", "registrationdate"),
        ("REGISTRATION_DATE", "registrationdate"),
        ("\ufeffvin", "vin"),  # a BOM left on the first header
        ("最大功率（kW）", "最大功率"),  # full-width brackets (NFKC) around a unit
        ("最大功率(kw)", "最大功率"),
        ("ＶＩＮ", "vin"),  # full-width letters
    ],
)
def test_normalise_header(header: str, normalised: str) -> None:
    assert normalise_header(header) == normalised
