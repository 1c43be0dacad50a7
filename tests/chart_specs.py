"""Reading altair chart specs in tests: layers, marks, the rows a layer draws, rules, all text."""

from __future__ import annotations

from typing import Any


def layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def mark_type(layer: dict[str, Any]) -> str:
    mark = layer["mark"]
    return mark if isinstance(mark, str) else mark["type"]


def layer_rows(spec: dict[str, Any], layer: dict[str, Any]) -> list[dict[str, Any]]:
    """The data rows a layer draws (inline values or a named dataset of the top-level spec)."""
    data = layer.get("data", spec.get("data"))
    if "values" in data:
        return data["values"]
    return spec["datasets"][data["name"]]


def rules(spec: dict[str, Any]) -> dict[str, list[Any]]:
    """Rule layers by the channel they position (``x`` or ``y``) -> the values they sit at."""
    found: dict[str, list[Any]] = {}
    for layer in layers(spec):
        if mark_type(layer) != "rule":
            continue
        for channel in ("x", "y"):
            if channel in layer["encoding"]:
                field = layer["encoding"][channel]["field"]
                found.setdefault(channel, []).extend(row[field] for row in layer_rows(spec, layer))
    return found


def all_text(spec: dict[str, Any]) -> str:
    """Titles, axis and legend titles and every string in the data, as one string."""
    return repr(spec)
