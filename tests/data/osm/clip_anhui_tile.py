"""Cut the S23 test extracts out of the Anhui/Henan/Jiangsu tile (documentation; run once).

Usage::

    python tests/data/osm/clip_anhui_tile.py SOURCE.osm.pbf tests/data/osm

Writes ``anhui_s23_clip.osm.pbf``: every way with at least one node inside the box below, kept
whole (all its nodes, also those outside the box), plus the tagged nodes inside the box. Relations
are left out. ``anhui_s23_clip_with_charger.osm.pbf`` is the same data plus one synthetic charging
station (node id -1) inside the service-area polygon w475542562; see PROVENANCE.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import osmium

BOX = (116.38, 32.70, 116.69, 33.05)
"""West, south, east, north (degrees): the S23 between its service areas at 33.02 N and 32.73 N."""

SYNTHETIC_CHARGER = {
    "amenity": "charging_station",
    "name": "synthetic test charger (not in OSM)",
    "socket:gb_dc": "4",
    "socket:gb_dc:output": "160 kW",
    "capacity": "4",
    "note": "synthetic: added to a copy of real OSM data for a test",
}
SYNTHETIC_CHARGER_LOCATION = (116.41392, 33.02192)
"""Inside w475542562 (checked by the tests)."""


def inside(lon: float, lat: float) -> bool:
    west, south, east, north = BOX
    return west <= lon <= east and south <= lat <= north


def clip(source: Path, target_dir: Path) -> None:
    way_ids: set[int] = set()
    node_ids: set[int] = set()
    for way in osmium.FileProcessor(str(source), osmium.osm.NODE | osmium.osm.WAY).with_locations():
        if not way.is_way():
            continue
        if any(n.location.valid() and inside(n.location.lon, n.location.lat) for n in way.nodes):
            way_ids.add(way.id)
            node_ids.update(n.ref for n in way.nodes)

    for name, extra in (
        ("anhui_s23_clip.osm.pbf", False),
        ("anhui_s23_clip_with_charger.osm.pbf", True),
    ):
        target = target_dir / name
        target.unlink(missing_ok=True)
        writer = osmium.SimpleWriter(str(target))
        if extra:
            lon, lat = SYNTHETIC_CHARGER_LOCATION
            writer.add_node(
                osmium.osm.mutable.Node(id=-1, location=(lon, lat), tags=SYNTHETIC_CHARGER)
            )
        for obj in osmium.FileProcessor(str(source), osmium.osm.NODE | osmium.osm.WAY):
            if obj.is_node():
                tagged_inside = len(obj.tags) > 0 and inside(obj.location.lon, obj.location.lat)
                if obj.id in node_ids or tagged_inside:
                    writer.add(obj)
            elif obj.id in way_ids:
                writer.add(obj)
        writer.close()


if __name__ == "__main__":
    clip(Path(sys.argv[1]), Path(sys.argv[2]))
