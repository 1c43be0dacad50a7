"""The registered domains: the one place a domain is added.

:data:`DOMAINS` lists every domain package; everything shared — the contract tables the ingest
reads (:data:`TABLES`), the plan targets (:func:`targets`), the indicator views the scorecard
reads, the texts (:mod:`qdtransport.i18n`), the report sections and the sample data — is gathered
from it.
"""

from __future__ import annotations

from qdtransport.contracts import Table
from qdtransport.domains.base import Domain, Indicator, Target
from qdtransport.domains.charging import DOMAIN as CHARGING
from qdtransport.domains.fleet import DOMAIN as FLEET
from qdtransport.domains.port_bulk import DOMAIN as PORT_BULK
from qdtransport.domains.sea_rail import DOMAIN as SEA_RAIL
from qdtransport.domains.travel import DOMAIN as TRAVEL

DOMAINS: tuple[Domain, ...] = (FLEET, CHARGING, SEA_RAIL, PORT_BULK, TRAVEL)
"""Every domain, in report order (tables load in this order too)."""


def _tables(domains: tuple[Domain, ...]) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for domain in domains:
        for table in domain.tables:
            if table.name in tables:
                raise ValueError(f"table {table.name} is declared by two domains")
            tables[table.name] = table
    return tables


TABLES: dict[str, Table] = _tables(DOMAINS)
"""Every input table of the contract, by name, in load order."""


def indicators() -> list[Indicator]:
    """Every registered indicator, in the order of the plan's wording."""
    found = [indicator for domain in DOMAINS for indicator in domain.indicators]
    return sorted(found, key=lambda indicator: indicator.plan_order)


def targets() -> list[Target]:
    """Every plan target, in the order of the plan's wording (``spec/indicators.md``)."""
    return [indicator.target for indicator in indicators()]


def target_rows() -> list[dict[str, object]]:
    """The targets as rows for table ``targets``."""
    return [target.as_row() for target in targets()]


def domain(name: str) -> Domain:
    """The registered domain called ``name``."""
    for registered in DOMAINS:
        if registered.name == name:
            return registered
    raise KeyError(name)


__all__ = ["DOMAINS", "TABLES", "Domain", "Indicator", "Target", "domain", "indicators", "targets"]
