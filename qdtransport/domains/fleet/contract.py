"""Input contract of the fleet domain: the vehicle register (table ``fleet_register``)."""

from __future__ import annotations

from qdtransport.contracts import Column, Table, date_column
from qdtransport.rules import PLATE, VIN, DateNotBefore, PlateMatchesPowertrain

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
                   # 电 / 电动: fuel code C of the vehicle register (GA 24.9), battery-electric;
                   # plug-in hybrids are registered as 混合动力, which is ambiguous (below)
                   "BEV": ("纯电动", "纯电", "纯电动汽车", "电动", "电"),
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
               },
               ambiguous={"混合动力": ("HEV", "PHEV"), "混动": ("HEV", "PHEV"),
                          "天然气": ("CNG", "LNG")}),
        date_column("registration_date", "First registration for this use in the city", required=True,
              aliases=("注册登记日期", "初次登记日期", "登记日期")),
        date_column("deregistration_date", "Scrapped or transferred out; null while active",
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
)

TABLES: tuple[Table, ...] = (FLEET_REGISTER,)
"""The tables of the fleet domain, in load order."""
