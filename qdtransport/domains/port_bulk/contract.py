"""Input contract of the port bulk domain: monthly tonnes by cargo, flow and mode."""

from __future__ import annotations

from qdtransport.contracts import Column, Table

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
)

TABLES: tuple[Table, ...] = (PORT_BULK_FLOWS,)
"""The tables of the port bulk domain, in load order."""
