"""Networks unrolled over Python lists of steps (2016 parts 1 to 4).

Chapter 2 writes the hand-made cell and the training step; chapter 3 swaps in
a Keras cell and :func:`static_rnn`; chapters 4 and 5 reuse all of it with
LSTM cells. Chapter 6 then removes the lists.

Shapes: a window is ``[batch_size, T]``; :func:`split_steps` turns it into a
list of ``T`` tensors of ``[batch_size, 1]``; a forward function returns a
list of ``T`` logits tensors of ``[batch_size, num_classes]`` and the final
state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import tensorflow as tf

from rnnbook._checks import positive_int
from rnnbook.initializers import output_seed

__all__ = [
    "split_steps",
    "init_hand_weights",
    "hand_rnn_forward",
    "static_rnn",
    "cell_forward",
    "sequence_loss",
    "make_steps",
]

Forward = Callable[[Any, Any], tuple[list[tf.Tensor], Any]]


def split_steps(x_window) -> list[tf.Tensor]:
    """Cut a window of bits into a list of ``T`` tensors, one per step.

    A ``[batch_size, T]`` window becomes ``T`` float32 tensors of
    ``[batch_size, 1]``, ready to be multiplied by a weight matrix.
    """
    return [
        tf.reshape(x_t, [-1, 1])
        for x_t in tf.unstack(tf.cast(x_window, tf.float32), axis=1)
    ]


def init_hand_weights(
    state_size: int, num_classes: int, seed: int
) -> dict[str, tf.Variable]:
    """Chapter 2's four variables, Glorot-uniform matrices and zero biases.

    ``W`` is ``[1 + state_size, state_size]``: its first row multiplies the
    input bit, the other rows the previous state.
    """
    import keras

    state_size = positive_int("state_size", state_size)
    num_classes = positive_int("num_classes", num_classes)
    # a seeded initializer repeats its values: one seed per matrix, as
    # rnnbook.initializers lays them out
    glorot = keras.initializers.GlorotUniform
    return {
        "W": tf.Variable(
            glorot(seed=seed)([1 + state_size, state_size]), name="W"
        ),
        "b": tf.Variable(tf.zeros([1, state_size]), name="b"),
        "W2": tf.Variable(
            glorot(seed=output_seed(seed))([state_size, num_classes]),
            name="W2",
        ),
        "b2": tf.Variable(tf.zeros([1, num_classes]), name="b2"),
    }


def hand_rnn_forward(
    weights: dict[str, tf.Variable], x_window, state
) -> tuple[list[tf.Tensor], tf.Tensor]:
    """Chapter 2's network, step by step (see the chapter's equations)."""
    logits_series = []
    for x_t in split_steps(x_window):  # x_t: [batch_size, 1]
        # [batch_size, state_size]
        state = tf.tanh(
            tf.concat([x_t, state], axis=1) @ weights["W"] + weights["b"]
        )
        # [batch_size, num_classes]
        logits_series.append(state @ weights["W2"] + weights["b2"])
    return logits_series, state


def static_rnn(
    cell, inputs_series: Sequence[tf.Tensor], initial_state
) -> tuple[list[tf.Tensor], Any]:
    """Run a Keras cell over a list of steps, as 2016's ``static_rnn`` did.

    ``cell(x_t, state)`` returns the step's output and the new state, whatever
    structure that state has (one tensor for a simple RNN, ``[h, c]`` for an
    LSTM, a list of those for stacked cells).
    """
    state = initial_state
    outputs_series = []
    for x_t in inputs_series:
        output, state = cell(x_t, state)
        outputs_series.append(output)
    return outputs_series, state


def cell_forward(
    cell, W2: tf.Variable, b2: tf.Variable, x_window, state
) -> tuple[list[tf.Tensor], Any]:
    """A Keras cell unrolled over the steps, then the output layer."""
    outputs_series, state = static_rnn(cell, split_steps(x_window), state)
    return [output @ W2 + b2 for output in outputs_series], state


def sequence_loss(logits_series: Sequence[tf.Tensor], y_window) -> tf.Tensor:
    """Mean sparse softmax cross-entropy over the steps, one at a time."""
    # T tensors of [batch_size]
    labels_series = tf.unstack(tf.convert_to_tensor(y_window), axis=1)
    losses = [
        tf.nn.sparse_softmax_cross_entropy_with_logits(
            labels=labels, logits=logits
        )
        for logits, labels in zip(logits_series, labels_series)
    ]
    return tf.reduce_mean(losses)


def make_steps(
    forward: Forward, variables: Sequence[tf.Variable], optimizer
) -> tuple[Callable, Callable]:
    """The ``train_step`` and ``predict_step`` that ``training.fit`` drives.

    Both are ``tf.function`` objects. ``forward(x_window, state)`` returns
    ``(logits_series, final_state)``.
    """
    variables = list(variables)
    if not variables:
        raise ValueError(
            "variables is empty: build the model (call it once) before "
            "making its steps."
        )

    @tf.function
    def train_step(x_window, y_window, state):
        with tf.GradientTape() as tape:
            logits_series, state = forward(x_window, state)
            loss = sequence_loss(logits_series, y_window)
        optimizer.apply_gradients(
            zip(tape.gradient(loss, variables), variables)
        )
        return loss, state

    @tf.function
    def predict_step(x_window, state):
        logits_series, state = forward(x_window, state)
        # [batch_size, T, num_classes]
        return tf.stack(logits_series, axis=1), state

    return train_step, predict_step
