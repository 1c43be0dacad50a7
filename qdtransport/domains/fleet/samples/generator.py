"""Synthetic operating-vehicle registrations (buses, cruising taxis) of Qingdao, 2015 to the export.

The register is made year by year: how many vehicles were registered (:data:`REGISTRATIONS`), in
which district (:data:`DISTRICT_WEIGHTS`), whether they run in the urban built-up area
(:data:`BUILT_UP_PROBABILITY`), and how many of them are new-energy vehicles (:data:`NEV_SHARE`,
applied as an exact count per year and area so that the shares come out as designed). Vehicles
leave the register after their service life (:func:`service_life_days`).

Why the numbers are what they are is explained, with the published figures behind them, in the
README that :mod:`qdtransport.domains.fleet.samples.readme` writes next to the data.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from qdtransport.checkdigits import vin_check_digit

EXPORT_DATE = dt.date(2026, 1, 15)
"""The register export date: nothing is registered or deregistered on or after it."""

DISTRICTS: tuple[str, ...] = ("市南区", "市北区", "李沧区", "崂山区", "城阳区", "黄岛区(西海岸新区)",
                              "即墨区", "胶州市", "平度市", "莱西市")
"""Qingdao's seven districts and three county-level cities."""

REGISTRATIONS: dict[str, dict[int, int]] = {
    "bus": {2015: 620, 2016: 680, 2017: 650, 2018: 600, 2019: 560, 2020: 540, 2021: 520,
            2022: 500, 2023: 560, 2024: 620, 2025: 700, 2026: 12},
    "cruising_taxi": {2015: 700, 2016: 650, 2017: 600, 2018: 560, 2019: 520, 2020: 450, 2021: 480,
                      2022: 560, 2023: 620, 2024: 640, 2025: 660, 2026: 15},
    "ride_hailing": {2019: 4, 2020: 5, 2021: 6, 2022: 6, 2023: 7, 2024: 7, 2025: 8},
    "other": {year: 2 for year in range(2015, 2026)},
}
"""Registrations per use and year: about half the city's turnover (fleet size / service life)."""

DISTRICT_WEIGHTS: dict[str, tuple[int, ...]] = {
    "bus": (8, 12, 8, 7, 12, 18, 10, 9, 8, 8),
    "cruising_taxi": (12, 18, 10, 8, 12, 16, 8, 6, 5, 5),
    "ride_hailing": (15, 20, 12, 10, 15, 18, 5, 5, 0, 0),
    "other": (10, 10, 10, 10, 10, 20, 10, 10, 5, 5),
}
"""Relative share of each district in :data:`DISTRICTS` order, per use."""

BUILT_UP_PROBABILITY: dict[str, tuple[float, ...]] = {
    "bus": (1.0, 1.0, 1.0, 0.95, 0.9, 0.8, 0.7, 0.7, 0.3, 0.3),
    "cruising_taxi": (1.0, 1.0, 1.0, 1.0, 1.0, 0.98, 0.9, 0.9, 0.5, 0.5),
    "ride_hailing": (1.0,) * 10,
    "other": (1.0, 1.0, 1.0, 1.0, 1.0, 0.8, 0.7, 0.7, 0.3, 0.3),
}
"""Probability that a vehicle of each district (same order) runs in the urban built-up area."""

NEV_SHARE: dict[tuple[str, bool], dict[int, float]] = {
    ("bus", True): {2015: 0.86, 2016: 0.88, 2017: 0.91, 2018: 0.94, 2019: 0.97, 2020: 0.99,
                    2021: 1.0, 2022: 1.0, 2023: 1.0, 2024: 1.0, 2025: 1.0, 2026: 1.0},
    ("bus", False): {2015: 0.30, 2016: 0.35, 2017: 0.40, 2018: 0.50, 2019: 0.55, 2020: 0.60,
                     2021: 0.65, 2022: 0.70, 2023: 0.72, 2024: 0.75, 2025: 0.78, 2026: 0.80},
    ("cruising_taxi", True): {2021: 0.03, 2022: 0.30, 2023: 0.58, 2024: 0.74, 2025: 0.83, 2026: 0.90},
    ("cruising_taxi", False): {2022: 0.15, 2023: 0.35, 2024: 0.50, 2025: 0.60, 2026: 0.60},
    ("ride_hailing", True): {year: 0.9 for year in range(2019, 2026)},
    ("other", True): {year: 0.5 for year in range(2015, 2026)},
    ("other", False): {year: 0.3 for year in range(2015, 2026)},
}
"""Share of new-energy vehicles among registrations, by (use, built-up) and year (absent = 0)."""

BUS_2025_FOSSIL_BUSES: tuple[tuple[str, str, str], ...] = (
    ("市北区", "青岛城运控股公交集团有限责任公司", "DIESEL"),
    ("市北区", "青岛城运控股公交集团有限责任公司", "DIESEL"),
    ("即墨区", "青岛即墨公共交通有限公司", "CNG"),
)
"""(district, operator, powertrain) of the built-up-area buses registered in 2025 that are not
new-energy: two diesel emergency-reserve buses and one CNG bus, which keep the city just short of
its 100 % target."""

NEV_POWERTRAINS = ("BEV", "PHEV", "EREV", "FCEV")

YEAR_CODES = dict(zip(range(2010, 2031), "ABCDEFGHJKLMNPRSTVWXY", strict=True))
"""Model-year code at VIN position 10 (GB 16735; I, O, Q, U, Z and 0 are never used)."""

VIN_CHARACTERS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
"""Characters allowed in a VIN (no I, O, Q)."""

PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
"""Letters used on number plates (no I, O)."""

MAKERS: dict[tuple[str, bool], tuple[tuple[str, int], ...]] = {
    ("bus", True): (("LZY", 40), ("LGX", 20), ("LKL", 20), ("LA9", 20)),
    ("bus", False): (("LZY", 40), ("LKL", 30), ("LA9", 30)),
    ("cruising_taxi", True): (("LGX", 60), ("LB3", 25), ("LSV", 15)),
    ("cruising_taxi", False): (("LFV", 55), ("LSV", 45)),
    ("ride_hailing", True): (("LGX", 50), ("LB3", 30), ("LSV", 20)),
    ("ride_hailing", False): (("LFV", 50), ("LSV", 50)),
    ("other", True): (("LGX", 50), ("LA9", 50)),
    ("other", False): (("LZY", 50), ("LKL", 50)),
}
"""World manufacturer identifiers and weights per (use, new-energy): Chinese WMIs (LZY, LKL, LA9
bus makers; LGX BYD; LB3 Geely; LFV FAW-Volkswagen; LSV SAIC Volkswagen)."""


@dataclass(frozen=True)
class FleetRecord:
    """One registration in canonical form (the contract's ``fleet_register`` columns)."""

    vin: str
    plate: str
    use_type: str
    powertrain: str
    registration_date: dt.date
    deregistration_date: dt.date | None
    urban_built_up: bool
    district: str
    operator: str

    @property
    def is_nev(self) -> bool:
        """New-energy vehicle (BEV, PHEV, EREV, FCEV)."""
        return self.powertrain in NEV_POWERTRAINS


def bus_operator(district: str, rng: random.Random) -> str:
    """Operating company of a bus in ``district``.

    The city groups in the main urban area, the county-level cities' own companies elsewhere.
    """
    if district in ("市南区", "市北区", "李沧区", "崂山区"):
        return rng.choices(("青岛城运控股公交集团有限责任公司", "青岛交运集团有限公司", "青岛真情巴士集团有限公司"),
                           (70, 15, 15))[0]
    if district == "城阳区":
        return rng.choices(
            ("青岛真情巴士集团有限公司", "青岛城运控股公交集团有限责任公司"), (60, 40)
        )[0]
    if district == "黄岛区(西海岸新区)":
        return rng.choices(("青岛西海岸公交集团有限公司", "青岛交运集团有限公司"), (80, 20))[0]
    return {"即墨区": "青岛即墨公共交通有限公司", "胶州市": "胶州市公共交通有限公司",
            "平度市": "平度市公共交通有限公司", "莱西市": "莱西市公共交通有限公司"}[district]


def taxi_operator(district: str, rng: random.Random) -> str:
    """Operating company of a cruising taxi in ``district`` (synthetic company names)."""
    if district in ("市南区", "市北区", "李沧区", "崂山区", "城阳区"):
        return rng.choice(("青岛交运温馨出租汽车有限公司", "青岛城运出租汽车有限公司", "青岛海联出租汽车有限公司",
                           "青岛鑫源出租汽车有限公司", "青岛顺达出租汽车有限公司"))
    if district == "黄岛区(西海岸新区)":
        return rng.choice(("青岛西海岸出租汽车有限公司", "青岛交运温馨出租汽车有限公司"))
    return {"即墨区": "青岛即墨出租汽车有限公司", "胶州市": "胶州市出租汽车有限公司",
            "平度市": "平度市出租汽车有限公司", "莱西市": "莱西市出租汽车有限公司"}[district]


def other_operator(use_type: str, rng: random.Random) -> str:
    """Operating company of a ride-hailing or other vehicle (synthetic company names)."""
    if use_type == "ride_hailing":
        return rng.choice(
            ("青岛畅行汽车租赁有限公司", "青岛城运网约车服务有限公司", "青岛悦达汽车服务有限公司")
        )
    return rng.choice(("青岛海岸线旅游客运有限公司", "青岛通勤班车服务有限公司"))


def powertrain_for(use_type: str, nev: bool, year: int, rng: random.Random) -> str:
    """Powertrain of one vehicle, given whether it is new-energy and its registration year."""
    if use_type == "bus":
        if nev:
            mix = {"BEV": 75, "PHEV": 25} if year <= 2018 else {"BEV": 85, "PHEV": 15} if year <= 2020 \
                else {"BEV": 92, "PHEV": 4, "FCEV": 4}
        else:
            mix = {"CNG": 50, "LNG": 20, "DIESEL": 20, "HEV": 10} if year <= 2018 \
                else {"CNG": 35, "LNG": 35, "DIESEL": 30}
    elif use_type == "cruising_taxi":
        if nev:
            mix = {"BEV": 95, "PHEV": 5}
        else:
            mix = (
                {"CNG": 85, "PETROL": 15} if year <= 2020 else {"CNG": 70, "PETROL": 20, "HEV": 10}
            )
    elif use_type == "ride_hailing":
        mix = {"BEV": 85, "PHEV": 15} if nev else {"PETROL": 60, "HEV": 40}
    else:
        mix = {"BEV": 100} if nev else {"DIESEL": 50, "PETROL": 50}
    return rng.choices(list(mix), list(mix.values()))[0]


def service_life_days(use_type: str, powertrain: str, rng: random.Random) -> int:
    """Days from registration to deregistration if the vehicle runs its full life.

    Buses 8-10 years; cruising taxis 8-8.5 years (the city's taxi age limit); 2 % of all vehicles
    leave early (transfer, accident) after 1-7 years.
    """
    if rng.random() < 0.02:
        return rng.randint(365, 7 * 365)
    if use_type == "cruising_taxi" and powertrain not in NEV_POWERTRAINS:
        return rng.randint(8 * 365, 8 * 365 + 180)
    return rng.randint(8 * 365, 10 * 365)


class IdentifierMaker:
    """Unique VINs and number plates, drawn from one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._serials: dict[str, int] = {}
        self._models: dict[str, tuple[str, ...]] = {}
        self._plants: dict[str, str] = {}
        self._plates: set[str] = set()

    def vin(self, wmi: str, model_year: int) -> str:
        """A VIN of maker ``wmi`` with a correct check digit: model code, year code, plant, serial."""
        rng = self._rng
        if wmi not in self._models:
            self._models[wmi] = tuple(
                "".join(rng.choice(VIN_CHARACTERS) for _ in range(5)) for _ in range(3)
            )
            self._plants[wmi] = rng.choice(VIN_CHARACTERS)
            self._serials[wmi] = rng.randint(100_000, 400_000)
        self._serials[wmi] += rng.randint(1, 40)
        plant = self._plants[wmi]
        draft = f"{wmi}{rng.choice(self._models[wmi])}0{YEAR_CODES[model_year]}{plant}{self._serials[wmi]:06d}"
        return draft[:8] + vin_check_digit(draft) + draft[9:]

    def plate(self, use_type: str, powertrain: str) -> str:
        """A unique 鲁B plate.

        New-energy plates carry D (battery-electric) or F (other new-energy) after 鲁B on small
        vehicles and at the end on buses; ordinary taxi plates are 鲁BT + 4 digits.
        """
        rng = self._rng
        while True:
            if powertrain in NEV_POWERTRAINS:
                energy = "D" if powertrain == "BEV" else "F"
                if use_type == "bus":
                    plate = f"鲁B{rng.randint(0, 99999):05d}{energy}"
                else:
                    plate = f"鲁B{energy}{rng.randint(0, 99999):05d}"
            elif use_type == "cruising_taxi":
                plate = f"鲁BT{rng.randint(0, 9999):04d}"
            elif use_type == "bus":
                plate = f"鲁B{rng.randint(0, 99999):05d}"
            else:
                plate = f"鲁B{rng.choice(PLATE_LETTERS)}{rng.randint(0, 9999):04d}"
            if plate not in self._plates:
                self._plates.add(plate)
                return plate


def _weighted_choice(options: tuple[tuple[str, int], ...], rng: random.Random) -> str:
    """One of ``(value, weight)`` pairs, drawn by weight."""
    return rng.choices([value for value, _ in options], [weight for _, weight in options])[0]


def _registration_days(use_type: str, year: int, count: int, rng: random.Random) -> list[dt.date]:
    """Registration dates: buses arrive in delivery batches (about 30 days a year), taxis any day."""
    first = dt.date(year, 1, 1)
    last = min(dt.date(year, 12, 31), EXPORT_DATE - dt.timedelta(days=1))
    span = (last - first).days
    if use_type == "bus":
        batch_days = sorted({first + dt.timedelta(days=rng.randint(0, span)) for _ in range(30)})
        return [rng.choice(batch_days) for _ in range(count)]
    return [first + dt.timedelta(days=rng.randint(0, span)) for _ in range(count)]


def _nev_flags(use_type: str, year: int, built_up: list[bool], rng: random.Random) -> list[bool]:
    """Which vehicles of one year are new-energy: an exact count per area, placed at random."""
    flags = [False] * len(built_up)
    for area in (True, False):
        members = [i for i, b in enumerate(built_up) if b == area]
        share = NEV_SHARE.get((use_type, area), {}).get(year, 0.0)
        nev_count = round(share * len(members))
        if (use_type, area, year) == ("bus", True, 2025):
            nev_count = len(members) - len(BUS_2025_FOSSIL_BUSES)
        for i in rng.sample(members, nev_count):
            flags[i] = True
    return flags


def generate_fleet(rng: random.Random) -> list[FleetRecord]:
    """Every registration of the sample, before any data-quality defect is put in.

    Parameters
    ----------
    rng
        The sample's random generator (consumed in a fixed order).

    Returns
    -------
    list of FleetRecord
        Sorted by registration date, then VIN; as many as :data:`REGISTRATIONS` sums to.
    """
    ids = IdentifierMaker(rng)
    records: list[FleetRecord] = []
    for use_type, per_year in REGISTRATIONS.items():
        for year, count in per_year.items():
            days = _registration_days(use_type, year, count, rng)
            districts = rng.choices(range(len(DISTRICTS)), DISTRICT_WEIGHTS[use_type], k=count)
            built_up = [rng.random() < BUILT_UP_PROBABILITY[use_type][d] for d in districts]
            nev = _nev_flags(use_type, year, built_up, rng)
            fossil_reserve = iter(BUS_2025_FOSSIL_BUSES)
            for day, d, area, is_nev in zip(days, districts, built_up, nev, strict=True):
                district = DISTRICTS[d]
                powertrain = powertrain_for(use_type, is_nev, year, rng)
                if use_type == "bus":
                    operator = bus_operator(district, rng)
                elif use_type == "cruising_taxi":
                    operator = taxi_operator(district, rng)
                else:
                    operator = other_operator(use_type, rng)
                if (use_type, year, area, is_nev) == ("bus", 2025, True, False):
                    district, operator, powertrain = next(fossil_reserve)
                wmi = _weighted_choice(MAKERS[(use_type, is_nev)], rng)
                model_year = year - 1 if day.month == 1 and rng.random() < 0.5 else year
                leaves = day + dt.timedelta(days=service_life_days(use_type, powertrain, rng))
                records.append(FleetRecord(
                    vin=ids.vin(wmi, model_year), plate=ids.plate(use_type, powertrain), use_type=use_type,
                    powertrain=powertrain, registration_date=day,
                    deregistration_date=leaves if leaves < EXPORT_DATE else None,
                    urban_built_up=area, district=district, operator=operator,
                ))
    return sorted(records, key=lambda r: (r.registration_date, r.vin))
