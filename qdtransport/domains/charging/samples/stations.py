"""The synthetic charging stations at the demo's service areas, and ``charging_stations.csv``.

One :class:`SampleStation` per station. The register file lists the stations with
``in_register``; the OSM demo maps the stations with ``in_osm`` that are still in service at the
export date. Stations stand inside their site's area (see :mod:`qdtransport.domains.charging.samples.sites`),
except the town station, which stands 2 km off the motorway beside Pingdu and belongs to no site.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from qdtransport.coords import wgs84_to_bd09, wgs84_to_gcj02
from qdtransport.domains.charging.samples.alignments import Alignment, Point
from qdtransport.domains.charging.samples.sites import (
    CHARGER_OFFSET_M,
    SITES,
    SampleSite,
    site_by_id,
    site_position,
)
from qdtransport.samples.notes import ROW_NOTE

EXPORT_DATE = dt.date(2026, 1, 15)
"""Date the registers were exported; stations decommissioned before it are not mapped in OSM."""

STATE_GRID = "国网山东电动汽车服务有限公司"
TELD = "特来电新能源股份有限公司"
STAR_CHARGE = "星星充电"
SD_HIGHWAY = "山东高速能源发展有限公司"

TOWN_STATION_ROUTE_KM = ("G2011", 80.0)
"""Route and chainage (km) the town station stands beside: the Pingdu end of 平度服务区."""

TOWN_STATION_OFFSET_M = 2000.0
"""How far the town station stands from the G2011 centre line (east, towards Pingdu), metres."""


@dataclass(frozen=True)
class SampleStation:
    """One charging station of the demo.

    Attributes
    ----------
    station_id
        Operator's station id.
    site
        The site the station stands in; ``None`` for the town station.
    operator
        Charging operator.
    dc_connectors, ac_connectors
        Connectors ("guns").
    max_power_kw
        Highest single-connector power, kW.
    charging_spaces
        Parking spaces with a charger.
    commissioned, decommissioned
        Service dates (``decommissioned`` ``None`` while in service).
    gives_site_id
        Whether the register row fills 服务区编号 (operators' own lists often leave it empty, so
        the station must be matched to its site by distance).
    crs
        Coordinate system of the register position (``WGS84``, ``GCJ02`` or ``BD09``).
    along_m
        Position along the route from the site's middle, metres (to keep stations apart).
    in_register, in_osm
        Whether the register file lists it; whether the OSM demo maps it.
    name_style
        How the operator names stations: ``grid`` 国网X服务区(Y)充电站, ``plain`` X服务区(Y)充电站,
        ``brand`` X服务区Y星星充电站, or ``town`` for the town station's own name.
    """

    station_id: str
    site: SampleSite | None
    operator: str
    dc_connectors: int
    ac_connectors: int
    max_power_kw: float
    charging_spaces: int
    commissioned: dt.date
    decommissioned: dt.date | None
    gives_site_id: bool
    crs: Literal["WGS84", "GCJ02", "BD09"]
    along_m: float
    in_register: bool
    in_osm: bool
    name_style: Literal["grid", "plain", "brand", "town"]

    @property
    def name(self) -> str:
        """Station name as the operator lists it."""
        if self.site is None:
            return "平度市李园街道公共充电站"
        where = (
            self.site.name
            if self.site.direction == "both"
            else f"{self.site.name}({self.site.direction})"
        )
        if self.name_style == "grid":
            return f"国网{where}充电站"
        if self.name_style == "brand":
            return f"{self.site.name}{'' if self.site.direction == 'both' else self.site.direction}星星充电站"
        return f"{where}充电站"

    def active_on(self, day: dt.date) -> bool:
        """In service on ``day``: commissioned on or before it and not decommissioned by then."""
        return self.commissioned <= day and (
            self.decommissioned is None or self.decommissioned > day
        )


def _station(station_id: str, site_id: str | None, operator: str, dc: int, ac: int, kw: float,
             spaces: int, commissioned: str, *, decommissioned: str | None = None,
             gives_site_id: bool = True, crs: Literal["WGS84", "GCJ02", "BD09"] = "WGS84",
             along_m: float = 0.0, in_register: bool = True, in_osm: bool = True,
             name_style: Literal["grid", "plain", "brand", "town"] = "grid") -> SampleStation:
    if site_id is None:
        site = None
    elif site_id.startswith("SA-"):
        site = site_by_id(site_id)
    else:  # the OSM-only site, by name
        site = next(s for s in SITES if s.service_area_id is None and s.name == site_id)
    return SampleStation(
        station_id, site, operator, dc, ac, kw, spaces, dt.date.fromisoformat(commissioned),
        dt.date.fromisoformat(decommissioned) if decommissioned else None, gives_site_id, crs,
        along_m, in_register, in_osm, name_style,
    )


# fmt: off
STATIONS: tuple[SampleStation, ...] = (
    # 2016: State Grid's intercity fast chargers on G20 青银 and G22 青兰 (Shandong's 2016 plan)
    _station("GW37020001", "SA-G20-02", STATE_GRID, 4, 2, 60, 6, "2016-09-28"),
    _station("GW37020002", "SA-G20-03", STATE_GRID, 4, 2, 60, 6, "2016-09-28"),
    _station("GW37020003", "SA-G20-04", STATE_GRID, 4, 2, 60, 6, "2016-10-20"),
    _station("GW37020004", "SA-G20-05", STATE_GRID, 4, 2, 60, 12, "2016-10-20"),
    _station("GW37020005", "SA-G22-01", STATE_GRID, 4, 2, 60, 6, "2016-12-15"),
    _station("GW37020006", "SA-G22-02", STATE_GRID, 4, 2, 60, 12, "2016-12-15"),
    _station("GW37020007", "SA-G22-04", STATE_GRID, 4, 2, 60, 10, "2016-12-20"),
    # 2017-2019: State Grid's push for full coverage of Shandong's service areas
    _station("GW37020008", "SA-G15-01", STATE_GRID, 4, 2, 60, 6, "2017-06-30",
             decommissioned="2021-09-30"),
    _station("GW37020009", "SA-G15-02", STATE_GRID, 4, 2, 60, 12, "2017-06-30"),
    _station("GW37020010", "SA-G15-05", STATE_GRID, 2, 2, 60, 4, "2017-07-15"),
    _station("GW37020011", "SA-G15-06", STATE_GRID, 4, 2, 60, 12, "2017-07-15"),
    _station("GW37020012", "SA-G15-07", STATE_GRID, 4, 2, 60, 6, "2017-09-01"),
    _station("GW37020013", "SA-G15-08", STATE_GRID, 4, 2, 60, 18, "2017-09-01"),
    _station("GW37020014", "SA-G2011-02", STATE_GRID, 4, 2, 60, 10, "2018-05-18"),
    _station("GW37020015", "SA-G2011-03", STATE_GRID, 4, 2, 60, 6, "2018-05-18"),
    _station("GW37020016", "SA-G15-03", STATE_GRID, 6, 2, 120, 16, "2019-12-20"),
    _station("GW37020017", "SA-G15-04", STATE_GRID, 6, 2, 120, 16, "2019-12-20"),
    # 2020-2025: new operators add faster stations, often listed without the register's site id
    _station("TLD0532001", "SA-G2011-01", TELD, 8, 2, 120, 20, "2020-11-26",
             gives_site_id=False, crs="GCJ02", name_style="plain"),
    _station("TLD0532002", "SA-G15-01", TELD, 6, 0, 120, 14, "2021-10-15",
             gives_site_id=False, crs="GCJ02", along_m=80, name_style="plain"),
    _station("XX0532001", "SA-G20-02", STAR_CHARGE, 8, 0, 160, 10, "2022-08-30",
             gives_site_id=False, crs="GCJ02", along_m=80, name_style="brand"),
    _station("XX0532002", "SA-G20-03", STAR_CHARGE, 8, 0, 160, 10, "2022-08-30",
             gives_site_id=False, crs="BD09", along_m=80, name_style="brand"),
    _station("SDGS0001", "SA-G20-04", SD_HIGHWAY, 4, 0, 120, 6, "2022-12-28",
             along_m=80, name_style="plain"),
    _station("XX0532003", "SA-G15-05", STAR_CHARGE, 4, 0, 160, 8, "2023-01-18",
             gives_site_id=False, crs="GCJ02", along_m=80, name_style="brand"),
    _station("SDGS0002", "SA-G18-01", SD_HIGHWAY, 4, 2, 120, 8, "2023-09-28", name_style="plain"),
    _station("SDGS0003", "SA-G2011-03", SD_HIGHWAY, 4, 0, 160, 6, "2023-12-20",
             along_m=80, name_style="plain"),
    _station("XX0532004", "SA-G22-01", STAR_CHARGE, 6, 0, 160, 8, "2024-06-28",
             gives_site_id=False, crs="GCJ02", along_m=80, name_style="brand"),
    _station("GW37020018", "SA-G15-09", STATE_GRID, 2, 2, 120, 4, "2024-09-30"),
    _station("XX0532005", "SA-G15-07", STAR_CHARGE, 8, 0, 180, 10, "2025-06-30",
             gives_site_id=False, crs="GCJ02", along_m=80, name_style="brand"),
    _station("TLD0532003", "SA-G22-03", TELD, 4, 0, 160, 10, "2025-11-20",
             gives_site_id=False, crs="GCJ02", in_osm=False, name_style="plain"),
    # the town station: 2 km off G2011, within no site
    _station("TLD0532004", None, TELD, 10, 4, 120, 14, "2021-05-01",
             gives_site_id=False, crs="GCJ02", name_style="town"),
    # mapped in OpenStreetMap only: the register does not know the site or its charger
    _station("OSM-ONLY-1", "大沽河服务区", STATE_GRID, 4, 0, 120, 4, "2020-06-30",
             in_register=False, name_style="grid"),
)
# fmt: on
"""Every station of the demo, in register order (the OSM-only one last)."""


def station_position(station: SampleStation, alignments: dict[str, Alignment]) -> Point:
    """True WGS84 ``(lon, lat)`` of a station."""
    if station.site is None:
        route, km = TOWN_STATION_ROUTE_KM
        return alignments[route].lonlat_at(km * 1000.0, TOWN_STATION_OFFSET_M)
    site = station.site
    return site_position(
        site, alignments[site.route_ref], along_m=station.along_m, offset_m=CHARGER_OFFSET_M
    )


def register_station_position(station: SampleStation, alignments: dict[str, Alignment]) -> Point:
    """The position as the register gives it: in the row's coordinate system, rounded to 1e-6°."""
    lon, lat = station_position(station, alignments)
    if station.crs == "GCJ02":
        lon, lat = wgs84_to_gcj02(lon, lat)
    elif station.crs == "BD09":
        lon, lat = wgs84_to_bd09(lon, lat)
    return round(lon, 6), round(lat, 6)


CHARGING_HEADERS = ("充电站编号", "充电站名称", "运营商", "经度", "纬度", "坐标系", "服务区编号", "直流枪数",
                    "交流枪数", "最大功率", "充电车位数", "投运日期", "停运日期", "备注")
"""Headers of ``charging_stations.csv``: the contract's Chinese aliases, plus a 备注 (note) column."""


def charging_station_rows(alignments: dict[str, Alignment]) -> list[list[str]]:
    """Register rows as text, one per station with ``in_register``, in :data:`CHARGING_HEADERS` order.

    Coordinates have six decimals in the row's system; power is kW with no decimals; dates are
    ``YYYY-MM-DD``; an empty site id or decommissioning date is an empty string.
    """
    rows = []
    for station in STATIONS:
        if not station.in_register:
            continue
        lon, lat = register_station_position(station, alignments)
        site_id = station.site.service_area_id if station.site and station.gives_site_id else None
        rows.append([
            station.station_id, station.name, station.operator, f"{lon:.6f}", f"{lat:.6f}", station.crs,
            site_id or "", str(station.dc_connectors), str(station.ac_connectors),
            f"{station.max_power_kw:.0f}", str(station.charging_spaces), station.commissioned.isoformat(),
            station.decommissioned.isoformat() if station.decommissioned else "", ROW_NOTE,
        ])
    return rows


def write_charging_stations(path: Path, alignments: dict[str, Alignment]) -> Path:
    """Write ``charging_stations.csv``: UTF-8 with BOM, CRLF line ends, Chinese headers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CHARGING_HEADERS)
    writer.writerows(charging_station_rows(alignments))
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path
