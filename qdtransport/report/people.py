"""Query results for people in the notebooks: headers in words, shares in %, codes in words.

A polars frame in a notebook prints as its repr: quoted strings, a dtype row, fractions, ten
rows. :func:`show` turns any frame into the report's HTML table instead:

- headers in the chosen language (``nev_share`` -> 新能源占比 / New-energy share) where
  :data:`qdtransport.i18n.COLUMNS` names the column, else the column name;
- fractions as percentages (columns named ``share``, ``coverage``, ``…_share``, ``…_rate``);
- codes in words (``bus`` -> 公交车, ``SW`` -> 往西南) in the columns of :data:`CODE_COLUMNS`;
- ✓/✗ for true/false, thousands separators, ``–`` for none;
- every row up to ``max_rows`` (1,000), and a line saying how many were left out past that.

:func:`column_meanings` lists what each column of some relations means, with the database's
comments in full.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import duckdb
import polars as pl

from qdtransport.i18n import check_lang, has_text, text, text_or
from qdtransport.report.tables import MISSING, as_rows, format_check, html_table

CODE_COLUMNS: tuple[str, ...] = (
    "use_type", "kind", "direction", "cargo", "flow", "mode", "site_match", "status",
)  # fmt: skip
"""Columns whose values are codes shown in words where a domain's labels name them."""

_SHARE = re.compile(r"(^|_)(share|coverage|rate)$")


def is_share(column: str) -> bool:
    """Return True for a column holding a fraction: ``share``, ``coverage``, ``…_share``."""
    return bool(_SHARE.search(column))


def header(column: str, lang: str = "zh") -> str:
    """Return the header of ``column`` in ``lang`` (i18n key ``column.<name>``), else the name."""
    return text_or(f"column.{column}", column, lang)


def code_word(value: str, lang: str = "zh") -> str:
    """Return a code in words from the domains' labels (``bus`` -> 公交车), else the code."""
    from qdtransport.domains import DOMAINS

    for key in (
        *(f"{d.name}.{value}" for d in DOMAINS),
        *(f"{d.name}.direction_{value}" for d in DOMAINS),
    ):
        if has_text(key):
            return text(key, lang)
    return value


_PLAIN_NUMBER = re.compile(r"^(year|month|day|source_row)$|_(year|id)$")
"""Integer columns shown without thousands separators (2025, not 2,025)."""


def _cell(value: Any, *, share: bool, code: bool, plain: bool, lang: str) -> str:
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return format_check(value)
    if share and isinstance(value, int | float):
        return f"{value:.1%}"
    if isinstance(value, int):
        return str(value) if plain else f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:,.0f}"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if code and isinstance(value, str):
        return code_word(value, lang)
    return str(value)


def people_frame(
    frame: Any,
    *,
    lang: str = "zh",
    shares: Iterable[str] | None = None,
    codes: Iterable[str] | None = None,
) -> pl.DataFrame:
    """Return ``frame`` as strings for people, its headers in ``lang``.

    Parameters
    ----------
    frame
        A polars or pandas frame.
    lang
        ``"zh"`` or ``"en"``.
    shares
        Columns holding fractions (shown as ``66.7%``); default those :func:`is_share` names.
    codes
        Columns holding codes (shown in words); default those of :data:`CODE_COLUMNS`.
    """
    check_lang(lang)
    rows = as_rows(frame)
    share_columns = set(shares) if shares is not None else {c for c in rows.columns if is_share(c)}
    code_columns = set(codes) if codes is not None else set(CODE_COLUMNS)
    out: dict[str, list[str]] = {}
    for column in rows.columns:
        name = header(column, lang)
        while name in out:  # two columns with one header: keep both
            name += " "
        share, code = column in share_columns, column in code_columns
        plain = bool(_PLAIN_NUMBER.search(column))
        out[name] = [_cell(v, share=share, code=code, plain=plain, lang=lang) for v in rows[column].to_list()]
    return pl.DataFrame({k: pl.Series(v, dtype=pl.String) for k, v in out.items()})


def show(
    frame: Any,
    *,
    lang: str = "zh",
    shares: Iterable[str] | None = None,
    codes: Iterable[str] | None = None,
    max_rows: int = 1000,
) -> Any:
    """Return ``frame`` as the report's HTML table for a notebook to display (all rows).

    Rows past ``max_rows`` are left out and a note says how many; see :func:`people_frame`.
    """
    from IPython.display import HTML

    rows = as_rows(frame)
    table = people_frame(rows.head(max_rows), lang=lang, shares=shares, codes=codes)
    page = html_table(table, lang=lang)
    if rows.height > max_rows:
        note = text("note_rows_left_out", lang, shown=max_rows, total=rows.height)
        page += f'<p class="qd-note">{note}</p>'
    return HTML(page)


def column_meanings(con: duckdb.DuckDBPyConnection, relations: Iterable[str], *, lang: str = "zh") -> Any:
    """Return what each column of ``relations`` means: its type and full comment, as HTML."""
    names = list(relations)
    rows = con.sql(
        "select table_name as relation, column_name, data_type, comment from duckdb_columns() "
        "where list_contains(?, table_name) order by list_position(?, table_name), column_index",
        params=[names, names],
    ).pl()
    return show(rows, lang=lang, codes=())
