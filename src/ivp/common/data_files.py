"""Where the files shipped in `data/` (or `$IVP_DATA_DIR`) are found."""

from pathlib import Path

from django.conf import settings


def data_file(*parts: str) -> Path:
    return Path(settings.DATA_DIR).joinpath(*parts)
