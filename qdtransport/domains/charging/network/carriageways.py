"""Split the motorway graph into carriageways: one per route number and direction of travel.

A carriageway is the chain of one-way ``highway=motorway`` edges that traffic of one route follows
in one direction. It is found without reference to compass directions, so it works on winding
roads and ring roads alike:

1. Edges are grouped by route: an edge whose ``ref`` is ``("G20", "G15")`` belongs to both routes.
   A motorway without a ``ref`` is grouped under its ``name``; one with neither forms a route of
   its own per connected stretch, called ``"unnamed motorway w<way id>"`` after its lowest way id.
2. Within a route, an edge arriving at a node continues into an edge leaving it when the two
   turn by less than 90 degrees there (the last segment of the first and the first segment of the
   second have a positive dot product). Edges linked this way form a *piece*; the two
   carriageways of a dual carriageway never link, because passing from one to the other is a
   U-turn. The two directions of a two-way (``oneway=no``) way fall into different pieces for the
   same reason.
3. In each piece, the start is the source node (no incoming edge) from which the most road can
   be reached, and every node gets its distance along the road from that start (Dijkstra over
   edge lengths). Edges that cannot be reached from that start (a branch joining the piece) form
   a further piece.
4. The heading of a piece is the vector from its start to its farthest node. The route's axis is
   the heading of its longest piece; a piece whose heading points along the axis belongs to the
   carriageway named after the axis' compass point (e.g. ``E``), the others to the opposite one
   (``W``). A route therefore has at most two carriageways, with opposite names.
5. The pieces of one carriageway (a route broken by gaps in the data, or leaving and re-entering
   the extract) are put in order along the axis and joined: the break between the end of one and
   the start of the next counts with its straight-line length, and ``pieces`` tells how many there
   were, so an analyst can see where positions bridge missing data.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx

from qdtransport.domains.charging.network.geometry import compass_point, haversine_m

UNNAMED_ROUTE = "unnamed motorway"


@dataclass
class Carriageway:
    """One direction of one route inside the extract.

    Attributes
    ----------
    route_ref
        Route number (the ``name``, or ``unnamed motorway w<way id>``, for a motorway without
        ``ref``).
    direction
        Compass point (N, NE, ... NW) of the overall heading of travel.
    name
        The ``name`` carried by the greatest length of its edges, or ``None``.
    length_m
        Sum of its edge lengths, metres.
    extent_m
        Length of the line along which positions are measured, metres: the pieces' extents plus
        the straight-line breaks between them.
    breaks_m
        Straight-line length of the breaks between pieces, metres (0 for one piece).
    pieces
        Number of disconnected pieces joined into this carriageway.
    positions
        Node id -> position along the carriageway, metres from its start.
    edges
        ``(u, v, key)`` of its edges in the motorway graph.
    """

    route_ref: str
    direction: str
    name: str | None
    length_m: float
    extent_m: float
    breaks_m: float
    pieces: int
    positions: dict[int, float] = field(repr=False)
    edges: list[tuple[int, int, int]] = field(repr=False)


@dataclass
class _Piece:
    edges: list[tuple[int, int, int]]
    positions: dict[int, float]
    start: int
    end: int
    extent_m: float
    heading: tuple[float, float]


def split_carriageways(graph: nx.MultiDiGraph) -> list[Carriageway]:
    """The carriageways of a motorway graph (see the module docstring for the method).

    Parameters
    ----------
    graph
        Motorway graph as returned in :attr:`qdtransport.domains.charging.network.extract.OsmExtract.graph`;
        only ``highway=motorway`` edges are used (slip roads are not carriageways).

    Returns
    -------
    list of Carriageway
        Sorted by route and direction; empty for a graph without motorway edges.
    """
    by_route: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    unnamed = nx.MultiDiGraph()
    for u, v, key, data in graph.edges(keys=True, data=True):
        if data.get("highway") != "motorway":
            continue
        routes = data.get("ref") or ((data["name"],) if data.get("name") else ())
        for route in routes:
            by_route[route].append((u, v, key))
        if not routes:
            unnamed.add_edge(u, v, key, osmid=data.get("osmid"))
    for component in nx.weakly_connected_components(unnamed):
        edges = list(unnamed.subgraph(component).edges(keys=True, data="osmid"))
        first_way = min(osmid for *_, osmid in edges)
        by_route[f"{UNNAMED_ROUTE} w{first_way}"] = [(u, v, key) for u, v, key, _ in edges]

    carriageways: list[Carriageway] = []
    for route, edges in sorted(by_route.items()):
        pieces = [piece for group in _link_edges(graph, edges) for piece in _pieces(graph, group)]
        carriageways.extend(_assemble(graph, route, pieces))
    return sorted(carriageways, key=lambda c: (c.route_ref, c.direction))


def _vector(graph: nx.MultiDiGraph, a: int, b: int) -> tuple[float, float]:
    """East and north components (degrees, longitude scaled by cos latitude) from node a to b."""
    ax, ay = graph.nodes[a]["x"], graph.nodes[a]["y"]
    bx, by = graph.nodes[b]["x"], graph.nodes[b]["y"]
    return (bx - ax) * math.cos(math.radians((ay + by) / 2)), by - ay


def _direction(
    graph: nx.MultiDiGraph, edge: tuple[int, int, int], *, at_end: bool
) -> tuple[float, float]:
    """East and north components of an edge's first (or last) segment, from its geometry."""
    coords = graph.edges[edge]["geometry"].coords
    (ax, ay), (bx, by) = (coords[-2], coords[-1]) if at_end else (coords[0], coords[1])
    return (bx - ax) * math.cos(math.radians((ay + by) / 2)), by - ay


def _link_edges(
    graph: nx.MultiDiGraph, edges: list[tuple[int, int, int]]
) -> list[list[tuple[int, int, int]]]:
    """Group a route's edges into chains that traffic can follow without turning back."""
    incoming: dict[int, list[int]] = defaultdict(list)
    outgoing: dict[int, list[int]] = defaultdict(list)
    for index, (u, v, _) in enumerate(edges):
        outgoing[u].append(index)
        incoming[v].append(index)
    groups = nx.utils.UnionFind(range(len(edges)))
    for node, arriving in incoming.items():
        leaving = outgoing.get(node)
        if not leaving:
            continue
        for i in arriving:
            ax, ay = _direction(graph, edges[i], at_end=True)
            for j in leaving:
                bx, by = _direction(graph, edges[j], at_end=False)
                if ax * bx + ay * by > 0 or (ax == ay == 0) or (bx == by == 0):
                    groups.union(i, j)
    return [[edges[i] for i in members] for members in groups.to_sets()]


def _pieces(graph: nx.MultiDiGraph, edges: list[tuple[int, int, int]]) -> list[_Piece]:
    """Positions along a group of linked edges; what the start cannot reach is split off."""
    pieces: list[_Piece] = []
    remaining = edges
    while remaining:
        chain = nx.DiGraph()
        for u, v, key in remaining:
            length = graph.edges[u, v, key]["length"]
            if not chain.has_edge(u, v) or chain.edges[u, v]["length"] > length:
                chain.add_edge(u, v, length=length)
        sources = [n for n, degree in chain.in_degree() if degree == 0] or [min(chain.nodes)]
        best: dict[int, float] = {}
        start = sources[0]
        for source in sources:
            reach = nx.single_source_dijkstra_path_length(chain, source, weight="length")
            if not best or max(reach.values()) > max(best.values()):
                best, start = reach, source
        end = max(best, key=lambda n: best[n])
        pieces.append(
            _Piece(
                edges=[e for e in remaining if e[0] in best],
                positions=best,
                start=start,
                end=end,
                extent_m=best[end],
                heading=_vector(graph, start, end),
            )
        )
        remaining = [e for e in remaining if e[0] not in best]
    return pieces


def _assemble(graph: nx.MultiDiGraph, route: str, pieces: list[_Piece]) -> list[Carriageway]:
    """Name the pieces of one route after their heading and join them into carriageways."""
    if not pieces:
        return []
    axis = max(pieces, key=lambda p: p.extent_m).heading
    if axis == (0.0, 0.0):
        axis = (0.0, 1.0)
    forward, backward = compass_point(*axis), compass_point(-axis[0], -axis[1])
    groups: dict[str, list[_Piece]] = defaultdict(list)
    for piece in pieces:
        along = piece.heading[0] * axis[0] + piece.heading[1] * axis[1]
        groups[forward if along >= 0 else backward].append(piece)

    lat0 = sum(graph.nodes[p.start]["y"] for p in pieces) / len(pieces)
    east_scale = math.cos(math.radians(lat0))
    carriageways = []
    for direction, members in groups.items():
        sign = 1.0 if direction == forward else -1.0
        progress = {
            id(piece): sign
            * (
                graph.nodes[piece.start]["x"] * east_scale * axis[0]
                + graph.nodes[piece.start]["y"] * axis[1]
            )
            for piece in members
        }
        members.sort(key=lambda piece: progress[id(piece)])
        positions: dict[int, float] = {}
        edges: list[tuple[int, int, int]] = []
        offset = breaks = 0.0
        previous: _Piece | None = None
        for piece in members:
            if previous is not None:
                a, b = graph.nodes[previous.end], graph.nodes[piece.start]
                gap = float(haversine_m(a["x"], a["y"], b["x"], b["y"]))
                breaks += gap
                offset += previous.extent_m + gap
            for node, position in piece.positions.items():
                positions.setdefault(node, offset + position)
            edges.extend(piece.edges)
            previous = piece
        assert previous is not None
        names: Counter[str] = Counter()
        for e in edges:
            if graph.edges[e].get("name"):
                names[graph.edges[e]["name"]] += graph.edges[e]["length"]
        carriageways.append(
            Carriageway(
                route_ref=route,
                direction=direction,
                name=names.most_common(1)[0][0] if names else None,
                length_m=float(sum(graph.edges[e]["length"] for e in edges)),
                extent_m=offset + previous.extent_m,
                breaks_m=breaks,
                pieces=len(members),
                positions=positions,
                edges=edges,
            )
        )
    return carriageways
