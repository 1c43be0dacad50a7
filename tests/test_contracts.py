"""The contract tables agree with the written input contract (spec/inputs.md).

The expectations are the contract's tables copied out by hand: columns in order, which are
required, the Chinese header aliases and enum spellings it lists, domains and keys.
"""

from __future__ import annotations

import datetime as dt

import pytest

from qdtransport.contracts import Column, Table
from qdtransport.domains import TABLES
from qdtransport.ingest import header_lookup
from qdtransport.parsing import enum_lookup
from qdtransport.readers import normalise_header
from qdtransport.rules import CONTAINER_NO, ISO_TYPE, PLATE, VIN, DateNotBefore, PlateMatchesPowertrain

# table -> [(column, type, required, Chinese aliases from the contract)]
SPEC_COLUMNS: dict[str, list[tuple[str, str, bool, tuple[str, ...]]]] = {
    "fleet_register": [
        ("vin", "text", True, ("车辆识别代号", "VIN")),
        ("plate", "text", True, ("号牌号码", "车牌号")),
        ("use_type", "enum", True, ("使用性质",)),
        ("powertrain", "enum", True, ("动力类型", "燃料种类")),
        ("registration_date", "date", True, ("注册登记日期", "初次登记日期")),
        ("deregistration_date", "date", False, ("注销日期",)),
        ("urban_built_up", "bool", True, ("是否建成区",)),
        ("district", "text", False, ("所属区市",)),
        ("operator", "text", False, ("经营企业", "所属企业")),
    ],
    "service_areas": [
        ("service_area_id", "text", True, ("编号",)),
        ("name", "text", True, ("名称", "服务区名称")),
        ("route_ref", "text", True, ("所属高速", "路线编号")),
        ("direction", "text", True, ("方向",)),
        ("kind", "enum", False, ("类型",)),
        ("lon", "float", True, ("经度",)),
        ("lat", "float", True, ("纬度",)),
        ("crs", "enum", False, ("坐标系",)),
        ("status", "enum", True, ("状态",)),
        ("opened_date", "date", False, ("开通日期",)),
        ("car_parking_spaces", "int", False, ("小客车车位数",)),
    ],
    "charging_stations": [
        ("station_id", "text", True, ("充电站编号",)),
        ("name", "text", True, ("充电站名称",)),
        ("operator", "text", False, ("运营商",)),
        ("lon", "float", True, ("经度",)),
        ("lat", "float", True, ("纬度",)),
        ("crs", "enum", False, ("坐标系",)),
        ("service_area_id", "text", False, ("服务区编号",)),
        ("dc_connectors", "int", True, ("直流枪数",)),
        ("ac_connectors", "int", True, ("交流枪数",)),
        ("max_power_kw", "float", False, ("最大功率",)),
        ("charging_spaces", "int", False, ("充电车位数",)),
        ("commissioned_date", "date", True, ("投运日期",)),
        ("decommissioned_date", "date", False, ("停运日期",)),
    ],
    "sea_rail_moves": [
        ("move_id", "text", True, ("作业编号",)),
        ("container_no", "text", True, ("箱号",)),
        ("iso_type", "text", True, ("箱型",)),
        ("full_empty", "enum", True, ("空重",)),
        ("direction", "enum", True, ("方向",)),
        ("move_time", "timestamp", True, ("作业时间",)),
        ("terminal", "text", False, ("码头",)),
        ("inland_node", "text", False, ("内陆港", "到发站")),
        ("train_no", "text", False, ("班列号",)),
    ],
    "sea_rail_monthly": [
        ("month", "month", True, ()),
        ("teu", "float", True, ()),
        ("source", "text", False, ()),
    ],
    "port_bulk_flows": [
        ("month", "month", True, ("月份",)),
        ("terminal", "text", False, ("港区", "码头")),
        ("cargo", "enum", True, ("货类",)),
        ("flow", "enum", True, ("集疏运方向",)),
        ("mode", "enum", True, ("运输方式",)),
        ("tonnes", "float", True, ("吨数",)),
    ],
    "travel_survey_trips": [
        ("trip_id", "text", True, ("出行编号",)),
        ("person_id", "text", False, ("个人编号",)),
        ("survey_year", "int", True, ("调查年份",)),
        ("weight", "float", True, ("扩样系数", "权重")),
        ("main_mode", "enum", True, ("主要方式",)),
        ("district", "text", False, ("区市",)),
        ("distance_km", "float", False, ("出行距离",)),
    ],
}

# (table, column) -> {spelling in the contract: code}
SPEC_ENUMS: dict[tuple[str, str], dict[str, str]] = {
    ("fleet_register", "use_type"): {
        "bus": "bus", "cruising_taxi": "cruising_taxi", "ride_hailing": "ride_hailing", "other": "other",
        "公交客运": "bus", "巡游出租客运": "cruising_taxi", "出租客运": "cruising_taxi",
        "预约出租客运": "ride_hailing", "其他": "other",
    },
    ("fleet_register", "powertrain"): {
        **{code: code for code in
           ("BEV", "PHEV", "EREV", "FCEV", "HEV", "PETROL", "DIESEL", "CNG", "LNG", "LPG", "METHANOL", "OTHER")},
        "纯电动": "BEV", "插电式混合动力": "PHEV", "增程式": "EREV", "燃料电池": "FCEV", "油电混合": "HEV",
        "汽油": "PETROL", "柴油": "DIESEL", "压缩天然气": "CNG", "液化天然气": "LNG", "液化石油气": "LPG",
        "甲醇": "METHANOL", "其他": "OTHER",
    },
    ("service_areas", "kind"): {
        "service_area": "service_area", "parking_area": "parking_area", "停车区": "parking_area"
    },
    ("service_areas", "crs"): {"WGS84": "WGS84", "GCJ02": "GCJ02", "BD09": "BD09"},
    ("service_areas", "status"): {
        "open": "open", "closed": "closed", "under_construction": "under_construction",
        "运营": "open", "关闭": "closed", "在建": "under_construction",
    },
    ("sea_rail_moves", "full_empty"): {"F": "F", "E": "E", "重": "F", "空": "E"},
    ("sea_rail_moves", "direction"): {
        "rail_to_ship": "rail_to_ship", "ship_to_rail": "ship_to_rail", "集港": "rail_to_ship", "疏港": "ship_to_rail",
    },
    ("port_bulk_flows", "cargo"): {
        "煤炭": "coal", "铁矿石": "iron_ore", "焦炭": "coke", "铝土矿": "bauxite", "其他矿石": "other_ore",
        "粮食": "grain", "原油": "crude_oil", "成品油": "oil_products", "其他": "other",
    },
    ("port_bulk_flows", "flow"): {
        "to_port": "to_port", "from_port": "from_port", "集港": "to_port", "疏港": "from_port"
    },
    ("port_bulk_flows", "mode"): {
        "铁路": "rail", "水路": "waterway", "封闭式皮带廊道": "belt_conveyor", "管道": "pipeline",
        "新能源货车": "truck_nev", "柴油货车": "truck_diesel", "LNG货车": "truck_lng", "其他货车": "truck_other",
    },
    ("travel_survey_trips", "main_mode"): {
        "步行": "walk", "自行车": "bicycle", "电动自行车": "e_bike", "公交": "bus", "地铁": "metro",
        "出租车": "taxi", "网约车": "ride_hailing", "小汽车": "car", "摩托车": "motorcycle", "班车": "shuttle",
        "其他": "other",
    },
}

SPEC_KEYS = {
    "fleet_register": ("vin", "use_type", "registration_date"),
    "sea_rail_moves": ("container_no", "direction", "move_time"),
    "sea_rail_monthly": ("month",),
}


def test_the_contract_has_the_specified_tables() -> None:
    assert list(TABLES) == list(SPEC_COLUMNS)


@pytest.mark.parametrize("name", SPEC_COLUMNS)
def test_columns_types_required_and_aliases(name: str) -> None:
    table = TABLES[name]
    assert [(c.name, c.type, c.required) for c in table.columns] == [s[:3] for s in SPEC_COLUMNS[name]]
    lookup = header_lookup(table)
    for column, _, _, aliases in SPEC_COLUMNS[name]:
        for alias in (column, *aliases):
            assert lookup[normalise_header(alias)] == column, (name, alias)


@pytest.mark.parametrize(("name", "column"), SPEC_ENUMS)
def test_enum_spellings(name: str, column: str) -> None:
    contract_column = TABLES[name].column(column)
    lookup = enum_lookup(contract_column)
    for spelling, code in SPEC_ENUMS[(name, column)].items():
        assert lookup[spelling.lower()] == code, spelling
    # the canonical codes are exactly the contract's
    assert set(contract_column.values or {}) == set(SPEC_ENUMS[(name, column)].values())


@pytest.mark.parametrize("table", TABLES.values(), ids=list(TABLES))
def test_no_header_spelling_means_two_columns(table: Table) -> None:
    seen: dict[str, str] = {}
    for column in table.columns:
        for spelling in {normalise_header(s) for s in (column.name, *column.aliases)}:
            assert seen.setdefault(spelling, column.name) == column.name, (table.name, spelling)


@pytest.mark.parametrize(
    ("name", "column"),
    [(t.name, c.name) for t in TABLES.values() for c in t.columns if c.type == "enum"],
)
def test_no_enum_spelling_means_two_codes(name: str, column: str) -> None:
    values = TABLES[name].column(column).values or {}
    seen: dict[str, str] = {}
    for code, spellings in values.items():
        for spelling in {s.lower().replace(" ", "") for s in (code, *spellings)}:
            assert seen.setdefault(spelling, code) == code, (name, column, spelling)


def test_keys_domains_and_defaults() -> None:
    for name, key in SPEC_KEYS.items():
        assert TABLES[name].key == key
    # identical moves count once, but moves with the same key are all kept for the views
    assert TABLES["sea_rail_moves"].key_conflicts == "keep"
    assert TABLES["fleet_register"].key_conflicts == "reject"
    stations = TABLES["charging_stations"]
    assert (stations.column("dc_connectors").minimum, stations.column("dc_connectors").minimum_inclusive) == (0, True)
    # max_power_kw > 0: zero is outside the domain
    assert (stations.column("max_power_kw").minimum, stations.column("max_power_kw").minimum_inclusive) == (0, False)
    assert TABLES["travel_survey_trips"].column("weight").minimum_inclusive is False
    assert TABLES["sea_rail_monthly"].column("teu").minimum == 0
    assert TABLES["port_bulk_flows"].column("tonnes").minimum == 0
    assert TABLES["service_areas"].column("kind").default == "service_area"
    assert TABLES["service_areas"].column("crs").default == "WGS84"
    # positions must lie in a box around China
    lon, lat = stations.column("lon"), stations.column("lat")
    assert lon.minimum <= 73.66 and lon.maximum >= 135.05  # China spans 73.66-135.05 E
    assert lat.minimum <= 3.86 and lat.maximum >= 53.55  # and 3.86-53.55 N
    assert lon.minimum >= 70 and lon.maximum <= 140 and lat.minimum >= 0 and lat.maximum <= 60
    registration = TABLES["fleet_register"].column("registration_date")
    assert registration.minimum == dt.date(1980, 1, 1)


def test_identifier_checks() -> None:
    assert TABLES["fleet_register"].column("vin").check is VIN
    assert TABLES["fleet_register"].column("plate").check is PLATE
    assert TABLES["sea_rail_moves"].column("container_no").check is CONTAINER_NO
    assert TABLES["sea_rail_moves"].column("iso_type").check is ISO_TYPE


def test_a_check_given_by_name_is_refused_when_the_contract_is_defined() -> None:
    # a misspelt name used to mean "no check" without a word
    with pytest.raises(TypeError, match="check must be a ColumnCheck object"):
        Column("vin", "text", "VIN", check="vni")  # type: ignore[arg-type]


def test_row_rules() -> None:
    fleet_rules = TABLES["fleet_register"].rules
    assert DateNotBefore("deregistration_date", "registration_date") in fleet_rules
    assert PlateMatchesPowertrain("plate", "powertrain") in fleet_rules
    assert DateNotBefore("decommissioned_date", "commissioned_date") in TABLES["charging_stations"].rules
