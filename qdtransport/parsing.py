"""Cleaned text -> typed values, one column at a time, with a reason for every row that fails.

:func:`parse_column` is the reference parser: polars expressions giving, for one column, the typed
value, a reason code and a readable reason (null where the value is fine or legitimately empty),
and a warning for optional cells that hold an Excel error. :func:`fast_values` settles the common
forms of a whole column cheaply (one date form, codes spelt exactly, valid identifiers as written)
and leaves every other row to the reference parser (see :mod:`qdtransport.ingest`). Input text
has been cleaned by :func:`qdtransport.cells.clean_series` (NFKC, trimmed, empty as null).

Reason codes
------------
missing_value
    A required column is empty.
excel_error
    A required cell holds an Excel error value (``#N/A``, ``#DIV/0!`` …); in an optional column
    the cell is treated as empty and a warning with this code is recorded.
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
after_extract_date
    A date, time or month after the extract date (``dataset.toml`` ``as_of``, else the build
    date): it cannot have happened yet.
bad_vin, bad_container_no, bad_iso_type, bad_plate
    Fails the column's identifier check (:mod:`qdtransport.rules`): GB 16735 VIN, ISO 6346
    container number (form, category letter, check digit) or size-type code, GA 36 plate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from qdtransport.cells import EXCEL_ERRORS
from qdtransport.contracts import Column
from qdtransport.enums import ambiguous_reason

TRUE_VALUES = ("是", "true", "t", "yes", "y", "1", "1.0", "√", "✓", "有")
FALSE_VALUES = ("否", "false", "f", "no", "n", "0", "0.0", "×", "无")
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
DTYPES: dict[str, pl.DataType] = {
    "text": pl.String(), "enum": pl.String(), "month": pl.String(), "int": pl.Int64(),
    "float": pl.Float64(), "date": pl.Date(), "timestamp": pl.Datetime("us"), "bool": pl.Boolean(),
}
"""Polars dtype of each column type once parsed."""


@dataclass(frozen=True)
class Latest:
    """The extract date: no date, time or month of an input may be after it.

    Attributes
    ----------
    date
        The day the exports were taken.
    source
        Where it comes from, for the reason text (``dataset.toml as_of`` or ``the build date``).
    """

    date: dt.date
    source: str


@dataclass(frozen=True)
class Parsed:
    """A parsed column.

    ``value`` is typed; ``code`` and ``reason`` are null unless the row fails; ``warning_code``
    and ``warning`` null unless the row loads with a warning.
    """

    value: pl.Expr
    code: pl.Expr
    reason: pl.Expr
    warning_code: pl.Expr
    warning: pl.Expr


def _number_text(raw: pl.Expr) -> pl.Expr:
    return raw.str.replace_all(r"[,\s]", "")


DATETIME_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S%.f", "%Y%m%d", "%Y%m%d%H%M%S",
)
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
    if column.values is None:
        raise ValueError(f"column {column.name} is not an enum")
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


def _latest_check(column: Column, value: pl.Expr, latest: Latest | None) -> tuple[pl.Expr, pl.Expr]:
    """After-extract-date condition and reason, for dates, times and months."""
    if latest is None or column.type not in ("date", "timestamp", "month"):
        return pl.lit(False), pl.lit(None, pl.String)
    if column.type == "month":
        after = value > pl.lit(latest.date.strftime("%Y-%m"))
    elif column.type == "date":
        after = value > pl.lit(latest.date)
    else:
        after = value >= pl.lit(dt.datetime.combine(latest.date + dt.timedelta(days=1), dt.time()))
    reason = pl.format("{} {} is after the extract date {} ({})", pl.lit(column.name), value.cast(pl.String),
                       pl.lit(latest.date.isoformat()), pl.lit(latest.source))
    return after.fill_null(False), reason


def _typed(column: Column, raw: pl.Expr, shown: pl.Expr) -> tuple[pl.Expr, pl.Expr, str, pl.Expr]:
    """(value, bad condition, reason code, reason) of one column type."""
    kind = column.type
    if kind == "text":
        if column.check is None:
            return raw, pl.lit(False), "", pl.lit(None, pl.String)
        value = column.check.canonical(raw)
        problem = column.check.problem(column.name, value, shown)
        return value, problem.is_not_null() & raw.is_not_null(), column.check.code, problem
    if kind == "enum":
        value = raw.str.to_lowercase().str.replace_all(" ", "").replace_strict(
            enum_lookup(column), default=None, return_dtype=pl.String
        )
        what = pl.format("{} '{}' is not one of {}", pl.lit(column.name), shown, pl.lit(", ".join(column.values or {})))
        what = ambiguous_reason(column, raw, shown, what)
        return value, value.is_null() & raw.is_not_null(), "bad_enum", what
    if kind in ("int", "float"):
        number = _number_text(raw).cast(pl.Float64, strict=False)
        if kind == "int":
            bad = raw.is_not_null() & (number.is_null() | (number != number.round(0)))
            value = pl.when(bad).then(None).otherwise(number).cast(pl.Int64)
        else:
            bad = raw.is_not_null() & (number.is_null() | number.is_nan() | number.is_infinite())
            value = pl.when(bad).then(None).otherwise(number)
        what = pl.format("{} '{}' is not a{} number", pl.lit(column.name), shown,
                         pl.lit(" whole" if kind == "int" else ""))
        return value, bad, "bad_number", what
    if kind in ("date", "timestamp"):
        stamp = parse_datetime(raw)
        value = stamp.dt.date() if kind == "date" else stamp
        return value, stamp.is_null() & raw.is_not_null(), "bad_date", pl.format(
            "{} '{}' is not a date", pl.lit(column.name), shown
        )
    if kind == "month":
        value = parse_month(raw)
        what = pl.format("{} '{}' is not a month (YYYY-MM)", pl.lit(column.name), shown)
        return value, value.is_null() & raw.is_not_null(), "bad_month", what
    if kind == "bool":
        lowered = raw.str.to_lowercase()
        value = (
            pl.when(lowered.is_in(TRUE_VALUES)).then(True)
            .when(lowered.is_in(FALSE_VALUES)).then(False)
            .otherwise(None)
        )
        what = pl.format("{} '{}' is not yes/no (是/否)", pl.lit(column.name), shown)
        return value, value.is_null() & raw.is_not_null(), "bad_bool", what
    raise ValueError(f"unknown column type {kind}")  # pragma: no cover - Literal lists every kind


def parse_column(column: Column, raw_name: str, *, latest: Latest | None = None) -> Parsed:
    """Parse one cleaned text column according to its contract definition.

    Parameters
    ----------
    column
        The contract column.
    raw_name
        Name of the frame column holding the cleaned text (null for empty cells).
    latest
        The extract date; dates, times and months after it are rejected. None: no such check.

    Returns
    -------
    Parsed
        ``value`` with the canonical dtype: String (text, enum, month), Int64, Float64, Date,
        Datetime[us] or Boolean; ``code``/``reason`` set where the row must be rejected,
        ``warning_code``/``warning`` where an optional cell holds an Excel error.
    """
    given = pl.col(raw_name)
    error = given.is_in(list(EXCEL_ERRORS)).fill_null(False)
    raw = pl.when(error).then(None).otherwise(given)
    if column.default is not None:
        raw = raw.fill_null(pl.lit(column.default))
    shown = given.fill_null("")
    value, bad, code, what = _typed(column, raw, shown)
    error_text = pl.format(
        "{} holds the Excel error {} ({})", pl.lit(column.name), given,
        given.replace_strict(EXCEL_ERRORS, default="", return_dtype=pl.String),
    )
    missing = raw.is_null() if column.required else pl.lit(False)
    required_error = error & pl.lit(column.required)
    outside, outside_reason = _domain_checks(column, value)
    after, after_reason = _latest_check(column, value, latest)
    code_expr = (
        pl.when(required_error).then(pl.lit("excel_error"))
        .when(missing).then(pl.lit("missing_value"))
        .when(bad).then(pl.lit(code))
        .when(outside).then(pl.lit("out_of_range"))
        .when(after).then(pl.lit("after_extract_date"))
        .otherwise(None)
    )
    reason_expr = (
        pl.when(required_error).then(error_text)
        .when(missing).then(pl.format("required column {} is empty", pl.lit(column.name)))
        .when(bad).then(what)
        .when(outside).then(outside_reason)
        .when(after).then(after_reason)
        .otherwise(None)
    )
    optional_error = error & pl.lit(not column.required)
    return Parsed(
        value=value,
        code=code_expr,
        reason=reason_expr,
        warning_code=pl.when(optional_error).then(pl.lit("excel_error")).otherwise(None),
        warning=pl.when(optional_error).then(pl.format("{}; treated as an empty cell", error_text)).otherwise(None),
    )


def _case_map(spellings: dict[str, object]) -> dict[str, object]:
    """The spellings as given, upper-cased and lower-cased: exact matches for the fast path."""
    mapping: dict[str, object] = {}
    for spelling, target in spellings.items():
        for variant in (spelling, spelling.upper(), spelling.lower(), spelling.capitalize()):
            mapping.setdefault(variant, target)
    return mapping


def _fast_formats(series: pl.Series, kind: str) -> list[str]:
    """The one or two forms most of a date column is written in, judged from its first values."""
    sample = series.drop_nulls().head(1000)
    slash = int(sample.str.contains("/", literal=True).sum()) if sample.len() else 0
    separator = "/" if slash * 2 > sample.len() else "-"
    if kind == "date":
        return [f"%Y{separator}%m{separator}%d"]
    return [f"%Y{separator}%m{separator}%d %H:%M:%S", f"%Y{separator}%m{separator}%d %H:%M"]


def fast_values(column: Column, text: pl.Series, *, latest: Latest | None = None) -> tuple[pl.Series, pl.Series]:
    """The common forms of a whole cleaned column, parsed cheaply.

    Returns
    -------
    values
        Typed values (dtype of :data:`DTYPES`), right wherever ``settled`` is true.
    settled
        True where the value is final and the row has nothing to report; every other row must go
        through :func:`parse_column`, which gives the same value where it accepts the text.
    """
    kind = column.type
    if column.default is not None:
        text = text.fill_null(column.default)
    present = text.is_not_null()
    if kind == "text":
        values = text
        good = present if column.check is None else column.check.accepts(text)
    elif kind == "enum":
        codes = {spelling: code for code, aliases in (column.values or {}).items() for spelling in (code, *aliases)}
        values = text.replace_strict(_case_map(codes), default=None, return_dtype=pl.String)
        good = values.is_not_null()
    elif kind == "bool":
        spellings = {**dict.fromkeys(TRUE_VALUES, True), **dict.fromkeys(FALSE_VALUES, False)}
        values = text.replace_strict(_case_map(spellings), default=None, return_dtype=pl.Boolean)
        good = values.is_not_null()
    elif kind in ("int", "float"):
        values = text.cast(DTYPES[kind], strict=False)
        good = values.is_not_null() & (values.is_finite() if kind == "float" else True)
    elif kind in ("date", "timestamp"):
        values = pl.Series(text.name, [None] * len(text), dtype=DTYPES[kind])
        for form in _fast_formats(text, kind):
            parsed = text.str.to_date(form, strict=False, exact=True) if kind == "date" else text.str.to_datetime(
                form, strict=False, exact=True, time_unit="us"
            )
            values = values.fill_null(parsed)
        good = values.is_not_null()
    else:  # month
        good = text.str.contains(r"^\d{4}-(?:0[1-9]|1[0-2])$").fill_null(False)
        values = text.set(~good, None)
    flags = pl.DataFrame({"v": values}).select(
        _domain_checks(column, pl.col("v"))[0].alias("outside"),
        _latest_check(column, pl.col("v"), latest)[0].alias("after"),
    )
    settled = good.fill_null(False) & ~flags["outside"] & ~flags["after"]
    if kind == "text":
        settled = settled & ~text.is_in(list(EXCEL_ERRORS)).fill_null(False)
    if not column.required:
        settled = settled | ~present
    return values, settled.alias("settled")
