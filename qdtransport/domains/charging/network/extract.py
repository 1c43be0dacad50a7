"""The motorway data read from one OpenStreetMap file: graph, service-area sites and chargers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import networkx as nx
import polars as pl
import shapely

from qdtransport.domains.charging.network.tags import ChargerPower, charger_power

SITE_SCHEMA: dict[str, pl.DataType] = {
    "site_id": pl.String(),
    "osm_type": pl.String(),
    "name": pl.String(),
    "kind": pl.String(),
    "lon": pl.Float64(),
    "lat": pl.Float64(),
    "geometry_wkt": pl.String(),
}
"""Columns of :attr:`OsmExtract.sites`."""

CHARGER_SCHEMA: dict[str, pl.DataType] = {
    "osm_id": pl.String(),
    "name": pl.String(),
    "operator": pl.String(),
    "lon": pl.Float64(),
    "lat": pl.Float64(),
    "capacity": pl.Int64(),
    "max_power_kw": pl.Float64(),
    "total_power_kw": pl.Float64(),
    "point_outputs_kw": pl.List(pl.Float64()),
}
"""Columns of :attr:`OsmExtract.chargers`."""


@dataclass
class OsmExtract:
    """The motorway network of one OSM file, with its service-area sites and charging stations.

    Attributes
    ----------
    graph
        networkx ``MultiDiGraph`` of the ``motorway`` and ``motorway_link`` ways in each direction
        of travel, simplified as osmnx does: graph nodes are the OSM nodes where ways end, meet,
        fork or are clipped, with attributes ``x`` (lon) and ``y`` (lat), degrees WGS84; an edge
        runs along one way from one such node to the next and carries ``osmid`` (the way id),
        ``highway``, ``ref`` (tuple of route numbers, empty when untagged), ``name`` (``None``
        when untagged), ``oneway`` (False on a two-way way), ``length`` (metres, the great-circle
        lengths of its segments added up) and ``geometry`` (shapely ``LineString`` in lon/lat
        through all its nodes). Graph attribute ``crs`` is ``"epsg:4326"``. See
        :mod:`qdtransport.domains.charging.network.motorway_graph`.
    sites
        One row per service-area object (``highway=services`` or ``rest_area``): ``site_id``
        (``n45``, ``w123``, ``r7`` for a node, way or multipolygon relation), ``osm_type``,
        ``name``, ``kind`` (``services`` or ``rest_area``), ``lon``, ``lat`` (the node, or the
        centroid of the area, degrees) and ``geometry_wkt`` (the area or way in lon/lat as WKT;
        null for a node). The two polygons either side of a road stay two sites.
    chargers
        One row per ``amenity=charging_station`` object: ``osm_id``, ``name``, ``operator``,
        ``lon``, ``lat`` (centroid for an area), ``capacity`` (vehicles at once), ``max_power_kw``
        (highest point output), ``total_power_kw`` (sum of the point outputs) and
        ``point_outputs_kw`` (one value per charging point); the power columns are null where the
        tags do not give them (see :func:`qdtransport.domains.charging.network.tags.charger_power`).
    source
        Path of the file read.
    reader
        ``"osmnx"`` or ``"pyosmium"``: which library parsed the file.
    notes
        What the reader had to work around, one readable line each (ways clipped at the edge of
        the extract, areas that could not be assembled).
    """

    graph: nx.MultiDiGraph
    sites: pl.DataFrame
    chargers: pl.DataFrame
    source: str = ""
    reader: str = ""
    notes: list[str] = field(default_factory=list)


def site_record(
    site_id: str, osm_type: str, tags: Mapping[str, str], geometry: shapely.Geometry
) -> dict[str, object]:
    """One row of :attr:`OsmExtract.sites`.

    ``geometry`` is the node's point or the object's (multi)polygon or line in lon/lat. It is
    normalised (:func:`shapely.normalize`) before its centroid is taken, so that the same area read
    from XML or PBF gives identical rows whatever the ring orientation of the file.
    """
    if osm_type == "node":
        point, area = geometry, None
    else:
        area = shapely.normalize(geometry)
        point = area.centroid
    return {
        "site_id": site_id,
        "osm_type": osm_type,
        "name": tags.get("name"),
        "kind": tags.get("highway"),
        "lon": point.x,
        "lat": point.y,
        "geometry_wkt": None if area is None else shapely.to_wkt(area, rounding_precision=7),
    }


def charger_record(
    osm_id: str, osm_type: str, tags: Mapping[str, str], geometry: shapely.Geometry
) -> dict[str, object]:
    """One row of :attr:`OsmExtract.chargers`; an area charger is placed at its centroid."""
    point = geometry if osm_type == "node" else shapely.normalize(geometry).centroid
    power: ChargerPower = charger_power(tags)
    return {
        "osm_id": osm_id,
        "name": tags.get("name"),
        "operator": tags.get("operator"),
        "lon": point.x,
        "lat": point.y,
        "capacity": power.capacity,
        "max_power_kw": power.max_power_kw,
        "total_power_kw": power.total_power_kw,
        "point_outputs_kw": None
        if power.point_outputs_kw is None
        else list(power.point_outputs_kw),
    }


def sites_frame(records: list[dict[str, object]]) -> pl.DataFrame:
    """The sites table from records, sorted by ``site_id`` (an empty table keeps its columns)."""
    return pl.DataFrame(records, schema=SITE_SCHEMA).sort("site_id")


def chargers_frame(records: list[dict[str, object]]) -> pl.DataFrame:
    """The chargers table from records, sorted by ``osm_id`` (an empty table keeps its columns)."""
    return pl.DataFrame(records, schema=CHARGER_SCHEMA).sort("osm_id")
