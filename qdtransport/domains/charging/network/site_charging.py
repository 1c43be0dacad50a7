"""What charging a site offers, from OSM chargers and register stations, and which rules it meets.

Per site, each source gives a charger count, a pool output (kW), the highest point output (kW) and
the number of fast points (output at least ``Settings.nevi_port_min_kw``):

- OSM chargers: pool = sum of ``total_power_kw``, highest point = largest ``max_power_kw``, fast
  points counted in ``point_outputs_kw``. A charger whose tags give no power adds nothing to the
  pool and no fast points: it counts as a charger (Chinese rule) but never makes a site qualify for
  AFIR or NEVI.
- Register stations: the register gives only the highest single-connector power, so every DC
  connector of a station is taken at its ``max_power_kw`` (an upper bound) and AC connectors add
  nothing; a station without ``max_power_kw`` adds no power.

The same station often appears in both sources, so a site takes the larger of the two sources'
figures for each quantity rather than their sum. A site qualifies for

- AFIR when pool >= ``afir_pool_min_kw`` and highest point >= ``afir_point_min_kw``;
- NEVI when fast points >= ``nevi_min_ports``.

The distance rules (within 3 km of the exit, 1 mile of the corridor) depend on the carriageway and
are applied in :mod:`qdtransport.domains.charging.network.coverage`.
"""

from __future__ import annotations

import polars as pl

from qdtransport.settings import Settings

SITE_CHARGING_SCHEMA: dict[str, pl.DataType] = {
    "site_id": pl.String(),
    "osm_chargers": pl.Int64(),
    "register_stations": pl.Int64(),
    "chargers": pl.Int64(),
    "pool_kw": pl.Float64(),
    "max_point_kw": pl.Float64(),
    "fast_points": pl.Int64(),
    "has_charger": pl.Boolean(),
    "afir_ok": pl.Boolean(),
    "nevi_ok": pl.Boolean(),
}


def site_charging(
    site_ids: list[str],
    osm_chargers: pl.DataFrame,
    register_stations: pl.DataFrame,
    settings: Settings,
) -> pl.DataFrame:
    """Charging offered at each site and whether it qualifies under each rule.

    Parameters
    ----------
    site_ids
        All site ids; every one gets a row.
    osm_chargers
        OSM chargers with a ``site_id`` column (their site), plus ``max_power_kw``,
        ``total_power_kw`` and ``point_outputs_kw``.
    register_stations
        Active register stations with a ``site_id`` column, plus ``dc_connectors`` and
        ``max_power_kw``.
    settings
        Thresholds: ``afir_pool_min_kw``, ``afir_point_min_kw``, ``nevi_min_ports``,
        ``nevi_port_min_kw``.

    Returns
    -------
    polars.DataFrame
        One row per site: ``site_id``; ``osm_chargers`` and ``register_stations`` (counts);
        ``chargers`` (the larger count); ``pool_kw`` and ``max_point_kw`` (kW, null where neither
        source knows); ``fast_points``; ``has_charger``, ``afir_ok``, ``nevi_ok`` (bool).
    """
    fast_kw = settings.nevi_port_min_kw
    osm = (
        osm_chargers.group_by("site_id").agg(
            pl.len().alias("osm_chargers"),
            pl.col("total_power_kw").sum().alias("osm_pool_kw"),
            pl.col("max_power_kw").max().alias("osm_max_kw"),
            pl.col("point_outputs_kw")
            .list.eval(pl.element() >= fast_kw)
            .list.sum()
            .fill_null(0)
            .sum()
            .cast(pl.Int64)
            .alias("osm_fast"),
        )
        if osm_chargers.height
        else pl.DataFrame(
            schema={
                "site_id": pl.String(),
                "osm_chargers": pl.UInt32(),
                "osm_pool_kw": pl.Float64(),
                "osm_max_kw": pl.Float64(),
                "osm_fast": pl.Int64(),
            }
        )
    )
    dc = pl.col("dc_connectors").fill_null(0)
    register = (
        register_stations.group_by("site_id").agg(
            pl.len().alias("register_stations"),
            (dc * pl.col("max_power_kw")).sum().alias("reg_pool_kw"),
            pl.col("max_power_kw").max().alias("reg_max_kw"),
            dc.filter(pl.col("max_power_kw") >= fast_kw).sum().cast(pl.Int64).alias("reg_fast"),
        )
        if register_stations.height
        else pl.DataFrame(
            schema={
                "site_id": pl.String(),
                "register_stations": pl.UInt32(),
                "reg_pool_kw": pl.Float64(),
                "reg_max_kw": pl.Float64(),
                "reg_fast": pl.Int64(),
            }
        )
    )
    frame = (
        pl.DataFrame({"site_id": site_ids}, schema={"site_id": pl.String()})
        .join(osm, on="site_id", how="left")
        .join(register, on="site_id", how="left")
        .with_columns(
            pl.col("osm_chargers").fill_null(0).cast(pl.Int64),
            pl.col("register_stations").fill_null(0).cast(pl.Int64),
        )
        .with_columns(
            pl.max_horizontal("osm_chargers", "register_stations").alias("chargers"),
            _positive_max("osm_pool_kw", "reg_pool_kw").alias("pool_kw"),
            _positive_max("osm_max_kw", "reg_max_kw").alias("max_point_kw"),
            pl.max_horizontal(pl.col("osm_fast").fill_null(0), pl.col("reg_fast").fill_null(0))
            .cast(pl.Int64)
            .alias("fast_points"),
        )
        .with_columns(
            (pl.col("chargers") >= 1).alias("has_charger"),
            (
                (pl.col("pool_kw") >= settings.afir_pool_min_kw)
                & (pl.col("max_point_kw") >= settings.afir_point_min_kw)
            )
            .fill_null(False)
            .alias("afir_ok"),
            (pl.col("fast_points") >= settings.nevi_min_ports).alias("nevi_ok"),
        )
    )
    return frame.select(list(SITE_CHARGING_SCHEMA)).cast(SITE_CHARGING_SCHEMA)


def _positive_max(*columns: str) -> pl.Expr:
    """The largest of the columns, null when all are null or none is above 0."""
    largest = pl.max_horizontal(*columns)
    return pl.when(largest > 0).then(largest).otherwise(None)
