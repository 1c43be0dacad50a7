"""Raw text -> typed values, as polars expressions, one function per column type.

Every parser returns a :class:`Parsed`: the typed value and, for rows that fail, a reason code and a
readable reason (both null where the value is fine or legitimately empty). Input text has already
been NFKC-normalised and trimmed by the reader, with empty cells as null.

Reason codes
------------
missing_value
    A required column is empty.
bad_date
    Not a date (or time) in a known form: ``2024-05-06``, ``2024/5/6``, ``2024.5.6``, ``20240506``,
    ``2024年5月6日``, any of these with a time, or an Excel serial day number (``45418``).
bad_month
    Not a month in a known form: ``2024-05``, ``2024/5``, ``202405``, ``2024年5月`` or a date.
bad_number
    Not a number (thousands separators are accepted), or not whole where an integer is expected.
bad_bool
    Not a yes/no value (是/否, true/false, yes/no, y/n, 1/0).
bad_enum
    Not one of the column's codes or their aliases.
out_of_range
    Outside the column's domain (negative count, coordinate outside China, date before 1980 …).
bad_vin
    Not 17 VIN characters with a correct GB 16735 check digit.
bad_container_no
    Not an ISO 6346 container number with a correct check digit.
bad_iso_type
    Not an ISO 6346 size-type code with an assigned length code (1-4 and the letters of
    :data:`qdtransport.domains.sea_rail.iso6346.LENGTH_CODES`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from qdtransport.checkdigits import container_no_valid_expr, vin_valid_expr
from qdtransport.contracts import Column

TRUE_VALUES = ("是", "true", "t", "yes", "y", "1", "1.0", "√", "✓", "有")
FALSE_VALUES = ("否", "false", "f", "no", "n", "0", "0.0", "×", "无")
EXCEL_EPOCH = dt.datetime(1899, 12, 30)


@dataclass(frozen=True)
class Parsed:
    """A parsed column: ``value`` typed; ``code`` and ``reason`` null unless the row fails."""

    value: pl.Expr
    code: pl.Expr
    reason: pl.Expr


def _fail(condition: pl.Expr, code: str, reason: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    return (
        pl.when(condition).then(pl.lit(code)).otherwise(None),
        pl.when(condition).then(reason).otherwise(None),
    )


def _number_text(raw: pl.Expr) -> pl.Expr:
    return raw.str.replace_all(r"[,\s]", "")


DATETIME_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S%.f", "%Y%m%d", "%Y%m%d%H%M%S",
)  # fmt: skip
"""Forms tried once the date part ``Y年M月D日``, ``Y/M/D`` or ``Y.M.D`` is rewritten ``Y-M-D`` and a
``T`` before the time is a space."""


def parse_datetime(raw: pl.Expr) -> pl.Expr:
    """Expression: raw text -> ``Datetime`` (microseconds), null where no known form matches.

    Accepts ``YYYY-MM-DD``, ``YYYY/M/D``, ``YYYY.M.D``, ``YYYY年M月D日``, ``YYYYMMDD``, each
    optionally followed by ``HH:MM[:SS[.fff]]``; and Excel serial numbers (days since 1899-12-30,
    five digits, optional fraction of a day). Impossible dates (2024-02-30) give null.
    """
    text = (
        raw.str.replace(r"^(\d{4})[年/.\-](\d{1,2})[月/.\-](\d{1,2})[日号]?", "$1-$2-$3")
        .str.replace(r"^(\d{4}-\d{1,2}-\d{1,2})[T ]+", "$1 ")
        .str.strip_chars()
    )
    parsed = pl.coalesce(
        [text.str.to_datetime(f, strict=False, exact=True, time_unit="us") for f in DATETIME_FORMATS]
    )
    serial = raw.str.extract(r"^(\d{5}(?:\.\d+)?)$").cast(pl.Float64)
    from_serial = pl.lit(EXCEL_EPOCH).dt.cast_time_unit("us") + pl.duration(
        microseconds=(serial * 86_400_000_000).round(0).cast(pl.Int64)
    )
    return pl.when(serial.is_not_null()).then(from_serial).otherwise(parsed)


def parse_month(raw: pl.Expr) -> pl.Expr:
    """Expression: raw text -> ``YYYY-MM`` text, null where no known form matches.

    Accepts ``2024-05``, ``2024/5``, ``2024.5``, ``2024年5月``, ``202405``, and every date form of
    :func:`parse_datetime` (the month of the date is kept; an impossible date such as
    ``2024-02-30`` gives null).
    """
    short = raw.str.extract_groups(r"^(?<y>\d{4})[-/.年](?<m>\d{1,2})月?$")
    compact = raw.str.extract_groups(r"^(?<y>\d{4})(?<m>\d{2})$")
    year = pl.coalesce(short.struct.field("y"), compact.struct.field("y"))
    month = pl.coalesce(short.struct.field("m"), compact.struct.field("m")).cast(pl.Int32, strict=False)
    from_parts = (
        pl.when(month.is_between(1, 12))
        .then(pl.format("{}-{}", year, month.cast(pl.String).str.zfill(2)))
        .otherwise(None)
    )
    from_date = parse_datetime(raw).dt.strftime("%Y-%m")
    return pl.coalesce(from_parts, from_date)


def enum_lookup(column: Column) -> dict[str, str]:
    """Lower-cased spelling -> canonical code, for an enum column."""
    assert column.values is not None
    lookup: dict[str, str] = {}
    for code, aliases in column.values.items():
        for spelling in (code, *aliases):
            lookup[spelling.lower().replace(" ", "")] = code
    return lookup


def _domain_checks(column: Column, value: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """Out-of-range condition and reason for a typed value."""
    conditions: list[pl.Expr] = []
    if column.minimum is not None:
        low = pl.lit(column.minimum)
        conditions.append(value <= low if not column.minimum_inclusive else value < low)
    if column.maximum is not None:
        conditions.append(value > pl.lit(column.maximum))
    if not conditions:
        return pl.lit(False), pl.lit(None, pl.String)
    outside = pl.any_horizontal(conditions).fill_null(False)
    low_text = "" if column.minimum is None else f"{'>' if not column.minimum_inclusive else '≥'} {column.minimum}"
    high_text = "" if column.maximum is None else f"≤ {column.maximum}"
    domain = " and ".join(t for t in (low_text, high_text) if t)
    reason = pl.format("{} {} is outside its domain ({})", pl.lit(column.name), value.cast(pl.String), pl.lit(domain))
    return outside, reason


def parse_column(column: Column, raw_name: str) -> Parsed:
    """Parse one raw text column according to its contract definition.

    Parameters
    ----------
    column
        The contract column.
    raw_name
        Name of the frame column holding the raw text (null for empty cells).

    Returns
    -------
    Parsed
        ``value`` with the canonical dtype: String (text, enum, month), Int64, Float64, Date,
        Datetime[us] or Boolean; ``code``/``reason`` set where the row must be rejected.
    """
    raw = pl.col(raw_name)
    if column.default is not None:
        raw = raw.fill_null(pl.lit(column.default))
    shown = pl.col(raw_name).fill_null("")
    bad: pl.Expr
    kind = column.type
    if kind == "text":
        value, bad, code, what = _parse_text(column, raw)
    elif kind == "enum":
        value = raw.str.to_lowercase().str.replace_all(" ", "").replace_strict(
            enum_lookup(column), default=None, return_dtype=pl.String
        )
        bad, code = value.is_null() & raw.is_not_null(), "bad_enum"
        codes = ", ".join(column.values or {})
        what = pl.format("{} '{}' is not one of {}", pl.lit(column.name), shown, pl.lit(codes))
    elif kind in ("int", "float"):
        number = _number_text(raw).cast(pl.Float64, strict=False)
        if kind == "int":
            bad = raw.is_not_null() & (number.is_null() | (number != number.round(0)))
            value = pl.when(bad).then(None).otherwise(number).cast(pl.Int64)
        else:
            bad = raw.is_not_null() & (number.is_null() | number.is_nan() | number.is_infinite())
            value = pl.when(bad).then(None).otherwise(number)
        code = "bad_number"
        what = pl.format("{} '{}' is not a{} number", pl.lit(column.name), shown,
                         pl.lit(" whole" if kind == "int" else ""))  # fmt: skip
    elif kind in ("date", "timestamp"):
        stamp = parse_datetime(raw)
        value = stamp.dt.date() if kind == "date" else stamp
        bad, code = stamp.is_null() & raw.is_not_null(), "bad_date"
        what = pl.format("{} '{}' is not a date", pl.lit(column.name), shown)
    elif kind == "month":
        value = parse_month(raw)
        bad, code = value.is_null() & raw.is_not_null(), "bad_month"
        what = pl.format("{} '{}' is not a month (YYYY-MM)", pl.lit(column.name), shown)
    elif kind == "bool":
        lowered = raw.str.to_lowercase()
        value = (
            pl.when(lowered.is_in(TRUE_VALUES)).then(True)
            .when(lowered.is_in(FALSE_VALUES)).then(False)
            .otherwise(None)
        )  # fmt: skip
        bad, code = value.is_null() & raw.is_not_null(), "bad_bool"
        what = pl.format("{} '{}' is not yes/no (是/否)", pl.lit(column.name), shown)
    else:  # pragma: no cover - the Literal type lists every kind
        raise ValueError(f"unknown column type {kind}")

    missing = raw.is_null() if column.required else pl.lit(False)
    outside, outside_reason = _domain_checks(column, value)
    code_expr = (
        pl.when(missing).then(pl.lit("missing_value"))
        .when(bad).then(pl.lit(code))
        .when(outside).then(pl.lit("out_of_range"))
        .otherwise(None)
    )  # fmt: skip
    reason_expr = (
        pl.when(missing).then(pl.format("required column {} is empty", pl.lit(column.name)))
        .when(bad).then(what)
        .when(outside).then(outside_reason)
        .otherwise(None)
    )  # fmt: skip
    return Parsed(value=value, code=code_expr, reason=reason_expr)


def iso_length_codes() -> tuple[str, ...]:
    """The length codes ISO 6346 assigns (first character of a size-type code such as ``45G1``);
    the table, with each code's length, belongs to the sea-rail domain."""
    from qdtransport.domains.sea_rail.iso6346 import LENGTH_CODES

    return tuple(LENGTH_CODES)


def _parse_text(column: Column, raw: pl.Expr) -> tuple[pl.Expr, pl.Expr, str, pl.Expr]:
    """Text columns, with the identifier checks named by ``column.check``."""
    shown = raw.fill_null("")
    if column.check == "vin":
        value = raw.str.to_uppercase().str.replace_all(r"[\s\-]", "")
        bad = raw.is_not_null() & ~vin_valid_expr(value).fill_null(False)
        reason = pl.format("vin '{}' fails the GB 16735 check (17 characters, check digit at position 9)", shown)
        return value, bad, "bad_vin", reason
    if column.check == "container_no":
        value = raw.str.to_uppercase().str.replace_all(r"[\s\-]", "")
        bad = raw.is_not_null() & ~container_no_valid_expr(value).fill_null(False)
        reason = pl.format("container_no '{}' fails the ISO 6346 check digit", shown)
        return value, bad, "bad_container_no", reason
    if column.check == "iso_type":
        value = raw.str.to_uppercase().str.replace_all(r"\s", "")
        codes = iso_length_codes()
        pattern = r"^[" + "".join(codes) + r"][0-9A-Z]{3}$"
        bad = raw.is_not_null() & ~value.str.contains(pattern).fill_null(False)
        reason = pl.format(
            "iso_type '{}' is not an ISO 6346 size-type code with length code {}",
            shown, pl.lit("/".join(codes)),
        )  # fmt: skip
        return value, bad, "bad_iso_type", reason
    if column.check == "plate":
        value = raw.str.to_uppercase().str.replace_all(r"[\s·•\-\.]", "")
        return value, pl.lit(False), "", pl.lit(None, pl.String)
    return raw, pl.lit(False), "", pl.lit(None, pl.String)

