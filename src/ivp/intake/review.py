"""The coordinator's check of a draft: each priority, speerpunt, approach line and objective
accepted (or dropped), its words edited, a speerpunt or approach line moved to another
priority or joined to the one above it, a priority merged into another, parties corrected,
chapters and frameworks corrected; what comes out is the draft as it will be saved. Pure
Python: the answers are the review form's fields by name."""

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


def typed_parties(text: str | None) -> list[str]:
    """The parties as typed in the review, separated by commas only ("Bureau Jeugd en Gezin"
    is one)."""
    return [name.strip() for name in (text or "").split(",") if name.strip()]


def named_parties(draft: dict) -> list[str]:
    """Every party the draft names, in the order it names them."""
    return [
        name
        for _prefix, group in GROUPS
        for priority in draft.get(group, [])
        for name in (
            *priority.get("parties", []),
            *(p for area in priority.get("focus_areas", []) for p in area.get("parties", [])),
        )
    ]


def others(draft: dict) -> dict:
    """The parts beside the priorities, each to accept, correct or drop: the chapters whose
    text goes into the IVP's chapters, the voorwoord, the frameworks."""
    foreword = draft.get("foreword")
    return {
        "chapters": [
            {
                "key": f"h{n}",
                "title": c["title"],
                "text": c.get("text", ""),
                "source": c.get("source"),
            }
            for n, c in enumerate(draft.get("chapters", []))
        ],
        "foreword": {"key": "voorwoord", **foreword} if foreword else None,
        "frameworks": [
            {
                "key": f"k{n}",
                "name": f["name"],
                "period": f.get("period", ""),
                "source": f.get("source"),
            }
            for n, f in enumerate(draft.get("frameworks", []))
        ],
    }


def apply(draft: dict, answers: Mapping[str, str]) -> dict:
    """The draft with only what was accepted, as edited: each part under the priority it was
    moved to, a part joined to the one above it made one, a priority merged into another
    giving that one its parts and parties."""
    reviewed = copy.deepcopy(draft)
    kept = _kept_priorities(draft, answers)
    merged = _merged_into(kept, answers)
    for prefix, group in GROUPS:
        for index, priority in enumerate(draft.get(group, [])):
            key = f"{prefix}{index}"
            sources = priority.get("approach_sources") or []
            for letter, part, field in PARTS:
                above = None  # where the part just above this one went, if it was taken in
                for n, element in enumerate(priority.get(part, [])):
                    name = f"{key}-{letter}{n}"
                    if answers.get(f"{name}-keep") != "on":
                        above = None
                        continue
                    owner = answers.get(f"{name}-under") or key
                    into = merged.get(owner, owner)
                    target = kept.get(into)
                    if target is None:
                        above = None
                        continue  # its priority was dropped and it was not moved elsewhere
                    text = (answers.get(f"{name}-text") or "").strip()
                    source = sources[n] if field is None and n < len(sources) else None
                    joined = answers.get(f"{name}-join") == "on" and above == into
                    _place(target, part, field, element, text, source, joined=joined)
                    above = into
    for key, into in merged.items():
        kept[into]["parties"] += [p for p in kept[key]["parties"] if p not in kept[into]["parties"]]
    for prefix, group in GROUPS:
        reviewed[group] = [
            kept[key]
            for key in (f"{prefix}{i}" for i in range(len(draft.get(group, []))))
            if key in kept and key not in merged
        ]
    reviewed["chapters"] = [
        {**chapter, "title": _said(answers, f"h{n}-title", chapter["title"]),
         "text": _said(answers, f"h{n}-text", chapter.get("text", ""))}
        for n, chapter in enumerate(draft.get("chapters", []))
        if answers.get(f"h{n}-keep") == "on"
    ]  # fmt: skip
    reviewed["frameworks"] = [
        {**framework, "name": _said(answers, f"k{n}-name", framework["name"]),
         "period": (answers.get(f"k{n}-period", framework.get("period")) or "").strip()}
        for n, framework in enumerate(draft.get("frameworks", []))
        if answers.get(f"k{n}-keep") == "on"
    ]  # fmt: skip
    foreword = draft.get("foreword")
    if foreword and answers.get("voorwoord-keep") == "on":
        reviewed["foreword"] = {
            **foreword,
            **{field: (answers.get(f"voorwoord-{field}", foreword.get(field)) or "").strip()
               for field in ("signer_name", "signer_function")},
            "text": _said(answers, "voorwoord-text", foreword["text"]),
        }  # fmt: skip
    else:
        reviewed["foreword"] = None
    return reviewed


def _said(answers: Mapping[str, str], name: str, drafted: str) -> str:
    """The words as corrected; an emptied box keeps what was read (dropping is the tick)."""
    return (answers.get(name) or "").strip() or drafted


def _kept_priorities(draft: dict, answers: Mapping[str, str]) -> dict[str, dict]:
    """The accepted priorities as edited, emptied of their parts, which are placed anew."""
    kept: dict[str, dict] = {}
    for prefix, group in GROUPS:
        for index, priority in enumerate(draft.get(group, [])):
            key = f"{prefix}{index}"
            if answers.get(f"{key}-keep") != "on":
                continue
            edited = copy.deepcopy(priority)
            edited["title"] = _said(answers, f"{key}-title", priority["title"])
            edited["parties"] = typed_parties(answers.get(f"{key}-parties"))
            for _letter, part, _field in PARTS:
                edited[part] = []
            edited["approach_sources"] = []
            kept[key] = edited
    return kept


def _merged_into(kept: dict[str, dict], answers: Mapping[str, str]) -> dict[str, str]:
    """Which accepted priority goes up in which: followed to the end of a chain ("a into b,
    b into c" is a and b into c); a merge into a dropped priority, or round in a circle, is
    left undone."""
    wanted = {key: answers.get(f"{key}-into") for key in kept}
    merged: dict[str, str] = {}
    for key in kept:
        into, seen = wanted[key], {key}
        while into in kept and into not in seen and wanted[into] in kept:
            seen.add(into)
            into = wanted[into]
        if into in kept and into not in seen:
            merged[key] = into
    return merged


def _place(target: dict, part: str, field: str | None, element, text: str, source, *, joined):
    """An accepted part under its priority, or joined to the one placed just before it, from
    the line above it (a line the reader cut in two)."""
    placed = target[part]
    if field is None:  # an approach line is its text
        line = text or element
        if joined and placed:
            placed[-1] = f"{placed[-1]} {line}"
        else:
            placed.append(line)
            target["approach_sources"].append(source)
        return
    element = copy.deepcopy(element)
    element[field] = text or element[field]
    if joined and placed:
        last = placed[-1]
        last[field] = f"{last[field]} {element[field]}"
        for name in element.get("parties", []):
            if name not in last.setdefault("parties", []):
                last["parties"].append(name)
    else:
        placed.append(element)
