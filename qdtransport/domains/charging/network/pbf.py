"""Read an OSM file with pyosmium: motorway graph, service-area sites and chargers in one pass.

Used for ``.osm.pbf`` files, and for XML files that osmnx cannot turn into a graph (ways clipped at
the edge of the extract). pyosmium filters the file in C++ to the objects the coverage check needs
(``highway=motorway|motorway_link|services|rest_area`` and ``amenity=charging_station``), keeps a
location index of all nodes, and assembles areas from closed ways and multipolygon relations; the
graph is built directly from the filtered ways, never through an XML round trip.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import osmium
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon

from qdtransport.domains.charging.network.extract import (
    OsmExtract,
    charger_record,
    chargers_frame,
    site_record,
    sites_frame,
)
from qdtransport.domains.charging.network.motorway_graph import MotorwayGraphBuilder
from qdtransport.domains.charging.network.tags import (
    CHARGER_AMENITY,
    MOTORWAY_HIGHWAYS,
    SITE_HIGHWAYS,
    is_charger,
    site_kind,
)

_WANTED = tuple(("highway", value) for value in (*MOTORWAY_HIGHWAYS, *SITE_HIGHWAYS)) + (
    ("amenity", CHARGER_AMENITY),
)
_AREAS = tuple(("highway", value) for value in SITE_HIGHWAYS) + (("amenity", CHARGER_AMENITY),)


def read_pbf(path: str | Path) -> OsmExtract:
    """Read the motorway network, sites and chargers of an OSM file with pyosmium.

    Parameters
    ----------
    path
        An ``.osm.pbf`` file (pyosmium also reads ``.osm``, ``.osm.gz`` and ``.osm.bz2``).

    Returns
    -------
    OsmExtract
        See :class:`qdtransport.domains.charging.network.extract.OsmExtract`. Ways whose nodes are missing from
        the file are split at the gaps; a closed service-area way that cannot be assembled into an
        area keeps the outline of its located nodes as a line; a multipolygon relation that
        cannot be assembled is left out. Each case is listed in ``notes``.
    """
    builder = MotorwayGraphBuilder()
    sites: list[dict[str, object]] = []
    chargers: list[dict[str, object]] = []
    pending_ways: dict[int, tuple[dict[str, str], list[tuple[float, float]], bool]] = {}
    assembled_ways: set[int] = set()
    processor = (
        osmium.FileProcessor(str(path))
        .with_locations()
        .with_areas(osmium.filter.TagFilter(*_AREAS))
        .with_filter(osmium.filter.TagFilter(*_WANTED))
    )
    for obj in processor:
        if obj.is_area():
            tags = {tag.k: tag.v for tag in obj.tags}
            osm_type, letter = ("way", "w") if obj.from_way() else ("relation", "r")
            if obj.from_way():
                assembled_ways.add(obj.orig_id())
            geometry = _area_geometry(obj)
            if geometry is None:
                continue
            object_id = f"{letter}{obj.orig_id()}"
            if site_kind(tags):
                sites.append(site_record(object_id, osm_type, tags, geometry))
            elif is_charger(tags):
                chargers.append(charger_record(object_id, osm_type, tags, geometry))
        elif obj.is_way():
            tags = {tag.k: tag.v for tag in obj.tags}
            if tags.get("highway") in MOTORWAY_HIGHWAYS:
                nodes = [
                    (r.ref, r.location.lon, r.location.lat)
                    if r.location.valid()
                    else (r.ref, None, None)
                    for r in obj.nodes
                ]
                builder.add_way(obj.id, nodes, tags)
            elif site_kind(tags) or is_charger(tags):
                located = [
                    (r.location.lon, r.location.lat) for r in obj.nodes if r.location.valid()
                ]
                closed = len(obj.nodes) > 3 and obj.nodes[0].ref == obj.nodes[-1].ref
                pending_ways[obj.id] = (tags, located, closed)
        elif obj.is_node():
            tags = {tag.k: tag.v for tag in obj.tags}
            point = shapely.Point(obj.location.lon, obj.location.lat)
            if site_kind(tags):
                sites.append(site_record(f"n{obj.id}", "node", tags, point))
            elif is_charger(tags):
                chargers.append(charger_record(f"n{obj.id}", "node", tags, point))

    notes = []
    if builder.clipped_ways:
        notes.append(
            f"{builder.clipped_ways} motorway way(s) reference nodes missing from the file; "
            "split at the gaps"
        )
    for way_id, (tags, located, closed) in sorted(pending_ways.items()):
        if way_id in assembled_ways or not located:
            continue
        outline = LineString(located) if len(located) > 1 else shapely.Point(located[0])
        if site_kind(tags):
            sites.append(site_record(f"w{way_id}", "way", tags, outline))
        else:
            chargers.append(charger_record(f"w{way_id}", "way", tags, outline))
        if closed:
            notes.append(
                f"closed way w{way_id} could not be assembled into an area; its outline is used"
            )
    return OsmExtract(
        graph=builder.build(),
        sites=sites_frame(sites),
        chargers=chargers_frame(chargers),
        source=str(path),
        reader="pyosmium",
        notes=notes,
    )


def _area_geometry(area: Any) -> Polygon | MultiPolygon | None:
    """A pyosmium area as a shapely (multi)polygon in lon/lat; ``None`` when it is empty."""
    polygons = []
    for outer in area.outer_rings():
        shell = [(n.lon, n.lat) for n in outer]
        holes = [[(n.lon, n.lat) for n in inner] for inner in area.inner_rings(outer)]
        if len(shell) >= 4:
            polygons.append(Polygon(shell, holes))
    if not polygons:
        return None
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
