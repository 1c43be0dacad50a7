"""Fixtures shared by the test modules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

SheetWriter = Callable[[Path, dict[int, list[object]]], None]


def _write_sheet(path: Path, rows: dict[int, list[object]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for number, values in rows.items():
        for column, value in enumerate(values, start=1):
            sheet.cell(row=number, column=column, value=value)
    book.save(path)


@pytest.fixture
def write_sheet() -> SheetWriter:
    """Writes a workbook whose first sheet has ``rows`` (sheet row number -> cells from column A)."""
    return _write_sheet
