"""The building blocks of the exercise checks: verdicts and their wording."""

import numpy as np
import pytest

from rnnbook.exercises.feedback import (
    Feedback,
    check_array,
    check_choice,
    check_number,
    check_shape,
)


def test_feedback_is_true_only_when_right_and_shows_its_mark():
    assert Feedback("right", "ok") and str(Feedback("right", "ok")) == "✓ ok"
    assert not Feedback("wrong", "no") and repr(Feedback("wrong", "no")) == "✗ no"
    assert not Feedback("waiting", "later") and str(Feedback("waiting", "later")).startswith("…")
    with pytest.raises(ValueError, match="verdict must be one of"):
        Feedback("maybe", "?")


def test_check_shape():
    assert check_shape((5, 15, 4), (5, 15, 4))
    assert str(check_shape(None, (5, 15))).startswith("… waiting for your answer")
    assert "to have 3 dimensions, got 2: (5, 15)" in str(check_shape((5, 15), (5, 15, 4)))
    assert "expected the shape (5, 15, 4), got (5, 4, 15): dimension 1 differs" in str(
        check_shape((5, 4, 15), (5, 15, 4))
    )
    assert "as a tuple of integers" in str(check_shape("5x15", (5, 15)))
    assert "as a tuple of integers" in str(check_shape(np.zeros((5, 15)), (5, 15)))
    assert check_shape([np.int64(5), 15], (5, 15)), "a list of integers is a shape too"


def test_check_number():
    assert check_number(0.693, np.log(2))
    assert check_number(np.float32(0.6931), np.log(2))
    assert "too high" in str(check_number(1.0, np.log(2)))
    assert "too low" in str(check_number(0.5, np.log(2)))
    assert "as a number" in str(check_number("ln 2", np.log(2)))
    assert "as a number" in str(check_number(True, 1.0))
    assert not check_number(None, 1.0) and "waiting" in str(check_number(None, 1.0))


def test_check_array():
    expected = np.arange(6.0).reshape(2, 3)
    assert check_array(expected.tolist(), expected)
    assert "of shape (2, 3), got shape (3, 2)" in str(check_array(expected.T, expected))
    changed = expected.copy()
    changed[1, 2] = 9
    message = str(check_array(changed, expected))
    assert "differs in 1 of 6 entries; the first is at (1, 2): expected 5, got 9" in message
    assert "array of numbers" in str(check_array(["a", "b"], np.zeros(2)))


def test_check_choice():
    why_not = {"ln 3": "there are two classes, not three"}
    assert check_choice("ln 2", "ln 2", why_not)
    assert "not 'ln 3': there are two classes" in str(check_choice("ln 3", "ln 2", why_not))
    assert "must be one of ['ln 2', 'ln 3']" in str(check_choice("ln 4", "ln 2", why_not))
    assert str(check_choice("ln 2", "ln 2", why_not, because="two equally likely bits")).endswith(
        "right: two equally likely bits"
    )
