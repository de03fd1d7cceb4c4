"""Comparable municipalities: the position among them and the ratio to their median rate,
never a pooled rate that the largest peer would set."""

import itertools
import math

import numpy as np
import polars as pl
import pytest
from scipy import stats

from ivp.analysis import Swing, peer_benchmark
from ivp.analysis.methods import NO_TEST_REFERENCE, PEER_MEDIAN_EXACT, PEER_MEDIAN_SWING


def peers(rates_per_1000, inhabitants=10_000):
    people = inhabitants if isinstance(inhabitants, list) else [inhabitants] * len(rates_per_1000)
    return pl.DataFrame(
        {
            "area": [f"GM{i:04d}" for i in range(len(rates_per_1000))],
            "value": [r * p / 1000 for r, p in zip(rates_per_1000, people, strict=True)],
            "inhabitants": people,
        }
    )


def test_position_and_median_not_a_pooled_rate():
    # one large peer at 80 per 1,000 would pull a pooled rate far up; the median stays at 30
    group = peers([20, 25, 28, 30, 30, 32, 35, 40, 45, 80], [10_000] * 9 + [900_000])
    result = peer_benchmark(400, 10_000, group, "tien vergelijkbare gemeenten")
    assert result.reference_rate_per_1000 == pytest.approx(31.0)
    assert result.rate_ratio == pytest.approx(40 / 31)
    assert (result.position.higher_than, result.position.lower_than, result.position.of) == (
        7,
        2,
        10,
    )
    assert result.reference_value is None  # nothing pooled
    assert result.to_dict()["position"] == {"higher_than": 7, "lower_than": 2, "of": 10}


def test_with_the_swing_the_test_is_z_on_the_log_ratio_to_the_median():
    group = peers([30] * 10)
    tau = 0.08
    result = peer_benchmark(330, 10_000, group, "peers", swing=Swing(tau**2, 300))
    y = math.log(33 / 30)
    se = math.sqrt(1 / 330 + tau**2 / 2)
    assert result.p_value == pytest.approx(2 * stats.norm.sf(abs(y / se)))
    assert result.ci95 == pytest.approx((math.exp(y - 1.96 * se), math.exp(y + 1.96 * se)), 1e-3)
    assert result.verdict == "vergelijkbaar"  # 10% above, within the swing of one year
    assert result.method == PEER_MEDIAN_SWING
    # without the swing the same 10% on 330 registrations is just about significant
    exact = peer_benchmark(330, 10_000, group, "peers")
    assert exact.method == PEER_MEDIAN_EXACT
    assert exact.p_value < result.p_value


@pytest.mark.parametrize("expected", [3.0, 12.5, 80.0])
def test_the_exact_p_and_interval_never_disagree_about_five_percent(expected):
    group = peers([expected / 10] * 5)  # median rate gives `expected` for 10,000 inhabitants
    for count in range(0, int(expected * 3) + 5):
        result = peer_benchmark(count, 10_000, group, "peers")
        low, high = result.ci95
        excludes_one = low > 1 or high < 1
        assert (result.p_value < 0.05) == excludes_one, (count, result.p_value, low, high)


def test_the_exact_p_is_twice_the_smaller_poisson_tail():
    result = peer_benchmark(18, 10_000, peers([1.0] * 4), "peers")
    tails = stats.poisson.cdf(18, 10), stats.poisson.sf(17, 10)
    assert result.p_value == pytest.approx(min(1, 2 * min(tails)))
    assert result.verdict == "hoger"


def test_no_peers_with_a_rate_is_untested_not_comparable():
    empty = pl.DataFrame(
        {"area": ["GM0001"], "value": [None], "inhabitants": [1000]},
        schema={"area": pl.String, "value": pl.Float64, "inhabitants": pl.Int64},
    )
    result = peer_benchmark(40, 10_000, empty, "peers")
    assert result.verdict is None
    assert result.method == NO_TEST_REFERENCE


def test_one_registration_more_never_flips_a_verdict_far_from_the_boundary():
    group = peers(list(np.linspace(25, 35, 10)))
    swing = Swing(0.06**2, 300)
    verdicts = [peer_benchmark(c, 10_000, group, "p", swing=swing).verdict for c in range(200, 420)]
    changes = sum(a != b for a, b in itertools.pairwise(verdicts))
    assert changes == 2  # lager → vergelijkbaar → hoger, once each


def test_the_medians_own_uncertainty_widens_the_test():
    """Ten peers give a median that is only an estimate: a municipality in the middle of
    peers that differ a lot is not called lower for sitting a little under their median."""
    rates = [18, 21, 24, 27, 29, 31, 34, 38, 42, 47]
    tau = 0.06
    result = peer_benchmark(2900, 100_000, peers(rates), "p", swing=Swing(tau**2, 300))
    logs = np.log(rates)
    median_variance = math.pi / 2 * np.var(logs, ddof=1) / len(logs)
    se = math.sqrt(1 / 2900 + tau**2 / 2 + median_variance)
    assert result.p_value == pytest.approx(2 * stats.norm.sf(abs(math.log(29 / 30) / se)))
    assert result.verdict == "vergelijkbaar"


def test_no_registrations_are_tested_exactly_and_the_method_says_why():
    from ivp.analysis.methods import PEER_MEDIAN_EXACT_ZERO

    result = peer_benchmark(0, 10_000, peers([3.0] * 5), "p", swing=Swing(0.005, 300))
    assert result.method == PEER_MEDIAN_EXACT_ZERO
    assert result.verdict == "lager"  # 30 expected, none registered
