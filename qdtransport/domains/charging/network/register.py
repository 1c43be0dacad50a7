"""Bring the city's registers onto the OSM network: site matching and active charging stations.

The register tables come from the warehouse (``service_areas`` and ``charging_stations``) with
coordinates already converted to WGS84 in ``lon``/``lat``.

Matching register sites to OSM sites
    An OSM site and a register row are candidates when the register point lies within
    ``match_radius_m`` of the OSM site (0 inside its area). The default, 500 m, is wider than the
    300 m register rule (``Settings.site_match_radius_m``) because an OSM service area is an area
    several hundred metres long whose centre is not where a register point is usually placed.
    Candidates whose names agree come first, then the nearest; names agree when, after removing
    the words 服务区, 停车区, 服务站, 休息区, a final 区, spaces and anything in brackets (the
    direction), one contains the other. Pairs are taken greedily, each OSM site and each
    register row once, except that a register row with direction ``both`` may also take a
    second OSM site (the two polygons of a site that the register records as one row).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import polars as pl
import shapely

from qdtransport.domains.charging.network.geometry import LocalProjection

REGISTER_MATCH_RADIUS_M = 500.0
"""Default distance within which a register site point matches an OSM site, metres."""

_NAME_NOISE = re.compile(r"[（(【\[].*?[)）】\]]|服务区|停车区|服务站|休息区|\s+")


def name_core(name: str | None) -> str:
    """A site name reduced for comparison: ``"胶州服务区(青岛方向)"`` -> ``"胶州"``."""
    if not name:
        return ""
    core = _NAME_NOISE.sub("", name)
    return core[:-1] if core.endswith("区") and len(core) > 1 else core


def names_agree(a: str | None, b: str | None) -> bool | None:
    """True when two site names agree, False when they differ, None when either is missing."""
    core_a, core_b = name_core(a), name_core(b)
    if not core_a or not core_b:
        return None
    return core_a in core_b or core_b in core_a


def match_register_sites(
    sites: pl.DataFrame,
    site_shapes: Sequence[shapely.Geometry],
    register_sites: pl.DataFrame,
    *,
    projection: LocalProjection,
    match_radius_m: float = REGISTER_MATCH_RADIUS_M,
) -> pl.DataFrame:
    """Match register service-area rows to OSM sites.

    Parameters
    ----------
    sites
        OSM sites (``site_id``, ``name``), in the order of ``site_shapes``.
    site_shapes
        The sites' areas or points, projected with ``projection``.
    register_sites
        Register rows with ``service_area_id``, ``name``, ``direction``, ``lon``, ``lat``.
    projection
        Local projection of the shapes.
    match_radius_m
        Greatest distance between a register point and an OSM site, metres.

    Returns
    -------
    polars.DataFrame
        One row per matched pair: ``site_id``, ``service_area_id``, ``match_distance_m``,
        ``names_agree`` (null when either has no name). Empty input gives an empty table.
    """
    schema = {
        "site_id": pl.String(),
        "service_area_id": pl.String(),
        "match_distance_m": pl.Float64(),
        "names_agree": pl.Boolean(),
    }
    if sites.height == 0 or register_sites.height == 0:
        return pl.DataFrame(schema=schema)
    xs, ys = projection.to_xy(register_sites["lon"].to_numpy(), register_sites["lat"].to_numpy())
    tree = shapely.STRtree(list(site_shapes))
    candidates = []
    for r, (x, y) in enumerate(zip(xs, ys, strict=True)):
        point = shapely.Point(x, y)
        for s in tree.query(point, predicate="dwithin", distance=match_radius_m):
            distance = float(shapely.distance(site_shapes[int(s)], point))
            agree = names_agree(sites["name"][int(s)], register_sites["name"][r])
            rank = 0 if agree else (1 if agree is None else 2)
            candidates.append((rank, distance, int(s), r, agree))
    candidates.sort()
    taken_sites: set[int] = set()
    taken_rows: dict[int, int] = {}
    pairs = []
    directions = register_sites["direction"].to_list()
    for rank, distance, s, r, agree in candidates:
        allowed = 2 if directions[r] == "both" else 1
        if s in taken_sites or taken_rows.get(r, 0) >= allowed:
            continue
        if taken_rows.get(r, 0) == 1 and rank == 2:
            continue
        taken_sites.add(s)
        taken_rows[r] = taken_rows.get(r, 0) + 1
        pairs.append(
            {
                "site_id": sites["site_id"][s],
                "service_area_id": register_sites["service_area_id"][r],
                "match_distance_m": distance,
                "names_agree": agree,
            }
        )
    return pl.DataFrame(pairs, schema=schema).sort("site_id")


def active_stations(stations: pl.DataFrame, as_of: dt.date) -> pl.DataFrame:
    """Register stations in service on ``as_of`` with at least one connector.

    Commissioned on or before ``as_of`` and not decommissioned by then (a decommissioning date
    after ``as_of`` still counts), with ``dc_connectors + ac_connectors >= 1`` (a missing count is
    0). Rows without a commissioning date are left out, as the coverage indicator does.
    """
    if stations.height == 0:
        return stations
    connectors = pl.col("dc_connectors").fill_null(0) + pl.col("ac_connectors").fill_null(0)
    decommissioned = pl.col("decommissioned_date")
    return stations.filter(
        (pl.col("commissioned_date") <= as_of)
        & (decommissioned.is_null() | (decommissioned > as_of))
        & (connectors >= 1)
    )
