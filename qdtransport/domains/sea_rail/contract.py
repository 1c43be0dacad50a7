"""Input contract of the sea-rail domain: container moves and monthly reported volumes."""

from __future__ import annotations

from qdtransport.contracts import EARLIEST_DATE, LATEST_DATE, Column, Table
from qdtransport.rules import CONTAINER_NO, ISO_TYPE

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
)

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
)

TABLES: tuple[Table, ...] = (SEA_RAIL_MOVES, SEA_RAIL_MONTHLY)
"""The tables of the sea-rail domain, in load order."""
