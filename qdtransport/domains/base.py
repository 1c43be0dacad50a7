"""What a domain is: its contract tables, its indicators and targets, its texts and its outputs.

A domain (``fleet``, ``charging``, ``sea_rail``, …) lives in one package
``qdtransport/domains/<name>/`` and is registered once, in :data:`qdtransport.domains.DOMAINS`.
The shared machinery (ingest, build, scorecard, report, samples) reads nothing but these
definitions, so a new domain touches shared code only where domains are registered.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdtransport.contracts import Table

if TYPE_CHECKING:
    import polars as pl


@dataclass(frozen=True)
class Target:
    """One target of the Qingdao Carbon Peak Work Plan; the columns of warehouse table ``targets``.

    Attributes
    ----------
    indicator_id
        Indicator id, also the name of its SQL view (e.g. ``bus_nev_share_new``).
    name_zh, name_en
        Indicator name in Chinese and English.
    target_year
        Year the target applies to.
    comparator
        ``>=``, or ``>`` (strictly above: the plan's green-travel target reads 超过70%).
    target_value
        Target value: shares as fractions (0.8), volumes in their unit (TEU, not 万TEU).
    unit
        ``share`` or ``TEU``.
    plan_text
        The plan's own wording.
    """

    indicator_id: str
    name_zh: str
    name_en: str
    target_year: int
    comparator: str
    target_value: float
    unit: str
    plan_text: str

    def as_row(self) -> dict[str, object]:
        """The target as a row of table ``targets``."""
        return asdict(self)


@dataclass(frozen=True)
class Indicator:
    """A plan indicator: its target, the SQL view computing it and the tables it reads.

    Attributes
    ----------
    target
        The plan target.
    view
        SQL view with exactly the columns year (int), value (double), numerator and denominator
        (double; null for volumes) and complete (bool).
    input_tables
        Contract tables the indicator is computed from.
    plan_order
        Position of the target in the plan's wording (task 5); orders table ``targets``.
    months_view
        View listing the months the inputs cover (column ``month``, the first day of a month with
        data), or None. View ``target_status`` names the months a year not complete lacks from
        it; without one its reason only says the inputs do not reach 31 December.
    """

    target: Target
    view: str
    input_tables: tuple[str, ...]
    plan_order: int = 99
    months_view: str | None = None

    @property
    def indicator_id(self) -> str:
        """The target's indicator id."""
        return self.target.indicator_id


class DomainBuildError(Exception):
    """A domain's own build step failed; the message names the input and the problem."""


@dataclass(frozen=True)
class DerivedTable:
    """A table a domain computes in Python at build time, with its comments.

    Attributes
    ----------
    frame
        The rows.
    comment
        The table comment (its grain).
    columns
        Column name -> comment, for every column.
    """

    frame: pl.DataFrame
    comment: str
    columns: Mapping[str, str]


def no_tables(ingested: Any, **options: Any) -> dict[str, DerivedTable]:
    """No tables computed at build time."""
    return {}


def no_report_section(con: Any, **options: Any) -> list[Any]:
    """A report section with nothing to show."""
    return []


def no_samples(out_dir: Path, rng: random.Random) -> dict[str, Path]:
    """Sample generator that writes nothing."""
    return {}


def no_text(rng: random.Random) -> str:
    """Sample README text: none."""
    return ""


@dataclass(frozen=True)
class Domain:
    """One domain of the plan, as the shared machinery sees it.

    Attributes
    ----------
    name
        Package and query folder name, e.g. ``sea_rail``.
    tables
        Contract tables the domain owns (load order).
    indicators
        Plan indicators computed in the domain.
    labels
        i18n key -> ``{"zh": …, "en": …}``; keys are prefixed ``"<name>."``.
    report_section
        ``report_section(con, *, year, lang, settings, targets) -> list``: HTML fragments (str) and
        altair charts the report notebook displays in order. ``settings`` is the row of table
        ``settings``, ``targets`` indicator id -> row of table ``targets``.
    write_samples
        ``write_samples(out_dir, rng) -> {path relative to out_dir: file written}``: the domain's
        synthetic sample inputs.
    readme_section
        ``readme_section(rng) -> str``: the markdown describing those files in
        ``data_samples/README.md`` (``rng`` starts in the state ``write_samples`` got).
    readme_figures
        ``readme_figures(rng) -> str``: rows of the README's table of published figures.
    build_tables
        ``build_tables(ingested, *, settings, as_of, progress) -> {name: DerivedTable}``: tables
        the domain computes in Python from the loaded inputs (:class:`qdtransport.ingest.Ingested`)
        before the SQL runs; a failure raises :class:`DomainBuildError`.
    """

    name: str
    tables: tuple[Table, ...]
    indicators: tuple[Indicator, ...]
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    report_section: Callable[..., list[Any]] = no_report_section
    write_samples: Callable[..., dict[str, Path]] = no_samples
    readme_section: Callable[..., str] = no_text
    readme_figures: Callable[..., str] = no_text
    build_tables: Callable[..., Mapping[str, DerivedTable]] = no_tables
