"""Chapter 6's exercise checks: the logits' shape, the reshape by hand,
where a label lands."""

import numpy as np
import pytest

from rnnbook.exercises import ch06

B, T, S, C = 5, 15, 4, 2


@pytest.fixture
def ex():
    return ch06.Exercises(B, T, S, C)


@pytest.fixture
def arrays():
    rng = np.random.default_rng(0)
    return rng.normal(size=(B, T, S)), rng.integers(0, 2, size=(B, T))


def test_logits_shape(ex):
    assert ex.logits_shape((B * T, C))
    assert str(ex.logits_shape(None)).startswith("… waiting for your answer")
    assert "before the reshape" in str(ex.logits_shape((B, T, C)))
    assert "reshaped states_series" in str(ex.logits_shape((B * T, S)))
    assert "dimension 0 differs" in str(ex.logits_shape((T, C)))


def test_logits_shape_follows_the_parameters():
    assert ch06.Exercises(3, 7, 4, 5).logits_shape((21, 5))


def test_reshape_by_hand(ex, arrays):
    states, y = arrays
    good = (states.reshape(-1, S), y.reshape(-1))
    assert ex.reshape_by_hand(good, states, y)
    assert "waiting" in str(ex.reshape_by_hand(None, states, y))
    assert "waiting" in str(ex.reshape_by_hand((None, None), states, y))
    time_major = (states.transpose(1, 0, 2).reshape(-1, S), y.T.reshape(-1))
    message = str(ex.reshape_by_hand(time_major, states, y))
    assert "loss would be the same" in message and "time-major" in message
    mixed = (good[0], time_major[1])
    assert "the labels are in time-major order" in str(
        ex.reshape_by_hand(mixed, states, y)
    )
    assert "of shape" in str(ex.reshape_by_hand((states, good[1]), states, y))
    assert "give a pair" in str(ex.reshape_by_hand(good[0], states, y))
    with pytest.raises(ValueError, match="states_series"):
        ex.reshape_by_hand(good, states[:, :3], y)


def test_label_row(ex):
    assert ex.label_row(4 * T + 14, r=4, t=14)
    assert "waiting" in str(ex.label_row(None, r=1, t=2))
    assert "time-major position" in str(ex.label_row(2 * B + 1, r=1, t=2))
    assert "multiply r by T" in str(ex.label_row(3 * B + 2, r=3, t=2))
    assert "whole number" in str(ex.label_row(3.5, r=1, t=2))
    assert not ex.label_row(0, r=1, t=2)
    with pytest.raises(ValueError, match="r must be in"):
        ex.label_row(0, r=B, t=0)
