"""Every chart draws, shows one figure, returns None, leaves no figure open, and refuses malformed input
(rnnbook.charts)."""

import numpy as np
import pytest
from matplotlib import pyplot as plt

from rnnbook import charts, drawing
from rnnbook.data import EchoTask
from rnnbook.training import Evaluation, History


def trained_history():
    probabilities = np.full((5, 150, 2), 0.5)
    evaluation = Evaluation(np.zeros((5, 150), int), np.zeros((5, 150), int), probabilities, 0.5, 0.69)
    return History(window_losses=list(np.linspace(0.7, 0.01, 50)), epoch_losses=[0.5, 0.1], evaluation=evaluation)


TRACES = {"f": np.full((5, 4), 0.5), "c": np.ones((5, 4))}


@pytest.mark.parametrize(
    ("draw", "panels"),
    [
        # the loss, 2 rows x 2 windows, the legend row
        (lambda: charts.plot_training(trained_history(), EchoTask(750, 15, 3, 5)), 6),
        (lambda: charts.plot_training(trained_history(), EchoTask(750, 15, 3, 5), rows=1), 4),
        # input, target, 2 traces + colour bars
        (lambda: charts.plot_lstm_gates(np.zeros(5, int), np.ones(5, int), TRACES), 4 + 2),
        (lambda: charts.plot_curves([1, 2, 3], {"a": np.ones((2, 3))}, xlabel="x", ylabel="y", title="t"), 1),
    ],
)
def test_each_chart_shows_one_figure_and_returns_none(shown, draw, panels):
    assert draw() is None
    assert len(shown) == 1 and len(shown[0].axes) == panels
    assert plt.get_fignums() == []


def test_curves_draw_into_a_given_panel_and_leave_showing_to_its_figure(shown):
    with drawing.figure(1, 2, figsize=(8, 3)) as (fig, axes):
        charts.plot_curves(
            [1, 2], {"a": [1.0, 2.0]}, ax=axes[1], xlabel="x", ylabel="y", title="t", references={"r": 1}
        )
        assert shown == []
        assert [line.get_label() for line in axes[1].get_lines()] == ["a", "r"]
    assert shown == [fig]


@pytest.mark.parametrize(
    ("draw", "message"),
    [
        (lambda: charts.plot_training(History(), EchoTask(750, 15, 3, 5)), "History returned by training.fit"),
        (lambda: charts.plot_curves([1, 2, 3], {"a": np.ones((2, 2))}, xlabel="x", ylabel="y", title="t"), "needs 3"),
        (lambda: charts.plot_lstm_gates(np.zeros(5, int), np.zeros(5, int), {"f": np.ones((4, 4))}), r"traces\['f'\]"),
        (lambda: charts.plot_lstm_gates(np.zeros(5, int), np.zeros(4, int), TRACES), "the same window"),
    ],
)
def test_charts_refuse_malformed_input(shown, draw, message):
    with pytest.raises(ValueError, match=message):
        draw()
    assert shown == [] and plt.get_fignums() == []
