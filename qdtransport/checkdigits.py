"""Check digits of the identifiers in the input contract.

- VIN (GB 16735 / ISO 3779, North-American scheme used by GB 16735): the 9th character is the
  check digit, ``0``-``9`` or ``X``.
- Container number (ISO 6346): owner code (3 letters), category (U, J or Z), serial (6 digits),
  check digit (1 digit).

Each check exists twice: a scalar function for one identifier (used by the sample generator and in
notebooks) and a polars expression (used by ingest on whole columns).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import polars as pl

VIN_TRANSLITERATION: dict[str, int] = {
    **{str(d): d for d in range(10)},
    "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
    "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9,
    "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
}
"""Letter values of GB 16735 / ISO 3779 (I, O and Q are not allowed)."""

VIN_WEIGHTS: tuple[int, ...] = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
"""Position weights; position 9 (the check digit itself) weighs 0."""

ISO6346_LETTER_VALUES: dict[str, int] = {
    letter: value
    for letter, value in zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        [10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 34,
         35, 36, 37, 38],
        strict=True,
    )
}
"""ISO 6346 letter values: A=10 upwards, skipping multiples of 11."""


def vin_check_digit(vin: str) -> str:
    """The check digit a 17-character VIN should carry at position 9.

    Parameters
    ----------
    vin
        17 characters; position 9 is ignored.

    Returns
    -------
    str
        ``"0"``-``"9"`` or ``"X"``.

    Raises
    ------
    ValueError
        When the VIN is not 17 characters or holds a character outside the VIN alphabet.
    """
    vin = vin.upper()
    if len(vin) != 17:
        raise ValueError(f"VIN must have 17 characters, not {len(vin)}")
    try:
        total = sum(VIN_TRANSLITERATION[c] * w for c, w in zip(vin, VIN_WEIGHTS, strict=True))
    except KeyError as exc:
        raise ValueError(f"VIN holds a character outside the VIN alphabet: {exc.args[0]}") from None
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def vin_is_valid(vin: str) -> bool:
    """Whether ``vin`` is 17 VIN characters whose 9th is the right check digit."""
    try:
        return vin_check_digit(vin) == vin.upper()[8]
    except ValueError:
        return False


def container_check_digit(container_no: str) -> str:
    """The ISO 6346 check digit for the first 10 characters of a container number.

    Parameters
    ----------
    container_no
        At least the 10 characters owner code + category + serial, e.g. ``"CSQU305438"``.

    Returns
    -------
    str
        One digit; a remainder of 10 gives ``"0"`` (ISO 6346 advises owners not to issue those).
    """
    head = container_no.upper()[:10]
    if len(head) != 10 or not head[:4].isalpha() or not head[4:].isdigit():
        raise ValueError(f"not an ISO 6346 container number: {container_no!r}")
    total = 0
    for position, char in enumerate(head):
        value = ISO6346_LETTER_VALUES[char] if char.isalpha() else int(char)
        total += value * 2**position
    return str(total % 11 % 10)


def container_no_is_valid(container_no: str) -> bool:
    """Whether ``container_no`` is 11 characters with the right ISO 6346 check digit."""
    if len(container_no) != 11 or container_no[3].upper() not in "UJZ":
        return False
    try:
        return container_check_digit(container_no) == container_no[10]
    except (ValueError, KeyError):
        return False


def _ascii_matrix(values: pl.Series, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows of ``width`` ASCII bytes, and a mask of the values that have exactly that many bytes."""
    import numpy as np

    fits = (values.str.len_bytes() == width).fill_null(False)
    padded = values.set(~fits, "\0" * width).fill_null("\0" * width)
    # every row is now exactly `width` UTF-8 bytes; non-ASCII bytes (>= 128) look up as invalid
    joined = padded.str.join("").item() if len(padded) else ""
    matrix = np.frombuffer(joined.encode("utf-8"), dtype=np.uint8)
    return matrix.reshape(-1, width), fits.to_numpy()


def _lookup_table(values: dict[str, int]) -> np.ndarray:
    import numpy as np

    table = np.full(256, -1, dtype=np.int8)
    for char, value in values.items():
        table[ord(char)] = value
    return table


@cache
def _vin_table() -> np.ndarray:
    return _lookup_table(VIN_TRANSLITERATION)


@cache
def _iso6346_table() -> np.ndarray:
    return _lookup_table({**ISO6346_LETTER_VALUES, **{str(d): d for d in range(10)}})


def _vin_valid_batch(values: pl.Series) -> pl.Series:
    return vin_valid_as_written(values.str.to_uppercase())


def vin_valid_as_written(values: pl.Series) -> pl.Series:
    """True where a value is a VIN with a correct check digit exactly as written (upper case).

    Null where the value is null. The fast path of ingest: lower-case letters, spaces or hyphens
    give False here, and the full check (:func:`vin_valid_expr`) decides on those.
    """
    import numpy as np
    import polars as pl

    parts = [_vin_valid_part(values.slice(start, 1 << 20)) for start in range(0, len(values), 1 << 20)]
    valid = np.concatenate(parts) if parts else np.zeros(0, dtype=bool)
    return pl.Series(values.name, valid).set(values.is_null(), None)


def _vin_valid_part(values: pl.Series) -> np.ndarray:
    import numpy as np

    matrix, fits = _ascii_matrix(values, 17)
    digits = _vin_table().take(matrix)
    known = digits.min(axis=1) >= 0
    remainder = (digits.astype(np.int16) @ np.array(VIN_WEIGHTS, dtype=np.int16)) % 11
    expected = np.where(remainder == 10, ord("X"), remainder + ord("0"))
    return fits & known & (matrix[:, 8] == expected)


def _container_valid_batch(values: pl.Series) -> pl.Series:
    import numpy as np
    import polars as pl

    upper = values.str.to_uppercase()
    shaped = upper.str.contains(r"^[A-Z]{3}[UJZ][0-9]{7}$").fill_null(False).to_numpy()
    matrix, fits = _ascii_matrix(upper, 11)
    digits = _iso6346_table().take(matrix[:, :10]).astype(np.int64)
    total = (np.maximum(digits, 0) * (2 ** np.arange(10))).sum(axis=1)
    valid = shaped & fits & (matrix[:, 10] == total % 11 % 10 + ord("0"))
    return pl.Series(values.name, valid).set(values.is_null(), None)


def vin_valid_expr(column: str | pl.Expr) -> pl.Expr:
    """Polars expression: True where the column holds a VIN with a correct check digit.

    The column is a name or an expression. Null where the value is null; False for wrong length,
    letters I/O/Q, or a wrong check digit.
    Vectorised with numpy over the whole column.
    """
    import polars as pl

    expr = pl.col(column) if isinstance(column, str) else column
    return expr.map_batches(_vin_valid_batch, return_dtype=pl.Boolean)


def container_no_valid_expr(column: str | pl.Expr) -> pl.Expr:
    """Polars expression: True where the column holds an ISO 6346 number with a correct check digit.

    Null where the value is null. Vectorised with numpy over the whole column.
    """
    import polars as pl

    expr = pl.col(column) if isinstance(column, str) else column
    return expr.map_batches(_container_valid_batch, return_dtype=pl.Boolean)
