"""The report sections every report has: title, scorecard, data quality and provenance.

Each section function reads a built database and returns a list of items to show in order:
HTML fragments (``str``) and altair charts. The report notebook shows them with
:func:`show`, between these common sections the registered domains' own sections
(``Domain.report_section``, same calling convention). Sections head themselves with an
unnumbered ``<h2>``; :class:`SectionNumbers` numbers them in the order the report shows them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import altair as alt
import duckdb
import polars as pl

from qdtransport import scorecard
from qdtransport.charts import bars
from qdtransport.i18n import text, text_or
from qdtransport.report import tables

Item = str | alt.TopLevelMixin
"""What a section returns: an HTML fragment or a chart."""


def show(items: Iterable[Any]) -> None:
    """Display section items in a notebook: HTML fragments as HTML, charts as charts."""
    from IPython.display import HTML, display

    for item in items:
        display(HTML(item) if isinstance(item, str) else item)


ZH_NUMERALS = "一二三四五六七八九十"
"""Chinese numerals of the first ten sections."""


class SectionNumbers:
    """Numbers the ``<h2>`` headings of section items in the order they are shown (一、 / 1.)."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang
        self.count = 0

    def __call__(self, items: Iterable[Any]) -> list[Any]:
        """The items with each ``<h2>`` heading numbered; other items as they are."""
        return [self._numbered(item) if isinstance(item, str) else item for item in items]

    def _numbered(self, fragment: str) -> str:
        def number(match: re.Match[str]) -> str:
            self.count += 1
            numeral = ZH_NUMERALS[self.count - 1] if self.count <= len(ZH_NUMERALS) else str(self.count)
            title = text("section_number", self.lang, numeral=numeral, number=self.count, title=match[1])
            return f"<h2>{title}</h2>"

        return re.sub(r"<h2>(.*?)</h2>", number, fragment)


def title_section(con: duckdb.DuckDBPyConnection, *, year: int, lang: str = "zh") -> list[Item]:
    """The title with the dataset and build time, and the demo-data banner for synthetic data."""
    info = con.sql("select * from build_info").pl().row(0, named=True)
    return [
        tables.title_html(info, year=year, lang=lang),
        tables.synthetic_banner_html(info),
    ]


def scorecard_section(
    con: duckdb.DuckDBPyConnection, *, year: int, lang: str = "zh"
) -> list[Item]:
    """Every plan target in the report year, then the scorecard of the five years up to it."""
    this_year = scorecard.targets_in_year(con, year)
    history = con.sql(
        "select * from scorecard where year between ? and ? order by indicator_id, year",
        params=[year - 4, year],
    ).pl()
    return [
        tables.heading_html("section_scorecard", lang=lang),
        tables.html_table(tables.scorecard_table(this_year, lang=lang), lang=lang),
        tables.heading_html("section_history", lang=lang, level=3, first=year - 4, last=year),
        tables.html_table(tables.scorecard_table(history, lang=lang), lang=lang),
        tables.note_html("footnote_incomplete", lang=lang),
    ]


def rejects_chart(rejects: Any, *, lang: str = "zh") -> alt.TopLevelMixin:
    """Rejected input rows counted by file and reason.

    Parameters
    ----------
    rejects
        Rows of table ``rejects`` (at least ``source_file`` and ``reason_code``), one per
        rejected input row.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    altair.Chart
        Horizontal stacked bars: one bar per file, its length the number of rejected rows,
        coloured by reason (what the code means, in ``lang``). No rejects gives an empty chart
        with a "no data" note.
    """
    counts = (
        tables.as_rows(rejects)
        .group_by("source_file", "reason_code")
        .agg(rows=pl.len())
        .sort("source_file", "reason_code")
        .with_columns(  # the reason in the report's language, not its code
            pl.col("reason_code").map_elements(
                lambda code: text_or(f"reject.{code}", code, lang), return_dtype=pl.String
            )
        )
    )
    return bars(
        counts,
        category="source_file",
        amount="rows",
        color="reason_code",
        category_title=text("source_file", lang),
        amount_title=text("rows_rejected", lang),
        color_title=text("reason_code", lang),
        title=text("title_rejects", lang),
        lang=lang,
    )


def quality_section(con: duckdb.DuckDBPyConnection, *, lang: str = "zh") -> list[Item]:
    """Rejected rows per file and reason (chart and table), and warnings per file."""
    items: list[Item] = [
        tables.heading_html("section_quality", lang=lang),
        tables.heading_html("section_rejects", lang=lang, level=3),
    ]
    rejects = con.sql("select * from rejects").pl()
    if rejects.is_empty():
        items.append(tables.note_html("note_no_rejects", lang=lang))
    else:
        items += [
            rejects_chart(rejects, lang=lang),
            tables.html_table(
                tables.problem_table(
                    rejects, code_column="reason_code", text_column="reason", lang=lang
                ),
                lang=lang,
            ),
        ]
    warnings = con.sql("select * from data_quality_warnings").pl()
    items += [
        tables.heading_html("section_warnings", lang=lang, level=3),
        tables.html_table(
            tables.problem_table(
                warnings, code_column="warning_code", text_column="warning", lang=lang
            ),
            empty_note=text("note_no_warnings", lang),
            lang=lang,
        ),
    ]
    return items


def provenance_section(con: duckdb.DuckDBPyConnection, *, lang: str = "zh") -> list[Item]:
    """Input files with their SHA-256, the build row and the methodology settings."""
    info = con.sql("select * from build_info").pl().row(0, named=True)
    settings = con.sql("select * from settings").pl().row(0, named=True)
    manifest = con.sql("select * from load_manifest order by table_name, source_file").pl()
    build_row = {k: v for k, v in info.items() if k != "settings_json"}
    return [
        tables.heading_html("section_provenance", lang=lang),
        tables.heading_html("section_manifest", lang=lang, level=3),
        tables.html_table(tables.manifest_table(manifest, lang=lang), lang=lang),
        tables.heading_html("section_build", lang=lang, level=3),
        tables.html_table(
            tables.key_value_table(
                build_row, descriptions=tables.column_comments(con, "build_info"), lang=lang
            ),
            lang=lang,
        ),
        tables.heading_html("section_settings", lang=lang, level=3),
        tables.html_table(
            tables.key_value_table(
                settings, descriptions=tables.column_comments(con, "settings"), lang=lang
            ),
            lang=lang,
        ),
    ]


def report_options(con: duckdb.DuckDBPyConnection, *, year: int, lang: str) -> dict[str, Any]:
    """The keyword arguments of every domain's ``report_section``: year, lang, settings, targets."""
    settings = con.sql("select * from settings").pl().row(0, named=True)
    targets = {
        row["indicator_id"]: row for row in con.sql("select * from targets").pl().iter_rows(named=True)
    }
    return {"year": year, "lang": lang, "settings": settings, "targets": targets}
