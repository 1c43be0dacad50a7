"""Every Chinese header alias and every Chinese value spelling of the input contract loads.

Each table is written with the Chinese headers the contract lists (one file per header variant
where a column has two aliases) and one row per listed Chinese spelling of each enum; the loaded
table must hold the canonical codes, in order.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.contract.helpers import build_db, container_no, rows, vin, write_csv

USE_TYPES = [("公交客运", "bus"), ("巡游出租客运", "cruising_taxi"), ("出租客运", "cruising_taxi"),
             ("预约出租客运", "ride_hailing"), ("其他", "other")]
POWERTRAINS = [("纯电动", "BEV"), ("插电式混合动力", "PHEV"), ("增程式", "EREV"), ("燃料电池", "FCEV"),
               ("油电混合", "HEV"), ("汽油", "PETROL"), ("柴油", "DIESEL"), ("压缩天然气", "CNG"),
               ("液化天然气", "LNG"), ("液化石油气", "LPG"), ("甲醇", "METHANOL"), ("其他", "OTHER")]
NEV = {"BEV", "PHEV", "EREV", "FCEV"}


def _plate(number: int, powertrain: str) -> str:
    # new-energy plates carry D (battery-electric) or F (others) after the city letter
    return f"鲁BD{number:05d}" if powertrain in NEV else f"鲁B{number:05d}"


@pytest.mark.parametrize(
    "header",
    [
        ["车辆识别代号", "号牌号码", "使用性质", "动力类型", "注册登记日期", "注销日期", "是否建成区", "所属区市",
         "经营企业"],
        ["VIN", "车牌号", "使用性质", "燃料种类", "初次登记日期", "注销日期", "是否建成区", "所属区市", "所属企业"],
    ],
    ids=["first_aliases", "second_aliases"],
)
def test_fleet_register_chinese_headers_and_values(tmp_path: Path, header: list[str]) -> None:
    data = []
    for i, (powertrain_zh, powertrain) in enumerate(POWERTRAINS):
        use_zh, _ = USE_TYPES[i % len(USE_TYPES)]
        deregistered = "2024-06-30" if i == 0 else None
        data.append([vin(i + 1), _plate(10000 + i, powertrain), use_zh, powertrain_zh, f"2023-01-{i + 1:02d}",
                     deregistered, "是" if i % 2 == 0 else "否", "市南区", "青岛公交集团"])
    write_csv(tmp_path / "data" / "fleet_register.csv", header, data)
    db = build_db(tmp_path / "data")
    loaded = rows(db, "select * from fleet_register order by registration_date")
    assert [r["vin"] for r in loaded] == [vin(i + 1) for i in range(len(POWERTRAINS))]
    assert [r["powertrain"] for r in loaded] == [code for _, code in POWERTRAINS]
    assert [r["use_type"] for r in loaded] == [USE_TYPES[i % 5][1] for i in range(len(POWERTRAINS))]
    assert [r["urban_built_up"] for r in loaded] == [i % 2 == 0 for i in range(len(POWERTRAINS))]
    assert loaded[0]["registration_date"] == dt.date(2023, 1, 1)
    assert loaded[0]["deregistration_date"] == dt.date(2024, 6, 30)
    assert loaded[1]["deregistration_date"] is None
    assert {r["district"] for r in loaded} == {"市南区"}
    assert {r["operator"] for r in loaded} == {"青岛公交集团"}
    assert loaded[0]["plate"] == "鲁BD10000"
    assert rows(db, "select count(*) as n from rejects")[0]["n"] == 0


SA_STATUSES = [("运营", "open"), ("关闭", "closed"), ("在建", "under_construction")]


@pytest.mark.parametrize(
    "header",
    [
        ["编号", "名称", "所属高速", "方向", "类型", "经度", "纬度", "坐标系", "状态", "开通日期",
         "小客车车位数"],
        ["编号", "服务区名称", "路线编号", "方向", "类型", "经度", "纬度", "坐标系", "状态", "开通日期",
         "小客车车位数"],
    ],
    ids=["first_aliases", "second_aliases"],
)
def test_service_areas_chinese_headers_and_values(tmp_path: Path, header: list[str]) -> None:
    data = [
        ["SA01", "胶州服务区", "G20", "济南方向", "服务区", 120.01, 36.30, "WGS84", "运营", "2015-07-01", 120],
        ["SA02", "胶州服务区", "G20", "青岛方向", "服务区", 120.02, 36.31, "WGS84", "关闭", None, 0],
        ["PA01", "大沽河停车区", "G22", "both", "停车区", 120.10, 36.40, "WGS84", "在建", "2026-01-01", None],
    ]
    write_csv(tmp_path / "data" / "service_areas.csv", header, data)
    db = build_db(tmp_path / "data")
    loaded = rows(db, "select * from service_areas order by service_area_id")
    by_id = {r["service_area_id"]: r for r in loaded}
    assert set(by_id) == {"SA01", "SA02", "PA01"}
    assert by_id["SA01"]["name"] == "胶州服务区"
    assert by_id["SA01"]["route_ref"] == "G20"
    assert by_id["SA01"]["direction"] == "济南方向"
    assert by_id["PA01"]["direction"] == "both"
    order = ("SA01", "SA02", "PA01")
    assert [by_id[i]["status"] for i in order] == ["open", "closed", "under_construction"]
    assert [by_id[i]["kind"] for i in order] == ["service_area", "service_area", "parking_area"]
    assert by_id["SA01"]["crs"] == "WGS84"
    assert by_id["SA01"]["lon"] == pytest.approx(120.01)
    assert by_id["SA01"]["lat"] == pytest.approx(36.30)
    assert by_id["SA01"]["opened_date"] == dt.date(2015, 7, 1)
    assert by_id["SA01"]["car_parking_spaces"] == 120
    assert by_id["PA01"]["car_parking_spaces"] is None


def test_service_areas_kind_and_crs_default(tmp_path: Path) -> None:
    # kind defaults to service_area, crs to WGS84 (columns absent, or cells empty)
    write_csv(tmp_path / "data" / "service_areas.csv",
              ["service_area_id", "name", "route_ref", "direction", "lon", "lat", "status"],
              [["SA01", "胶州服务区", "G20", "both", 120.01, 36.30, "open"]])
    db = build_db(tmp_path / "data")
    (site,) = rows(db, "select kind, crs from service_areas")
    assert site == {"kind": "service_area", "crs": "WGS84"}


def test_charging_stations_chinese_headers(tmp_path: Path) -> None:
    header = ["充电站编号", "充电站名称", "运营商", "经度", "纬度", "坐标系", "服务区编号", "直流枪数", "交流枪数",
              "最大功率", "充电车位数", "投运日期", "停运日期"]
    data = [["CS01", "胶州服务区(青岛方向)充电站", "国家电网", 120.02, 36.31, "WGS84", "SA02", 4, 2, 120.0, 6,
             "2021-05-01", "2024-03-31"]]
    write_csv(tmp_path / "data" / "charging_stations.csv", header, data)
    db = build_db(tmp_path / "data")
    (station,) = rows(db, "select * from charging_stations")
    assert station["station_id"] == "CS01"
    assert station["name"] == "胶州服务区(青岛方向)充电站"
    assert station["operator"] == "国家电网"
    assert station["lon"] == pytest.approx(120.02)
    assert station["lat"] == pytest.approx(36.31)
    assert station["crs"] == "WGS84"
    assert station["service_area_id"] == "SA02"
    assert (station["dc_connectors"], station["ac_connectors"]) == (4, 2)
    assert station["max_power_kw"] == pytest.approx(120.0)
    assert station["charging_spaces"] == 6
    assert station["commissioned_date"] == dt.date(2021, 5, 1)
    assert station["decommissioned_date"] == dt.date(2024, 3, 31)


@pytest.mark.parametrize("crs", ["WGS84", "GCJ02", "BD09"])
def test_crs_codes_load(tmp_path: Path, crs: str) -> None:
    write_csv(tmp_path / "data" / "charging_stations.csv",
              ["station_id", "name", "lon", "lat", "crs", "dc_connectors", "ac_connectors", "commissioned_date"],
              [["CS01", "某充电站", 120.02, 36.31, crs, 1, 0, "2021-05-01"]])
    db = build_db(tmp_path / "data")
    assert rows(db, "select crs from charging_stations") == [{"crs": crs}]


@pytest.mark.parametrize("inland_alias", ["内陆港", "到发站"])
def test_sea_rail_moves_chinese_headers_and_values(tmp_path: Path, inland_alias: str) -> None:
    header = ["作业编号", "箱号", "箱型", "空重", "方向", "作业时间", "码头", inland_alias, "班列号"]
    data = [
        ["M1", container_no(305438), "22G1", "重", "集港", "2024-01-05 08:30:00", "前湾", "西安", "X9001"],
        ["M2", container_no(305439), "45G1", "空", "疏港", "2024-01-06 09:00:00", "董家口", "郑州", "X9002"],
    ]
    write_csv(tmp_path / "data" / "sea_rail_moves.csv", header, data)
    db = build_db(tmp_path / "data")
    loaded = rows(db, "select * from sea_rail_moves order by move_id")
    assert [r["container_no"] for r in loaded] == ["CSQU3054383", container_no(305439)]
    assert [r["iso_type"] for r in loaded] == ["22G1", "45G1"]
    assert [r["full_empty"] for r in loaded] == ["F", "E"]
    assert [r["direction"] for r in loaded] == ["rail_to_ship", "ship_to_rail"]
    assert loaded[0]["move_time"] == dt.datetime(2024, 1, 5, 8, 30)
    assert [r["terminal"] for r in loaded] == ["前湾", "董家口"]
    assert [r["inland_node"] for r in loaded] == ["西安", "郑州"]
    assert [r["train_no"] for r in loaded] == ["X9001", "X9002"]


@pytest.mark.parametrize(
    "header", [["month", "teu", "source"], ["月份", "标准箱", "来源"], ["月份", "海铁联运量", "来源"]]
)
def test_sea_rail_monthly_headers(tmp_path: Path, header: list[str]) -> None:
    write_csv(tmp_path / "data" / "sea_rail_monthly.csv", header, [["2024-02", 1500.5, "青岛港统计月报"]])
    db = build_db(tmp_path / "data")
    (loaded,) = rows(db, "select * from sea_rail_monthly")
    assert loaded["teu"] == pytest.approx(1500.5)
    assert loaded["source"] == "青岛港统计月报"
    assert str(loaded["month"]).startswith("2024-02")


CARGOES = [("煤炭", "coal"), ("铁矿石", "iron_ore"), ("焦炭", "coke"), ("铝土矿", "bauxite"), ("其他矿石", "other_ore"),
           ("粮食", "grain"), ("原油", "crude_oil"), ("成品油", "oil_products"), ("其他", "other")]
MODES = [("铁路", "rail"), ("水路", "waterway"), ("封闭式皮带廊道", "belt_conveyor"), ("管道", "pipeline"),
         ("新能源货车", "truck_nev"), ("柴油货车", "truck_diesel"), ("LNG货车", "truck_lng"),
         ("其他货车", "truck_other")]


@pytest.mark.parametrize("terminal_alias", ["港区", "码头"])
def test_port_bulk_flows_chinese_headers_and_values(tmp_path: Path, terminal_alias: str) -> None:
    header = ["月份", terminal_alias, "货类", "集疏运方向", "运输方式", "吨数"]
    data = []
    for i, (cargo_zh, _) in enumerate(CARGOES):
        for j, (mode_zh, _) in enumerate(MODES):
            data.append(["2024-03", "前湾", cargo_zh, "集港" if (i + j) % 2 == 0 else "疏港", mode_zh, 10 * i + j])
    write_csv(tmp_path / "data" / "port_bulk_flows.csv", header, data)
    db = build_db(tmp_path / "data")
    loaded = rows(db, "select * from port_bulk_flows")
    assert len(loaded) == len(CARGOES) * len(MODES)
    got = {(r["cargo"], r["mode"]): (r["flow"], r["tonnes"], r["terminal"]) for r in loaded}
    for i, (_, cargo) in enumerate(CARGOES):
        for j, (_, mode) in enumerate(MODES):
            flow = "to_port" if (i + j) % 2 == 0 else "from_port"
            assert got[(cargo, mode)] == (flow, 10 * i + j, "前湾")


TRAVEL_MODES = [("步行", "walk"), ("自行车", "bicycle"), ("电动自行车", "e_bike"), ("公交", "bus"), ("地铁", "metro"),
                ("出租车", "taxi"), ("网约车", "ride_hailing"), ("小汽车", "car"), ("摩托车", "motorcycle"),
                ("班车", "shuttle"), ("其他", "other")]


@pytest.mark.parametrize("weight_alias", ["扩样系数", "权重"])
def test_travel_survey_chinese_headers_and_values(tmp_path: Path, weight_alias: str) -> None:
    header = ["出行编号", "个人编号", "调查年份", weight_alias, "主要方式", "区市", "出行距离"]
    data = [[f"T{i}", f"P{i // 2}", 2024, 1.5 + i, mode_zh, "黄岛区", 0.5 * i] for i, (mode_zh, _) in
            enumerate(TRAVEL_MODES)]
    write_csv(tmp_path / "data" / "travel_survey_trips.csv", header, data)
    db = build_db(tmp_path / "data")
    loaded = rows(db, "select * from travel_survey_trips order by weight")
    assert [r["main_mode"] for r in loaded] == [code for _, code in TRAVEL_MODES]
    assert [r["trip_id"] for r in loaded] == [f"T{i}" for i in range(len(TRAVEL_MODES))]
    assert [r["person_id"] for r in loaded] == [f"P{i // 2}" for i in range(len(TRAVEL_MODES))]
    assert {r["survey_year"] for r in loaded} == {2024}
    assert {r["district"] for r in loaded} == {"黄岛区"}
    assert [r["distance_km"] for r in loaded] == pytest.approx([0.5 * i for i in range(len(TRAVEL_MODES))])
