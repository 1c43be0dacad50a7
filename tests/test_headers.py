"""A file's headers onto the contract, and the header problems that stop the build.

Chinese aliases in every encoding, English headers in any case and spacing; a required column
missing, an empty header over values, two headers for one column.

``tests/data/ingest/chinese/fleet_register.csv`` is synthetic; line numbers are the file's own.
"""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from ingest_rows import DATA, FLEET

from qdtransport.domains import TABLES
from qdtransport.ingest import load_table
from qdtransport.readers import InputFileError

D = dt.date

CHINESE = (DATA / "chinese" / "fleet_register.csv").read_text(encoding="utf-8")

# chinese/fleet_register.csv, lines 3-14: every spelling of 使用性质 and 动力类型 in the contract
CHINESE_EXPECTED = [
    # (line, use_type, powertrain, urban_built_up)
    (3, "bus", "BEV", True),  # 公交客运, 纯电动, 是
    (4, "cruising_taxi", "PHEV", True),  # 巡游出租客运, 插电式混合动力
    (5, "cruising_taxi", "EREV", False),  # 出租客运, 增程式, 否
    (6, "ride_hailing", "FCEV", True),  # 预约出租客运, 燃料电池
    (7, "other", "HEV", False),  # 其他, 油电混合
    (8, "bus", "PETROL", True),  # 汽油
    (9, "cruising_taxi", "DIESEL", True),  # 柴油
    (10, "cruising_taxi", "CNG", False),  # 压缩天然气
    (11, "ride_hailing", "LNG", True),  # 液化天然气
    (12, "other", "LPG", False),  # 液化石油气
    (13, "bus", "METHANOL", True),  # 甲醇
    (14, "cruising_taxi", "OTHER", True),  # 其他
]


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (CHINESE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CHINESE.encode("utf-8"), "utf-8-sig"),
        (CHINESE.encode("gbk"), "gb18030"),  # read with GB18030, which contains GBK
        (CHINESE.encode("gb18030"), "gb18030"),
        (CHINESE.replace(",", "\t").encode("gbk"), "gb18030"),  # tab-delimited GBK text
    ],
    ids=["utf-8", "utf-8-bom", "gbk", "gb18030", "gbk-tab"],
)
def test_chinese_headers_and_values_in_every_encoding(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_bytes(encoded)
    loaded = load_table(FLEET, [path], data_dir=tmp_path)
    assert loaded.rejects.height == 0 and loaded.warnings.height == 0
    frame = loaded.frame.sort("source_row")
    assert frame.select("source_row", "use_type", "powertrain", "urban_built_up").rows() == CHINESE_EXPECTED
    first = frame.row(0, named=True)
    expected = ("LZYTBGBW5N1000020", "鲁BD20020", D(2024, 1, 1))
    assert (first["vin"], first["plate"], first["registration_date"]) == expected
    assert (first["district"], first["operator"]) == ("市南区", "合成公交公司")
    assert frame.filter(pl.col("source_row") == 10)["deregistration_date"].item() == D(2024, 6, 30)
    manifest = loaded.manifest.row(0, named=True)
    assert (manifest["encoding"], manifest["header_row"], manifest["rows_read"]) == (encoding, 2, 12)


def test_english_headers_in_any_case_with_spaces(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_text(
        " VIN ,Plate,USE_TYPE,PowerTrain,Registration Date,urban_built_up \n"
        # full-width digits and letters are read as ASCII (NFKC); LZYTBGBW7N1000021 has check digit
        # (10 + 3*2 + 2*1) mod 11 = 7
        "ＬＺＹＴＢＧＢＷ７Ｎ１００００２１,鲁B20021,BUS,diesel,２０２４-０５-０６,Ｙ\n",
        encoding="utf-8",
    )
    loaded = load_table(FLEET, [path], data_dir=tmp_path)
    assert loaded.rejects.height == 0
    row = loaded.frame.row(0, named=True)
    assert (row["vin"], row["use_type"], row["powertrain"]) == ("LZYTBGBW7N1000021", "bus", "DIESEL")
    assert (row["registration_date"], row["urban_built_up"]) == (D(2024, 5, 6), True)


def test_missing_required_column_names_file_and_column(tmp_path: Path) -> None:
    path = tmp_path / "fleet_register.csv"
    path.write_text("vin,plate,use_type,powertrain,urban_built_up\nA,鲁B1,bus,BEV,是\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"fleet_register\.csv: missing required column registration_date"):
        load_table(FLEET, [path], data_dir=tmp_path)


def test_empty_header_over_values_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "sea_rail_monthly.csv"
    path.write_text("month,,teu\n2024-05,x,1\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"sea_rail_monthly\.csv: column 2 has values but an empty header"):
        load_table(TABLES["sea_rail_monthly"], [path], data_dir=tmp_path)


def test_empty_header_over_an_empty_column_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "sea_rail_monthly.csv"
    path.write_text("month,,teu\n2024-05,,1\n", encoding="utf-8")
    loaded = load_table(TABLES["sea_rail_monthly"], [path], data_dir=tmp_path)
    assert loaded.frame["teu"].to_list() == [1.0]


def test_two_headers_for_one_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "sea_rail_monthly.csv"
    path.write_text("month,月份,teu\n2024-05,2024-05,1\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"headers 'month' and '月份' both mean column month"):
        load_table(TABLES["sea_rail_monthly"], [path], data_dir=tmp_path)
