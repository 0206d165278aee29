"""Chapter 2's exercise checks: right answers pass, typical wrong ones are
told why, None waits (rnnbook.exercises.ch02)."""

import pytest

from rnnbook.exercises.ch02 import Exercises, parameter_count

EX = Exercises(15, 4, 2)


def test_parameter_count_matches_the_chapter_network():
    # W [5, 4], b [1, 4], W2 [4, 2], b2 [1, 2]
    assert parameter_count(4, 2) == 20 + 4 + 8 + 2


def test_w_shape():
    assert EX.w_shape((7, 4), inputs=3)
    assert EX.w_shape(None, inputs=3).verdict == "waiting"
    assert "3 of them now" in EX.w_shape((5, 4), inputs=3).message
    assert "from the left" in EX.w_shape((4, 7), inputs=3).message
    assert "2 dimensions" in EX.w_shape((7,), inputs=3).message


def test_parameters():
    expected = (1 + 16) * 16 + 16 + 16 * 2 + 2
    assert EX.parameters(expected, state_size=16)
    assert EX.parameters(None, state_size=16).verdict == "waiting"
    assert "biases" in EX.parameters(expected - 18, state_size=16).message
    assert "share one set" in EX.parameters(expected * 15, state_size=16).message
    assert not EX.parameters(expected + 1, state_size=16)
    assert "whole number" in EX.parameters(float(expected), state_size=16).message


def test_long_echo_accuracy():
    right = EX.long_echo_accuracy(0.5, echo_step=20)
    assert right and "no gradient crosses" in right.message
    assert EX.long_echo_accuracy(None, echo_step=20).verdict == "waiting"
    assert "window edge" in EX.long_echo_accuracy(1, echo_step=20).message
    assert "too high" in EX.long_echo_accuracy(0.9, echo_step=20).message
    # a shorter echo: the window-bound formula still holds
    assert EX.long_echo_accuracy(0.9, echo_step=3)


def test_exercises_refuse_bad_parameters():
    with pytest.raises(TypeError, match="state_size"):
        Exercises(15, 4.0, 2)
