"""Tests of the synthetic sample data (qdtransport.samples) and of the committed data_samples/.

The files are generated once per module into a temporary folder. Every check reads the written
files with its own small parsers (csv, openpyxl, pyosmium) and its own geometry, so a fault in the
generator's bookkeeping cannot hide a fault in the files.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import math
import random
import re
import tomllib
from itertools import pairwise
from pathlib import Path

import openpyxl
import osmium
import pytest
from shapely.geometry import Point, Polygon

from qdtransport.checkdigits import vin_is_valid
from qdtransport.coords import bd09_to_wgs84, gcj02_to_wgs84
from qdtransport.domains.charging.samples import OSM_FILE
from qdtransport.domains.charging.samples.alignments import load_alignments
from qdtransport.domains.charging.samples.osm_demo import write_osm_demo
from qdtransport.domains.fleet.samples.files import add_defects, list_defects, split_into_files
from qdtransport.domains.fleet.samples.generator import generate_fleet
from qdtransport.samples import DEFAULT_SEED, write_samples

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "data_samples"
ALIGNMENTS = REPO / "qdtransport" / "resources" / "alignments"

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

# Header spellings the sample files use, per canonical column (the contract's aliases).
ALIASES = {
    "vin": ("车辆识别代号", "VIN"),
    "plate": ("号牌号码", "车牌号"),
    "use_type": ("使用性质",),
    "powertrain": ("燃料种类", "动力类型"),
    "registration_date": ("注册登记日期", "初次登记日期"),
    "deregistration_date": ("注销日期",),
    "urban_built_up": ("是否建成区",),
}
USE_LABELS = {"公交客运", "巡游出租客运", "出租客运", "预约出租客运", "其他"}
POWERTRAIN_LABELS = {"纯电动", "插电式混合动力", "增程式", "燃料电池", "油电混合", "汽油", "柴油", "压缩天然气",
                     "液化天然气", "液化石油气", "甲醇", "其他"}
NEV_LABELS = {"纯电动", "插电式混合动力", "增程式", "燃料电池"}
VIN_ALPHABET = set("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
NEV_PLATE = re.compile(r"^鲁B([DF][0-9A-HJ-NP-Z]{5}|[0-9]{5}[DF])$")


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    write_samples(out)
    return out


def parse_date(value: object) -> dt.date | None:
    """Cell -> date, for the forms the sample files use; None for empty; raises on anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if re.fullmatch(r"\d{8}", text):
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    year, month, day = re.split(r"[-/]", text)
    return dt.date(int(year), int(month), int(day))


def read_fleet_file(path: Path) -> list[tuple[int, dict[str, object]]]:
    """(line or sheet row, {canonical column: raw cell}) for every data row of one export."""
    if path.suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        header_index, first_line = 1, 3  # row 1 is the title, row 2 the header
    else:
        data = path.read_bytes()
        text = (
            data.decode("utf-8-sig") if data.startswith(codecs.BOM_UTF8) else data.decode("gb18030")
        )
        rows = list(csv.reader(io.StringIO(text, newline="")))
        header_index, first_line = 0, 2
    header = [str(h) for h in rows[header_index]]
    columns = {
        name: next(header.index(a) for a in aliases if a in header)
        for name, aliases in ALIASES.items()
    }
    return [
        (first_line + i, {name: row[index] for name, index in columns.items()})
        for i, row in enumerate(rows[header_index + 1 :])
    ]


@pytest.fixture(scope="module")
def fleet(samples: Path) -> dict[str, list[tuple[int, dict[str, object]]]]:
    return {name.split("/")[1]: read_fleet_file(samples / name) for name in FLEET}


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


def test_register_size_and_years(fleet: dict[str, list[tuple[int, dict[str, object]]]]) -> None:
    rows = [cells for file_rows in fleet.values() for _, cells in file_rows]
    assert 10_000 <= len(rows) <= 15_000
    for file, file_rows in fleet.items():
        first, last = (int(y) for y in file.removesuffix(".csv").removesuffix(".xlsx").split("-"))
        years = set()
        for _, cells in file_rows:
            with contextlib.suppress(ValueError):  # the unparseable-date defect
                years.add(parse_date(cells["registration_date"]).year)
        if file == "2023-2026.csv":
            years.discard(2019)  # the re-exported 2019 row (a defect)
        assert years == set(range(first, last + 1))


def test_vins_valid_except_the_two_vin_defects(
    fleet: dict[str, list[tuple[int, dict[str, object]]]],
) -> None:
    bad = [(file, line, cells["vin"]) for file, rows in fleet.items() for line, cells in rows
           if not vin_is_valid(str(cells["vin"]))]
    assert len(bad) == 2
    kinds = sorted("O" in str(vin) for _, _, vin in bad)
    assert kinds == [False, True]  # one wrong check digit, one letter O
    for _, _, vin in bad:
        assert len(str(vin)) == 17


def test_vins_carry_chinese_wmis_and_year_codes(
    fleet: dict[str, list[tuple[int, dict[str, object]]]],
) -> None:
    year_codes = dict(zip(range(2014, 2027), "EFGHJKLMNPRST", strict=True))
    for rows in fleet.values():
        for _, cells in rows:
            vin = str(cells["vin"])
            assert vin[0] == "L"  # WMI region code for China
            day = cells["registration_date"]
            try:
                year = parse_date(day).year
            except ValueError:
                continue
            assert vin[9] in (
                year_codes[year],
                year_codes[year - 1],
            )  # model year is the year or the one before


def _defect_lines() -> dict[str, tuple[str, tuple[int, ...]]]:
    rng = random.Random(DEFAULT_SEED)
    files = split_into_files(generate_fleet(rng), rng)
    add_defects(files, rng)
    return {d.code: (d.file, d.lines) for d in list_defects(files)}


def test_defects_sit_where_the_readme_says(fleet: dict[str, list[tuple[int, dict[str, object]]]],
                                           samples: Path) -> None:
    defects = _defect_lines()
    # the twelve kinds the sample promises (each checked on the file below)
    assert sorted(defects) == sorted([
        "vin_check_digit", "vin_letter_o", "bad_date", "unknown_use_type", "unknown_powertrain",
        "deregistered_before_registered", "duplicate_in_file", "cross_file_duplicate",
        "conflicting_duplicate", "nev_plate_diesel", "ordinary_plate_bev", "empty_plate",
    ])
    by_line = {file: dict(rows) for file, rows in fleet.items()}

    def cells(code: str, index: int = 0) -> dict[str, object]:
        file, lines = defects[code]
        return by_line[file][lines[index]]

    vin = str(cells("vin_check_digit")["vin"])
    assert set(vin) <= VIN_ALPHABET and not vin_is_valid(vin)
    assert "O" in str(cells("vin_letter_o")["vin"])
    with pytest.raises(ValueError):
        parse_date(cells("bad_date")["registration_date"])
    assert cells("unknown_use_type")["use_type"] not in USE_LABELS
    assert cells("unknown_powertrain")["powertrain"] not in POWERTRAIN_LABELS
    row = cells("deregistered_before_registered")
    assert parse_date(row["deregistration_date"]) < parse_date(row["registration_date"])
    assert cells("empty_plate")["plate"] in (None, "")
    row = cells("nev_plate_diesel")
    assert NEV_PLATE.match(str(row["plate"])) and row["powertrain"] == "柴油"
    row = cells("ordinary_plate_bev")
    assert not NEV_PLATE.match(str(row["plate"])) and row["powertrain"] == "纯电动"
    first, second = cells("conflicting_duplicate", 0), cells("conflicting_duplicate", 1)
    assert [first[k] for k in ("vin", "use_type", "registration_date")] == [
        second[k] for k in ("vin", "use_type", "registration_date")
    ]
    assert first["powertrain"] != second["powertrain"]
    # the two exact duplicates: another row of the register has the same values
    for code in ("duplicate_in_file", "cross_file_duplicate"):
        row = cells(code)
        copies = [
            other for rows in fleet.values() for _, other in rows
            if other["vin"] == row["vin"] and other is not row
        ]
        assert len(copies) == 1
        assert parse_date(copies[0]["registration_date"]) == parse_date(row["registration_date"])
        assert (
            copies[0]["plate"] == row["plate"]
            and copies[0]["urban_built_up"] == row["urban_built_up"]
        )
    # the README lists the same twelve, numbered
    readme = (samples / "README.md").read_text("utf-8")
    assert "The 12 deliberate defects" in readme and "| 12 | `2023-2026.csv` |" in readme


def test_nothing_else_is_defective(fleet: dict[str, list[tuple[int, dict[str, object]]]]) -> None:
    rows = [(file, line, c) for file, file_rows in fleet.items() for line, c in file_rows]
    mismatched = [c for _, _, c in rows if c["plate"] and bool(NEV_PLATE.match(str(c["plate"])))
                  != (c["powertrain"] in NEV_LABELS)]
    assert len(mismatched) == 2  # the two plate warnings
    vins = [str(c["vin"]) for _, _, c in rows]
    repeated = {v for v in vins if vins.count(v) > 1}
    assert len(repeated) == 3  # two exact duplicates and the conflicting pair
    assert sum(c["use_type"] not in USE_LABELS for _, _, c in rows) == 1
    assert sum(c["powertrain"] not in POWERTRAIN_LABELS for _, _, c in rows) == 1
    assert sum(c["plate"] in (None, "") for _, _, c in rows) == 1


def test_the_2023_export_mixes_date_forms(
    fleet: dict[str, list[tuple[int, dict[str, object]]]],
) -> None:
    texts = [str(c["registration_date"]) for _, c in fleet["2023-2026.csv"]]
    assert any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", t) for t in texts)
    assert any(re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2}", t) and ("/0" not in t) for t in texts)
    assert any(re.fullmatch(r"\d{8}", t) for t in texts)
    assert all(isinstance(c["registration_date"], dt.datetime) for _, c in fleet["2020-2022.xlsx"])


def test_2025_new_buses_miss_and_taxis_meet_their_targets(
    fleet: dict[str, list[tuple[int, dict[str, object]]]],
) -> None:
    # No defect touches a 2025 registration, so a plain count of the 2025 rows is the indicator.
    rows = [c for _, c in fleet["2023-2026.csv"] if parse_date(c["registration_date"]).year == 2025]
    built_up = [c for c in rows if c["urban_built_up"] == "是"]
    buses = [c for c in built_up if c["use_type"] == "公交客运"]
    taxis = [c for c in built_up if c["use_type"] == "巡游出租客运"]
    fossil_buses = sorted(str(c["powertrain"]) for c in buses if c["powertrain"] not in NEV_LABELS)
    assert fossil_buses == [
        "压缩天然气",
        "柴油",
        "柴油",
    ]  # two diesel reserves and one CNG bus: not 100 %
    taxi_share = sum(c["powertrain"] in NEV_LABELS for c in taxis) / len(taxis)
    assert 0.80 <= taxi_share <= 0.86


def test_no_nev_taxi_before_2021(fleet: dict[str, list[tuple[int, dict[str, object]]]]) -> None:
    # May 2021: Qingdao had no battery-electric cruising taxi yet (qingdao_figures.md, 3b)
    for file in ("2015-2019.csv", "2020-2022.xlsx"):
        for _, c in fleet[file]:
            try:
                year = parse_date(c["registration_date"]).year
            except ValueError:
                continue
            if c["use_type"] in ("出租客运", "巡游出租客运") and year < 2021:
                assert c["powertrain"] not in NEV_LABELS


def _waypoints(route: str) -> list[tuple[float, float]]:
    text = (ALIGNMENTS / f"chnsd.{route.lower()}.wpt").read_text("utf-8")
    return [
        (float(lon), float(lat)) for lat, lon in re.findall(r"lat=([-\d.]+)&lon=([-\d.]+)", text)
    ]


def _offset_from_line(point: tuple[float, float], line: list[tuple[float, float]]) -> float:
    """Signed distance (m) from ``point`` to the polyline: positive right of its direction."""
    lon0, lat0 = point
    scale_x = 111_195.0 * math.cos(math.radians(lat0))
    best = math.inf
    for (ax, ay), (bx, by) in pairwise(line):
        ax, ay, bx, by = (
            (ax - lon0) * scale_x,
            (ay - lat0) * 111_195.0,
            (bx - lon0) * scale_x,
            (by - lat0) * 111_195.0,
        )
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
        distance = math.hypot(ax + t * dx, ay + t * dy)
        if distance < abs(best):
            cross = dx * (0 - ay) - dy * (0 - ax)  # > 0: point left of the segment direction
            best = -distance if cross > 0 else distance
    return best


def _service_areas(samples: Path) -> list[dict[str, object]]:
    sheet = openpyxl.load_workbook(samples / "service_areas.xlsx", read_only=True).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = [str(h) for h in rows[1]]
    return [dict(zip(header, r, strict=False)) for r in rows[2:]]


def _wgs84(lon: float, lat: float, crs: str) -> tuple[float, float]:
    if crs == "GCJ02":
        return gcj02_to_wgs84(lon, lat)
    if crs == "BD09":
        return bd09_to_wgs84(lon, lat)
    return lon, lat


# The side of the waypoint order each signed direction lies on. The waypoint files run G15 Yantai ->
# Rizhao (south), G18 east -> west, G20 and G22 from Qingdao westwards, G2011 from Qingdao north to
# Xinhe; with right-hand traffic a site serving the carriageway in waypoint order is on the right.
RIGHT_OF_WAYPOINT_ORDER = {"日照方向", "潍坊方向", "济南方向", "莱芜方向", "新河方向"}


def test_service_areas_lie_beside_their_carriageway(samples: Path) -> None:
    rows = _service_areas(samples)
    assert len(rows) == 23
    assert sum(r["坐标系"] == "GCJ02" for r in rows) >= 3
    assert [r["类型"] for r in rows].count("停车区") == 1
    assert [r["方向"] for r in rows].count("both") == 1
    assert {r["状态"] for r in rows} == {"运营", "在建"}
    for row in rows:
        lon, lat = _wgs84(float(row["经度"]), float(row["纬度"]), str(row["坐标系"]))
        offset = _offset_from_line((lon, lat), _waypoints(str(row["路线编号"])))
        # within 50 m of the centre line, beyond the carriageway 15 m out
        assert 20 <= abs(offset) <= 50, row["服务区名称"]
        if row["方向"] != "both":
            assert (offset > 0) == (row["方向"] in RIGHT_OF_WAYPOINT_ORDER), row["编号"]


def _distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat = math.radians((a[1] + b[1]) / 2)
    return math.hypot((a[0] - b[0]) * math.cos(lat), a[1] - b[1]) * 111_195.0


def _stations(samples: Path) -> list[dict[str, str]]:
    text = (samples / "charging_stations.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_charging_stations_cover_all_but_one_site_by_end_2025(samples: Path) -> None:
    sites = {
        str(r["编号"]): (_wgs84(float(r["经度"]), float(r["纬度"]), str(r["坐标系"])), r)
        for r in _service_areas(samples)
    }
    end = dt.date(2025, 12, 31)
    covered: dict[str, int] = {}
    for station in _stations(samples):
        position = _wgs84(float(station["经度"]), float(station["纬度"]), station["坐标系"])
        if station["服务区编号"]:
            site_ids = [station["服务区编号"]]
        else:
            site_ids = [sid for sid, (p, _) in sites.items() if _distance_m(position, p) <= 300]
        if station["充电站名称"].startswith("平度市"):
            assert site_ids == []  # the town decoy belongs to no site
            assert min(_distance_m(position, p) for p, _ in sites.values()) > 1500
            continue
        assert len(site_ids) == 1, station["充电站编号"]  # never ambiguous
        commissioned = dt.date.fromisoformat(station["投运日期"])
        stopped = station["停运日期"]
        if commissioned <= end and (not stopped or dt.date.fromisoformat(stopped) > end):
            covered[site_ids[0]] = covered.get(site_ids[0], 0) + int(station["充电车位数"])
    counted = [
        sid for sid, (_, r) in sites.items() if r["类型"] == "服务区" and r["状态"] == "运营"
    ]
    assert len(counted) == 21
    assert [sid for sid in counted if sid not in covered] == ["SA-G18-02"]
    below_ten_percent = [sid for sid in counted if sid in covered
                         and covered[sid] < 0.10 * int(sites[sid][1]["小客车车位数"])]
    assert below_ten_percent == ["SA-G15-05"]
    assert sum(1 for s in _stations(samples) if s["停运日期"]) == 1
    assert {s["坐标系"] for s in _stations(samples)} == {"WGS84", "GCJ02", "BD09"}


def _osm_counts(path: Path) -> dict[str, object]:
    counts: dict[str, int] = {}
    refs: set[str] = set()
    areas: list[Polygon] = []
    chargers: list[tuple[float, float]] = []
    motorway_nodes: list[tuple[float, float]] = []
    for obj in osmium.FileProcessor(str(path)).with_locations():
        if obj.is_node() and obj.tags.get("amenity") == "charging_station":
            chargers.append((obj.location.lon, obj.location.lat))
        elif obj.is_way():
            kind = obj.tags.get("highway", "")
            counts[kind] = counts.get(kind, 0) + 1
            if kind == "motorway":
                refs.add(obj.tags["ref"])
                motorway_nodes += [(n.lon, n.lat) for n in obj.nodes]
            if kind in ("services", "rest_area"):
                assert obj.is_closed()
                areas.append(Polygon([(n.lon, n.lat) for n in obj.nodes]))
    return {
        "counts": counts,
        "refs": refs,
        "areas": areas,
        "chargers": chargers,
        "motorway": motorway_nodes,
    }


def _check_osm(found: dict[str, object]) -> None:
    # Expected from the site list in data_samples/README.md, counted by hand:
    # 23 register sites, less 棘洪滩 (under construction, not mapped) = 22, of which 1 parking area
    # (泊里) -> 21 services, plus 大沽河 (OSM only) = 22 services and 1 rest area.
    counts = found["counts"]
    assert counts["services"] == 22 and counts["rest_area"] == 1
    # 31 stations listed, less GW37020008 (decommissioned) and TLD0532003 (not yet mapped) = 29,
    # which include the OSM-only charger at 大沽河 and the town decoy.
    chargers = found["chargers"]
    assert len(chargers) == 29
    # Ramps: G15 crosses G20, G2011 and G22 (8 ramps each); G2011 ends on G20 and on G18 (4 each);
    # 22 one-sided sites have an entry and an exit ramp, 夏格庄 (both) two of each: 24 + 8 + 44 + 4.
    assert counts["motorway_link"] == 80
    assert found["refs"] == {"G15", "G18", "G20", "G2011", "G22"}
    inside = [c for c in chargers if any(a.contains(Point(c)) for a in found["areas"])]
    assert len(inside) == 28  # all but the decoy
    decoy = [c for c in chargers if c not in inside]
    nearest = min(_distance_m(decoy[0], m) for m in found["motorway"])
    assert 1800 < nearest < 2100


def test_osm_pbf_parses_with_the_expected_sites_and_chargers(samples: Path) -> None:
    _check_osm(_osm_counts(samples / OSM_FILE))
    header = osmium.io.Reader(str(samples / OSM_FILE), osmium.osm.osm_entity_bits.NOTHING)
    try:
        assert "Sites, links and chargers are synthetic" in header.header().get("generator")
    finally:
        header.close()


def test_osm_xml_has_the_same_content_and_the_note(tmp_path: Path) -> None:
    path = write_osm_demo(tmp_path / "demo.osm", load_alignments())
    _check_osm(_osm_counts(path))
    head = path.read_text("utf-8")[:600]
    assert (
        "<note>Synthetic expressway network laid on real alignments: © OpenStreetMap contributors (ODbL)"
        in head
    )


def test_each_site_is_reachable_from_its_own_carriageway_only(samples: Path) -> None:
    import networkx as nx

    locations: dict[int, tuple[float, float]] = {}
    ways: list[tuple[dict[str, str], list[int]]] = []
    for obj in osmium.FileProcessor(str(samples / OSM_FILE)).with_locations():
        if obj.is_node():
            locations[obj.id] = (obj.location.lon, obj.location.lat)
        elif obj.is_way():
            ways.append((dict(obj.tags), [n.ref for n in obj.nodes]))
    graph = nx.DiGraph()
    carriageway_side: dict[
        int, tuple[str, int]
    ] = {}  # motorway node -> (route, +1 right / -1 left)
    for tags, nodes in ways:
        if tags["highway"] in ("services", "rest_area"):
            continue
        graph.add_edges_from(pairwise(nodes))
        if tags.get("oneway") != "yes":
            graph.add_edges_from(pairwise(nodes[::-1]))
        if tags["highway"] == "motorway":
            middle = locations[nodes[len(nodes) // 2]]
            side = 1 if _offset_from_line(middle, _waypoints(tags["ref"])) > 0 else -1
            carriageway_side.update(dict.fromkeys(nodes, (tags["ref"], side)))
    link_only = graph.subgraph(n for n in graph if n not in carriageway_side)
    for tags, nodes in ways:
        if tags["highway"] not in ("services", "rest_area"):
            continue
        area = Polygon([locations[n] for n in nodes])
        road = [n for n in link_only if area.contains(Point(locations[n]))]
        assert road, tags["name"]
        sources, sinks = set(), set()
        for node in road:
            reach_back = nx.ancestors(link_only, node) | {node}
            reach_on = nx.descendants(link_only, node) | {node}
            sources |= {
                carriageway_side[m]
                for n in reach_back
                for m in graph.predecessors(n)
                if m in carriageway_side
            }
            sinks |= {
                carriageway_side[m]
                for n in reach_on
                for m in graph.successors(n)
                if m in carriageway_side
            }
        route = next(iter(sources))[0]
        own_side = 1 if _offset_from_line(area.centroid.coords[0], _waypoints(route)) > 0 else -1
        expected = (
            {(route, 1), (route, -1)} if tags["name"] == "夏格庄服务区" else {(route, own_side)}
        )
        assert sources == expected and sinks == expected, tags["name"]
