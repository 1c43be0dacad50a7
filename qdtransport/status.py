"""Target status: the relations view ``target_status`` reads, and reading it for people.

The build calls :func:`create_status_relations` before the scorecard layer of ``queries/`` runs;
it writes, from the registered indicators (:mod:`qdtransport.domains`) and the texts
(:mod:`qdtransport.i18n`):

- table ``indicator_catalog``: one row per registered indicator — indicator_id, domain, view,
  input_tables (list of contract tables), months_view (view listing the months the inputs cover,
  or null), view_exists;
- view ``indicator_months``: one row per indicator and month its inputs cover (indicators with a
  months view whose view exists);
- table ``status_texts``: one row per reason code of ``target_status``, with the Chinese and
  English templates.

So a domain registered later is covered by ``target_status`` without touching the SQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qdtransport.i18n import LANGS, all_labels, text

STATUSES: tuple[str, ...] = ("met", "not_met", "provisional", "no_input", "no_data")
"""Values of ``target_status.status``."""

STATUS_COLUMNS: tuple[str, ...] = (
    "indicator_id",
    "year",
    "value",
    "status",
    "reason_zh",
    "reason_en",
    "name_zh",
    "name_en",
    "unit",
    "target_value",
    "comparator",
    "target_year",
)
"""Columns of :func:`read_target_status` rows."""

if TYPE_CHECKING:
    import duckdb
    import polars as pl

_REASON_PREFIX = "status_reason."

_STATUS_QUERY = """
    select status.indicator_id, status.year, status.value, status.status, status.reason_zh,
        status.reason_en, targets.name_zh, targets.name_en, targets.unit,
        targets.target_value, targets.comparator, targets.target_year
    from target_status as status
    join targets using (indicator_id)
    where ? is null or status.year = ?
    order by status.year, targets.rowid
"""

_CATALOG_COMMENTS = {
    "indicator_id": "Indicator id (see table targets)",
    "domain": "Domain the indicator belongs to (qdtransport/domains/<domain>)",
    "view": "View computing the indicator (columns year, value, numerator, denominator, complete)",
    "input_tables": "Contract tables the indicator is computed from",
    "months_view": "View listing the months the inputs cover (column month), or null",
    "view_exists": "True when the indicator's view exists in this build",
}


def _comment(con: duckdb.DuckDBPyConnection, kind: str, name: str, words: str) -> None:
    # COMMENT ON takes no bound parameters: quote the text as an SQL string literal
    con.execute(f"comment on {kind} {name} is '" + words.replace("'", "''") + "'")


def _existing_views(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "select view_name from duckdb_views() "
        "where not internal and database_name = current_database()"
    ).fetchall()
    return {name for (name,) in rows}


def catalog_rows(existing_views: set[str]) -> list[dict[str, object]]:
    """One row per registered indicator for table ``indicator_catalog``.

    Parameters
    ----------
    existing_views
        Views of the database being built (an indicator whose SQL is not written yet has
        ``view_exists`` false; its months view is then left out).
    """
    from qdtransport.domains import DOMAINS

    rows = []
    for domain in DOMAINS:
        for indicator in domain.indicators:
            months_view = indicator.months_view
            rows.append(
                {
                    "indicator_id": indicator.indicator_id,
                    "domain": domain.name,
                    "view": indicator.view,
                    "input_tables": list(indicator.input_tables),
                    "months_view": months_view if months_view in existing_views else None,
                    "view_exists": indicator.view in existing_views,
                }
            )
    return rows


def status_text_rows() -> list[dict[str, str | None]]:
    """One row per reason template of ``target_status``: reason_code, domain, zh, en.

    The shared templates (keys ``status_reason.<code>``) have no domain; a domain may word a
    reason for its own indicators (label ``<domain>.status_reason.<code>``, e.g. a survey that is
    not held every year), which then replaces the shared one for them.
    """
    rows = []
    for key, texts in sorted(all_labels().items()):
        domain, _, rest = key.partition(".")
        if key.startswith(_REASON_PREFIX):
            code, domain = key.removeprefix(_REASON_PREFIX), None
        elif rest.startswith(_REASON_PREFIX):
            code = rest.removeprefix(_REASON_PREFIX)
        else:
            continue
        rows.append({"reason_code": code, "domain": domain, **{lang: texts[lang] for lang in LANGS}})
    return rows


def create_status_relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create ``indicator_catalog``, ``indicator_months`` and ``status_texts``.

    Returns
    -------
    list of str
        The names created, in that order.
    """
    import polars as pl

    catalog = pl.DataFrame(
        catalog_rows(_existing_views(con)),
        schema={
            "indicator_id": pl.String,
            "domain": pl.String,
            "view": pl.String,
            "input_tables": pl.List(pl.String),
            "months_view": pl.String,
            "view_exists": pl.Boolean,
        },
    )
    texts = pl.DataFrame(
        status_text_rows(),
        schema={"reason_code": pl.String, "domain": pl.String, "zh": pl.String, "en": pl.String},
    )
    for name, frame in (("indicator_catalog", catalog), ("status_texts", texts)):
        con.register("__frame", frame.to_arrow())
        try:
            con.execute(f"create or replace table {name} as select * from __frame")
        finally:
            con.unregister("__frame")
    _comment(
        con,
        "table",
        "indicator_catalog",
        "Registered plan indicators (qdtransport.domains): one row per indicator, "
        "its view and input tables",
    )
    for column, words in _CATALOG_COMMENTS.items():
        _comment(con, "column", f"indicator_catalog.{column}", words)
    _comment(
        con,
        "table",
        "status_texts",
        "Reason templates of view target_status: one row per reason code, "
        "{placeholders} filled by the view",
    )
    _comment(con, "column", "status_texts.reason_code", "Reason code (target_status.reason_code)")
    _comment(
        con, "column", "status_texts.domain", "Domain whose indicators this wording is for; null: all"
    )
    _comment(con, "column", "status_texts.zh", "Template in Chinese")
    _comment(con, "column", "status_texts.en", "Template in English")

    with_months = [row for row in catalog.iter_rows(named=True) if row["months_view"]]
    if with_months:
        # view names come from the registered indicators and were checked against the catalog
        body = "\nunion all\n".join(
            f"select '{row['indicator_id']}' as indicator_id, month::date as month "
            f'from "{row["months_view"]}"'
            for row in with_months
        )
    else:
        body = "select null::varchar as indicator_id, null::date as month where false"
    con.execute(f"create or replace view indicator_months as {body}")
    _comment(
        con,
        "view",
        "indicator_months",
        "Months the inputs of each indicator cover: one row per indicator and month "
        "(indicators with a months view)",
    )
    _comment(con, "column", "indicator_months.indicator_id", "Indicator id (see table targets)")
    _comment(con, "column", "indicator_months.month", "A month with data (first day of the month)")
    return ["indicator_catalog", "status_texts", "indicator_months"]


def status_frame(con: duckdb.DuckDBPyConnection, *, year: int | None = None) -> pl.DataFrame:
    """Read ``target_status`` with each target beside its rows, by year then plan order.

    Parameters
    ----------
    con
        A connection to a built database.
    year
        Only this year; every year when None. A year outside the span of ``target_status`` gives
        no rows.

    Returns
    -------
    polars.DataFrame
        The columns of :data:`STATUS_COLUMNS`: value as a fraction or TEU, target_value likewise.
    """
    return con.sql(_STATUS_QUERY, params=[year, year]).pl()


def read_target_status(db_path: str | Path, *, year: int | None = None) -> list[dict[str, object]]:
    """Read view ``target_status`` of a built database, with each target's names and goal."""
    from qdtransport.scorecard import connect_read_only

    with connect_read_only(db_path) as con:
        cursor = con.execute(_STATUS_QUERY, [year, year])  # plain rows: the CLI table needs no polars
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def format_value(value: float | None, unit: str) -> str:
    """Format a value for people: shares as ``95.2%``, volumes as ``2,150,000 TEU``; "" for None."""
    if value is None:
        return ""
    if unit == "share":
        return f"{value:.1%}"
    return f"{value:,.0f} {unit}"


def format_status_table(rows: list[dict[str, object]], lang: str) -> str:
    """Target status rows as aligned text: target, year, value, target, status, reason."""
    if not rows:
        return text("cli.no_status_rows", lang) + "\n"
    header = [
        text(key, lang)
        for key in (
            "col_indicator",
            "col_year",
            "col_value",
            "col_target",
            "cli.col_status",
            "cli.col_reason",
        )
    ]
    body = []
    for row in rows:
        comparator = "≥" if row["comparator"] == ">=" else str(row["comparator"])
        body.append(
            [
                str(row["indicator_id"]),
                str(row["year"]),
                format_value(row["value"], str(row["unit"])),  # type: ignore[arg-type]
                f"{comparator} {format_value(row['target_value'], str(row['unit']))}",  # type: ignore[arg-type]
                text(f"status.{row['status']}", lang),
                str(row[f"reason_{lang}"]),
            ]
        )
    widths = [max(_width(h), *(_width(b[i]) for b in body)) for i, h in enumerate(header[:-1])]
    lines = []
    for cells in [header, *body]:
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells[:-1], widths, strict=True)]
        lines.append("  ".join([*padded, cells[-1]]).rstrip())
    return "\n".join(lines) + "\n"


def _width(cell: str) -> int:
    """Display width: Chinese characters take two columns in a terminal."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in cell)
