"""Input contract of the charging domain: service-area sites and charging stations."""

from __future__ import annotations

from qdtransport.contracts import Column, Table, date_column
from qdtransport.coords import CRS_ALIASES, CRS_CODES
from qdtransport.rules import DateNotBefore

CRS_VALUES: dict[str, tuple[str, ...]] = {
    code: tuple(alias for alias, target in CRS_ALIASES.items() if target == code) for code in CRS_CODES
}
"""Coordinate systems and their spellings, from :mod:`qdtransport.coords`."""


def _coordinate(name: str, description: str, aliases: tuple[str, ...], low: float, high: float) -> Column:
    return Column(name, "float", description, required=True, aliases=aliases, minimum=low, maximum=high)


LON = _coordinate("lon", "Longitude in decimal degrees (WGS84 after load; the original is in source_lon)",
                  ("经度", "longitude", "lng", "x"), 73.0, 136.0)
LAT = _coordinate("lat", "Latitude in decimal degrees (WGS84 after load; the original is in source_lat)",
                  ("纬度", "latitude", "y"), 3.0, 54.0)
CRS = Column(
    "crs", "enum", "Coordinate reference system the source gave the position in: WGS84, GCJ02, BD09",
    aliases=("坐标系", "坐标系统"), values=CRS_VALUES, default="WGS84",
)

SITE_STATUS = {
    "open": ("运营", "营业", "开放", "正常"),
    "closed": ("关闭", "停业", "暂停营业"),
    "under_construction": ("在建", "建设中"),
}

SERVICE_AREAS = Table(
    name="service_areas",
    grain="one row per expressway service-area site (one per side where the sides are separate sites)",
    key=("service_area_id",),
    columns=(
        Column("service_area_id", "text", "Register id of the site", required=True,
               aliases=("编号", "服务区编号")),
        Column("name", "text", "Site name, e.g. 胶州服务区", required=True,
               aliases=("名称", "服务区名称")),
        Column("route_ref", "text", "Expressway number, e.g. G20", required=True,
               aliases=("所属高速", "路线编号", "高速编号")),
        Column("direction", "text", "'both', or the carriageway served, e.g. 济南方向", required=True,
               aliases=("方向",)),
        Column("kind", "enum", "service_area or parking_area (停车区)", aliases=("类型",),
               values={"service_area": ("服务区",), "parking_area": ("停车区",)},
               default="service_area"),
        LON, LAT, CRS,
        Column("status", "enum", "open, closed or under_construction", required=True,
               aliases=("状态", "运营状态"), values=SITE_STATUS),
        date_column("opened_date", "Date the site opened", aliases=("开通日期", "开业日期")),
        Column("car_parking_spaces", "int", "Small passenger-car parking spaces",
               aliases=("小客车车位数", "小车车位数"), minimum=0),
    ),
)

CHARGING_STATIONS = Table(
    name="charging_stations",
    grain="one row per charging station",
    key=("station_id",),
    columns=(
        Column("station_id", "text", "Operator's station id", required=True, aliases=("充电站编号", "站点编号")),
        Column("name", "text", "Station name, often with site and direction", required=True,
               aliases=("充电站名称", "站点名称")),
        Column("operator", "text", "Charging operator", aliases=("运营商", "运营单位")),
        LON, LAT, CRS,
        Column("service_area_id", "text", "Register id of the site the station belongs to, if known",
               aliases=("服务区编号", "所属服务区编号")),
        Column("dc_connectors", "int", "DC (fast) connectors", required=True,
               aliases=("直流枪数", "直流桩数", "直流充电枪数"), minimum=0),
        Column("ac_connectors", "int", "AC connectors", required=True,
               aliases=("交流枪数", "交流桩数", "交流充电枪数"), minimum=0),
        Column("max_power_kw", "float", "Highest single-connector power, kW",
               aliases=("最大功率", "最大功率kw", "单枪最大功率"), minimum=0, minimum_inclusive=False),
        Column("charging_spaces", "int", "Parking spaces with a charger",
               aliases=("充电车位数", "充电车位"), minimum=0),
        date_column("commissioned_date", "Date the station went into service", required=True,
              aliases=("投运日期", "投入运营日期")),
        date_column("decommissioned_date", "Date the station went out of service; null while in service",
              aliases=("停运日期",)),
    ),
    rules=(DateNotBefore("decommissioned_date", "commissioned_date"),),
)

TABLES: tuple[Table, ...] = (SERVICE_AREAS, CHARGING_STATIONS)
"""The tables of the charging domain, in load order."""
