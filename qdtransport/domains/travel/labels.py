"""Texts of the travel domain in Chinese and English (keys ``travel.*``)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "travel.section_travel": {
        "zh": "绿色出行",
        "en": "Green travel",
    },
    "travel.note_method": {
        "zh": (
            "绿色出行比例 = 步行、自行车、电动自行车、公交、地铁等绿色方式的加权出行量 ÷ "
            "全部加权出行量（居民出行调查，按扩样系数加权）。区间为95%置信区间：比率估计、"
            "泰勒线性化，以人为聚类（无个人编号的出行各自成类），有放回方差。"
            "目标为“超过70%”，恰好70%不算达标。"
        ),
        "en": (
            "Green travel share = weighted trips by green modes (walk, bicycle, e-bike, bus, metro) ÷ all "
            "weighted trips (resident travel survey, weighted by expansion factors). Intervals are 95% "
            "confidence intervals: ratio estimator, Taylor linearisation, persons as clusters (a trip "
            "without a person id is its own cluster), with-replacement variance. The target is “more "
            "than 70%”: exactly 70% is not met."
        ),
    },
    "travel.note_green_modes": {
        "zh": "本次构建计入绿色出行的方式：{modes}。",
        "en": "Modes counted as green travel in this build: {modes}.",
    },
    "travel.note_no_survey": {
        "zh": "数据中没有居民出行调查（travel_survey_trips），本节从略。",
        "en": "The data has no resident travel survey (travel_survey_trips); section skipped.",
    },
    "travel.note_no_interval": {
        "zh": "{year}年调查的聚类（人）少于两个，无法估计抽样误差，故无置信区间。",
        "en": (
            "The {year} survey has fewer than two clusters (persons), so its sampling error cannot be "
            "estimated: no interval."
        ),
    },
    "travel.note_district_year": {
        "zh": "区市分布取{year}年调查（报告年份当年或之前最近的一次调查）。",
        "en": "Districts from the {year} survey (the latest survey up to the report year).",
    },
    "travel.title_share": {
        "zh": "绿色出行比例（含95%置信区间）",
        "en": "Green travel share with 95% interval",
    },
    "travel.title_modes": {
        "zh": "出行方式构成（加权出行量）",
        "en": "Mode split (weighted trips)",
    },
    "travel.title_districts": {
        "zh": "{year}年各区市绿色出行比例（含95%置信区间）",
        "en": "Green travel share by district, {year} survey, with 95% intervals",
    },
    "travel.title_distance": {
        "zh": "{year}年按出行距离的绿色出行比例（含95%置信区间）",
        "en": "Green travel share by trip distance, {year} survey, with 95% intervals",
    },
    "travel.green_share": {"zh": "绿色出行比例", "en": "Green travel share"},
    "travel.interval": {"zh": "95%置信区间", "en": "95% interval"},
    "travel.trips": {"zh": "调查出行数", "en": "Trips surveyed"},
    "travel.persons": {"zh": "聚类数（人）", "en": "Clusters (persons)"},
    "travel.design_effect": {"zh": "设计效应", "en": "Design effect"},
    "travel.met": {"zh": "超过70%", "en": "Above 70%"},
    "travel.share": {"zh": "占比", "en": "Share"},
    "travel.mode": {"zh": "出行方式", "en": "Mode"},
    "travel.district": {"zh": "区市", "en": "District"},
    "travel.district_unknown": {"zh": "未填区市", "en": "District not given"},
    "travel.distance_band": {"zh": "出行距离（公里）", "en": "Trip distance (km)"},
    "travel.distance_unknown": {"zh": "未填距离", "en": "Distance not given"},
    "travel.weighted_trips": {"zh": "加权出行量", "en": "Weighted trips"},
    "travel.green": {"zh": "绿色方式", "en": "Green mode"},
    "travel.no_interval": {"zh": "无（聚类不足两个）", "en": "none (fewer than two clusters)"},
    "travel.walk": {"zh": "步行", "en": "Walk"},
    "travel.bicycle": {"zh": "自行车", "en": "Bicycle"},
    "travel.e_bike": {"zh": "电动自行车", "en": "E-bike"},
    "travel.bus": {"zh": "公交", "en": "Bus"},
    "travel.metro": {"zh": "地铁", "en": "Metro"},
    "travel.taxi": {"zh": "出租车", "en": "Taxi"},
    "travel.ride_hailing": {"zh": "网约车", "en": "Ride-hailing"},
    "travel.car": {"zh": "小汽车", "en": "Car"},
    "travel.motorcycle": {"zh": "摩托车", "en": "Motorcycle"},
    "travel.shuttle": {"zh": "班车", "en": "Shuttle bus"},
    "travel.other": {"zh": "其他", "en": "Other"},
    # reasons of view target_status for the green travel share (a survey is not held every year)
    "travel.status_reason.no_data_year": {
        "zh": "无数据：{year} 年没有居民出行调查（调查并非每年进行）。",
        "en": "No data: no resident travel survey for {year} (surveys are not held every year).",
    },
    "travel.status_reason.no_data_before_series": {
        "zh": "无数据：最早的居民出行调查是 {first_year} 年的。",
        "en": "No data: the first resident travel survey is for {first_year}.",
    },
    "travel.status_reason.no_data_after_series": {
        "zh": "无数据：最近一次居民出行调查是 {last_year} 年的。",
        "en": "No data: the latest resident travel survey is for {last_year}.",
    },
}
"""i18n key -> {"zh": …, "en": …}; merged into :mod:`qdtransport.i18n`."""
