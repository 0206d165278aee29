"""Every diagram draws, shows one figure, returns None, leaves no figure open, and refuses malformed input
(rnnbook.diagrams, rnnbook.bptt_diagrams, rnnbook.model_diagrams)."""

import numpy as np
import pytest
from matplotlib import pyplot as plt

from rnnbook import bptt_diagrams, diagrams, model_diagrams

BITS = np.random.default_rng(0).integers(0, 2, 30)


def reshape_arrays(batch_size=3, steps=3, state_size=3, num_classes=2):
    rng = np.random.default_rng(1)
    states = rng.normal(size=(batch_size, steps, state_size))
    W2, b2 = rng.normal(size=(state_size, num_classes)), np.zeros((1, num_classes))
    logits = states.reshape(-1, state_size) @ W2 + b2
    return states, W2, b2, logits, rng.integers(0, 2, batch_size * steps)


@pytest.mark.parametrize(
    "draw",
    [
        lambda: diagrams.plot_series(BITS, np.roll(BITS, 3), echo_step=3),
        lambda: diagrams.plot_batch_rows(BITS, batch_size=3),
        lambda: bptt_diagrams.plot_truncated_bptt(15, 3),
        lambda: bptt_diagrams.plot_truncated_bptt(8, 10, num_windows=2),
        lambda: bptt_diagrams.plot_truncated_bptt(5, 2, num_windows=3),
        lambda: bptt_diagrams.plot_truncated_bptt(1, 1),
        lambda: bptt_diagrams.plot_unrolled_rnn(),
        lambda: bptt_diagrams.plot_unrolled_rnn(steps=1),
        lambda: model_diagrams.plot_lstm_cell(),
        lambda: model_diagrams.plot_reshape(*reshape_arrays()),
    ],
)
def test_each_diagram_shows_one_figure_and_returns_none(shown, draw):
    assert draw() is None
    assert len(shown) == 1 and len(shown[0].axes) == 1
    assert plt.get_fignums() == []


def test_batch_rows_label_every_row(shown):
    diagrams.plot_batch_rows(BITS, batch_size=5)
    labels = {text.get_text() for text in shown[0].axes[0].texts}
    assert {"flat series"} | {f"row {row}" for row in range(5)} <= labels
    assert "cut" in labels and any("filled square = 1" in t for t in labels)


@pytest.mark.parametrize(
    ("draw", "error", "message"),
    [
        (lambda: diagrams.plot_series(BITS, BITS * 2, echo_step=3), ValueError, "only 0s and 1s"),
        (lambda: diagrams.plot_series(BITS, BITS, echo_step=0), ValueError, "echo_step"),
        (lambda: diagrams.plot_batch_rows(BITS, batch_size=4), ValueError, "does not split into 4"),
        (lambda: bptt_diagrams.plot_truncated_bptt(15.0, 3), TypeError, "truncated_backprop_length"),
        (lambda: bptt_diagrams.plot_truncated_bptt(15, 3, num_windows=4), ValueError, "at most 3"),
        (lambda: bptt_diagrams.plot_unrolled_rnn(steps=7), ValueError, "at most 6"),
    ],
)
def test_diagrams_refuse_malformed_input(shown, draw, error, message):
    with pytest.raises(error, match=message):
        draw()
    assert shown == [] and plt.get_fignums() == []


def test_reshape_figure_checks_shapes(shown):
    states, W2, b2, logits, labels = reshape_arrays()
    with pytest.raises(ValueError, match="logits must have shape"):
        model_diagrams.plot_reshape(states, W2, b2, logits[:-1], labels)
    with pytest.raises(ValueError, match="states_series must be"):
        model_diagrams.plot_reshape(states[0], W2, b2, logits, labels)
    with pytest.raises(ValueError, match="at most 8 time steps"):
        model_diagrams.plot_reshape(*reshape_arrays(batch_size=1, steps=9))
    assert shown == [] and plt.get_fignums() == []


def test_reshape_figure_names_the_steps_it_shows(shown):
    model_diagrams.plot_reshape(*reshape_arrays(), first_step=5)
    legend = shown[-1].axes[0].get_legend()
    assert legend.get_texts()[0].get_text() == "time step 5"
    with pytest.raises(ValueError, match="first_step counts from 0"):
        model_diagrams.plot_reshape(*reshape_arrays(), first_step=-1)
