"""Synthetic resident travel surveys for the sample data set, and their README section.

:func:`write_samples` writes ``travel_survey_trips/`` (2019 GBK CSV, 2022 workbook, 2024 UTF-8
CSV; see :mod:`.files`), drawn by :mod:`.generator` with a dozen deliberate defects.
:func:`readme_section` describes them and what the build should find, computed by :mod:`.figures`
from the rows the build will load; :func:`readme_figures` lists the published figures behind them.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from qdtransport.domains.travel.samples.figures import ShareFigure, green_share, loaded, mode_shares
from qdtransport.domains.travel.samples.files import (
    FILES,
    TravelRow,
    add_defects,
    list_defects,
    survey_rows,
    write_survey_files,
)
from qdtransport.domains.travel.samples.generator import GREEN_MODES, YEAR_TARGETS, draw_survey

FOLDER = "travel_survey_trips"
"""The table's folder inside the sample data directory."""


def survey_files(rng: random.Random) -> dict[str, list[TravelRow]]:
    """The three survey files' rows, defects included; the same ``rng`` state gives the same rows."""
    generator = np.random.default_rng(rng.getrandbits(64))
    return {
        FILES[year]: add_defects(FILES[year], survey_rows(draw_survey(year, generator)), generator)
        for year in sorted(FILES)
    }


def write_samples(out_dir: Path, rng: random.Random) -> dict[str, Path]:
    """Write ``travel_survey_trips/`` into ``out_dir``; returns relative path -> file written."""
    return write_survey_files(Path(out_dir) / FOLDER, survey_files(rng))


def expected_shares(files: dict[str, list[TravelRow]], green_modes: tuple[str, ...] = GREEN_MODES) -> list[ShareFigure]:
    """The green travel share per survey year the build should find."""
    return [green_share(loaded(rows), int(file[:4]), green_modes) for file, rows in files.items()]


def _pct(value: float) -> str:
    return f"{100 * value:.1f} %"


def readme_section(rng: random.Random) -> str:
    """Markdown for ``data_samples/README.md``: the survey files, the defects, what to expect."""
    files = survey_files(rng)
    shares = expected_shares(files)
    without_e_bike = expected_shares(files, tuple(m for m in GREEN_MODES if m != "e_bike"))
    lines = [
        "## Resident travel surveys (`travel_survey_trips/`)",
        "",
        "Three synthetic resident travel surveys (居民出行调查), one file per survey year, read as one",
        "table; every trip carries its person's expansion factor (扩样系数). About 10,000 persons each,",
        "over-sampled in the small districts (persons ∝ √population) and weighted back.",
        "",
        "| File | Form | Rows | Persons drawn | Drawn to show (expected green share) |",
        "|---|---|---:|---:|---:|",
    ]
    forms = {
        "2019.csv": "GBK, CRLF, Chinese headers and labels (步行, 公交, 地铁 …), 备注 column",
        "2022.xlsx": "workbook, title row, Chinese headers (权重), metro as 轨道交通",
        "2024.csv": "UTF-8, English headers and codes, note column",
    }
    for file, rows in files.items():
        year = int(file[:4])
        lines.append(
            f"| `{file}` | {forms[file]} | {len(rows):,} | {YEAR_TARGETS[year].persons:,} | "
            f"{_pct(YEAR_TARGETS[year].green_share)} |"
        )
    lines += [
        "",
        "What the build should find (`green_travel_share`; target: more than 70 %; the interval is the",
        "design-based 95 % interval with persons as clusters):",
        "",
        "| Survey year | Trips loaded | Persons (clusters) | Green travel share | 95 % interval | Design effect "
        "| > 70 %? | Without e-bikes |",
        "|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for share, other in zip(shares, without_e_bike, strict=True):
        met = "yes" if share.value > 0.70 else "no"
        lines.append(
            f"| {share.year} | {share.trips:,} | {share.persons:,} | {share.value:.4f} | "
            f"{share.ci_low:.4f} – {share.ci_high:.4f} | {share.design_effect:.2f} | {met} | {other.value:.4f} |"
        )
    lines += [
        "",
        "Mode split (weighted trips):",
        "",
        "| Mode | " + " | ".join(str(s.year) for s in shares) + " |",
        "|---|" + "---:|" * len(shares),
    ]
    splits = [mode_shares(loaded(rows)) for rows in files.values()]
    for mode in splits[-1]:
        lines.append(f"| {mode} | " + " | ".join(_pct(split.get(mode, 0.0)) for split in splits) + " |")
    lines += [
        "",
        "Deliberate defects (lines count the header as line 1; the workbook's header is row 2):",
        "",
        "| File | Line | Trip | Defect | The build |",
        "|---|---:|---|---|---|",
    ]
    outcome = {
        "reject": "rejects it",
        "collapse": "counts it once",
        "own_cluster": "loads it; the trip is its own cluster in the variance",
    }
    defects = list_defects(files)
    for defect in defects:
        if defect.kind != "missing_person_id":
            lines.append(
                f"| `{defect.file}` | {defect.line} | {defect.trip_id} | {defect.kind.replace('_', ' ')} | "
                f"{outcome[defect.outcome]} |"
            )
    for file in files:
        missing = [d for d in defects if d.file == file and d.kind == "missing_person_id"]
        lines.append(
            f"| `{file}` | {', '.join(str(d.line) for d in missing)} | {len(missing)} trips | "
            f"missing person id | {outcome['own_cluster']} |"
        )
    return "\n".join(lines) + "\n"


_FIGURES = (
    (
        "| 2022 assessment: green travel share 71.3 %; Qingdao among the cities meeting the green-travel "
        "creation targets | 青岛日报 2023-01-10 | The 2022 survey is drawn to 71.3 %; 2019 (68.5 %) and "
        "2024 (72.5 %) have no published figure and are assumptions |\n"
    ),
    (
        "| Metro 246 km (2020), 315 km (Dec 2022, Line 4), 352 km (end-2024); 2024 passengers: metro "
        "52,884万, regular bus 71,122万 | 十三五 review; Railway Gazette 2022-12; 青岛新闻网 2025-02-18 | "
        "Metro trips grow against bus: about 0.2 (2019), 0.45 (2022) and 0.7 (2024) of bus trips; 平度 "
        "and 莱西 have no metro |\n"
    ),
    (
        "| Green travel = urban rail, bus, bicycle and walking (MOT/NDRC 绿色出行创建行动方案, 2020) | "
        "summary of the MOT/NDRC text | E-bikes count as bicycles by default (setting "
        "`green_travel_modes`); the README gives the shares without them too |\n"
    ),
)


def readme_figures(rng: random.Random) -> str:
    """Rows of the README's table of published figures: the ones behind the travel surveys."""
    return "".join(_FIGURES)


__all__ = ["FOLDER", "readme_figures", "readme_section", "survey_files", "write_samples"]
