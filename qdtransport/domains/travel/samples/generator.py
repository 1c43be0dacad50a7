"""Synthetic resident travel surveys (居民出行调查) for 2019, 2022 and 2024.

Each survey draws about 10,000 persons across Qingdao's ten districts and county-level cities
and 1-6 trips per person (2.3 on average). Nothing here is survey data; the shape comes from
published figures (see :data:`YEAR_TARGETS` and the sample README):

- the share of green trips is 71.3 % in 2022 (the figure of the 2022 green-travel assessment);
  2019 and 2024 have no published figure, so their 68.5 % and 72.5 % are assumptions;
- metro grows against bus with the network (246 km in 2020, 315 km at end-2022, 352 km at
  end-2024); in 2024 metro trips are 0.74 of bus trips, the ratio of the year's ridership
  (52,884万 metro, 71,122万 regular bus passengers);
- the city core (市南, 市北, 李沧) travels greener than the outer county-level cities, and
  平度 and 莱西 have no metro line.

Small districts are over-sampled (persons ∝ √population) and weighted back: every trip carries
its person's expansion factor (population / persons sampled, ±15 % non-response adjustment), so
the weights and the persons' habits (a person keeps their usual mode on about half of their
trips) both show in the design effect.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

GREEN_MODES = ("walk", "bicycle", "e_bike", "bus", "metro")
OTHER_MODES = ("car", "taxi", "ride_hailing", "motorcycle", "shuttle", "other")
MODES = GREEN_MODES + OTHER_MODES

DISTRICTS: dict[str, tuple[float, float]] = {
    "市南区": (51.7, 0.06),
    "市北区": (103.6, 0.06),
    "李沧区": (73.2, 0.04),
    "崂山区": (55.4, 0.01),
    "黄岛区": (190.4, -0.005),
    "城阳区": (111.1, 0.0),
    "即墨区": (134.5, -0.03),
    "胶州市": (100.6, -0.03),
    "平度市": (118.8, -0.04),
    "莱西市": (73.2, -0.04),
}
"""District -> (rough resident population in 万, rounded 2020 census; green-share offset before
centring). Used only to shape the synthetic samples."""

NO_METRO = {
    2019: ("胶州市", "平度市", "莱西市"),
    2022: ("平度市", "莱西市"),
    2024: ("平度市", "莱西市"),
}
"""Districts without a metro line in the survey year: their metro trips go by bus."""


@dataclass(frozen=True)
class YearTarget:
    """What a survey year is drawn to show (expected weighted shares).

    Attributes
    ----------
    persons
        Persons surveyed.
    green_share
        Expected share of weighted trips by green modes (fraction).
    green_split
        Shares of the green trips by walk, bicycle, e-bike, bus, metro (sum 1).
    other_split
        Shares of the other trips by car, taxi, ride-hailing, motorcycle, shuttle, other (sum 1).
    """

    persons: int
    green_share: float
    green_split: tuple[float, float, float, float, float]
    other_split: tuple[float, float, float, float, float, float]


YEAR_TARGETS: dict[int, YearTarget] = {
    2019: YearTarget(9_800, 0.685, (0.45, 0.06, 0.22, 0.21, 0.06), (0.74, 0.08, 0.06, 0.05, 0.05, 0.02)),
    2022: YearTarget(10_000, 0.713, (0.42, 0.06, 0.21, 0.19, 0.12), (0.75, 0.06, 0.09, 0.03, 0.05, 0.02)),
    2024: YearTarget(10_200, 0.725, (0.40, 0.07, 0.21, 0.155, 0.165), (0.75, 0.05, 0.11, 0.02, 0.05, 0.02)),
}
"""Survey year -> what it is drawn to show. 2022's 71.3 % is published; 2019 and 2024 are assumed."""

HABIT = 0.5
"""Probability that a trip goes by the person's usual mode rather than an independent draw."""

DISTANCE_KM: dict[str, float] = {
    "walk": 0.6,
    "bicycle": 1.8,
    "e_bike": 3.2,
    "bus": 5.0,
    "metro": 9.0,
    "car": 8.5,
    "taxi": 5.5,
    "ride_hailing": 7.0,
    "motorcycle": 4.0,
    "shuttle": 12.0,
    "other": 5.0,
}
"""Median trip distance by main mode (km); distances are log-normal around it."""


@dataclass
class Survey:
    """One drawn survey, one array element per trip (before any defect).

    Attributes
    ----------
    year
        Survey year.
    person
        Person number within the survey (1 … persons).
    trip
        Trip number within the person (1 …).
    weight
        Expansion factor (the person's), rounded to 0.1.
    mode
        Main mode (contract code).
    district
        District or county-level city of residence.
    distance_km
        Trip distance, km, rounded to 0.1 (NaN where the respondent gave none).
    """

    year: int
    person: np.ndarray
    trip: np.ndarray
    weight: np.ndarray
    mode: np.ndarray
    district: np.ndarray
    distance_km: np.ndarray


def district_mode_shares(year: int) -> dict[str, np.ndarray]:
    """Expected mode shares (in :data:`MODES` order) of each district in ``year``.

    The offsets of :data:`DISTRICTS` are centred on the population so that the city's expected
    green share is the year's target.
    """
    target = YEAR_TARGETS[year]
    population = np.array([p for p, _ in DISTRICTS.values()])
    offsets = np.array([o for _, o in DISTRICTS.values()])
    offsets = offsets - (population * offsets).sum() / population.sum()
    shares = {}
    for (name, _), offset in zip(DISTRICTS.items(), offsets, strict=True):
        green = target.green_share + offset
        split = np.array(target.green_split, dtype=float)
        if name in NO_METRO[year]:
            split[3] += split[4]
            split[4] = 0.0
        shares[name] = np.concatenate([green * split, (1 - green) * np.array(target.other_split)])
    return shares


def draw_survey(year: int, rng: np.random.Generator) -> Survey:
    """Draw the survey of ``year``: persons by district, their trips, modes and distances."""
    target = YEAR_TARGETS[year]
    names = list(DISTRICTS)
    population = np.array([DISTRICTS[n][0] for n in names])
    allocation = np.sqrt(population) / np.sqrt(population).sum()
    persons_by_district = np.floor(allocation * target.persons).astype(int)
    persons_by_district[np.argmax(population)] += target.persons - persons_by_district.sum()
    shares = district_mode_shares(year)
    columns: dict[str, list[np.ndarray]] = {k: [] for k in ("person", "trip", "weight", "mode", "district")}
    first = 1
    for index, name in enumerate(names):
        count = persons_by_district[index]
        expansion = population[index] * 10_000 / count
        weights = np.round(expansion * rng.uniform(0.85, 1.15, count), 1)
        trips = np.minimum(1 + rng.poisson(1.3, count), 6)
        habits = rng.choice(len(MODES), size=count, p=shares[name])
        person = np.repeat(np.arange(first, first + count), trips)
        fresh = rng.choice(len(MODES), size=person.size, p=shares[name])
        usual = np.repeat(habits, trips)
        mode = np.where(rng.random(person.size) < HABIT, usual, fresh)
        columns["person"].append(person)
        columns["trip"].append(np.concatenate([np.arange(1, t + 1) for t in trips]))
        columns["weight"].append(np.repeat(weights, trips))
        columns["mode"].append(mode)
        columns["district"].append(np.full(person.size, name))
        first += count
    mode = np.array(MODES)[np.concatenate(columns["mode"])]
    medians = np.array([DISTANCE_KM[m] for m in mode])
    distance = np.round(medians * np.exp(rng.normal(0.0, 0.6, mode.size)), 1)
    distance[rng.random(mode.size) < 0.015] = np.nan  # no distance given
    return Survey(
        year=year,
        person=np.concatenate(columns["person"]),
        trip=np.concatenate(columns["trip"]),
        weight=np.concatenate(columns["weight"]),
        mode=mode,
        district=np.concatenate(columns["district"]),
        distance_km=distance,
    )
