"""Chapter 6's exercise checks: a padding mask, the reshape by hand,
which outputs a flipped bit can change."""

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


def test_padding_mask(ex):
    lengths = [T, 4, 1]
    good = np.arange(T)[None, :] < np.array(lengths)[:, None]
    assert ex.padding_mask(good, lengths)
    assert ex.padding_mask(good.astype(int), lengths)
    assert "waiting" in str(ex.padding_mask(None, lengths))
    assert "transposed" in str(ex.padding_mask(good.T, lengths))
    assert "REAL steps" in str(ex.padding_mask(~good, lengths))
    over = np.arange(T)[None, :] <= np.array(lengths)[:, None]
    assert "t < n" in str(ex.padding_mask(over, lengths))
    wrong_row = good.copy()
    wrong_row[2, 3] = True
    assert "row 2 (length 1)" in str(ex.padding_mask(wrong_row, lengths))
    with pytest.raises(ValueError, match="lengths"):
        ex.padding_mask(good, [T + 1])


def test_padding_mask_follows_the_parameters():
    assert ch06.Exercises(3, 7, 4, 5).padding_mask([[1, 1, 0, 0, 0, 0, 0]], [2])


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
    assert "the labels are in time-major order" in str(ex.reshape_by_hand(mixed, states, y))
    assert "of shape" in str(ex.reshape_by_hand((states, good[1]), states, y))
    assert "give a pair" in str(ex.reshape_by_hand(good[0], states, y))
    with pytest.raises(ValueError, match="states_series"):
        ex.reshape_by_hand(good, states[:, :3], y)


def test_changed_steps(ex):
    assert ex.changed_steps(list(range(7, T)), 7)
    assert ex.changed_steps(np.arange(7, T), 7)
    assert "waiting" in str(ex.changed_steps(None, 7))
    assert "its own input bit" in str(ex.changed_steps(range(8, T), 7))
    assert "bidirectional" in str(ex.changed_steps(range(T), 7))
    assert "backwards" in str(ex.changed_steps(range(8), 7))
    assert not ex.changed_steps([7], 7)
    assert "list of numbers" in str(ex.changed_steps(["a"], 7))
    with pytest.raises(ValueError, match="flipped_step"):
        ex.changed_steps([1], T)
