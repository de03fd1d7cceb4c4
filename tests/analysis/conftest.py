"""Fixtures for the analysis tests: plain files, no database."""

from pathlib import Path

import polars as pl
import pytest

DATA = Path(__file__).resolve().parents[2] / "data"  # the project's own copy of the data
TIDY = DATA / "politie-47013-gemeente-totaal" / "gemeente_misdrijven_bevolking_2022_2024_tidy.csv"


@pytest.fixture(scope="session")
def tidy() -> pl.DataFrame:
    """Registered crimes and end-of-year population per municipality, 2022–2024."""
    return pl.read_csv(TIDY, null_values=["."])


@pytest.fixture(scope="session")
def observations(tidy) -> pl.DataFrame:
    return tidy.select(
        area="gemeentecode",
        period=pl.col("jaar").cast(pl.String),
        value=pl.col("geregistreerde_misdrijven").cast(pl.Float64),
    )


@pytest.fixture(scope="session")
def population(tidy) -> pl.DataFrame:
    return tidy.filter(pl.col("bevolking_31dec").is_not_null()).select(
        area="gemeentecode", year="jaar", inhabitants="bevolking_31dec"
    )


@pytest.fixture(scope="session")
def tidy_row(tidy):
    def row(code: str, year: int) -> dict:
        return tidy.filter((pl.col("gemeentecode") == code) & (pl.col("jaar") == year)).row(
            0, named=True
        )

    return row
