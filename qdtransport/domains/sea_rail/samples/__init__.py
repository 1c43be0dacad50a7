"""Synthetic sea-rail sample data: reported monthly volumes 2018-2025 and December 2025's moves.

- ``sea_rail_monthly.csv`` — reported TEU per month, 2018-01 to 2025-12, adding up to the
  published annual figures (:mod:`.monthly`);
- ``sea_rail_moves/`` — every container move of December 2025 at the port's 2025 rate, as the two
  terminals' systems export them, with deliberate defects (:mod:`.files`, :mod:`.moves`).

The build counts December 2025 from the moves (the reported figure stays beside it) and every
other month from the reported figures. Everything is synthetic and says so; the same seed gives
the same bytes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qdtransport.domains.sea_rail.samples.files import (
    FILES,
    QIANWAN,
    ROW_NOTE,
    MoveFiles,
    make_files,
    write_move_files,
)
from qdtransport.domains.sea_rail.samples.monthly import ANNUAL_TEU, monthly_figures, write_monthly
from qdtransport.domains.sea_rail.samples.moves import month_moves, teu_of

DECEMBER_BOXES = 112_000
"""Moves in December 2025 (the port's 2025 rate: about 2.7 million TEU a year at ~1.75 TEU/box)."""


@dataclass
class SeaRailSamples:
    """Everything the sea-rail sample files are written from.

    Attributes
    ----------
    files
        December 2025's moves and their export files.
    monthly
        ``YYYY-MM`` -> reported TEU.
    """

    files: MoveFiles
    monthly: dict[str, int]

    def counted_december(self, teu_factor_45ft: float = 2.25) -> tuple[int, float]:
        """Boxes and TEU the build counts for December 2025 from the moves."""
        counted = self.files.counted()
        return counted.height, float(teu_of(counted["iso_type"], teu_factor_45ft).sum())

    def yearly(self, teu_factor_45ft: float = 2.25) -> dict[int, float]:
        """``sea_rail_teu`` per year as the build should give it (all years complete)."""
        values = {year: 0.0 for year in ANNUAL_TEU}
        for month, teu in self.monthly.items():
            if month != "2025-12":
                values[int(month[:4])] += teu
        values[2025] += self.counted_december(teu_factor_45ft)[1]
        return values


def draw(rng: random.Random) -> SeaRailSamples:
    """Draw the sample (no files written); the same ``rng`` state gives the same sample."""
    generator = np.random.default_rng(rng.getrandbits(64))
    moves = month_moves(generator, 2025, 12, DECEMBER_BOXES)
    files = make_files(moves, generator)
    # the port's statistics: every real move of the month, 45-ft boxes as 2 TEU
    december = round(float(teu_of(files.moves["iso_type"], 2.0).sum()))
    return SeaRailSamples(files=files, monthly=monthly_figures(generator, december))


def write(out_dir: Path, rng: random.Random) -> dict[str, Path]:
    """Write ``sea_rail_monthly.csv`` and ``sea_rail_moves/`` into ``out_dir``."""
    sample = draw(rng)
    written = write_move_files(Path(out_dir) / "sea_rail_moves", sample.files)
    written["sea_rail_monthly.csv"] = write_monthly(Path(out_dir) / "sea_rail_monthly.csv", sample.monthly, ROW_NOTE)
    return written


def _row(name: str, form: str, rows: int) -> str:
    return f"| {name} | {form} | {rows:,} |"


def readme_section(rng: random.Random) -> str:
    """The sea-rail part of ``data_samples/README.md``."""
    sample = draw(rng)
    rows = sample.files.rows
    boxes, teu = sample.counted_december()
    _, teu_2 = sample.counted_december(2.0)
    reported = sample.monthly["2025-12"]
    yearly = sample.yearly()
    lines = [
        "## sea_rail_monthly.csv, sea_rail_moves/ — container sea-rail volume (海铁联运)",
        "",
        "| File | Form | Data rows |",
        "|---|---|---|",
        _row(
            "`sea_rail_monthly.csv`",
            "UTF-8 with BOM, CRLF, headers 月份/海铁联运量/来源/备注; reported TEU per month, 2018-01 to 2025-12",
            len(sample.monthly),
        ),
        _row(
            f"`sea_rail_moves/{QIANWAN}`",
            "Excel, a title row above the header, 作业时间 as date cells, 重/空 and "
            "集港/疏港; the 前湾 terminal's December 2025",
            rows[QIANWAN].height,
        ),
        _row(
            f"`sea_rail_moves/{FILES[1]}`",
            "GBK, CRLF, other header spellings (集装箱号, 箱型尺寸, 港区, 到发站, 车次) "
            "and a 备注 column; the 董家口 terminal's December 2025",
            rows[FILES[1]].height,
        ),
        _row(
            f"`sea_rail_moves/{FILES[2]}`",
            "the same system's first export of January, taken just after midnight: "
            "records of 31 December entered late, most already in the December file",
            rows[FILES[2]].height,
        ),
        "",
        (
            f"December 2025 holds {DECEMBER_BOXES:,} moves (the port's 2025 rate; about 1.75 TEU per box: "
            "two thirds of the boxes are 40 ft, mostly 45G1 high cubes, a quarter 20 ft, 4 % 45 ft L5G1), "
            "78 % full, 52 % rail to ship, 86 % at 前湾. Container numbers carry real owner prefixes "
            "with invented serials and correct ISO 6346 check digits; inland ports are real cities on "
            "the port's sea-rail lines, train numbers invented."
        ),
        "",
        "### The deliberate defects of sea_rail_moves/",
        "",
        "Lines count the header as line 1 in the CSV files; sheet rows count the title as row 1 in the workbook.",
        "",
        "| File | Line(s) | What is wrong | What the build should do |",
        "|---|---|---|---|",
    ]
    for defect in sample.files.defects:
        shown = ", ".join(str(n) for n in defect.lines[:8]) + (" …" if len(defect.lines) > 8 else "")
        lines.append(f"| `{defect.file}` | {shown} | {defect.what} | {defect.build} |")
    lines += [
        "",
        "### What the build should find",
        "",
        (
            f"December 2025 is counted from the moves: {boxes:,} boxes, {teu:,.2f} TEU "
            f"({teu_2:,.2f} with `teu_factor_45ft = 2`). The reported figure for December, "
            f"{reported:,} TEU, is what the port's statistics give for all {DECEMBER_BOXES:,} moves with "
            "45-ft boxes as 2 TEU; `sea_rail_teu_reconciliation` shows the difference "
            f"({teu - reported:+,.2f} TEU: the 45-ft boxes' extra 0.25 TEU, less the rejected rows). "
            "Every other month comes from `sea_rail_monthly.csv`."
        ),
        "",
        "| Year | `sea_rail_teu` | Complete | Months from moves | At least 2.2 million TEU |",
        "|---|---|---|---|---|",
    ]
    for year, value in yearly.items():
        verdict = "yes" if value >= 2_200_000 else "no"
        lines.append(f"| {year} | {value:,.2f} | yes | {1 if year == 2025 else 0} | {verdict} |")
    growth = yearly[2025] / yearly[2024] - 1
    lines += [
        "",
        f"Growth 2024 → 2025: {growth:.1%}, below the national ask of more than 15 % a year"
        " (`sea_rail_teu_growth`).".replace("below", "below" if growth <= 0.15 else "above"),
        "",
    ]
    return "\n".join(lines)


FIGURES: tuple[str, ...] = (
    (
        "| Qingdao Port sea-rail volume: 115.4万 TEU (2018), 167万 (2020, +20 %), 182万 (2021), "
        '"突破190万" (2022), 220万 (2023), 254.6万 (2024, +15.3 %) | 青岛新闻网 2019-01-10; 中证网; '
        "新华社-style report 2023; 中国水运网 2024-01-26; 中国经营报 2025-05-08 | The annual totals "
        "of `sea_rail_monthly.csv`: 1,154,000, 1,670,000, 1,820,000, 1,906,000, 2,200,000 and "
        "2,546,000 TEU |"
    ),
    (
        "| 2019: no clean figure found; 2020 was +20 % | 中证网 | 2019 chosen as 2020 / 1.2 ≈ "
        "1,392,000 TEU (+20.6 % on 2018) |"
    ),
    (
        '| 2025: ">198万" container rail-water TEU by about September; full year not found | '
        "repost (C), 2025-09 | 2025 chosen as 2,700,000 TEU (+6 %), December counted from the "
        "moves |"
    ),
    (
        "| About 100,000 boxes a month (2.2-2.7 million TEU a year at 1.7-1.9 TEU per box) | "
        "the annual figures | December 2025 holds 112,000 moves |"
    ),
    (
        "| 45-ft boxes: 2.25 TEU, some statistics count 2 | 百科; Wikipedia mirror | "
        "`teu_factor_45ft` (2.25); the reported December counts 2 |"
    ),
)
"""Rows of the README's table of published figures behind the sea-rail sample."""


def readme_figures(rng: random.Random) -> str:
    """Rows of the README's table of published figures behind the sea-rail sample."""
    return "\n".join(FIGURES)


__all__ = ["DECEMBER_BOXES", "SeaRailSamples", "draw", "readme_figures", "readme_section", "write"]
