"""The synthetic expressway service-area sites and where they stand on the real alignments.

One :class:`SampleSite` per site (one per side where the two sides are separate sites). The same
list feeds the register file ``service_areas.xlsx``, the charging-station register and the OSM
demo network, so the three always agree except where a difference is wanted (a site only in OSM,
one only in the register).

Layout
------
A site stands beside the carriageway it serves: forward-direction sites (the direction of the route's
waypoint order) to the right of the centre line, backward-direction sites to the left, and the one
``both`` site to the right with ramps from both carriageways. Its area is a band
:data:`SITE_LENGTH_M` long, :data:`SITE_NEAR_EDGE_M` to :data:`SITE_FAR_EDGE_M` from the centre
line; the register position is :data:`REGISTER_OFFSET_M` from the centre line at the site's
chainage. The two sides of a site are staggered by 800 m so that no charger lies within 300 m of
the opposite side.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.styles import Font

from qdtransport.coords import wgs84_to_gcj02
from qdtransport.domains.charging.samples.alignments import Alignment, Point
from qdtransport.samples.notes import SYNTHETIC_NOTE
from qdtransport.samples.workbooks import save_workbook_stable

CARRIAGEWAY_OFFSET_M = 15.0
"""Distance of each one-way carriageway from the centre line, metres (right-hand traffic)."""

SITE_NEAR_EDGE_M = 28.0
"""Distance from the centre line to the site edge next to the carriageway, metres."""

SITE_FAR_EDGE_M = 120.0
"""Distance from the centre line to the far edge of the site, metres."""

SITE_LENGTH_M = 350.0
"""Length of a site along the road, metres."""

REGISTER_OFFSET_M = 40.0
"""Distance from the centre line of the position the register gives for a site, metres."""

CHARGER_OFFSET_M = 85.0
"""Distance from the centre line of a charging station inside a site, metres."""

Side = Literal["forward", "backward", "both"]

DIRECTION_NAMES: dict[str, tuple[str, str]] = {
    "G15": ("日照方向", "烟台方向"),
    "G18": ("潍坊方向", "烟台方向"),
    "G20": ("济南方向", "青岛方向"),
    "G2011": ("新河方向", "青岛方向"),
    "G22": ("莱芜方向", "青岛方向"),
}
"""Route -> (forward, backward) direction names as signed: the city the carriageway heads for."""


@dataclass(frozen=True)
class SampleSite:
    """One expressway service-area or parking-area site of the demo.

    Attributes
    ----------
    service_area_id
        Register id; ``None`` for the site that exists only in OpenStreetMap.
    name
        Site name, e.g. ``胶州服务区``.
    route_ref
        Expressway number.
    side
        ``forward`` / ``backward`` (the carriageway in / against waypoint order) or ``both``.
    km
        Chainage of the site's middle along the clipped centre line, kilometres.
    kind
        ``service_area`` or ``parking_area``.
    status
        ``open``, ``closed`` or ``under_construction``.
    opened
        Opening date, or ``None`` when not open yet.
    car_parking_spaces
        Small passenger-car parking spaces.
    crs
        Coordinate system the register gives the position in: ``WGS84`` or ``GCJ02``.
    in_osm
        Whether the demo OSM network has the site.
    """

    service_area_id: str | None
    name: str
    route_ref: str
    side: Side
    km: float
    kind: Literal["service_area", "parking_area"]
    status: Literal["open", "closed", "under_construction"]
    opened: dt.date | None
    car_parking_spaces: int
    crs: Literal["WGS84", "GCJ02"]
    in_osm: bool

    @property
    def direction(self) -> str:
        """Register direction: ``both`` or the name of the city the carriageway heads for."""
        if self.side == "both":
            return "both"
        forward, backward = DIRECTION_NAMES[self.route_ref]
        return forward if self.side == "forward" else backward

    @property
    def side_sign(self) -> int:
        """+1 where the site stands right of the centre line (forward, both), -1 on the left."""
        return -1 if self.side == "backward" else 1

    @property
    def chainage_m(self) -> float:
        """Chainage of the site's middle, metres."""
        return self.km * 1000.0


def _site(sid: str | None, name: str, route: str, side: Side, km: float, opened: str | None,
          spaces: int, *, crs: Literal["WGS84", "GCJ02"] = "WGS84",
          kind: Literal["service_area", "parking_area"] = "service_area",
          status: Literal["open", "closed", "under_construction"] = "open",
          in_osm: bool = True) -> SampleSite:
    date = dt.date.fromisoformat(opened) if opened else None
    return SampleSite(sid, name, route, side, km, kind, status, date, spaces, crs, in_osm)


# fmt: off
SITES: tuple[SampleSite, ...] = (
    _site("SA-G15-01", "莱西服务区", "G15", "forward", 29.6, "2002-11-28", 120),
    _site("SA-G15-02", "莱西服务区", "G15", "backward", 30.4, "2002-11-28", 110, crs="GCJ02"),
    _site("SA-G15-03", "南村服务区", "G15", "forward", 87.6, "2019-06-28", 150),
    _site("SA-G15-04", "南村服务区", "G15", "backward", 88.4, "2019-06-28", 150),
    _site("SA-G15-05", "胶州服务区", "G15", "forward", 117.6, "2002-11-28", 240),
    _site("SA-G15-06", "胶州服务区", "G15", "backward", 118.4, "2002-11-28", 110, crs="GCJ02"),
    _site("SA-G15-07", "胶南服务区", "G15", "forward", 165.6, "2003-12-26", 150),
    _site("SA-G15-08", "胶南服务区", "G15", "backward", 166.4, "2003-12-26", 170),
    _site("SA-G15-09", "泊里停车区", "G15", "forward", 190.0, "2016-08-18", 36, kind="parking_area"),
    _site("SA-G20-01", "棘洪滩服务区", "G20", "forward", 24.0, None, 160,
          status="under_construction", in_osm=False),
    _site("SA-G20-02", "胶莱服务区", "G20", "forward", 47.6, "1993-12-18", 140, crs="GCJ02"),
    _site("SA-G20-03", "胶莱服务区", "G20", "backward", 48.4, "1993-12-18", 150),
    _site("SA-G20-04", "仁兆服务区", "G20", "forward", 84.6, "1993-12-18", 110),
    _site("SA-G20-05", "仁兆服务区", "G20", "backward", 85.4, "1993-12-18", 110, crs="GCJ02"),
    _site(None, "大沽河服务区", "G20", "backward", 66.0, "2012-07-01", 100),
    _site("SA-G22-01", "洋河服务区", "G22", "forward", 39.6, "2007-12-26", 120),
    _site("SA-G22-02", "洋河服务区", "G22", "backward", 40.4, "2007-12-26", 110),
    _site("SA-G22-03", "铺集服务区", "G22", "forward", 77.6, "2007-12-26", 90),
    _site("SA-G22-04", "铺集服务区", "G22", "backward", 78.4, "2007-12-26", 90, crs="GCJ02"),
    _site("SA-G2011-01", "夏格庄服务区", "G2011", "both", 20.0, "2009-10-30", 180),
    _site("SA-G2011-02", "平度服务区", "G2011", "forward", 79.6, "2009-10-30", 90),
    _site("SA-G2011-03", "平度服务区", "G2011", "backward", 80.4, "2009-10-30", 100),
    _site("SA-G18-01", "新河服务区", "G18", "forward", 21.6, "2008-12-20", 70),
    _site("SA-G18-02", "新河服务区", "G18", "backward", 22.4, "2008-12-20", 80),
)
# fmt: on
"""Every site of the demo, register sites first by route, then the OSM-only site."""


def register_sites() -> list[SampleSite]:
    """The sites the register lists (all but the OSM-only one), in register order."""
    return [s for s in SITES if s.service_area_id is not None]


def site_by_id(service_area_id: str) -> SampleSite:
    """The site with register id ``service_area_id``."""
    for site in SITES:
        if site.service_area_id == service_area_id:
            return site
    raise KeyError(service_area_id)


def site_position(site: SampleSite, alignment: Alignment, *, along_m: float = 0.0,
                  offset_m: float = REGISTER_OFFSET_M) -> Point:
    """WGS84 ``(lon, lat)`` of a point of the site.

    Parameters
    ----------
    site
        The site.
    alignment
        Its route's centre line.
    along_m
        Metres from the site's middle along the route (in waypoint order).
    offset_m
        Metres from the centre line, on the site's side.

    Returns
    -------
    tuple of float
        Longitude and latitude, degrees WGS84.
    """
    return alignment.lonlat_at(site.chainage_m + along_m, site.side_sign * offset_m)


def site_outline(site: SampleSite, alignment: Alignment) -> list[Point]:
    """Closed ring (first point repeated last) of the site's area, WGS84 ``(lon, lat)``."""
    start = site.chainage_m - SITE_LENGTH_M / 2
    end = site.chainage_m + SITE_LENGTH_M / 2
    sign = site.side_sign
    chainages = [start] + [c for c in alignment.chainages if start < c < end] + [end]
    near = [alignment.lonlat_at(c, sign * SITE_NEAR_EDGE_M) for c in chainages]
    far = [alignment.lonlat_at(c, sign * SITE_FAR_EDGE_M) for c in chainages]
    ring = near + far[::-1]
    return [*ring, ring[0]]


def register_position(site: SampleSite, alignment: Alignment) -> Point:
    """The position as the register gives it: in the site's coordinate system, rounded to 1e-6°."""
    lon, lat = site_position(site, alignment)
    if site.crs == "GCJ02":
        lon, lat = wgs84_to_gcj02(lon, lat)
    return round(lon, 6), round(lat, 6)


SERVICE_AREA_HEADERS = ("编号", "服务区名称", "路线编号", "方向", "类型", "经度", "纬度", "坐标系",
                        "状态", "开通日期", "小客车车位数")
"""Headers of ``service_areas.xlsx`` (Chinese aliases of the contract columns)."""

_KIND_LABELS = {"service_area": "服务区", "parking_area": "停车区"}
_STATUS_LABELS = {"open": "运营", "closed": "关闭", "under_construction": "在建"}


def service_area_rows(alignments: dict[str, Alignment]) -> list[list[object]]:
    """Register rows, one per register site, as written to ``service_areas.xlsx``.

    Returns
    -------
    list of list
        Cells in :data:`SERVICE_AREA_HEADERS` order: id, name, route, direction, kind label
        (服务区/停车区), lon, lat (degrees, in the row's coordinate system), coordinate system,
        status label (运营/关闭/在建), opening date (``datetime.date`` or ``None``), parking spaces.
    """
    rows: list[list[object]] = []
    for site in register_sites():
        lon, lat = register_position(site, alignments[site.route_ref])
        rows.append([
            site.service_area_id, site.name, site.route_ref, site.direction, _KIND_LABELS[site.kind],
            lon, lat, site.crs, _STATUS_LABELS[site.status], site.opened, site.car_parking_spaces,
        ])
    return rows


def write_service_areas(path: Path, alignments: dict[str, Alignment]) -> Path:
    """Write ``service_areas.xlsx``: a title row, the Chinese header row, one row per site.

    Dates are real Excel date cells; coordinates have six decimals.
    """
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "服务区"
    sheet.append([f"青岛市高速公路服务区名录（导出日期 2026-01-15）— {SYNTHETIC_NOTE}"])
    sheet["A1"].font = Font(bold=True)
    sheet.append(list(SERVICE_AREA_HEADERS))
    for row in service_area_rows(alignments):
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=3):
        cells[5].number_format = cells[6].number_format = "0.000000"
        cells[9].number_format = "yyyy-mm-dd"
    for letter, width in zip("ABCDEFGHIJK", (12, 14, 9, 10, 8, 12, 11, 8, 8, 12, 12), strict=True):
        sheet.column_dimensions[letter].width = width
    return save_workbook_stable(workbook, path, author="qdtransport sample data")
