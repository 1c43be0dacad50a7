"""Methodology settings: every choice the indicators depend on, in one place.

Defaults follow ``spec/indicators.md`` (the Qingdao Carbon Peak Work Plan and the national rules it
relies on). Override any of them for a build with a TOML file (``qdtransport build --settings FILE``)
or in Python with :func:`dataclasses.replace`::

    from dataclasses import replace
    from qdtransport.settings import Settings
    settings = replace(Settings(), teu_factor_45ft=2.0)

The build writes the settings it used into the warehouse table ``settings`` (one row), and the SQL
views read them from there, so a value is never formatted into SQL text.

Each setting is described once, in :data:`SETTING_DESCRIPTIONS` (also the column comments of
table ``settings``).
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    """Methodology settings for one build; :data:`SETTING_DESCRIPTIONS` says what each field means."""

    nev_powertrains: tuple[str, ...] = ("BEV", "PHEV", "EREV", "FCEV")
    teu_factor_45ft: float = 2.25
    bulk_cargoes: tuple[str, ...] = ("coal", "iron_ore", "coke", "bauxite", "other_ore")
    green_freight_modes: tuple[str, ...] = ("rail", "waterway", "belt_conveyor", "truck_nev")
    green_travel_modes: tuple[str, ...] = ("walk", "bicycle", "e_bike", "bus", "metro")
    site_match_radius_m: float = 300.0
    charging_space_share_min: float = 0.10
    osm_charger_site_radius_m: float = 300.0
    register_charger_site_radius_m: float = 300.0
    site_link_max_km: float = 3.0
    site_link_touch_m: float = 30.0
    site_link_margin_m: float = 10.0
    node_site_link_radius_m: float = 250.0
    register_site_match_radius_m: float = 500.0
    charger_report_radius_m: float = 1000.0
    site_next_to_motorway_m: float = 200.0
    afir_max_gap_km: float = 60.0
    afir_max_offset_km: float = 3.0
    afir_pool_min_kw: float = 400.0
    afir_point_min_kw: float = 150.0
    nevi_max_gap_km: float = 80.47
    nevi_max_offset_km: float = 1.609
    nevi_min_ports: int = 4
    nevi_port_min_kw: float = 150.0
    cn_max_gap_km: float = 60.0
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def as_row(self) -> dict[str, Any]:
        """The settings as one warehouse row (lists for the tuples, no ``extra``)."""
        row = asdict(self)
        row.pop("extra")
        return {k: list(v) if isinstance(v, tuple) else v for k, v in row.items()}


SETTING_DESCRIPTIONS: dict[str, str] = {
    "nev_powertrains": "Powertrains counted as new-energy vehicles (MIIT definition: BEV, PHEV, EREV, FCEV)",
    "teu_factor_45ft": "TEU per 45-ft box (ISO 6346 length code L): 2.25 = 45/20; some statistics count 2.0",
    "bulk_cargoes": "Cargo classes counted as port bulk cargo for port_bulk_green_share",
    "green_freight_modes": (
        "Collection and distribution modes counted as green (rail, waterway, closed belt corridor, "
        "new-energy trucks); add pipeline to count pipelines"
    ),
    "green_travel_modes": (
        "Trip main modes counted as green travel (walk, bicycle, e-bike, bus, metro); drop e_bike to count "
        "electric bicycles as non-green"
    ),
    "site_match_radius_m": (
        "A charging station without service_area_id belongs to a register site within this distance "
        "(WGS84 great-circle), m"
    ),
    "charging_space_share_min": (
        "Companion rule of the 2022 national action plan: charging spaces per site at least this share of "
        "small-car parking spaces"
    ),
    "osm_charger_site_radius_m": (
        "On the OpenStreetMap network, a charger belongs to a service-area site when inside its area or "
        "within this distance of it, m"
    ),
    "register_charger_site_radius_m": "Register charging stations attach to an OSM site within this distance, m",
    "site_link_max_km": (
        "A service-area site attaches to a carriageway only through motorway links reachable within this road "
        "distance of its access point, km"
    ),
    "site_link_touch_m": "Slip roads within this distance of a site's area serve it, m",
    "site_link_margin_m": (
        "Slip roads at most this much farther than the nearest one serve the site (so the other "
        "carriageway's slip road, typically 25 m or more further, does not), m"
    ),
    "node_site_link_radius_m": "Slip-road search radius for a site mapped as a single node, m",
    "register_site_match_radius_m": "A register service-area point matches an OSM site within this distance, m",
    "charger_report_radius_m": (
        "An OSM charger that belongs to no site is reported (reconciliation) only within this distance of the "
        "motorway network; chargers in towns are not findings, m"
    ),
    "site_next_to_motorway_m": (
        "A site no slip road reaches is reported as site_without_links within this distance of a motorway, "
        "else as site_not_on_motorway, m"
    ),
    "afir_max_gap_km": (
        "EU AFIR (Regulation 2023/1804) core-network rule for cars: longest distance between pools along a "
        "carriageway, km"
    ),
    "afir_max_offset_km": "EU AFIR: longest distance of a pool from the exit, km",
    "afir_pool_min_kw": "EU AFIR: least total pool output (end-2025), kW",
    "afir_point_min_kw": "EU AFIR: least output of the largest point, kW",
    "nevi_max_gap_km": "US NEVI (23 CFR 680): longest distance between DC fast-charging sites (50 miles), km",
    "nevi_max_offset_km": "US NEVI: longest distance of a site from the corridor (1 mile), km",
    "nevi_min_ports": "US NEVI: least number of DC ports per site",
    "nevi_port_min_kw": "US NEVI: least output per DC port, kW",
    "cn_max_gap_km": (
        "Chinese rule: a carriageway meets it when every service area serving it has a charger and no "
        "stretch between charging opportunities is longer than this (JTG B01-2014: service areas at most "
        "60 km apart), km"
    ),
}
"""What each setting means, with its unit: the one place settings are documented, also the column
comments of warehouse table ``settings``."""


def load_settings(path: str | Path | None = None) -> Settings:
    """Read settings from a TOML file, falling back to the defaults for what it does not set.

    Parameters
    ----------
    path
        A TOML file with top-level keys named like the :class:`Settings` fields. ``None`` gives
        the defaults.

    Returns
    -------
    Settings
        The defaults overridden by the file.

    Raises
    ------
    ValueError
        When the file names a setting that does not exist or gives it a value of the wrong kind.
    """
    settings = Settings()
    if path is None:
        return settings
    with open(path, "rb") as handle:
        try:
            values = tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:  # the message gives the line and column
            raise ValueError(f"{path}: not valid TOML: {exc}") from None
    known = {f.name: f for f in fields(Settings) if f.name != "extra"}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(known)}")
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        default = getattr(settings, name)
        if isinstance(default, tuple):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{path}: setting {name} must be a list of strings")
            cleaned[name] = tuple(value)
        elif isinstance(default, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{path}: setting {name} must be a number")
        else:
            cleaned[name] = type(default)(value)
    return replace(settings, **cleaned)
