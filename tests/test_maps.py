"""Map geometry: the Mercator view, carriageways moved to their right, labels, the scale bar.

Worked by hand for the box lon 120..121, lat 36..37 on 400 x 400 px (sphere R = 6371.0088 km):

- Mercator y(lat) = ln tan(45 deg + lat / 2): y(37) = ln 2.00569 = 0.695988, y(36) = ln 1.96261
  = 0.674275; the box is 0.017453 rad wide and 0.021713 tall, so the height limits the scale:
  400 / 0.021713 = 18,422.6 px per radian. The box's 1 degree of longitude is then
  18,422.6 x 0.017453 = 321.5 px wide, centred: x from 39.2 to 360.8.
- At lat 36 one pixel is 6371.0088 x cos 36 / 18,422.6 = 5154.2 / 18,422.6 = 0.27978 km.
- The scale bar may be a quarter of the width, 100 px = 27.98 km: 25 km, 25 / 0.27978 = 89.4 px.
- One km of latitude is 1 / (6371.0088 x pi / 180) = 1 / 111.195 = 0.0089932 degrees.
"""

from __future__ import annotations

import pytest

from qdtransport.maps import MapView, offset_right, place_labels, scale_bar, text_width_px

VIEW = MapView(120, 36, 121, 37, 400, 400)


def test_the_view_is_the_box_centred_at_its_mercator_scale() -> None:
    """The height limits the scale; the box's corners land on the pixels worked out above."""
    assert VIEW.scale == pytest.approx(18_422.6, rel=1e-4)
    assert VIEW.to_pixels(120, 36) == pytest.approx((39.2, 400), abs=0.05)
    assert VIEW.to_pixels(121, 37) == pytest.approx((360.8, 0), abs=0.05)
    lon, lat = VIEW.to_position(*VIEW.to_pixels(120.25, 36.75))
    assert (lon, lat) == pytest.approx((120.25, 36.75))
    assert VIEW.km_per_pixel(36) == pytest.approx(0.27978, rel=1e-4)
    projection = VIEW.projection()
    assert projection["type"] == "mercator" and projection["translate"] == [200, 200]


def test_scale_bar_is_a_round_length_exact_at_its_latitude() -> None:
    """25 km (the longest round length under 100 px), 89.4 px long, in the lower left corner."""
    bar = scale_bar(VIEW)
    assert bar["km"] == 25
    assert bar["x2"] - bar["x"] == pytest.approx(89.4, abs=0.1)
    assert (bar["x"], bar["y"]) == (12, 388)
    assert bar["lat"] == pytest.approx(36.03, abs=0.005)  # 12 px above the bottom edge


def test_a_carriageway_moves_to_the_right_of_its_direction_of_travel() -> None:
    """Eastbound moves south, westbound moves north, by 1 km = 0.0089932 degrees."""
    east = offset_right("LINESTRING (120 36, 121 36)", 1.0)["coordinates"][0]
    west = offset_right("LINESTRING (121 36, 120 36)", 1.0)["coordinates"][0]
    assert [p[1] for p in east] == pytest.approx([35.9910068, 35.9910068])
    assert [p[1] for p in west] == pytest.approx([36.0089932, 36.0089932])
    assert east[0][0] == pytest.approx(120) and west[0][0] == pytest.approx(121)


def test_every_part_of_a_multilinestring_moves() -> None:
    """Each part keeps its own direction: a northbound part moves east."""
    moved = offset_right("MULTILINESTRING ((120 36, 121 36), (120 36, 120 37))", 1.0)
    assert len(moved["coordinates"]) == 2
    north = moved["coordinates"][1]
    assert north[0][0] > 120 and north[0][1] == pytest.approx(36)


def test_labels_take_a_free_side_or_are_left_out() -> None:
    """Five labels on one point: right, left, above, below, then no room for the fifth."""
    placed, boxes = place_labels(VIEW, [(120.5, 36.5, "G15")] * 5, font_px=10)
    assert [p["placement"] for p in placed] == ["right", "left", "above", "below"]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_a_label_that_would_leave_the_map_goes_to_the_other_side() -> None:
    """A point 10 px from the right edge: the label stands to its left."""
    lon, lat = VIEW.to_position(390, 200)
    placed, _ = place_labels(VIEW, [(lon, lat, "胶州服务区")], font_px=10)
    assert placed[0]["placement"] == "left"


def test_text_width_counts_ideographs_as_one_em() -> None:
    """胶州 is 2 em, G15 3 x 0.6 em: 20 + 18 px at 10 px."""
    assert text_width_px("胶州G15", 10) == pytest.approx(38)
