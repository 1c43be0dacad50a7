"""Which carriageways a service-area site serves, and which site an OSM charger belongs to.

A site serves a carriageway when traffic on that carriageway can reach it through its slip roads,
not because it lies near the road: a site on the far side of a dual carriageway is close to both
carriageways but is linked only to its own.

1. The site's *access links* are the ``motorway_link`` edges nearest to it: among the links
   within ``link_touch_m`` of the site's area (``node_link_radius_m`` of a site mapped as a node,
   which has no outline), those no more than ``link_margin_m`` farther than the nearest one. The
   margin keeps out the slip roads of the other carriageway: in real data a site's own slip road
   enters or touches its area (0 to 15 m) while the other side's pass 25 m or more away. The
   *access nodes* are the ends of the access links that lie as close to the site (both ends of a
   link that only passes by).
2. Following the slip roads only (never the motorway itself), a carriageway node from which an
   access node can be reached within ``link_max_m`` is an *exit* to the site; a carriageway node
   that an access node leads to is an *entry* from it. The site serves every carriageway with an
   exit or an entry (real data often maps only one of the two slip roads as ``motorway_link``).
3. The site's position on a carriageway is that of its exit (the entry where there is no exit)
   with the shortest slip-road distance, which is reported as ``offset_km``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import networkx as nx
import numpy as np
import polars as pl
import shapely
from shapely import STRtree

from qdtransport.domains.charging.network.carriageways import Carriageway
from qdtransport.domains.charging.network.geometry import LocalProjection

SITE_ACCESS_SCHEMA: dict[str, pl.DataType] = {
    "site_id": pl.String(),
    "route_ref": pl.String(),
    "direction": pl.String(),
    "carriageway": pl.Int64(),
    "via": pl.String(),
    "node": pl.Int64(),
    "position_km": pl.Float64(),
    "offset_km": pl.Float64(),
}
"""Columns of :func:`attach_sites`'s result."""


def projection_for(graph: nx.MultiDiGraph, sites: pl.DataFrame) -> LocalProjection:
    """A local metric projection centred on the graph's nodes (or the sites, without a graph)."""
    if graph.number_of_nodes():
        xs = np.fromiter((x for _, x in graph.nodes(data="x")), dtype=np.float64)
        ys = np.fromiter((y for _, y in graph.nodes(data="y")), dtype=np.float64)
        return LocalProjection.around(xs, ys)
    return LocalProjection.around(sites["lon"].to_numpy(), sites["lat"].to_numpy())


def site_geometries(sites: pl.DataFrame, projection: LocalProjection) -> list[shapely.Geometry]:
    """Each site's area (or point, for a node) projected to metres, in row order."""
    geometries = []
    for lon, lat, wkt in sites.select("lon", "lat", "geometry_wkt").iter_rows():
        shape = shapely.Point(lon, lat) if wkt is None else shapely.from_wkt(wkt)
        geometries.append(projection.geometry(shape))
    return geometries


def attach_sites(
    graph: nx.MultiDiGraph,
    sites: pl.DataFrame,
    carriageways: Sequence[Carriageway],
    *,
    projection: LocalProjection,
    link_max_m: float,
    link_touch_m: float = 30.0,
    link_margin_m: float = 10.0,
    node_link_radius_m: float = 250.0,
) -> pl.DataFrame:
    """Attach service-area sites to the carriageways they are reachable from through their links.

    Parameters
    ----------
    graph
        The motorway graph.
    sites
        :attr:`~qdtransport.domains.charging.network.extract.OsmExtract.sites`.
    carriageways
        From :func:`~qdtransport.domains.charging.network.carriageways.split_carriageways`.
    projection
        Local projection used for the site-to-link distances.
    link_max_m
        Longest slip-road distance between a carriageway and the site's access link, metres
        (``Settings.site_link_max_km`` x 1000).
    link_touch_m
        Search radius for the access links of a site mapped as an area, metres.
    link_margin_m
        Access links are those no more than this much farther from the site than the nearest
        link, metres.
    node_link_radius_m
        Search radius for the access links of a site mapped as a node, metres.

    Returns
    -------
    polars.DataFrame
        One row per site and carriageway it serves: ``site_id``, ``route_ref``, ``direction``
        (of the carriageway), ``carriageway`` (index into ``carriageways``), ``via`` (``exit`` or
        ``entry``), ``node`` (OSM node where the slip road leaves or joins the carriageway),
        ``position_km`` (of that node along the carriageway) and ``offset_km`` (slip-road
        distance to the site). Sites that serve no carriageway have no row; no sites or no links
        give an empty table with these columns.
    """
    link_edges = [
        (u, v, data["length"], data["geometry"])
        for u, v, data in graph.edges(data=True)
        if data.get("highway") == "motorway_link"
    ]
    if sites.height == 0 or not link_edges:
        return pl.DataFrame(schema=SITE_ACCESS_SCHEMA)

    links = nx.DiGraph()
    for u, v, length, _ in link_edges:
        if not links.has_edge(u, v) or links.edges[u, v]["length"] > length:
            links.add_edge(u, v, length=length)
    link_pairs = [(u, v) for u, v, _, _ in link_edges]
    link_lines = projection.geometry(np.asarray([line for *_, line in link_edges], dtype=object))
    tree = STRtree(link_lines)

    on_carriageway: dict[int, list[int]] = defaultdict(list)
    for index, carriageway in enumerate(carriageways):
        for node in carriageway.positions:
            on_carriageway[node].append(index)

    rows = []
    reverse_links = links.reverse(copy=False)
    for site_id, geometry in zip(sites["site_id"], site_geometries(sites, projection), strict=True):
        radius = node_link_radius_m if isinstance(geometry, shapely.Point) else link_touch_m
        access = _access_nodes(
            tree, link_lines, link_pairs, geometry, radius, link_margin_m, graph, projection
        )
        if not access:
            continue
        found: dict[int, tuple[str, int, float]] = {}
        for via, search_graph in (("exit", reverse_links), ("entry", links)):
            reached = nx.multi_source_dijkstra_path_length(
                search_graph, access, cutoff=link_max_m, weight="length"
            )
            for node, distance in reached.items():
                for index in on_carriageway.get(node, ()):
                    best = found.get(index)
                    if best is None or (best[0] == via and distance < best[2]):
                        found[index] = (via, node, distance)
        for index, (via, node, distance) in sorted(found.items()):
            carriageway = carriageways[index]
            rows.append(
                {
                    "site_id": site_id,
                    "route_ref": carriageway.route_ref,
                    "direction": carriageway.direction,
                    "carriageway": index,
                    "via": via,
                    "node": node,
                    "position_km": carriageway.positions[node] / 1000.0,
                    "offset_km": distance / 1000.0,
                }
            )
    return pl.DataFrame(rows, schema=SITE_ACCESS_SCHEMA)


def _access_nodes(
    tree: STRtree,
    lines: np.ndarray,
    pairs: list[tuple[int, int]],
    site: shapely.Geometry,
    radius_m: float,
    margin_m: float,
    graph: nx.MultiDiGraph,
    projection: LocalProjection,
) -> set[int]:
    """The link nodes at a site, where its slip roads are followed from (see the module doc)."""
    candidates = tree.query(site, predicate="dwithin", distance=radius_m)
    if len(candidates) == 0:
        return set()
    distances = shapely.distance(lines[candidates], site)
    reach = float(distances.min()) + margin_m
    access: set[int] = set()
    for i, distance in zip(candidates, distances, strict=True):
        if distance > reach:
            continue
        ends = pairs[int(i)]
        xs, ys = projection.to_xy(
            [graph.nodes[n]["x"] for n in ends], [graph.nodes[n]["y"] for n in ends]
        )
        near = [
            n
            for n, x, y in zip(ends, xs, ys, strict=True)
            if shapely.distance(site, shapely.Point(x, y)) <= reach
        ]
        access.update(near or ends)
    return access


def nearest_sites(
    points: shapely.Geometry | Sequence[shapely.Geometry],
    site_shapes: Sequence[shapely.Geometry],
    *,
    max_distance_m: float,
) -> list[tuple[int, float] | None]:
    """For each point, the nearest site (index, distance in metres) within a distance, or None.

    A point inside a site's area is at distance 0 from it; where several sites are equally near
    (overlapping areas), the first in ``site_shapes`` order wins. Each point belongs to at most one
    site, so a charger between the two halves of a service area counts for one side only.
    """
    point_list = list(points) if not isinstance(points, shapely.Geometry) else [points]
    if not point_list or not site_shapes:
        return [None] * len(point_list)
    tree = STRtree(list(site_shapes))
    found: list[tuple[int, float] | None] = []
    for point in point_list:
        indices, distances = tree.query_nearest(
            point, max_distance=max_distance_m, return_distance=True
        )
        if len(indices) == 0:
            found.append(None)
        else:
            best = int(np.argmin(indices))
            found.append((int(indices[best]), float(distances[best])))
    return found
