"""Bold, italic, links and footnotes inside the text a coordinator writes in a plain text box,
typed as people type them in e-mail and wikis: **vet**, *schuin*, [CBS Statline](https://…) and a
footnote where it belongs: ^[Bron: Politie, geregistreerde criminaliteit 2023.]

Read with markdown-it's inline rules only (no raw HTML: a tag stays text), so every renderer gets
the same runs. A link goes only to a web address or an e-mail address; any other target is
written as plain text. Footnotes are numbered through the whole document, in reading order.
"""

from collections.abc import Callable
from dataclasses import dataclass

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

LINK_SCHEMES = ("https://", "http://", "mailto:")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""
    note: int = 0  # a footnote's number: the run marks where it stands, `note_text` says it
    note_text: tuple["Run", ...] = ()


class Rich(str):
    """Text with its runs; as a str, what it says without its footnotes (for searching,
    measuring and tests)."""

    runs: tuple[Run, ...]

    def __new__(cls, runs):
        value = super().__new__(cls, "".join(r.text for r in runs))
        value.runs = tuple(runs)
        return value

    def __getnewargs__(self):
        return (self.runs,)

    @property
    def notes(self) -> list[Run]:
        return [r for r in self.runs if r.note]


def runs_of(text: str) -> tuple[Run, ...]:
    return getattr(text, "runs", None) or (Run(text),)


def prefixed(prefix: str, text: str) -> str:
    """`prefix` and a space before `text`, keeping its runs."""
    if isinstance(text, Rich):
        return Rich((Run(f"{prefix} "), *text.runs))
    return f"{prefix} {text}"


_PARSER = (
    MarkdownIt("zero")
    .enable(["emphasis", "link", "escape", "newline"])
    .use(footnote_plugin, inline=True, move_to_end=False)
)
_PARSER.disable(["footnote_ref", "footnote_def"])  # only notes written where they belong


def rich(text: str, next_note: Callable[[], int]) -> Rich:
    """`text` read for its inline markup; `next_note` gives each footnote its number."""
    env: dict = {}
    tokens = _PARSER.parseInline(text, env)
    notes = env.get("footnotes", {}).get("list", {})
    return Rich(_runs(tokens[0].children or [] if tokens else [], notes, next_note))


def _runs(tokens, notes: dict, next_note) -> list[Run]:
    found: list[Run] = []
    bold = italic = 0
    href = ""
    for token in tokens:
        match token.type:
            case "strong_open" | "strong_close":
                bold += token.nesting
            case "em_open" | "em_close":
                italic += token.nesting
            case "link_open":
                href = _web_address(str(token.attrs.get("href", "")))
            case "link_close":
                href = ""
            case "softbreak" | "hardbreak":
                found.append(Run("\n", bold > 0, italic > 0, href))
            case "footnote_ref":
                said = notes.get(token.meta["id"], {})
                text = tuple(_runs(said.get("tokens", []), {}, next_note))
                found.append(Run("", note=next_note(), note_text=text))
            case _:
                if token.content:
                    found.append(Run(token.content, bold > 0, italic > 0, href))
    return found


def _web_address(href: str) -> str:
    if href.startswith("www."):
        href = f"https://{href}"
    return href if href.lower().startswith(LINK_SCHEMES) else ""


def vague_links(text: Rich) -> list[str]:
    """Link texts that do not say where the link goes ("hier", "klik hier", "link")."""
    vague = {"hier", "klik hier", "link", "deze link", "lees meer", "meer", "website"}
    said: dict[str, str] = {}
    for run in text.runs:
        if run.href:
            said[run.href] = said.get(run.href, "") + run.text
    return [words for words in said.values() if words.strip(" .:").lower() in vague]
