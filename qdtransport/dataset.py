"""The optional ``dataset.toml`` of a data directory: what the data is and how to read it.

The file is read once, before the build reads any input, so a mistake in it stops the build
before anything else happens.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from qdtransport.identify import read_file_tables


def read_dataset_info(data_dir: Path) -> dict[str, object]:
    """Read the optional ``dataset.toml`` of a data directory.

    Keys: ``name`` (text), ``synthetic`` (bool: demo data, labelled so in reports), ``description``
    (text), ``as_of`` (TOML date: the day the exports were taken; a register whose latest record
    is earlier still describes the state on that day), ``files`` (``[files]``: file or folder
    name -> input table, for exports kept under their own names; see :mod:`qdtransport.identify`).
    """
    path = data_dir / "dataset.toml"
    if not path.exists():
        return {
            "dataset_name": None, "synthetic": False, "dataset_description": None, "as_of": None,
            "files": {},
        }  # fmt: skip
    try:
        with open(path, "rb") as handle:
            info = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: not valid TOML: {exc}") from exc
    as_of = info.get("as_of")
    if as_of is not None and not isinstance(as_of, dt.date):
        raise ValueError(f"{path}: as_of must be a TOML date such as 2026-01-15, not {as_of!r}")
    return {
        "dataset_name": info.get("name"),
        "synthetic": bool(info.get("synthetic", False)),
        "dataset_description": info.get("description"),
        "as_of": as_of,
        "files": read_file_tables(info, path),
    }
