"""Map geometry for charts drawn without tiles: a fixed view, lines apart, labels, a scale bar.

The pieces: a fixed Mercator view, carriageways kept apart, labels that do not overlap, and a
scale bar.

Positions are WGS84 longitude/latitude in degrees. A map is a :class:`MapView`: the Mercator
projection (conformal, so at a given latitude a kilometre is as long east-west as north-south)
fixed on a box of the world and a plot size in pixels, handed to Vega-Lite as it is (no fitting
to the data), so that positions in pixels are known here and labels can be placed and the scale
bar sized exactly. Distances use a sphere of radius :data:`EARTH_RADIUS_KM`, as d3-geo does.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt
import polars as pl
import shapely
from shapely.geometry import LineString, MultiLineString, mapping

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius, km."""

SCALE_BAR_KM: tuple[float, ...] = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)
"""Lengths a scale bar may have, km."""


def _merc_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _merc_lat(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


@dataclass(frozen=True)
class MapView:
    """A Mercator view of the box ``west..east`` x ``south..north`` on ``width`` x ``height`` px.

    The box is centred and scaled to fit the plot area; the other dimension has margins.
    """

    west: float
    south: float
    east: float
    north: float
    width: int
    height: int

    @classmethod
    def around(
        cls, lons: Sequence[float], lats: Sequence[float], *, width: int, height: int,
        pad: float = 0.08,
    ) -> MapView:  # fmt: skip
        """Return the view of the box around the positions, widened by ``pad`` of its size."""
        span = max(max(lons) - min(lons), max(lats) - min(lats), 0.05)
        margin = pad * span
        return cls(
            min(lons) - margin, min(lats) - margin, max(lons) + margin, max(lats) + margin,
            width, height,
        )  # fmt: skip

    @property
    def scale(self) -> float:
        """d3's Mercator scale: pixels per radian of longitude."""
        dx = math.radians(self.east - self.west)
        dy = _merc_y(self.north) - _merc_y(self.south)
        return min(self.width / dx, self.height / dy)

    @property
    def center(self) -> tuple[float, float]:
        """The longitude and latitude drawn at the middle of the plot area."""
        y = (_merc_y(self.north) + _merc_y(self.south)) / 2
        return (self.west + self.east) / 2, _merc_lat(y)

    def projection(self) -> dict[str, Any]:
        """Return the Vega-Lite ``projection`` of this view (no fitting to the data)."""
        lon, lat = self.center
        return {
            "type": "mercator",
            "scale": self.scale,
            "center": [lon, lat],
            "translate": [self.width / 2, self.height / 2],
        }

    def to_pixels(self, lon: float, lat: float) -> tuple[float, float]:
        """Return the plot-area pixel (x right, y down) of a position."""
        clon, clat = self.center
        x = self.width / 2 + self.scale * math.radians(lon - clon)
        y = self.height / 2 - self.scale * (_merc_y(lat) - _merc_y(clat))
        return x, y

    def to_position(self, x: float, y: float) -> tuple[float, float]:
        """Return the longitude and latitude drawn at plot-area pixel (x, y)."""
        clon, clat = self.center
        lon = clon + math.degrees((x - self.width / 2) / self.scale)
        lat = _merc_lat(_merc_y(clat) - (y - self.height / 2) / self.scale)
        return lon, lat

    def km_per_pixel(self, lat: float) -> float:
        """Ground distance of one pixel at latitude ``lat``, km."""
        return EARTH_RADIUS_KM * math.cos(math.radians(lat)) / self.scale

    def frame(self) -> dict[str, Any]:
        """Return the whole plot area as a GeoJSON polygon feature (clockwise, for d3-geo)."""
        corners = [
            self.to_position(x, y)
            for x, y in ((0, self.height), (0, 0), (self.width, 0), (self.width, self.height))
        ]
        ring = [list(c) for c in corners] + [list(corners[0])]
        return {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {}}  # fmt: skip


def _to_km(lat0: float) -> tuple[Any, Any]:
    k = math.radians(EARTH_RADIUS_KM)

    def forward(lon: float, lat: float) -> tuple[float, float]:
        return lon * k * math.cos(math.radians(lat0)), lat * k

    def back(x: float, y: float) -> tuple[float, float]:
        return x / (k * math.cos(math.radians(lat0))), y / k

    return forward, back


def _parts(geometry: Any) -> list[LineString]:
    if isinstance(geometry, LineString):
        return [geometry]
    if isinstance(geometry, MultiLineString):
        return list(geometry.geoms)
    return [g for g in getattr(geometry, "geoms", []) if isinstance(g, LineString)]


def offset_right(wkt: str, distance_km: float) -> dict[str, Any]:
    """Move a carriageway ``distance_km`` to the right of its direction of travel.

    The two carriageways of an expressway run a few dozen metres apart, one pixel or less on a
    city map; drawn where they are, one hides the other. Traffic keeps right in China, so each
    drawn to its right stands beside the other, on its own side.

    Parameters
    ----------
    wkt
        The carriageway as a LineString or MultiLineString in WKT, every part in the direction
        of travel (as OpenStreetMap draws one-way roads).
    distance_km
        How far to move it, km.

    Returns
    -------
    dict
        The moved line as a GeoJSON MultiLineString geometry.
    """
    geometry = shapely.from_wkt(wkt)
    parts = _parts(geometry)
    if not parts:
        return {"type": "MultiLineString", "coordinates": []}
    lat0 = geometry.centroid.y
    forward, back = _to_km(lat0)
    moved: list[list[list[float]]] = []
    for part in parts:
        local = LineString([forward(x, y) for x, y in part.coords])
        shifted = shapely.offset_curve(local, -distance_km, quad_segs=2, join_style="round")
        for piece in _parts(shifted):
            moved.append([list(back(x, y)) for x, y in piece.coords])
    return json_ready({"type": "MultiLineString", "coordinates": moved})


def json_ready(geometry: Any) -> Any:
    """Return a GeoJSON geometry (from shapely's ``mapping`` or built here) with plain lists."""
    if isinstance(geometry, dict):
        return {k: json_ready(v) for k, v in geometry.items()}
    if isinstance(geometry, (list, tuple)):
        return [json_ready(v) for v in geometry]
    return float(geometry) if isinstance(geometry, (int, float)) else geometry


def line_feature(wkt: str, properties: dict[str, Any], *, offset_km: float = 0.0) -> dict[str, Any]:
    """Return a GeoJSON feature of a WKT line, moved ``offset_km`` to its right when given."""
    if offset_km:
        geometry = offset_right(wkt, offset_km)
    else:
        geometry = json_ready(mapping(shapely.from_wkt(wkt)))
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def midpoint(wkt: str) -> tuple[float, float]:
    """Return the point halfway along the longest part of a WKT line (lon, lat)."""
    longest = max(_parts(shapely.from_wkt(wkt)), key=lambda p: p.length)
    point = longest.interpolate(0.5, normalized=True)
    return point.x, point.y


def scale_bar(view: MapView, *, margin_px: float = 12) -> dict[str, Any]:
    """Size and place a scale bar in the lower left corner of ``view``.

    The length is the longest of :data:`SCALE_BAR_KM` no longer than a quarter of the plot
    width. In the Mercator projection a kilometre along the parallel through the bar is
    ``1 / km_per_pixel(lat)`` pixels, so the bar is exact at its own latitude (and within
    1.5% over a box of 1.5 degrees of latitude around Qingdao).

    Returns
    -------
    dict
        ``km`` (length), ``lon``, ``lat`` (left end), ``lon2`` (right end, same latitude),
        ``x``, ``x2``, ``y`` (the same in plot pixels).
    """
    x, y = margin_px, view.height - margin_px
    lon, lat = view.to_position(x, y)
    per_px = view.km_per_pixel(lat)
    fitting = [km for km in SCALE_BAR_KM if km / per_px <= view.width / 4]
    km = fitting[-1] if fitting else SCALE_BAR_KM[0]
    x2 = x + km / per_px
    lon2, _ = view.to_position(x2, y)
    return {"km": km, "lon": lon, "lat": lat, "lon2": lon2, "x": x, "x2": x2, "y": y}


def text_width_px(text: str, font_px: float) -> float:
    """Width of ``text`` in the chart font: ideographs 1 em, other characters about 0.6 em."""
    return sum(font_px if ord(c) >= 0x2E80 else 0.6 * font_px for c in text)


Box = tuple[float, float, float, float]
"""x0, y0, x1, y1 in plot pixels."""

PLACEMENTS: tuple[str, ...] = ("right", "left", "above", "below")
"""Where a label may stand beside its point, in the order tried."""


def _box(x: float, y: float, w: float, h: float, where: str, gap: float) -> Box:
    if where == "right":
        return (x + gap, y - h / 2, x + gap + w, y + h / 2)
    if where == "left":
        return (x - gap - w, y - h / 2, x - gap, y + h / 2)
    clear = max(gap, h / 2)  # above and below clear the boxes to the right and left
    if where == "above":
        return (x - w / 2, y - clear - h, x + w / 2, y - clear)
    return (x - w / 2, y + clear, x + w / 2, y + clear + h)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    view: MapView,
    labels: Iterable[tuple[float, float, str]],
    *,
    font_px: float,
    gap_px: float = 5,
    taken: Sequence[Box] = (),
) -> tuple[list[dict[str, Any]], list[Box]]:
    """Put each label beside its point where it overlaps nothing placed before, or leave it out.

    Parameters
    ----------
    view
        The map.
    labels
        (lon, lat, text), most important first.
    font_px
        Font size, px.
    gap_px
        Distance between the point and the label, px.
    taken
        Boxes already occupied (other labels, the scale bar, markers); a box that holds the
        label's own point is its marker and does not count.

    Returns
    -------
    tuple
        The labels placed, each a dict with ``lon``, ``lat`` (the point), ``text`` and
        ``placement`` (one of :data:`PLACEMENTS`); and every box now occupied. A label that
        overlaps something on every side, or would leave the plot area, is left out.
    """
    occupied = list(taken)
    placed = []
    for lon, lat, label in labels:
        x, y = view.to_pixels(lon, lat)
        w, h = text_width_px(label, font_px), font_px * 1.2
        # the label's own marker (a box holding its point) is not in the way
        others = [b for b in occupied if not (b[0] <= x <= b[2] and b[1] <= y <= b[3])]
        for where in PLACEMENTS:
            box = _box(x, y, w, h, where, gap_px)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= view.width and box[3] <= view.height
            if inside and not any(_overlaps(box, other) for other in others):
                occupied.append(box)
                placed.append({"lon": lon, "lat": lat, "text": label, "placement": where})
                break
    return placed, occupied


def point_boxes(
    view: MapView, points: Iterable[tuple[float, float]], radius_px: float
) -> list[Box]:
    """Return the boxes covered by round markers of ``radius_px`` at the points."""
    boxes = []
    for lon, lat in points:
        x, y = view.to_pixels(lon, lat)
        boxes.append((x - radius_px, y - radius_px, x + radius_px, y + radius_px))
    return boxes


# --- layers -----------------------------------------------------------------------------------

LABEL_GAP_PX = 5
"""Distance between a point and its label, px."""


def line_layer(
    features: list[dict[str, Any]], *, tooltip: list[alt.Tooltip], **mark: Any
) -> alt.Chart:
    """Return unfilled GeoJSON lines (``mark`` sets stroke, width, dashes)."""
    return (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(filled=False, **mark)
        .encode(tooltip=tooltip)
    )


def point_layer(
    points: pl.DataFrame,
    *,
    status: str,
    status_title: str,
    status_colors: Mapping[str, str],
    tooltip: list[Any],
) -> alt.Chart:
    """Return circles at ``lon``/``lat`` coloured by ``status`` (value -> colour, legend order)."""
    return (
        alt.Chart(points)
        .mark_circle(size=60, opacity=0.95, stroke="white", strokeWidth=0.8)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            color=alt.Color(
                f"{status}:N",
                title=status_title,
                scale=alt.Scale(domain=list(status_colors), range=list(status_colors.values())),
            ),
            tooltip=tooltip,
        )
    )


_ANCHORS = {
    "right": {"align": "left", "baseline": "middle", "dx": LABEL_GAP_PX},
    "left": {"align": "right", "baseline": "middle", "dx": -LABEL_GAP_PX},
    "above": {"align": "center", "baseline": "bottom"},
    "below": {"align": "center", "baseline": "top"},
}


def label_layers(
    placed: list[dict[str, Any]], *, font_px: float, color: str = "#2c3e50", bold: bool = False
) -> list[alt.Chart]:
    """Return text layers for labels placed by :func:`place_labels`, each over a white halo."""
    layers = []
    clear = max(LABEL_GAP_PX, 0.6 * font_px)
    for where in PLACEMENTS:
        rows = [p for p in placed if p["placement"] == where]
        if not rows:
            continue
        anchor = dict(_ANCHORS[where])
        if where in ("above", "below"):
            anchor["dy"] = -clear if where == "above" else clear
        data = pl.DataFrame(rows).select("lon", "lat", "text")
        style = {"fontSize": font_px, "fontWeight": "bold" if bold else "normal", **anchor}
        base = alt.Chart(data).encode(longitude="lon:Q", latitude="lat:Q", text="text:N")
        halo = base.mark_text(
            stroke="white", strokeWidth=3, strokeJoin="round", opacity=0.9, **style
        )
        layers += [halo, base.mark_text(fill=color, **style)]
    return layers


def scale_bar_layers(view: MapView, label: str) -> list[alt.Chart]:
    """Return the scale bar of :func:`scale_bar` with end ticks and ``label`` above it."""
    bar = scale_bar(view)
    x, x2, y = bar["x"], bar["x2"], bar["y"]
    ticks = [view.to_position(*p) for p in ((x, y - 4), (x, y), (x2, y), (x2, y - 4))]
    line = {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [list(p) for p in ticks]},
        "properties": {},
    }
    lon, lat = view.to_position((x + x2) / 2, y - 5)
    text = pl.DataFrame({"lon": [lon], "lat": [lat], "text": [label]})
    return [
        alt.Chart(alt.Data(values=[line])).mark_geoshape(
            filled=False, stroke="#2c3e50", strokeWidth=1.5
        ),
        alt.Chart(text)
        .mark_text(align="center", baseline="bottom", fontSize=10, fill="#2c3e50")
        .encode(longitude="lon:Q", latitude="lat:Q", text="text:N"),
    ]


def scale_bar_box(view: MapView) -> Box:
    """Return the pixels the scale bar and its label cover (kept free of other labels)."""
    bar = scale_bar(view)
    return (bar["x"] - 2, bar["y"] - 20, bar["x2"] + 2, bar["y"] + 2)


def map_chart(
    view: MapView, layers: list[alt.Chart], *, title: str, subtitle: str | None = None
) -> alt.LayerChart:
    """Return ``layers`` over a light frame of ``view``, in its fixed Mercator projection."""
    frame = (
        alt.Chart(alt.Data(values=[view.frame()]))
        .mark_geoshape(fill="#f4f6f7", stroke="#d5dbdb")
        .encode(tooltip=alt.value(None))
    )
    heading = alt.Title(title, subtitle=subtitle) if subtitle else alt.Title(title)
    return (
        alt.layer(frame, *layers)
        .project(**view.projection())
        .properties(title=heading, width=view.width, height=view.height)
    )
