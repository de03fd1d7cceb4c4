"""`ivp analyse` on the real 47013NED data reproduces the source and tests changes honestly."""

import csv
import io
import json

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from scipy import stats

from tests.conftest import DATA

TIDY = DATA / "politie-47013-gemeente-totaal" / "gemeente_misdrijven_bevolking_2022_2024_tidy.csv"
POPULATION = (
    DATA / "cbs-bevolking-gemeente-2002-2025" / "statline_37230_bevolking_eind_jaar_2002_2024.csv"
)


def analyse(*args) -> str:
    out = io.StringIO()
    call_command("analyse", *args, stdout=out)
    return out.getvalue()


def end_of_year_population() -> dict[str, dict[str, str]]:
    """CBS 37230ned: per CBS name and year the population on 31 December."""
    lines = POPULATION.read_text(encoding="utf-8-sig").splitlines()
    rows = list(csv.reader(lines[3:], delimiter=";"))
    years = rows[0][3:]
    return {row[0]: dict(zip(years, row[3:], strict=False)) for row in rows[1:] if len(row) > 3}


def tidy_rows() -> dict[str, dict[str, dict]]:
    """The published counts per municipality and year, with the population on 1 January of
    the year (37230ned's 31 December of the year before) and the rate to one decimal on it."""
    rows: dict[str, dict[str, dict]] = {}
    population = end_of_year_population()
    with TIDY.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            before = population.get(row["gemeentenaam"], {}).get(str(int(row["jaar"]) - 1))
            row["bevolking_1jan"] = float(before) if before else None
            if row["bevolking_1jan"]:
                rate = float(row["geregistreerde_misdrijven"]) / row["bevolking_1jan"] * 1000
                row["per_1000"] = round(rate, 1)
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
        ("2022", 1374, 30.7),
        ("2023", 1204, 26.5),
        ("2024", 1133, 24.9),
    ]
    pairs = [(c["from"], c["to"]) for c in crimes["changes"]]
    assert pairs == [("2022", "2023"), ("2023", "2024"), ("2022", "2024")]
    for change in crimes["changes"]:
        assert change["verdict"] in ("stijging", "daling", "stabiel")
        assert 0 <= change["p_value"] <= 1
        assert change["ci95"][0] < change["ci95"][1]


PAIRS = (("2022", "2023"), ("2023", "2024"), ("2022", "2024"))


def _independent_verdicts(source: dict) -> dict[tuple[str, str], dict[str, tuple]]:
    """Per pair of years and municipality: τ², p and verdict computed here with numpy and
    scipy only, from the published counts and the population on 1 January: DerSimonian–Laird on
    z-scores around the inverse-variance mean, winsorised at 10% in each tail and scaled by
    the winsorised mean square of a standard normal; z = y / √(1/a + 1/b + τ²)."""
    c = stats.norm.ppf(0.9)
    normal_square = 0.8 - 2 * c * stats.norm.pdf(c) + 0.2 * c**2
    found = {}
    for earlier, later in PAIRS:
        codes, a, b, pa, pb = [], [], [], [], []
        for code, years in source.items():
            if earlier in years and later in years:
                first, second = years[earlier], years[later]
                if first["bevolking_1jan"] and second["bevolking_1jan"]:
                    codes.append(code)
                    a.append(float(first["geregistreerde_misdrijven"]))
                    b.append(float(second["geregistreerde_misdrijven"]))
                    pa.append(first["bevolking_1jan"])
                    pb.append(second["bevolking_1jan"])
        a, b, pa, pb = map(np.array, (a, b, pa, pb))
        y = np.log((b / pb) / (a / pa))
        v = 1 / a + 1 / b
        w = 1 / v
        z = (y - np.sum(w * y) / np.sum(w)) / np.sqrt(v)
        low, high = np.quantile(z, [0.1, 0.9])
        phi_n = np.sum(np.clip(z, low, high) ** 2) / normal_square
        tau2 = max(0.0, (phi_n - (len(y) - 1)) / (np.sum(w) - np.sum(w**2) / np.sum(w)))
        p = 2 * stats.norm.sf(np.abs(y / np.sqrt(v + tau2)))
        verdicts = np.where(p >= 0.05, "stabiel", np.where(y > 0, "stijging", "daling"))
        found[(earlier, later)] = {code: (tau2, p[i], verdicts[i]) for i, code in enumerate(codes)}
    return found


@pytest.mark.django_db
def test_rates_and_verdicts_agree_with_the_source_and_an_independent_swing():
    """Every 20th municipality through `ivp analyse`, and all of them through the national
    picture: rates to one decimal as computed here from the counts and the population on 1 January; each change's swing, p and verdict as computed
    independently here."""
    source = tidy_rows()
    independent = _independent_verdicts(source)
    for code in sorted(source)[::20]:
        if code in ("GM0998", "GM0999") or not source[code]["2022"]["bevolking_1jan"]:
            continue
        crimes = total(json.loads(analyse(code, "--from", "2022", "--to", "2024")))
        for point in crimes["series"]:
            published = source[code][point["period"]]
            assert point["value"] == int(published["geregistreerde_misdrijven"])
            assert point["rate_per_1000"] == published["per_1000"], code
        for change in crimes["changes"]:
            tau2, p, verdict = independent[(change["from"], change["to"])][code]
            assert change["verdict"] == verdict, (code, change)
            assert change["p_value"] == pytest.approx(p, rel=5e-3, abs=1e-9)  # 3 digits
            assert change["swing"] == pytest.approx(np.sqrt(tau2), abs=0.0006)
            assert "gewone schommeling" in change["method"]


@pytest.mark.django_db
def test_on_a_national_change_of_nothing_at_most_one_in_five_municipalities_gets_a_verdict():
    """2022→2023 changed nationally by −0.0%; the exact test gave 126 of 341 a verdict. Each
    verdict that stays is a change larger than the swing, and all agree with the independent
    computation."""
    from ivp.figures.national_picture import build_national, provinces_frame, yearly_observations
    from ivp.figures.selectors import population_frame

    independent = _independent_verdicts(tidy_rows())
    national = build_national(
        yearly_observations(2022, 2024), population_frame(), provinces_frame()
    ).changes
    for earlier, later in PAIRS:
        rows = national.filter(
            (national["from_period"] == earlier) & (national["to_period"] == later)
        )
        judged = {r["area"]: r for r in rows.iter_rows(named=True) if r["p_value"] is not None}
        expected = independent[(earlier, later)]
        assert set(judged) == set(expected)
        for code, (_tau2, p, verdict) in expected.items():
            assert judged[code]["verdict"] == verdict, code
            assert judged[code]["p_value"] == pytest.approx(p, rel=1e-6, abs=1e-12)
        with_verdict = [r for r in judged.values() if r["verdict"] != "stabiel"]
        assert all(abs(r["percent_change"]) > r["swing_percent"] for r in with_verdict)
        if (earlier, later) == ("2022", "2023"):
            assert len(with_verdict) <= len(judged) / 5


@pytest.mark.django_db
def test_comparable_municipalities_are_a_position_and_their_median_never_a_pooled_rate():
    source = tidy_rows()
    result = json.loads(analyse("GM1708", "--from", "2022", "--to", "2024"))
    crimes = total(result)
    peer = next(b for b in crimes["benchmarks"] if b["position"] is not None)
    assert peer["label"] == "tien vergelijkbare gemeenten"
    assert len(result["peers"]) == 10
    rates = np.array([source[code]["2024"]["per_1000"] for code in result["peers"]])
    own = source["GM1708"]["2024"]["per_1000"]
    assert peer["reference_rate_per_1000"] == pytest.approx(np.median(rates), abs=0.06)
    assert peer["position"] == {
        "higher_than": int((rates < own).sum()),
        "lower_than": int((rates > own).sum()),
        "of": 10,
    }
    assert peer["reference_value"] is None
    assert "mediaan" in peer["method"] and "schommeling" in peer["method"]
    others = [b for b in crimes["benchmarks"] if b["position"] is None]
    assert [b["label"] for b in others] == [
        "rest van de provincie Overijssel",
        "rest van Nederland",
    ]


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


@pytest.mark.django_db
def test_the_export_carries_the_visitors_caution_of_a_wadden_island():
    crimes = total(json.loads(analyse("GM0088", "--from", "2022", "--to", "2024")))
    assert any("bezoekers en forenzen" in caution for caution in crimes["cautions"])
    text = analyse("GM0088", "--format", "md")
    assert "bezoekers en forenzen" in text
