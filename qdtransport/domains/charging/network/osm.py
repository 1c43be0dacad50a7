"""Read an OpenStreetMap file offline into an :class:`OsmExtract`.

``.osm``, ``.osm.gz`` and ``.osm.bz2`` (OSM XML) are read with osmnx (``graph_from_xml`` for the
motorway graph, ``features_from_xml`` for service areas and chargers); ``.osm.pbf`` is read with
pyosmium (:mod:`qdtransport.domains.charging.network.pbf`), which filters in C++ and is many times faster. osmnx
refuses XML whose ways reference nodes missing from the file (an extract clipped at its edge);
such a file is read with pyosmium instead, which splits those ways at the gaps.

No function here touches the network: osmnx only parses the file, and while it runs its
download settings point nowhere (empty Overpass and Nominatim addresses, no DNS-over-HTTPS, no
cache), so an accidental download would fail at once instead of reaching a server.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import osmnx as ox

from qdtransport.domains.charging.network.extract import (
    OsmExtract,
    charger_record,
    chargers_frame,
    site_record,
    sites_frame,
)
from qdtransport.domains.charging.network.motorway_graph import MotorwayGraphBuilder
from qdtransport.domains.charging.network.pbf import read_pbf
from qdtransport.domains.charging.network.tags import (
    CHARGER_AMENITY,
    MOTORWAY_HIGHWAYS,
    SITE_HIGHWAYS,
    is_charger,
    site_kind,
    travel_direction,
)

XML_SUFFIXES = (
    ".osm",
    ".osm.gz",
    ".osm.bz2",
    ".osm.xml",
    ".osm.xml.gz",
    ".osm.xml.bz2",
    ".xml",
    ".xml.gz",
)
"""File name endings read as OSM XML."""

PBF_SUFFIXES = (".osm.pbf", ".pbf")
"""File name endings read as OSM PBF."""

Reader = Literal["auto", "osmnx", "pyosmium"]

_OFFLINE_SETTINGS: dict[str, Any] = {
    "overpass_url": "",
    "nominatim_url": "",
    "elevation_url_template": "",
    "doh_url_template": None,
    "use_cache": False,
    "log_console": False,
    "all_oneway": True,
    "useful_tags_way": ["highway", "ref", "name", "oneway"],
    "useful_tags_node": ["highway"],
}


def read_osm(path: str | Path, *, reader: Reader = "auto") -> OsmExtract:
    """Read the motorway network, service-area sites and chargers of one OSM file.

    Parameters
    ----------
    path
        ``.osm``, ``.osm.gz``, ``.osm.bz2`` (XML) or ``.osm.pbf`` file.
    reader
        ``"auto"`` (osmnx for XML, pyosmium for PBF), or force ``"osmnx"`` (XML only) or
        ``"pyosmium"`` (any of the formats).

    Returns
    -------
    OsmExtract
        ``graph``, ``sites`` and ``chargers``; see :class:`~qdtransport.domains.charging.network.extract.OsmExtract`
        for their columns and attributes. A file without motorways gives an empty graph, one
        without sites or chargers empty tables with the same columns.

    Raises
    ------
    FileNotFoundError
        When the file does not exist.
    ValueError
        When the file name has none of the endings above, or osmnx is asked to read PBF.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"OSM file not found: {path}")
    name = path.name.lower()
    is_pbf = name.endswith(PBF_SUFFIXES)
    if not is_pbf and not name.endswith(XML_SUFFIXES):
        raise ValueError(
            f"{path}: not an OSM file; expected one of {', '.join(XML_SUFFIXES + PBF_SUFFIXES)}"
        )
    if reader == "pyosmium" or (reader == "auto" and is_pbf):
        return read_pbf(path)
    if is_pbf:
        raise ValueError(f"{path}: osmnx reads OSM XML only; use reader='pyosmium' for PBF")
    return read_xml_with_osmnx(path)


def read_xml_with_osmnx(path: str | Path) -> OsmExtract:
    """Read an OSM XML file with osmnx; fall back to pyosmium for a clipped extract.

    Parameters
    ----------
    path
        ``.osm``, ``.osm.gz`` or ``.osm.bz2`` file.

    Returns
    -------
    OsmExtract
        As :func:`read_osm`. ``reader`` is ``"pyosmium"`` when osmnx refused the file because
        ways reference missing nodes; ``notes`` then says so.
    """
    path = Path(path)
    with osmnx_offline():
        try:
            osmnx_graph = ox.graph_from_xml(path, simplify=False, retain_all=True)
        except ox._errors.InsufficientResponseError:
            osmnx_graph = None
        except ValueError as error:
            extract = read_pbf(path)
            extract.notes.insert(
                0, f"osmnx could not build the graph ({error}); read with pyosmium"
            )
            return extract
        try:
            features = ox.features_from_xml(
                path, tags={"highway": list(SITE_HIGHWAYS), "amenity": CHARGER_AMENITY}
            )
        except ox._errors.InsufficientResponseError:
            features = None

    builder = MotorwayGraphBuilder()
    if osmnx_graph is not None:
        coords = osmnx_graph.nodes
        for u, v, data in osmnx_graph.edges(data=True):
            if data.get("highway") not in MOTORWAY_HIGHWAYS:
                continue
            tags = {key: data[key] for key in ("highway", "ref", "name", "oneway") if key in data}
            builder.add_segment(
                int(data["osmid"]),
                (u, coords[u]["x"], coords[u]["y"]),
                (v, coords[v]["x"], coords[v]["y"]),
                tags,
                both_ways=travel_direction(tags.get("oneway")) == "both",
            )

    sites: list[dict[str, object]] = []
    chargers: list[dict[str, object]] = []
    if features is not None:
        tag_columns = [c for c in features.columns if c != "geometry"]
        for (element, osm_id), row in features.iterrows():
            tags = {key: row[key] for key in tag_columns if isinstance(row[key], str)}
            object_id = f"{element[0]}{osm_id}"
            if site_kind(tags):
                sites.append(site_record(object_id, element, tags, row["geometry"]))
            elif is_charger(tags):
                chargers.append(charger_record(object_id, element, tags, row["geometry"]))
    return OsmExtract(
        graph=builder.build(),
        sites=sites_frame(sites),
        chargers=chargers_frame(chargers),
        source=str(path),
        reader="osmnx",
    )


@contextmanager
def osmnx_offline() -> Iterator[None]:
    """Run osmnx with downloads disabled and the tag settings the readers rely on.

    ``all_oneway`` makes osmnx add each way once, in its node order (reversed for
    ``oneway=-1``), and keep the raw ``oneway`` tag, so that the motorway rule of
    :func:`qdtransport.domains.charging.network.tags.travel_direction` can be applied afterwards. The previous
    settings are restored on exit.
    """
    saved = {name: getattr(ox.settings, name) for name in _OFFLINE_SETTINGS}
    try:
        for name, value in _OFFLINE_SETTINGS.items():
            setattr(ox.settings, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(ox.settings, name, value)
