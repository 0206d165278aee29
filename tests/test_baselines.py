"""The baselines of chapter 1 (rnnbook.baselines), against simulation and against each other."""

import math

import numpy as np
import pytest

from rnnbook import baselines
from rnnbook.data import generate_echo_data, to_windows


def test_chance_is_ln_of_the_number_of_classes():
    assert baselines.chance_loss() == pytest.approx(math.log(2))
    assert baselines.chance_loss(10) == pytest.approx(math.log(10))


@pytest.mark.parametrize("echo_step, window", [(3, 15), (1, 4), (7, 20), (15, 15), (30, 15)])
def test_window_bound_learner_matches_a_simulation(echo_step, window):
    x, y = generate_echo_data(60_000, echo_step=echo_step, batch_size=4, seed=1)
    p_one = np.zeros(x.shape)
    p_one[:, echo_step:] = x[:, :-echo_step]
    position = np.arange(x.shape[1]) % window
    p_one = np.where(position >= echo_step, p_one, 0.5)  # guess where the echo crosses a window edge
    used = to_windows(y, window).shape[0] * window
    p_target = np.where(y == 1, p_one, 1 - p_one)[:, :used]
    loss = -np.log(np.clip(p_target, 1e-12, 1)).mean()
    assert loss == pytest.approx(baselines.window_bound_loss(echo_step, window), rel=1e-9)


def test_bar_sits_between_window_bound_and_perfect():
    for echo_step in range(1, 40):
        for window in range(1, 40):
            bound = baselines.window_bound_accuracy(echo_step, window)
            assert 0.5 <= bound < baselines.learned_bar(echo_step, window) < 1.0


def test_2016_values():
    assert baselines.window_bound_accuracy(3, 15) == pytest.approx(0.9)
    assert baselines.learned_bar(3, 15) == pytest.approx(0.95)
    assert baselines.window_bound_loss(3, 15) == pytest.approx(0.2 * math.log(2))


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="echo_step must be a positive"):
        baselines.learned_bar(0, 15)
    with pytest.raises(TypeError, match="whole number"):
        baselines.window_bound_loss(3, 1.5)
    with pytest.raises(ValueError, match="num_classes"):
        baselines.chance_loss(0)
