"""How OpenStreetMap tags are read: route numbers, one-way rules, site kinds and charger power.

Both file readers (:mod:`qdtransport.domains.charging.network.osm` for XML via osmnx and
:mod:`qdtransport.domains.charging.network.pbf` for PBF via pyosmium) interpret tags through these functions, so an
extract gives the same result whatever its file format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

MOTORWAY_HIGHWAYS = ("motorway", "motorway_link")
"""``highway`` values that make up the motorway graph: carriageways and their slip roads."""

SITE_HIGHWAYS = ("services", "rest_area")
"""``highway`` values of service-area sites (``services``: fuel, food, toilets; ``rest_area``:
parking and toilets only, a 停车区)."""

CHARGER_AMENITY = "charging_station"
"""``amenity`` value of a charging station (a node or an area)."""

TWO_WAY_VALUES = frozenset({"no", "false", "0"})
REVERSE_VALUES = frozenset({"-1", "reverse"})

_ROUTE_NUMBER = re.compile(r"^[A-Za-z]+\d+[A-Za-z]?$")
_POWER = re.compile(r"(\d+(?:\.\d+)?)\s*(mw|kw|kva|w)?\b", re.IGNORECASE)
_INTEGER = re.compile(r"^\s*(\d+)\s*$")
_SOCKET_OUTPUT = re.compile(r"^socket:([^:]+):output$")
_SOCKET_COUNT = re.compile(r"^socket:([^:]+)$")

TravelDirection = Literal["forward", "backward", "both"]


def parse_refs(value: str | None) -> tuple[str, ...]:
    """The route numbers in a ``ref`` tag, in tag order.

    A way shared by several routes carries all their numbers: ``"G20;G15"`` (the OSM convention)
    gives ``("G20", "G15")``. Older Chinese data separates them with spaces (``"G40 G42 G4001"``);
    such a value is split on spaces only when every part looks like a route number (letters then
    digits), so ``"A 1"`` stays one ref. Empty parts and repeats are dropped.

    Parameters
    ----------
    value
        The raw tag value, or ``None`` when the way has no ``ref``.

    Returns
    -------
    tuple of str
        The refs; empty when there are none.
    """
    if value is None:
        return ()
    refs: list[str] = []
    for part in value.split(";"):
        part = part.strip()
        if not part:
            continue
        pieces = part.split()
        several_numbers = len(pieces) > 1 and all(_ROUTE_NUMBER.match(p) for p in pieces)
        candidates = pieces if several_numbers else [part]
        for ref in candidates:
            if ref not in refs:
                refs.append(ref)
    return tuple(refs)


def travel_direction(oneway: str | None) -> TravelDirection:
    """Which way traffic runs on a motorway or motorway_link way, relative to its node order.

    Motorway carriageways and slip roads are one-way: a missing ``oneway`` tag means ``yes``
    (the drawing direction), as mappers of dual carriageways draw each carriageway in the direction
    of travel. ``oneway=no`` (or ``false``, ``0``) is a two-way road and gives both directions;
    ``oneway=-1`` (or ``reverse``) runs against the node order.

    Parameters
    ----------
    oneway
        The raw ``oneway`` tag value, or ``None``.

    Returns
    -------
    str
        ``"forward"``, ``"backward"`` or ``"both"``.
    """
    if oneway is None:
        return "forward"
    value = oneway.strip().lower()
    if value in TWO_WAY_VALUES:
        return "both"
    if value in REVERSE_VALUES:
        return "backward"
    return "forward"


def site_kind(tags: Mapping[str, str]) -> str | None:
    """``"services"`` or ``"rest_area"`` for a service-area object, else ``None``."""
    highway = tags.get("highway")
    return highway if highway in SITE_HIGHWAYS else None


def is_charger(tags: Mapping[str, str]) -> bool:
    """True for an ``amenity=charging_station`` object."""
    return tags.get("amenity") == CHARGER_AMENITY


def parse_power_kw(value: str | None) -> list[float]:
    """Every power figure in a tag value, in kW.

    Values may list several figures (``"60 kW;120 kW"``) and carry a unit: ``kW`` (the default
    when there is none), ``kVA`` (read as kW), ``W`` or ``MW``.

    Parameters
    ----------
    value
        The raw tag value, or ``None``.

    Returns
    -------
    list of float
        The figures in kW, in tag order; empty when the value has none.
    """
    if not value:
        return []
    figures = []
    for number, unit in _POWER.findall(value):
        kw = float(number)
        unit = unit.lower()
        if unit == "w":
            kw /= 1000.0
        elif unit == "mw":
            kw *= 1000.0
        figures.append(kw)
    return figures


def parse_count(value: str | None) -> int | None:
    """A whole number tag value such as ``capacity=4``; ``None`` when absent or not a number."""
    if value is None:
        return None
    match = _INTEGER.match(value)
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class ChargerPower:
    """What the tags of one charging station say about its power.

    Attributes
    ----------
    capacity
        Vehicles that can charge at once (``capacity``), or ``None``.
    max_power_kw
        Highest output of one charging point, kW: the largest figure in ``socket:*:output`` and
        ``charging_station:output``; ``None`` when no power is tagged.
    point_outputs_kw
        Output of each charging point, kW, where the tags allow counting them: for each socket
        type with both a count (``socket:TYPE=N``) and an output, N points at that output;
        otherwise, with only a station output and ``capacity``, ``capacity`` points at the
        station output. ``None`` when the points cannot be counted.
    """

    capacity: int | None
    max_power_kw: float | None
    point_outputs_kw: tuple[float, ...] | None

    @property
    def total_power_kw(self) -> float | None:
        """Sum of the points' outputs (the pool output), kW; ``None`` when unknown."""
        return None if self.point_outputs_kw is None else float(sum(self.point_outputs_kw))


def charger_power(tags: Mapping[str, str]) -> ChargerPower:
    """Read capacity and power from a charging station's tags.

    Parameters
    ----------
    tags
        The station's tags (a dict or pyosmium tag list converted to a dict).

    Returns
    -------
    ChargerPower
        Capacity, the highest point output and, where countable, the output of each point.
    """
    capacity = parse_count(tags.get("capacity"))
    station_outputs = parse_power_kw(tags.get("charging_station:output"))
    socket_outputs: dict[str, list[float]] = {}
    socket_counts: dict[str, int] = {}
    for key, value in tags.items():
        output_match = _SOCKET_OUTPUT.match(key)
        if output_match:
            socket_outputs[output_match.group(1)] = parse_power_kw(value)
            continue
        count_match = _SOCKET_COUNT.match(key)
        if count_match:
            count = parse_count(value)
            if count is not None:
                socket_counts[count_match.group(1)] = count
    all_outputs = station_outputs + [kw for figures in socket_outputs.values() for kw in figures]
    max_power = max(all_outputs) if all_outputs else None

    points: list[float] = []
    for socket, count in socket_counts.items():
        figures = socket_outputs.get(socket)
        if figures:
            points.extend([max(figures)] * count)
    point_outputs: tuple[float, ...] | None
    if points:
        point_outputs = tuple(points)
    elif station_outputs and capacity is not None:
        point_outputs = (max(station_outputs),) * capacity
    else:
        point_outputs = None
    return ChargerPower(capacity=capacity, max_power_kw=max_power, point_outputs_kw=point_outputs)
