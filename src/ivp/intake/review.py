"""The coordinator's check of a draft: each priority, speerpunt, approach line and objective
accepted (or dropped), its words edited, a speerpunt or approach line moved to another
priority, parties corrected; what comes out is the draft as it will be saved. Pure Python: the
answers are the review form's fields by name."""

import copy
from collections.abc import Mapping

GROUPS = (("p", "priorities"), ("o", "other_themes"))
PARTS = (("s", "focus_areas", "title"), ("a", "approach", None), ("d", "objectives", "text"))


def rows(draft: dict) -> list[dict]:
    """What the review page shows, element by element, each with its field names."""
    shown = []
    for prefix, group in GROUPS:
        for index, priority in enumerate(draft.get(group, [])):
            key = f"{prefix}{index}"
            sources = priority.get("approach_sources") or [None] * len(priority["approach"])
            shown.append(
                {
                    "key": key,
                    "group": group,
                    "title": priority["title"],
                    "theme": priority.get("theme"),
                    "theme_words": (priority.get("theme_match") or {}).get("words", []),
                    "source": priority.get("source"),
                    "parties": ", ".join(priority.get("parties", [])),
                    "focus_areas": [
                        {
                            "key": f"{key}-s{n}",
                            "owner": key,
                            "text": a["title"],
                            "source": a.get("source"),
                        }
                        for n, a in enumerate(priority.get("focus_areas", []))
                    ],
                    "approach": [
                        {"key": f"{key}-a{n}", "owner": key, "text": line, "source": source}
                        for n, (line, source) in enumerate(
                            zip(priority.get("approach", []), sources, strict=False)
                        )
                    ],
                    "objectives": [
                        {
                            "key": f"{key}-d{n}",
                            "owner": key,
                            "text": o["text"],
                            "source": o.get("source"),
                        }
                        for n, o in enumerate(priority.get("objectives", []))
                    ],
                }
            )
    return shown


def others(draft: dict) -> dict:
    """The parts beside the priorities, each to accept or drop: the chapters whose text goes
    into the IVP's chapters, the voorwoord, the frameworks."""
    foreword = draft.get("foreword")
    return {
        "chapters": [
            {"key": f"h{n}", "text": c["title"], "source": c.get("source")}
            for n, c in enumerate(draft.get("chapters", []))
        ],
        "foreword": [
            {"key": "voorwoord", "text": foreword["text"][:200], "source": foreword.get("source")}
        ]
        if foreword
        else [],
        "frameworks": [
            {"key": f"k{n}", "text": f["name"], "source": f.get("source")}
            for n, f in enumerate(draft.get("frameworks", []))
        ],
    }


def apply(draft: dict, answers: Mapping[str, str]) -> dict:
    """The draft with only what was accepted, as edited, each part under the priority it was
    moved to."""
    reviewed = copy.deepcopy(draft)
    kept: dict[str, dict] = {}
    for prefix, group in GROUPS:
        for index, priority in enumerate(draft.get(group, [])):
            key = f"{prefix}{index}"
            if answers.get(f"{key}-keep") != "on":
                continue
            edited = copy.deepcopy(priority)
            edited["title"] = (answers.get(f"{key}-title") or priority["title"]).strip()
            edited["parties"] = [
                p.strip() for p in (answers.get(f"{key}-parties") or "").split(",") if p.strip()
            ]
            for _letter, part, _field in PARTS:
                edited[part] = []
            edited["approach_sources"] = []
            kept[key] = edited
    for prefix, group in GROUPS:
        for index, priority in enumerate(draft.get(group, [])):
            key = f"{prefix}{index}"
            for letter, part, field in PARTS:
                for n, element in enumerate(priority.get(part, [])):
                    name = f"{key}-{letter}{n}"
                    if answers.get(f"{name}-keep") != "on":
                        continue
                    target = kept.get(answers.get(f"{name}-under") or key)
                    if target is None:
                        continue  # its priority was dropped and it was not moved elsewhere
                    text = (answers.get(f"{name}-text") or "").strip()
                    if field is None:  # an approach line is its text
                        target[part].append(text or element)
                        target["approach_sources"].append(
                            (priority.get("approach_sources") or [None] * (n + 1))[n]
                        )
                    else:
                        element = copy.deepcopy(element)
                        element[field] = text or element[field]
                        target[part].append(element)
    for prefix, group in GROUPS:
        reviewed[group] = [
            kept[f"{prefix}{i}"] for i in range(len(draft.get(group, []))) if f"{prefix}{i}" in kept
        ]
    for part, prefix in (("chapters", "h"), ("frameworks", "k")):
        reviewed[part] = [
            element
            for n, element in enumerate(draft.get(part, []))
            if answers.get(f"{prefix}{n}-keep") == "on"
        ]
    if answers.get("voorwoord-keep") != "on":
        reviewed["foreword"] = None
    return reviewed
