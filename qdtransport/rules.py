"""Row rules: checks across columns of one parsed row.

A rule is a small frozen dataclass with a ``code``, a ``severity`` (``reject`` sends the row to
table ``rejects``; ``warn`` loads it and records a row in ``data_quality_warnings``), a polars
expression that is true where a row breaks the rule, and a readable reason. Rules run on parsed
(typed) columns, after every value passed its own column checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import polars as pl

from qdtransport.settings import Settings

Severity = Literal["reject", "warn"]

NEV_PLATE_PATTERN = r"^.{2}([DF][0-9A-HJ-NP-Z]{5}|[0-9A-HJ-NP-Z]{5}[DF])$"
"""GA 36-2018 new-energy plates: 8 characters, D or F right after the issuing-office letter (small
vehicles) or at the end (large vehicles)."""


class RowRule:
    """Base of the row rules; subclasses define ``code``, ``severity``, ``violated`` and ``reason``."""

    code: str
    severity: Severity

    def violated(self) -> pl.Expr:
        """Expression: true where the row breaks the rule (null counts as not broken)."""
        raise NotImplementedError

    def reason(self) -> pl.Expr:
        """Expression: the readable reason for rows that break the rule."""
        raise NotImplementedError


@dataclass(frozen=True)
class DateNotBefore(RowRule):
    """``later`` must not be before ``earlier`` where both are given (e.g. deregistration date)."""

    later: str
    earlier: str
    code: str = "date_order"
    severity: Severity = "reject"

    def violated(self) -> pl.Expr:
        return (pl.col(self.later) < pl.col(self.earlier)).fill_null(False)

    def reason(self) -> pl.Expr:
        return pl.format(
            "{} {} is before {} {}",
            pl.lit(self.later), pl.col(self.later), pl.lit(self.earlier), pl.col(self.earlier),
        )  # fmt: skip


@dataclass(frozen=True)
class PlateMatchesPowertrain(RowRule):
    """A new-energy plate should go with a new-energy powertrain, and the reverse (a warning)."""

    plate: str
    powertrain: str
    nev_powertrains: tuple[str, ...] = Settings().nev_powertrains
    code: str = "plate_powertrain_mismatch"
    severity: Severity = "warn"

    def _nev_plate(self) -> pl.Expr:
        return pl.col(self.plate).str.contains(NEV_PLATE_PATTERN)

    def _nev_powertrain(self) -> pl.Expr:
        return pl.col(self.powertrain).is_in(list(self.nev_powertrains))

    def violated(self) -> pl.Expr:
        return (self._nev_plate() != self._nev_powertrain()).fill_null(False)

    def reason(self) -> pl.Expr:
        return (
            pl.when(self._nev_plate())
            .then(pl.format("new-energy plate {} but powertrain {}", pl.col(self.plate), pl.col(self.powertrain)))
            .otherwise(pl.format("ordinary plate {} but new-energy powertrain {}", pl.col(self.plate), pl.col(self.powertrain)))
        )  # fmt: skip
