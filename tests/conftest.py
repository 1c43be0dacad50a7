"""Fixtures shared by the test modules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from qdtransport.samples import write_samples

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


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole sample data set, generated once into a temporary folder."""
    out = tmp_path_factory.mktemp("samples")
    write_samples(out)
    return out
