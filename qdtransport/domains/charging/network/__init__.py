"""The OpenStreetMap network coverage check: chargers at service areas and along corridors.

Read an OSM file offline with :func:`read_osm`, then compute the coverage tables with
:func:`compute_network_coverage` and print them with :func:`format_summary`::

    from qdtransport.domains.charging.network import compute_network_coverage, format_summary, read_osm

    extract = read_osm("qingdao.osm.pbf")
    coverage = compute_network_coverage(extract, register_sites=sites, register_stations=stations)
    print(format_summary(coverage, rule="afir"))

OpenStreetMap data is © OpenStreetMap contributors, available under the Open Database License.
"""

from qdtransport.domains.charging.network.coverage import NetworkCoverage, compute_network_coverage
from qdtransport.domains.charging.network.extract import OsmExtract
from qdtransport.domains.charging.network.osm import read_osm
from qdtransport.domains.charging.network.summary import format_summary

__all__ = [
    "NetworkCoverage",
    "OsmExtract",
    "compute_network_coverage",
    "format_summary",
    "read_osm",
]
