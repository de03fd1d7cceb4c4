"""ivp's own plan JSON (`ivp plan --format json`, format_version 2) read back as a draft: the
same shape, each priority, speerpunt, objective and approach line with the place in the file it
came from, and a list of findings. Export, edit, import: the plan comes back.

Only the shape is checked here (pure Python); whether a theme, a framework or a regional
priority named in it exists is for the service that saves the draft to say.
"""

import json

from ..blocks import Place

FORMAT_VERSION = 2
MOST_BYTES = 5 * 1024 * 1024
_TEXTS = ("title", "mission", "vision", "communication", "formation", "finances")
_LISTS = ("strategic_objectives", "principles", "frameworks", "priorities", "other_themes",
          "going_concern")  # fmt: skip


class PlanFileError(ValueError):
    """A file that is no plan in ivp's JSON format, with a Dutch message naming the file and
    the place in it."""


def read_plan_json(content: bytes, file_name: str) -> dict:
    if len(content) > MOST_BYTES:
        raise PlanFileError(f"{file_name} is groter dan 5 MB; een plan is veel kleiner.")
    try:
        text = content.decode("utf-8-sig")
        data = json.loads(text)
    except UnicodeDecodeError:
        raise PlanFileError(f"{file_name} is geen UTF-8-tekst.") from None
    except json.JSONDecodeError as error:
        raise PlanFileError(
            f"{file_name}, regel {error.lineno}, kolom {error.colno}: geen geldige JSON "
            f"({error.msg})."
        ) from None
    except RecursionError:
        raise PlanFileError(
            f"{file_name}: de JSON is dieper genest dan een plan ooit is."
        ) from None
    if not isinstance(data, dict) or "priorities" not in data:
        raise PlanFileError(f"{file_name} is geen plan van ivp: er staan geen prioriteiten in.")
    if data.get("format_version") != FORMAT_VERSION:
        raise PlanFileError(
            f"{file_name}: format_version {data.get('format_version')!r} ken ik niet; ivp leest "
            f"versie {FORMAT_VERSION} (zoals `ivp plan --format json` die schrijft)."
        )
    _check(data, file_name)
    _mark_sources(data, text, file_name)
    data["findings"] = []
    return data


def _check(data: dict, file_name: str) -> None:
    def wrong(path: str, expected: str):
        return PlanFileError(f"{file_name}: {path} moet {expected} zijn.")

    for key in _TEXTS:
        if not isinstance(data.get(key, ""), str):
            raise wrong(key, "tekst")
    for key in _LISTS:
        if not isinstance(data.get(key, []), list):
            raise wrong(key, "een lijst")
    period = data.get("period")
    if not (
        isinstance(period, dict) and all(isinstance(period.get(k), int) for k in ("from", "to"))
    ):
        raise wrong("period", 'een object met de jaren "from" en "to"')
    for group in ("priorities", "other_themes"):
        for number, priority in enumerate(data.get(group, [])):
            path = f"{group}[{number}]"
            if not isinstance(priority, dict) or not str(priority.get("title", "")).strip():
                raise wrong(f"{path}.title", "een titel")
            for area_number, area in enumerate(priority.get("focus_areas", [])):
                if not isinstance(area, dict) or not str(area.get("title", "")).strip():
                    raise wrong(f"{path}.focus_areas[{area_number}].title", "een titel")
            for objective_number, objective in enumerate(_objectives(priority)):
                if not isinstance(objective, dict) or not str(objective.get("text", "")).strip():
                    raise wrong(f"{path}: doelstelling {objective_number + 1}", "een tekst")


def _objectives(priority: dict) -> list:
    found = list(priority.get("objectives", []))
    for area in priority.get("focus_areas", []):
        found += area.get("objectives", [])
    return found


def _mark_sources(data: dict, text: str, file_name: str) -> None:
    """Each element's place: the line of the file where its title or text first stands after
    the element before it (the file is read in order, as it was written)."""
    lines = text.split("\n")
    cursor = [0]

    def place_of(value: str) -> dict:
        needle = json.dumps(value, ensure_ascii=False)
        for index in range(cursor[0], len(lines)):
            if needle in lines[index] or json.dumps(value) in lines[index]:
                cursor[0] = index
                return _source(Place(file_name, index + 1), value)
        return _source(Place(file_name, cursor[0] + 1), value)

    data["source"] = place_of(data.get("title", ""))
    for group in ("priorities", "other_themes"):
        for priority in data.get(group, []):
            priority["source"] = place_of(priority["title"])
            _mark_parts(priority, place_of)
            for area in priority.get("focus_areas", []):
                area["source"] = place_of(area["title"])
                _mark_parts(area, place_of)


def _mark_parts(element: dict, place_of) -> None:
    for objective in element.get("objectives", []):
        objective["source"] = place_of(objective["text"])
    element["approach_sources"] = [place_of(line) for line in element.get("approach", [])]


def _source(place: Place, quote: str) -> dict:
    return {"file": place.file, "page": place.page, "line": place.line, "quote": quote}
