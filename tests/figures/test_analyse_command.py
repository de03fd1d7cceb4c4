"""`ivp analyse` on the real 47013NED data reproduces the source and tests changes honestly."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from scipy.stats import binomtest

from tests.conftest import DATA

TIDY = DATA / "politie-47013-gemeente-totaal" / "gemeente_misdrijven_bevolking_2022_2024_tidy.csv"


def analyse(*args) -> str:
    out = io.StringIO()
    call_command("analyse", *args, stdout=out)
    return out.getvalue()


def tidy_rows() -> dict[str, dict[str, dict]]:
    rows: dict[str, dict[str, dict]] = {}
    with TIDY.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            rows.setdefault(row["gemeentecode"], {})[row["jaar"]] = row
    return rows


def total(result: dict) -> dict:
    return next(i for i in result["indicators"] if i["code"] == "misdrijven-totaal")


@pytest.mark.django_db
def test_steenwijkerland_totals_and_rates_equal_the_source():
    result = json.loads(analyse("GM1708", "--from", "2022", "--to", "2024", "--format", "json"))
    crimes = total(result)
    assert crimes["source"] == "Bron: Politie, 47013NED (editie 2026)"
    assert [(p["period"], p["value"], p["rate_per_1000"]) for p in crimes["series"]] == [
        ("2022", 1374, 30.3),
        ("2023", 1204, 26.5),
        ("2024", 1133, 24.8),
    ]
    pairs = [(c["from"], c["to"]) for c in crimes["changes"]]
    assert pairs == [("2022", "2023"), ("2023", "2024"), ("2022", "2024")]
    for change in crimes["changes"]:
        assert change["verdict"] in ("stijging", "daling", "stabiel")
        assert 0 <= change["p_value"] <= 1
        assert change["ci95"][0] < change["ci95"][1]


@pytest.mark.django_db
def test_rates_and_verdicts_agree_with_the_source_and_an_exact_test_for_a_sample():
    """Every 20th municipality: rates to one decimal as published; each verdict as scipy's
    exact binomial test at 95% (conditional on the total, population as exposure)."""
    source = tidy_rows()
    for code in sorted(source)[::20]:
        if code in ("GM0998", "GM0999") or not source[code]["2022"]["bevolking_31dec"]:
            continue
        crimes = total(json.loads(analyse(code, "--from", "2022", "--to", "2024")))
        for point in crimes["series"]:
            published = source[code][point["period"]]
            assert point["value"] == int(published["geregistreerde_misdrijven"])
            assert point["rate_per_1000"] == float(published["misdrijven_per_1000_inw"]), code
        for change in crimes["changes"]:
            a, b = (source[code][change[k]] for k in ("from", "to"))
            count_a, count_b = (
                int(a["geregistreerde_misdrijven"]),
                int(b["geregistreerde_misdrijven"]),
            )
            people_a, people_b = int(a["bevolking_31dec"]), int(b["bevolking_31dec"])
            p = binomtest(count_b, count_a + count_b, people_b / (people_a + people_b)).pvalue
            rate_ratio = (count_b / people_b) / (count_a / people_a)
            expected = "stabiel" if p >= 0.05 else ("stijging" if rate_ratio > 1 else "daling")
            assert change["verdict"] == expected, (code, change)
            assert change["p_value"] == pytest.approx(p, rel=1e-2, abs=1e-6)


@pytest.mark.django_db
def test_markdown_names_source_period_and_cautions():
    text = analyse("GM1701", "--format", "md")
    assert text.startswith("# Veiligheidsbeeld Westerveld (GM1701), 2022–2024")
    assert "Bron: Politie, 47013NED (editie 2026)" in text
    assert "| 2024 | 376 |" in text


@pytest.mark.django_db
def test_unknown_municipality_is_a_clear_error():
    with pytest.raises(CommandError, match="GM9999"):
        analyse("GM9999")
