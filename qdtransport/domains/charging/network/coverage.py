"""Charger coverage of service areas and charging gaps along each carriageway.

:func:`compute_network_coverage` answers three questions on an :class:`OsmExtract`:

- does every service-area site on the motorway network have a charger (the Qingdao plan's rule,
  ``cn``), and how far is the nearest charger from one that has none;
- along each carriageway, how far apart are the charging opportunities, and does the spacing
  meet the EU AFIR rule (a qualifying pool every 60 km, within 3 km of the exit) and the US NEVI
  rule (a qualifying site every 50 miles, within 1 mile of the corridor);
- what in OSM and the city's registers does not fit together (reconciliation).

The steps live in their own modules: :mod:`~qdtransport.domains.charging.network.carriageways` (carriageways and
positions), :mod:`~qdtransport.domains.charging.network.attachment` (site to carriageway through slip roads,
charger to site), :mod:`~qdtransport.domains.charging.network.register` (register sites and stations),
:mod:`~qdtransport.domains.charging.network.site_charging` (what each site offers) and
:mod:`~qdtransport.domains.charging.network.gaps` (lead, gaps, tail and verdicts).

A *charging opportunity* for a rule is a site on the carriageway that qualifies under the rule:
any charger (``cn``); an AFIR pool no more than ``afir_max_offset_km`` of slip road from the
carriageway (``afir``); a NEVI site no more than ``nevi_max_offset_km`` away (``nevi``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import networkx as nx
import polars as pl
import shapely

from qdtransport.domains.charging.network.attachment import (
    attach_sites,
    nearest_sites,
    projection_for,
    site_geometries,
)
from qdtransport.domains.charging.network.carriageways import Carriageway, split_carriageways
from qdtransport.domains.charging.network.extract import OsmExtract
from qdtransport.domains.charging.network.gaps import gap_stats
from qdtransport.domains.charging.network.geometry import LocalProjection
from qdtransport.domains.charging.network.reconciliation import reconcile
from qdtransport.domains.charging.network.register import (
    active_stations,
    match_register_sites,
)
from qdtransport.domains.charging.network.schemas import (
    CORRIDOR_GAPS_SCHEMA,
    RULES,
    SA_NETWORK_COVERAGE_SCHEMA,
)
from qdtransport.domains.charging.network.site_charging import site_charging
from qdtransport.settings import Settings


@dataclass
class NetworkCoverage:
    """Result of :func:`compute_network_coverage`.

    Attributes
    ----------
    sa_network_coverage
        One row per service-area site on the motorway network (reachable through slip roads):

        - ``site_id`` (``w123``, ``n45``, ``r7``), ``name``, ``kind`` (``services`` or
          ``rest_area``), ``lon``, ``lat`` (degrees WGS84);
        - ``route_ref`` (routes of the carriageways it serves, ``;``-separated) and ``direction``
          (compass point of the carriageway it serves, ``both`` when it serves both carriageways
          of its route, ``;``-separated per route where routes differ);
        - ``has_charger``, ``chargers`` (stations at the site: the larger of ``osm_chargers`` and
          ``register_stations``, as one station is often in both);
        - ``nearest_charger_km``: 0 with a charger, else the distance along a carriageway it
          serves to the nearest site with a charger, either way (null when there is none);
        - ``register_site_id``: the matching register row, or null;
        - ``offset_km``: shortest slip-road distance between the site and a carriageway;
        - ``pool_kw``, ``max_point_kw``, ``fast_points``, ``afir_ok``, ``nevi_ok``: see
          :mod:`qdtransport.domains.charging.network.site_charging`.
    corridor_gaps
        One row per carriageway (``route_ref``, ``direction``): ``name``; ``length_km`` (its
        road length), ``extent_km`` (the line positions are measured on), ``pieces`` and
        ``breaks_km`` (see :mod:`qdtransport.domains.charging.network.carriageways`); ``sites`` serving it,
        ``service_areas`` and ``service_areas_with_charger`` (kind ``services`` only);
        ``charging_sites``, ``max_gap_km``, ``lead_km``, ``tail_km``, ``compliant_share`` for
        any charger (limit ``cn_max_gap_km``); the public spacing verdicts of the SQL interface,
        ``meets_afir`` (``max_gap_km`` <= ``afir_max_gap_km``) and ``meets_nevi``
        (<= ``nevi_max_gap_km``), null with fewer than two charging sites, lead and tail not
        counted; the whole-rule verdicts: ``cn_compliant`` (every service area serving it has a
        charger, and no gap, lead or tail exceeds ``cn_max_gap_km``), and the same five figures
        prefixed ``afir_`` and ``nevi_`` for the sites that qualify under those rules (power,
        distance from the carriageway) with ``afir_compliant`` and ``nevi_compliant`` (no gap,
        lead or tail over the limit). Distances in km; the whole-rule verdicts and shares follow
        :mod:`qdtransport.domains.charging.network.gaps` (null where nothing visible decides).
        ``geometry_wkt``: the carriageway as a WKT MULTILINESTRING of lon/lat, for maps.
    reconciliation
        One row per finding: ``kind``, ``object_id``, ``name``, ``lon``, ``lat``, ``detail``.
        Kinds: ``site_without_links`` (a site next to a motorway, within 200 m, that no slip road
        reaches), ``site_not_on_motorway`` (farther), ``osm_site_without_register_row``,
        ``register_site_not_on_network`` (an open register site, or one without status, that
        matches no OSM site on the network), ``charger_without_site`` (an OSM charger within 1 km of
        the network, or an active register station that names a site, that belongs to no site
        on the network).
    site_access
        One row per site and carriageway it serves, with the slip-road details
        (see :func:`qdtransport.domains.charging.network.attachment.attach_sites`).
    """

    sa_network_coverage: pl.DataFrame
    corridor_gaps: pl.DataFrame
    reconciliation: pl.DataFrame
    site_access: pl.DataFrame


def compute_network_coverage(
    extract: OsmExtract,
    *,
    register_sites: pl.DataFrame | None = None,
    register_stations: pl.DataFrame | None = None,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> NetworkCoverage:
    """Service-area charger coverage and charging gaps on an OSM motorway network.

    Parameters
    ----------
    extract
        From :func:`qdtransport.domains.charging.network.osm.read_osm`.
    register_sites
        Warehouse table ``service_areas`` (``service_area_id``, ``name``, ``route_ref``,
        ``direction``, ``kind``, ``status``, ``lon``, ``lat`` in WGS84), or None.
    register_stations
        Warehouse table ``charging_stations`` (``station_id``, ``name``, ``lon``, ``lat`` in
        WGS84, ``service_area_id``, ``dc_connectors``, ``ac_connectors``, ``max_power_kw``,
        ``commissioned_date``, ``decommissioned_date``), or None.
    settings
        Distances and thresholds: ``site_link_*``, ``node_site_link_radius_m``,
        ``register_site_match_radius_m``, ``osm_charger_site_radius_m``,
        ``register_charger_site_radius_m``, ``charger_report_radius_m``,
        ``site_next_to_motorway_m``, the ``afir_*``, ``nevi_*`` and ``cn_max_gap_km``; the
        defaults when None.
    as_of
        Date at which register stations are counted (commissioned on or before it, not
        decommissioned by then); today when None.

    Returns
    -------
    NetworkCoverage
        The tables described there. An extract without motorways or sites gives empty tables
        with the same columns.
    """
    settings = settings or Settings()
    as_of = as_of or dt.date.today()
    graph, sites = extract.graph, extract.sites
    projection = projection_for(graph, sites)
    shapes = site_geometries(sites, projection)
    carriageways = split_carriageways(graph)
    access = attach_sites(
        graph,
        sites,
        carriageways,
        projection=projection,
        link_max_m=settings.site_link_max_km * 1000.0,
        link_touch_m=settings.site_link_touch_m,
        link_margin_m=settings.site_link_margin_m,
        node_link_radius_m=settings.node_site_link_radius_m,
    )
    on_network = set(access["site_id"].to_list())

    register = _register_sites(register_sites)
    matches = match_register_sites(
        sites, shapes, register, projection=projection, match_radius_m=settings.register_site_match_radius_m
    )
    site_index = {site_id: i for i, site_id in enumerate(sites["site_id"])}

    osm_chargers = _attach_osm_chargers(extract.chargers, shapes, projection, settings, sites)
    stations = active_stations(_register_stations(register_stations), as_of)
    stations = _attach_register_stations(
        stations, matches, shapes, projection, settings, sites, site_index
    )
    charging = site_charging(
        sites["site_id"].to_list(),
        osm_chargers.drop_nulls("site_id"),
        stations.drop_nulls("site_id"),
        settings,
    )

    access = access.join(
        charging.select("site_id", "has_charger", "afir_ok", "nevi_ok"), on="site_id"
    )
    opportunities = {
        "cn": access.filter("has_charger"),
        "afir": access.filter(
            pl.col("afir_ok") & (pl.col("offset_km") <= settings.afir_max_offset_km)
        ),
        "nevi": access.filter(
            pl.col("nevi_ok") & (pl.col("offset_km") <= settings.nevi_max_offset_km)
        ),
    }
    coverage = _site_table(sites, access, charging, matches, opportunities["cn"])
    gaps = _corridor_table(graph, carriageways, access, sites, opportunities, settings)
    reconciliation = reconcile(
        extract, shapes, on_network, projection, register, matches, osm_chargers, stations, settings
    )
    return NetworkCoverage(
        sa_network_coverage=coverage,
        corridor_gaps=gaps,
        reconciliation=reconciliation,
        site_access=access.drop("has_charger", "afir_ok", "nevi_ok"),
    )


def _register_sites(frame: pl.DataFrame | None) -> pl.DataFrame:
    """The register sites with the columns used here typed (an empty table for None)."""
    columns = {
        "service_area_id": pl.String(),
        "name": pl.String(),
        "direction": pl.String(),
        "lon": pl.Float64(),
        "lat": pl.Float64(),
    }
    if frame is None:
        return pl.DataFrame(schema=columns)
    extra = [c for c in frame.columns if c not in columns]
    return frame.select(*columns, *extra).cast(columns)


def _register_stations(frame: pl.DataFrame | None) -> pl.DataFrame:
    """The register stations with the columns used here typed; absent optional columns null."""
    columns = {
        "station_id": pl.String(),
        "name": pl.String(),
        "lon": pl.Float64(),
        "lat": pl.Float64(),
        "service_area_id": pl.String(),
        "dc_connectors": pl.Int64(),
        "ac_connectors": pl.Int64(),
        "max_power_kw": pl.Float64(),
        "commissioned_date": pl.Date(),
        "decommissioned_date": pl.Date(),
    }
    if frame is None:
        return pl.DataFrame(schema=columns)
    present = {name: dtype for name, dtype in columns.items() if name in frame.columns}
    missing = [
        pl.lit(None, dtype).alias(name)
        for name, dtype in columns.items()
        if name not in frame.columns
    ]
    return frame.with_columns(*missing).cast(present).select(list(columns))


def _attach_osm_chargers(
    chargers: pl.DataFrame,
    shapes: list[shapely.Geometry],
    projection: LocalProjection,
    settings: Settings,
    sites: pl.DataFrame,
) -> pl.DataFrame:
    """OSM chargers with the ``site_id`` of the nearest site within the radius (or null)."""
    xs, ys = projection.to_xy(chargers["lon"].to_numpy(), chargers["lat"].to_numpy())
    points = list(shapely.points(xs, ys)) if chargers.height else []
    found = nearest_sites(points, shapes, max_distance_m=settings.osm_charger_site_radius_m)
    site_ids = [None if f is None else sites["site_id"][f[0]] for f in found]
    return chargers.with_columns(pl.Series("site_id", site_ids, dtype=pl.String()))


def _attach_register_stations(
    stations: pl.DataFrame,
    matches: pl.DataFrame,
    shapes: list[shapely.Geometry],
    projection: LocalProjection,
    settings: Settings,
    sites: pl.DataFrame,
    site_index: dict[str, int],
) -> pl.DataFrame:
    """Active stations with the ``site_id`` they belong to (or null).

    A station naming a register site matched to OSM site(s) goes to the nearest of those sites;
    any other station goes to the nearest OSM site within ``register_charger_site_radius_m``.
    """
    by_register: dict[str, list[int]] = {}
    for site_id, register_id in matches.select("site_id", "service_area_id").iter_rows():
        by_register.setdefault(register_id, []).append(site_index[site_id])
    site_ids: list[str | None] = []
    for lon, lat, register_id in stations.select("lon", "lat", "service_area_id").iter_rows():
        point = projection.geometry(shapely.Point(lon, lat))
        matched = by_register.get(register_id) if register_id is not None else None
        if matched:
            best = min(matched, key=lambda i: shapely.distance(shapes[i], point))
            site_ids.append(sites["site_id"][best])
            continue
        found = nearest_sites(
            point, shapes, max_distance_m=settings.register_charger_site_radius_m
        )[0]
        site_ids.append(None if found is None else sites["site_id"][found[0]])
    return stations.with_columns(pl.Series("site_id", site_ids, dtype=pl.String()))


def _join_routes(rows: pl.DataFrame) -> tuple[str, str]:
    """``route_ref`` and ``direction`` of a site from its access rows (see NetworkCoverage)."""
    served: dict[str, set[str]] = {}
    for route, direction in rows.select("route_ref", "direction").iter_rows():
        served.setdefault(route, set()).add(direction)
    routes = sorted(served)
    labels = ["both" if len(served[r]) > 1 else next(iter(served[r])) for r in routes]
    unique = list(dict.fromkeys(labels))
    return ";".join(routes), unique[0] if len(unique) == 1 else ";".join(labels)


def _site_table(
    sites: pl.DataFrame,
    access: pl.DataFrame,
    charging: pl.DataFrame,
    matches: pl.DataFrame,
    charging_access: pl.DataFrame,
) -> pl.DataFrame:
    """The ``sa_network_coverage`` table (see :class:`NetworkCoverage`)."""
    charger_positions: dict[int, list[float]] = {}
    for index, position in charging_access.select("carriageway", "position_km").iter_rows():
        charger_positions.setdefault(index, []).append(position)
    rows = []
    for (site_id,), group in access.group_by("site_id", maintain_order=True):
        route_ref, direction = _join_routes(group)
        distances = [
            abs(position - other)
            for index, position in group.select("carriageway", "position_km").iter_rows()
            for other in charger_positions.get(index, [])
        ]
        rows.append(
            {
                "site_id": site_id,
                "route_ref": route_ref,
                "direction": direction,
                "offset_km": group["offset_km"].min(),
                "nearest_km": min(distances) if distances else None,
            }
        )
    served = pl.DataFrame(
        rows,
        schema={
            "site_id": pl.String(),
            "route_ref": pl.String(),
            "direction": pl.String(),
            "offset_km": pl.Float64(),
            "nearest_km": pl.Float64(),
        },
    )
    table = (
        served.join(sites.select("site_id", "name", "kind", "lon", "lat"), on="site_id")
        .join(charging, on="site_id")
        .join(
            matches.select("site_id", pl.col("service_area_id").alias("register_site_id")),
            on="site_id",
            how="left",
        )
        .with_columns(
            pl.when(pl.col("has_charger"))
            .then(0.0)
            .otherwise(pl.col("nearest_km"))
            .alias("nearest_charger_km")
        )
    )
    return (
        table.select(list(SA_NETWORK_COVERAGE_SCHEMA))
        .cast(SA_NETWORK_COVERAGE_SCHEMA)
        .sort(
            "route_ref", "site_id"
        )
    )


def _carriageway_wkt(graph: nx.MultiDiGraph, carriageway: Carriageway) -> str:
    """The carriageway's edges as a WKT MULTILINESTRING of lon/lat, for maps."""
    lines = []
    for u, v, key in carriageway.edges:
        geometry = graph.edges[u, v, key].get("geometry")
        if geometry is None:
            start, end = graph.nodes[u], graph.nodes[v]
            geometry = shapely.LineString([(start["x"], start["y"]), (end["x"], end["y"])])
        lines.append(geometry)
    return shapely.MultiLineString(lines).wkt if lines else "MULTILINESTRING EMPTY"


def _corridor_table(
    graph: nx.MultiDiGraph,
    carriageways: list[Carriageway],
    access: pl.DataFrame,
    sites: pl.DataFrame,
    opportunities: dict[str, pl.DataFrame],
    settings: Settings,
) -> pl.DataFrame:
    """The ``corridor_gaps`` table (see :class:`NetworkCoverage`)."""
    limits = {
        "cn": settings.cn_max_gap_km,
        "afir": settings.afir_max_gap_km,
        "nevi": settings.nevi_max_gap_km,
    }
    kinds = dict(sites.select("site_id", "kind").iter_rows())
    positions = {
        rule: frame.group_by("carriageway").agg(pl.col("position_km")).rows()
        for rule, frame in opportunities.items()
    }
    positions_by_rule = {
        rule: {index: values for index, values in rows} for rule, rows in positions.items()
    }
    serving: dict[int, list[str]] = {}
    for index, site_id in access.select("carriageway", "site_id").iter_rows():
        serving.setdefault(index, []).append(site_id)
    with_charger = set(opportunities["cn"]["site_id"].to_list())

    rows = []
    for index, carriageway in enumerate(carriageways):
        extent_km = carriageway.extent_m / 1000.0
        site_ids = serving.get(index, [])
        service_areas = [s for s in site_ids if kinds.get(s) == "services"]
        row: dict[str, object] = {
            "route_ref": carriageway.route_ref,
            "direction": carriageway.direction,
            "name": carriageway.name,
            "length_km": carriageway.length_m / 1000.0,
            "extent_km": extent_km,
            "pieces": carriageway.pieces,
            "breaks_km": carriageway.breaks_m / 1000.0,
            "sites": len(site_ids),
            "service_areas": len(service_areas),
            "service_areas_with_charger": sum(1 for s in service_areas if s in with_charger),
        }
        for rule in RULES:
            stats = gap_stats(positions_by_rule[rule].get(index, []), extent_km, limits[rule])
            prefix = "" if rule == "cn" else f"{rule}_"
            row[f"{prefix}sites" if rule != "cn" else "charging_sites"] = stats.opportunities
            row[f"{prefix}max_gap_km"] = stats.max_gap_km
            row[f"{prefix}lead_km"] = stats.lead_km
            row[f"{prefix}tail_km"] = stats.tail_km
            row[f"{prefix}compliant_share"] = stats.compliant_share
            meets = stats.meets
            if rule == "cn" and row["service_areas_with_charger"] != row["service_areas"]:
                meets = False
            row[f"{rule}_compliant"] = meets
        gap = row["max_gap_km"]
        row["meets_afir"] = None if gap is None else gap <= settings.afir_max_gap_km
        row["meets_nevi"] = None if gap is None else gap <= settings.nevi_max_gap_km
        row["geometry_wkt"] = _carriageway_wkt(graph, carriageway)
        rows.append(row)
    return pl.DataFrame(rows, schema=CORRIDOR_GAPS_SCHEMA).sort("route_ref", "direction")
