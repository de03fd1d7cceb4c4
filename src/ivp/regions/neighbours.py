"""Which municipalities border which, from the CBS borders of 2022 in data/.

The borders are generalised (a municipality has a few dozen points), each one on its own, so
two neighbours' outlines do not share their points: a pair counts as neighbours when at least
`MIN_SHARED_KM` of one's outline lies within `NEAR_KM` of the other's. That takes a second for
the country, so it is computed once (`write()`) and shipped as
data/neighbours.json beside this module; a test proves the file is what the borders give.
Municipalities formed after 2022 are not on that map: their page says so.
"""

import json
import math
from functools import cache
from pathlib import Path

import numpy as np

BORDERS = ("cbs-83648-gemeente-2022", "gemeenten_2022_83648_totaal.geojson")
SHIPPED = Path(__file__).parent / "data" / "neighbours.json"
NEAR_KM = 1.0
MIN_SHARED_KM = 1.0
STEP_KM = 0.2  # how densely an outline is walked
# Kilometres per degree around the middle of the Netherlands (52.2° N).
KM_PER_DEGREE = (111.32 * math.cos(math.radians(52.2)), 110.57)


@cache
def neighbours() -> dict[str, list[str]]:
    """CBS code → the codes of the municipalities it bordered in 2022."""
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def on_map(code: str) -> bool:
    return code in neighbours()


def compute(geojson: dict) -> dict[str, list[str]]:
    outlines = {
        feature["properties"]["statcode"]: _segments(feature["geometry"])
        for feature in geojson["features"]
    }
    boxes = {code: _box(segments) for code, segments in outlines.items()}
    walked = {code: _walk(segments) for code, segments in outlines.items()}
    result = {code: [] for code in sorted(outlines)}
    codes = sorted(outlines)
    for i, one in enumerate(codes):
        for other in codes[i + 1 :]:
            if (
                _boxes_near(boxes[one], boxes[other])
                and _shared_km(walked[one], outlines[other]) >= MIN_SHARED_KM
            ):
                result[one].append(other)
                result[other].append(one)
    return result


def write(geojson_path: Path) -> None:
    mapping = compute(json.loads(geojson_path.read_text(encoding="utf-8")))
    SHIPPED.parent.mkdir(exist_ok=True)
    lines = ",\n".join(
        f"{json.dumps(code)}: {json.dumps(codes)}" for code, codes in mapping.items()
    )
    SHIPPED.write_text("{\n" + lines + "\n}\n", encoding="utf-8")


def _segments(geometry: dict) -> np.ndarray:
    """The outer rings' segments as rows (x1, y1, x2, y2) in km."""
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    parts = []
    for polygon in polygons:
        ring = np.array(polygon[0], dtype=float) * KM_PER_DEGREE
        parts.append(np.hstack([ring[:-1], ring[1:]]))
    return np.vstack(parts)


def _box(segments: np.ndarray) -> tuple[float, float, float, float]:
    xs, ys = segments[:, [0, 2]], segments[:, [1, 3]]
    return xs.min(), ys.min(), xs.max(), ys.max()


def _boxes_near(a, b) -> bool:
    return not (
        a[0] - NEAR_KM > b[2]
        or b[0] - NEAR_KM > a[2]
        or a[1] - NEAR_KM > b[3]
        or b[1] - NEAR_KM > a[3]
    )


def _walk(segments: np.ndarray) -> np.ndarray:
    """Points every STEP_KM along the outline."""
    points = []
    for x1, y1, x2, y2 in segments:
        steps = max(1, int(math.hypot(x2 - x1, y2 - y1) / STEP_KM))
        t = np.arange(steps) / steps
        points.append(np.column_stack([x1 + (x2 - x1) * t, y1 + (y2 - y1) * t]))
    return np.vstack(points)


def _shared_km(points: np.ndarray, segments: np.ndarray) -> float:
    """How much of the outline walked by `points` lies within NEAR_KM of `segments`."""
    start, end = segments[:, :2], segments[:, 2:]
    along = end - start
    length = np.maximum((along**2).sum(1), 1e-12)
    offset = points[:, None, :] - start[None]
    t = np.clip((offset * along[None]).sum(2) / length, 0, 1)
    nearest = start[None] + t[..., None] * along[None]
    distance = np.sqrt(((points[:, None, :] - nearest) ** 2).sum(2)).min(1)
    return float((distance < NEAR_KM).sum() * STEP_KM)
