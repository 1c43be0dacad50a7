"""Which files feed which table: the entries of a data directory, its OSM file, what is passed over.

A table's input is a file named after it (``<table>.csv|.xlsx|.parquet``, any case) or a folder
``<table>/`` of such files; ``osm/`` holds at most one OpenStreetMap file. An entry named like a
table that cannot be opened (a dangling link, a link loop) is an error, never a silent gap.
"""

from __future__ import annotations

import os
from pathlib import Path

from qdtransport.domains import TABLES
from qdtransport.rawfile import InputFileError
from qdtransport.readers import SUPPORTED_SUFFIXES


def find_inputs(data_dir: Path) -> tuple[dict[str, list[Path]], Path | None, list[str]]:
    """The files of each contract table, the OSM file, and notes on what was passed over.

    Raises
    ------
    InputFileError
        When the directory is missing, a table has both a file and a folder, a table has two
        files, ``osm/`` holds more than one OSM file, or an entry named like a table (or inside a
        table's folder) cannot be opened: a link to nothing, or a link loop.
    """
    if not data_dir.is_dir():
        raise InputFileError(f"{data_dir}: the data directory does not exist")
    found: dict[str, list[Path]] = {}
    notes: list[str] = []
    entries = sorted(data_dir.iterdir())
    for entry in entries:
        if entry.name.split(".")[0].lower() in TABLES:
            _check_openable(entry)
    for name in TABLES:
        # names match case-insensitively: exports saved on Windows often come as Fleet_Register.CSV
        files = [
            p for p in entries
            if p.is_file() and p.stem.lower() == name and p.suffix.lower() in SUPPORTED_SUFFIXES
        ]
        folder = next((p for p in entries if p.is_dir() and p.name.lower() == name), None)
        if folder is not None:
            if files:
                raise InputFileError(f"{data_dir}: {name} is given both as {files[0].name} and as folder {name}/")
            for member in folder.rglob("*"):
                _check_openable(member)
            members = sorted(p for p in folder.rglob("*") if p.is_file() and not _ignorable(p))
            if not members:
                notes.append(f"{folder}: folder is empty; table {name} has no input")
            found[name] = members
        elif len(files) > 1:
            raise InputFileError(f"{data_dir}: table {name} has several files ({', '.join(f.name for f in files)}); "
                                 f"put them in a folder {name}/ to read them as one table")
        elif files:
            found[name] = files
        # every other file named after the table (fleet_register.csv.gz, fleet_register.old.csv) is
        # an error: read as the table it is not, passed over it would be lost without a word
        unreadable = [
            p for p in entries
            if p.is_file() and p.name.split(".")[0].lower() == name and p not in files and not _ignorable(p)
        ]
        if unreadable:
            first = unreadable[0]
            suffixes = "".join(first.suffixes)
            if first.suffix.lower() in SUPPORTED_SUFFIXES:
                raise InputFileError(f"{first}: named after table {name} but not {name}{first.suffix}; rename it, "
                                     f"or put the table's files in a folder {name}/")
            raise InputFileError(f"{first}: unknown file format '{suffixes}'; "
                                 f"use one of {', '.join(SUPPORTED_SUFFIXES)}")
    known = set(TABLES) | {"osm"}
    for path in entries:
        stem = path.name.split(".")[0].lower()
        if stem not in known and not _ignorable(path):
            notes.append(f"{path}: not an input table of the contract; ignored")
    osm_file = None
    osm_dir = next((p for p in entries if p.is_dir() and p.name.lower() == "osm"), None)
    if osm_dir is not None:
        from qdtransport.domains.charging.network.osm import PBF_SUFFIXES, XML_SUFFIXES

        candidates = sorted(
            p for p in osm_dir.iterdir() if p.is_file() and p.name.lower().endswith(XML_SUFFIXES + PBF_SUFFIXES)
        )
        notes += [
            f"{p}: not an OpenStreetMap file (.osm, .osm.gz, .osm.bz2, .osm.pbf); ignored"
            for p in sorted(osm_dir.iterdir())
            if p not in candidates and not _ignorable(p) and not p.name.lower().startswith(("provenance", "license"))
        ]
        if len(candidates) > 1:
            names = ", ".join(p.name for p in candidates)
            raise InputFileError(f"{osm_dir}: holds several OSM files ({names}); keep one")
        osm_file = candidates[0] if candidates else None
    return found, osm_file, notes


def _check_openable(path: Path) -> None:
    """Raise :class:`InputFileError` naming ``path`` when it is a link that leads nowhere."""
    if not path.is_symlink() or path.exists():
        return
    try:
        path.resolve(strict=True)
    except (RuntimeError, OSError) as exc:
        if "loop" in str(exc).lower() or getattr(exc, "errno", None) == 40:
            raise InputFileError(f"{path}: cannot be opened: a symbolic link loop") from None
    raise InputFileError(f"{path}: cannot be opened: it links to {os.readlink(path)}, which does not exist")


def _ignorable(path: Path) -> bool:
    name = path.name
    return name.startswith((".", "~$")) or name.lower() in ("readme.md", "readme.txt", "dataset.toml", "thumbs.db")
