"""The coordinator's check of an uitvoeringsplan's actions read in: each table put under a
theme of the plan in force (or left out), each action accepted or dropped, its words, parties
and planning corrected, moved to another theme, or joined to the action above it (a row the
reader cut in two). Pure Python: the answers are the review form's fields by name."""

from collections.abc import Mapping

from .drafting_actions import theme_named
from .review import typed_parties

FIELDS = ("item", "description", "planning", "owner")


def rows(draft: dict, titles: list[str]) -> list[dict]:
    """What the review page shows: each table with the plan's theme its heading names, and
    its actions with their field names. The plan's themes are chosen by their place in
    `titles`, as `m0`, `m1`, …"""
    shown = []
    for t, theme in enumerate(draft.get("themes", [])):
        matched = theme_named(theme["candidates"], titles)
        shown.append(
            {
                "key": f"t{t}",
                "title": " ".join(part for part in (theme.get("number"), theme["title"]) if part),
                "source": theme.get("source"),
                "under": f"m{titles.index(matched)}" if matched is not None else "",
                "actions": [
                    {
                        "key": f"t{t}-x{n}",
                        **{field: action.get(field, "") for field in FIELDS},
                        "parties": ", ".join(action.get("parties", [])),
                        "source": action.get("source"),
                    }
                    for n, action in enumerate(theme["actions"])
                ],
            }
        )
    return shown


def named_parties(draft: dict) -> list[str]:
    """Every party the actions name, in the order they name them."""
    return [
        name
        for theme in draft.get("themes", [])
        for action in theme["actions"]
        for name in action.get("parties", [])
    ]


def targets(titles: list[str]) -> list[tuple[str, str]]:
    return [(f"m{index}", title) for index, title in enumerate(titles)]


def apply(draft: dict, answers: Mapping[str, str], titles: list[str]) -> dict:
    """The draft with only the accepted actions, as corrected, under the theme of the plan
    each was put under, in the plan's order of themes and the document's order of actions."""
    chosen = dict(targets(titles))
    placed: dict[str, list[dict]] = {key: [] for key in chosen}
    sources: dict[str, dict] = {}
    for t, theme in enumerate(draft.get("themes", [])):
        table = answers.get(f"t{t}-under", "")
        above: dict | None = None  # the row just above, when it was taken in
        for n, action in enumerate(theme["actions"]):
            key = f"t{t}-x{n}"
            under = answers.get(f"{key}-under") or table
            if answers.get(f"{key}-keep") != "on" or under not in chosen:
                above = None  # dropped, or its table left out and the row not put elsewhere
                continue
            corrected = _corrected(action, key, answers)
            if answers.get(f"{key}-join") == "on" and above is not None:
                _join(above, corrected)
                continue
            placed[under].append(corrected)
            sources.setdefault(under, theme.get("source"))
            above = corrected
    return {
        "themes": [
            {
                "title": chosen[key],
                "plan_theme": int(key[1:]),  # its place among the plan's themes
                "number": "",
                "candidates": [chosen[key]],
                "actions": actions,
                "source": sources[key],
            }
            for key, actions in placed.items()
            if actions
        ],
        "findings": list(draft.get("findings", [])),
    }


def _corrected(action: dict, key: str, answers: Mapping[str, str]) -> dict:
    corrected = dict(action)
    for field in FIELDS:
        said = answers.get(f"{key}-{field}")
        if said is not None:
            corrected[field] = said.strip()
    corrected["item"] = corrected["item"] or action.get("item", "")
    said = answers.get(f"{key}-parties")
    if said is not None:
        corrected["parties"] = typed_parties(said)
    return corrected


def _join(above: dict, action: dict) -> None:
    """One action of two rows: the words of both, the parties of both, the first planning."""
    item = action["item"].rstrip(" …")
    written = (
        action["description"]
        if action["description"].startswith(item)
        else (f"{action['item']}\n{action['description']}")
    )
    above["description"] = "\n".join(part for part in (above["description"], written) if part)
    above["parties"] += [p for p in action["parties"] if p not in above["parties"]]
    above["planning"] = above["planning"] or action["planning"]
    above["owner"] = above.get("owner") or action.get("owner", "")
