"""The input tables as data: columns, types, aliases, domains, keys and row rules.

This module is the executable form of the input contract (``spec/inputs.md``). The ingest layer
reads nothing but these definitions, so a new table is a new :class:`Table` here, not a new code
path. Enum values map canonical codes to the spellings found in real exports (Chinese labels
first); matching is case-insensitive after Unicode NFKC normalisation and trimming.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from qdtransport.coords import CRS_ALIASES, CRS_CODES
from qdtransport.rules import (
    CONTAINER_NO,
    ISO_TYPE,
    PLATE,
    VIN,
    ColumnCheck,
    DateNotBefore,
    PlateMatchesPowertrain,
    RowRule,
)

ColumnType = Literal["text", "int", "float", "date", "timestamp", "bool", "enum", "month"]

CRS_VALUES: dict[str, tuple[str, ...]] = {
    code: tuple(alias for alias, target in CRS_ALIASES.items() if target == code) for code in CRS_CODES
}
"""Coordinate systems and their spellings, from :mod:`qdtransport.coords`."""


@dataclass(frozen=True)
class Column:
    """One canonical column of an input table.

    Attributes
    ----------
    name
        Canonical (English) name, as stored in the warehouse.
    type
        How the raw text is parsed; see :mod:`qdtransport.parsing`.
    required
        The file must have the column and every row a value (else ``missing_value``).
    aliases
        Other header spellings (Chinese labels of real exports).
    values
        For ``enum``: canonical code -> accepted spellings (the code itself is always accepted).
    minimum, minimum_inclusive, maximum
        Numeric or date domain; outside it the row is rejected (``out_of_range``).
    check
        Identifier check of a text column, an object of :mod:`qdtransport.rules`
        (``VIN``, ``CONTAINER_NO``, ``ISO_TYPE``, ``PLATE``).
    default
        Value used when the cell is empty (only for optional columns).
    description
        Meaning and unit, copied into the warehouse as the column comment.
    """

    name: str
    type: ColumnType
    description: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    values: dict[str, tuple[str, ...]] | None = None
    minimum: float | dt.date | None = None
    minimum_inclusive: bool = True
    maximum: float | dt.date | None = None
    check: ColumnCheck | None = None
    default: str | None = None

    def __post_init__(self) -> None:
        """Refuse a check that is not a check object (a name would silently check nothing)."""
        if self.check is not None and not isinstance(self.check, ColumnCheck):
            raise TypeError(f"column {self.name}: check must be a ColumnCheck object, not {self.check!r}")
        if self.check is not None and self.type != "text":
            raise TypeError(f"column {self.name}: identifier checks apply to text columns")


@dataclass(frozen=True)
class Table:
    """One input table of the contract.

    Attributes
    ----------
    name
        Table name; also the file or folder name in the data directory.
    grain
        What one row is; becomes the table comment.
    columns
        The canonical columns in warehouse order.
    key
        Columns that identify a row. Rows equal on every column collapse to one (counted as
        duplicates); rows equal on the key but different elsewhere are conflicting duplicates.
    key_conflicts
        ``"reject"``: every row of a conflicting key group is rejected (``duplicate_conflict``);
        ``"keep"``: they are all loaded and the SQL decides (e.g. one move recorded twice).
    rules
        Row rules run after parsing (rejects and warnings).
    """

    name: str
    grain: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    key_conflicts: Literal["reject", "keep"] = "reject"
    rules: tuple[RowRule, ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        """Canonical column names in order."""
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        """The column called ``name``."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


EARLIEST_DATE = dt.date(1980, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)


def _date(name: str, description: str, *, required: bool = False, aliases: tuple[str, ...] = ()) -> Column:
    return Column(
        name, "date", description, required=required, aliases=aliases,
        minimum=EARLIEST_DATE, maximum=LATEST_DATE,
    )  # fmt: skip


def _coordinate(name: str, description: str, aliases: tuple[str, ...], low: float, high: float) -> Column:
    return Column(name, "float", description, required=True, aliases=aliases, minimum=low, maximum=high)


LON = _coordinate("lon", "Longitude in decimal degrees (WGS84 after load; the original is in source_lon)",
                  ("经度", "longitude", "lng", "x"), 73.0, 136.0)  # fmt: skip
LAT = _coordinate("lat", "Latitude in decimal degrees (WGS84 after load; the original is in source_lat)",
                  ("纬度", "latitude", "y"), 3.0, 54.0)  # fmt: skip
CRS = Column(
    "crs", "enum", "Coordinate reference system the source gave the position in: WGS84, GCJ02, BD09",
    aliases=("坐标系", "坐标系统"), values=CRS_VALUES, default="WGS84",
)  # fmt: skip

FLEET_REGISTER = Table(
    name="fleet_register",
    grain="one row per operating vehicle (bus or taxi) registration",
    key=("vin", "use_type", "registration_date"),
    columns=(
        Column("vin", "text", "Vehicle identification number (GB 16735 / ISO 3779, 17 characters)",
               required=True, aliases=("车辆识别代号", "车架号", "车辆识别号"), check=VIN),
        Column("plate", "text", "Number plate, e.g. 鲁B12345; new-energy plates have 8 characters",
               required=True, aliases=("号牌号码", "车牌号", "车牌号码", "号牌"), check=PLATE),
        Column("use_type", "enum", "Use: bus, cruising_taxi, ride_hailing, other", required=True,
               aliases=("使用性质", "营运类别"),
               values={
                   "bus": ("公交客运", "公交", "城市公交", "公共汽车"),
                   "cruising_taxi": ("巡游出租客运", "出租客运", "巡游出租车", "巡游出租", "出租车"),
                   "ride_hailing": ("预约出租客运", "网约车", "网络预约出租汽车"),
                   "other": ("其他", "其它"),
               }),
        Column("powertrain", "enum", "Powertrain / fuel (BEV, PHEV, EREV, FCEV are new-energy)",
               required=True, aliases=("动力类型", "燃料种类", "燃料类型"),
               values={
                   "BEV": ("纯电动", "纯电", "纯电动汽车"),
                   "PHEV": ("插电式混合动力", "插电混动", "插电式混合动力汽车"),
                   "EREV": ("增程式", "增程式电动", "增程式混合动力"),
                   "FCEV": ("燃料电池", "氢燃料电池", "燃料电池汽车"),
                   "HEV": ("油电混合", "油电混合动力"),
                   "PETROL": ("汽油",),
                   "DIESEL": ("柴油",),
                   "CNG": ("压缩天然气",),
                   "LNG": ("液化天然气",),
                   "LPG": ("液化石油气",),
                   "METHANOL": ("甲醇",),
                   "OTHER": ("其他", "其它"),
               }),
        _date("registration_date", "First registration for this use in the city", required=True,
              aliases=("注册登记日期", "初次登记日期", "登记日期")),
        _date("deregistration_date", "Scrapped or transferred out; null while active",
              aliases=("注销日期",)),
        Column("urban_built_up", "bool", "Operates in the urban built-up area (城市建成区)",
               required=True, aliases=("是否建成区", "建成区")),
        Column("district", "text", "District or county-level city", aliases=("所属区市", "区市", "辖区")),
        Column("operator", "text", "Operating company", aliases=("经营企业", "所属企业", "运营企业")),
    ),
    rules=(
        DateNotBefore("deregistration_date", "registration_date"),
        PlateMatchesPowertrain("plate", "powertrain"),
    ),
)  # fmt: skip

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
        _date("opened_date", "Date the site opened", aliases=("开通日期", "开业日期")),
        Column("car_parking_spaces", "int", "Small passenger-car parking spaces",
               aliases=("小客车车位数", "小车车位数"), minimum=0),
    ),
)  # fmt: skip

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
        _date("commissioned_date", "Date the station went into service", required=True,
              aliases=("投运日期", "投入运营日期")),
        _date("decommissioned_date", "Date the station went out of service; null while in service",
              aliases=("停运日期",)),
    ),
    rules=(DateNotBefore("decommissioned_date", "commissioned_date"),),
)  # fmt: skip

SEA_RAIL_MOVES = Table(
    name="sea_rail_moves",
    grain="one row per container moved between rail and ship at the port (海铁联运作业记录)",
    key=("container_no", "direction", "move_time"),
    key_conflicts="keep",
    columns=(
        Column("move_id", "text", "Move record id", required=True, aliases=("作业编号",)),
        Column("container_no", "text", "ISO 6346 container number with check digit", required=True,
               aliases=("箱号", "集装箱号"), check=CONTAINER_NO),
        Column("iso_type", "text", "ISO 6346 size-type code; first character = length", required=True,
               aliases=("箱型", "箱型尺寸"), check=ISO_TYPE),
        Column("full_empty", "enum", "F (full) or E (empty)", required=True, aliases=("空重",),
               values={"F": ("重", "重箱", "full"), "E": ("空", "空箱", "empty")}),
        Column("direction", "enum", "rail_to_ship (集港) or ship_to_rail (疏港)", required=True,
               aliases=("方向",),
               values={"rail_to_ship": ("集港", "铁转海"), "ship_to_rail": ("疏港", "海转铁")}),
        Column("move_time", "timestamp", "Time of the move", required=True, aliases=("作业时间",),
               minimum=EARLIEST_DATE, maximum=LATEST_DATE),
        Column("terminal", "text", "Port terminal, e.g. 前湾", aliases=("码头", "港区")),
        Column("inland_node", "text", "Inland port or city served", aliases=("内陆港", "到发站")),
        Column("train_no", "text", "Train number", aliases=("班列号", "车次")),
    ),
)  # fmt: skip

SEA_RAIL_MONTHLY = Table(
    name="sea_rail_monthly",
    grain="one row per month: reported sea-rail TEU, for months without move records",
    key=("month",),
    columns=(
        Column("month", "month", "Month, YYYY-MM", required=True, aliases=("月份",)),
        Column("teu", "float", "Reported sea-rail volume, TEU", required=True,
               aliases=("标准箱", "海铁联运量"), minimum=0),
        Column("source", "text", "Publication or system the figure comes from", aliases=("来源",)),
    ),
)  # fmt: skip

PORT_BULK_FLOWS = Table(
    name="port_bulk_flows",
    grain="one row per month, terminal, cargo, flow and mode: tonnes collected to or distributed from the port",
    key=("month", "terminal", "cargo", "flow", "mode"),
    columns=(
        Column("month", "month", "Month, YYYY-MM", required=True, aliases=("月份",)),
        Column("terminal", "text", "Port area or terminal", aliases=("港区", "码头")),
        Column("cargo", "enum", "Cargo class", required=True, aliases=("货类",),
               values={
                   "coal": ("煤炭",), "iron_ore": ("铁矿石",), "coke": ("焦炭",), "bauxite": ("铝土矿",),
                   "other_ore": ("其他矿石",), "grain": ("粮食",), "crude_oil": ("原油",),
                   "oil_products": ("成品油",), "other": ("其他", "其它"),
               }),
        Column("flow", "enum", "to_port (集港) or from_port (疏港)", required=True,
               aliases=("集疏运方向", "方向"), values={"to_port": ("集港",), "from_port": ("疏港",)}),
        Column("mode", "enum", "Transport mode", required=True, aliases=("运输方式",),
               values={
                   "rail": ("铁路",), "waterway": ("水路",), "belt_conveyor": ("封闭式皮带廊道", "皮带廊道"),
                   "pipeline": ("管道",), "truck_nev": ("新能源货车",), "truck_diesel": ("柴油货车",),
                   "truck_lng": ("lng货车", "液化天然气货车"), "truck_other": ("其他货车",),
               }),
        Column("tonnes", "float", "Tonnes", required=True, aliases=("吨数", "运量"), minimum=0),
    ),
)  # fmt: skip

TRAVEL_SURVEY_TRIPS = Table(
    name="travel_survey_trips",
    grain="one row per surveyed trip (居民出行调查)",
    key=("survey_year", "trip_id"),
    columns=(
        Column("trip_id", "text", "Trip id", required=True, aliases=("出行编号",)),
        Column("person_id", "text", "Person id", aliases=("个人编号",)),
        Column("survey_year", "int", "Survey year", required=True, aliases=("调查年份",),
               minimum=1980, maximum=2100),
        Column("weight", "float", "Expansion factor", required=True, aliases=("扩样系数", "权重"),
               minimum=0, minimum_inclusive=False),
        Column("main_mode", "enum", "Main mode of the trip", required=True, aliases=("主要方式",),
               values={
                   "walk": ("步行",), "bicycle": ("自行车",), "e_bike": ("电动自行车",), "bus": ("公交",),
                   "metro": ("地铁", "轨道交通"), "taxi": ("出租车",), "ride_hailing": ("网约车",),
                   "car": ("小汽车",), "motorcycle": ("摩托车",), "shuttle": ("班车",), "other": ("其他", "其它"),
               }),
        Column("district", "text", "District", aliases=("区市",)),
        Column("distance_km", "float", "Trip distance, km", aliases=("出行距离",), minimum=0),
    ),
)  # fmt: skip

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        FLEET_REGISTER,
        SERVICE_AREAS,
        CHARGING_STATIONS,
        SEA_RAIL_MOVES,
        SEA_RAIL_MONTHLY,
        PORT_BULK_FLOWS,
        TRAVEL_SURVEY_TRIPS,
    )
}
"""Every input table of the contract, by name, in load order."""
