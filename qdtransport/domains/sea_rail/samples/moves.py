"""Synthetic sea-rail container moves, drawn fast enough for millions of rows.

Every draw is vectorised with numpy from one generator, so the same seed gives the same moves.
The mix is invented but shaped like a Chinese sea-rail flow: mostly 40 ft boxes (two thirds of
them high cubes, ``45G1``), a quarter 20 ft, a few 45 ft (``L5G1``); about four in five full;
slightly more boxes arriving by rail for export (集港) than leaving by rail (疏港).
"""

from __future__ import annotations

import calendar
import datetime as dt

import numpy as np
import polars as pl

from qdtransport.checkdigits import ISO6346_LETTER_VALUES

OWNER_CODES: tuple[str, ...] = (
    "CSNU", "CBHU", "CCLU", "FCIU", "OOLU", "TGHU", "TCNU", "SEGU", "BMOU", "TRHU", "MSKU",
    "MSCU", "CMAU", "EGHU", "DFSU", "TEMU",
)  # fmt: skip
"""Owner codes + category U of the boxes (BIC prefixes of lines and lessors; serials invented)."""

ISO_TYPES: dict[str, float] = {
    "22G1": 0.24, "22U1": 0.005, "22T1": 0.005, "22R1": 0.01, "42G1": 0.19, "45G1": 0.47,
    "45R1": 0.03, "42U1": 0.01, "L5G1": 0.04,
}  # fmt: skip
"""Size-type code -> share of boxes."""

FULL_SHARE = 0.78
"""Share of full boxes (重)."""

RAIL_TO_SHIP_SHARE = 0.52
"""Share of boxes arriving by rail to leave by ship (集港)."""

TERMINALS: dict[str, float] = {"前湾": 0.86, "董家口": 0.14}
"""Port terminal -> share of the boxes (前湾 Qianwan, 董家口 Dongjiakou)."""

INLAND_NODES: dict[str, tuple[float, str]] = {
    "胶州": (0.17, "X9001"), "西安": (0.10, "X9101"), "郑州": (0.08, "X9111"),
    "淄博": (0.07, "X9021"), "济南": (0.07, "X9031"), "临沂": (0.06, "X9041"),
    "潍坊": (0.05, "X9051"), "德州": (0.04, "X9061"), "聊城": (0.04, "X9071"),
    "菏泽": (0.03, "X9081"), "太原": (0.05, "X9121"), "长治": (0.03, "X9131"),
    "银川": (0.03, "X9141"), "兰州": (0.04, "X9151"), "西宁": (0.02, "X9161"),
    "乌鲁木齐": (0.05, "X9171"), "成都": (0.03, "X9181"), "邯郸": (0.04, "X9191"),
}  # fmt: skip
"""Inland port or city -> share of the boxes and its train number (班列号, invented)."""

_LETTERS = np.array([[ISO6346_LETTER_VALUES[c] for c in owner] for owner in OWNER_CODES])


def _pick(rng: np.random.Generator, choices: dict, n: int, weight=lambda v: v) -> np.ndarray:
    keys = list(choices)
    weights = np.array([weight(choices[k]) for k in keys], dtype=float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=n, p=weights / weights.sum())]


def container_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` container numbers with a correct ISO 6346 check digit (owner, U, serial, digit)."""
    owner = rng.integers(0, len(OWNER_CODES), n)
    serial = rng.integers(0, 1_000_000, n)
    digits = (serial[:, None] // 10 ** np.arange(5, -1, -1)) % 10
    total = (_LETTERS[owner] * 2 ** np.arange(4)).sum(axis=1) + (digits * 2 ** np.arange(4, 10)).sum(axis=1)
    check = total % 11 % 10
    owners = np.array(OWNER_CODES, dtype=object)[owner]
    return np.array([f"{o}{s:06d}{c}" for o, s, c in zip(owners, serial, check, strict=True)], dtype=object)


def month_moves(rng: np.random.Generator, year: int, month: int, boxes: int) -> pl.DataFrame:
    """The moves of one month, in time order.

    Parameters
    ----------
    rng
        numpy generator all draws come from.
    year, month
        The calendar month; move times fall anywhere in it, to the second.
    boxes
        Number of moves.

    Returns
    -------
    polars.DataFrame
        Columns move_id (``T`` + yyyymm + sequence; renumbered per terminal when written),
        container_no, iso_type, full_empty (``F``/``E``), direction (``rail_to_ship``/
        ``ship_to_rail``), move_time (datetime, local time, seconds), terminal, inland_node,
        train_no.
    """
    days = calendar.monthrange(year, month)[1]
    seconds = np.sort(rng.integers(0, days * 86_400, boxes))
    start = np.datetime64(dt.datetime(year, month, 1), "s")
    nodes = _pick(rng, INLAND_NODES, boxes, weight=lambda v: v[0])
    trains = {node: train for node, (_, train) in INLAND_NODES.items()}
    return pl.DataFrame(
        {
            "move_id": [f"T{year}{month:02d}{i:07d}" for i in range(1, boxes + 1)],
            "container_no": container_numbers(rng, boxes),
            "iso_type": _pick(rng, ISO_TYPES, boxes),
            "full_empty": np.where(rng.random(boxes) < FULL_SHARE, "F", "E"),
            "direction": np.where(rng.random(boxes) < RAIL_TO_SHIP_SHARE, "rail_to_ship", "ship_to_rail"),
            "move_time": (start + seconds.astype("timedelta64[s]")).astype("datetime64[us]"),
            "terminal": _pick(rng, TERMINALS, boxes),
            "inland_node": nodes,
            "train_no": [trains[node] for node in nodes],
        },
        schema_overrides={"move_time": pl.Datetime("us")},
    )


def teu_of(iso_types: pl.Series, teu_factor_45ft: float = 2.25) -> pl.Series:
    """TEU per box of each size-type code (``length_ft / 20``, 45 ft by the setting)."""
    from qdtransport.domains.sea_rail.iso6346 import LENGTH_CODES

    per_code = {c.code: (teu_factor_45ft if c.code == "L" else c.teu) for c in LENGTH_CODES.values()}
    return iso_types.str.slice(0, 1).replace_strict(per_code, return_dtype=pl.Float64)
