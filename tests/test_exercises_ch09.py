"""The checks of chapter 9's exercises: right answers pass, typical wrong
answers get the message that explains them, None waits."""

import pytest

from rnnbook.exercises import ch09


def test_window_bound_right_for_short_and_long_echoes():
    assert ch09.window_bound(1 - (10 / 15) / 2, 10, 15)
    assert ch09.window_bound(0.5, 18, 15)
    assert "✓" in str(ch09.window_bound(0.5, 30, 15))


def test_window_bound_waits_and_explains_mistakes():
    assert str(ch09.window_bound(None, 10, 15)).startswith("… waiting")
    forgot_guess = ch09.window_bound(1 - 10 / 15, 10, 15)
    assert not forgot_guess and "half the time" in str(forgot_guess)
    over = ch09.window_bound(1 - 18 / 15 / 2, 18, 15)
    assert not over and "every target" in str(over)
    assert "give" in str(ch09.window_bound("half", 10, 15))
    assert "too high" in str(ch09.window_bound(0.9, 10, 15))


def test_gradient_product():
    assert ch09.gradient_product(0.9**30, 0.9, 30)
    assert ch09.gradient_product(1.1**30, 1.1, 30)
    assert str(ch09.gradient_product(None, 0.9, 30)).startswith("…")
    added = ch09.gradient_product(27.0, 0.9, 30)
    assert not added and "multiplies" in str(added)
    short = ch09.gradient_product(1.1**29, 1.1, 30)
    assert not short and "one too few" in str(short)
    assert "too low" in str(ch09.gradient_product(1.0, 1.1, 30))
    with pytest.raises(ValueError, match="steps"):
        ch09.gradient_product(1.0, 0.9, 0)


def test_clipping_keyword():
    assert ch09.clipping_keyword("global_clipnorm")
    assert "each weight tensor" in str(ch09.clipping_keyword("clipnorm"))
    assert "direction" in str(ch09.clipping_keyword("clipvalue"))
    assert "one of" in str(ch09.clipping_keyword("clip"))
    assert str(ch09.clipping_keyword(None)).startswith("… waiting")
