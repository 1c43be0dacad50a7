"""The network coverage tables of the warehouse, and the ``qdtransport coverage`` summary.

Computed from the data directory's OpenStreetMap file with :mod:`qdtransport.domains.charging.network`; empty, with
the same columns, when there is none, so that other tools always find them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from qdtransport.domains.base import DerivedTable, DomainBuildError
from qdtransport.settings import Settings

if TYPE_CHECKING:
    from qdtransport.ingest import Ingested

Comments = dict[str, tuple[str, dict[str, str]]]

_RULE_FIGURES = {
    "sites": "sites on it that qualify under the rule",
    "max_gap_km": "longest distance between consecutive qualifying sites, km (null with fewer than two)",
    "lead_km": "from the start of the carriageway in the study area to the first qualifying site, km",
    "tail_km": "from the last qualifying site to the end of the carriageway in the study area, km",
    "compliant_share": "share of the carriageway's length lying in a stretch within the rule's gap limit",
}

NETWORK_COMMENTS: Comments = {
    "sa_network_coverage": (
        "OpenStreetMap network check: one row per service-area site (OSM highway=services or "
        "rest_area) reachable from a motorway through its slip roads",
        {
            "site_id": "OSM object of the site: w<way>, n<node> or r<relation>",
            "name": "Site name in OSM",
            "kind": "services (service area) or rest_area (parking area)",
            "route_ref": "Routes of the carriageways it serves (';'-separated)",
            "direction": "Compass heading (N, NE, …, NW) of the carriageway it serves, or both",
            "has_charger": "At least one charger at the site (OSM or register)",
            "chargers": "Charging stations at the site: the larger of osm_chargers and register_stations",
            "osm_chargers": "OSM amenity=charging_station objects inside or near the site",
            "register_stations": "Register stations (in service at the check date) attached to the site",
            "nearest_charger_km": (
                "0 with a charger, else road distance along a carriageway it serves to the nearest site with one, km"
            ),
            "register_site_id": "Matching service_areas row, if any",
            "lon": "Longitude of the site, WGS84 degrees",
            "lat": "Latitude of the site, WGS84 degrees",
            "offset_km": "Shortest slip-road distance between the site and a carriageway it serves, km",
            "pool_kw": "Total charging output at the site where known, kW",
            "max_point_kw": "Largest single charging point where known, kW",
            "fast_points": "DC points of at least settings.nevi_port_min_kw",
            "afir_ok": (
                "Pool meets EU AFIR output (settings.afir_pool_min_kw total, one point of settings.afir_point_min_kw)"
            ),
            "nevi_ok": "Site meets US NEVI ports (settings.nevi_min_ports of settings.nevi_port_min_kw)",
        },
    ),
    "corridor_gaps": (
        "OpenStreetMap network check: one row per carriageway (route and compass direction) with "
        "the distances between charging opportunities for the Chinese, EU AFIR and US NEVI rules",
        {
            "route_ref": "Route number, e.g. G20",
            "direction": "Compass heading of travel: N, NE, E, SE, S, SW, W, NW",
            "name": "Route name in OSM",
            "length_km": "Road length of the carriageway inside the study area, km",
            "extent_km": "Length of the line positions are measured on (pieces plus breaks), km",
            "pieces": "Disconnected pieces joined into the carriageway",
            "breaks_km": "Straight-line length of the breaks between pieces, km",
            "sites": "Service-area sites serving the carriageway",
            "service_areas": "Of those, service areas (not parking areas)",
            "service_areas_with_charger": "Service areas serving it that have a charger",
            "charging_sites": "Sites with any charger (Chinese rule)",
            **{name: f"Chinese rule: {text}" for name, text in _RULE_FIGURES.items() if name != "sites"},
            "meets_afir": (
                "max_gap_km at most settings.afir_max_gap_km (60 km); null with fewer than two charging sites"
            ),
            "meets_nevi": (
                "max_gap_km at most settings.nevi_max_gap_km (80.47 km); null with fewer than two charging sites"
            ),
            "cn_compliant": (
                "Chinese rule as a whole: every service area serving it has a charger, and no gap, lead or tail "
                "exceeds settings.cn_max_gap_km"
            ),
            **{f"afir_{name}": f"EU AFIR: {text}" for name, text in _RULE_FIGURES.items()},
            **{f"nevi_{name}": f"US NEVI: {text}" for name, text in _RULE_FIGURES.items()},
            "afir_compliant": (
                "EU AFIR as a whole: pools qualifying by power and distance at most settings.afir_max_gap_km apart, "
                "lead and tail included"
            ),
            "nevi_compliant": (
                "US NEVI as a whole: sites qualifying by ports, power and distance at most settings.nevi_max_gap_km "
                "apart, lead and tail included"
            ),
            "geometry_wkt": "The carriageway as WKT MULTILINESTRING of lon/lat (WGS84), for maps",
        },
    ),
    "network_reconciliation": (
        "OpenStreetMap network check: what in OSM and the registers does not fit together, one row per finding",
        {
            "kind": "site_without_links, site_not_on_motorway, osm_site_without_register_row, "
            "register_site_not_on_network or charger_without_site",
            "object_id": "OSM object (w…, n…, r…) or register id",
            "name": "Name of the object",
            "lon": "Longitude, WGS84 degrees",
            "lat": "Latitude, WGS84 degrees",
            "detail": "What was found",
        },
    ),
    "sa_network_access": (
        "OpenStreetMap network check: one row per site and carriageway it serves, with the slip road",
        {
            "site_id": "OSM object of the site",
            "route_ref": "Route of the carriageway",
            "direction": "Compass heading of the carriageway",
            "carriageway": "Index of the carriageway in this build",
            "via": "exit (slip road from the carriageway to the site) or entry",
            "node": "OSM node where the slip road leaves or joins the carriageway",
            "position_km": "Position of that node along the carriageway, km from its start",
            "offset_km": "Slip-road distance between carriageway and site, km",
        },
    ),
}


def empty_network_frames() -> dict[str, pl.DataFrame]:
    """The network tables with their columns and no rows."""
    from qdtransport.domains.charging.network.attachment import SITE_ACCESS_SCHEMA
    from qdtransport.domains.charging.network.schemas import (
        CORRIDOR_GAPS_SCHEMA,
        RECONCILIATION_SCHEMA,
        SA_NETWORK_COVERAGE_SCHEMA,
    )

    return {
        "sa_network_coverage": pl.DataFrame(schema=SA_NETWORK_COVERAGE_SCHEMA),
        "corridor_gaps": pl.DataFrame(schema=CORRIDOR_GAPS_SCHEMA),
        "network_reconciliation": pl.DataFrame(schema=RECONCILIATION_SCHEMA),
        "sa_network_access": pl.DataFrame(schema=SITE_ACCESS_SCHEMA),
    }


def network_frames(
    osm_file: Path | None,
    *,
    register_sites: pl.DataFrame | None,
    register_stations: pl.DataFrame | None,
    settings: Settings,
    as_of: dt.date | None = None,
) -> tuple[dict[str, pl.DataFrame], Comments]:
    """Frames and comments for the warehouse's network tables.

    Parameters
    ----------
    osm_file
        The data directory's OSM file, or None (empty tables).
    register_sites, register_stations
        Loaded ``service_areas`` and ``charging_stations`` (WGS84), or None.
    settings
        Methodology settings.
    as_of
        Date at which register stations are counted; today when None.

    Returns
    -------
    frames
        ``sa_network_coverage``, ``corridor_gaps``, ``network_reconciliation``,
        ``sa_network_access`` (columns in :data:`NETWORK_COMMENTS`).
    comments
        Table and column comments for each.
    """
    if osm_file is None:
        return empty_network_frames(), NETWORK_COMMENTS
    from qdtransport.domains.charging.network import compute_network_coverage, read_osm

    coverage = compute_network_coverage(
        read_osm(osm_file),
        register_sites=register_sites,
        register_stations=register_stations,
        settings=settings,
        as_of=as_of,
    )
    frames = {
        "sa_network_coverage": coverage.sa_network_coverage,
        "corridor_gaps": coverage.corridor_gaps,
        "network_reconciliation": coverage.reconciliation,
        "sa_network_access": coverage.site_access,
    }
    return frames, NETWORK_COMMENTS


def build_tables(
    ingested: Ingested, *, settings: Settings, as_of: dt.date | None, progress: Callable[[str], None]
) -> dict[str, DerivedTable]:
    """The network tables of a build: the check on the data directory's OSM file, or empty tables.

    Parameters
    ----------
    ingested
        The loaded inputs: ``osm_file`` and the ``service_areas`` and ``charging_stations`` tables.
    settings
        Methodology settings.
    as_of
        Date at which register stations are counted; today when None.
    progress
        Called with a line of text at each step.

    Raises
    ------
    DomainBuildError
        The OSM file cannot be read or the check fails (the message names the file).
    """
    osm = ingested.osm_file
    if osm is not None:
        progress(f"network check on {osm.name}")
    try:
        frames, comments = network_frames(
            osm,
            register_sites=ingested.tables["service_areas"].frame,
            register_stations=ingested.tables["charging_stations"].frame,
            settings=settings,
            as_of=as_of,
        )
    except Exception as exc:  # osmnx, pyosmium and XML parsers raise their own error types
        raise DomainBuildError(f"{osm}: the network check failed: {type(exc).__name__}: {exc}") from exc
    tables = {}
    for name, frame in frames.items():
        if osm is not None:
            progress(f"  {name}: {frame.height} rows")
        tables[name] = DerivedTable(frame, *comments[name])
    return tables


def coverage_summary(
    osm_file: Path,
    *,
    db_path: Path | None = None,
    rule: str = "cn",
    settings: Settings | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> str:
    """Run the network check on one OSM file and return its text summary.

    Parameters
    ----------
    osm_file
        ``.osm``, ``.osm.gz``, ``.osm.bz2`` or ``.osm.pbf``.
    db_path
        A built database whose ``service_areas`` and ``charging_stations`` (and ``settings``) are
        used; without it only OSM chargers count.
    rule
        ``cn``, ``afir`` or ``nevi``: which verdicts the summary leads with.
    settings
        Used when there is no database; the database's own settings win otherwise.
    """
    from qdtransport.domains.charging.network import compute_network_coverage, format_summary, read_osm
    from qdtransport.scorecard import connect_read_only

    if not Path(osm_file).is_file():
        raise FileNotFoundError(f"{osm_file}: no such OSM file")
    settings = settings or Settings()
    sites = stations = None
    as_of = None
    if db_path is not None:
        with connect_read_only(db_path) as con:
            sites = con.sql("select * from service_areas").pl()
            stations = con.sql("select * from charging_stations").pl()
            as_of = con.sql("select as_of from build_info").fetchall()[0][0]
            settings = _settings_from_db(con, settings)
        progress(f"register: {sites.height} service-area sites, {stations.height} charging stations from {db_path}")
    progress(f"reading {osm_file}")
    extract = read_osm(osm_file)
    progress(f"  {extract.graph.number_of_edges()} motorway edges, {extract.sites.height} sites, "
             f"{extract.chargers.height} chargers ({extract.reader})")
    coverage = compute_network_coverage(
        extract, register_sites=sites, register_stations=stations, settings=settings, as_of=as_of
    )
    return format_summary(coverage, rule=rule) + "\n"


def _settings_from_db(con, defaults: Settings) -> Settings:
    """The settings a database was built with (its ``settings`` table)."""
    from dataclasses import fields, replace

    row = con.sql("select * from settings").pl().to_dicts()[0]
    known = {f.name for f in fields(Settings)}
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in row.items() if k in known}
    return replace(defaults, **values)
