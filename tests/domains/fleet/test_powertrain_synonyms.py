"""Powertrain spellings of real registers: 电动 and 电 load as BEV; 混合动力 and 天然气 are ambiguous.

Four buses of 2024 from ``tests/data/status/fleet_register.csv`` (valid VINs), each written with
another powertrain spelling.
"""

from __future__ import annotations

import duckdb
import pytest

from qdtransport.domains.fleet.contract import FLEET_REGISTER
from qdtransport.enums import accepted_values
from qdtransport.warehouse import build

HEADER = "vin,plate,use_type,powertrain,registration_date,urban_built_up\n"
ROWS = [
    "LZYTBGBW1N1000001,鲁B10001D,bus,电动,2024-03-01,是",  # line 2: BEV
    "LZYTBGBW3N1000002,鲁B10002D,bus,电,2024-04-01,是",  # line 3: BEV (GA 24.9 fuel code C)
    "LZYTBGBW5N1000003,鲁B10003,bus,混合动力,2024-05-01,是",  # line 4: HEV or PHEV?
    "LZYTBGBW4N1000008,鲁B20001,bus,天然气,2024-01-15,是",  # line 5: CNG or LNG?
]


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    """Build the four rows."""
    data = tmp_path_factory.mktemp("synonyms")
    (data / "fleet_register.csv").write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    db = data / "qd.duckdb"
    build(data, db)
    return duckdb.connect(str(db), read_only=True)


def test_electric_spellings_load_as_bev(con: duckdb.DuckDBPyConnection) -> None:
    """电动 and 电 are battery-electric: both load, and 2 of 2 loaded 2024 buses are new-energy."""
    rows = con.execute("select vin, powertrain from fleet_register order by vin").fetchall()
    assert rows == [("LZYTBGBW1N1000001", "BEV"), ("LZYTBGBW3N1000002", "BEV")]
    assert con.execute("select value from bus_nev_share_new where year = 2024").fetchone() == (1.0,)


def test_ambiguous_spellings_are_rejected_naming_the_accepted_values(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """混合动力 and 天然气 say which codes they may mean and list every accepted value."""
    rejects = dict(con.execute("select source_row, reason from rejects order by source_row").fetchall())
    accepted = accepted_values(FLEET_REGISTER.column("powertrain"))
    assert accepted.startswith("BEV (纯电动), PHEV (插电式混合动力), EREV (增程式), FCEV (燃料电池)")
    assert rejects == {
        4: f"powertrain '混合动力' may mean HEV or PHEV; write one of {accepted}",
        5: f"powertrain '天然气' may mean CNG or LNG; write one of {accepted}",
    }
    codes = con.execute("select distinct reason_code from rejects").fetchall()
    assert codes == [("bad_enum",)]
