"""The prioritisation's objective score is an effect size shrunk for small counts, not a count
of significant tests (which gave Rotterdam 100 on +1.7% and Schiermonnikoog 0 on −44%)."""

import math
from types import SimpleNamespace

import pytest

from ivp.analysis import Benchmark, Change, Position
from ivp.figures import formatting, safety_picture
from ivp.planning.policy.objective_score import indicator_effects, theme_score
from ivp.regions.models import Municipality


def picture(a, b, swing, peer_ratio=None, peer_spread=0.2, count=None):
    change = Change(kind="count", from_period="2022", to_period="2024", from_value=a,
                    to_value=b, rate_ratio=b / a, swing=swing)  # fmt: skip
    benchmarks = []
    if peer_ratio is not None:
        benchmarks.append(
            Benchmark(label="tien vergelijkbare gemeenten", value=count or b, rate_ratio=peer_ratio,
                      position=Position(higher_than=7, lower_than=3, of=10), spread=peer_spread)
        )  # fmt: skip
    return SimpleNamespace(
        indicator=SimpleNamespace(name="Misdrijven"),
        overall_change=change,
        changes=[change],
        benchmarks=benchmarks,
        last_period="2024",
    )


def test_a_large_count_keeps_its_effect_a_small_one_is_drawn_toward_no_change():
    large = indicator_effects(picture(50_000, 50_850, swing=0.07))[0]
    small = indicator_effects(picture(36, 20, swing=0.07))[0]
    assert large.size == pytest.approx(math.log(1.017), rel=0.01)
    # −44% on 36 → 20 registrations: the Poisson noise (1/36 + 1/20) dwarfs τ² = 0.0049
    assert -0.1 < small.size < 0
    assert small.size == pytest.approx(math.log(20 / 36) * 0.0049 / (0.0049 + 1 / 36 + 1 / 20))


def test_the_score_is_neutral_at_no_effect_and_grows_with_the_size_of_it():
    assert theme_score([]) is None  # too few figures is no score, not 0
    neutral = indicator_effects(picture(1000, 1000, swing=0.07, peer_ratio=1.0))
    assert theme_score(neutral) == pytest.approx(50)
    small_rise = theme_score(indicator_effects(picture(50_000, 50_850, swing=0.07)))
    big_rise = theme_score(indicator_effects(picture(50_000, 62_500, swing=0.07)))
    assert 50 < small_rise < 55 < big_rise  # +1.7% barely moves it; +25% scores about 88
    assert big_rise == pytest.approx(50 + 50 * math.tanh(1.0), abs=0.5)


def test_the_level_is_drawn_toward_the_peers_median_by_their_true_spread():
    effects = indicator_effects(picture(1000, 1000, swing=0.0, peer_ratio=1.5, peer_spread=0.0))
    assert [round(e.size, 6) for e in effects] == [0.0, 0.0]  # peers that do not differ: no signal
    wide = indicator_effects(picture(1000, 1000, swing=0.0, peer_ratio=1.5, peer_spread=0.3))
    assert wide[1].size == pytest.approx(math.log(1.5) * 0.09 / (0.09 + 1 / 1000))
    assert "hoger dan in zeven van de tien vergelijkbare gemeenten" in wide[1].text


def test_without_a_swing_or_peers_nothing_is_scored():
    unscored = picture(36, 20, swing=None)
    assert indicator_effects(unscored) == []


@pytest.mark.django_db
def test_on_the_real_figures_size_no_longer_buys_a_high_score():
    """Rotterdam's small rise on 50,000 registrations counts as about that small rise;
    Schiermonnikoog's −44% on 36 → 20 registrations is drawn far toward no change."""
    found = {}
    for code in ("GM0599", "GM0088"):
        item = next(
            i
            for i in safety_picture.build(Municipality.objects.get(code=code)).indicators
            if i.indicator.code == "misdrijven-totaal"
        )
        found[code] = (item.overall_change, indicator_effects(item)[0])  # the change
    change, effect = found["GM0599"]
    assert 0 < change.percent_change < 3
    assert effect.size == pytest.approx(math.log(change.rate_ratio), rel=0.05)
    assert theme_score([effect]) < 55
    change, effect = found["GM0088"]
    assert change.percent_change < -40
    assert math.log(change.rate_ratio) / 5 < effect.size < 0
    assert formatting.percent(abs(change.percent_change)) in effect.text


def test_an_unknown_objective_counts_as_neutral_in_the_total_never_as_far_better():
    from ivp.planning.policy.ranking import _weighted

    weights = {"objective": 50, "subjective": 0, "professional": 0, "agenda": 50}
    unknown = {"objective": None, "subjective": None, "professional": None, "agenda": 100.0}
    better = {**unknown, "objective": 12.0}  # a quarter better than before and than its peers
    worse = {**unknown, "objective": 88.0}
    assert (
        _weighted(better, weights) < _weighted(unknown, weights) == 75 < _weighted(worse, weights)
    )
