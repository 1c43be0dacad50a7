"""Where OpenStreetMap and the city's registers disagree: the network check's findings.

A site in OSM but not on the motorway network, a register site not found in OSM, a charger that
belongs to no site: :func:`reconcile` lists each as one row of ``network_reconciliation``.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import shapely

from qdtransport.domains.charging.network.extract import OsmExtract
from qdtransport.domains.charging.network.geometry import LocalProjection
from qdtransport.domains.charging.network.schemas import RECONCILIATION_SCHEMA
from qdtransport.settings import Settings


def reconcile(
    extract: OsmExtract,
    shapes: list[shapely.Geometry],
    on_network: set[str],
    projection: LocalProjection,
    register: pl.DataFrame,
    matches: pl.DataFrame,
    osm_chargers: pl.DataFrame,
    stations: pl.DataFrame,
    settings: Settings,
) -> pl.DataFrame:
    """The reconciliation findings: one row per kind, object, name, position and detail.

    The kinds are those listed in
    :class:`~qdtransport.domains.charging.network.coverage.NetworkCoverage` (``reconciliation``).
    """
    sites = extract.sites
    findings: list[dict[str, object]] = []
    motorway_tree, motorway_refs, network_tree = _road_trees(extract, projection)

    for i, (site_id, name, lon, lat) in enumerate(
        sites.select("site_id", "name", "lon", "lat").iter_rows()
    ):
        if site_id in on_network:
            continue
        detail = "no motorway_link reaches the site"
        kind = "site_not_on_motorway"
        if motorway_tree is not None:
            nearest, distance = motorway_tree.query_nearest(shapes[i], return_distance=True)
            metres = float(distance[0])
            detail += f"; nearest motorway {motorway_refs[int(nearest[0])]} at {metres:,.0f} m"
            if metres <= settings.site_next_to_motorway_m:
                kind = "site_without_links"
        else:
            detail += "; the file has no motorway"
        findings.append(
            {
                "kind": kind,
                "object_id": site_id,
                "name": name,
                "lon": lon,
                "lat": lat,
                "detail": detail,
            }
        )

    matched_sites = dict(matches.select("site_id", "service_area_id").iter_rows())
    if register.height:
        for site_id, name, lon, lat in sites.select("site_id", "name", "lon", "lat").iter_rows():
            if site_id in on_network and site_id not in matched_sites:
                findings.append(
                    {
                        "kind": "osm_site_without_register_row",
                        "object_id": site_id,
                        "name": name,
                        "lon": lon,
                        "lat": lat,
                        "detail": "no service_areas row within the match radius",
                    }
                )
        register_on_network = {r for s, r in matched_sites.items() if s in on_network}
        in_service = (
            register.filter(pl.col("status").fill_null("open") == "open")
            if "status" in register.columns
            else register
        )
        for register_id, name, lon, lat in in_service.select(
            "service_area_id", "name", "lon", "lat"
        ).iter_rows():
            if register_id in register_on_network:
                continue
            matched = [s for s, r in matched_sites.items() if r == register_id]
            detail = (
                f"matches OSM site {', '.join(matched)}, which no motorway_link reaches"
                if matched
                else "no OSM service area within the match radius"
            )
            findings.append(
                {
                    "kind": "register_site_not_on_network",
                    "object_id": register_id,
                    "name": name,
                    "lon": lon,
                    "lat": lat,
                    "detail": detail,
                }
            )

    for osm_id, name, lon, lat, site_id in osm_chargers.select(
        "osm_id", "name", "lon", "lat", "site_id"
    ).iter_rows():
        if site_id in on_network:
            continue
        point = projection.geometry(shapely.Point(lon, lat))
        near = (
            network_tree is not None
            and len(
                network_tree.query(point, predicate="dwithin", distance=settings.charger_report_radius_m)
            )
            > 0
        )
        if not near:
            continue
        detail = (
            f"belongs to site {site_id}, which is not on the network"
            if site_id
            else "near the motorway but within no service area's radius"
        )
        findings.append(
            {
                "kind": "charger_without_site",
                "object_id": osm_id,
                "name": name,
                "lon": lon,
                "lat": lat,
                "detail": detail,
            }
        )
    for station_id, name, lon, lat, register_id, site_id in stations.select(
        "station_id", "name", "lon", "lat", "service_area_id", "site_id"
    ).iter_rows():
        if register_id is None or site_id in on_network:
            continue
        detail = (
            f"names service area {register_id} but belongs to site {site_id}, "
            "which is not on the network"
            if site_id
            else f"names service area {register_id}, which has no OSM site on the network"
        )
        findings.append(
            {
                "kind": "charger_without_site",
                "object_id": station_id,
                "name": name,
                "lon": lon,
                "lat": lat,
                "detail": detail,
            }
        )
    return pl.DataFrame(findings, schema=RECONCILIATION_SCHEMA).sort("kind", "object_id")


def _road_trees(
    extract: OsmExtract, projection: LocalProjection
) -> tuple[shapely.STRtree | None, list[str], shapely.STRtree | None]:
    """Spatial indexes of the motorway edges (with their refs) and of all network edges."""
    graph = extract.graph
    if graph.number_of_edges() == 0:
        return None, [], None
    geometries, is_motorway, refs = [], [], []
    for _, _, data in graph.edges(data=True):
        geometries.append(data["geometry"])
        is_motorway.append(data.get("highway") == "motorway")
        refs.append(";".join(data.get("ref") or ()) or (data.get("name") or "without ref"))
    lines = projection.geometry(np.asarray(geometries, dtype=object))
    mask = np.asarray(is_motorway)
    motorway_tree = shapely.STRtree(lines[mask]) if mask.any() else None
    motorway_refs = [ref for ref, keep in zip(refs, is_motorway, strict=True) if keep]
    return motorway_tree, motorway_refs, shapely.STRtree(lines)
