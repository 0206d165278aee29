"""Networks unrolled over Python lists (rnnbook.unrolled), against NumPy and Keras."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from rnnbook import dynamic, unrolled
from rnnbook.initializers import output_seed

BATCH, T, STATE = 3, 5, 4
WINDOW = np.random.default_rng(0).integers(0, 2, size=(BATCH, T))


def test_split_steps_gives_one_column_per_step():
    steps = unrolled.split_steps(WINDOW)
    assert len(steps) == T and all(step.shape == (BATCH, 1) and step.dtype == tf.float32 for step in steps)
    np.testing.assert_array_equal(np.concatenate([s.numpy() for s in steps], axis=1), WINDOW)


def test_hand_weights_follow_the_seed_rule_and_check_sizes():
    weights = unrolled.init_hand_weights(STATE, 2, seed=3)
    assert weights["W"].shape == (1 + STATE, STATE) and weights["W2"].shape == (STATE, 2)
    expected_W2 = keras.initializers.GlorotUniform(seed=output_seed(3))([STATE, 2])
    np.testing.assert_array_equal(weights["W2"].numpy(), expected_W2.numpy())
    with pytest.raises(ValueError, match="state_size must be a positive integer"):
        unrolled.init_hand_weights(0, 2, seed=3)


def test_hand_rnn_matches_the_equations_in_numpy():
    weights = unrolled.init_hand_weights(STATE, 2, seed=1)
    W, b, W2, b2 = (weights[k].numpy() for k in ("W", "b", "W2", "b2"))
    logits_series, state = unrolled.hand_rnn_forward(weights, WINDOW, tf.zeros([BATCH, STATE]))
    h = np.zeros((BATCH, STATE), np.float32)
    for t in range(T):
        h = np.tanh(np.concatenate([WINDOW[:, t : t + 1], h], axis=1) @ W + b)
        np.testing.assert_allclose(logits_series[t].numpy(), h @ W2 + b2, atol=1e-6)
    np.testing.assert_allclose(state.numpy(), h, atol=1e-6)


def test_static_rnn_over_a_list_equals_the_keras_layer():
    cell = keras.layers.SimpleRNNCell(STATE)
    layer = keras.layers.RNN(cell, return_sequences=True)
    inputs = tf.cast(WINDOW[:, :, None], tf.float32)
    expected = layer(inputs).numpy()  # builds the cell: same weights below
    outputs, state = unrolled.static_rnn(cell, unrolled.split_steps(WINDOW), [tf.zeros([BATCH, STATE])])
    np.testing.assert_allclose(np.stack([o.numpy() for o in outputs], axis=1), expected, atol=1e-6)
    np.testing.assert_allclose(state[0].numpy(), expected[:, -1], atol=1e-6)


def test_the_loss_over_a_list_equals_the_loss_over_one_tensor():
    logits = tf.random.stateless_normal([BATCH, T, 2], seed=[1, 2])
    labels = tf.constant(WINDOW)
    listed = unrolled.sequence_loss(tf.unstack(logits, axis=1), labels)
    stacked = dynamic.loss(tf.reshape(logits, [-1, 2]), labels)
    np.testing.assert_allclose(listed.numpy(), stacked.numpy(), rtol=1e-6)


def test_make_steps_needs_built_variables():
    with pytest.raises(ValueError, match="variables is empty"):
        unrolled.make_steps(lambda x, s: ([], s), [], keras.optimizers.Adagrad(0.3))


def test_a_train_step_lowers_the_loss_on_its_window():
    weights = unrolled.init_hand_weights(STATE, 2, seed=0)
    train_step, _ = unrolled.make_steps(
        lambda x, s: unrolled.hand_rnn_forward(weights, x, s), list(weights.values()), keras.optimizers.Adagrad(0.3)
    )
    zero = tf.zeros([BATCH, STATE])
    first, _ = train_step(WINDOW, WINDOW, zero)
    for _ in range(20):
        later, _ = train_step(WINDOW, WINDOW, zero)
    assert later < first
