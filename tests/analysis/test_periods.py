import pytest

from ivp.analysis import (
    granularity,
    parse_period,
    period_sort_key,
    period_table,
    period_year,
    sort_periods,
)


def test_the_three_granularities():
    assert granularity("2024") == "jaar"
    assert granularity("2024-Q1") == "kwartaal"
    assert granularity("2024-03") == "maand"
    assert period_year("2023-Q4") == 2023
    assert parse_period("2024-Q3").text == "2024-Q3"
    assert parse_period("2024-02").days == 29
    assert parse_period("2023-Q1").days == 90
    assert parse_period("2024").days == 366


@pytest.mark.parametrize(
    "garbage",
    ["", "24", "2024-Q5", "2024-13", "2024-00", "2024-1", "2024JJ00", " 2024", None, 2024],
)
def test_garbage_is_refused(garbage):
    with pytest.raises(ValueError):
        parse_period(garbage)


def test_sorting_is_chronological_not_alphabetical():
    assert sort_periods(["2024-10", "2023-12", "2024-02"]) == ["2023-12", "2024-02", "2024-10"]
    # a year sorts before its own quarters and months
    assert sort_periods(["2024-01", "2024-Q1", "2024"]) == ["2024", "2024-Q1", "2024-01"]
    assert period_sort_key("2023") < period_sort_key("2024-Q1")


def test_period_table_orders_like_the_sort_key_and_refuses_garbage():
    periods = ["2024-02", "2023-11", "2024-02", "2024-12"]
    table = period_table(periods).sort("order")
    assert table["period"].to_list() == sort_periods(set(periods))
    assert table["year"].to_list() == [2023, 2024, 2024]
    with pytest.raises(ValueError):
        period_table(["2024", "next year"])
