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

import numbers
from collections.abc import Callable, Sequence

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
    "restart",
    "output_seed",
]


def _layer_rates(name: str, rate, num_layers: int) -> list[float]:
    """One dropout rate per layer, from one rate or a sequence of them."""
    rates = (
        [rate] * num_layers
        if isinstance(rate, numbers.Real)
        else [float(r) for r in rate]
    )
    if len(rates) != num_layers:
        raise ValueError(
            f"{name} needs one rate per layer ({num_layers}), got "
            f"{len(rates)}: pass one number, or a list of {num_layers}."
        )
    for r in rates:
        if not 0.0 <= r < 1.0:
            raise ValueError(
                f"{name} rates must be in [0, 1), got {r}; a rate is the "
                "fraction of units dropped."
            )
    return rates


def stacked_lstm(
    state_size: int,
    num_layers: int,
    *,
    seed: int,
    dropout: float | Sequence[float] = 0.0,
    recurrent_dropout: float | Sequence[float] = 0.0,
    per_gate_masks: bool = False,
    unroll: bool = False,
) -> keras.layers.RNN:
    """One RNN layer of ``num_layers`` LSTM cells, a new cell per layer.

    The layer returns every step's output and the final state. ``seed`` fixes
    the initial weights (Keras's defaults: Glorot-uniform kernels, orthogonal
    recurrent kernels, zero biases with the forget gate's at 1) and the
    dropout masks. Chapter 7's regularisers act only when the layer is called
    with ``training=True``: ``dropout`` drops units of the signal passed
    *between* layers (the input of every layer but the first, which reads the
    bit itself); ``recurrent_dropout`` drops units of every layer's previous
    hidden state. Either is one rate for every layer or a list with one rate
    per layer. Keras draws a mask once per call and keeps it for every step;
    recurrent dropout draws one per gate, and ``per_gate_masks=True`` makes
    ``dropout`` do the same (``implementation=1``). ``unroll=True`` has Keras
    unroll the loop over time when it traces (chapter 6).
    """
    state_size = positive_int("state_size", state_size)
    num_layers = positive_int("num_layers", num_layers)
    recurrent_dropout = _layer_rates(
        "recurrent_dropout", recurrent_dropout, num_layers
    )
    rates = _layer_rates("dropout", dropout, num_layers)
    if not isinstance(dropout, numbers.Real) and rates[0]:
        raise ValueError(
            "dropout[0] must be 0: the first layer's input is the bit "
            "itself; give rates for the layers above it."
        )
    cells = [
        keras.layers.LSTMCell(
            state_size,
            **cell_initializers(seed, layer),
            dropout=rates[layer] if layer else 0.0,
            recurrent_dropout=recurrent_dropout[layer],
            seed=layer_seed(seed, layer),  # for the dropout masks
            implementation=1 if per_gate_masks else 2,
        )
        for layer in range(num_layers)
    ]
    return keras.layers.RNN(
        keras.layers.StackedRNNCells(cells),
        return_sequences=True,
        return_state=True,
        unroll=unroll,
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


def restart(
    rnn: keras.layers.RNN,
    W2: tf.Variable,
    b2: tf.Variable,
    optimizer: keras.optimizers.Optimizer,
    *,
    seed: int,
) -> None:
    """Start a built model and its optimizer afresh, as with ``seed``.

    The weights and the dropout masks' seeds become those that
    :func:`stacked_lstm` and :func:`output_layer` give a new model with
    ``seed``; the optimizer's state (step count, moments) goes back to zero,
    its learning rate stays. The step functions of :func:`make_steps`, traced
    once, then train the new start without tracing again: chapter 7 trains
    several seeds of one model this way.
    """
    if not rnn.built:
        raise ValueError("build the RNN first: restart() resets its weights.")
    cells = rnn.cell.cells
    fresh = stacked_lstm(cells[0].units, len(cells), seed=seed)
    fresh.build((None, None, int(cells[0].kernel.shape[0])))
    if len(fresh.variables) != len(rnn.variables):
        raise ValueError(
            "restart() expects a model made by stacked_lstm(); this one has "
            f"{len(rnn.variables)} variables, not {len(fresh.variables)}."
        )
    for variable, value in zip(rnn.variables, fresh.variables):
        variable.assign(value)
    W2_0, b2_0 = output_layer(W2.shape[0], W2.shape[1], seed=seed)
    W2.assign(W2_0)
    b2.assign(b2_0)
    for variable in optimizer.variables:
        if not variable.path.endswith("learning_rate"):
            variable.assign(tf.zeros(variable.shape, variable.dtype))
