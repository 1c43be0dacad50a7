"""Excel workbooks written byte for byte the same on every run.

openpyxl stamps the save time into ``docProps/core.xml`` and the zip entries carry the time they
were written; both are fixed here so that regenerating the samples changes no byte.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

WORKBOOK_TIMESTAMP = dt.datetime(2026, 1, 15, 8, 0, 0)
"""Creation and modification time written into every sample workbook (the export date)."""

_ZIP_TIMESTAMP = (2026, 1, 15, 8, 0, 0)


def save_workbook_stable(workbook: Workbook, path: Path, *, author: str) -> Path:
    """Save ``workbook`` to ``path`` with fixed document properties and zip timestamps.

    Parameters
    ----------
    workbook
        The openpyxl workbook.
    path
        Where to write the ``.xlsx`` file (overwritten).
    author
        Written as the document's creator and last editor.

    Returns
    -------
    Path
        ``path``.
    """
    properties = workbook.properties
    properties.creator = author
    properties.lastModifiedBy = author
    properties.created = WORKBOOK_TIMESTAMP
    properties.modified = WORKBOOK_TIMESTAMP
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    stable = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    path.write_bytes(stable.getvalue())
    return path
