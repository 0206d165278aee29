"""Dynamic unrolling: one tensor per window, one reshape, one loss.

The 2016 part 5 replaced the Python lists of parts 1 to 4 with ``dynamic_rnn``
over a ``[batch_size, T, 1]`` tensor. Today that is one call of a
``keras.layers.RNN`` layer. Chapters 7, 8 and 10 reuse this module.

Shapes: ``x_window`` and ``y_window`` are ``[batch_size, T]``; the RNN's
outputs are ``[batch_size, T, state_size]``, reshaped to
``[batch_size * T, state_size]``; ``logits`` are ``[batch_size * T,
num_classes]`` and ``labels`` ``[batch_size * T]``.
"""

from __future__ import annotations

from collections.abc import Callable

import keras
import tensorflow as tf

from rnnbook._checks import positive_int
from rnnbook.initializers import cell_initializers, layer_seed, output_seed

__all__ = [
    "stacked_lstm",
    "output_layer",
    "forward",
    "loss",
    "make_steps",
    "output_seed",
]


def stacked_lstm(
    state_size: int,
    num_layers: int,
    *,
    seed: int,
    dropout: float = 0.0,
    recurrent_dropout: float = 0.0,
) -> keras.layers.RNN:
    """One RNN layer of ``num_layers`` LSTM cells, a new cell per layer.

    The layer returns every step's output and the final state. ``seed`` fixes
    the initial weights (Keras's defaults: Glorot-uniform kernels, orthogonal
    recurrent kernels, zero biases with the forget gate's at 1) and the
    dropout masks. Chapter 7's regularisers act only when the layer is called
    with ``training=True``: ``dropout`` drops units of the signal passed
    *between* layers (the input of every layer but the first, which reads the
    bit itself); ``recurrent_dropout`` drops units of every layer's previous
    hidden state.
    """
    state_size = positive_int("state_size", state_size)
    num_layers = positive_int("num_layers", num_layers)
    for name, rate in (
        ("dropout", dropout),
        ("recurrent_dropout", recurrent_dropout),
    ):
        if not 0.0 <= rate < 1.0:
            raise ValueError(
                f"{name} must be in [0, 1), got {rate}; it is the fraction of "
                "units dropped."
            )
    cells = [
        keras.layers.LSTMCell(
            state_size,
            **cell_initializers(seed, layer),
            dropout=dropout if layer else 0.0,
            recurrent_dropout=recurrent_dropout,
            seed=layer_seed(seed, layer),  # for the dropout masks
        )
        for layer in range(num_layers)
    ]
    return keras.layers.RNN(
        keras.layers.StackedRNNCells(cells),
        return_sequences=True,
        return_state=True,
    )


def output_layer(
    state_size: int, num_classes: int, *, seed: int
) -> tuple[tf.Variable, tf.Variable]:
    """The 2016 output layer: ``W2`` of ``[state_size, num_classes]`` and
    ``b2`` of ``[1, num_classes]``.

    ``W2`` is drawn with :func:`rnnbook.initializers.output_seed`, so that
    it never shares a random stream with a cell.
    """
    init = keras.initializers.GlorotUniform(seed=output_seed(seed))
    W2 = tf.Variable(
        init(
            [
                positive_int("state_size", state_size),
                positive_int("num_classes", num_classes),
            ]
        ),
        name="W2",
    )
    b2 = tf.Variable(tf.zeros([1, num_classes]), name="b2")
    return W2, b2


def forward(
    rnn: keras.layers.RNN,
    W2: tf.Variable,
    b2: tf.Variable,
    x_window,
    state,
    training: bool = False,
):
    """All logits of a window at once, and the final state."""
    # [batch_size, T, 1]
    inputs = tf.expand_dims(tf.cast(x_window, tf.float32), axis=-1)
    # [batch_size, T, state_size]
    states_series, *final_state = rnn(
        inputs, initial_state=state, training=training
    )
    # [batch_size * T, state_size]
    states_series = tf.reshape(states_series, [-1, W2.shape[0]])
    logits = states_series @ W2 + b2  # b2 is broadcast over the rows
    return logits, final_state


def loss(logits: tf.Tensor, y_window) -> tf.Tensor:
    """One sparse softmax cross-entropy over every step and row, averaged."""
    labels = tf.reshape(y_window, [-1])  # [batch_size * T]
    return tf.reduce_mean(
        tf.nn.sparse_softmax_cross_entropy_with_logits(
            labels=labels, logits=logits
        )
    )


def make_steps(
    rnn: keras.layers.RNN,
    W2: tf.Variable,
    b2: tf.Variable,
    optimizer,
    *,
    jit_compile: bool = False,
) -> tuple[Callable, Callable]:
    """The ``train_step`` and ``predict_step`` that ``training.fit`` drives.

    ``train_step`` runs the RNN with ``training=True`` (dropout on, if any);
    ``predict_step`` with ``training=False``, and reshapes the logits back to
    ``[batch_size, T, num_classes]``. ``jit_compile=True`` compiles both with
    XLA (chapter 8).
    """
    if not rnn.built:
        raise ValueError(
            "build the RNN first (call it once on a window) so that its "
            "weights exist."
        )
    variables = rnn.trainable_variables + [W2, b2]

    @tf.function(jit_compile=jit_compile)
    def train_step(x_window, y_window, state):
        with tf.GradientTape() as tape:
            logits, state = forward(
                rnn, W2, b2, x_window, state, training=True
            )
            window_loss = loss(logits, y_window)
        optimizer.apply_gradients(
            zip(tape.gradient(window_loss, variables), variables)
        )
        return window_loss, state

    @tf.function(jit_compile=jit_compile)
    def predict_step(x_window, state):
        logits, state = forward(rnn, W2, b2, x_window, state)
        return tf.reshape(
            logits, [tf.shape(x_window)[0], tf.shape(x_window)[1], -1]
        ), state

    return train_step, predict_step
