"""Build the motorway graph from OSM ways: segments in, simplified networkx graph out.

Both readers hand the builder the same thing, the node-to-node segments of each ``motorway`` and
``motorway_link`` way in its direction(s) of travel, so the graph does not depend on the file
format. :meth:`MotorwayGraphBuilder.build` then keeps as graph nodes only the nodes where
something happens (a way ends or is clipped, two ways meet, roads fork or merge) and joins the
segments between them into one edge, the way osmnx simplifies a graph: a 5 km stretch of
carriageway drawn with 50 nodes becomes one edge with a ``geometry``. Lengths are summed over the
original segments, so simplification does not change any distance.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import networkx as nx
import numpy as np
import shapely

from qdtransport.domains.charging.network.geometry import haversine_m
from qdtransport.domains.charging.network.tags import parse_refs, travel_direction

Located = tuple[int, float, float]
"""``(node_id, lon, lat)``."""


class MotorwayGraphBuilder:
    """Collect the segments of motorway ways, then build the simplified motorway graph."""

    def __init__(self) -> None:
        self._coords: dict[int, tuple[float, float]] = {}
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._way_of: list[int] = []
        self._ways: list[dict[str, object]] = []
        self._way_index: dict[int, int] = {}
        self.clipped_ways = 0

    def _way(self, way_id: int, tags: Mapping[str, str], *, both_ways: bool) -> int:
        index = self._way_index.get(way_id)
        if index is None:
            index = len(self._ways)
            self._way_index[way_id] = index
            self._ways.append(
                {
                    "osmid": way_id,
                    "highway": tags.get("highway"),
                    "ref": parse_refs(tags.get("ref")),
                    "name": tags.get("name"),
                    "oneway": not both_ways,
                }
            )
        return index

    def add_way(
        self,
        way_id: int,
        nodes: Sequence[Located | tuple[int, None, None]],
        tags: Mapping[str, str],
    ) -> None:
        """Add a way from its nodes in way order.

        Nodes whose location is unknown (``None``: the way was clipped at the edge of the extract)
        split the way, and no segment is drawn across the gap; repeated consecutive nodes are
        skipped. The direction of travel follows
        :func:`qdtransport.domains.charging.network.tags.travel_direction`.
        """
        direction = travel_direction(tags.get("oneway"))
        index = self._way(way_id, tags, both_ways=direction == "both")
        previous: int | None = None
        for node_id, lon, lat in nodes:
            if lon is None or lat is None:
                if previous is not None:
                    self.clipped_ways += 1
                previous = None
                continue
            self._coords[node_id] = (lon, lat)
            if previous is not None and previous != node_id:
                if direction in ("forward", "both"):
                    self._segment(previous, node_id, index)
                if direction in ("backward", "both"):
                    self._segment(node_id, previous, index)
            previous = node_id

    def add_segment(
        self, way_id: int, start: Located, end: Located, tags: Mapping[str, str], *, both_ways: bool
    ) -> None:
        """Add one segment ``start -> end`` of a way (and ``end -> start`` when ``both_ways``)."""
        index = self._way(way_id, tags, both_ways=both_ways)
        self._coords[start[0]] = (start[1], start[2])
        self._coords[end[0]] = (end[1], end[2])
        self._segment(start[0], end[0], index)
        if both_ways:
            self._segment(end[0], start[0], index)

    def _segment(self, u: int, v: int, way: int) -> None:
        self._starts.append(u)
        self._ends.append(v)
        self._way_of.append(way)

    def build(self) -> nx.MultiDiGraph:
        """The simplified motorway graph (see the module docstring and ``OsmExtract.graph``).

        A node is passed through (not kept) when all its segments belong to one way and it is the
        inside of a chain: one segment in and one out to a different node, or, on a two-way way,
        two in and two out to the same two neighbours. Chains of segments between kept nodes
        become edges; a ring with no kept node is cut at its first segment.
        """
        graph = nx.MultiDiGraph(crs="epsg:4326")
        count = len(self._starts)
        if count == 0:
            return graph
        way_of = np.asarray(self._way_of, dtype=np.int64)
        node_ids, inverse = np.unique(
            np.asarray(self._starts + self._ends, dtype=np.int64), return_inverse=True
        )
        start, end = inverse[:count], inverse[count:]
        nodes = len(node_ids)
        lonlat = np.array([self._coords[n] for n in node_ids.tolist()], dtype=np.float64)
        lengths = haversine_m(lonlat[start, 0], lonlat[start, 1], lonlat[end, 0], lonlat[end, 1])

        def extreme(reduce: np.ufunc, at: np.ndarray, values: np.ndarray, fill: int) -> np.ndarray:
            result = np.full(nodes, fill, dtype=np.int64)
            reduce.at(result, at, values)
            return result

        big = np.iinfo(np.int64).max
        out_degree = np.bincount(start, minlength=nodes)
        in_degree = np.bincount(end, minlength=nodes)
        one_way = np.minimum(
            extreme(np.minimum, start, way_of, big), extreme(np.minimum, end, way_of, big)
        )
        one_way = one_way == np.maximum(
            extreme(np.maximum, start, way_of, -1), extreme(np.maximum, end, way_of, -1)
        )
        successor_min = extreme(np.minimum, start, end, big)
        successor_max = extreme(np.maximum, start, end, -1)
        predecessor_min = extreme(np.minimum, end, start, big)
        predecessor_max = extreme(np.maximum, end, start, -1)
        chain_inside = (out_degree == 1) & (in_degree == 1) & (successor_min != predecessor_min)
        two_way_inside = (
            (out_degree == 2)
            & (in_degree == 2)
            & (successor_min == predecessor_min)
            & (successor_max == predecessor_max)
            & (successor_min != successor_max)
        )
        kept = ~(one_way & (chain_inside | two_way_inside))

        order = np.argsort(start, kind="stable")
        first_out = np.full(nodes, -1, dtype=np.int64)
        second_out = np.full(nodes, -1, dtype=np.int64)
        positions = np.searchsorted(start[order], np.arange(nodes))
        has_out = out_degree > 0
        first_out[has_out] = order[positions[has_out]]
        has_two = out_degree > 1
        second_out[has_two] = order[positions[has_two] + 1]
        following = first_out[end]
        turn_back = (out_degree[end] == 2) & (end[np.maximum(following, 0)] == start)
        following = np.where(turn_back, second_out[end], following)
        following = np.where(kept[end], -1, following).tolist()

        used = [False] * count
        chains: list[list[int]] = []
        heads = [i for i in order.tolist() if kept[start[i]]]
        for first in heads + list(range(count)):
            if used[first]:
                continue
            chain = [first]
            used[first] = True
            step = following[first]
            while step >= 0 and not used[step]:
                chain.append(step)
                used[step] = True
                step = following[step]
            chains.append(chain)

        start_list, end_list = start.tolist(), end.tolist()
        length_list = lengths.tolist()
        path_nodes = [[start_list[c[0]], *(end_list[i] for i in c)] for c in chains]
        lines = shapely.linestrings(
            lonlat[np.concatenate([np.asarray(p) for p in path_nodes])],
            indices=np.repeat(np.arange(len(chains)), [len(p) for p in path_nodes]),
        )
        ids = node_ids.tolist()
        for chain, path, line in zip(chains, path_nodes, lines, strict=True):
            attrs = dict(self._ways[way_of[chain[0]]])
            attrs["length"] = float(sum(length_list[i] for i in chain))
            attrs["geometry"] = line
            graph.add_edge(ids[path[0]], ids[path[-1]], **attrs)
        for node in graph.nodes:
            graph.nodes[node]["x"], graph.nodes[node]["y"] = self._coords[node]
        return graph
