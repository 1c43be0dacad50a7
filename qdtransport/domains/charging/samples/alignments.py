"""Expressway centre lines of the Qingdao area, for laying out the synthetic demo network.

The centre lines are Travel Mapping waypoint files (OpenStreetMap-derived, see
``qdtransport/resources/alignments/PROVENANCE.md``): one waypoint every few kilometres, in route
order. This module reads them, clips them to the Qingdao box and measures along them in a local
metric plane, so that sites, carriageways and ramps can be placed by chainage (metres along the
route in waypoint order) and by offset (metres to the right of that direction, negative = left).

The plane is an equirectangular projection centred on the box: east-west distances are off by at
most about 1 % at the box edges, which moves a 40 m offset by less than half a metre.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise

EARTH_RADIUS_M = 6_371_008.8
"""Mean Earth radius (IUGG), metres."""

QINGDAO_BOX: tuple[float, float, float, float] = (119.45, 35.55, 121.05, 37.15)
"""(min lon, min lat, max lon, max lat) of the study area, degrees WGS84."""

PLANE_ORIGIN: tuple[float, float] = (120.25, 36.35)
"""(lon, lat) of the local plane's origin: the centre of :data:`QINGDAO_BOX`."""

ROUTE_NAMES: dict[str, tuple[str, str]] = {
    "G15": ("沈海高速", "Shenyang–Haikou Expressway"),
    "G18": ("荣乌高速", "Rongcheng–Wuhai Expressway"),
    "G20": ("青银高速", "Qingdao–Yinchuan Expressway"),
    "G2011": ("青新高速", "Qingdao–Xinhe Expressway"),
    "G22": ("青兰高速", "Qingdao–Lanzhou Expressway"),
}
"""The five national expressways crossing the Qingdao box: ref -> (Chinese name, English name)."""

_WAYPOINT = re.compile(r"lat=(-?[0-9.]+)&lon=(-?[0-9.]+)")

Point = tuple[float, float]


def to_plane(lon: float, lat: float) -> Point:
    """WGS84 degrees -> local plane metres (x east, y north) around :data:`PLANE_ORIGIN`."""
    lon0, lat0 = PLANE_ORIGIN
    scale = math.pi / 180 * EARTH_RADIUS_M
    return (lon - lon0) * scale * math.cos(math.radians(lat0)), (lat - lat0) * scale


def from_plane(x: float, y: float) -> Point:
    """Local plane metres -> WGS84 ``(lon, lat)`` degrees; the inverse of :func:`to_plane`."""
    lon0, lat0 = PLANE_ORIGIN
    scale = math.pi / 180 * EARTH_RADIUS_M
    return lon0 + x / (scale * math.cos(math.radians(lat0))), lat0 + y / scale


@dataclass(frozen=True)
class Waypoint:
    """One Travel Mapping waypoint: its label and WGS84 position (degrees)."""

    label: str
    lon: float
    lat: float


def read_waypoints(route_ref: str) -> list[Waypoint]:
    """The waypoints of one route, in route order, from the packaged ``chnsd.<ref>.wpt`` file.

    Parameters
    ----------
    route_ref
        Expressway number, e.g. ``"G20"``.

    Returns
    -------
    list of Waypoint
        Every waypoint of the file, inside or outside the Qingdao box.
    """
    name = f"chnsd.{route_ref.lower()}.wpt"
    text = (
        resources.files("qdtransport").joinpath("resources", "alignments", name).read_text("utf-8")
    )
    points = []
    for line in text.splitlines():
        match = _WAYPOINT.search(line)
        if match:
            points.append(Waypoint(line.split()[0], float(match[2]), float(match[1])))
    return points


def _inside(lon: float, lat: float) -> bool:
    min_lon, min_lat, max_lon, max_lat = QINGDAO_BOX
    return min_lon <= lon <= max_lon and min_lat <= lat <= max_lat


def _box_crossing(a: Waypoint, b: Waypoint) -> Waypoint:
    """Where the straight segment from ``a`` (inside) to ``b`` (outside) leaves the box."""
    min_lon, min_lat, max_lon, max_lat = QINGDAO_BOX
    t_exit = 1.0
    for start, end, low, high in (
        (a.lon, b.lon, min_lon, max_lon),
        (a.lat, b.lat, min_lat, max_lat),
    ):
        for bound in (low, high):
            if (end - bound) * (start - bound) < 0:
                t_exit = min(t_exit, (bound - start) / (end - start))
    return Waypoint("box_edge", a.lon + t_exit * (b.lon - a.lon), a.lat + t_exit * (b.lat - a.lat))


def clip_to_box(points: list[Waypoint]) -> list[Waypoint]:
    """The part of a route inside :data:`QINGDAO_BOX`, cut where it crosses the box edge.

    Raises
    ------
    ValueError
        When the route enters the box more than once or not at all.
    """
    inside = [_inside(p.lon, p.lat) for p in points]
    first = inside.index(True) if True in inside else -1
    if first < 0:
        raise ValueError("the route does not enter the Qingdao box")
    last = len(inside) - 1 - inside[::-1].index(True)
    if not all(inside[first : last + 1]):
        raise ValueError("the route enters the Qingdao box more than once")
    clipped = points[first : last + 1]
    if first > 0:
        clipped.insert(0, _box_crossing(points[first], points[first - 1]))
    if last < len(points) - 1:
        clipped.append(_box_crossing(points[last], points[last + 1]))
    return clipped


def right_normal(dx: float, dy: float) -> Point:
    """Unit vector pointing to the right of the direction ``(dx, dy)`` (x east, y north)."""
    length = math.hypot(dx, dy)
    return dy / length, -dx / length


def offset_polyline(points: list[Point], offset_m: float) -> list[Point]:
    """A polyline moved ``offset_m`` metres to its right (negative: left), with mitred corners."""
    if len(points) < 2:
        raise ValueError("a polyline needs at least two points")
    normals = [right_normal(b[0] - a[0], b[1] - a[1]) for a, b in pairwise(points)]
    moved = []
    for i, (x, y) in enumerate(points):
        before = normals[max(i - 1, 0)]
        after = normals[min(i, len(normals) - 1)]
        mx, my = before[0] + after[0], before[1] + after[1]
        length = math.hypot(mx, my)
        mx, my = mx / length, my / length
        stretch = 1.0 / max(mx * after[0] + my * after[1], 0.5)  # keep the mitre within 2x
        moved.append((x + mx * offset_m * stretch, y + my * offset_m * stretch))
    return moved


@dataclass(frozen=True)
class Alignment:
    """One route's centre line inside the Qingdao box, in the local plane.

    Attributes
    ----------
    route_ref
        Expressway number, e.g. ``"G20"``.
    waypoints
        The clipped waypoints (WGS84), in route order.
    points
        The same points in the local plane (metres).
    chainages
        Metres along the centre line at each point; the first is 0.
    """

    route_ref: str
    waypoints: tuple[Waypoint, ...]
    points: tuple[Point, ...]
    chainages: tuple[float, ...]

    @property
    def length_m(self) -> float:
        """Length of the clipped centre line, metres."""
        return self.chainages[-1]

    def chainage_of(self, label: str) -> float:
        """Chainage (metres) of the waypoint called ``label``."""
        for waypoint, chainage in zip(self.waypoints, self.chainages, strict=True):
            if waypoint.label == label:
                return chainage
        raise KeyError(f"{self.route_ref} has no waypoint {label}")

    def _segment(self, chainage: float) -> int:
        if not 0.0 <= chainage <= self.length_m:
            raise ValueError(
                f"chainage {chainage:.0f} m is off {self.route_ref} (0-{self.length_m:.0f} m)"
            )
        for i in range(len(self.chainages) - 1):
            if chainage <= self.chainages[i + 1]:
                return i
        return len(self.chainages) - 2

    def point_at(self, chainage: float, offset_m: float = 0.0) -> Point:
        """Plane point at ``chainage``, moved ``offset_m`` to the right of the route direction."""
        i = self._segment(chainage)
        (ax, ay), (bx, by) = self.points[i], self.points[i + 1]
        t = (chainage - self.chainages[i]) / (self.chainages[i + 1] - self.chainages[i])
        nx, ny = right_normal(bx - ax, by - ay)
        return ax + t * (bx - ax) + offset_m * nx, ay + t * (by - ay) + offset_m * ny

    def lonlat_at(self, chainage: float, offset_m: float = 0.0) -> Point:
        """WGS84 ``(lon, lat)`` at ``chainage``, moved ``offset_m`` to the right."""
        return from_plane(*self.point_at(chainage, offset_m))

    def densified(self, offset_m: float, spacing_m: float) -> list[tuple[Point, float]]:
        """Points of a line parallel to the centre line, at most ``spacing_m`` apart.

        Returns
        -------
        list of (point, chainage)
            Plane points of the centre line moved ``offset_m`` to the right (mitred at the
            waypoints), with the centre-line chainage each one stands beside.
        """
        moved = offset_polyline(list(self.points), offset_m)
        out: list[tuple[Point, float]] = [(moved[0], 0.0)]
        for i in range(len(moved) - 1):
            (ax, ay), (bx, by) = moved[i], moved[i + 1]
            pieces = max(1, math.ceil(math.hypot(bx - ax, by - ay) / spacing_m))
            c0, c1 = self.chainages[i], self.chainages[i + 1]
            for k in range(1, pieces + 1):
                t = k / pieces
                out.append(((ax + t * (bx - ax), ay + t * (by - ay)), c0 + t * (c1 - c0)))
        return out


def load_alignment(route_ref: str) -> Alignment:
    """The clipped centre line of one route, measured in the local plane."""
    waypoints = clip_to_box(read_waypoints(route_ref))
    points = [to_plane(w.lon, w.lat) for w in waypoints]
    chainages = [0.0]
    for a, b in pairwise(points):
        chainages.append(chainages[-1] + math.hypot(b[0] - a[0], b[1] - a[1]))
    return Alignment(route_ref, tuple(waypoints), tuple(points), tuple(chainages))


def load_alignments() -> dict[str, Alignment]:
    """Every route of :data:`ROUTE_NAMES`, clipped to the Qingdao box, by route ref."""
    return {ref: load_alignment(ref) for ref in ROUTE_NAMES}


@dataclass(frozen=True)
class Junction:
    """Two routes meeting at a shared waypoint (an interchange).

    Attributes
    ----------
    route_a, route_b
        Route refs.
    chainage_a, chainage_b
        Chainage (metres) of the shared point on each route.
    """

    route_a: str
    route_b: str
    chainage_a: float
    chainage_b: float


def find_junctions(alignments: dict[str, Alignment], *, tolerance_m: float = 1.0) -> list[Junction]:
    """Pairs of routes with a waypoint in common (within ``tolerance_m``), in route-ref order."""
    junctions = []
    refs = sorted(alignments)
    for i, ref_a in enumerate(refs):
        for ref_b in refs[i + 1 :]:
            a, b = alignments[ref_a], alignments[ref_b]
            for pa, ca in zip(a.points, a.chainages, strict=True):
                for pb, cb in zip(b.points, b.chainages, strict=True):
                    if math.hypot(pa[0] - pb[0], pa[1] - pb[1]) <= tolerance_m:
                        junctions.append(Junction(ref_a, ref_b, ca, cb))
    return junctions
