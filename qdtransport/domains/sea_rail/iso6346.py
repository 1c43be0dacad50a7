"""ISO 6346 length codes: the first character of a container's size-type code.

Every assigned code counts ``length_ft / 20`` TEU, except ``L`` (45 ft), whose factor is the
setting ``teu_factor_45ft`` (2.25 = 45/20 by default; some statistics count 2). A code not in
:data:`LENGTH_CODES` is not assigned by the standard: ingest rejects the row (``bad_iso_type``).

The table follows ISO 6346:1995 with Amendment 3 (2012), size code designation, table 1
(container length). Codes ``1``–``4`` and the letters with a length in feet are the nominal
imperial lengths; ``A``, ``D``, ``E``, ``F`` and ``K`` are metric lengths (swap-body and
European pallet-wide boxes) and have no round length in feet: theirs is ``length_mm / 304.8``,
to two decimals. The SQL view ``int_iso6346_length_codes`` holds the same table (a test checks
that the two agree).
"""

from __future__ import annotations

from dataclasses import dataclass

MM_PER_FOOT = 304.8


@dataclass(frozen=True)
class LengthCode:
    """One assigned ISO 6346 length code.

    Attributes
    ----------
    code
        The character (``1``-``4`` or a letter).
    length_mm
        Container length, millimetres.
    length_ft
        Length in feet used for TEU: nominal feet for imperial lengths, ``length_mm / 304.8``
        rounded to 0.01 ft for metric ones.
    label
        The length as people write it: ``20 ft``, ``24 ft 6 in``, ``7.45 m``.
    """

    code: str
    length_mm: int
    length_ft: float
    label: str

    @property
    def teu(self) -> float:
        """TEU per box, ``length_ft / 20`` (for ``L`` see the ``teu_factor_45ft`` setting)."""
        return self.length_ft / 20


def _metric(code: str, length_mm: int) -> LengthCode:
    return LengthCode(code, length_mm, round(length_mm / MM_PER_FOOT, 2), f"{length_mm / 1000:.2f} m")


LENGTH_CODES: dict[str, LengthCode] = {
    entry.code: entry
    for entry in (
        LengthCode("1", 2991, 10.0, "10 ft"),
        LengthCode("2", 6058, 20.0, "20 ft"),
        LengthCode("3", 9125, 30.0, "30 ft"),
        LengthCode("4", 12192, 40.0, "40 ft"),
        _metric("A", 7150),
        LengthCode("B", 7315, 24.0, "24 ft"),
        LengthCode("C", 7430, 24.5, "24 ft 6 in"),
        _metric("D", 7450),
        _metric("E", 7820),
        _metric("F", 8100),
        LengthCode("G", 12500, 41.0, "41 ft"),
        LengthCode("H", 13106, 43.0, "43 ft"),
        _metric("K", 13600),
        LengthCode("L", 13716, 45.0, "45 ft"),
        LengthCode("M", 14630, 48.0, "48 ft"),
        LengthCode("N", 14935, 49.0, "49 ft"),
        LengthCode("P", 16154, 53.0, "53 ft"),
    )
}
"""Assigned length codes -> length; codes 5-9 and the other letters are unassigned."""

FORTY_FIVE_FOOT = "L"
"""The length code whose TEU factor is the ``teu_factor_45ft`` setting."""


def length_code(iso_type: str) -> LengthCode | None:
    """The length of a size-type code such as ``45G1``; None when its length code is unassigned."""
    return LENGTH_CODES.get(iso_type[:1].upper())


def teu_per_box(iso_type: str, teu_factor_45ft: float = 2.25) -> float:
    """TEU of one box of size-type ``iso_type``.

    Examples: ``45G1`` (40 ft high cube) 2.0; ``22G1`` 1.0; ``L5G1`` ``teu_factor_45ft``.

    Raises
    ------
    ValueError
        When the length code is not assigned by ISO 6346.
    """
    found = length_code(iso_type)
    if found is None:
        raise ValueError(f"{iso_type!r}: length code {iso_type[:1]!r} is not assigned by ISO 6346")
    return teu_factor_45ft if found.code == FORTY_FIVE_FOOT else found.teu
