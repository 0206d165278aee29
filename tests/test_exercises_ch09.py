"""The checks of chapter 9's exercises: right answers pass, typical wrong
answers get the message that explains them, None waits."""

import pytest

from rnnbook.exercises import ch09


def test_window_bound_right_for_short_and_long_echoes():
    assert ch09.window_bound(1 - (10 / 15) / 2, 10, 15)
    assert ch09.window_bound(0.5, 18, 15)
    assert ch09.window_bound(0.7, 12, 20)
    assert "✓" in str(ch09.window_bound(0.5, 30, 15))


def test_window_bound_waits_and_explains_mistakes():
    assert str(ch09.window_bound(None, 10, 15)).startswith("… waiting")
    forgot_guess = ch09.window_bound(1 - 10 / 15, 10, 15)
    assert not forgot_guess and "half the time" in str(forgot_guess)
    over = ch09.window_bound(1 - 18 / 15 / 2, 18, 15)
    assert not over and "every target" in str(over)
    assert "give" in str(ch09.window_bound("half", 10, 15))
    assert "too high" in str(ch09.window_bound(0.9, 10, 15))


@pytest.mark.parametrize("ratio", [3.5e-5, 2.5e-3, 0.05])
def test_per_step_factor(ratio):
    assert ch09.per_step_factor(ratio ** (1 / 29), ratio, 29)
    assert str(ch09.per_step_factor(None, ratio, 29)).startswith("… wait")
    divided = ch09.per_step_factor(ratio / 29, ratio, 29)
    assert not divided and "root" in str(divided)
    assert "too high" in str(ch09.per_step_factor(0.95, ratio, 29))


def test_per_step_factor_one_step_too_many():
    one_more = ch09.per_step_factor(3.5e-5 ** (1 / 30), 3.5e-5, 29)
    assert not one_more and "29 steps apart" in str(one_more)


def test_per_step_factor_rejects_bad_arguments():
    with pytest.raises(ValueError, match="steps"):
        ch09.per_step_factor(0.7, 0.01, 0)
    with pytest.raises(ValueError, match="positive"):
        ch09.per_step_factor(0.7, 0.0, 29)
