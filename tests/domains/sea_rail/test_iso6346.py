"""ISO 6346 length codes: the Python table, the SQL view, and TEU per box."""

from __future__ import annotations

import duckdb
import pytest

from qdtransport.domains.sea_rail.iso6346 import LENGTH_CODES, length_code, teu_per_box
from tests.domains.sea_rail.conftest import QUERIES


def test_sql_view_holds_the_python_table() -> None:
    con = duckdb.connect()
    con.execute((QUERIES / "intermediate" / "int_iso6346_length_codes.sql").read_text(encoding="utf-8"))
    in_sql = con.execute("select * from int_iso6346_length_codes order by length_code").fetchall()
    in_python = sorted((c.code, c.length_mm, c.length_ft, c.label) for c in LENGTH_CODES.values())
    assert in_sql == in_python


@pytest.mark.parametrize(
    ("iso_type", "factor", "teu"),
    [
        ("45G1", 2.25, 2.0),  # 40 ft high cube: the 5 is the height (9 ft 6 in), not 45 ft
        ("42G1", 2.25, 2.0),
        ("22G1", 2.25, 1.0),
        ("L5G1", 2.25, 2.25),  # 45 ft: 45 / 20
        ("L5G1", 2.0, 2.0),  # … or the statistics' convention
        ("12G1", 2.25, 0.5),  # 10 ft
        ("32G1", 2.25, 1.5),  # 30 ft
        ("M5G1", 2.25, 2.4),  # 48 ft: 48 / 20
        ("P5G1", 2.0, 2.65),  # 53 ft: 53 / 20, the 45 ft setting does not apply
        ("C2G1", 2.25, 1.225),  # 24 ft 6 in = 24.5 ft
    ],
)
def test_teu_per_box(iso_type: str, factor: float, teu: float) -> None:
    assert teu_per_box(iso_type, factor) == pytest.approx(teu)


def test_metric_lengths_convert_to_feet() -> None:
    # K: 13 600 mm / 304.8 = 44.619… ft -> 44.62 ft -> 2.231 TEU
    assert LENGTH_CODES["K"].length_ft == 44.62
    assert LENGTH_CODES["K"].teu == pytest.approx(2.231)


@pytest.mark.parametrize("iso_type", ["92G1", "52G1", "R2G1", "I2G1", "Z5G1"])
def test_unassigned_length_codes(iso_type: str) -> None:
    assert length_code(iso_type) is None
    with pytest.raises(ValueError, match="not assigned"):
        teu_per_box(iso_type)
