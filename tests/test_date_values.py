"""Date values as rules compare them: days, months, years and ISO weeks."""

from __future__ import annotations

import pytest
from factlint.vocab.fields import DateValue, compare_dates


@pytest.mark.parametrize("a, b, order", [
    ("2024-04-10", "2024-04-11", -1),
    ("2024-04", "2024-04-11", 0),  # compared at the coarser granularity
    ("2024-W16", "2024-04-10", 1),  # the week of 15-21 April starts after the 10th
    ("2024-04-10", "2024-W15", 0),  # 8-14 April holds the 10th
    ("2024-W14", "2024-04-10", -1),  # 1-7 April ends before it
    ("2024-W16", "2024-04", 0),
    ("2024-W18", "2024-04", 0),  # 29 April - 5 May overlaps April
    ("2024-W16-WE", "2024-04-20", 0),  # the weekend is the 20th and 21st
    ("2024-W16-WE", "2024-04-19", 1),
])
def test_compare_dates(a, b, order):
    assert compare_dates(DateValue.parse(a), DateValue.parse(b)) == order


@pytest.mark.parametrize("value", ["2024-W16", "2024-W16-WE", "2020-W53"])
def test_weeks_read_back_as_written(value):
    assert str(DateValue.parse(value)) == value


@pytest.mark.parametrize("value", ["2024-W99", "XXXX-W16", "2024-13", "2024-02-30", "PRESENT_REF"])
def test_unreadable_values_are_none(value):
    assert DateValue.parse(value) is None


def test_a_week_shifts_as_a_whole():
    assert str(DateValue.parse("2024-W16").shift(1, 1, "week")) == "2024-W17"
