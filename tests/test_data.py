"""The echo task's data contract (rnnbook.data), with property tests over many sizes."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnnbook.data import EchoTask, generate_echo_data, to_windows


@st.composite
def sizes(draw):
    """Valid (total_series_length, echo_step, batch_size) triples, small enough to be fast."""
    batch_size = draw(st.integers(1, 8))
    row_length = draw(st.integers(2, 300))
    echo_step = draw(st.integers(1, row_length - 1))
    return batch_size * row_length, echo_step, batch_size


@given(sizes(), st.integers(0, 2**32 - 1))
@settings(max_examples=200, deadline=None)
def test_target_echoes_input_within_every_row(size, seed):
    total, echo_step, batch_size = size
    x, y = generate_echo_data(total, echo_step=echo_step, batch_size=batch_size, seed=seed)
    assert x.shape == y.shape == (batch_size, total // batch_size)
    assert x.dtype == y.dtype == np.int32
    assert set(np.unique(x)) <= {0, 1}
    for t in range(echo_step, x.shape[1]):
        assert (y[:, t] == x[:, t - echo_step]).all()
    assert (y[:, :echo_step] == 0).all()


@given(sizes(), st.integers(0, 2**32 - 1))
@settings(max_examples=100, deadline=None)
def test_cross_row_roll_differs_only_where_rows_start(size, seed):
    total, echo_step, batch_size = size
    x, y = generate_echo_data(total, echo_step=echo_step, batch_size=batch_size, seed=seed)
    x_2016, y_2016 = generate_echo_data(
        total, echo_step=echo_step, batch_size=batch_size, seed=seed, roll_across_rows=True
    )
    assert (x_2016 == x).all()
    assert (y_2016[:, echo_step:] == y[:, echo_step:]).all()
    assert (y_2016[0, :echo_step] == 0).all()
    for row in range(1, batch_size):
        assert (y_2016[row, :echo_step] == x[row - 1, -echo_step:]).all()


def test_same_seed_same_data_and_other_seed_other_data():
    a = generate_echo_data(1000, echo_step=3, batch_size=5, seed=7)
    b = generate_echo_data(1000, echo_step=3, batch_size=5, seed=7)
    c = generate_echo_data(1000, echo_step=3, batch_size=5, seed=8)
    assert all((u == v).all() for u, v in zip(a, b))
    assert not (a[0] == c[0]).all()


def test_bits_are_fair_coin_flips():
    x, _ = generate_echo_data(200_000, echo_step=3, batch_size=4, seed=0)
    # Five standard errors: fails by chance about once in two million runs.
    assert abs(x.mean() - 0.5) < 5 * 0.5 / np.sqrt(x.size)


@given(st.integers(1, 6), st.integers(1, 40), st.integers(1, 120))
@settings(max_examples=200, deadline=None)
def test_windows_tile_each_row_in_order(batch_size, window, steps):
    if window > steps:
        return
    series = np.arange(batch_size * steps, dtype=np.int64).reshape(batch_size, steps)
    windows = to_windows(series, window)
    num_windows = steps // window
    assert windows.shape == (num_windows, batch_size, window)
    for i in range(num_windows):
        assert (windows[i] == series[:, i * window : (i + 1) * window]).all()


def test_2016_sizes_give_666_windows():
    task = EchoTask(50000, 15, 3, 5)
    assert (task.row_length, task.num_windows) == (10000, 666)
    x_windows, y_windows = task.windows(seed=0)
    assert x_windows.shape == y_windows.shape == (666, 5, 15)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (dict(total_series_length=0, echo_step=3, batch_size=5), ValueError, "total_series_length must be a positive"),
        (dict(total_series_length=100, echo_step=0, batch_size=5), ValueError, "echo_step must be a positive"),
        (dict(total_series_length=100, echo_step=-2, batch_size=5), ValueError, "echo_step must be a positive"),
        (dict(total_series_length=100, echo_step=3, batch_size=0), ValueError, "batch_size must be a positive"),
        (dict(total_series_length=100.0, echo_step=3, batch_size=5), TypeError, "whole number"),
        (dict(total_series_length=100, echo_step=True, batch_size=5), TypeError, "whole number"),
        (dict(total_series_length=100, echo_step="3", batch_size=5), TypeError, "whole number"),
        (dict(total_series_length=101, echo_step=3, batch_size=5), ValueError, "multiple of batch_size, e.g. 100"),
        (dict(total_series_length=100, echo_step=20, batch_size=5), ValueError, "shorter than a batch row"),
        (dict(total_series_length=100, echo_step=100, batch_size=1), ValueError, "shorter than a batch row"),
    ],
)
def test_bad_sizes_are_refused_clearly(kwargs, error, message):
    with pytest.raises(error, match=message):
        generate_echo_data(**kwargs)


@pytest.mark.parametrize(
    "series, window, error, message",
    [
        (np.zeros((2, 10), dtype=int), 11, ValueError, "longer than a batch row"),
        (np.zeros((2, 10), dtype=int), 0, ValueError, "truncated_backprop_length must be a positive"),
        (np.zeros((2, 10), dtype=int), 2.5, TypeError, "whole number"),
        (np.zeros(10, dtype=int), 2, ValueError, "2-D array"),
        (np.zeros((2, 3, 4), dtype=int), 2, ValueError, "2-D array"),
        (np.zeros((2, 10)), 2, TypeError, r"astype\(np.int32\)"),
    ],
)
def test_bad_windows_are_refused_clearly(series, window, error, message):
    with pytest.raises(error, match=message):
        to_windows(series, window)


def test_echo_task_checks_its_sizes_once():
    with pytest.raises(ValueError, match="longer than a batch row"):
        EchoTask(total_series_length=100, truncated_backprop_length=30, echo_step=3, batch_size=5)
    with pytest.raises(ValueError, match="multiple of batch_size"):
        EchoTask(total_series_length=99, truncated_backprop_length=3, echo_step=3, batch_size=5)
    # An echo longer than the window is allowed: chapter 9 studies exactly that.
    assert EchoTask(1000, 5, 8, 5).num_windows == 40
