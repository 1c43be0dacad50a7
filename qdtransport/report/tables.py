"""Report tables and HTML fragments formatted for people, in Chinese or English.

Every table function takes rows as the warehouse returns them (polars or pandas) and returns a
polars frame of display strings whose column names are the headers in the chosen language;
:func:`html_table` turns such a frame into an HTML table. The common report sections
(:mod:`qdtransport.report.sections`), the domains' sections and the exploration notebooks call
these; every text comes from :func:`qdtransport.i18n.text`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping
from typing import Any

import duckdb
import polars as pl

from qdtransport.i18n import text, text_or

MISSING = "–"
"""Shown for a value that does not exist (no data, not applicable)."""

# --- reading the database ---------------------------------------------------------------------


def relation_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """True when the database has a table or view called ``name``."""
    found = con.execute(
        "select count(*) from information_schema.tables where table_name = ?", [name]
    ).fetchall()
    return found[0][0] > 0


def read_relation(con: duckdb.DuckDBPyConnection, name: str) -> pl.DataFrame | None:
    """All rows of table or view ``name`` as a polars frame; ``None`` when the database lacks it."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise ValueError(f"not a relation name: {name!r}")
    if not relation_exists(con, name):
        return None
    return con.sql(f'select * from "{name}"').pl()


def column_comments(con: duckdb.DuckDBPyConnection, name: str) -> dict[str, str]:
    """Column name -> comment of table or view ``name`` (empty when it has none)."""
    rows = con.execute(
        "select column_name, comment from duckdb_columns() "
        "where table_name = ? order by column_index",
        [name],
    ).fetchall()
    return {column: comment or "" for column, comment in rows}


# --- values for people ------------------------------------------------------------------------


def format_share(value: float | None) -> str:
    """A fraction as a percentage with one decimal (``0.6667`` -> ``66.7%``); ``–`` for None."""
    return MISSING if value is None else f"{value:.1%}"


def format_value(value: float | None, unit: str) -> str:
    """An indicator value in its unit: shares as %, TEU with separators; ``–`` for None."""
    if value is None:
        return MISSING
    if unit == "share":
        return format_share(value)
    return f"{value:,.0f} {unit}"


def format_target(
    comparator: str, target_value: float, unit: str, target_year: int, *, lang: str = "zh"
) -> str:
    """``≥ 80%（2025年）`` / ``≥ 80% (2025)``: the plan target as people read it."""
    sign = {">=": "≥", ">": ">"}.get(comparator, comparator)
    amount = f"{target_value:.0%}" if unit == "share" else f"{target_value:,.0f} {unit}"
    return text("target_with_year", lang, sign=sign, amount=amount, year=target_year)


def format_check(flag: bool | None) -> str:
    """✓ for True, ✗ for False, ``–`` for None (not decided)."""
    return MISSING if flag is None else ("✓" if flag else "✗")


def format_number(value: float | None, digits: int = 0) -> str:
    """A number with thousands separators and ``digits`` decimals; ``–`` for None."""
    return MISSING if value is None else f"{value:,.{digits}f}"


def as_rows(frame: Any) -> pl.DataFrame:
    """Rows as a polars frame (from polars or pandas)."""
    return frame if isinstance(frame, pl.DataFrame) else pl.from_pandas(frame)


def string_table(columns: Mapping[str, list[str]]) -> pl.DataFrame:
    """A frame of display strings: header -> cells."""
    return pl.DataFrame(
        {name: pl.Series(values, dtype=pl.String) for name, values in columns.items()}
    )


def cell_table(rows: pl.DataFrame, spec: list[tuple[str, Callable[[dict[str, Any]], str]]]) -> pl.DataFrame:
    """A frame of display strings from (header, row -> cell text) pairs, one row per input row."""
    return string_table({header: [cell(r) for r in rows.iter_rows(named=True)] for header, cell in spec})


# --- tables -----------------------------------------------------------------------------------


def scorecard_table(rows: Any, *, lang: str = "zh") -> pl.DataFrame:
    """The scorecard for people: one row per indicator and year.

    Parameters
    ----------
    rows
        Rows with the columns of view ``scorecard``: ``indicator_id``, ``year``, ``value``,
        ``numerator``, ``denominator``, ``target_value``, ``comparator``, ``unit``, ``met``,
        ``complete``, ``target_year``, ``name_zh``, ``name_en``. ``value`` may be null (an
        indicator without data in the year: shown as "no data").
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        String columns Indicator, Year, Value (shares as ``66.7%``, TEU as ``2,200,000 TEU``),
        Numerator / denominator (whole numbers with separators), Target (``≥ 80% (2025)``),
        Met (✓/✗, ``–`` without a value), Year data ("full year" or "not complete †"); with a
        ``status`` column (view ``target_status``) also Status, and Reason where rows have
        ``reason_<lang>``. No rows gives an empty frame with these columns.
    """
    rows = as_rows(rows)
    columns: dict[str, list[str]] = {
        text(k, lang): []
        for k in (
            "col_indicator",
            "col_year",
            "col_value",
            "col_fraction",
            "col_target",
            "col_met",
            "col_year_data",
        )
    }
    out = list(columns.values())
    for row in rows.iter_rows(named=True):
        has_value = row["value"] is not None
        out[0].append(row["name_zh"] if lang == "zh" else row["name_en"])
        out[1].append(str(row["year"]))
        out[2].append(
            format_value(row["value"], row["unit"]) if has_value else text("no_value", lang)
        )
        out[3].append(
            f"{row['numerator']:,.0f} / {row['denominator']:,.0f}"
            if row.get("denominator") is not None
            else MISSING
        )
        out[4].append(
            format_target(
                row["comparator"], row["target_value"], row["unit"], row["target_year"], lang=lang
            )
        )
        out[5].append(format_check(row["met"]) if has_value else MISSING)
        if not has_value:
            out[6].append(MISSING)
        else:
            out[6].append(
                text("year_complete" if row["complete"] else "year_incomplete", lang)
            )
    if "status" in rows.columns:  # rows of view target_status: the status and why
        columns[text("cli.col_status", lang)] = [
            text(f"status.{s}", lang) if s else MISSING for s in rows["status"]
        ]
        if f"reason_{lang}" in rows.columns:
            columns[text("cli.col_reason", lang)] = [r or MISSING for r in rows[f"reason_{lang}"]]
    return string_table(columns)


def _shorten(value: str | None, limit: int = 160) -> str:
    if value is None:
        return MISSING
    return value if len(value) <= limit else value[: limit - 1] + "…"


def problem_table(
    rows: Any, *, code_column: str, text_column: str, lang: str = "zh"
) -> pl.DataFrame:
    """Rejected rows or warnings counted per file and code, each with its first example.

    Parameters
    ----------
    rows
        Rows of table ``rejects`` (``code_column="reason_code"``, ``text_column="reason"``) or
        ``data_quality_warnings`` (``"warning_code"``, ``"warning"``): ``source_file``,
        ``source_row``, the code and text columns, ``raw_row`` (JSON of the row as given).
    code_column, text_column
        Names of the code and readable-text columns.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        One string row per file and code, ordered by file and code: file, code, rows (count),
        explanation (what the code means in ``lang``; in English followed by the first row's
        own reason), example (``row N: raw content``, cut at 160 characters). No rows gives an
        empty frame.
    """
    rows = as_rows(rows)
    grouped = (
        rows.sort("source_file", code_column, "source_row")
        .group_by("source_file", code_column, maintain_order=True)
        .agg(
            rows=pl.len(),
            first_text=pl.col(text_column).first(),
            first_row=pl.col("source_row").first(),
            first_raw=pl.col("raw_row").first(),
        )
    )
    code_header = text("col_reason" if code_column == "reason_code" else "col_warning", lang)
    prefix = "reject" if code_column == "reason_code" else "warning"
    return string_table(
        {
            text("col_file", lang): grouped["source_file"].to_list(),
            code_header: grouped[code_column].to_list(),
            text("col_rows", lang): [f"{n:,}" for n in grouped["rows"].to_list()],
            # what the code means in the report's language; in English also the first row's
            # own reason (it is written in English, so a Chinese report leaves it out)
            text("col_explanation", lang): [
                _code_meaning(prefix, code, first, lang)
                for code, first in zip(
                    grouped[code_column].to_list(), grouped["first_text"].to_list(), strict=True
                )
            ],
            text("col_example", lang): [
                f"{text('row_number', lang, row=n)}: {_shorten(raw)}"
                for n, raw in zip(
                    grouped["first_row"].to_list(), grouped["first_raw"].to_list(), strict=True
                )
            ],
        }
    )


def _code_meaning(prefix: str, code: str, first_text: str | None, lang: str) -> str:
    meaning = text_or(f"{prefix}.{code}", code, lang)
    if lang == "en" and first_text:
        return f"{meaning}: {first_text}"
    return meaning


def manifest_table(rows: Any, *, lang: str = "zh") -> pl.DataFrame:
    """The input files of the build, for provenance.

    Parameters
    ----------
    rows
        Rows of table ``load_manifest``.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        One string row per file: file, table, format, encoding, rows read, loaded, rejected,
        duplicates collapsed, warnings, size in bytes (thousands separators) and the full
        SHA-256 (64 hex digits). No rows gives an empty frame.
    """
    rows = as_rows(rows)
    spec: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        (text("col_file", lang), lambda r: str(r["source_file"])),
        (text("col_table", lang), lambda r: str(r["table_name"])),
        (text("col_format", lang), lambda r: r["format"] or MISSING),
        (text("col_encoding", lang), lambda r: r["encoding"] or MISSING),
        (text("col_rows_read", lang), lambda r: format_number(r["rows_read"])),
        (text("col_rows_loaded", lang), lambda r: format_number(r["rows_loaded"])),
        (text("col_rows_rejected", lang), lambda r: format_number(r["rows_rejected"])),
        (text("col_duplicates", lang), lambda r: format_number(r["duplicates_collapsed"])),
        (text("col_warnings", lang), lambda r: format_number(r["warnings"])),
        (text("col_size", lang), lambda r: format_number(r["size_bytes"])),
        (text("col_sha256", lang), lambda r: str(r["sha256"])),
    ]
    return cell_table(rows, spec)


def key_value_table(
    values: Mapping[str, object], *, descriptions: Mapping[str, str] | None = None, lang: str = "zh"
) -> pl.DataFrame:
    """One row per key: the key, its value as text (lists joined with commas) and its meaning.

    Used for ``build_info`` (descriptions from its column comments) and ``settings``.

    Returns
    -------
    polars.DataFrame
        String columns Item, Value and, when ``descriptions`` is given, Meaning.
    """

    def show(value: object) -> str:
        if value is None:
            return MISSING
        if isinstance(value, bool):
            return text("yes" if value else "no", lang)
        if isinstance(value, (list, tuple)):
            return ", ".join(str(v) for v in value)
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d %H:%M:%S")
        return str(value)

    columns = {
        text("col_item", lang): list(values),
        text("col_value", lang): [show(v) for v in values.values()],
    }
    if descriptions is not None:
        columns[text("col_meaning", lang)] = [descriptions.get(k, "") for k in values]
    return string_table(columns)


LONG_CELL = 24
"""Cells longer than this (characters) may wrap in the report's tables."""

_NUMBER = re.compile(r"[-+]?[\d,]+(\.\d+)?( ?(%|km|kW|TEU))?|–|[\d,]+ / [\d,]+")
"""A cell that is a number (with a unit, a percentage, a fraction) or the missing mark."""


def cell_class(shown: str) -> str:
    """Return the CSS classes of a table cell showing ``shown``.

    ``met``/``unmet`` for ✓/✗; ``num`` for a number (right-aligned); ``long`` for text longer
    than :data:`LONG_CELL` (it wraps); ``long code`` for a long token without spaces (a SHA-256,
    a path), which may break anywhere when printed. Empty for other short text.
    """
    if shown == "✓":
        return "met"
    if shown == "✗":
        return "unmet"
    if _NUMBER.fullmatch(shown):
        return "num"
    if len(shown) > LONG_CELL:
        return "long code" if shown.isascii() and " " not in shown else "long"
    return ""


def html_table(table: pl.DataFrame, *, empty_note: str | None = None, lang: str = "zh") -> str:
    """A frame of display strings as an HTML ``<table>`` (every cell escaped).

    Each cell gets the classes of :func:`cell_class` (✓/✗ coloured, numbers right-aligned, long
    text wrapping). A frame without rows gives a paragraph with ``empty_note`` (default
    "No rows.").
    """
    if table.is_empty():
        return (
            f'<p class="qd-note">{html.escape(empty_note or text("note_no_rows", lang))}</p>'
        )
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    body = []
    for row in table.iter_rows():
        cells = []
        for value in row:
            shown = MISSING if value is None else str(value)
            css = cell_class(shown)
            attribute = f' class="{css}"' if css else ""
            cells.append(f"<td{attribute}>{html.escape(shown)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    rows = "".join(body)
    return f'<table class="qd-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


# --- text blocks ------------------------------------------------------------------------------


def title_html(info: Mapping[str, Any], *, year: int, lang: str = "zh") -> str:
    """The report's title with the year, and a line naming the dataset and when it was built.

    ``info`` is the one row of table ``build_info`` as a mapping.
    """
    dataset = info.get("dataset_name") or text("unnamed_dataset", lang)
    built_at = info.get("built_at")
    built = built_at.strftime("%Y-%m-%d %H:%M") if hasattr(built_at, "strftime") else str(built_at)
    subtitle = text("report_subtitle", lang, dataset=dataset, built_at=built)
    return (
        f"<h1>{html.escape(text('report_title', lang, year=year))}</h1>"
        f'<p class="qd-subtitle">{html.escape(subtitle)}</p>'
    )


def synthetic_banner_html(info: Mapping[str, Any]) -> str:
    """The demo-data banner when ``build_info.synthetic`` is true, else an empty string."""
    if not info.get("synthetic"):
        return ""
    banner = text("synthetic_banner", "zh")
    return f'<div class="qd-synthetic" role="alert">{html.escape(banner)}</div>'


def heading_html(key: str, *, lang: str = "zh", level: int = 2, **values: object) -> str:
    """A section heading: the text of ``key`` (:func:`qdtransport.i18n.text`)."""
    return f"<h{level}>{html.escape(text(key, lang, **values))}</h{level}>"


def note_html(key: str, *, lang: str = "zh", **values: object) -> str:
    """A short note paragraph: the text of ``key`` (:func:`qdtransport.i18n.text`)."""
    return f'<p class="qd-note">{html.escape(text(key, lang, **values))}</p>'
