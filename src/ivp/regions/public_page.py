"""What the apps above regions add to a municipality's public page: its headline tiles.

regions sits below figures in the layers (.importlinter), so the page cannot ask the figures
itself; figures registers a provider when it starts (FiguresConfig.ready), as the audit trail's
registry does for the apps whose changes it shows.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .models import Municipality


@dataclass(frozen=True)
class Tile:
    """One headline figure as the page shows it: every string already in Dutch notation."""

    title: str
    value: str
    source: str
    period: str
    detail: str = ""
    verdict: str = ""  # the analysis's word, empty when it gives none
    link: str = ""
    link_text: str = ""


TileProvider = Callable[[Municipality], list[Tile]]
_providers: list[TileProvider] = []


def register_tiles(provider: TileProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def headline_tiles(municipality: Municipality) -> list[Tile]:
    return [tile for provider in _providers for tile in provider(municipality)]
