"""Build members/geo/countries.json, the outlines the map of /members/map/ draws, from Natural Earth.

Not run at install or run time: the JSON it writes is shipped with the project. To rebuild it, get Natural Earth's
1:50m admin-0 countries as one GeoJSON file per country named by ISO 3166 alpha-3 code (as AshKyd/geojson-regions
publishes them in public/countries/50m/, converted from ne_50m_admin_0_countries by ogr2ogr) and run

    python members/geo/build.py path/to/countries/50m > members/geo/countries.json

Natural Earth is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/). Its boundaries are
de facto ones ("who actually controls the situation on the ground").

What it does: clips each country to the region's box, projects it (equirectangular, with longitudes shortened by
the cosine of the middle latitude, which keeps shapes right at these latitudes), simplifies each outline with the
Douglas-Peucker algorithm to about a pixel of the drawing, and writes SVG path strings, the country label
positions and the projection, so that members/geo/__init__.py can place cities on the same drawing.
"""

import json
import math
import sys
from pathlib import Path

# The network's countries, drawn and labelled, and their neighbours, drawn faintly for context.
COUNTRIES = {"AFG": "AF", "PAK": "PK", "TJK": "TJ", "TKM": "TM", "UZB": "UZ"}
NEIGHBOURS = {"IRN": "IR", "KGZ": "KG", "KAZ": "KZ", "CHN": "CN", "IND": "IN", "ARE": "AE", "OMN": "OM"}
# The box drawn (degrees): the five countries, from the Caspian coast to Pakistan's north-east, the Aral Sea to the
# Arabian Sea, with a small margin.
WEST, EAST, SOUTH, NORTH = 52.0, 77.6, 23.3, 46.0
WIDTH = 1000  # of the drawing, in SVG units
TOLERANCE = 1.0  # Douglas-Peucker tolerance, in SVG units
# Where the country names go (lon, lat), where Natural Earth's label points would sit on a border or a city.
LABELS = {"AF": (65.2, 33.6), "PK": (69.0, 27.4), "TJ": (71.9, 38.85), "TM": (58.6, 39.3), "UZ": (63.0, 42.6)}

COS = math.cos(math.radians((NORTH + SOUTH) / 2))
SCALE = WIDTH / ((EAST - WEST) * COS)
HEIGHT = round((NORTH - SOUTH) * SCALE)


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon - WEST) * COS * SCALE, (NORTH - lat) * SCALE


def clip(ring: list, inside, cross) -> list:
    """One step of Sutherland-Hodgman: the part of a closed ring on the inner side of one edge of the box."""
    out = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current):
            if not inside(previous):
                out.append(cross(previous, current))
            out.append(current)
        elif inside(previous):
            out.append(cross(previous, current))
    return out


def clip_to_box(ring: list) -> list:
    def at_lon(lon):
        return lambda a, b: (lon, a[1] + (b[1] - a[1]) * (lon - a[0]) / (b[0] - a[0]))

    def at_lat(lat):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (lat - a[1]) / (b[1] - a[1]), lat)

    ring = [tuple(point[:2]) for point in ring[:-1]]  # GeoJSON repeats the first point at the end
    for inside, cross in (
        (lambda p: p[0] >= WEST, at_lon(WEST)),
        (lambda p: p[0] <= EAST, at_lon(EAST)),
        (lambda p: p[1] >= SOUTH, at_lat(SOUTH)),
        (lambda p: p[1] <= NORTH, at_lat(NORTH)),
    ):
        ring = clip(ring, inside, cross)
        if not ring:
            break
    return ring


def douglas_peucker(points: list, tolerance: float) -> list:
    """The points of an open line that keep it within `tolerance` of the original."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = math.hypot(x2 - x1, y2 - y1)
    farthest, distance = 0, -1.0
    for i in range(1, len(points) - 1):
        x, y = points[i]
        d = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length if length else math.hypot(x - x1, y - y1)
        if d > distance:
            farthest, distance = i, d
    if distance <= tolerance:
        return [points[0], points[-1]]
    return douglas_peucker(points[: farthest + 1], tolerance)[:-1] + douglas_peucker(points[farthest:], tolerance)


def simplify_ring(ring: list) -> list:
    """A closed ring simplified: split at its first point and the point farthest from it, so both ends stay."""
    far = max(range(len(ring)), key=lambda i: math.dist(ring[0], ring[i]))
    return douglas_peucker(ring[: far + 1], TOLERANCE)[:-1] + douglas_peucker(ring[far:] + ring[:1], TOLERANCE)[:-1]


def area(ring: list) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def path_data(ring: list) -> str:
    """A ring as SVG path data in whole units: its first point, then each step from the one before ("l dx dy")."""
    points = [(round(x), round(y)) for x, y in ring]
    steps = [(x2 - x1, y2 - y1) for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False) if (x1, y1) != (x2, y2)]
    return f"M{points[0][0]} {points[0][1]}l" + " ".join(f"{dx} {dy}" for dx, dy in steps) + "z"


def svg_path(geometry: dict) -> str:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            clipped = clip_to_box(ring)
            if len(clipped) < 3:
                continue
            projected = simplify_ring([project(lon, lat) for lon, lat in clipped])
            if len(projected) < 3 or area(projected) < 4 * TOLERANCE**2:  # islands and slivers smaller than a dot
                continue
            parts.append(path_data(projected))
    return "".join(parts)


def build(source: Path) -> dict:
    def load(a3):
        return json.loads((source / f"{a3}.geojson").read_text(encoding="utf-8"))["geometry"]

    countries = {}
    for a3, a2 in COUNTRIES.items():
        x, y = project(*LABELS[a2])
        countries[a2] = {"path": svg_path(load(a3)), "label": [round(x), round(y)]}
    return {
        "source": "Natural Earth 1:50m admin-0 countries (public domain), simplified by members/geo/build.py",
        "projection": {
            "west": WEST, "north": NORTH, "cos": round(COS, 6), "scale": round(SCALE, 4),
            "width": WIDTH, "height": HEIGHT,
        },
        "countries": countries,
        "neighbours": {a2: svg_path(load(a3)) for a3, a2 in NEIGHBOURS.items()},
    }


if __name__ == "__main__":
    json.dump(build(Path(sys.argv[1])), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
