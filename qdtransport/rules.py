"""Validation plug-ins: identifier checks on one column, and row rules across columns.

Both kinds are small frozen objects referenced directly from the contract (``Column(check=VIN)``,
``Table(rules=(DateNotBefore(...),))``), so a misspelt check is a ``NameError`` when the contract is
imported, never a silently skipped check.

Column checks (:class:`ColumnCheck`) give a column's canonical spelling (a documented rule such as
"upper case, spaces removed") and a readable reason where the canonical value is not a valid
identifier. Row rules (:class:`RowRule`) run on parsed (typed) columns, after every value passed its
own checks; ``reject`` sends the row to table ``rejects``, ``warn`` loads it and records a row in
``data_quality_warnings``. Rules that depend on the methodology read it from the build's
:class:`~qdtransport.settings.Settings`, passed in when the rule runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from qdtransport.checkdigits import container_no_valid_expr, vin_valid_as_written, vin_valid_expr
from qdtransport.settings import Settings

if TYPE_CHECKING:
    import polars as pl

Severity = Literal["reject", "warn"]

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
"""The 31 province-level issuing characters of GA 36-2018 plates."""

_SERIAL = "[0-9A-HJ-NP-Z]"
PLATE_PATTERN = (
    rf"^[{PROVINCES}][A-Z](?:{_SERIAL}{{5}}|{_SERIAL}{{4}}[挂学警港澳领试超]"
    rf"|[DF]{_SERIAL}{{5}}|{_SERIAL}{{5}}[DF])$"
)
"""GA 36-2018 plate forms: province character, issuing-office letter, then five characters (the
last may be 挂/学/警/港/澳/领/试/超), or six on new-energy plates with D or F right after the letter
(small vehicles) or at the end (large vehicles). Serial characters exclude I and O."""

NEV_PLATE_PATTERN = rf"^.{{2}}([DF]{_SERIAL}{{5}}|{_SERIAL}{{5}}[DF])$"
"""GA 36-2018 new-energy plates: 8 characters, D or F right after the issuing-office letter (small
vehicles) or at the end (large vehicles)."""

ISO_LENGTH_CODES = ("1", "2", "3", "4", "L")
"""ISO 6346 size-type length codes :data:`ISO_TYPE` accepts (10, 20, 30, 40 and 45 ft); the
sea-rail contract passes every code the standard assigns
(:data:`qdtransport.domains.sea_rail.iso6346.LENGTH_CODES`)."""


class ColumnCheck:
    """Base of the identifier checks of one text column.

    Subclasses set ``code`` (the reject reason code) and define :meth:`canonical` and
    :meth:`problem`.
    """

    code: str

    def canonical(self, raw: pl.Expr) -> pl.Expr:
        """Expression: the documented canonical spelling of the (trimmed, NFKC) text."""
        raise NotImplementedError

    def problem(self, column: str, value: pl.Expr, shown: pl.Expr) -> pl.Expr:
        """Expression: readable reason where ``value`` (canonical) is not valid, else null.

        ``shown`` is the cell as read (trimmed), for the message.
        """
        raise NotImplementedError

    def accepts(self, values: pl.Series) -> pl.Series:
        """True where a value is already canonical and valid.

        The fast path of ingest; other values are parsed with :meth:`canonical` and :meth:`problem`.
        """
        import polars as pl

        canonical = pl.select(self.canonical(pl.lit(values))).to_series()
        problems = pl.select(self.problem("", pl.lit(canonical), pl.lit(values))).to_series()
        return (canonical == values).fill_null(False) & problems.is_null()


def _without(raw: pl.Expr, characters: str) -> pl.Expr:
    return raw.str.to_uppercase().str.replace_all(characters, "")


@dataclass(frozen=True)
class VinCheck(ColumnCheck):
    """GB 16735 / ISO 3779 VIN: 17 characters with the check digit at position 9.

    Canonical spelling: upper case, without spaces or hyphens.
    """

    code: str = "bad_vin"

    def canonical(self, raw: pl.Expr) -> pl.Expr:
        """The canonical spelling (see the class docstring)."""
        return _without(raw, r"[\s\-]")

    def problem(self, column: str, value: pl.Expr, shown: pl.Expr) -> pl.Expr:
        """The reason where the value fails the check, else null."""
        import polars as pl

        bad = ~vin_valid_expr(value).fill_null(True)
        reason = pl.format("{} '{}' fails the GB 16735 check (17 characters, check digit at position 9)",
                           pl.lit(column), shown)
        return pl.when(bad).then(reason).otherwise(None)

    def accepts(self, values: pl.Series) -> pl.Series:
        """True where the value is canonical and valid as written."""
        return vin_valid_as_written(values).fill_null(False)


@dataclass(frozen=True)
class ContainerNoCheck(ColumnCheck):
    """ISO 6346 container number: owner code, category letter U/J/Z, serial and check digit.

    Canonical spelling: upper case, without spaces or hyphens. The owner code has 3 letters, the
    serial 6 digits.
    """

    code: str = "bad_container_no"

    def canonical(self, raw: pl.Expr) -> pl.Expr:
        """The canonical spelling (see the class docstring)."""
        return _without(raw, r"[\s\-]")

    def problem(self, column: str, value: pl.Expr, shown: pl.Expr) -> pl.Expr:
        """The reason where the value fails the check, else null."""
        import polars as pl

        name = pl.lit(column)
        shaped = value.str.contains(r"^[A-Z]{4}[0-9]{7}$")
        category = value.str.slice(3, 1)
        return (
            pl.when(value.is_null()).then(None)
            .when(~shaped)
            .then(pl.format("{} '{}' is not an ISO 6346 number (4 letters, 6 digits and a check digit)", name, shown))
            .when(~category.is_in(["U", "J", "Z"]))
            .then(pl.format("{} '{}' has category letter {}; ISO 6346 allows U (freight container), "
                            "J (detachable equipment) or Z (trailer or chassis)", name, shown, category))
            .when(~container_no_valid_expr(value).fill_null(True))
            .then(pl.format("{} '{}' fails the ISO 6346 check digit", name, shown))
            .otherwise(None)
        )

    def accepts(self, values: pl.Series) -> pl.Series:
        """True where the value is canonical and valid as written."""
        import polars as pl

        shaped = values.str.contains(r"^[A-Z]{3}[UJZ][0-9]{7}$").fill_null(False)
        return shaped & pl.select(container_no_valid_expr(pl.lit(values))).to_series().fill_null(False)


@dataclass(frozen=True)
class IsoTypeCheck(ColumnCheck):
    """ISO 6346 size-type code: four characters, the first one of ``length_codes``.

    Canonical spelling: upper case, without spaces.
    """

    length_codes: tuple[str, ...] = ISO_LENGTH_CODES
    code: str = "bad_iso_type"

    def canonical(self, raw: pl.Expr) -> pl.Expr:
        """The canonical spelling (see the class docstring)."""
        return _without(raw, r"\s")

    def problem(self, column: str, value: pl.Expr, shown: pl.Expr) -> pl.Expr:
        """The reason where the value fails the check, else null."""
        import polars as pl

        pattern = r"^[" + "".join(self.length_codes) + r"][0-9A-Z]{3}$"
        reason = pl.format("{} '{}' is not an ISO 6346 size-type code with length code {}",
                           pl.lit(column), shown, pl.lit("/".join(self.length_codes)))
        return pl.when(~value.str.contains(pattern).fill_null(True)).then(reason).otherwise(None)

    def accepts(self, values: pl.Series) -> pl.Series:
        """True where the value is canonical and valid as written."""
        return values.str.contains(r"^[" + "".join(self.length_codes) + r"][0-9A-Z]{3}$").fill_null(False)


@dataclass(frozen=True)
class PlateCheck(ColumnCheck):
    """GA 36-2018 number plate of the form of :data:`PLATE_PATTERN`.

    Canonical spelling: upper case, without spaces, middle dots, hyphens or full stops
    (鲁B·D1234 5 -> 鲁BD12345).
    """

    code: str = "bad_plate"

    def canonical(self, raw: pl.Expr) -> pl.Expr:
        """The canonical spelling (see the class docstring)."""
        return _without(raw, r"[\s·•\-\.]")

    def problem(self, column: str, value: pl.Expr, shown: pl.Expr) -> pl.Expr:
        """The reason where the value fails the check, else null."""
        import polars as pl

        reason = pl.format(
            "{} '{}' is not a GA 36 number plate (province character, office letter and 5 characters, "
            "or 6 with D/F on new-energy plates)", pl.lit(column), shown,
        )
        return pl.when(~value.str.contains(PLATE_PATTERN).fill_null(True)).then(reason).otherwise(None)

    def accepts(self, values: pl.Series) -> pl.Series:
        """True where the value is canonical and valid as written."""
        return values.str.contains(PLATE_PATTERN).fill_null(False)


VIN = VinCheck()
CONTAINER_NO = ContainerNoCheck()
ISO_TYPE = IsoTypeCheck()
PLATE = PlateCheck()


class RowRule:
    """Base of the row rules; subclasses define ``code``, ``severity``, ``violated`` and ``reason``.

    Both methods take the build's settings; ``None`` means the defaults of
    :class:`~qdtransport.settings.Settings`, read when the rule runs (never at import time).
    """

    code: str
    severity: Severity

    def violated(self, settings: Settings | None = None) -> pl.Expr:
        """Expression: true where the row breaks the rule (null counts as not broken)."""
        raise NotImplementedError

    def reason(self, settings: Settings | None = None) -> pl.Expr:
        """Expression: the readable reason for rows that break the rule."""
        raise NotImplementedError


@dataclass(frozen=True)
class DateNotBefore(RowRule):
    """``later`` must not be before ``earlier`` where both are given (e.g. deregistration date)."""

    later: str
    earlier: str
    code: str = "date_order"
    severity: Severity = "reject"

    def violated(self, settings: Settings | None = None) -> pl.Expr:
        """True where the row breaks the rule."""
        import polars as pl

        return (pl.col(self.later) < pl.col(self.earlier)).fill_null(False)

    def reason(self, settings: Settings | None = None) -> pl.Expr:
        """The readable reason."""
        import polars as pl

        return pl.format(
            "{} {} is before {} {}",
            pl.lit(self.later), pl.col(self.later), pl.lit(self.earlier), pl.col(self.earlier),
        )


@dataclass(frozen=True)
class PlateMatchesPowertrain(RowRule):
    """A new-energy plate should go with a new-energy powertrain, and the reverse (a warning).

    The new-energy powertrains are the build's ``settings.nev_powertrains``.
    """

    plate: str
    powertrain: str
    code: str = "plate_powertrain_mismatch"
    severity: Severity = "warn"

    def _nev_plate(self) -> pl.Expr:
        import polars as pl

        return pl.col(self.plate).str.contains(NEV_PLATE_PATTERN)

    def _nev_powertrain(self, settings: Settings | None) -> pl.Expr:
        import polars as pl

        return pl.col(self.powertrain).is_in(list((settings or Settings()).nev_powertrains))

    def violated(self, settings: Settings | None = None) -> pl.Expr:
        """True where the row breaks the rule."""
        return (self._nev_plate() != self._nev_powertrain(settings)).fill_null(False)

    def reason(self, settings: Settings | None = None) -> pl.Expr:
        """The readable reason."""
        import polars as pl

        plate, powertrain = pl.col(self.plate), pl.col(self.powertrain)
        return (
            pl.when(self._nev_plate())
            .then(pl.format("new-energy plate {} but powertrain {}", plate, powertrain))
            .otherwise(pl.format("ordinary plate {} but new-energy powertrain {}", plate, powertrain))
        )
