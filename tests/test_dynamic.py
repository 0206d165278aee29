"""dynamic.stacked_lstm's options (per-layer rates, per-gate masks, unroll)
and dynamic.restart, which starts a traced model afresh."""

import keras
import numpy as np
import pytest

from rnnbook import dynamic


def test_rates_per_layer_and_options_reach_the_cells():
    rnn = dynamic.stacked_lstm(
        4,
        2,
        seed=0,
        dropout=[0.0, 0.5],
        recurrent_dropout=[0.0, 0.25],
        per_gate_masks=True,
        unroll=True,
    )
    cells = rnn.cell.cells
    assert [c.dropout for c in cells] == [0.0, 0.5]
    assert [c.recurrent_dropout for c in cells] == [0.0, 0.25]
    assert [c.implementation for c in cells] == [1, 1]
    assert rnn.unroll
    one_rate = dynamic.stacked_lstm(4, 3, seed=0, dropout=0.5)
    assert [c.dropout for c in one_rate.cell.cells] == [0.0, 0.5, 0.5]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(dropout=[0.0, 0.5, 0.5]), "one rate per layer"),
        (dict(recurrent_dropout=1.0), r"in \[0, 1\)"),
        (dict(dropout=[0.5, 0.5]), r"dropout\[0\] must be 0"),
    ],
)
def test_bad_rates_say_what_to_do(kwargs, message):
    with pytest.raises(ValueError, match=message):
        dynamic.stacked_lstm(4, 2, seed=0, **kwargs)


def _losses(steps, x, state, n=3):
    return [float(steps[0](x, x, state)[0]) for _ in range(n)]


def test_restart_matches_a_fresh_model_without_tracing_again():
    x = np.random.default_rng(0).integers(0, 2, (3, 5)).astype(np.int32)

    def made(seed):
        rnn = dynamic.stacked_lstm(6, 2, seed=seed, recurrent_dropout=0.5)
        rnn.build((3, 5, 1))
        W2, b2 = dynamic.output_layer(6, 2, seed=seed)
        optimizer = keras.optimizers.Adam(0.01)
        steps = dynamic.make_steps(rnn, W2, b2, optimizer)
        return rnn, W2, b2, optimizer, steps

    rnn, W2, b2, optimizer, steps = made(7)
    state = rnn.cell.get_initial_state(batch_size=3)
    fresh = _losses(steps, x, state)
    _losses(steps, x, state)  # train on, so there is something to undo
    traces = steps[0].experimental_get_tracing_count()
    dynamic.restart(rnn, W2, b2, optimizer, seed=7)
    assert _losses(steps, x, state) == fresh
    assert steps[0].experimental_get_tracing_count() == traces
    other = made(8)
    dynamic.restart(rnn, W2, b2, optimizer, seed=8)
    assert _losses(steps, x, state) == _losses(other[4], x, other[0].cell.get_initial_state(batch_size=3))


def test_restart_needs_a_built_model():
    rnn = dynamic.stacked_lstm(4, 1, seed=0)
    W2, b2 = dynamic.output_layer(4, 2, seed=0)
    with pytest.raises(ValueError, match="build the RNN first"):
        dynamic.restart(rnn, W2, b2, keras.optimizers.Adam(), seed=0)
