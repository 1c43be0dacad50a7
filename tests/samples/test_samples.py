"""The whole synthetic sample data set (qdtransport.samples) and the committed data_samples/.

The files are generated once per session into a temporary folder (fixture ``samples``). Every check
reads the written files with its own small parsers (csv, openpyxl, pyosmium) and its own geometry,
so a fault in the generator's bookkeeping cannot hide a fault in the files.
"""

from __future__ import annotations

import codecs
import datetime as dt
import tomllib
from pathlib import Path

import openpyxl
import pytest

from qdtransport.domains.charging.samples import OSM_FILE
from qdtransport.samples import DEFAULT_SEED, write_samples

REPO = Path(__file__).resolve().parents[2]
COMMITTED = REPO / "data_samples"

FLEET = (
    "fleet_register/2015-2019.csv",
    "fleet_register/2020-2022.xlsx",
    "fleet_register/2023-2026.csv",
)
TRAVEL = (
    "travel_survey_trips/2019.csv",
    "travel_survey_trips/2022.xlsx",
    "travel_survey_trips/2024.csv",
)
ALL_FILES = (
    *FLEET,
    "service_areas.xlsx",
    "charging_stations.csv",
    OSM_FILE,
    "port_bulk_flows/2019-2022.csv",
    "port_bulk_flows/2023-2025.xlsx",
    *TRAVEL,
    "dataset.toml",
    "README.md",
)



def test_two_runs_write_identical_bytes(samples: Path, tmp_path: Path) -> None:
    written = write_samples(tmp_path / "again")
    assert sorted(written) == sorted(ALL_FILES)
    for name in ALL_FILES:
        assert (samples / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name


def test_another_seed_draws_another_register(samples: Path, tmp_path: Path) -> None:
    # The seed drives the fleet register only; the site and station lists are fixed.
    write_samples(tmp_path / "other", seed=DEFAULT_SEED + 1)
    assert (tmp_path / "other" / FLEET[0]).read_bytes() != (samples / FLEET[0]).read_bytes()
    assert (tmp_path / "other" / "service_areas.xlsx").read_bytes() == (
        samples / "service_areas.xlsx"
    ).read_bytes()


def _content(path: Path) -> object:
    """What a file says: its bytes for text, cell values for workbooks, objects for OSM PBF.

    Workbooks and PBF files are zip/zlib containers whose bytes depend on the library versions
    that wrote them; their content does not.
    """
    if path.suffix == ".xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path)
        return [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets]
    if path.name.endswith(".osm.pbf"):
        import osmium

        objects = []
        for obj in osmium.FileProcessor(str(path)):
            tags = sorted((t.k, t.v) for t in obj.tags)
            if obj.is_node():
                objects.append(("n", obj.id, round(obj.location.lon, 7), round(obj.location.lat, 7), tags))
            elif obj.is_way():
                objects.append(("w", obj.id, [n.ref for n in obj.nodes], tags))
            else:
                objects.append(("r", obj.id, [(m.type, m.ref, m.role) for m in obj.members], tags))
        return objects
    return path.read_bytes()


def test_committed_data_samples_equal_a_fresh_generation(samples: Path) -> None:
    for name in ALL_FILES:
        assert _content(COMMITTED / name) == _content(samples / name), f"data_samples/{name} was edited"
    # a stray file in a table folder would be read into the table
    assert sorted(p.name for p in (COMMITTED / "fleet_register").iterdir()) == sorted(
        f.split("/")[1] for f in FLEET
    )
    assert [p.name for p in (COMMITTED / "osm").iterdir()] == [OSM_FILE.split("/")[1]]
    assert sorted(p.name for p in (COMMITTED / "travel_survey_trips").iterdir()) == sorted(
        f.split("/")[1] for f in TRAVEL
    )


def test_whole_sample_is_small(samples: Path) -> None:
    total = sum((samples / name).stat().st_size for name in ALL_FILES if name not in TRAVEL)
    assert total < 3_000_000
    # the three travel surveys of about 10,000 persons each have their own budget
    assert sum((samples / name).stat().st_size for name in TRAVEL) < 5_000_000
    assert (samples / OSM_FILE).stat().st_size < 1_000_000


def test_encodings(samples: Path) -> None:
    gb = (samples / FLEET[0]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        gb.decode("utf-8")
    assert gb.decode("gb18030").startswith("车辆识别代号,")
    for name in (FLEET[2], "charging_stations.csv"):
        data = (samples / name).read_bytes()
        assert data.startswith(codecs.BOM_UTF8), name
        data.decode("utf-8-sig")  # the rest is UTF-8


def test_every_file_says_it_is_synthetic(samples: Path) -> None:
    for name in (FLEET[0], FLEET[2]):
        text = (samples / name).read_bytes().decode("gb18030" if name == FLEET[0] else "utf-8-sig")
        lines = text.splitlines()
        assert lines[0].endswith(",备注") and all("合成示例数据" in line for line in lines[1:])
    for name in (FLEET[1], "service_areas.xlsx"):
        title = openpyxl.load_workbook(samples / name, read_only=True).worksheets[0]["A1"].value
        assert "合成示例数据" in title and "synthetic" in title
    assert "Everything in this folder is synthetic" in (samples / "README.md").read_text("utf-8")
    info = tomllib.loads((samples / "dataset.toml").read_text("utf-8"))
    assert info["synthetic"] is True and info["as_of"] == dt.date(2026, 1, 15)

