"""From the blocks of a plan document to a draft plan, in the shape of the plan's JSON export
(`ivp plan --format json`) so that the same service saves it: the title and period, the
chapters with their text, the priorities with their speerpunten, approach lines, objectives and
parties, and the region's priorities the plan describes.

Never invented: what the document does not say stays empty and is named in `findings`
("geen doelstelling gevonden"); every drafted element keeps its `source` (file, page, line and
the words it was read from). Pure Python, like the readers.

How plans say things, as the seeds show them:
- the priorities are listed once in the summary ("komen we tot de volgende prioriteiten:"),
  then written out in sections whose titles differ slightly ("Doelstelling 2: het terug
  dringen van …" for "Het terugdringen van …"): the two are matched by their words;
- speerpunten follow a sentence such as "In onze strategie richten we ons op drie
  speerpunten:", approach lines one such as "Onze aanpak richt zich op:";
- a chapter "Prioriteiten <regio>" holds the region's shared priorities, each an unnumbered
  title line followed by its text;
- parties are named in prose: "samen met X en Y", "een samenwerking tussen X, Y en Z".
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .blocks import Block, Kind
from .drafting_actions import draft_actions, letters

FORMAT_VERSION = 2
PERIOD = re.compile(r"(20\d\d)\s*[-–]\s*(20\d\d)")
LISTS_PRIORITIES = re.compile(r"\b(?:volgende|onze|deze|vier|drie|vijf)\s+(?:\w+\s+)?prioriteiten\b",
                              re.IGNORECASE)  # fmt: skip
SECTION = re.compile(
    r"^(?:doelstelling|prioriteit|thema|speerpunt)\s+(?P<number>\d+)\s*[:.]\s*(?P<title>.+)$",
    re.IGNORECASE,
)
STRATEGY = re.compile(
    r"\b(?:richten\s+(?:we|wij)\s+ons|(?:we|wij)\s+richten\s+ons)\b.*\bspeerpunt", re.IGNORECASE
)
APPROACH = re.compile(
    r"\b(?:onze aanpak richt zich op|aanpak richt zich op|we richten ons op|wij richten ons op|"
    r"we zetten in op|wij zetten in op)\b(?!.*speerpunt)",
    re.IGNORECASE,
)
MEASURED = re.compile(
    r"\d+(?:[,.]\d+)?\s?%|\b(?:daalt|dalen|stijgt|stijgen|afname|toename|minder dan|ten minste|"
    r"tenminste|maximaal|minimaal|halveren|verdubbelen)\b",
    re.IGNORECASE,
)
OBJECTIVE_LABEL = re.compile(r"^(?:doel|doelstelling(?:en)?|beoogd effect)\s*:\s*(?P<text>.+)$",
                             re.IGNORECASE)  # fmt: skip
TOGETHER = re.compile(
    r"\b(?:samen met|in samenwerking met|samenwerking tussen|samenwerken met|met partners als|"
    r"partners zoals|zoals)\s+(?P<names>[^.;:()]+)",
    re.IGNORECASE,
)
FRAMEWORK_CHAPTER = re.compile(r"kader", re.IGNORECASE)
DOCUMENT = re.compile(
    r"\b(?:\w*agenda|\w*beleidsplan|\w*jaarplan|\w*werkplan|\w*akkoord|\w*nota|\w*visie|"
    r"\w*programma|\w*convenant)\b",
    re.IGNORECASE,
)
OWN_PLAN = re.compile(r"integraal\s+veiligheids", re.IGNORECASE)
GOING_CONCERN = re.compile(r"going concern|reguliere aanpak|regulier werk|staande praktijk",
                           re.IGNORECASE)  # fmt: skip
SOURCE_NOTE = re.compile(r"^(?P<number>\d{1,2}) (?P<text>(?:Bron:|Zie |https?://).+)$")
PRIORITY_CHAPTER = re.compile(r"prioriteit|speerpunt|doelstelling|thema", re.IGNORECASE)
REGIONAL_CHAPTER = re.compile(
    r"^(?i:(?:regionale\s+)?prioriteiten\s+(?:van\s+)?(?:de\s+)?(?:regio\s+)?)(?P<region>[A-Z].+)$"
)
NOT_PARTIES = {"partners", "onze partners", "ketenpartners", "netwerkpartners", "inwoners",
               "ondernemers", "de gemeente", "gemeente", "gemeenten", "de gemeenten",
               "professionals", "elkaar", "iedereen", "hen", "ons", "andere partijen", "partijen",
               "vrijwilligers", "maatschappelijke organisaties"}  # fmt: skip
LONGEST_TITLE = 200  # a title longer than this is cut at a word, the rest is its introduction
SAME_TITLE = 0.72
# words every plan uses, that say nothing about which theme it is
COMMON_STEMS = {"veilig", "gemeen", "inwone", "samenw", "partne", "aanpak", "verste", "verbet",
                "beleid", "integr", "binnen", "wordt", "worden", "door", "zijn", "hebben", "onze",
                "deze", "maar", "ook", "voor", "meer", "waar", "zoals", "komen", "jaren"}  # fmt: skip  # how alike a listed priority and a section title must be to be one


@dataclass(frozen=True)
class Theme:
    """A theme of the taxonomy, as the drafter may suggest it."""

    name: str
    description: str = ""


@dataclass(frozen=True)
class Register:
    """The parties ivp knows, each with the other names that mean it (aliases)."""

    names: dict[str, str]  # a name or alias, case-folded → the party's name

    @classmethod
    def of(cls, parties: dict[str, list[str]]) -> "Register":
        names = {}
        for name, aliases in parties.items():
            for said in (name, *aliases):
                names[_key(said)] = name
        return cls(names)

    def match(self, said: str) -> str | None:
        """The party a name means, also when written with or without a hyphen inside a word
        ("water-convenant")."""
        found = self.names.get(_key(said))
        if found is None:
            loose = _key(said).replace("-", "")
            found = next((p for k, p in self.names.items() if k.replace("-", "") == loose), None)
        return found

    def unknown(self, names: list[str]) -> list[str]:
        """The names no party of the register goes by, each once: saving makes them new
        parties."""
        new: list[str] = []
        for name in names:
            if self.match(name) is None and _key(name) not in map(_key, new):
                new.append(name)
        return new


def draft_plan(
    blocks: list[Block], *, register: Register | None = None, themes: list[Theme] = ()
) -> dict:
    register = register or Register({})
    draft = {
        "format_version": FORMAT_VERSION,
        "title": "",
        "period": {"from": None, "to": None},
        "mission": "",
        "vision": "",
        "strategic_objectives": [],
        "principles": [],
        "frameworks": [],
        "priorities": [],
        "other_themes": [],
        "going_concern": [],
        "regions": [],
        "communication": "",
        "formation": "",
        "finances": "",
        "chapters": [],
        "findings": [],
    }
    _head(draft, blocks)
    chapters = _chapters(blocks)
    draft["chapters"] = [_chapter_draft(title, body) for title, body in chapters]
    draft["foreword"] = _foreword(blocks)
    regional = [(t, b) for t, b in chapters if REGIONAL_CHAPTER.match(t.text)]
    for title, body in regional:
        region = REGIONAL_CHAPTER.match(title.text).group("region")
        draft["regions"].append(
            {
                "region": {"code": None, "name": _joined_name(region)},
                "priorities": [
                    _regional_priority(t, part, register) for t, part in _titled_parts(body)
                ],
                "source": title.source,
            }
        )
    own = [(t, b) for t, b in chapters if (t, b) not in regional]
    framed = [b for t, body in chapters if FRAMEWORK_CHAPTER.search(t.text) for b in body]
    draft["frameworks"] = _frameworks(framed)
    draft["sources"] = _sources(blocks)
    draft["going_concern"] = _going_concern(blocks)
    tables = draft_actions(blocks)["themes"]
    if tables:  # an uitvoeringsplan: its themes are where its actions tables stand
        priorities = [_theme_of_actions(blocks, table) for table in tables]
        lettered = next((n for n, t in enumerate(tables) if t["number"].isalpha()), len(tables))
        draft["priorities"], draft["other_themes"] = priorities[:lettered], priorities[lettered:]
    else:
        draft["priorities"] = _priorities(own, register)
    for priority in draft["priorities"] + draft["other_themes"]:
        priority["theme"], priority["theme_match"] = suggest_theme(
            priority["title"], priority["description"], themes
        )
        if priority["theme"]:
            draft["findings"].append(
                f"{priority['title']}: thema „{priority['theme']}” voorgesteld (gedeelde "
                f"woorden: {', '.join(priority['theme_match']['words'])})."
            )
    if not draft["priorities"]:
        draft["findings"].append("Geen prioriteiten gevonden.")
    for priority in draft["priorities"] + draft["other_themes"]:
        if not priority["objectives"] and not any(a["objectives"] for a in
                                                  priority["focus_areas"]):  # fmt: skip
            draft["findings"].append(f"{priority['title']}: geen doelstelling gevonden.")
    return draft


# --- the head and the chapters ---------------------------------------------------------------


def _head(draft: dict, blocks: list[Block]) -> None:
    """The title from the first lines (until the first heading or long paragraph), the period
    from it or from the first years named."""
    opening = []
    for block in blocks[:8]:
        if block.kind == Kind.HEADING or len(block.text) > 120:
            break
        opening.append(block)
    title = " ".join(b.text for b in opening if len(b.text.split()) <= 8)
    if "veiligheid" in title.casefold():
        words = [w.capitalize() if w.isupper() and len(w) > 3 else w for w in title.split()]
        draft["title"] = PERIOD.sub(r"\1–\2", " ".join(words))
        draft["source"] = opening[0].source if opening else None
    for block in blocks[:40]:
        found = PERIOD.search(block.text)
        if found:
            draft["period"] = {"from": int(found.group(1)), "to": int(found.group(2))}
            break
    if draft["period"]["from"] is None:
        draft["findings"].append("Geen planperiode gevonden.")


def _chapters(blocks: list[Block]) -> list[tuple[Block, list[Block]]]:
    """The top-level headings with the blocks under each (what comes before the first heading
    is the title page and the voorwoord)."""
    levels = [b.level for b in blocks if b.kind == Kind.HEADING]
    if not levels:
        return []
    top = min(levels)
    chapters: list[tuple[Block, list[Block]]] = []
    for block in blocks:
        if block.kind == Kind.HEADING and block.level == top:
            chapters.append((block, []))
        elif chapters:
            chapters[-1][1].append(block)
    return chapters


def _foreword(blocks: list[Block]) -> dict | None:
    """The text between the title and the first chapter, when it is prose (a voorwoord): its
    paragraphs, and its last short lines as the signer ("H. Jager", "Burgemeester van …")."""
    first = next((n for n, b in enumerate(blocks) if b.kind == Kind.HEADING), len(blocks))
    prose = [b for b in blocks[:first] if b.kind == Kind.PARAGRAPH]
    long = [n for n, b in enumerate(prose) if len(b.text) > 60]
    if not long:
        return None
    body = prose[long[0] : long[-1] + 1]  # from the first sentence to the last (not the title)
    after = [b.text for b in prose[long[-1] + 1 :] if len(b.text.split()) <= 6]
    signer = after[-2:] if len(after) >= 2 else after
    return {
        "text": "\n\n".join(b.text for b in body),
        "signer_name": signer[0] if len(signer) == 2 else "",
        "signer_function": signer[-1] if signer else "",
        "source": body[0].source,
    }


def _chapter_draft(title: Block, body: list[Block]) -> dict:
    lines = []
    for block in body:
        if block.kind == Kind.ITEM:
            lines.append(f"{block.number}. {block.text}" if block.number else f"- {block.text}")
        elif block.kind == Kind.PARAGRAPH:
            lines.append(f"\n{block.text}\n")
        elif block.kind == Kind.HEADING:
            lines.append(f"\n**{block.text}**\n")
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return {"title": title.text, "text": text, "source": title.source}


# --- priorities ------------------------------------------------------------------------------


def _priorities(chapters: list[tuple[Block, list[Block]]], register: Register) -> list[dict]:
    blocks = [b for _, body in chapters for b in body]
    listed = _listed_priorities(blocks)
    sections = _sections(blocks) or [
        part
        for title, body in chapters
        if PRIORITY_CHAPTER.search(title.text)
        for part in _headed_parts(body)
    ]
    drafted = []
    used: set[int] = set()
    for item in listed:
        match = _best_section(item.text, sections, used)
        if match is None:
            drafted.append(_priority(item, _title_of(item.text), [], register))
            continue
        used.add(match)
        heading, body = sections[match]
        drafted.append(_priority(heading, _section_title(heading), body, register))
    for index, (heading, body) in enumerate(sections):
        if index not in used:
            drafted.append(_priority(heading, _section_title(heading), body, register))
    return drafted


def _theme_of_actions(blocks: list[Block], theme: dict) -> dict:
    """A theme of an uitvoeringsplan: its heading, the text up to its actions table (its
    introduction, and the items under "Doelstellingen …" as its objectives), and the parties
    of its actions."""
    start = theme["heading_at"]
    heading = blocks[start]
    introduction, objectives, under = [], [], ""
    for block in blocks[start + 1 : theme["table_at"]]:
        if block.kind == Kind.HEADING:
            under = block.text
        elif block.kind == Kind.ITEM and re.match(r"doel", under, re.IGNORECASE):
            objectives.append(_objective(block.text, block))
        elif block.kind == Kind.PARAGRAPH and not under:
            introduction.append(block.text)
    parties: list[str] = []
    for action in theme["actions"]:
        parties += [n for n in action["parties"] if _key(n) not in map(_key, parties)]
    title = heading.text.capitalize() if heading.text.isupper() else heading.text
    return {
        **_priority(heading, title, [], Register({})),
        "description": "\n\n".join(introduction),
        "objectives": objectives,
        "parties": parties,
    }


def _listed_priorities(blocks: list[Block]) -> list[Block]:
    """The numbered list after a sentence that announces the priorities."""
    for index, block in enumerate(blocks):
        if block.kind != Kind.ITEM and LISTS_PRIORITIES.search(block.text):
            items = _items_after(blocks, index)
            if len(items) >= 2:
                return items
    return []


def _items_after(blocks: list[Block], index: int) -> list[Block]:
    """The list that follows block `index`: its top-level items, with at most one short
    paragraph between two of them (an item's explanation) and footnotes skipped; it ends at a
    heading, a section, a second paragraph or one that announces another list."""
    items: list[Block] = []
    prose = 0
    for block in blocks[index + 1 :]:
        if block.kind == Kind.HEADING or SECTION.match(block.text):
            break
        if block.kind == Kind.ITEM:
            if block.level == 0:
                items.append(block)
            prose = 0
            continue
        if not items:
            break  # a list follows the sentence that announces it
        if re.match(r"^\d{1,2} ", block.text):
            continue  # a footnote between two items
        if block.text.rstrip().endswith(":"):
            break  # a sentence that announces the next list
        prose += 1
        if prose > 1:
            break
    return items


def _sections(blocks: list[Block]) -> list[tuple[Block, list[Block]]]:
    """Where the priorities are written out: blocks that open with "Doelstelling 1:",
    "Prioriteit 2." …, each up to the next."""
    sections: list[tuple[Block, list[Block]]] = []
    for block in blocks:
        if block.kind in (Kind.PARAGRAPH, Kind.HEADING) and SECTION.match(block.text):
            sections.append((block, []))
        elif sections:
            sections[-1][1].append(block)
    return sections


def _headed_parts(body: list[Block]) -> list[tuple[Block, list[Block]]]:
    """A chapter's sub-headings at their highest level, each with what follows it."""
    levels = [b.level for b in body if b.kind == Kind.HEADING]
    parts: list[tuple[Block, list[Block]]] = []
    for block in body:
        if block.kind == Kind.HEADING and block.level == min(levels):
            parts.append((block, []))
        elif parts:
            parts[-1][1].append(block)
    return parts


def _best_section(listed: str, sections, used: set[int]) -> int | None:
    scores = [
        (_alike(listed, _section_title(heading)), index)
        for index, (heading, _) in enumerate(sections)
        if index not in used
    ]
    best = max(scores, default=(0.0, None))
    return best[1] if best[0] >= SAME_TITLE else None


def _section_title(heading: Block) -> str:
    found = SECTION.match(heading.text)
    title = found.group("title") if found else heading.text
    return title[:1].upper() + title[1:]


def _priority(heading: Block, title: str, body: list[Block], register: Register) -> dict:
    parts = _parts(body, register)
    return {
        "title": title.strip().rstrip("."),
        "theme": None,
        "themes": [],
        "description": parts["introduction"],
        "ambition": "",
        "objectives": parts["objectives"],
        "approach": parts["approach"],
        "approach_sources": parts["approach_sources"],
        "focus_areas": parts["focus_areas"],
        "regional_links": [],
        "parties": parts["parties"],
        "frameworks": [],
        "shared": None,
        "source": heading.source,
    }


def _regional_priority(heading: Block, body: list[Block], register: Register) -> dict:
    parts = _parts(body, register)
    return {
        "title": heading.text.strip(),
        "period": "",
        "worked_on_in": [],
        "description": parts["introduction"],
        "focus_areas": parts["focus_areas"],
        "approach": parts["approach"],
        "parties": parts["parties"],
        "source": heading.source,
    }


def _titled_parts(body: list[Block]) -> list[tuple[Block, list[Block]]]:
    """A chapter of unnumbered titles each followed by its text: the titles and their parts."""
    parts: list[tuple[Block, list[Block]]] = []
    for index, block in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        if _a_title(block) and following is not None and following.kind == Kind.PARAGRAPH:
            parts.append((block, []))
        elif parts:
            parts[-1][1].append(block)
    return parts


def _a_title(block: Block) -> bool:
    text = block.text.strip()
    return (
        block.kind in (Kind.PARAGRAPH, Kind.HEADING)
        and 1 <= len(text.split()) <= 9
        and text[-1:] not in ".:;,?!"
        and text[:1].isupper()
        and not PERIOD.search(text)
    )


def _parts(body: list[Block], register: Register) -> dict:
    """A priority's text: its introduction, the speerpunten or approach lines of the lists
    announced as such, objectives, and the parties named."""
    introduction: list[str] = []
    focus_areas: list[dict] = []
    approach: list[str] = []
    approach_sources: list[dict] = []
    objectives: list[dict] = []
    taken: set[int] = set()
    for index, block in enumerate(body):
        if index in taken:
            continue
        if block.kind != Kind.ITEM and STRATEGY.search(block.text):
            for item in _items_after(body, index):
                taken.add(body.index(item))
                focus_areas.append(_focus_area(item, register))
            continue
        if block.kind != Kind.ITEM and APPROACH.search(block.text):
            for item in _items_after(body, index):
                taken.add(body.index(item))
                approach.append(item.text)
                approach_sources.append(item.source)
            continue
        label = OBJECTIVE_LABEL.match(block.text)
        if label or (block.kind == Kind.ITEM and MEASURED.search(block.text)):
            objectives.append(_objective(label.group("text") if label else block.text, block))
            continue
        if block.kind == Kind.PARAGRAPH and not re.match(r"^\d{1,2} ", block.text):
            introduction.append(block.text)
    text = " ".join(b.text for b in body)
    return {
        "introduction": "\n\n".join(introduction),
        "focus_areas": focus_areas,
        "approach": approach,
        "approach_sources": approach_sources,
        "objectives": objectives,
        "parties": _parties(text, register),
    }


def _focus_area(item: Block, register: Register) -> dict:
    title, rest = _split_title(item.text)
    return {
        "title": title,
        "introduction": rest,
        "ambition": "",
        "goal": "",
        "means": "",
        "objectives": [],
        "approach": [],
        "parties": _parties(item.text, register),
        "source": item.source,
    }


def _objective(text: str, block: Block) -> dict:
    return {
        "text": text.strip(),
        "kind": "",
        "direction": "",
        "indicator": None,
        "baseline": {"value": None, "year": None},
        "target": {"value": None, "year": None},
        "per_year": False,
        "unit": "",
        "themes": [],
        "source": block.source,
    }


def _split_title(text: str) -> tuple[str, str]:
    """A speerpunt's title and the explanation after it: up to a colon, a semicolon or the
    first full stop, or a clause that explains ("…, welke ligt op …")."""
    found = re.search(r"[:;]\s|\.\s+(?=[A-Z(])|\.$|,\s+(?=(?:welke|die|dat|om|waarbij|zodat)\b)",
                      text)  # fmt: skip
    if found and found.start() <= LONGEST_TITLE:
        return text[: found.start()].strip(), text[found.end() :].strip()
    if len(text) <= LONGEST_TITLE:
        return text.strip(), ""
    cut = text.rfind(" ", 0, LONGEST_TITLE)
    return text[:cut].strip() + " …", text[cut:].strip()


def _title_of(text: str) -> str:
    return _split_title(text)[0]


# --- frameworks, sources, going concern ------------------------------------------------------


def _frameworks(blocks: list[Block]) -> list[dict]:
    """The documents a chapter on the frameworks names as its own lines: a national agenda, a
    regional police plan, a coalition agreement, with their years where given; each once."""
    found: list[dict] = []
    for block in blocks:
        if block.kind not in (Kind.PARAGRAPH, Kind.HEADING):
            continue
        period = PERIOD.search(block.text[:160])
        name = block.text[: period.end()] if period else block.text
        words = name.split()
        if not DOCUMENT.search(" ".join(words[:6])) or len(words) > 12 or OWN_PLAN.search(name):
            continue
        if name[-1:] in ".:;" or any(_alike(name, f["name"]) >= 0.8 for f in found):
            continue
        found.append(
            {
                "name": PERIOD.sub(r"\1–\2", name).strip(),
                "level": _level(name),
                "period": f"{period.group(1)}–{period.group(2)}" if period else "",
                "issuer": "",
                "source": block.source,
            }
        )
    return found


def _level(name: str) -> str:
    said = name.casefold()
    if said.startswith(("landelijk", "nationa", "rijks")):
        return "landelijk"
    if said.startswith(("regiona", "regio", "jaarwerkplan politie", "politie")):
        return "regionaal"
    if said.startswith(("coalitie", "gemeente", "lokaal", "raads")):
        return "lokaal"
    return ""


def _sources(blocks: list[Block]) -> list[dict]:
    """The document's footnotes that give a source ("3 Bron: https://…")."""
    found = []
    for block in blocks:
        note = SOURCE_NOTE.match(block.text) if block.kind == Kind.PARAGRAPH else None
        if note:
            found.append({"number": int(note.group("number")), "text": note.group("text"),
                          "source": block.source})  # fmt: skip
    return found


def _going_concern(blocks: list[Block]) -> list[str]:
    """The themes a sentence names as regular work ("In de reguliere aanpak: …"), from the
    list after it."""
    for index, block in enumerate(blocks):
        if block.kind != Kind.ITEM and GOING_CONCERN.search(block.text):
            return [_title_of(item.text) for item in _items_after(blocks, index)]
    return []


# --- themes ----------------------------------------------------------------------------------


def suggest_theme(title: str, description: str, themes: list[Theme]) -> tuple[str | None, dict]:
    """The taxonomy's theme a priority is about, by the words they share: a word of the theme's
    name in the title counts six, a word of its description in the title five ("woninginbraak"
    in "… zoals woninginbraak, geweld …"), one in the priority's own text one; a compound that
    only holds the word ("woonoverlast": "overlast") counts less. The title must share at least
    one; None when no theme shares enough. The match says which words decided it."""
    said, told = _words(title), _words(description[:400])
    best: tuple[int, str | None, list[str]] = (0, None, [])
    for theme in themes:
        name, about = _words(theme.name), _words(theme.description)
        points, words = 0, set()
        for weights, these, those in (((6, 3), said, name), ((5, 2), said, about),
                                       ((1, 0), told, about)):  # fmt: skip
            for word in these - words:
                found = _share(word, those)
                if found:
                    points += weights[0] if found == "same" else weights[1]
                    words.add(word)
        by_title = words & said
        if by_title and points > best[0]:
            best = (points, theme.name, sorted(words))
    if best[0] < 3:
        return None, {}
    return best[1], {"score": best[0], "words": best[2]}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-zà-ÿ]{4,}", text.casefold()) if w[:6] not in COMMON_STEMS}


def _share(word: str, those: set[str]) -> str:
    """ "same" when a word of `those` is this word (by its first six letters), "part" when one
    holds the other whole (a compound and its part of seven letters or more), else ""."""
    if any(word[:6] == other[:6] for other in those):
        return "same"
    if any(min(len(word), len(other)) >= 7 and (other in word or word in other) for other in those):
        return "part"
    return ""


# --- parties ---------------------------------------------------------------------------------


def _parties(text: str, register: Register) -> list[str]:
    """Organisations the text names as working on it, as it writes them: those named where it
    says who works together ("samen met X en Y"), and those of the register (by name or alias)
    it mentions anywhere."""
    found: list[str] = []

    def add(name: str) -> None:
        if name and _key(name) not in NOT_PARTIES and _key(name) not in map(_key, found):
            found.append(name)

    for together in TOGETHER.finditer(text):
        for name in re.split(r",\s*|\s+en\s+|\s+of\s+", together.group("names")):
            name = re.sub(r"^(?:de|het|onze|hun)\s+", "", name.strip(), flags=re.IGNORECASE)
            name = re.split(
                r"\s+(?:om|die|dat|waar|welke|in|bij|op|voor|aan|te|het|de|een)\s+", name
            )[0]
            name = name.strip(" '\"‘’")
            if name and len(name.split()) <= (5 if name[:1].isupper() else 3):
                add(name)
    for said, party in register.names.items():
        if party.casefold() in NOT_PARTIES or len(said) < 3:
            continue
        mention = re.search(rf"(?<![\w-]){re.escape(said)}(?![\w-])", text, re.IGNORECASE)
        if mention and not any(_key(party) in _key(f) or _key(f) in _key(party) for f in found):
            add(mention.group())
    return found


# --- helpers ---------------------------------------------------------------------------------


def _alike(first: str, second: str) -> float:
    """How alike two titles are, by their letters: "terug dringen" and "terugdringen" are one."""
    a, b = letters(first), letters(second)
    if not a or not b:
        return 0.0
    shorter, longer = sorted((a, b), key=len)
    return SequenceMatcher(None, shorter, longer[: len(shorter) + 10]).ratio()


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _joined_name(name: str) -> str:
    """A place name split at its hyphen by the layout: "Zuidwest- Drenthe"."""
    return re.sub(r"-\s+(?=[A-Z])", "-", name.strip())
