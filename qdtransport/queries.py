"""Where the SQL lives and the order it runs in.

The SQL is in ``queries/`` at the project root (``qdtransport/_queries`` inside a wheel), one
view or macro per file, named by its file stem, in ``queries/<group>/<layer>/``: ``<group>`` is
a registered domain's name or ``shared``; ``<layer>`` one of :data:`QUERY_LAYERS`:

- ``staging``: rename and type one input table (``stg_<table>``);
- ``intermediate``: matching, joins, de-duplication (``int_…``);
- ``indicators``: indicator views and their breakdowns;
- ``scorecard``: the views over every indicator (they read ``indicator_values``, which the build
  generates from the registered indicators before this layer runs).

:func:`ordered_query_files` runs files by layer rank and, inside a layer, after the files whose
names their SQL mentions (comments and string literals aside). A file that mentions a file of a
later layer, or files that mention each other in a circle, are errors naming the files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

QUERY_LAYERS: tuple[str, ...] = ("staging", "intermediate", "indicators", "scorecard")
"""Layers in the order they run."""

SHARED_GROUP = "shared"
"""The query folder of views that belong to no one domain."""


class QueryOrderError(ValueError):
    """The query files cannot be ordered: a misplaced file, a later-layer reference or a cycle."""


@dataclass(frozen=True)
class QueryFile:
    """One SQL file: the view (or macro) it creates, where it sits and what it reads."""

    path: Path
    group: str
    layer: str
    depends_on: frozenset[str]

    @property
    def name(self) -> str:
        """The view or macro name: the file stem."""
        return self.path.stem

    @property
    def rank(self) -> int:
        """Position of the layer in :data:`QUERY_LAYERS`."""
        return QUERY_LAYERS.index(self.layer)


def queries_dir() -> Path:
    """The queries folder: ``qdtransport/_queries`` in a wheel, else the project's ``queries/``."""
    packaged = Path(__file__).parent / "_queries"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "queries"


_COMMENT_OR_STRING = re.compile(r"--[^\n]*|'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")
_WORD = re.compile(r"[a-z_][a-z0-9_]*")


def referenced_names(sql: str) -> set[str]:
    """Lower-case identifiers of ``sql`` outside comments and string literals."""
    return set(_WORD.findall(_COMMENT_OR_STRING.sub(" ", sql.lower())))


def _discover(root: Path, groups: tuple[str, ...]) -> list[tuple[Path, str, str]]:
    found = []
    for group_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        if group_dir.name not in groups:
            raise QueryOrderError(
                f"{group_dir}: not a registered domain nor {SHARED_GROUP!r}; "
                f"query folders are {', '.join(groups)}"
            )
        for layer_dir in sorted(p for p in group_dir.iterdir() if p.is_dir()):
            if layer_dir.name not in QUERY_LAYERS:
                raise QueryOrderError(
                    f"{layer_dir}: not a query layer; layers are {', '.join(QUERY_LAYERS)}"
                )
            found += [(path, group_dir.name, layer_dir.name) for path in layer_dir.glob("*.sql")]
        stray = sorted(group_dir.glob("*.sql"))
        if stray:
            raise QueryOrderError(f"{stray[0]}: SQL files go in a layer folder of {group_dir}")
    return found


def query_files(root: Path | None = None, groups: tuple[str, ...] | None = None) -> list[QueryFile]:
    """Every SQL file with the names of the other files it reads, in no particular order.

    Parameters
    ----------
    root
        The queries folder; :func:`queries_dir` when None.
    groups
        Allowed group folders; :data:`SHARED_GROUP` and the registered domains when None.

    Raises
    ------
    QueryOrderError
        A folder that is not a group or layer, or two files creating the same name.
    """
    root = queries_dir() if root is None else root
    if groups is None:
        from qdtransport.domains import DOMAINS

        groups = (SHARED_GROUP, *(domain.name for domain in DOMAINS))
    located = _discover(root, groups)
    by_name: dict[str, Path] = {}
    for path, _, _ in located:
        if path.stem in by_name:
            raise QueryOrderError(f"{path}: {path.stem} is also created by {by_name[path.stem]}")
        by_name[path.stem] = path
    files = []
    for path, group, layer in located:
        words = referenced_names(path.read_text(encoding="utf-8"))
        depends = frozenset(name for name in words & set(by_name) if name != path.stem)
        files.append(QueryFile(path, group, layer, depends))
    return files


def order_query_files(files: list[QueryFile]) -> list[QueryFile]:
    """The files in run order: by layer, then each after the files it reads, then by name.

    Raises
    ------
    QueryOrderError
        A file reads a file of a later layer, or files read each other in a cycle (the message
        names the files).
    """
    by_name = {f.name: f for f in files}
    for file in files:
        for name in sorted(file.depends_on):
            if by_name[name].rank > file.rank:
                raise QueryOrderError(
                    f"{file.path}: reads {name} of the later layer {by_name[name].layer} "
                    f"({by_name[name].path})"
                )
    ordered: list[QueryFile] = []
    for layer in QUERY_LAYERS:
        in_layer = {f.name: f for f in files if f.layer == layer}
        sorter: TopologicalSorter[str] = TopologicalSorter()
        for name in sorted(in_layer):
            sorter.add(name, *sorted(d for d in in_layer[name].depends_on if d in in_layer))
        try:
            sorter.prepare()
        except CycleError as exc:
            cycle = exc.args[1]
            paths = ", ".join(str(in_layer[name].path) for name in cycle[:-1])
            raise QueryOrderError(
                f"views read each other in a cycle ({' -> '.join(cycle)}): {paths}"
            ) from exc
        while sorter.is_active():
            ready = sorted(sorter.get_ready())
            ordered += [in_layer[name] for name in ready]
            sorter.done(*ready)
    return ordered


def ordered_query_files(root: Path | None = None) -> list[QueryFile]:
    """Every SQL file of ``root`` (default :func:`queries_dir`) in run order."""
    return order_query_files(query_files(root))
