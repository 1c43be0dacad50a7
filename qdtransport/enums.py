"""Enum values that may mean several codes: the reason a row with one of them is rejected.

Real registers write 混合动力 (a hybrid: HEV, or a plug-in PHEV?) or 天然气 (CNG or LNG?). Taking
either guess would change a share silently, so such a value is rejected like any value outside
the column's codes, with a reason that says what it may mean and lists every accepted value with a
Chinese spelling. Which spellings are ambiguous is part of the contract (``Column.ambiguous``).
"""

from __future__ import annotations

import polars as pl

from qdtransport.contracts import Column


def accepted_values(column: Column) -> str:
    """List an enum column's codes, each with its first spelling: ``BEV (纯电动), PHEV (…)``."""
    return ", ".join(
        f"{code} ({spellings[0]})" if spellings else code for code, spellings in (column.values or {}).items()
    )


def ambiguous_reason(column: Column, raw: pl.Expr, shown: pl.Expr, reason: pl.Expr) -> pl.Expr:
    """Return the reject reason of an enum value, naming the codes an ambiguous value may mean.

    Parameters
    ----------
    column
        An enum column.
    raw
        The cell text; matched case-insensitively and without spaces, as the codes are.
    shown
        The cell as the reason shows it.
    reason
        The reason for any other value outside the codes; kept where the value is not ambiguous.

    Returns
    -------
    polars.Expr
        ``powertrain '混合动力' may mean HEV or PHEV; write one of BEV (纯电动), …`` for an ambiguous
        value, else ``reason``.
    """
    if not column.ambiguous:
        return reason
    meanings = {spelling.lower().replace(" ", ""): " or ".join(codes) for spelling, codes in column.ambiguous.items()}
    meant = (
        raw.str.to_lowercase().str.replace_all(" ", "").replace_strict(meanings, default=None, return_dtype=pl.String)
    )
    return (
        pl.when(meant.is_not_null())
        .then(
            pl.format(
                "{} '{}' may mean {}; write one of {}",
                pl.lit(column.name),
                shown,
                meant,
                pl.lit(accepted_values(column)),
            )
        )
        .otherwise(reason)
    )
