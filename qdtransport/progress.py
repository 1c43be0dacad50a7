"""The build's report on its input files, in one language: counts and the top reject reasons.

For each file (each row of ``load_manifest``) one line of counts, then the most frequent reject
reasons of that file, each with its count, what the code means, and the first row it hit with
that row's own reason (which names the column and the value).
"""

from __future__ import annotations

import polars as pl

from qdtransport.i18n import text, text_or

TOP_REASONS = 3
"""Reject reasons listed per file; the rest are summed on one line."""


def file_lines(
    manifest: pl.DataFrame, rejects: pl.DataFrame, *, lang: str = "en", top: int = TOP_REASONS
) -> list[str]:
    """Return the build's lines for its input files.

    Parameters
    ----------
    manifest
        Rows of table ``load_manifest`` (``source_file``, ``rows_read``, ``rows_loaded``,
        ``rows_rejected``, ``duplicates_collapsed``, ``extra_columns``).
    rejects
        Rows of table ``rejects`` (``source_file``, ``source_row``, ``reason_code``, ``reason``).
    lang
        ``zh`` or ``en``.
    top
        Reasons listed per file, most frequent first (ties by code).

    Returns
    -------
    list of str
        Per file: its counts, then up to ``top`` reason lines and one line for the other reasons.
    """
    counts = (
        rejects.sort("source_row")
        .group_by("source_file", "reason_code", maintain_order=True)
        .agg(
            pl.len().alias("rows"),
            pl.col("source_row").first().alias("first_row"),
            pl.col("reason").first().alias("first_reason"),
        )
        .sort(["rows", "reason_code"], descending=[True, False])
    )
    lines = []
    for row in manifest.iter_rows(named=True):
        line = text(
            "build.file",
            lang,
            file=row["source_file"],
            read=row["rows_read"],
            loaded=row["rows_loaded"],
            rejected=row["rows_rejected"],
            duplicates=row["duplicates_collapsed"],
        )
        if row["extra_columns"]:
            line += text("build.extra_columns", lang, columns=", ".join(row["extra_columns"]))
        lines.append(line)
        reasons = counts.filter(pl.col("source_file") == row["source_file"])
        for reason in reasons.head(top).iter_rows(named=True):
            code = reason["reason_code"]
            lines.append(
                text(
                    "build.top_reason",
                    lang,
                    count=reason["rows"],
                    code=code,
                    meaning=text_or(f"reject.{code}", code, lang),
                    row=reason["first_row"],
                    reason=reason["first_reason"],
                )
            )
        rest = reasons.slice(top)
        if rest.height:
            codes = ", ".join(f"{r['reason_code']} {r['rows']}" for r in rest.iter_rows(named=True))
            lines.append(
                text("build.more_reasons", lang, count=int(rest["rows"].sum()), codes=codes)
            )
    return lines
