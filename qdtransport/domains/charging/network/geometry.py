"""Distances, a local metric projection and compass points for WGS84 coordinates.

Lengths along roads are great-circle (haversine) distances on a sphere of radius
:data:`EARTH_RADIUS_M`, the value osmnx uses, so edge lengths agree with osmnx to the millimetre.
Distances between a point and an area (a charger and a service-area polygon, a polygon and a slip
road) are measured in a local equirectangular projection centred on the data: over a region the
size of a province its scale error stays within a few per cent, far below the tolerances those
distances are compared with (tens to hundreds of metres).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import ArrayLike, NDArray

EARTH_RADIUS_M = 6_371_009.0
"""Mean earth radius in metres (the value osmnx uses for edge lengths)."""

COMPASS_POINTS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")
"""The eight compass points, clockwise from north, used to name a carriageway's heading."""


def haversine_m(
    lon1: ArrayLike, lat1: ArrayLike, lon2: ArrayLike, lat2: ArrayLike
) -> NDArray[np.float64]:
    """Great-circle distance in metres between WGS84 points (element-wise over arrays).

    Parameters
    ----------
    lon1, lat1, lon2, lat2
        Longitudes and latitudes in degrees; scalars or arrays of one shape.

    Returns
    -------
    numpy.ndarray
        Distances in metres (a 0-d array for scalar input).
    """
    phi1 = np.radians(np.asarray(lat1, dtype=np.float64))
    phi2 = np.radians(np.asarray(lat2, dtype=np.float64))
    dphi = phi2 - phi1
    dlmb = np.radians(np.asarray(lon2, dtype=np.float64) - np.asarray(lon1, dtype=np.float64))
    h = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def compass_point(east: float, north: float) -> str:
    """The compass point (N, NE, E, ... NW) nearest to a heading given as a vector.

    Parameters
    ----------
    east, north
        Components of the heading (any unit). Sector boundaries lie half-way between the points,
        e.g. bearings from 22.5° up to 67.5° are NE; a zero vector gives ``N``.

    Returns
    -------
    str
        One of :data:`COMPASS_POINTS`.
    """
    bearing = math.degrees(math.atan2(east, north)) % 360.0
    return COMPASS_POINTS[int(((bearing + 22.5) % 360.0) // 45.0)]


@dataclass(frozen=True)
class LocalProjection:
    """Equirectangular projection to metres around a reference point.

    ``x = R * radians(lon - lon0) * cos(lat0)`` and ``y = R * radians(lat - lat0)``, with ``R``
    :data:`EARTH_RADIUS_M`. Good for distances of up to a few kilometres anywhere in a province.
    """

    lon0: float
    lat0: float

    @classmethod
    def around(cls, lons: ArrayLike, lats: ArrayLike) -> LocalProjection:
        """A projection centred on the mean of the given coordinates (0, 0 when there are none)."""
        lon_values = np.asarray(lons, dtype=np.float64)
        lat_values = np.asarray(lats, dtype=np.float64)
        if lon_values.size == 0:
            return cls(0.0, 0.0)
        return cls(float(np.nanmean(lon_values)), float(np.nanmean(lat_values)))

    def to_xy(
        self, lons: ArrayLike, lats: ArrayLike
    ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Project longitudes and latitudes (degrees) to x, y in metres."""
        scale = math.pi / 180.0 * EARTH_RADIUS_M
        x = (
            (np.asarray(lons, dtype=np.float64) - self.lon0)
            * scale
            * math.cos(math.radians(self.lat0))
        )
        y = (np.asarray(lats, dtype=np.float64) - self.lat0) * scale
        return x, y

    def geometry(self, geometry: shapely.Geometry) -> shapely.Geometry:
        """A shapely geometry in lon/lat degrees, projected to metres."""

        def project(coords: NDArray[np.float64]) -> NDArray[np.float64]:
            x, y = self.to_xy(coords[:, 0], coords[:, 1])
            return np.column_stack([x, y])

        return shapely.transform(geometry, project)
