"""Coordinate systems of Chinese map providers: GCJ-02 and BD-09 to and from WGS84.

The warehouse stores WGS84 longitude/latitude (degrees). Charging-operator lists and service-area
registers often carry positions copied from Chinese web maps instead:

``WGS84``
    GPS receivers, OpenStreetMap, international maps.
``GCJ02``
    The obfuscated datum that maps published in China must use (国测局坐标, "火星坐标"):
    Amap/Gaode, Tencent, Apple and Google maps inside China. It shifts a WGS84 position by a
    few hundred metres, by an amount that varies smoothly with position.
``BD09``
    Baidu maps (百度坐标): a second, smaller shift on top of GCJ-02. Only the longitude/latitude
    form (``bd09ll``) is handled here, not Baidu's Mercator metres (``bd09mc``).

Methods
-------
- WGS84 -> GCJ-02 is the widely published closed-form transform (Krasovsky 1940 ellipsoid,
  a = 6 378 245 m, e^2 = 0.00669342162296594323), as in the open-source implementations
  wandergis/coordtransform and googollee/eviltransform.
- GCJ-02 -> WGS84 has no closed form. The common one-step approximation (subtract the shift
  computed at the GCJ-02 point) is off by up to about 2.5e-5 degrees (about 2 m) around Qingdao
  and 5.5e-5 (about 5 m) elsewhere in China. Here the forward transform is iterated until it
  reproduces the given GCJ-02 position within :data:`INVERSE_TOLERANCE_DEG` (1e-9 degrees,
  about 0.1 mm), which makes the result the exact inverse for all practical purposes.
- GCJ-02 -> BD-09 is the widely published closed-form transform (Baidu's own is not public;
  this formula is the accepted reconstruction of it).
  BD-09 -> GCJ-02 is its exact inverse, found the same way; the widely published one-step
  inverse formula, used as the starting point, is off by up to about 2e-6 degrees (0.2 m).

Outside China
-------------
GCJ-02 equals WGS84 outside China: points outside the box :data:`CHINA_BOUNDS` (China's extreme
longitudes and latitudes, 73.66-135.05 E, 3.86-53.55 N, the box most Chinese implementations
use) are returned unchanged by the WGS84 <-> GCJ-02 functions. The box is a rectangle, so parts of
Korea, Japan, Mongolia and their neighbours lie inside it and do get shifted; every point in
Qingdao is far inside. The BD-09 offset is a pure formula and is applied everywhere.

All functions are vectorised with numpy: they take floats or numpy arrays (anything
``numpy.asarray`` accepts, broadcast against each other) and return floats for float input,
float64 arrays otherwise. NaN stays NaN.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # imported where used: contracts read the spellings without loading numpy or polars
    import numpy as np
    import polars as pl
    from numpy.typing import ArrayLike, NDArray

Coordinate = TypeVar("Coordinate", float, "NDArray[np.float64]")
"""A longitude or latitude in degrees: one float, or a float64 array of them."""

CRS_CODES: tuple[str, ...] = ("WGS84", "GCJ02", "BD09")
"""Canonical codes of the input contract's ``crs`` column; an empty value means ``WGS84``."""

_WGS84_SPELLINGS = (
    "wgs84", "wgs-84", "wgs 84", "wgs_84", "wgs84ll", "epsg:4326", "gps",
    "地球坐标", "地球坐标系", "gps坐标", "wgs84坐标", "wgs84坐标系",
)
_GCJ02_SPELLINGS = (
    "gcj02", "gcj-02", "gcj 02", "gcj_02", "gcj", "gcj02ll", "amap", "gaode", "autonavi",
    "火星坐标", "火星坐标系", "国测局坐标", "国测局坐标系", "gcj02坐标", "gcj02坐标系",
    "高德坐标", "腾讯坐标",
)
_BD09_SPELLINGS = (
    "bd09", "bd-09", "bd 09", "bd_09", "bd09ll", "baidu",
    "百度坐标", "百度坐标系", "百度经纬度坐标", "bd09坐标", "bd09坐标系",
)

CRS_ALIASES: dict[str, str] = {
    **{spelling: "WGS84" for spelling in _WGS84_SPELLINGS},
    **{spelling: "GCJ02" for spelling in _GCJ02_SPELLINGS},
    **{spelling: "BD09" for spelling in _BD09_SPELLINGS},
}
"""Spellings of a coordinate system (lower-cased, trimmed, NFKC-normalised) -> canonical code.

Covers the canonical codes themselves, hyphenated and spaced forms, the names the Amap and Baidu
web services use (``gps``, ``autonavi``, ``gcj02ll``, ``bd09ll``) and the usual Chinese names
(地球坐标, 火星坐标, 国测局坐标, 百度坐标). Baidu Mercator metres (``bd09mc``) are deliberately
absent: they are not longitude/latitude.
"""

CHINA_BOUNDS: tuple[float, float, float, float] = (73.66, 3.86, 135.05, 53.55)
"""(min lon, min lat, max lon, max lat) in degrees; GCJ-02 equals WGS84 on and outside this box."""

INVERSE_TOLERANCE_DEG: float = 1e-9
"""The inverses (to WGS84, to GCJ-02) stop when the forward transform reproduces the input
within this many degrees (about 0.1 mm)."""

INVERSE_MAX_ITERATIONS: int = 20
"""Upper bound on the iterations of an inverse; inside China a handful are needed."""

_KRASOVSKY_A = 6378245.0
_KRASOVSKY_E2 = 0.00669342162296594323
_BD09_X_PI = math.pi * 3000.0 / 180.0
_BD09_LON_SHIFT = 0.0065
_BD09_LAT_SHIFT = 0.006


def wgs84_to_gcj02(lon: Coordinate, lat: Coordinate) -> tuple[Coordinate, Coordinate]:
    """Shift WGS84 positions to GCJ-02 (Amap/Gaode, Tencent).

    Parameters
    ----------
    lon, lat
        WGS84 longitude and latitude, degrees.

    Returns
    -------
    tuple
        GCJ-02 ``(lon, lat)`` in degrees, floats for float input, arrays otherwise. Points outside
        :data:`CHINA_BOUNDS` are returned unchanged.
    """
    lon_a, lat_a, scalar = _float_arrays(lon, lat)
    return _as_given(*_wgs84_to_gcj02(lon_a, lat_a), scalar=scalar)


def gcj02_to_wgs84(lon: Coordinate, lat: Coordinate) -> tuple[Coordinate, Coordinate]:
    """Exact inverse of :func:`wgs84_to_gcj02`, by iterating the forward transform.

    Parameters
    ----------
    lon, lat
        GCJ-02 longitude and latitude, degrees.

    Returns
    -------
    tuple
        WGS84 ``(lon, lat)`` in degrees, floats for float input, arrays otherwise. Shifting the
        result forward again gives the input within :data:`INVERSE_TOLERANCE_DEG`. Points
        outside :data:`CHINA_BOUNDS` are returned unchanged.
    """
    lon_a, lat_a, scalar = _float_arrays(lon, lat)
    return _as_given(*_gcj02_to_wgs84(lon_a, lat_a), scalar=scalar)


def gcj02_to_bd09(lon: Coordinate, lat: Coordinate) -> tuple[Coordinate, Coordinate]:
    """Shift GCJ-02 positions to BD-09 (Baidu longitude/latitude).

    Parameters
    ----------
    lon, lat
        GCJ-02 longitude and latitude, degrees.

    Returns
    -------
    tuple
        BD-09 ``(lon, lat)`` in degrees, floats for float input, arrays otherwise.
    """
    lon_a, lat_a, scalar = _float_arrays(lon, lat)
    return _as_given(*_gcj02_to_bd09(lon_a, lat_a), scalar=scalar)


def bd09_to_gcj02(lon: Coordinate, lat: Coordinate) -> tuple[Coordinate, Coordinate]:
    """Shift BD-09 (Baidu) positions back to GCJ-02.

    Parameters
    ----------
    lon, lat
        BD-09 longitude and latitude, degrees.

    Returns
    -------
    tuple
        GCJ-02 ``(lon, lat)`` in degrees, floats for float input, arrays otherwise. Shifting the
        result forward again gives the input within :data:`INVERSE_TOLERANCE_DEG`.
    """
    lon_a, lat_a, scalar = _float_arrays(lon, lat)
    return _as_given(*_bd09_to_gcj02(lon_a, lat_a), scalar=scalar)


def wgs84_to_bd09(lon: Coordinate, lat: Coordinate) -> tuple[Coordinate, Coordinate]:
    """Shift WGS84 positions to BD-09: :func:`wgs84_to_gcj02`, then :func:`gcj02_to_bd09`.

    Parameters
    ----------
    lon, lat
        WGS84 longitude and latitude, degrees.

    Returns
    -------
    tuple
        BD-09 ``(lon, lat)`` in degrees, floats for float input, arrays otherwise.
    """
    lon_a, lat_a, scalar = _float_arrays(lon, lat)
    return _as_given(*_gcj02_to_bd09(*_wgs84_to_gcj02(lon_a, lat_a)), scalar=scalar)


def bd09_to_wgs84(lon: Coordinate, lat: Coordinate) -> tuple[Coordinate, Coordinate]:
    """Shift BD-09 positions to WGS84: :func:`bd09_to_gcj02`, then :func:`gcj02_to_wgs84`.

    Parameters
    ----------
    lon, lat
        BD-09 longitude and latitude, degrees.

    Returns
    -------
    tuple
        WGS84 ``(lon, lat)`` in degrees, floats for float input, arrays otherwise.
    """
    lon_a, lat_a, scalar = _float_arrays(lon, lat)
    return _as_given(*_gcj02_to_wgs84(*_bd09_to_gcj02(lon_a, lat_a)), scalar=scalar)


def to_wgs84(
    lon: Coordinate, lat: Coordinate, crs: str | ArrayLike | None
) -> tuple[Coordinate, Coordinate]:
    """Convert positions given in mixed coordinate systems to WGS84.

    Parameters
    ----------
    lon, lat
        Longitude and latitude in degrees, each in the system named by ``crs``.
    crs
        One canonical code per position (``"WGS84"``, ``"GCJ02"``, ``"BD09"``), or one code for
        all. ``None``, ``""`` and NaN mean WGS84. Map other spellings with :data:`CRS_ALIASES`
        (or :func:`canonical_crs`) first.

    Returns
    -------
    tuple
        WGS84 ``(lon, lat)`` in degrees, floats for float input, arrays otherwise.

    Raises
    ------
    ValueError
        When ``crs`` holds anything but the canonical codes and empty values; the message lists
        the unknown values.
    """
    import numpy as np

    lon_a, lat_a, scalar = _float_arrays(lon, lat)
    codes = np.broadcast_to(np.asarray(crs, dtype=object), lon_a.shape)
    is_gcj02 = codes == "GCJ02"
    is_bd09 = codes == "BD09"
    is_empty = (codes == None) | (codes == "") | (codes != codes)  # noqa: E711  (None, "", NaN)
    is_known = is_gcj02 | is_bd09 | (codes == "WGS84") | is_empty
    if not is_known.all():
        unknown = sorted({str(code) for code in codes[~is_known]})
        raise ValueError(
            f"unknown coordinate system code(s) {unknown}; expected one of {list(CRS_CODES)} "
            "or empty (WGS84); map other spellings with CRS_ALIASES first"
        )
    out_lon, out_lat = lon_a.copy(), lat_a.copy()
    if is_gcj02.any():
        out_lon[is_gcj02], out_lat[is_gcj02] = _gcj02_to_wgs84(lon_a[is_gcj02], lat_a[is_gcj02])
    if is_bd09.any():
        out_lon[is_bd09], out_lat[is_bd09] = _gcj02_to_wgs84(
            *_bd09_to_gcj02(lon_a[is_bd09], lat_a[is_bd09])
        )
    return _as_given(out_lon, out_lat, scalar=scalar)


def canonical_crs(column: str = "crs") -> pl.Expr:
    """A polars expression mapping a column of coordinate-system spellings to canonical codes.

    Parameters
    ----------
    column
        Name of a text column holding spellings such as ``"gcj-02"``, ``"百度坐标"``, ``"GPS"``.

    Returns
    -------
    polars.Expr
        Text: ``"WGS84"``, ``"GCJ02"`` or ``"BD09"``; ``"WGS84"`` where the value is null or
        blank (the contract's default); null where the value is no known spelling, so a caller
        can reject those rows. Matching trims, lower-cases and NFKC-normalises (full-width
        letters and digits match their ASCII forms) before looking up :data:`CRS_ALIASES`.
    """
    import polars as pl

    text = pl.col(column).cast(pl.String).str.normalize("NFKC").str.strip_chars().str.to_lowercase()
    return (
        pl.when(text.is_null() | (text == ""))
        .then(pl.lit("WGS84"))
        .otherwise(text.replace_strict(CRS_ALIASES, default=None, return_dtype=pl.String))
    )


def with_wgs84(
    frame: pl.DataFrame, *, lon: str = "lon", lat: str = "lat", crs: str = "crs"
) -> pl.DataFrame:
    """The frame with its positions converted to WGS84 and the given positions kept.

    Parameters
    ----------
    frame
        One row per position, with numeric longitude and latitude columns and optionally a
        coordinate-system column in any spelling of :data:`CRS_ALIASES` (null or blank = WGS84).
        Without the ``crs`` column every row is taken as WGS84.
    lon, lat, crs
        Names of those columns.

    Returns
    -------
    polars.DataFrame
        The same rows and columns, in the same order, with:

        - ``lon``, ``lat`` (the names given): WGS84 longitude and latitude, degrees, Float64;
          null where the given position is null or NaN.
        - ``crs`` (the name given): the canonical code of the system the position was given in
          (``WGS84``, ``GCJ02``, ``BD09``), added as ``WGS84`` when the frame had no such column.
        - ``source_lon``, ``source_lat`` (added at the end): the position as given, degrees,
          Float64.

        An empty frame comes back empty with the same columns.

    Raises
    ------
    ValueError
        When a ``lon``/``lat`` column is missing; when the frame already has ``source_lon`` or
        ``source_lat`` (it has been converted before: converting again would shift it twice);
        when a ``crs`` value is no known spelling (the message lists them).
    """
    import polars as pl

    for name in (lon, lat):
        if name not in frame.columns:
            raise ValueError(f"frame has no column {name!r}; columns: {frame.columns}")
    already = [name for name in ("source_lon", "source_lat") if name in frame.columns]
    if already:
        raise ValueError(
            f"frame already has {already}: its positions were converted to WGS84 before"
        )
    if crs in frame.columns:
        codes = frame.select(canonical_crs(crs)).to_series()
        unknown = frame.filter(codes.is_null())[crs].unique().sort().to_list()
        if unknown:
            raise ValueError(
                f"column {crs!r} holds unknown coordinate system(s) {unknown}; "
                f"known spellings: {sorted(CRS_ALIASES)}"
            )
    else:
        codes = pl.Series(crs, ["WGS84"] * frame.height, dtype=pl.String)
    source_lon = frame[lon].cast(pl.Float64)
    source_lat = frame[lat].cast(pl.Float64)
    wgs_lon, wgs_lat = to_wgs84(
        source_lon.to_numpy(), source_lat.to_numpy(), codes.to_numpy().astype(object)
    )
    return frame.with_columns(
        pl.Series(lon, wgs_lon, dtype=pl.Float64, nan_to_null=True),
        pl.Series(lat, wgs_lat, dtype=pl.Float64, nan_to_null=True),
        codes.alias(crs),
        source_lon.alias("source_lon"),
        source_lat.alias("source_lat"),
    )


def _float_arrays(
    lon: ArrayLike, lat: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64], bool]:
    """Longitude and latitude as broadcast float64 arrays, and whether both were scalars."""
    import numpy as np

    lon_a = np.asarray(lon, dtype=np.float64)
    lat_a = np.asarray(lat, dtype=np.float64)
    scalar = lon_a.ndim == 0 and lat_a.ndim == 0
    lon_b, lat_b = np.broadcast_arrays(lon_a, lat_a)
    return lon_b.astype(np.float64, copy=True), lat_b.astype(np.float64, copy=True), scalar


def _as_given(
    lon: NDArray[np.float64], lat: NDArray[np.float64], *, scalar: bool
) -> tuple[Coordinate, Coordinate]:
    """Floats when the input was two scalars, else the arrays."""
    if scalar:
        return float(lon), float(lat)
    return lon, lat


def _in_china(lon: NDArray[np.float64], lat: NDArray[np.float64]) -> NDArray[np.bool_]:
    """Whether each point lies strictly inside :data:`CHINA_BOUNDS` (False for NaN)."""
    min_lon, min_lat, max_lon, max_lat = CHINA_BOUNDS
    return (lon > min_lon) & (lon < max_lon) & (lat > min_lat) & (lat < max_lat)


def _gcj02_offset(
    lon: NDArray[np.float64], lat: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The GCJ-02 shift (degrees of longitude, degrees of latitude) at WGS84 positions."""
    import numpy as np

    x = lon - 105.0
    y = lat - 35.0
    # Both shifts share a ripple in x; each then adds ripples and a quadratic trend of its own,
    # in metres on the Krasovsky ellipsoid.
    ripple_x = (20.0 * np.sin(6.0 * np.pi * x) + 20.0 * np.sin(2.0 * np.pi * x)) * 2.0 / 3.0
    north_m = (
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
        + ripple_x
        + (20.0 * np.sin(np.pi * y) + 40.0 * np.sin(np.pi * y / 3.0)) * 2.0 / 3.0
        + (160.0 * np.sin(np.pi * y / 12.0) + 320.0 * np.sin(np.pi * y / 30.0)) * 2.0 / 3.0
    )
    east_m = (
        300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
        + ripple_x
        + (20.0 * np.sin(np.pi * x) + 40.0 * np.sin(np.pi * x / 3.0)) * 2.0 / 3.0
        + (150.0 * np.sin(np.pi * x / 12.0) + 300.0 * np.sin(np.pi * x / 30.0)) * 2.0 / 3.0
    )
    phi = np.radians(lat)
    w2 = 1.0 - _KRASOVSKY_E2 * np.sin(phi) ** 2
    meridian_radius = _KRASOVSKY_A * (1.0 - _KRASOVSKY_E2) / (w2 * np.sqrt(w2))
    parallel_radius = _KRASOVSKY_A / np.sqrt(w2) * np.cos(phi)
    return np.degrees(east_m / parallel_radius), np.degrees(north_m / meridian_radius)


def _wgs84_to_gcj02(
    lon: NDArray[np.float64], lat: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    import numpy as np

    inside = _in_china(lon, lat)
    d_lon, d_lat = _gcj02_offset(lon, lat)
    return np.where(inside, lon + d_lon, lon), np.where(inside, lat + d_lat, lat)


def _gcj02_to_wgs84(
    lon: NDArray[np.float64], lat: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    # Starting at the GCJ-02 point itself, the first step is the usual one-step approximation.
    return _invert(_wgs84_to_gcj02, lon, lat, start=(lon, lat))


def _invert(
    forward: Callable[
        [NDArray[np.float64], NDArray[np.float64]], tuple[NDArray[np.float64], NDArray[np.float64]]
    ],
    lon: NDArray[np.float64],
    lat: NDArray[np.float64],
    *,
    start: tuple[NDArray[np.float64], NDArray[np.float64]],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The positions that ``forward`` maps onto (lon, lat), by fixed-point iteration.

    ``forward`` must be the identity plus a shift that changes slowly with position (true of
    both GCJ-02 and BD-09): then ``p <- p - (forward(p) - target)`` shrinks the error about a
    hundredfold per step. Stops when every forward image is within
    :data:`INVERSE_TOLERANCE_DEG` of its target (NaN never holds it up), or after
    :data:`INVERSE_MAX_ITERATIONS` steps.
    """
    import numpy as np

    src_lon, src_lat = start[0].copy(), start[1].copy()
    for _ in range(INVERSE_MAX_ITERATIONS):
        fwd_lon, fwd_lat = forward(src_lon, src_lat)
        miss_lon = fwd_lon - lon
        miss_lat = fwd_lat - lat
        src_lon -= miss_lon
        src_lat -= miss_lat
        worst = np.maximum(np.abs(miss_lon), np.abs(miss_lat))
        if not (worst > INVERSE_TOLERANCE_DEG).any():  # NaN compares False
            break
    return src_lon, src_lat


def _gcj02_to_bd09(
    lon: NDArray[np.float64], lat: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    import numpy as np

    radius = np.hypot(lon, lat) + 0.00002 * np.sin(lat * _BD09_X_PI)
    angle = np.arctan2(lat, lon) + 0.000003 * np.cos(lon * _BD09_X_PI)
    return (
        radius * np.cos(angle) + _BD09_LON_SHIFT,
        radius * np.sin(angle) + _BD09_LAT_SHIFT,
    )


def _bd09_to_gcj02(
    lon: NDArray[np.float64], lat: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    # The widely published one-step inverse (undo the shift, then the perturbations evaluated
    # at the BD-09 point) is within ~2e-6 degrees; iterating from it makes it exact.
    import numpy as np

    x = lon - _BD09_LON_SHIFT
    y = lat - _BD09_LAT_SHIFT
    radius = np.hypot(x, y) - 0.00002 * np.sin(y * _BD09_X_PI)
    angle = np.arctan2(y, x) - 0.000003 * np.cos(x * _BD09_X_PI)
    one_step = (radius * np.cos(angle), radius * np.sin(angle))
    return _invert(_gcj02_to_bd09, lon, lat, start=one_step)
