"""Synthetic 47013NED files: police crime counts per crime type, municipality and month.

Everything this module writes is SYNTHETIC. The police table 47013NED ("Geregistreerde misdrijven
en aangiften; soort misdrijf, gemeente") is not available here per municipality, month and crime
type, so for format tests and benchmarks we generate a file in its typed/OData CSV layout from the
real code lists (``data/politie-47013-gemeente-totaal/metadata_47013NED_2025-12.csv``) and the real
population per municipality (CBS 37230ned), with plausible but invented values. The file name always
carries :data:`SYNTHETIC_MARK` so it can never be mistaken for, or imported as, police figures.

Layout (``;``-separated, UTF-8 without BOM, every field double-quoted, ``\n`` line ends)::

    "ID";"SoortMisdrijf";"RegioS";"Perioden";"GeregistreerdeMisdrijven_1";"Aangiften_2";"Internetaangiften_3"

Rows are ordered as CBS orders a typed data set: SoortMisdrijf slowest, then RegioS, then Perioden
fastest, each in metadata order; ID runs from 0. Keys are written exactly as in the metadata,
padding included (``"1.1.1 "``, ``"2.6.10"``, ``"GM1680"``, ``"NL01  "``).

Values: expected count = national count of that crime type in that year (Politie, 2012-2023,
embedded below; later years repeat 2023) x the municipality's share of the population x a
size factor per crime type (big cities have more pickpocketing per inhabitant, the countryside
more environmental crime) x a random level per municipality and per municipality and type x a
seasonal profile per crime type x a level per municipality and year (the swing between years
that registered counts show beyond chance, :data:`YEAR_LEVEL_SIGMA`); then Poisson noise. Aangiften and Internetaangiften are
binomial thinnings, so Internetaangiften <= Aangiften <= GeregistreerdeMisdrijven in every cell.
Year rows (``YYYYJJ00``) are the sum of their months and aggregate crime types (``0.0.0``) the
sum of their leaf types, for each of the three topics. Each municipality and year has its own
random stream (seed, municipality number, year), so a municipality's figures for a year are the
same in the full file and in any subset of municipalities or years generated with that seed.

This module is pure: no Django, no database; it reads the two CSV files itself.
"""

from __future__ import annotations

import calendar
import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from ivp.common.progress import Progress

SYNTHETIC_MARK = "SYNTHETISCH"
PROGRESS_STEP = "Synthetische 47013NED-rijen"
TABLE = "47013NED"
HEADER = (
    "ID",
    "SoortMisdrijf",
    "RegioS",
    "Perioden",
    "GeregistreerdeMisdrijven_1",
    "Aangiften_2",
    "Internetaangiften_3",
)
METADATA_FILE = ("politie-47013-gemeente-totaal", "metadata_47013NED_2025-12.csv")
POPULATION_FILE = (
    "cbs-bevolking-gemeente-2002-2025",
    "statline_37230_bevolking_eind_jaar_2002_2024.csv",
)
# Regions in the RegioS list that are municipality codes but no municipality.
NOT_A_MUNICIPALITY = frozenset({"GM0998", "GM0999"})  # Buitenland; Gemeenten, niet in te delen
NATIONAL_KEY = "NL01"

# Registered crimes in the Netherlands per police crime type (BVI code), 2012..2023.
# Source: data/politie-nl-totalen-2012-2023/NL_Crime.csv (Politie, CC BY 4.0, via
# bernasco/staat_van_de_misdaad @ 5f16319a); the 58 types sum to "Totaal misdrijven" every year.
NATIONAL_FIRST_YEAR = 2012
NATIONAL_COUNTS: dict[str, tuple[int, ...]] = {
    "1.1.1": (91595, 87455, 71143, 64676, 55495, 49209, 42887, 39474, 30571, 23525, 24414, 22706),
    "1.1.2": (20050, 23044, 21862, 21224, 18493, 15235, 12526, 12250, 13804, 12285, 10677, 11000),
    "1.2.1": (99450, 96122, 84717, 82098, 77412, 63759, 53478, 48515, 45250, 38642, 43210, 43515),
    "1.2.2": (16120, 16890, 15475, 14778, 13225, 11615, 10707, 9995, 9678, 7990, 9017, 9303),
    "1.2.3": (123742, 122796, 127392, 123438, 110864, 91582, 82081, 81997, 76291, 71439, 92173, 96927),
    "1.2.4": (37419, 41983, 33327, 29307, 25422, 20902, 15025, 12852, 6915, 5585, 10234, 12393),
    "1.2.5": (18676, 19118, 19284, 17334, 15060, 14221, 13687, 16979, 17550, 16692, 24431, 28402),
    "1.3.1": (88006, 87328, 82362, 80796, 81047, 78787, 81167, 83072, 75133, 76068, 82834, 76458),
    "1.4.1": (8077, 7413, 7171, 6805, 7486, 7612, 8278, 7357, 7306, 7847, 9088, 8214),
    "1.4.2": (3792, 3431, 3277, 3159, 3061, 2946, 2719, 2604, 2687, 2681, 2799, 2541),
    "1.4.3": (5542, 4687, 4239, 3909, 3691, 3773, 3607, 3733, 2910, 3343, 4068, 4037),
    "1.4.4": (38188, 36275, 34508, 31820, 30408, 27783, 26788, 28286, 29590, 26994, 25350, 23298),
    "1.4.5": (56461, 51941, 49756, 47471, 46248, 44085, 42331, 41787, 37582, 35759, 40591, 39268),
    "1.4.6": (7988, 7006, 5432, 4738, 4179, 3591, 3534, 3781, 3187, 2318, 2484, 2435),
    "1.4.7": (2104, 1684, 1324, 1226, 1152, 1111, 1148, 1177, 907, 684, 671, 541),
    "1.5.2": (3177, 3142, 2951, 2383, 2213, 1946, 1687, 1560, 1669, 1229, 1184, 941),
    "1.6.1": (6070, 5279, 5021, 4880, 4770, 4677, 4600, 4738, 5049, 4113, 4227, 4103),
    "1.6.2": (151663, 146248, 133381, 118279, 108948, 93906, 86966, 88449, 77472, 68667, 82918, 83379),
    "1.6.3": (536, 416, 381, 369, 480, 497, 609, 965, 563, 565, 654, 628),
    "2.1.1": (838, 490, 388, 365, 216, 206, 168, 190, 156, 128, 186, 176),
    "2.2.1": (134126, 118127, 110272, 102048, 94731, 81682, 72120, 76909, 78420, 72041, 71057, 69976),
    "2.4.1": (241, 297, 284, 244, 220, 220, 227, 230, 255, 228, 243, 229),
    "2.4.2": (2372, 2284, 2371, 2069, 2298, 2112, 2328, 2676, 2622, 2494, 3032, 3234),
    "2.5.1": (37521, 36276, 31848, 29390, 26752, 22820, 19829, 19472, 16705, 11228, 12835, 12941),
    "2.5.2": (42343, 43100, 41840, 40239, 39095, 37610, 37491, 39229, 34343, 30714, 40142, 44844),
    "2.6.1": (290, 169, 146, 141, 126, 90, 99, 99, 94, 64, 55, 32),
    "2.6.2": (412, 320, 274, 205, 269, 252, 282, 224, 185, 156, 112, 105),
    "2.6.3": (87, 81, 52, 44, 37, 36, 33, 33, 29, 24, 19, 18),
    "2.6.4": (557, 435, 310, 232, 213, 200, 246, 193, 167, 172, 156, 90),
    "2.6.5": (28, 24, 15, 9, 9, 6, 6, 6, 13, 10, 10, 5),
    "2.6.7": (47, 46, 29, 23, 24, 25, 23, 14, 10, 10, 7, 10),
    "2.6.8": (198, 261, 295, 229, 204, 219, 277, 411, 653, 734, 615, 338),
    "2.6.9": (587, 513, 563, 608, 608, 827, 1087, 785, 1202, 1396, 1088, 373),
    "2.6.10": (9, 5, 2, 3, 6, 2, 8, 3, 3, 1, 0, 1),
    "2.6.11": (0, 3, 1, 0, 4, 0, 0, 0, 3, 2, 0, 0),
    "2.6.12": (13, 12, 7, 4, 8, 8, 5, 6, 8, 6, 4, 8),
    "2.6.13": (968, 990, 912, 769, 750, 656, 698, 580, 575, 542, 653, 536),
    "2.6.14": (8, 3, 4, 2, 1, 2, 1, 1, 0, 0, 1, 0),
    "2.7.2": (1410, 1511, 1500, 1476, 1471, 1498, 1650, 2110, 2602, 2985, 2344, 2393),
    "2.7.3": (427, 405, 427, 424, 422, 362, 326, 490, 603, 731, 927, 1062),
    "3.1.1": (15144, 15413, 14587, 13297, 12317, 11622, 12357, 13784, 12647, 11467, 11613, 13468),
    "3.1.2": (48, 37, 84, 53, 68, 62, 64, 68, 33, 61, 57, 58),
    "3.1.3": (6110, 5729, 5236, 4966, 4876, 4243, 4943, 6226, 6601, 6756, 6840, 6662),
    "3.2.1": (481, 559, 500, 558, 377, 354, 328, 442, 325, 386, 423, 475),
    "3.2.2": (5, 10, 5, 2, 3, 2, 3, 6, 5, 0, 6, 0),
    "3.3.2": (3, 1, 6, 8, 3, 3, 7, 4, 0, 1, 9, 7),
    "3.3.5": (0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0),
    "3.4.2": (148, 138, 202, 177, 174, 143, 161, 150, 103, 127, 146, 129),
    "3.5.2": (40277, 35415, 31360, 26715, 26057, 25427, 28547, 32541, 29285, 31584, 43388, 42799),
    "3.5.5": (5319, 5284, 5392, 4991, 5446, 5444, 6041, 6666, 8761, 9574, 11730, 12123),
    "3.6.4": (6923, 5387, 5636, 4825, 5436, 5227, 5673, 7002, 6525, 7508, 7526, 7937),
    "3.7.1": (288, 306, 3243, 422, 541, 379, 397, 463, 482, 523, 396, 503),
    "3.7.2": (536, 506, 514, 463, 372, 307, 188, 98, 70, 185, 188, 157),
    "3.7.3": (11428, 10930, 11655, 10723, 10941, 10235, 10661, 11211, 12067, 11508, 11369, 10264),
    "3.7.4": (4487, 2405, 1957, 2152, 1809, 2228, 2839, 4718, 10825, 14174, 13996, 12029),
    "3.9.1": (7961, 5604, 5521, 39318, 65542, 62362, 65263, 84618, 125446, 117640, 86734, 88132),
    "3.9.2": (319, 172, 221, 571, 717, 536, 457, 502, 417, 383, 307, 346),
    "3.9.3": (27254, 23157, 21987, 14752, 2410, 1959, 1769, 1915, 1450, 1023, 657, 494),
}  # fmt: skip
NATIONAL_LAST_YEAR = NATIONAL_FIRST_YEAR + len(NATIONAL_COUNTS["1.1.1"]) - 1

# How a crime type's rate per inhabitant grows with municipality size: rate ~ population**e.
# Overall registered crime per inhabitant is roughly three times as high in Amsterdam as in a
# rural municipality of 45,000 (47013NED 2022-2024), which e = 0.3 reproduces.
SIZE_EXPONENT_DEFAULT = 0.3
SIZE_EXPONENT = {
    "1.2.4": 0.9,  # zakkenrollerij
    "1.4.6": 0.7,  # straatroof
    "1.4.7": 0.5,  # overval
    "2.5.2": 0.45,  # winkeldiefstal
    "3.1.1": 0.5,  # drugshandel
    "3.6.4": 0.45,  # aantasting openbare orde
    "3.7.2": 0.5,  # vreemdelingenzorg
    "1.3.1": 0.1,  # ongevallen (weg)
    "3.5.2": 0.05,  # onder invloed (weg)
    "1.5.2": 0.0,  # diefstallen (water)
    "3.4.2": 0.0,  # onder invloed (water)
    "2.6.2": -0.2,  # milieu: bodem ...
    "2.6.3": -0.2,
    "2.6.4": -0.2,
    "2.6.5": -0.2,
    "2.6.7": -0.4,  # mest
    "2.6.10": -0.3,
    "2.6.11": -0.3,
    "2.6.13": -0.1,  # dieren
}


def _cosine(peak_month: int, amplitude: float) -> tuple[float, ...]:
    return tuple(
        1.0 + amplitude * float(np.cos(2 * np.pi * (m - peak_month) / 12)) for m in range(1, 13)
    )


# Relative level per calendar month (January first); normalised per year with the days per month.
SEASON_DEFAULT = _cosine(3, 0.03)
SEASON = {
    "1.1.1": _cosine(12, 0.3),  # woninginbraak: dark evenings
    "1.1.2": _cosine(12, 0.2),
    "2.5.1": _cosine(12, 0.2),
    "1.4.6": _cosine(12, 0.25),
    "1.4.7": _cosine(12, 0.3),
    "1.2.1": _cosine(11, 0.15),
    "1.2.2": _cosine(11, 0.1),
    "1.2.3": _cosine(10, 0.2),  # fietsendiefstal: autumn
    "1.2.4": _cosine(12, 0.2),
    "2.5.2": _cosine(12, 0.15),
    "1.3.1": _cosine(11, 0.08),
    "1.6.1": _cosine(1, 0.2),  # brand/ontploffing: jaarwisseling
    "1.4.3": _cosine(7, 0.15),  # geweld: summer
    "1.4.4": _cosine(7, 0.06),
    "1.4.5": _cosine(7, 0.12),
    "3.6.4": _cosine(7, 0.12),
    "2.2.1": _cosine(7, 0.06),
    "1.5.2": _cosine(7, 0.7),  # water: summer
    "3.4.2": _cosine(7, 0.8),
    "3.5.2": _cosine(12, 0.1),
    "2.6.9": (3.0, 0.3, 0.2, 0.2, 0.2, 0.2, 0.3, 0.2, 0.2, 0.3, 1.2, 5.0),  # vuurwerk
}

# Share of registered crimes with a proces-verbaal van aangifte, and the share of those made online.
AANGIFTE_DEFAULT = 0.7
AANGIFTE = {
    "1.1.1": 0.95, "1.1.2": 0.9, "1.2.1": 0.95, "1.2.2": 0.95, "1.2.3": 0.95, "1.2.4": 0.95,
    "1.2.5": 0.9, "1.3.1": 0.55, "1.4.1": 0.7, "1.4.2": 0.3, "1.4.3": 0.6, "1.4.4": 0.75,
    "1.4.5": 0.8, "1.4.6": 0.9, "1.4.7": 0.9, "1.5.2": 0.9, "1.6.1": 0.5, "1.6.2": 0.9,
    "1.6.3": 0.3, "2.1.1": 0.2, "2.2.1": 0.8, "2.4.1": 0.6, "2.4.2": 0.7, "2.5.1": 0.9,
    "2.5.2": 0.85, "2.6.1": 0.1, "2.6.2": 0.1, "2.6.3": 0.1, "2.6.4": 0.1, "2.6.5": 0.1,
    "2.6.7": 0.1, "2.6.8": 0.05, "2.6.9": 0.15, "2.6.10": 0.1, "2.6.11": 0.1, "2.6.12": 0.1,
    "2.6.13": 0.4, "2.6.14": 0.1, "2.7.2": 0.1, "2.7.3": 0.3, "3.1.1": 0.05, "3.1.2": 0.1,
    "3.1.3": 0.05, "3.2.1": 0.3, "3.2.2": 0.3, "3.3.2": 0.05, "3.3.5": 0.1, "3.4.2": 0.05,
    "3.5.2": 0.02, "3.5.5": 0.3, "3.6.4": 0.3, "3.7.1": 0.8, "3.7.2": 0.1, "3.7.3": 0.6,
    "3.7.4": 0.9, "3.9.1": 0.95, "3.9.2": 0.5, "3.9.3": 0.8,
}  # fmt: skip
INTERNET = {
    "1.1.2": 0.15, "1.2.1": 0.4, "1.2.3": 0.55, "1.2.4": 0.5, "1.2.5": 0.4, "1.6.2": 0.45,
    "2.2.1": 0.3, "2.5.2": 0.1, "3.7.4": 0.5, "3.9.1": 0.75, "3.9.3": 0.4,
}  # fmt: skip

MUNICIPALITY_SIGMA = 0.2  # spread of a municipality's overall level (log scale)
MUNICIPALITY_TYPE_SIGMA = 0.3  # spread per municipality and crime type (log scale)
AANGIFTE_JITTER = 0.03
# Registered counts swing from year to year more than Poisson noise: one case can make hundreds
# of registrations, police capacity and reporting shift. Each municipality and year gets a
# log-normal level (mean 1) shared by its crime types. With sd 0.06 the swing that
# ivp.analysis.swing estimates between two years of the totals comes out at 6.3-6.8% (seeds 1,
# 2, 3, 47013); on the real 47013NED totals it is 5.8% (2022-2023), 5.6% (2023-2024) and 7.3%
# (2022-2024).
YEAR_LEVEL_SIGMA = 0.06


# --- reading the real inputs -------------------------------------------------------------------


@dataclass(frozen=True)
class MetadataKey:
    key: str  # exactly as in the file, padding included
    title: str

    @property
    def code(self) -> str:
        return self.key.strip()


@dataclass(frozen=True)
class Metadata47013:
    crime_types: tuple[MetadataKey, ...]
    regions: tuple[MetadataKey, ...]
    periods: tuple[MetadataKey, ...]


SECTIONS = ("TableInfos", "DataProperties", "SoortMisdrijf", "RegioS", "Perioden")


def default_data_dir() -> Path:
    """``$IVP_DATA_DIR`` or the repository's ``data/`` (the same rule as the Django settings)."""
    env = os.environ.get("IVP_DATA_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "data"


def read_metadata_47013(path: Path) -> Metadata47013:
    """The SoortMisdrijf, RegioS and Perioden code lists of a stacked 47013NED metadata CSV."""
    text = path.read_bytes().decode("utf-8-sig")
    sections: dict[str, list[MetadataKey]] = {}
    current: list[MetadataKey] | None = None
    header: list[str] = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
        if not row or not any(row):
            continue
        if row[0] in SECTIONS and not any(row[1:]):
            current = sections.setdefault(row[0], [])
            header = []
            continue
        if current is None:
            raise ValueError(f"{path.name}: data before the first section")
        if not header:
            header = row
            continue
        if header[:2] == ["Key", "Title"]:
            if not row[0].strip():
                raise ValueError(f"{path.name}: empty key in a code list")
            current.append(MetadataKey(row[0], row[1] if len(row) > 1 else ""))
    for name in ("SoortMisdrijf", "RegioS", "Perioden"):
        if not sections.get(name):
            raise ValueError(f"{path.name}: section {name} missing or empty")
    return Metadata47013(
        tuple(sections["SoortMisdrijf"]), tuple(sections["RegioS"]), tuple(sections["Perioden"])
    )


def read_population_by_name(path: Path) -> dict[str, dict[int, int]]:
    """Population at 31 December per region name and year from a StatLine 37230ned export."""
    text = path.read_bytes().decode("utf-8-sig")
    years: list[int] | None = None
    result: dict[str, dict[int, int]] = {}
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
        if years is None:
            if row and row[0] == "Regio's":
                years = [int(cell) for cell in row[3:]]
            continue
        if len(row) < 3 + len(years):
            continue  # "Bron: CBS" and blank lines
        values = {
            year: int(cell) for year, cell in zip(years, row[3:], strict=False) if cell.strip()
        }
        result[row[0]] = values
    if years is None:
        raise ValueError(f"{path.name}: no header row starting with Regio's")
    return result


def aggregate_components(codes: Iterable[str]) -> dict[str, list[str]]:
    """Aggregate crime types and their leaf types, from the code list itself.

    A BVI code with a ``0`` part is an aggregate of every leaf code that starts with the parts
    before its first ``0``: ``0.0.0`` (Totaal misdrijven) of all leaves, a ``1.0.0`` would be of
    ``1.*.*`` and a ``1.1.0`` of ``1.1.*``. 47013NED 2025-12 has only ``0.0.0``.
    """
    codes = list(codes)

    def prefix(code: str) -> tuple[str, ...] | None:
        parts = tuple(code.split("."))
        return parts[: parts.index("0")] if "0" in parts else None

    leaves = [code for code in codes if prefix(code) is None]
    result = {}
    for code in codes:
        head = prefix(code)
        if head is None:
            continue
        members = [leaf for leaf in leaves if tuple(leaf.split("."))[: len(head)] == head]
        if not members:
            raise ValueError(f"aggregate crime type {code} has no components")
        result[code] = members
    return result


# --- generating --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Period:
    key: str
    year: int
    month: int  # 0 for the year row


def _parse_period(key: str) -> _Period | None:
    code = key.strip()
    if len(code) == 8 and code[:4].isdigit() and code[6:].isdigit():
        if code[4:6] == "MM":
            return _Period(key, int(code[:4]), int(code[6:]))
        if code[4:6] == "JJ":
            return _Period(key, int(code[:4]), 0)
    return None  # quarters (KW) and anything else are not generated


def _year_level(draws: np.random.Generator, sigma: float) -> float:
    """A municipality's level in one year: log-normal with mean 1 and log sd `sigma`."""
    return float(draws.lognormal(-(sigma**2) / 2, sigma)) if sigma > 0 else 1.0


def output_name(first_year: int, last_year: int, subset_size: int | None = None) -> str:
    suffix = f"_{subset_size}gemeenten" if subset_size is not None else ""
    return f"{TABLE}_{SYNTHETIC_MARK}_{first_year}-{last_year}{suffix}.csv"


def is_synthetic(path_or_name: str | os.PathLike) -> bool:
    """Whether a file name marks synthetic figures (never to be imported as real data)."""
    return SYNTHETIC_MARK in Path(os.fspath(path_or_name)).name.upper()


def synthesize_47013(
    out_dir: Path,
    *,
    first_year: int = 2012,
    last_year: int = 2025,
    municipality_codes: list[str] | None = None,
    seed: int = 47013,
    progress: Progress | None = None,
    include_nederland: bool = False,
    data_dir: Path | None = None,
    year_level_sigma: float = YEAR_LEVEL_SIGMA,
) -> Path:
    """Write a SYNTHETIC 47013NED typed CSV into ``out_dir`` and return its path.

    ``municipality_codes`` restricts the file to those GM codes (file name gets ``_{n}gemeenten``);
    ``include_nederland`` adds ``NL01`` as the sum of the municipalities written. Periods are the
    months and years of the metadata within ``first_year..last_year``: a year the metadata lists
    only partly (2025 in edition 2025-12: ``2025MM01``-``2025MM11``, no ``2025JJ00``) is written
    as far as the metadata goes. Same arguments and seed give the same bytes.
    ``year_level_sigma``: sd of the log of a municipality's level per year (0: no swing).
    """
    if first_year > last_year:
        raise ValueError(f"first_year {first_year} is after last_year {last_year}")
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    meta = read_metadata_47013(data_dir.joinpath(*METADATA_FILE))
    population_by_name = read_population_by_name(data_dir.joinpath(*POPULATION_FILE))

    # Periods, in metadata order.
    periods = [p for p in map(_parse_period, (k.key for k in meta.periods)) if p is not None]
    periods = [p for p in periods if first_year <= p.year <= last_year]
    missing_years = sorted(set(range(first_year, last_year + 1)) - {p.year for p in periods})
    if missing_years:
        raise ValueError(f"years not in the 47013NED metadata: {missing_years}")
    months = [p for p in periods if p.month]
    month_index = {(p.year, p.month): i for i, p in enumerate(months)}
    # Months -> output periods: a month counts for itself and for its year's row.
    to_periods = np.zeros((len(months), len(periods)))
    for j, p in enumerate(periods):
        if p.month:
            to_periods[month_index[(p.year, p.month)], j] = 1
        else:
            for m in range(1, 13):
                if (p.year, m) in month_index:
                    to_periods[month_index[(p.year, m)], j] = 1

    # Crime types: leaves get drawn, aggregates summed.
    type_codes = [k.code for k in meta.crime_types]
    aggregates = aggregate_components(type_codes)
    leaves = [code for code in type_codes if code not in aggregates]
    unknown = sorted(set(leaves) - set(NATIONAL_COUNTS))
    if unknown:
        raise ValueError(f"crime types without a national count: {unknown}")
    leaf_rows = np.array([type_codes.index(code) for code in leaves])

    # Municipalities: every GM key of RegioS except the two catch-alls, with population.
    all_municipalities = [
        k for k in meta.regions if k.code.startswith("GM") and k.code not in NOT_A_MUNICIPALITY
    ]
    missing_population = [k.title for k in all_municipalities if k.title not in population_by_name]
    if missing_population:
        raise ValueError(f"no CBS population for: {missing_population}")
    if municipality_codes is None:
        chosen = all_municipalities
    else:
        wanted = {code.strip().upper() for code in municipality_codes}
        known = {k.code for k in all_municipalities}
        if wanted - known:
            raise ValueError(f"not a 47013NED municipality: {sorted(wanted - known)}")
        chosen = [k for k in all_municipalities if k.code in wanted]

    # Population per municipality at each month's middle, interpolating 31 December figures.
    t_month = np.array([p.year + (p.month - 0.5) / 12 for p in months])

    def population_curve(title: str) -> np.ndarray:
        points = sorted(population_by_name[title].items())
        xs = np.array([year + 1.0 for year, _ in points])  # end of year
        ys = np.array([value for _, value in points], dtype=float)
        return np.interp(t_month, xs, ys)

    curves = {k.code: population_curve(k.title) for k in all_municipalities}
    national_population = np.sum([curves[k.code] for k in all_municipalities], axis=0)
    latest = np.array([curves[k.code][-1] for k in all_municipalities])
    latest_by_code = dict(zip((k.code for k in all_municipalities), latest, strict=True))

    # Per leaf: national count per month (yearly counts interpolated at mid-year, flat outside
    # the known years) times the seasonal weight of the month within its year.
    nat_years = np.arange(NATIONAL_FIRST_YEAR, NATIONAL_LAST_YEAR + 1) + 0.5
    days = np.array([calendar.monthrange(p.year, p.month)[1] for p in months], dtype=float)
    month_of = np.array([p.month for p in months]) - 1
    year_of = np.array([p.year for p in months])
    national_monthly = np.empty((len(leaves), len(months)))
    size_norm = np.empty(len(leaves))
    exponents = np.empty(len(leaves))
    for i, code in enumerate(leaves):
        yearly = np.interp(t_month, nat_years, np.array(NATIONAL_COUNTS[code], dtype=float))
        weight = np.array(SEASON.get(code, SEASON_DEFAULT))[month_of] * days
        # Weights of a full year sum to 1; a partly listed year keeps its months' share.
        year_total = {
            y: sum(
                SEASON.get(code, SEASON_DEFAULT)[m] * calendar.monthrange(y, m + 1)[1]
                for m in range(12)
            )
            for y in set(year_of.tolist())
        }
        weight = weight / np.array([year_total[y] for y in year_of])
        national_monthly[i] = yearly * weight
        exponents[i] = SIZE_EXPONENT.get(code, SIZE_EXPONENT_DEFAULT)
        # So that the size factor averages to 1 over the Dutch population.
        size_norm[i] = latest.sum() / np.sum(latest ** (1 + exponents[i]))
    aangifte_base = np.array([AANGIFTE.get(code, AANGIFTE_DEFAULT) for code in leaves])
    internet_share = np.array([INTERNET.get(code, 0.0) for code in leaves])

    year_columns = [
        (year, np.flatnonzero(year_of == year)) for year in sorted(set(year_of.tolist()))
    ]
    n_periods = len(periods)
    regions: list[str] = [k.key for k in chosen]
    shape = (len(chosen), len(type_codes), n_periods)
    topics = [np.zeros(shape, dtype=np.int64) for _ in range(3)]
    total = len(chosen)
    if progress:
        progress(PROGRESS_STEP, 0, total)
    for g, key in enumerate(chosen):
        rng = np.random.default_rng([seed, int(key.code[2:])])
        level = rng.lognormal(-(MUNICIPALITY_SIGMA**2) / 2, MUNICIPALITY_SIGMA)
        per_type = rng.lognormal(
            -(MUNICIPALITY_TYPE_SIGMA**2) / 2, MUNICIPALITY_TYPE_SIGMA, len(leaves)
        )
        jitter = rng.normal(0.0, AANGIFTE_JITTER, len(leaves))
        size = size_norm * latest_by_code[key.code] ** exponents
        share = curves[key.code] / national_population
        expected = national_monthly * share[None, :] * (size * per_type * level)[:, None]
        aangifte_p = np.clip(aangifte_base + jitter, 0.0, 1.0)[:, None]
        registered = np.empty(expected.shape, dtype=np.int64)
        aangiften = np.empty_like(registered)
        internet = np.empty_like(registered)
        for year, columns in year_columns:
            # One stream per municipality and year: a year's figures are the same whatever
            # range of years (or set of municipalities) is generated.
            draws = np.random.default_rng([seed, int(key.code[2:]), year])
            registered[:, columns] = draws.poisson(
                expected[:, columns] * _year_level(draws, year_level_sigma)
            )
            aangiften[:, columns] = draws.binomial(registered[:, columns], aangifte_p)
            internet[:, columns] = draws.binomial(aangiften[:, columns], internet_share[:, None])
        for topic, drawn in zip(topics, (registered, aangiften, internet), strict=True):
            # float64 (BLAS) is exact for integers far below 2**53
            topic[g, leaf_rows, :] = np.rint(drawn.astype(np.float64) @ to_periods)
        if progress:
            progress(PROGRESS_STEP, g + 1, total)

    for topic in topics:
        for code, members in aggregates.items():
            topic[:, type_codes.index(code), :] = topic[
                :, [type_codes.index(m) for m in members], :
            ].sum(axis=1)
    if include_nederland:
        national = next(k for k in meta.regions if k.code == NATIONAL_KEY)
        regions.insert(0, national.key)
        topics = [np.concatenate([t.sum(axis=0, keepdims=True), t]) for t in topics]

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    subset_size = None if municipality_codes is None else len(chosen)
    path = out_dir / output_name(first_year, last_year, subset_size)
    partial = path.with_name(path.name + ".part")
    region_column = pl.Series("RegioS", np.repeat(regions, n_periods), dtype=pl.String)
    period_column = pl.Series("Perioden", [p.key for p in periods] * len(regions), dtype=pl.String)
    chunk = len(regions) * n_periods
    try:
        with partial.open("wb") as handle:
            for t, crime_type in enumerate(meta.crime_types):
                frame = pl.DataFrame(
                    {
                        "ID": np.arange(t * chunk, (t + 1) * chunk, dtype=np.int64),
                        "SoortMisdrijf": pl.repeat(
                            crime_type.key, chunk, eager=True, dtype=pl.String
                        ),
                        "RegioS": region_column,
                        "Perioden": period_column,
                        HEADER[4]: topics[0][:, t, :].ravel(),
                        HEADER[5]: topics[1][:, t, :].ravel(),
                        HEADER[6]: topics[2][:, t, :].ravel(),
                    }
                )
                frame.write_csv(
                    handle,
                    include_header=t == 0,
                    separator=";",
                    quote_style="always",
                    line_terminator="\n",
                )
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, path)
    return path
