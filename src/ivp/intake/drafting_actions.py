"""From the tables of an uitvoeringsplan to its actions, theme by theme. Pure Python.

A table is an actions table when its header row names at least an item or a measure and one
more known column, matched by name and not by position ("Item", "Maatregelen/ activiteiten",
"Partijen", "Planning", "Trekker", …). Its theme is the heading above it that names one: the
nearest heading that is not a part every theme has ("Doelstellingen", "Terugblik", "Welke
acties …"); the candidates are kept, nearest first, for the service that matches them to the
themes of the plan in force. A row without an item continues the action above it (a merged
cell). Every action keeps the line of its row.
"""

import re
from difflib import SequenceMatcher

from .blocks import Block, Kind

COLUMNS = {
    "item": ("item", "actie", "acties", "onderwerp", "project", "wat"),
    "description": ("maatregelen/activiteiten", "maatregelen", "maatregel", "activiteiten",
                    "activiteit", "omschrijving", "beschrijving", "toelichting", "inzet"),
    "parties": ("partijen", "partners", "betrokkenpartijen", "samenwerkingspartners", "wie",
                "betrokkenen"),
    "planning": ("planning", "wanneer", "periode", "termijn", "tijdpad"),
    "owner": ("trekker", "eigenaar", "verantwoordelijke", "lead"),
}  # fmt: skip
SAME_THEME = 0.8  # how alike a table's heading and a theme of the plan must be
LETTERED = re.compile(r"(?P<letter>[A-Z])[.)]?\s+(?=[A-Z]{3,})")
PART_OF_EVERY_THEME = re.compile(
    r"^(?:doelstelling|doelen|terugblik|welke acties|acties|activiteiten|planning|inzet)",
    re.IGNORECASE,
)


def draft_actions(blocks: list[Block]) -> dict:
    """The themes with their actions; each theme also says which blocks are its heading and
    its first table (`heading_at`, `table_at`: indexes into `blocks`), for the drafter of the
    plan."""
    themes: list[dict] = []
    findings: list[str] = []
    headings: list[tuple[int, Block]] = []
    continued: dict | None = None  # the theme a next table without header goes on with
    known: dict[int, str] = {}  # the columns of the last actions table
    claimed: set[int] = set()  # the headings of the themes found so far
    for position, block in enumerate(blocks):
        if block.kind == Kind.HEADING:
            headings.append((position, block))
            continued = None
            continue
        if block.kind != Kind.TABLE or not block.rows:
            continue
        columns = _columns(block.rows[0])
        if not columns and known and len(block.rows[0]) == max(known) + 1:
            # an actions table whose header stayed behind (on the page before): its columns
            # are those of the tables before it
            block = Block(Kind.TABLE, block.text, block.place,
                          rows=(("",) * len(block.rows[0]), *block.rows))  # fmt: skip
            if continued is not None:
                continued["actions"] += _actions(block, known)
                continue
            columns = known
        if not ({"item", "description"} & set(columns.values())) or len(columns) < 2:
            if block.text != "Inhoudsopgave" and len(block.rows[0]) >= 3:
                findings.append(f"Tabel bij regel {block.place.line}: geen kolommen als Item, "
                                "Maatregelen, Partijen of Planning herkend; overgeslagen.")  # fmt: skip
            continue
        above = [(i, h) for i, h in reversed(headings) if not PART_OF_EVERY_THEME.match(h.text)]
        at, heading = _theme_heading(above)
        number, title = _lettered(heading) if heading else ("", "")
        theme = {
            "title": title,
            "number": number,
            "candidates": _candidates(above, at, claimed),
            "actions": _actions(block, columns),
            "heading_at": at,
            "table_at": position,
            "source": block.source,
        }
        if themes and themes[-1]["candidates"] == theme["candidates"]:
            themes[-1]["actions"] += theme["actions"]  # one table split over two pages
        else:
            themes.append(theme)
        continued, known = themes[-1], columns
        if at is not None:
            claimed.add(at)
    if not themes:
        findings.append("Geen tabel met acties gevonden.")
    return {"themes": themes, "findings": findings}


def _candidates(above: list[tuple[int, Block]], at: int | None, claimed: set[int]) -> list[str]:
    """The headings that may name a table's theme, nearest first: those from the table up to
    its theme's heading, then the headings that heading stands under; never the heading of
    a theme before it (`claimed`), which converters often set a level higher or lower."""
    if at is None:
        return []
    nearer = [h for i, h in above if i >= at]
    level = nearer[-1].level
    path = []
    for i, heading in above:
        if i < at and i not in claimed and heading.level < level:
            path.append(heading)
            level = heading.level
    return [h.text for h in nearer + path][:4]


def _theme_heading(above: list[tuple[int, Block]]) -> tuple[int | None, Block | None]:
    """Of the headings above a table (nearest first), the theme's: the nearest numbered or
    lettered one ("2 ZORG EN VEILIGHEID", "A WONINGINBRAAK") or set in capitals as those are,
    before a sub-heading such as "Regionale agenda …"; else the nearest."""
    near = above[:3]
    for at, heading in near:
        if heading.number or (heading.text.isupper() and len(heading.text) > 3):
            return at, heading
    return near[0] if near else (None, None)


def _lettered(heading: Block) -> tuple[str, str]:
    """A heading's number or letter and its title: a capital letter before a title in capitals
    ("A WONINGINBRAAK") is the theme's letter, where a reader left it in the text."""
    found = LETTERED.match(heading.text)
    if not heading.number and found:
        return found.group("letter"), heading.text[found.end() :].strip()
    return heading.number, heading.text


def _columns(header: tuple[str, ...]) -> dict[int, str]:
    found = {}
    for index, cell in enumerate(header):
        key = re.sub(r"[\s\-–_.:]", "", cell.casefold())
        for field, names in COLUMNS.items():
            if key in names and field not in found.values():
                found[index] = field
    return found


def _actions(table: Block, columns: dict[int, str]) -> list[dict]:
    actions: list[dict] = []
    for number, row in enumerate(table.rows[1:], start=1):
        said = {field: row[index].strip() for index, field in columns.items() if index < len(row)}
        if not any(said.values()):
            continue
        item = said.get("item") or ""
        if not item and actions:  # a merged cell: the row goes on with the action above
            last = actions[-1]
            last["description"] = f"{last['description']}\n{said.get('description', '')}".strip()
            continue
        actions.append(
            {
                "item": item or _first_words(said.get("description", "")),
                "description": said.get("description", ""),
                "parties": party_names(said.get("parties", "")),
                "planning": said.get("planning", ""),
                "owner": said.get("owner", ""),
                "source": {**table.source, "line": table.place.line + number,
                           "quote": " | ".join(row)[:300]},
            }
        )  # fmt: skip
    return actions


def party_names(cell: str) -> list[str]:
    """The parties in a cell as written: separated by commas, "en" or a stray full stop; an
    abbreviation in parentheses after a name is part of it; "ketenpartners waaronder politie"
    names the police."""
    names = []
    if "," in cell or " en " in cell:  # a list in words: its line breaks are the cell's wrapping
        cell = re.sub(r"(?<=\w)-\n(?=[a-z])", "", cell).replace("\n", " ")
    for name in re.split(r",\s*|(?<!-)\s+en\s+|\.\s+(?=[A-Z])|;\s*|\n+", cell):
        name = re.sub(r"\s*\([^)]*\)\s*$", "", name.strip()).strip(" .")
        name = re.sub(r"^.*?\b(?:waaronder|zoals|onder andere|o\.a\.)\s+", "", name)
        if name and name not in names:
            names.append(name)
    return names


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


def theme_named(candidates: list[str], titles: list[str]) -> str | None:
    """The plan's theme the nearest heading names best ("Oermijnende criminaliteit" is
    "Ondermijnende criminaliteit"); a farther heading only when the nearer ones name none."""
    for candidate in candidates:
        # alike by the start, then wholly: "Jeugd en veiligheid" is not the theme "Jeugd"
        scored = [
            (name_alike(candidate, title), _whole_alike(candidate, title), title)
            for title in titles
        ]
        best = max(scored, key=lambda scores: scores[:2], default=(0.0, 0.0, None))
        if best[0] >= SAME_THEME:
            return best[2]
    return None


def _whole_alike(first: str, second: str) -> float:
    return SequenceMatcher(None, letters(first), letters(second)).ratio()


def name_alike(first: str, second: str) -> float:
    """How alike two names are by their letters, the shorter against the start of the longer."""
    a, b = letters(first), letters(second)
    if not a or not b:
        return 0.0
    shorter, longer = sorted((a, b), key=len)
    return max(SequenceMatcher(None, a, b).ratio(),
               SequenceMatcher(None, shorter, longer[: len(shorter)]).ratio())  # fmt: skip


def letters(text: str) -> str:
    return re.sub(r"[^a-zà-ÿ]", "", text.casefold())
