"""The input tables as data: columns, types, aliases, domains, keys and row rules.

This module holds the shapes of the input contract (``spec/inputs.md``); each domain declares its
own tables in ``qdtransport/domains/<domain>/contract.py`` and :data:`qdtransport.domains.TABLES`
gathers them. The ingest layer reads nothing but these definitions, so a new table is a new
:class:`Table` in its domain, not a new code path. Enum values map canonical codes to the
spellings found in real exports (Chinese labels first); matching is case-insensitive after Unicode
NFKC normalisation and trimming.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from qdtransport.rules import ColumnCheck, RowRule

ColumnType = Literal["text", "int", "float", "date", "timestamp", "bool", "enum", "month"]


@dataclass(frozen=True)
class Column:
    """One canonical column of an input table.

    Attributes
    ----------
    name
        Canonical (English) name, as stored in the warehouse.
    type
        How the raw text is parsed; see :mod:`qdtransport.parsing`.
    required
        The file must have the column and every row a value (else ``missing_value``).
    aliases
        Other header spellings (Chinese labels of real exports).
    values
        For ``enum``: canonical code -> accepted spellings (the code itself is always accepted).
    ambiguous
        For ``enum``: spellings seen in real exports that may mean several codes -> those codes
        (e.g. 天然气 -> CNG, LNG). Such a value is rejected, and the reason says which codes it may
        mean and which values are accepted.
    minimum, minimum_inclusive, maximum
        Numeric or date domain; outside it the row is rejected (``out_of_range``).
    check
        Identifier check of a text column, an object of :mod:`qdtransport.rules` (``VIN``,
        ``CONTAINER_NO``, ``ISO_TYPE``, ``PLATE``), referenced directly so that a misspelling is
        an error when the contract is imported.
    default
        Value used when the cell is empty (only for optional columns).
    description
        Meaning and unit, copied into the warehouse as the column comment.
    """

    name: str
    type: ColumnType
    description: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    values: dict[str, tuple[str, ...]] | None = None
    ambiguous: dict[str, tuple[str, ...]] | None = None
    minimum: float | dt.date | None = None
    minimum_inclusive: bool = True
    maximum: float | dt.date | None = None
    check: ColumnCheck | None = None
    default: str | None = None

    def __post_init__(self) -> None:
        """Refuse a check that is not a check object (a name would silently check nothing)."""
        if self.check is not None and not isinstance(self.check, ColumnCheck):
            raise TypeError(f"column {self.name}: check must be a ColumnCheck object, not {self.check!r}")
        if self.check is not None and self.type != "text":
            raise TypeError(f"column {self.name}: identifier checks apply to text columns")


@dataclass(frozen=True)
class Table:
    """One input table of the contract.

    Attributes
    ----------
    name
        Table name; also the file or folder name in the data directory.
    grain
        What one row is; becomes the table comment.
    columns
        The canonical columns in warehouse order.
    key
        Columns that identify a row. Rows equal on every column collapse to one (counted as
        duplicates); rows equal on the key but different elsewhere are conflicting duplicates.
    key_conflicts
        ``"reject"``: every row of a conflicting key group is rejected (``duplicate_conflict``);
        ``"keep"``: they are all loaded and the SQL decides (e.g. one move recorded twice).
    rules
        Row rules run after parsing (rejects and warnings).
    """

    name: str
    grain: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    key_conflicts: Literal["reject", "keep"] = "reject"
    rules: tuple[RowRule, ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        """Canonical column names in order."""
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        """The column called ``name``."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


EARLIEST_DATE = dt.date(1980, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)


def date_column(
    name: str, description: str, *, required: bool = False, aliases: tuple[str, ...] = ()
) -> Column:
    """A date column accepting dates from :data:`EARLIEST_DATE` to :data:`LATEST_DATE`."""
    return Column(
        name,
        "date",
        description,
        required=required,
        aliases=aliases,
        minimum=EARLIEST_DATE,
        maximum=LATEST_DATE,
    )
