import json

from ivp.analysis import count_change, survey_change, trend


def _strict_json(data) -> str:
    return json.dumps(data, allow_nan=False)


def test_to_dict_is_plain_rounded_json():
    change = count_change(1374, 1133, 45_376, 45_716, from_period="2022", to_period="2024")
    data = change.to_dict()
    _strict_json(data)
    assert data["from_value"] == 1374 and isinstance(data["from_value"], int)
    assert data["rate_ratio"] == round(change.rate_ratio, 3)
    assert data["percent_change"] == round(change.percent_change, 1)
    assert isinstance(data["ci95"], list) and len(data["ci95"]) == 2
    assert data["p_value"] == float(f"{change.p_value:.3g}")
    assert data["verdict"] == "daling"


def test_missing_and_infinite_become_none():
    data = count_change(0, 5, 1, 1).to_dict()
    _strict_json(data)
    assert data["rate_ratio"] is None
    assert data["ci95"] is None
    assert survey_change(None, None, 6.0, 0.2).to_dict()["difference"] is None


def test_trend_to_dict():
    result = trend(["2019", "2020", "2021", "2022"], [100, 120, 150, 190], [1000] * 4)
    data = result.to_dict()
    _strict_json(data)
    assert data["n_points"] == 4
    assert data["granularity"] == "jaar"
