"""The compiled whole-epoch trainer (rnnbook.fast) computes what the Keras layers compute."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from rnnbook import dynamic, fast
from rnnbook.data import EchoTask
from rnnbook.environment import seed_everything

BATCH, WINDOW, STATE, LAYERS = 3, 6, 4, 2


def keras_model(kind, seed):
    cells = [fast.KINDS[kind](STATE) for _ in range(LAYERS)]
    rnn = keras.layers.RNN(keras.layers.StackedRNNCells(cells), return_sequences=True, return_state=True)
    rnn.build((BATCH, WINDOW, 1))
    W2, b2 = dynamic.output_layer(STATE, 2, seed=seed)
    return rnn, W2, b2


@pytest.mark.parametrize("kind", sorted(fast.KINDS))
def test_one_compiled_epoch_matches_keras_window_by_window(kind):
    seed_everything(0)
    rnn, W2, b2 = keras_model(kind, seed=0)
    model = fast.build(
        kind,
        STATE,
        LAYERS,
        seed=0,
        initial_weights=[w.numpy() for w in rnn.trainable_variables] + [W2.numpy(), b2.numpy()],
    )
    x_windows, y_windows = EchoTask(BATCH * WINDOW * 4, WINDOW, 2, BATCH).windows(seed=1)

    logits, _ = model.predict_step(x_windows[0], model.zero_state(BATCH))
    expected, _ = dynamic.forward(rnn, W2, b2, x_windows[0], rnn.cell.get_initial_state(batch_size=BATCH))
    np.testing.assert_allclose(logits.numpy().reshape(-1, 2), expected.numpy(), atol=1e-5)

    train_step, _ = dynamic.make_steps(rnn, W2, b2, keras.optimizers.Adagrad(0.3))
    state, keras_losses = rnn.cell.get_initial_state(batch_size=BATCH), []
    for x_window, y_window in zip(x_windows, y_windows):
        loss, state = train_step(x_window, y_window, state)
        keras_losses.append(float(loss))
    fast_losses, _ = model.train_epoch(x_windows, y_windows, model.zero_state(BATCH))
    np.testing.assert_allclose(fast_losses, keras_losses, atol=1e-5)


def test_fused_matmul_is_a_matrix_product():
    a, b = np.random.default_rng(0).normal(size=(2, 5, 3)).astype(np.float32)[0], np.ones((3, 4), np.float32)
    np.testing.assert_allclose(fast.fused_matmul(a, b).numpy(), a @ b, rtol=1e-6)


def test_bad_arguments_are_refused_clearly():
    with pytest.raises(ValueError, match="kind must be one of"):
        fast.build("transformer", 4, 1, seed=0)
    with pytest.raises(ValueError, match="3 tensors per layer"):
        fast.build("rnn", 4, 2, seed=0, initial_weights=[np.zeros((1, 4))])
    with pytest.raises(ValueError, match="clip_norm"):
        fast.build("rnn", 4, 1, seed=0, clip_norm=0.0)


def test_gradient_clipping_bounds_the_first_update():
    x_windows, y_windows = EchoTask(BATCH * WINDOW * 2, WINDOW, 2, BATCH).windows(seed=3)
    before = fast.build("lstm", STATE, 1, seed=0)
    start = [w.numpy() for w in before.weights]
    unclipped, clipped = fast.build("lstm", STATE, 1, seed=0), fast.build("lstm", STATE, 1, seed=0, clip_norm=1e-3)
    for model in (unclipped, clipped):
        model.weights = [tf.constant(w) for w in start]
        model.train_epoch(x_windows[:1], y_windows[:1], model.zero_state(BATCH))
    moved = [
        float(np.abs(np.concatenate([(w.numpy() - s).ravel() for w, s in zip(m.weights, start)])).max())
        for m in (unclipped, clipped)
    ]
    assert np.isfinite(moved).all() and moved[1] < moved[0]
