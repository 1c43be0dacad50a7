"""Input contract of the travel domain: the resident travel survey."""

from __future__ import annotations

from qdtransport.contracts import Column, Table

TRAVEL_SURVEY_TRIPS = Table(
    name="travel_survey_trips",
    grain="one row per surveyed trip (居民出行调查)",
    key=("survey_year", "trip_id"),
    columns=(
        Column("trip_id", "text", "Trip id", required=True, aliases=("出行编号",)),
        Column("person_id", "text", "Person id", aliases=("个人编号",)),
        Column(
            "survey_year",
            "int",
            "Survey year",
            required=True,
            aliases=("调查年份",),
            minimum=1980,
            maximum=2100,
        ),
        Column(
            "weight",
            "float",
            "Expansion factor",
            required=True,
            aliases=("扩样系数", "权重"),
            minimum=0,
            minimum_inclusive=False,
        ),
        Column(
            "main_mode",
            "enum",
            "Main mode of the trip",
            required=True,
            aliases=("主要方式",),
            values={
                "walk": ("步行",),
                "bicycle": ("自行车",),
                "e_bike": ("电动自行车",),
                "bus": ("公交",),
                "metro": ("地铁", "轨道交通"),
                "taxi": ("出租车",),
                "ride_hailing": ("网约车",),
                "car": ("小汽车",),
                "motorcycle": ("摩托车",),
                "shuttle": ("班车",),
                "other": ("其他", "其它"),
            },
        ),
        Column("district", "text", "District", aliases=("区市",)),
        Column("distance_km", "float", "Trip distance, km", aliases=("出行距离",), minimum=0),
    ),
)

TABLES: tuple[Table, ...] = (TRAVEL_SURVEY_TRIPS,)
"""The tables of the travel domain, in load order."""
