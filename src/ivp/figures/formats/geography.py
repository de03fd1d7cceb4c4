"""The areas a figures file may name, passed to the readers so they stay free of the database."""

from dataclasses import dataclass, field

import polars as pl
from django.utils.translation import gettext as _

from ivp.regions.names import NameIndex

from .common import NETHERLANDS

# CBS's buckets for what belongs to no municipality: reported as skipped, never an error.
NOT_AN_AREA_CODES = {"GM0998", "GM0999", "GM0000", "RE99", "PV99", "LD99"}
NOT_AN_AREA_NAMES = {"buitenland", "gemeenten; niet in te delen", "niet in te delen (re)"}
NETHERLANDS_ALIASES = {"NL00", "NL01", "NL"}


@dataclass
class Geography:
    municipality_of: dict[str, str]  # GM/WK/BU code → its municipality's GM code
    other_codes: set[str]  # NL01, provinces (PV..), police units (RE..)
    names: NameIndex = field(default_factory=lambda: NameIndex([]))
    area_names: dict[str, str] = field(default_factory=dict)  # wijk/buurt code → name

    def frame(self) -> pl.DataFrame:
        """Every known code with its municipality (null for NL, provinces and police units)."""
        codes = list(self.municipality_of) + sorted(self.other_codes)
        municipalities = list(self.municipality_of.values()) + [None] * len(self.other_codes)
        return pl.DataFrame(
            {"area_code": codes, "municipality_code": municipalities},
            schema={"area_code": pl.String, "municipality_code": pl.String},
        )

    def code_for_name(self, name: str) -> str | None:
        if name.strip().casefold() == "nederland":
            return NETHERLANDS
        return self.names.resolve(name)


def canonical_code(expr: pl.Expr) -> pl.Expr:
    """Strip CBS's padding and write the Netherlands one way ('NL00', 'NL01' → 'NL01')."""
    code = expr.str.strip_chars().str.to_uppercase()
    return pl.when(code.is_in(list(NETHERLANDS_ALIASES))).then(pl.lit(NETHERLANDS)).otherwise(code)


def keep_known_areas(
    frame: pl.DataFrame, geography: Geography, problems, column: str
) -> tuple[pl.DataFrame, int]:
    """Rows of CBS's 'not in any municipality' buckets are dropped and counted; unknown codes are
    problems. Returns the frame with `municipality_code` attached and the number dropped."""
    # fill_null: an empty code is unknown, not silently filtered away with the buckets.
    bucket = frame["area_code"].is_in(list(NOT_AN_AREA_CODES)).fill_null(False)
    dropped = int(bucket.sum())
    if dropped:
        frame = frame.filter(~bucket)
    areas = geography.frame()
    # replaced column by column, not joined: a join would copy every column of the rows
    joined = frame.with_columns(
        pl.col("area_code")
        .replace_strict(areas["area_code"], areas["municipality_code"], default=None)
        .alias("municipality_code")
    )
    known = pl.col("area_code").is_in(areas["area_code"].implode()).fill_null(False)
    unknown = joined.filter(~known)
    if unknown.height:
        problems.add_from_frame(
            unknown,
            "area_code",
            lambda code: (
                _("“%(code)s” is not a current municipality, wijk, buurt, province or police unit.")
                % {"code": code or ""}
            ),
            kind="area",
            label=column,
        )
    return joined, dropped
