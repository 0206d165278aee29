"""Chapter 1's exercise checks: right answers pass, typical wrong ones are
told why, None waits (rnnbook.exercises.ch01)."""

import math

import pytest

from rnnbook import baselines
from rnnbook.exercises.ch01 import Exercises

EX = Exercises(50000, 15, 3, 5)


def test_windows_shape():
    assert EX.windows_shape((333, 5, 30))
    assert EX.windows_shape(None).verdict == "waiting"
    assert "each row" in EX.windows_shape((1666, 5, 30)).message
    assert "windows of 15 steps" in EX.windows_shape((666, 5, 30)).message
    assert "dimension 2" in EX.windows_shape((333, 5, 15)).message
    assert not EX.windows_shape("333, 5, 30")


def test_windows_shape_follows_the_parameters():
    assert Exercises(40000, 10, 2, 4).windows_shape((500, 4, 20))


def test_window_bound_loss():
    assert EX.window_bound_loss(5 / 15 * math.log(2), echo_step=5)
    assert EX.window_bound_loss(0.231, echo_step=5)
    assert EX.window_bound_loss(None, echo_step=5).verdict == "waiting"
    assert "share of steps" in EX.window_bound_loss(1 / 3, echo_step=5).message
    assert "accuracy" in EX.window_bound_loss(1 - 1 / 6, echo_step=5).message
    assert "too high" in EX.window_bound_loss(0.5, echo_step=5).message
    # an echo longer than the window: every step is a guess
    assert EX.window_bound_loss(math.log(2), echo_step=20)


def test_reading():
    assert EX.reading("window-bound")
    assert EX.reading(None).verdict == "waiting"
    assert "1/2" in EX.reading("chance").message
    assert "first 3 targets" in EX.reading("perfect").message
    assert "must be one of" in EX.reading("ideal").message
    accuracy = baselines.window_bound_accuracy(3, 15)
    assert f"{accuracy:.3f}" in EX.reading("window-bound").message


def test_exercises_refuse_bad_parameters():
    with pytest.raises(ValueError, match="echo_step"):
        Exercises(50000, 15, 0, 5)
