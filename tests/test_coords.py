"""Tests of qdtransport.coords: GCJ-02 / BD-09 <-> WGS84.

Expected values come from published reference pairs (each cited where it is used), from the
original WGS84 input of a forward transform, or from an independent computation explained in a
comment; none is copied from this module's output.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from qdtransport.coords import (
    CRS_ALIASES,
    CRS_CODES,
    bd09_to_gcj02,
    bd09_to_wgs84,
    canonical_crs,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    to_wgs84,
    wgs84_to_bd09,
    wgs84_to_gcj02,
    with_wgs84,
)

# --- published reference pairs ---------------------------------------------------------------

# wandergis/coordtransform, README.md and test/app.js: every function applied to
# (116.404, 39.915), results printed at full double precision by JavaScript.
WANDERGIS_INPUT = (116.404, 39.915)
WANDERGIS_WGS84_TO_GCJ02 = (116.41024449916938, 39.91640428150164)
WANDERGIS_GCJ02_TO_BD09 = (116.41036949371029, 39.92133699351021)
WANDERGIS_BD09_TO_GCJ02 = (116.39762729119315, 39.90865673957631)  # one-step inverse formula
WANDERGIS_GCJ02_TO_WGS84 = (116.39775550083061, 39.91359571849836)  # one-step approximation

# googollee/eviltransform, python/test.py (same values in go/transform_test.go): WGS84 points
# given to 7 decimals and their GCJ-02 images at full double precision. (javascript/test.js has
# a typo in the Shenzhen GCJ-02 longitude, 113.91717748..., and is not used.)
EVILTRANSFORM_PAIRS = [
    # (wgs_lon, wgs_lat), (gcj_lon, gcj_lat)
    ((121.5272106, 31.1774276), (121.531541859215, 31.17530398364597)),  # Shanghai
    ((113.912316, 22.543847), (113.9171764808363, 22.540796131694766)),  # Shenzhen
    ((116.377817, 39.911954), (116.38404722455657, 39.91334545536069)),  # Beijing
]

# Amap (AutoNavi) Web Service API, coordinate conversion: the documented example request
# converts GPS (WGS84) 116.481499,39.990475, see
# https://lbs.amap.com/api/webservice/guide/api/convert
# The example response of Amap's API reference, as mirrored at
# https://apifox.com/apidoc/docs-site/759159/api-14671355
# is the output of Amap's own service.
AMAP_PAIRS = [
    ((116.481499, 39.990475), (116.487585177952, 39.991754014757)),
    ((116.481499, 39.990375), (116.487585177952, 39.991653917101)),
]

# Alibaba Cloud address standardisation API, TransferCoord example:
# https://help.aliyun.com/zh/address-purification/addrpapi/developer-reference/coordinate-system-conversion
# GCJ02 120.026268,30.279164 -> BD09 120.032768,30.285238 and WGS84 120.021519,30.281543,
# all printed to 6 decimals.
ALIYUN_GCJ02 = (120.026268, 30.279164)
ALIYUN_BD09 = (120.032768, 30.285238)
ALIYUN_WGS84 = (120.021519, 30.281543)

# The usual one-step GCJ-02 -> WGS84 approximation is off by up to 5.5e-5 degrees anywhere in
# China, the one-step BD-09 -> GCJ-02 formula by up to 2.0e-6 (largest misses of each formula
# against its forward transform on a 500 x 500 grid over the China box). Values published from
# those approximations can only be matched to that bound; the exactness of this module's
# inverses is tested separately, by shifting the result forward again.
ONE_STEP_GCJ02_BOUND_DEG = 6e-5
ONE_STEP_BD09_BOUND_DEG = 2.5e-6


def test_wgs84_to_gcj02_matches_wandergis() -> None:
    # Same closed-form transform, printed at full precision: only libm rounding may differ.
    assert wgs84_to_gcj02(*WANDERGIS_INPUT) == pytest.approx(WANDERGIS_WGS84_TO_GCJ02, abs=1e-9)


def test_gcj02_to_bd09_matches_wandergis() -> None:
    assert gcj02_to_bd09(*WANDERGIS_INPUT) == pytest.approx(WANDERGIS_GCJ02_TO_BD09, abs=1e-9)


def test_bd09_to_gcj02_is_exact_and_near_the_published_one_step_value() -> None:
    result = bd09_to_gcj02(*WANDERGIS_INPUT)
    assert result == pytest.approx(WANDERGIS_BD09_TO_GCJ02, abs=ONE_STEP_BD09_BOUND_DEG)
    # Exact: shifting the result forward gives back the BD-09 input.
    assert gcj02_to_bd09(*result) == pytest.approx(WANDERGIS_INPUT, abs=1e-9)


def test_gcj02_to_wgs84_is_exact_and_near_the_published_one_step_value() -> None:
    result = gcj02_to_wgs84(*WANDERGIS_INPUT)
    assert result == pytest.approx(WANDERGIS_GCJ02_TO_WGS84, abs=ONE_STEP_GCJ02_BOUND_DEG)
    assert wgs84_to_gcj02(*result) == pytest.approx(WANDERGIS_INPUT, abs=1e-9)


@pytest.mark.parametrize(("wgs", "gcj"), EVILTRANSFORM_PAIRS)
def test_wgs84_to_gcj02_matches_eviltransform(wgs: tuple, gcj: tuple) -> None:
    assert wgs84_to_gcj02(*wgs) == pytest.approx(gcj, abs=1e-9)


@pytest.mark.parametrize(("wgs", "gcj"), EVILTRANSFORM_PAIRS)
def test_gcj02_to_wgs84_recovers_eviltransform_inputs(wgs: tuple, gcj: tuple) -> None:
    # The WGS84 values are the exact inputs of the published forward transform, so the exact
    # inverse must give them back. 1e-8 degrees (1 mm) is far tighter than eviltransform's own
    # 0.5 m for its iterative inverse; the one-step approximation misses by up to 1.4e-5 here.
    assert gcj02_to_wgs84(*gcj) == pytest.approx(wgs, abs=1e-8)


@pytest.mark.parametrize(("wgs", "gcj"), AMAP_PAIRS)
def test_matches_amap_service_example(wgs: tuple, gcj: tuple) -> None:
    # Amap's own arithmetic is not published; allow 1e-6 degrees (about 0.1 m). The one-step
    # inverse would miss the WGS84 input by 2.2e-5 degrees, so the second check needs exactness.
    assert wgs84_to_gcj02(*wgs) == pytest.approx(gcj, abs=1e-6)
    assert gcj02_to_wgs84(*gcj) == pytest.approx(wgs, abs=1e-6)


def test_matches_aliyun_documentation_example() -> None:
    # Printed to 6 decimals: the BD-09 value is within half a unit of the last place.
    assert gcj02_to_bd09(*ALIYUN_GCJ02) == pytest.approx(ALIYUN_BD09, abs=5e-7)
    # The published WGS84 value agrees with the one-step approximation (to its 6 decimals), so
    # only the one-step bound applies to it.
    assert gcj02_to_wgs84(*ALIYUN_GCJ02) == pytest.approx(
        ALIYUN_WGS84, abs=ONE_STEP_GCJ02_BOUND_DEG + 5e-7
    )


# --- round trips around Qingdao ---------------------------------------------------------------

QINGDAO_LON, QINGDAO_LAT = np.meshgrid(
    np.linspace(119.5, 121.0, 31), np.linspace(35.5, 37.2, 35)
)  # 0.05-degree grid over the municipality and its sea area


def test_wgs84_gcj02_round_trip_is_exact_over_qingdao() -> None:
    gcj_lon, gcj_lat = wgs84_to_gcj02(QINGDAO_LON, QINGDAO_LAT)
    back_lon, back_lat = gcj02_to_wgs84(gcj_lon, gcj_lat)
    assert np.abs(back_lon - QINGDAO_LON).max() < 1e-7
    assert np.abs(back_lat - QINGDAO_LAT).max() < 1e-7
    # The test can tell an exact inverse from the one-step approximation g - shift(g), computed
    # here from the forward transform alone: that one misses by more than 1e-6 degrees.
    fwd_lon, fwd_lat = wgs84_to_gcj02(gcj_lon, gcj_lat)
    one_step_lon = gcj_lon - (fwd_lon - gcj_lon)
    one_step_lat = gcj_lat - (fwd_lat - gcj_lat)
    assert (
        max(np.abs(one_step_lon - QINGDAO_LON).max(), np.abs(one_step_lat - QINGDAO_LAT).max())
        > 1e-6
    )


def test_wgs84_bd09_round_trip_is_exact_over_qingdao() -> None:
    bd_lon, bd_lat = wgs84_to_bd09(QINGDAO_LON, QINGDAO_LAT)
    back_lon, back_lat = bd09_to_wgs84(bd_lon, bd_lat)
    assert np.abs(back_lon - QINGDAO_LON).max() < 1e-7
    assert np.abs(back_lat - QINGDAO_LAT).max() < 1e-7


def test_gcj02_bd09_round_trip_is_exact_over_qingdao() -> None:
    back_lon, back_lat = bd09_to_gcj02(*gcj02_to_bd09(QINGDAO_LON, QINGDAO_LAT))
    assert np.abs(back_lon - QINGDAO_LON).max() < 1e-7
    assert np.abs(back_lat - QINGDAO_LAT).max() < 1e-7


def test_shifts_around_qingdao_have_the_known_size() -> None:
    # GCJ-02 moves Qingdao positions east by roughly 0.005-0.006 degrees of longitude (about
    # 500 m) and by well under 0.001 degrees of latitude; BD-09 adds about 0.0065 / 0.006 more.
    gcj_lon, gcj_lat = wgs84_to_gcj02(QINGDAO_LON, QINGDAO_LAT)
    assert np.all((gcj_lon - QINGDAO_LON > 0.004) & (gcj_lon - QINGDAO_LON < 0.007))
    assert np.all(np.abs(gcj_lat - QINGDAO_LAT) < 0.001)
    bd_lon, bd_lat = gcj02_to_bd09(gcj_lon, gcj_lat)
    assert np.all(np.abs(bd_lon - gcj_lon - 0.0065) < 0.0005)
    assert np.all(np.abs(bd_lat - gcj_lat - 0.006) < 0.0005)


# --- outside China, input kinds ---------------------------------------------------------------

OUTSIDE_CHINA = [
    (139.6917, 35.6895),  # Tokyo: east of 135.05 E
    (-0.1276, 51.5072),  # London
    (103.8198, 1.3521),  # Singapore: south of 3.86 N
    (151.2093, -33.8688),  # Sydney
]


@pytest.mark.parametrize("point", OUTSIDE_CHINA)
def test_gcj02_equals_wgs84_outside_china(point: tuple[float, float]) -> None:
    assert wgs84_to_gcj02(*point) == point
    assert gcj02_to_wgs84(*point) == point
    assert to_wgs84(*point, "GCJ02") == point


def test_points_just_inside_the_china_box_are_shifted() -> None:
    # Kashgar region, just east of the 73.66 E edge: shifted by tens of metres at least.
    lon, lat = wgs84_to_gcj02(73.7, 39.0)
    assert abs(lon - 73.7) > 1e-4 or abs(lat - 39.0) > 1e-4


def test_floats_give_floats_and_arrays_give_arrays() -> None:
    lon, lat = gcj02_to_wgs84(120.38, 36.07)
    assert type(lon) is float and type(lat) is float
    grid_lon, grid_lat = gcj02_to_wgs84(QINGDAO_LON, QINGDAO_LAT)
    assert isinstance(grid_lon, np.ndarray) and grid_lon.shape == QINGDAO_LON.shape
    assert isinstance(grid_lat, np.ndarray) and grid_lat.dtype == np.float64
    # Element i of an array result equals the scalar result for point i.
    assert grid_lon[3, 7] == pytest.approx(gcj02_to_wgs84(QINGDAO_LON[3, 7], QINGDAO_LAT[3, 7])[0])


def test_nan_stays_nan() -> None:
    lon, lat = gcj02_to_wgs84(np.array([np.nan, 120.38]), np.array([36.07, 36.07]))
    assert np.isnan(lon[0]) and not np.isnan(lon[1])
    lon, lat = bd09_to_wgs84(np.array([np.nan]), np.array([np.nan]))
    assert np.isnan(lon[0]) and np.isnan(lat[0])


# --- to_wgs84 ---------------------------------------------------------------------------------


def test_to_wgs84_converts_each_point_from_its_own_system() -> None:
    # Row by row: Shanghai GCJ-02 -> its published WGS84; Beijing given as BD-09 (made from its
    # published GCJ-02 value) -> its published WGS84; a WGS84 point and two empty codes unchanged.
    (sh_wgs, sh_gcj), _, (bj_wgs, bj_gcj) = EVILTRANSFORM_PAIRS
    bj_bd = gcj02_to_bd09(*bj_gcj)
    lon = np.array([sh_gcj[0], bj_bd[0], 120.38, 120.40, 120.42])
    lat = np.array([sh_gcj[1], bj_bd[1], 36.07, 36.08, 36.09])
    crs = np.array(["GCJ02", "BD09", "WGS84", None, ""], dtype=object)
    out_lon, out_lat = to_wgs84(lon, lat, crs)
    expected_lon = [sh_wgs[0], bj_wgs[0], 120.38, 120.40, 120.42]
    expected_lat = [sh_wgs[1], bj_wgs[1], 36.07, 36.08, 36.09]
    np.testing.assert_allclose(out_lon, expected_lon, rtol=0, atol=1e-8)
    np.testing.assert_allclose(out_lat, expected_lat, rtol=0, atol=1e-8)


def test_to_wgs84_takes_one_code_for_all_points_and_floats() -> None:
    (wgs, gcj), *_ = EVILTRANSFORM_PAIRS
    assert to_wgs84(*gcj, "GCJ02") == pytest.approx(wgs, abs=1e-8)
    lon, lat = to_wgs84(np.array([gcj[0]]), np.array([gcj[1]]), "GCJ02")
    assert lon[0] == pytest.approx(wgs[0], abs=1e-8) and lat[0] == pytest.approx(wgs[1], abs=1e-8)
    assert to_wgs84(120.38, 36.07, None) == (120.38, 36.07)


def test_to_wgs84_rejects_codes_that_are_not_canonical() -> None:
    with pytest.raises(ValueError, match="gcj-02"):
        to_wgs84(np.array([120.0, 120.1]), np.array([36.0, 36.1]), ["GCJ02", "gcj-02"])


# --- spellings --------------------------------------------------------------------------------


def test_crs_aliases_cover_the_contract_spellings() -> None:
    assert CRS_ALIASES["wgs-84"] == "WGS84"
    assert CRS_ALIASES["gps"] == "WGS84"
    assert CRS_ALIASES["gcj-02"] == "GCJ02"
    assert CRS_ALIASES["火星坐标"] == "GCJ02"
    assert CRS_ALIASES["bd-09"] == "BD09"
    assert CRS_ALIASES["百度坐标"] == "BD09"
    for code in CRS_CODES:
        assert CRS_ALIASES[code.lower()] == code
    for spelling, code in CRS_ALIASES.items():
        assert spelling == spelling.strip().lower() and code in CRS_CODES
    assert "bd09mc" not in CRS_ALIASES  # Baidu Mercator metres are not longitude/latitude


def test_canonical_crs_normalises_spellings() -> None:
    full_width_gcj02 = "\uff27\uff23\uff2a\uff10\uff12"  # as typed with a Chinese input method
    given = [
        " Gcj-02 ",
        "GPS",
        "百度坐标",
        full_width_gcj02,
        None,
        "  ",
        "WGS84",
        "bd09mc",
        "火星坐标",
    ]
    frame = pl.DataFrame({"crs": given}, schema={"crs": pl.String})
    codes = frame.select(canonical_crs("crs")).to_series().to_list()
    # Full-width letters and digits fold to gcj02 under NFKC; blank and null mean the default
    # WGS84; bd09mc is no known spelling.
    assert codes == ["GCJ02", "WGS84", "BD09", "GCJ02", "WGS84", "WGS84", "WGS84", None, "GCJ02"]


# --- with_wgs84 -------------------------------------------------------------------------------


def _stations() -> pl.DataFrame:
    """Four synthetic stations: WGS84, GCJ-02 (Shanghai pair), BD-09 (Beijing pair), no position."""
    (_, sh_gcj), _, (_, bj_gcj) = EVILTRANSFORM_PAIRS
    bj_bd = gcj02_to_bd09(*bj_gcj)
    return pl.DataFrame(
        {
            "station_id": ["S1", "S2", "S3", "S4"],
            "lon": [120.38, sh_gcj[0], bj_bd[0], None],
            "lat": [36.07, sh_gcj[1], bj_bd[1], None],
            "crs": [None, "gcj-02", "百度坐标", "GCJ02"],
        }
    )


def test_with_wgs84_converts_and_keeps_the_given_positions() -> None:
    (sh_wgs, _), _, (bj_wgs, _) = EVILTRANSFORM_PAIRS
    given = _stations()
    out = with_wgs84(given)
    assert out.columns == ["station_id", "lon", "lat", "crs", "source_lon", "source_lat"]
    assert out.schema["lon"] == pl.Float64 and out.schema["source_lat"] == pl.Float64
    assert out["station_id"].to_list() == ["S1", "S2", "S3", "S4"]
    assert out["crs"].to_list() == ["WGS84", "GCJ02", "BD09", "GCJ02"]
    assert out["source_lon"].to_list() == given["lon"].to_list()
    assert out["source_lat"].to_list() == given["lat"].to_list()
    lon, lat = out["lon"].to_list(), out["lat"].to_list()
    assert (lon[0], lat[0]) == (120.38, 36.07)
    assert (lon[1], lat[1]) == pytest.approx(sh_wgs, abs=1e-8)
    assert (lon[2], lat[2]) == pytest.approx(bj_wgs, abs=1e-8)
    assert lon[3] is None and lat[3] is None


def test_with_wgs84_honours_column_names() -> None:
    (sh_wgs, sh_gcj), *_ = EVILTRANSFORM_PAIRS
    given = pl.DataFrame({"经度": [sh_gcj[0]], "纬度": [sh_gcj[1]], "坐标系": ["火星坐标"]})
    out = with_wgs84(given, lon="经度", lat="纬度", crs="坐标系")
    assert out.columns == ["经度", "纬度", "坐标系", "source_lon", "source_lat"]
    assert (out["经度"][0], out["纬度"][0]) == pytest.approx(sh_wgs, abs=1e-8)
    assert out["坐标系"][0] == "GCJ02"


def test_with_wgs84_without_crs_column_takes_wgs84() -> None:
    out = with_wgs84(pl.DataFrame({"lon": [120.38], "lat": [36.07]}))
    assert out.columns == ["lon", "lat", "crs", "source_lon", "source_lat"]
    assert out.row(0) == (120.38, 36.07, "WGS84", 120.38, 36.07)


def test_with_wgs84_on_an_empty_frame() -> None:
    empty = _stations().clear()
    out = with_wgs84(empty)
    assert out.height == 0
    assert out.columns == ["station_id", "lon", "lat", "crs", "source_lon", "source_lat"]


def test_with_wgs84_rejects_unknown_spellings() -> None:
    given = _stations().with_columns(pl.Series("crs", ["WGS84", "bd09mc", "GCJ02", "GCJ02"]))
    with pytest.raises(ValueError, match="bd09mc"):
        with_wgs84(given)


def test_with_wgs84_refuses_to_convert_twice() -> None:
    once = with_wgs84(_stations())
    with pytest.raises(ValueError, match="converted to WGS84 before"):
        with_wgs84(once)


def test_with_wgs84_needs_the_position_columns() -> None:
    with pytest.raises(ValueError, match="'lat'"):
        with_wgs84(pl.DataFrame({"lon": [120.38]}))
