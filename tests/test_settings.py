"""Methodology settings: defaults from the spec, TOML overrides, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from qdtransport.settings import SETTING_DESCRIPTIONS, Settings, load_settings


def test_defaults_follow_the_spec() -> None:
    settings = Settings()
    assert settings.nev_powertrains == ("BEV", "PHEV", "EREV", "FCEV")
    assert settings.teu_factor_45ft == 2.25  # 45 ft / 20 ft
    assert settings.green_freight_modes == ("rail", "waterway", "belt_conveyor", "truck_nev")
    assert "pipeline" not in settings.green_freight_modes
    assert settings.green_travel_modes == ("walk", "bicycle", "e_bike", "bus", "metro")
    assert settings.site_match_radius_m == 300.0
    assert settings.afir_max_gap_km == 60.0
    assert settings.nevi_max_gap_km == pytest.approx(50 * 1.609344, abs=0.01)


def test_toml_overrides_only_what_it_names(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('teu_factor_45ft = 2\ngreen_freight_modes = ["rail", "pipeline"]\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.teu_factor_45ft == 2.0 and isinstance(settings.teu_factor_45ft, float)
    assert settings.green_freight_modes == ("rail", "pipeline")
    assert settings.nev_powertrains == Settings().nev_powertrains


@pytest.mark.parametrize(
    ("text", "message"),
    [("teu_factor_46ft = 2\n", "unknown setting"), ('teu_factor_45ft = "two"\n', "must be a number"),
     ("nev_powertrains = \"BEV\"\n", "list of strings")],
)
def test_bad_settings_are_clear_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_settings(path)


def test_every_setting_has_a_description_for_the_warehouse() -> None:
    assert set(SETTING_DESCRIPTIONS) == set(Settings().as_row())
