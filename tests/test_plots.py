"""Every shared figure draws without error, returns None, and refuses malformed input (rnnbook.plots)."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402

from rnnbook import plots  # noqa: E402
from rnnbook.data import EchoTask  # noqa: E402
from rnnbook.training import Evaluation, History  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def axes_count():
    return len(plt.gcf().axes)


def test_data_figures():
    bits = np.random.default_rng(0).integers(0, 2, 30)
    assert plots.plot_series(bits, np.roll(bits, 3), echo_step=3) is None
    assert plots.plot_batch_rows(bits, batch_size=3) is None
    assert plots.plot_truncated_bptt(15, 3) is None
    assert plots.plot_lstm_cell() is None


def test_training_figure_has_the_loss_and_one_panel_per_row():
    task = EchoTask(750, 15, 3, 5)
    probabilities = np.full((5, 150, 2), 0.5)
    evaluation = Evaluation(np.zeros((5, 150), int), np.zeros((5, 150), int), probabilities, 0.5, 0.69)
    history = History(window_losses=list(np.linspace(0.7, 0.01, 50)), evaluation=evaluation)
    plots.plot_training(history, task)
    assert axes_count() == 6
    with pytest.raises(ValueError, match="History"):
        plots.plot_training(History(), task)


def test_reshape_figure_checks_shapes():
    states = np.zeros((3, 3, 3))
    plots.plot_reshape(states, np.zeros((3, 2)), np.zeros((1, 2)), np.zeros((9, 2)), np.zeros(9, int))
    with pytest.raises(ValueError, match="logits must have shape"):
        plots.plot_reshape(states, np.zeros((3, 2)), np.zeros((1, 2)), np.zeros((8, 2)), np.zeros(9, int))


def test_curves_bars_scaling_and_gates():
    plots.plot_curves([1, 2, 3], {"a": np.ones((2, 3))}, xlabel="x", ylabel="y", title="t", references={"r": 0.5})
    plots.plot_bars(["a", "b"], {"m": [1.0, float("nan")]}, title="t")
    plots.plot_scaling([8, 16], {"build": {"static": [1.0, 2.0]}}, xlabel="T", title="t")
    plots.plot_lstm_gates(np.zeros(5, int), np.zeros(5, int), {"f": np.full((5, 4), 0.5), "c": np.ones((5, 4))})
    with pytest.raises(ValueError, match="needs 3 values"):
        plots.plot_curves([1, 2, 3], {"a": np.ones((2, 2))}, xlabel="x", ylabel="y", title="t")
    with pytest.raises(ValueError, match=r"traces\['f'\]"):
        plots.plot_lstm_gates(np.zeros(5, int), np.zeros(5, int), {"f": np.ones((4, 4))})
