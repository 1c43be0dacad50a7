"""One lookup for every text: both languages, placeholders, and loud failures."""

from __future__ import annotations

import pytest

from qdtransport import i18n
from qdtransport.domains import DOMAINS
from qdtransport.messages import MESSAGES


def test_text_in_both_languages_with_values() -> None:
    assert i18n.text("report_title", "zh", year=2025) == "青岛市交通运输领域碳达峰指标报告（2025年）"
    assert i18n.text("report_title", "en", year=2025) == "Qingdao transport carbon-peak indicators, 2025"
    assert i18n.text("fleet.bus", "en") == "Buses"
    assert i18n.text("charging.service_area") == "服务区"


def test_a_missing_key_raises() -> None:
    with pytest.raises(KeyError, match="no_such_key"):
        i18n.text("no_such_key", "en")


def test_an_unknown_language_raises() -> None:
    with pytest.raises(ValueError, match="lang"):
        i18n.text("report_title", "fr", year=2025)


def test_text_or_falls_back_for_codes_from_data() -> None:
    assert i18n.text_or("fleet.bus", "bus", "zh") == "公交车"
    assert i18n.text_or("fleet.tram", "tram", "zh") == "tram"


def test_a_key_defined_twice_raises() -> None:
    first = {"shared_key": {"zh": "甲", "en": "A"}}
    second = {"shared_key": {"zh": "乙", "en": "B"}}
    with pytest.raises(ValueError, match="'shared_key' is defined by both first and second"):
        i18n.merge_labels([("first", first), ("second", second)])


def test_a_text_without_both_languages_raises() -> None:
    with pytest.raises(ValueError, match="no en text"):
        i18n.merge_labels([("only_zh", {"k": {"zh": "甲"}})])


def test_every_domain_label_is_prefixed_with_its_domain() -> None:
    for domain in DOMAINS:
        assert all(key.startswith(f"{domain.name}.") for key in domain.labels), domain.name
    shared = len(i18n.SHARED) + len(i18n.COLUMNS) + len(MESSAGES)
    assert len(i18n.all_labels()) == shared + sum(len(d.labels) for d in DOMAINS)
