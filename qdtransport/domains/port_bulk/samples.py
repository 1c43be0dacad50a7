"""Synthetic port bulk cargo flows (港口大宗货物集疏运) for Qianwan and Dongjiakou, 2019-2025.

Monthly tonnes by port area, cargo, flow and mode, in the two forms port statistics systems
export: a GB18030 CSV with Chinese headers and values (2019-2022) and an Excel workbook with one
sheet per port area and a title row (2023-2025). Everything is synthetic and says so (a 备注
column, the workbook title).

How the numbers are shaped
--------------------------
- Green share per cargo and year (:data:`GREEN_SHARE`): coal and iron ore pass through the national
  figures of coastal main ports for January-September 2023 (coal 91.6 %, iron ore 78.1 %, 人民日报
  2023-11-16); the published Qingdao share was not found, so the ramp before and after is invented.
- Volumes (:data:`ANNUAL_MT`) are invented; iron ore dominates, as at a leading iron ore port
  (Qingdao has the world's largest ore terminal), so the overall share follows iron ore's.
- Green tonnes move mostly by rail, then closed belt corridors (Dongjiakou) and waterway
  transshipment; new-energy trucks grow from a few percent of green tonnes in 2019 to a quarter
  in 2025. The rest goes by diesel and LNG trucks, LNG growing.
- Grain and crude oil are there too: not bulk cargo by default, so they count in no share. Crude
  oil leaves Dongjiakou by pipeline; as no bulk cargo moves by pipeline, adding ``pipeline`` to
  ``green_freight_modes`` changes nothing here.

Defects (:data:`DEFECTS`): a negative tonnage (a correction entry), a cargo outside the contract
(钢材), an impossible month (2021-13), and a row exported twice in the workbook.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from qdtransport.samples.workbooks import save_workbook_stable
from qdtransport.settings import Settings

YEARS: tuple[int, ...] = tuple(range(2019, 2026))
"""Years of the sample flows."""

TERMINALS: dict[str, str] = {"qianwan": "前湾", "dongjiakou": "董家口"}
"""Port areas: key -> name as the exports write it."""

GREEN_SHARE: dict[str, tuple[float, ...]] = {
    "coal": (0.80, 0.83, 0.86, 0.89, 0.916, 0.925, 0.935),
    "iron_ore": (0.62, 0.66, 0.70, 0.74, 0.781, 0.795, 0.815),
    "coke": (0.55, 0.60, 0.65, 0.70, 0.75, 0.78, 0.80),
    "bauxite": (0.50, 0.55, 0.62, 0.68, 0.72, 0.76, 0.80),
    "grain": (0.30, 0.32, 0.34, 0.36, 0.38, 0.40, 0.42),
    "crude_oil": (0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95),
}
"""Intended share of each cargo's tonnes moved by green modes (rail, waterway, closed belt
corridor, new-energy trucks; crude oil: pipeline and rail), per year of :data:`YEARS`."""

ANNUAL_MT: dict[tuple[str, str], float] = {
    ("qianwan", "iron_ore"): 55.0, ("dongjiakou", "iron_ore"): 70.0,
    ("qianwan", "coal"): 8.0, ("dongjiakou", "coal"): 22.0,
    ("qianwan", "coke"): 6.0, ("dongjiakou", "coke"): 2.0,
    ("dongjiakou", "bauxite"): 14.0,
    ("qianwan", "grain"): 4.0, ("dongjiakou", "grain"): 6.0,
    ("dongjiakou", "crude_oil"): 45.0,
}  # fmt: skip
"""Million tonnes a year (2019) collected to and distributed from each port area, per cargo."""

GROWTH: dict[int, float] = {
    2019: 1.0, 2020: 0.97, 2021: 1.02, 2022: 1.05, 2023: 1.09, 2024: 1.12, 2025: 1.14,
}  # fmt: skip
"""Volume of each year relative to 2019 (a dip in 2020)."""

TO_PORT_SHARE: dict[str, float] = {
    "iron_ore": 0.05, "coal": 0.55, "coke": 0.80, "bauxite": 0.0, "grain": 0.30, "crude_oil": 0.0,
}  # fmt: skip
"""Share of a cargo's tonnes collected to the port (集港); the rest is distributed (疏港)."""

GREEN_MODES: dict[tuple[str, str], dict[str, float]] = {
    ("qianwan", "iron_ore"): {"rail": 0.85, "waterway": 0.15},
    ("dongjiakou", "iron_ore"): {"rail": 0.60, "belt_conveyor": 0.35, "waterway": 0.05},
    ("qianwan", "coal"): {"rail": 0.80, "waterway": 0.20},
    ("dongjiakou", "coal"): {"rail": 0.75, "belt_conveyor": 0.25},
    ("qianwan", "coke"): {"rail": 1.0},
    ("dongjiakou", "coke"): {"rail": 1.0},
    ("dongjiakou", "bauxite"): {"rail": 0.7, "waterway": 0.3},
    ("qianwan", "grain"): {"rail": 1.0},
    ("dongjiakou", "grain"): {"rail": 1.0},
    ("dongjiakou", "crude_oil"): {"pipeline": 0.85, "rail": 0.15},
}
"""How each port area's green (non-truck) tonnes split between modes, before new-energy trucks."""

NEV_TRUCK_SHARE: tuple[float, ...] = (0.03, 0.05, 0.08, 0.12, 0.16, 0.20, 0.25)
"""Share of green tonnes (cargoes other than crude oil) moved by new-energy trucks, per year."""

LNG_TRUCK_SHARE: tuple[float, ...] = (0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40)
"""Share of truck tonnes that are not green moved by LNG trucks (the rest diesel), per year."""

CARGO_ZH = {"coal": "煤炭", "iron_ore": "铁矿石", "coke": "焦炭", "bauxite": "铝土矿",
            "grain": "粮食", "crude_oil": "原油"}  # fmt: skip
FLOW_ZH = {"to_port": "集港", "from_port": "疏港"}
MODE_ZH = {"rail": "铁路", "waterway": "水路", "belt_conveyor": "封闭式皮带廊道", "pipeline": "管道",
           "truck_nev": "新能源货车", "truck_diesel": "柴油货车", "truck_lng": "LNG货车"}  # fmt: skip
HEADERS = ("月份", "港区", "货类", "集疏运方向", "运输方式", "吨数", "备注")
ROW_NOTE = "合成示例数据 synthetic"
TITLE = (
    "青岛港大宗货物集疏运量统计（{terminal}港区，2023—2025年，单位：吨）"
    "— 合成示例数据，非真实统计 (synthetic sample data)"
)

CSV_FILE = "port_bulk_flows/2019-2022.csv"
XLSX_FILE = "port_bulk_flows/2023-2025.xlsx"


@dataclass(frozen=True)
class Flow:
    """One monthly figure: tonnes of a cargo moved to or from a port area by one mode.

    Attributes
    ----------
    month
        First day of the month.
    terminal
        Port area key (``qianwan``, ``dongjiakou``).
    cargo, flow, mode
        Canonical codes of the input contract.
    tonnes
        Tonnes (whole tonnes, as the exports give them).
    """

    month: dt.date
    terminal: str
    cargo: str
    flow: str
    mode: str
    tonnes: int


@dataclass(frozen=True)
class Defect:
    """A deliberate defect: where it is and what the build should do with it."""

    file: str
    what: str
    outcome: str


DEFECTS: tuple[Defect, ...] = (
    Defect(CSV_FILE, "吨数 is −1,500 (a correction entry)", "reject: out_of_range"),
    Defect(CSV_FILE, "货类 is 钢材 (steel), not a contract cargo class", "reject: bad_enum"),
    Defect(CSV_FILE, "月份 is 2021-13", "reject: bad_month"),
    Defect(XLSX_FILE, "the sheet's first data row exported again", "collapse: exact duplicate"),
)
"""The defects added to the files, in file order: the CSV's last three lines, the 董家口 sheet's
last row."""


def _split(total: float, weights: dict[str, float]) -> dict[str, float]:
    norm = sum(weights.values())
    return {key: total * weight / norm for key, weight in weights.items() if weight > 0}


def generate_flows(rng: random.Random) -> list[Flow]:
    """Every monthly figure of the sample, in month, port area, cargo, flow and mode order.

    Parameters
    ----------
    rng
        Random generator; the same state gives the same flows.

    Returns
    -------
    list of Flow
        The figures as the build should load them (defects are added when writing).
    """
    flows: list[Flow] = []
    for index, year in enumerate(YEARS):
        for number in range(1, 13):
            month = dt.date(year, number, 1)
            season = 1.0 + 0.06 * ((number in (3, 4, 5, 9, 10, 11)) - (number in (1, 2)))
            for (terminal, cargo), annual in ANNUAL_MT.items():
                monthly = annual * 1e6 / 12 * GROWTH[year] * season * rng.uniform(0.92, 1.08)
                share = min(0.99, GREEN_SHARE[cargo][index] + rng.uniform(-0.015, 0.015))
                to_port = TO_PORT_SHARE[cargo]
                for flow, part in (("to_port", to_port), ("from_port", 1 - to_port)):
                    if part <= 0:
                        continue
                    modes = _modes(terminal, cargo, index, monthly * part, share)
                    for mode in sorted(modes):
                        tonnes = round(modes[mode])
                        if tonnes > 0:
                            flows.append(Flow(month, terminal, cargo, flow, mode, tonnes))
    return flows


def _modes(terminal: str, cargo: str, index: int, tonnes: float, share: float) -> dict[str, float]:
    """Split one month's tonnes of a cargo and flow between modes (``index`` into :data:`YEARS`)."""
    green = tonnes * share
    if cargo == "crude_oil":  # pipeline, and rail tankers for the rest
        modes = _split(green, GREEN_MODES[(terminal, cargo)])
        modes["rail"] += tonnes - green
        return modes
    nev = NEV_TRUCK_SHARE[index]
    modes = _split(green * (1 - nev), GREEN_MODES[(terminal, cargo)])
    modes["truck_nev"] = green * nev
    modes["truck_lng"] = (tonnes - green) * LNG_TRUCK_SHARE[index]
    modes["truck_diesel"] = (tonnes - green) * (1 - LNG_TRUCK_SHARE[index])
    return modes


def _cells(flow: Flow) -> list[object]:
    return [
        flow.month.strftime("%Y-%m"), TERMINALS[flow.terminal], CARGO_ZH[flow.cargo],
        FLOW_ZH[flow.flow], MODE_ZH[flow.mode], flow.tonnes, ROW_NOTE,
    ]  # fmt: skip


def write_csv(path: Path, flows: list[Flow]) -> Path:
    """The 2019-2022 export: GB18030, CRLF, Chinese headers and values, the three bad rows last."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for flow in flows:
        writer.writerow(_cells(flow))
    writer.writerow(["2021-06", "前湾", "煤炭", "疏港", "柴油货车", -1500, ROW_NOTE])
    writer.writerow(["2021-06", "前湾", "钢材", "疏港", "柴油货车", 12000, ROW_NOTE])
    writer.writerow(["2021-13", "董家口", "铁矿石", "疏港", "铁路", 480000, ROW_NOTE])
    path.write_bytes(buffer.getvalue().encode("gb18030"))
    return path


def write_workbook(path: Path, flows: list[Flow]) -> Path:
    """The 2023-2025 export: one sheet per port area, a title row, month as a date cell."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for terminal, name in TERMINALS.items():
        sheet = workbook.create_sheet(name)
        sheet.append([TITLE.format(terminal=name)])
        sheet["A1"].font = Font(bold=True)
        sheet.append(list(HEADERS[:-1]))
        rows = [flow for flow in flows if flow.terminal == terminal]
        if terminal == "dongjiakou":
            rows = [*rows, rows[0]]  # exported twice
        for flow in rows:
            cells = _cells(flow)[:-1]
            cells[0] = dt.datetime(flow.month.year, flow.month.month, 1)
            sheet.append(cells)
        for (cell,) in sheet.iter_rows(min_row=3, max_col=1):
            cell.number_format = "yyyy-mm"
        for letter, width in zip("ABCDEF", (10, 8, 8, 12, 16, 12), strict=True):
            sheet.column_dimensions[letter].width = width
    return save_workbook_stable(workbook, path, author="qdtransport sample data")


def write_samples(out_dir: Path, rng: random.Random) -> dict[str, Path]:
    """Write ``port_bulk_flows/`` (a CSV and a workbook) into ``out_dir``.

    Returns
    -------
    dict
        ``port_bulk_flows/2019-2022.csv`` and ``port_bulk_flows/2023-2025.xlsx`` -> file written.
    """
    flows = generate_flows(rng)
    out_dir = Path(out_dir)
    (out_dir / "port_bulk_flows").mkdir(parents=True, exist_ok=True)
    early = [f for f in flows if f.month.year <= 2022]
    late = [f for f in flows if f.month.year >= 2023]
    return {
        CSV_FILE: write_csv(out_dir / CSV_FILE, early),
        XLSX_FILE: write_workbook(out_dir / XLSX_FILE, late),
    }


@dataclass(frozen=True)
class YearFigures:
    """What the build should find for one year with the default settings.

    Attributes
    ----------
    year
        Calendar year.
    green_tonnes, tonnes
        Bulk-cargo tonnes (coal, iron ore, coke, bauxite) by green modes; all of them.
    by_cargo
        Cargo -> (green tonnes, tonnes).
    """

    year: int
    green_tonnes: int
    tonnes: int
    by_cargo: dict[str, tuple[int, int]]

    @property
    def share(self) -> float:
        """``green_tonnes / tonnes`` (fraction)."""
        return self.green_tonnes / self.tonnes


def expected_figures(flows: list[Flow]) -> list[YearFigures]:
    """``port_bulk_green_share`` and its by-cargo breakdown, worked out from the flows.

    By the default settings (bulk cargoes and green modes of ``spec/indicators.md``), without the
    build: what the README promises.
    """
    defaults = Settings()
    tally: dict[int, dict[str, list[int]]] = {}
    for flow in flows:
        if flow.cargo in defaults.bulk_cargoes:
            cargo = tally.setdefault(flow.month.year, {}).setdefault(flow.cargo, [0, 0])
            cargo[0] += flow.tonnes if flow.mode in defaults.green_freight_modes else 0
            cargo[1] += flow.tonnes
    return [
        YearFigures(
            year,
            sum(g for g, _ in cargoes.values()),
            sum(t for _, t in cargoes.values()),
            {cargo: (g, t) for cargo, (g, t) in sorted(cargoes.items())},
        )
        for year, cargoes in sorted(tally.items())
    ]


_README = """\
## port_bulk_flows/ — bulk cargo collected to and distributed from the port

Monthly tonnes by port area (前湾 Qianwan, 董家口 Dongjiakou), cargo, flow (集港 / 疏港) and
mode, 2019-2025, in two forms:

| File | Form | Data rows |
|---|---|---|
| `{csv_file}` | {csv_form} | {csv_rows:,} |
| `{xlsx_file}` | {xlsx_form} | {qianwan_rows:,} + {dongjiakou_rows:,} |

Coal, iron ore, coke and bauxite are bulk cargo (setting `bulk_cargoes`); grain and crude oil are
there too and count in no share. Crude oil leaves Dongjiakou by pipeline; no bulk cargo moves by
pipeline, so adding `pipeline` to `green_freight_modes` changes nothing on this sample. The green
shares of coal and iron ore pass through the national figures for coastal main ports in
January-September 2023 (coal 91.6 %, iron ore 78.1 %); Qingdao's own share has not been published,
so the ramp before and after 2023 is invented, as are the volumes. New-energy trucks carry a
growing part of the green tonnes (3 % in 2019, 25 % in 2025).

What the build should find (`port_bulk_green_share`, `port_bulk_green_share_by_cargo`), every year
complete (twelve months):

| Year | Bulk tonnes | Green tonnes | Green share | Coal | Iron ore | Coke | Bauxite |
|---|---|---|---|---|---|---|---|
{years}

So for {last_year}: `port_bulk_green_share` = {last_green:,} / {last_tonnes:,} = {last_share:.4f}
(target 0.80, **{verdict}**).

The deliberate defects (CSV lines count the header as line 1; workbook rows count the title as
row 1):

| File | Place | What is wrong | What the build should do |
|---|---|---|---|
{defects}
"""


def _pct(green: int, total: int) -> str:
    return f"{green / total:.1%}"


def readme_section(rng: random.Random) -> str:
    """Markdown for ``data_samples/README.md``: the files, what the build should find, the defects.

    Parameters
    ----------
    rng
        In the state :func:`write_samples` got, so that the text describes the same flows.
    """
    flows = generate_flows(rng)
    csv_rows = sum(f.month.year <= 2022 for f in flows)
    qianwan = sum(f.month.year >= 2023 and f.terminal == "qianwan" for f in flows)
    dongjiakou = sum(f.month.year >= 2023 and f.terminal == "dongjiakou" for f in flows)
    figures = expected_figures(flows)
    years = [
        f"| {y.year} | {y.tonnes:,} | {y.green_tonnes:,} | {y.share:.1%} | "
        + " | ".join(_pct(*y.by_cargo[c]) for c in ("coal", "iron_ore", "coke", "bauxite"))
        + " |"
        for y in figures
    ]
    places = (
        *(f"line {csv_rows + 2 + n}" for n in range(3)),
        f"sheet 董家口, row {dongjiakou + 3}",
    )
    defects = [
        f"| `{d.file}` | {place} | {d.what} | {d.outcome} |" for d, place in zip(DEFECTS, places, strict=True)
    ]
    last = figures[-1]
    return _README.format(
        csv_file=CSV_FILE,
        csv_form=(
            "GB18030, CRLF, Chinese headers and values (煤炭, 铁矿石, 集港, 疏港, 铁路, 封闭式皮带廊道, "
            "新能源货车, LNG货车), a 备注 column saying the rows are synthetic"
        ),
        xlsx_file=XLSX_FILE,
        xlsx_form=(
            "Excel, one sheet per port area (前湾, 董家口), a title row above the header, months as date cells"
        ),
        csv_rows=csv_rows + 3,
        qianwan_rows=qianwan,
        dongjiakou_rows=dongjiakou + 1,
        years="\n".join(years),
        last_year=last.year,
        last_green=last.green_tonnes,
        last_tonnes=last.tonnes,
        last_share=last.share,
        verdict="met" if last.share >= 0.8 else "not met",
        defects="\n".join(defects),
    )


def readme_figures(rng: random.Random) -> str:
    """Rows of the README's table of published figures (published figure | source | what it shaped)."""
    return (
        "| Coastal main ports, January-September 2023: coal 91.6 %, iron ore 78.1 % moved by port railway, "
        "waterway, closed belt corridor or new-energy trucks | 人民日报 2023-11-16 | Port bulk green share of "
        "coal and iron ore in 2023 (the sample's 2023 shares are within half a point of them) |\n"
        "| Qingdao port's own bulk green share: not found for any year | — | The ramp 2019-2025 "
        "and the volumes are invented; iron ore dominates, as at a leading iron ore port |\n"
    )
