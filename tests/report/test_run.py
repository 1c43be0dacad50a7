"""The report, end to end on tests/data/report/ (synthetic), and its table functions.

The fixture by hand (dataset.toml says synthetic = true and gives no as_of date):

fleet_register.csv (UTF-8, a title row above the header, so data rows start on line 3):
- buses in the built-up area: 2024 BEV (市南区), BEV (黄岛区), DIESEL (黄岛区) -> 2 of 3 = 66.7%;
  2025 BEV, FCEV (市南区), PHEV, BEV, DIESEL (黄岛区) -> 4 of 5 = 80.0%, below the 100% target.
- cruising taxis: 2024 BEV, BEV (市南区), BEV, CNG (黄岛区) -> 3 of 4 = 75.0%; the CNG taxi carries
  a new-energy plate (鲁BD20004, line 14): a plate_powertrain_mismatch warning, still loaded.
  2025 BEV, BEV, PHEV, EREV, FCEV, HEV (市北区) -> 5 of 6 = 83.3% (HEV is not new-energy), >= 80%.
- line 21 has a wrong VIN check digit (bad_vin), line 22 the date 2025-13-01 (bad_date), line 23
  repeats line 3 exactly (collapsed). The latest date loaded is 2025-06-10, so 2025 is not complete.
- fleet in service on 31 Dec 2025: buses 市南区 3 of 3, 黄岛区 3 of 5 (60%); taxis 市北区 5 of 6,
  市南区 2 of 2, 黄岛区 1 of 2.

service_areas.csv (GB18030, Chinese headers): QA1 and QA2 (甲服务区, G20, the two directions, open
2023-01-01, 200 and 150 car spaces), QA3 (乙服务区, G15, both, opened 2025-03-01, 100 spaces), QP1
(丙停车区, a parking area, 40 spaces).
charging_stations.csv: C1 at QA1 from 2023-06-01 (4 DC, 2 AC, 120 kW, 30 spaces = 15%), C2 at QA2
from 2025-04-01 (2 DC, 60 kW, 9 spaces = 6%), C3 at QA3 from 2025-05-01 (2 DC, 2 AC, 160 kW,
10 spaces = 10%). Coverage of service areas: 2023 and 2024 1 of 2 = 50.0%; 2025 3 of 3 = 100.0%
(not complete: the station list ends 2025-05-01). The parking area has no charger.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import nbformat
import pytest

from qdtransport import report
from qdtransport.report import ReportError, ReportPaths, write_report
from qdtransport.warehouse import build

ROOT = Path(__file__).parents[2]
DATA = Path(__file__).parents[1] / "data" / "report"
INPUT_FILES = ("fleet_register.csv", "service_areas.csv", "charging_stations.csv")

BUS = "城市建成区新增、更新公交车新能源占比"
TAXI = "城市建成区新增、更新巡游出租车新能源占比"
COVERAGE = "高速公路服务区充电设施覆盖率"


class Page(HTMLParser):
    """The parts of a report page the tests look at: tables, tags with their attributes, text."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "table" and "qd-table" in (dict(attrs).get("class") or ""):
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="session")
def report_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("report_db") / "qingdao.duckdb"
    build(DATA, db)
    return db


@pytest.fixture(scope="session")
def zh_report(
    report_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[ReportPaths, str, Page]:
    paths = write_report(report_db, year=2025, out_dir=tmp_path_factory.mktemp("report_zh"))
    text = paths.html.read_text(encoding="utf-8")
    return paths, text, Page(text)


def test_report_writes_the_notebook_and_the_page(zh_report: tuple[ReportPaths, str, Page]) -> None:
    paths, _, _ = zh_report
    assert paths.notebook.name == "report_2025_zh.ipynb"
    assert paths.html.name == "report_2025_zh.html"
    executed = nbformat.read(paths.notebook, as_version=4)
    errors = [
        o
        for c in executed.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "error"
    ]
    assert errors == []


def test_scorecard_of_the_report_year(zh_report: tuple[ReportPaths, str, Page]) -> None:
    header, *rows = zh_report[2].tables[0]
    assert header == ["指标", "年份", "数值", "分子 / 分母", "目标", "达标", "年度数据", "状态", "说明"]
    # indicators with a value first (by id), then the three without input data
    assert [row[:7] for row in rows] == [
        [BUS, "2025", "80.0%", "4 / 5", "≥ 100%（2025年）", "✗", "年度未完 †"],
        [COVERAGE, "2025", "100.0%", "3 / 3", "≥ 100%（2025年）", "✓", "年度未完 †"],
        [TAXI, "2025", "83.3%", "5 / 6", "≥ 80%（2025年）", "✓", "年度未完 †"],
        ["绿色出行比例", "2025", "无数据", "–", "> 70%（2025年）", "–", "–"],
        ["港口大宗货物绿色运输方式比例", "2025", "无数据", "–", "≥ 80%（2025年）", "–", "–"],
        ["集装箱海铁联运量", "2025", "无数据", "–", "≥ 2,200,000 TEU（2025年）", "–", "–"],
    ]
    # every target with its status; the year is not complete: the register reaches 2025-06-10
    # (July to December missing), the station list 2025-05-01 (June to December missing)
    assert [row[7] for row in rows] == ["暂定（年度未完）"] * 3 + ["无输入"] * 3
    assert "缺 7–12 月的数据" in rows[0][8] and "as_of" in rows[0][8]
    assert "缺 6–12 月的数据" in rows[1][8]
    assert "travel_survey_trips" in rows[3][8]


def test_scorecard_history_marks_incomplete_years(zh_report: tuple[ReportPaths, str, Page]) -> None:
    assert "<h3>近五年：2021–2025年</h3>" in zh_report[1]
    _, *rows = zh_report[2].tables[1]
    assert [r[:4] + r[5:] for r in rows] == [
        [BUS, "2024", "66.7%", "2 / 3", "✗", "全年"],
        [BUS, "2025", "80.0%", "4 / 5", "✗", "年度未完 †"],
        [COVERAGE, "2023", "50.0%", "1 / 2", "✗", "全年"],
        [COVERAGE, "2024", "50.0%", "1 / 2", "✗", "全年"],
        [COVERAGE, "2025", "100.0%", "3 / 3", "✓", "年度未完 †"],
        [TAXI, "2024", "75.0%", "3 / 4", "✗", "全年"],
        [TAXI, "2025", "83.3%", "5 / 6", "✓", "年度未完 †"],
    ]


def test_synthetic_banner_comes_before_any_number(zh_report: tuple[ReportPaths, str, Page]) -> None:
    text = zh_report[1]
    banner = "演示数据：合成数据，非官方统计 / Demo data: synthetic, not official statistics"
    assert banner in text
    assert text.index(banner) < text.index("<table")
    assert text.index(banner) < text.index("<h1>") + 600  # right under the title


def test_page_has_no_external_scripts_or_stylesheets(
    zh_report: tuple[ReportPaths, str, Page],
) -> None:
    text, page = zh_report[1], zh_report[2]
    assert "<script src=" not in text
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    links = [attrs for tag, attrs in page.tags if tag == "link"]
    assert not [a for a in scripts if a.get("src")]
    assert not [a for a in links if "http" in (a.get("href") or "")]
    for tag, attrs in page.tags:
        if tag in ("script", "link", "img", "iframe"):
            assert not any("http" in (v or "") for v in attrs.values()), (tag, attrs)


def test_charts_are_inline_svg_with_chinese_labels(
    zh_report: tuple[ReportPaths, str, Page],
) -> None:
    text = zh_report[1]
    # bus and taxi shares, stock by district, coverage by year, the site map, the rejects
    assert text.count("<svg") == 6
    assert '<img src="data:image/svg+xml' not in text  # inline, not base64 images
    svg_text = "".join(part.split("</svg>")[0] for part in text.split("<svg")[1:])
    for words in (
        "新能源占比",
        "年份",
        "目标 100%",
        "目标 80%",
        "目标年 2025",
        "区市",
        "服务区",
        "拒收行数",
    ):
        assert words in svg_text, words
    # stock bars: 黄岛区 buses 3 of 5, 市北区 taxis 5 of 6
    assert "60% (3/5)" in svg_text and "83% (5/6)" in svg_text


def test_page_is_chinese_utf8_with_a_cjk_font_list(
    zh_report: tuple[ReportPaths, str, Page],
) -> None:
    text = zh_report[1]
    assert '<html lang="zh">' in text
    assert '<meta charset="utf-8"' in text.lower()
    assert (
        '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", SimHei' in text
    )
    assert "<title>青岛市交通运输领域碳达峰指标报告（2025年）</title>" in text


def test_code_and_prompts_are_hidden(zh_report: tuple[ReportPaths, str, Page]) -> None:
    text, page = zh_report[1], zh_report[2]
    assert "connect_read_only" not in text and "con.sql" not in text
    classes = " ".join(attrs.get("class") or "" for _, attrs in page.tags)
    assert "jp-OutputArea-output" in classes  # the outputs are there
    assert (
        "jp-InputArea" not in classes
        and "jp-InputPrompt" not in classes
        and "jp-OutputPrompt" not in classes
    )


def test_site_table_with_the_ten_percent_rule(zh_report: tuple[ReportPaths, str, Page]) -> None:
    header, *rows = zh_report[2].tables[2]
    assert header[-2:] == ["充电车位占比", "充电车位 ≥ 10%"]
    assert rows == [
        [
            "QA1",
            "甲服务区",
            "G20",
            "青岛方向",
            "服务区",
            "✓",
            "1",
            "4",
            "2",
            "120",
            "30",
            "200",
            "15.0%",
            "✓",
        ],
        [
            "QA2",
            "甲服务区",
            "G20",
            "济南方向",
            "服务区",
            "✓",
            "1",
            "2",
            "0",
            "60",
            "9",
            "150",
            "6.0%",
            "✗",
        ],
        [
            "QA3",
            "乙服务区",
            "G15",
            "双向",
            "服务区",
            "✓",
            "1",
            "2",
            "2",
            "160",
            "10",
            "100",
            "10.0%",
            "✓",
        ],
        ["QP1", "丙停车区", "G15", "双向", "停车区", "✗", "0", "0", "0", "–", "–", "40", "–", "–"],
    ]


def test_without_osm_the_network_section_says_so(zh_report: tuple[ReportPaths, str, Page]) -> None:
    assert "未进行 OpenStreetMap 路网核查" in zh_report[1]


def test_rejects_and_warnings_per_file_with_examples(
    zh_report: tuple[ReportPaths, str, Page],
) -> None:
    rejects, warnings = zh_report[2].tables[3], zh_report[2].tables[4]
    assert [r[:3] for r in rejects[1:]] == [
        ["fleet_register.csv", "bad_date", "1"],
        ["fleet_register.csv", "bad_vin", "1"],
    ]
    assert rejects[1][4].startswith("第22行: ") and "2025-13-01" in rejects[1][4]
    assert rejects[2][4].startswith("第21行: ") and "LSYHKB4A1S0000019" in rejects[2][4]
    assert [r[:3] for r in warnings[1:]] == [
        ["fleet_register.csv", "plate_powertrain_mismatch", "1"]
    ]
    assert warnings[1][4].startswith("第14行: ") and "鲁BD20004" in warnings[1][4]


def test_provenance_lists_every_input_file_with_its_sha256(
    zh_report: tuple[ReportPaths, str, Page],
) -> None:
    _, *rows = zh_report[2].tables[5]
    by_file = {r[0]: r for r in rows}
    assert sorted(by_file) == sorted(INPUT_FILES)
    for name in INPUT_FILES:
        digest = hashlib.sha256((DATA / name).read_bytes()).hexdigest()
        assert by_file[name][-1] == digest
    # fleet_register.csv: 21 data rows = 18 loaded + 2 rejected + 1 duplicate; 1 warning
    assert by_file["fleet_register.csv"][4:9] == ["21", "18", "2", "1", "1"]
    assert by_file["service_areas.csv"][3] == "gb18030"


def test_build_and_settings_are_shown(zh_report: tuple[ReportPaths, str, Page]) -> None:
    build_rows = {r[0]: r[1] for r in zh_report[2].tables[6][1:]}
    settings_rows = {r[0]: r[1] for r in zh_report[2].tables[7][1:]}
    assert build_rows["dataset_name"] == "报告测试数据 / report test data (synthetic)"
    assert build_rows["synthetic"] == "是"
    assert settings_rows["charging_space_share_min"] == "0.1"
    assert settings_rows["nev_powertrains"] == "BEV, PHEV, EREV, FCEV"


def _console_command() -> list[str]:
    script = shutil.which("qdtransport", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "qdtransport.cli"]


def add_network_tables(db: Path) -> None:
    """Network-check rows as the build writes them from an OSM file: two sites, two carriageways."""
    with duckdb.connect(str(db)) as con:
        con.execute("""
            create or replace table sa_network_coverage as select * from (values
                ('way/1', '甲服务区', 'G20', 'E', true, 2, 0.0, 'QA1', 120.0, 36.3, 'service_area'),
                ('way/2', '乙服务区', 'G15', 'both', false, 0, 41.84, null, 120.5, 36.5, 'service_area')
            ) as t(site_id, name, route_ref, direction, has_charger, chargers, nearest_charger_km,
                   register_site_id, lon, lat, kind)
        """)
        con.execute("""
            create or replace table corridor_gaps as select * from (values
                ('G20', 'E', 95.0, 72.5, 4.0, 18.5, false, true,
                 'LINESTRING (119.8 36.25, 120.2 36.35)'),
                ('G15', 'N', 40.0, null, 40.0, null, null, null,
                 'LINESTRING (120.5 36.3, 120.5 36.7)')
            ) as t(route_ref, direction, length_km, max_gap_km, lead_km, tail_km, meets_afir,
                   meets_nevi, geometry_wkt)
        """)


def test_english_report_from_the_command_line_outside_an_activated_environment(
    report_db: Path, tmp_path: Path, zh_report: tuple[ReportPaths, str, Page]
) -> None:
    # a database whose build had an OSM file: the network section shows its map and tables
    db = tmp_path / "with_network.duckdb"
    shutil.copyfile(report_db, db)
    add_network_tables(db)
    # a python3 kernelspec of some other Python comes first on the Jupyter path (as one installed
    # with `ipykernel install --user` would); the environment is not activated (no venv on PATH)
    other = tmp_path / "jupyter" / "kernels" / "python3"
    other.mkdir(parents=True)
    (other / "kernel.json").write_text(
        '{"argv": ["/nonexistent/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],'
        ' "display_name": "Other Python", "language": "python"}',
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PATH")}
    env |= {"PATH": os.defpath, "JUPYTER_PATH": str(tmp_path / "jupyter")}
    out = tmp_path / "out"
    # a Chinese report of the same year already lies in the folder: it stays as it is
    out.mkdir()
    chinese = shutil.copy2(zh_report[0].html, out / zh_report[0].html.name)
    chinese_before = Path(chinese).read_bytes()
    arguments = ["report", "--db", str(db), "--year", "2025", "--out", str(out), "--lang", "en"]
    result = subprocess.run(
        [*_console_command(), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out / "report_2025_en.html")
    assert Path(chinese).read_bytes() == chinese_before
    assert sorted(p.name for p in out.iterdir()) == [
        "report_2025_en.html", "report_2025_en.ipynb", "report_2025_zh.html",
    ]  # fmt: skip
    assert "without encryption" not in result.stderr
    text = (out / "report_2025_en.html").read_text(encoding="utf-8")
    tables = Page(text).tables
    header, *rows = tables[0]
    assert header[:4] == ["Indicator", "Year", "Value", "Numerator / denominator"]
    assert rows[2] == [
        "New-energy share of new and renewed cruising taxis in the urban built-up area",
        "2025",
        "83.3%",
        "5 / 6",
        "≥ 80% (2025)",
        "✓",
        "not complete †",
        "provisional (year not complete)",
        "Year not complete: months 7–12 have no data, so 83.3% is provisional (target ≥ 80%). "
        "If your exports cover the whole year, confirm it with the export date as_of in "
        "dataset.toml; otherwise add the missing months.",
    ]
    assert '<html lang="en">' in text and "Demo data: synthetic, not official statistics" in text
    assert "Target 80%" in text and "New-energy share" in text
    # tables: scorecard, five years, sites, network sites, verdicts, rejects, warnings, ...
    assert tables[3][1:] == [
        ["OSM way 1", "甲服务区", "G20", "eastbound", "Service areas", "✓", "2", "0.0", "QA1"],
        ["OSM way 2", "乙服务区", "G15", "both", "Service areas", "✗", "0", "41.8", "–"],
    ]
    assert tables[4][0][-5:] == [
        "Chinese rule", "AFIR gap ≤ 60 km", "EU AFIR, whole rule", "NEVI gap ≤ 50 mi", "US NEVI, whole rule",
    ]
    # the hand-made table has only the spacing verdicts: 72.5 km fails AFIR's 60, meets NEVI's 80.47
    assert tables[4][1:] == [
        ["G20", "eastbound", "95.0", "72.5", "4.0", "18.5", "–", "✗", "–", "✓", "–"],
        ["G15", "northbound", "40.0", "–", "40.0", "–", "–", "–", "–", "–", "–"],
    ]
    assert "whole rule: also power" in text
    # bus, taxi, stock, coverage, the network map (instead of the register map), rejects
    assert text.count("<svg") == 6
    assert "Longest gap between chargers (km)" in text


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such database"):
        write_report(tmp_path / "absent.duckdb", year=2025, out_dir=tmp_path / "out")


def test_unknown_language_is_refused_before_running(report_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="lang"):
        write_report(report_db, year=2025, out_dir=tmp_path / "out", lang="fr")
    assert not (tmp_path / "out").exists()


def test_failing_cell_is_named(tmp_path: Path) -> None:
    # a DuckDB file that is not a warehouse: the setup cell fails reading build_info
    not_a_warehouse = tmp_path / "empty.duckdb"
    duckdb.connect(str(not_a_warehouse)).close()
    with pytest.raises(ReportError) as failure:
        write_report(not_a_warehouse, year=2025, out_dir=tmp_path / "out")
    message = str(failure.value)
    assert "failed in cell [" in message and "# Setup" in message and "build_info" in message
    assert str(tmp_path / "out" / "report_2025_zh.ipynb") in message
    assert (tmp_path / "out" / "report_2025_zh.ipynb").exists()


def test_report_notebook_is_found_and_takes_parameters() -> None:
    path = report.report_notebook_path()
    assert path == ROOT / "notebooks" / "report.ipynb"
    first = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    assert "parameters" in first.metadata["tags"]
    assert all(f"{name} = " in first.source for name in ("db", "year", "lang"))
