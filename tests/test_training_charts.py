"""The training figure's helpers: epochs found in a History, and a running
median that leaves a lone spike out (rnnbook.training_charts)."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rnnbook.training import History
from rnnbook.training_charts import epoch_windows, running_median


def test_epoch_windows_divides_the_windows_among_the_epochs():
    history = History(window_losses=[0.5] * 12, epoch_losses=[0.5] * 3)
    assert epoch_windows(history) == 4


@pytest.mark.parametrize(("windows", "epochs"), [(12, 0), (10, 3)])
def test_epoch_windows_refuses_a_history_that_does_not_divide(windows, epochs):
    history = History(window_losses=[0.5] * windows, epoch_losses=[0.5] * epochs)
    with pytest.raises(ValueError, match="training.fit"):
        epoch_windows(history)


def test_running_median_leaves_a_lone_spike_out():
    values = np.full(21, 0.01)
    values[10] = 0.7
    smooth = running_median(values, 5)
    assert np.allclose(smooth, 0.01)  # a running mean would show a plateau


@given(st.lists(st.floats(0, 1), min_size=1, max_size=40), st.integers(1, 9))
def test_running_median_keeps_length_and_range(values, width):
    smooth = running_median(values, width)
    assert smooth.shape == (len(values),)
    assert min(values) <= smooth.min() and smooth.max() <= max(values)


def test_running_median_refuses_bad_input():
    with pytest.raises(ValueError, match="1-D"):
        running_median(np.zeros((2, 2)), 3)
    with pytest.raises(ValueError, match="width"):
        running_median([1.0], 0)
