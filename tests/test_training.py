"""The truncated-backprop loop (rnnbook.training), driven by models written in NumPy.

An ideal "model" that remembers the last bits of every row through its state
scores perfectly only if the loop really carries the state across windows;
the same model with its memory wiped at every window edge scores the
window-bound accuracy of chapter 1.
"""

import numpy as np
import pytest

from rnnbook import baselines
from rnnbook.data import EchoTask, generate_echo_data, to_windows
from rnnbook.training import History, evaluate, fit

ECHO, WINDOW, BATCH = 3, 15, 5


def ideal_predict_step(x_window, state):
    """Echo the bit seen ECHO steps ago; ``state`` holds the last ECHO bits of every row."""
    history = np.concatenate([state, x_window], axis=1)
    p_one = history[:, : x_window.shape[1]].astype(float)
    logits = np.stack([np.log1p(-p_one * 0.999999), np.log(p_one * 0.999999 + 1e-6)], axis=-1)
    return logits, history[:, -ECHO:]


def forgetful_predict_step(x_window, state):
    """The same model, but its memory is wiped at every window edge."""
    logits, _ = ideal_predict_step(x_window, np.zeros_like(state))
    logits[:, :ECHO, :] = 0.0  # says 1/2 where the echo crosses the window edge
    return logits, state


ZERO_STATE = np.zeros((BATCH, ECHO), dtype=np.int32)


def test_evaluate_carries_state_across_windows():
    x, y = generate_echo_data(3000, echo_step=ECHO, batch_size=BATCH, seed=0)
    result = evaluate(ideal_predict_step, ZERO_STATE, x, y, WINDOW)
    assert result.accuracy == 1.0
    assert result.loss < 1e-4
    assert result.probabilities.shape == (BATCH, 600, 2)
    assert (result.predictions == result.y).all()


def test_without_carried_state_the_score_is_window_bound():
    x, y = generate_echo_data(30_000, echo_step=ECHO, batch_size=BATCH, seed=0)
    result = evaluate(forgetful_predict_step, ZERO_STATE, x, y, WINDOW)
    assert result.loss == pytest.approx(baselines.window_bound_loss(ECHO, WINDOW), rel=1e-3)
    # Ties (probability 1/2) resolve to class 0, right for about half of the crossing steps.
    assert result.accuracy == pytest.approx(baselines.window_bound_accuracy(ECHO, WINDOW), abs=0.01)


def test_fit_feeds_each_window_the_state_the_previous_one_returned():
    task = EchoTask(1500, WINDOW, ECHO, BATCH)
    calls = []

    def train_step(x_window, y_window, state):
        calls.append(state)
        assert x_window.shape == y_window.shape == (BATCH, WINDOW)
        return 0.5, state + 1

    lines = []
    history = fit(train_step, ideal_predict_step, ZERO_STATE, task, num_epochs=2, seed=3, log=lines.append)
    assert len(calls) == 2 * task.num_windows
    for epoch in range(2):
        states = calls[epoch * task.num_windows : (epoch + 1) * task.num_windows]
        assert [int(s[0, 0]) for s in states] == list(range(task.num_windows))  # starts from zero each epoch
    assert len(lines) == 2 and lines[0].startswith("epoch 1/2")
    assert history.window_losses == [0.5] * (2 * task.num_windows)
    assert history.epoch_accuracies == [1.0, 1.0]
    assert history.first_epoch_reaching(0.99) == 1
    assert history.final_accuracy == 1.0


def test_fit_draws_fresh_data_every_epoch_and_holds_out_its_own():
    task = EchoTask(300, WINDOW, ECHO, BATCH)
    seen = []

    def train_step(x_window, y_window, state):
        seen.append(x_window.copy())
        return 0.0, state

    fit(train_step, ideal_predict_step, ZERO_STATE, task, num_epochs=2, seed=0, log=None)
    per_epoch = task.num_windows
    first, second = np.stack(seen[:per_epoch]), np.stack(seen[per_epoch:])
    assert not (first == second).all()


def test_history_reports_an_unreached_bar_as_none():
    history = History(evaluated_epochs=[1, 2], epoch_accuracies=[0.6, 0.8])
    assert history.first_epoch_reaching(0.95) is None
    with pytest.raises(ValueError, match="empty"):
        _ = History().final_accuracy


def test_wrong_logits_shape_is_refused_clearly():
    x, y = generate_echo_data(300, echo_step=ECHO, batch_size=BATCH, seed=0)

    def flat_predict_step(x_window, state):
        return np.zeros((BATCH * WINDOW, 2)), state

    with pytest.raises(ValueError, match=r"\[batch_size, truncated_backprop_length, num_classes\]"):
        evaluate(flat_predict_step, ZERO_STATE, x, y, WINDOW)


def test_bad_arguments_are_refused_clearly():
    x, y = generate_echo_data(300, echo_step=ECHO, batch_size=BATCH, seed=0)
    with pytest.raises(ValueError, match="same shape"):
        evaluate(ideal_predict_step, ZERO_STATE, x, y[:, :-1], WINDOW)
    with pytest.raises(TypeError, match="EchoTask"):
        fit(None, None, None, task=(300, 15, 3, 5), num_epochs=1, seed=0)
    with pytest.raises(ValueError, match="num_epochs"):
        fit(lambda *a: None, None, None, task=EchoTask(300, 15, 3, 5), num_epochs=0, seed=0)


def test_fit_can_train_on_one_fixed_set_and_score_on_given_rows():
    task = EchoTask(1500, WINDOW, ECHO, BATCH)
    x, y = generate_echo_data(150, echo_step=ECHO, batch_size=BATCH, seed=5)
    fixed = (to_windows(x, WINDOW), to_windows(y, WINDOW))
    seen = []

    def train_step(x_window, y_window, state):
        seen.append(x_window.copy())
        return 0.0, state

    held_x, held_y = generate_echo_data(600, echo_step=ECHO, batch_size=BATCH, seed=6)
    history = fit(
        train_step,
        ideal_predict_step,
        ZERO_STATE,
        task,
        num_epochs=4,
        seed=0,
        log=None,
        training_windows=fixed,
        held_out=(held_x, held_y),
        evaluate_every=3,
    )
    assert len(seen) == 4 * 2 and all((w == fixed[0][i % 2]).all() for i, w in enumerate(seen))
    assert history.evaluated_epochs == [3, 4]  # every third epoch, and the last
    assert history.evaluation.x.shape == (BATCH, 120)
    with pytest.raises(ValueError, match="training_windows"):
        fit(train_step, ideal_predict_step, ZERO_STATE, task, num_epochs=1, seed=0, training_windows=(x, y))


def test_fit_can_hand_a_whole_epoch_to_one_call():
    task = EchoTask(1500, WINDOW, ECHO, BATCH)
    calls = []

    def train_epoch(x_windows, y_windows, state):
        calls.append(x_windows.shape)
        return [0.25] * len(x_windows), state

    history = fit(None, ideal_predict_step, ZERO_STATE, task, num_epochs=2, seed=0, log=None, train_epoch=train_epoch)
    assert calls == [(task.num_windows, BATCH, WINDOW)] * 2
    assert history.epoch_losses == [0.25, 0.25]
    with pytest.raises(TypeError, match="exactly one"):
        fit(None, ideal_predict_step, ZERO_STATE, task, num_epochs=1, seed=0)


def test_timed_epoch_returns_losses_state_and_time():
    from rnnbook.training import timed_epoch

    x_windows = np.zeros((4, BATCH, WINDOW), dtype=np.int32)

    def step(x_window, y_window, state):
        return 0.5, state + 1

    losses, state, seconds = timed_epoch(step, None, x_windows, x_windows, 0)
    assert losses == [0.5] * 4 and state == 4 and seconds >= 0

    def epoch(x, y, state):
        return np.ones(len(x), dtype=np.float32), "end"

    losses, state, _ = timed_epoch(None, epoch, x_windows, x_windows, None)
    assert losses == [1.0] * 4 and state == "end"
