"""A small OpenStreetMap file of Qingdao's expressways, laid on the real alignments.

The network follows standard OSM tagging:

- each route is two one-way carriageways (``highway=motorway``, ``oneway=yes``, ``ref``, ``name``)
  :data:`~qdtransport.domains.charging.samples.sites.CARRIAGEWAY_OFFSET_M` either side of the centre line, traffic
  on the right, with a node at least every :data:`NODE_SPACING_M` metres;
- where two routes meet, ``highway=motorway_link`` ramps lead from each carriageway (
  :data:`RAMP_REACH_M` before the junction) to each carriageway of the other route (as far after it)
  that exists there: eight ramps at a crossing, four where a route ends;
- each site is a closed way (``highway=services``, or ``highway=rest_area`` for a parking area)
  beside its carriageway, with a service road through it, an entry ramp from its carriageway
  :data:`SITE_RAMP_REACH_M` before it and an exit ramp back to it as far after it, so that it is
  reachable from its own carriageway only; the ``both`` site has ramps to and from both (bridged
  over the near carriageway);
- ``amenity=charging_station`` nodes stand inside the sites, one per station in service at the
  export date that the OSM side knows of, plus the town station 2 km off the motorway.

Everything but the centre lines is synthetic; the file says so in its header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import osmium
from osmium.osm.mutable import Node, Way

from qdtransport.domains.charging.samples.alignments import (
    QINGDAO_BOX,
    ROUTE_NAMES,
    Alignment,
    Point,
    find_junctions,
    from_plane,
)
from qdtransport.domains.charging.samples.sites import (
    CARRIAGEWAY_OFFSET_M,
    SITES,
    SampleSite,
    site_outline,
    site_position,
)
from qdtransport.domains.charging.samples.stations import EXPORT_DATE, STATIONS, SampleStation, station_position

OSM_NOTE = (
    "Synthetic expressway network laid on real alignments: © OpenStreetMap contributors (ODbL); "
    "route alignments via the Travel Mapping project. Sites, links and chargers are synthetic."
)
"""Attribution and warning carried by the file (XML ``<note>``; PBF writing program)."""

NODE_SPACING_M = 150.0
"""Largest distance between consecutive carriageway nodes, metres."""

WAY_MAX_NODES = 500
"""Carriageways are split into ways of at most this many nodes (OSM allows 2000)."""

RAMP_REACH_M = 400.0
"""Interchange ramps leave and join the carriageways this far from the junction, metres."""

SITE_RAMP_REACH_M = 600.0
"""Site entry and exit ramps leave and join the carriageway this far from the site's middle, metres."""

SITE_ROAD_OFFSET_M = 60.0
"""Distance of the service road through a site from the centre line, metres."""

SITE_ROAD_HALF_LENGTH_M = 120.0
"""Half the length of the service road through a site, metres."""


@dataclass
class DemoNetwork:
    """The demo network as plain OSM objects, in the order they are written.

    Attributes
    ----------
    nodes
        ``(id, lon, lat, tags)``, ids from 1.
    ways
        ``(id, node ids, tags)``, ids from 1.
    """

    nodes: list[tuple[int, float, float, dict[str, str]]] = field(default_factory=list)
    ways: list[tuple[int, list[int], dict[str, str]]] = field(default_factory=list)

    def add_node(self, position: Point, tags: dict[str, str] | None = None) -> int:
        """Add a node at WGS84 ``(lon, lat)``; returns its id."""
        node_id = len(self.nodes) + 1
        self.nodes.append((node_id, round(position[0], 7), round(position[1], 7), tags or {}))
        return node_id

    def position(self, node_id: int) -> Point:
        """WGS84 ``(lon, lat)`` of the node with id ``node_id``."""
        _, lon, lat, _ = self.nodes[node_id - 1]
        return lon, lat

    def add_way(self, node_ids: list[int], tags: dict[str, str]) -> int:
        """Add a way through ``node_ids``; returns its id."""
        way_id = len(self.ways) + 1
        self.ways.append((way_id, node_ids, tags))
        return way_id


@dataclass(frozen=True)
class Carriageway:
    """One one-way carriageway: its node ids in driving order and their centre-line chainages."""

    route_ref: str
    direction: int  # +1 forward (waypoint order), -1 backward
    node_ids: tuple[int, ...]
    chainages: tuple[float, ...]

    def node_at(self, chainage: float) -> int | None:
        """The node nearest to ``chainage``; ``None`` when it lies beyond either end."""
        if not min(self.chainages) <= chainage <= max(self.chainages):
            return None
        best = min(range(len(self.chainages)), key=lambda i: abs(self.chainages[i] - chainage))
        return self.node_ids[best]


def _add_carriageways(network: DemoNetwork, alignment: Alignment) -> list[Carriageway]:
    name_zh, name_en = ROUTE_NAMES[alignment.route_ref]
    tags = {"highway": "motorway", "oneway": "yes", "ref": alignment.route_ref, "name": name_zh,
            "name:en": name_en, "lanes": "2", "maxspeed": "120"}
    carriageways = []
    for direction in (1, -1):
        points = alignment.densified(direction * CARRIAGEWAY_OFFSET_M, NODE_SPACING_M)
        if direction == -1:
            points = points[::-1]
        ids = [network.add_node(from_plane(*p)) for p, _ in points]
        for start in range(0, len(ids) - 1, WAY_MAX_NODES - 1):
            network.add_way(ids[start : start + WAY_MAX_NODES], dict(tags))
        carriageways.append(
            Carriageway(alignment.route_ref, direction, tuple(ids), tuple(c for _, c in points))
        )
    return carriageways


def _add_ramp(network: DemoNetwork, start: int, end: int, *, bridge: bool = False) -> None:
    """A ``motorway_link`` from node ``start`` to node ``end`` with one shaping node halfway."""
    a, b = network.position(start), network.position(end)
    middle = network.add_node(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
    tags = {"highway": "motorway_link", "oneway": "yes"}
    if bridge:
        tags.update({"bridge": "yes", "layer": "1"})
    network.add_way([start, middle, end], tags)


def _add_interchanges(network: DemoNetwork, alignments: dict[str, Alignment],
                      carriageways: dict[str, list[Carriageway]]) -> int:
    """Ramps between the carriageways of routes that meet; returns how many were added."""
    added = 0
    for junction in find_junctions(alignments):
        for first, second, at_first, at_second in (
            (junction.route_a, junction.route_b, junction.chainage_a, junction.chainage_b),
            (junction.route_b, junction.route_a, junction.chainage_b, junction.chainage_a),
        ):
            for leaving in carriageways[first]:
                for joining in carriageways[second]:
                    start = leaving.node_at(at_first - leaving.direction * RAMP_REACH_M)
                    end = joining.node_at(at_second + joining.direction * RAMP_REACH_M)
                    if start is not None and end is not None:
                        _add_ramp(network, start, end)
                        added += 1
    return added


def _add_site(network: DemoNetwork, site: SampleSite, alignment: Alignment,
              carriageways: list[Carriageway]) -> None:
    """The site's area, its service road and its ramps."""
    ring = site_outline(site, alignment)
    ring_ids = [network.add_node(p) for p in ring[:-1]]
    kind = "rest_area" if site.kind == "parking_area" else "services"
    network.add_way([*ring_ids, ring_ids[0]], {"highway": kind, "name": site.name})

    own = next(c for c in carriageways if c.direction == (-1 if site.side == "backward" else 1))
    road_ids = [
        network.add_node(site_position(site, alignment, along_m=own.direction * along, offset_m=SITE_ROAD_OFFSET_M))
        for along in (-SITE_ROAD_HALF_LENGTH_M, 0.0, SITE_ROAD_HALF_LENGTH_M)
    ]
    road_tags = {"highway": "service", "name": f"{site.name}内部道路"}
    if site.side != "both":
        road_tags["oneway"] = "yes"
    network.add_way(road_ids, road_tags)

    def carriageway_node(carriageway: Carriageway, after: bool) -> int:
        reach = carriageway.direction * SITE_RAMP_REACH_M * (1 if after else -1)
        node = carriageway.node_at(site.chainage_m + reach)
        assert node is not None, f"{site.name} is too close to the end of {site.route_ref}"
        return node

    _add_ramp(network, carriageway_node(own, after=False), road_ids[0])
    _add_ramp(network, road_ids[-1], carriageway_node(own, after=True))
    if site.side == "both":
        other = next(c for c in carriageways if c is not own)
        _add_ramp(network, carriageway_node(other, after=False), road_ids[-1], bridge=True)
        _add_ramp(network, road_ids[0], carriageway_node(other, after=True), bridge=True)


def charger_tags(station: SampleStation) -> dict[str, str]:
    """OSM tags of a charging station.

    Sockets always, output where the operator publishes it (stations from 2019 on), capacity =
    charging spaces.
    """
    tags = {"amenity": "charging_station", "name": station.name, "operator": station.operator,
            "capacity": str(station.charging_spaces), "motorcar": "yes",
            "socket:type2_combo": str(station.dc_connectors)}
    if station.commissioned.year >= 2019:
        tags["socket:type2_combo:output"] = f"{station.max_power_kw:.0f} kW"
    if station.ac_connectors:
        tags["socket:type2"] = str(station.ac_connectors)
    return tags


def mapped_stations() -> list[SampleStation]:
    """Stations the OSM file has.

    Those ``in_osm``, at a site OSM has (or the town station), and still in service at the export
    date.
    """
    return [
        s for s in STATIONS
        if s.in_osm and (s.site is None or s.site.in_osm) and s.active_on(EXPORT_DATE)
    ]


def build_network(alignments: dict[str, Alignment]) -> DemoNetwork:
    """The whole demo network: carriageways, interchanges, sites, chargers.

    Returns
    -------
    DemoNetwork
        Nodes and ways with their tags, ready to write. Its content depends on nothing but the
        packaged alignments and the site and station lists, so it is the same on every run.
    """
    network = DemoNetwork()
    carriageways = {ref: _add_carriageways(network, alignments[ref]) for ref in sorted(alignments)}
    _add_interchanges(network, alignments, carriageways)
    for site in SITES:
        if site.in_osm:
            _add_site(network, site, alignments[site.route_ref], carriageways[site.route_ref])
    for station in mapped_stations():
        network.add_node(station_position(station, alignments), charger_tags(station))
    return network


def write_osm_xml(network: DemoNetwork, path: Path) -> Path:
    """Write the network as OSM XML (``.osm``) with the synthetic-data ``<note>`` in the header."""
    min_lon, min_lat, max_lon, max_lat = QINGDAO_BOX
    lines = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        '<osm version="0.6" generator="qdtransport.samples">',
        f"  <note>{escape(OSM_NOTE)}</note>",
        f'  <bounds minlat="{min_lat}" minlon="{min_lon}" maxlat="{max_lat}" maxlon="{max_lon}"/>',
    ]
    for node_id, lon, lat, tags in network.nodes:
        if not tags:
            lines.append(f'  <node id="{node_id}" lat="{lat:.7f}" lon="{lon:.7f}"/>')
            continue
        lines.append(f'  <node id="{node_id}" lat="{lat:.7f}" lon="{lon:.7f}">')
        lines.extend(f"    <tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags.items())
        lines.append("  </node>")
    for way_id, node_ids, tags in network.ways:
        lines.append(f'  <way id="{way_id}">')
        lines.extend(f'    <nd ref="{n}"/>' for n in node_ids)
        lines.extend(f"    <tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags.items())
        lines.append("  </way>")
    lines.append("</osm>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_osm_pbf(network: DemoNetwork, path: Path) -> Path:
    """Write the network as OSM PBF with pyosmium.

    The note goes into the writing-program field (PBF headers have no note).
    """
    header = osmium.io.Header()
    header.set("generator", f"qdtransport.samples: {OSM_NOTE}")
    min_lon, min_lat, max_lon, max_lat = QINGDAO_BOX
    header.add_box(
        osmium.osm.Box(osmium.osm.Location(min_lon, min_lat), osmium.osm.Location(max_lon, max_lat))
    )
    if path.exists():
        path.unlink()
    writer = osmium.SimpleWriter(str(path), header=header)
    try:
        for node_id, lon, lat, tags in network.nodes:
            writer.add_node(Node(id=node_id, location=(lon, lat), tags=tags))
        for way_id, node_ids, tags in network.ways:
            writer.add_way(Way(id=way_id, nodes=node_ids, tags=tags))
    finally:
        writer.close()
    return path


def write_osm_demo(path: Path, alignments: dict[str, Alignment]) -> Path:
    """Build the demo network and write it as XML (``.osm``) or PBF (``.osm.pbf``), by suffix."""
    network = build_network(alignments)
    if path.name.endswith(".osm.pbf"):
        return write_osm_pbf(network, path)
    if path.suffix == ".osm":
        return write_osm_xml(network, path)
    raise ValueError(f"{path}: the demo network is written as .osm or .osm.pbf")
