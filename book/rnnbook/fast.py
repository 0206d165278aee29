"""A whole epoch in one compiled function: the fast trainer of chapter 8,
reused by chapter 9.

The models are the stacked cells of the earlier chapters (plain RNN, LSTM or
GRU, with Keras's weight layout and initial values) followed by the 2016
output layer. What changes is how they run:

* the loop over windows, the carried state and the Adagrad update all run
  inside one ``tf.function(jit_compile=True)``, so XLA compiles the whole
  epoch and Python is called once per epoch, not once per window;
* the loop over time steps is a ``tf.while_loop``, so compiling does not
  grow with the window;
* the weights are plain tensors passed in and returned, not captured
  variables, so one compiled function serves every model of the same kind
  and shape: new seeds or new data never recompile;
* the tiny matrix products inside the cells are written as
  broadcast-multiply-and-sum (:func:`fused_matmul`), which XLA fuses with the
  gate arithmetic around them instead of calling a matrix-multiply routine
  for a 5 x 4 x 16 product.

Each kind of cell is compiled once per shape (window, batch, layers, units)
and reused for every model of that shape.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import keras
import numpy as np
import tensorflow as tf

from rnnbook import dynamic
from rnnbook._checks import positive_int
from rnnbook.initializers import cell_initializers

__all__ = [
    "KINDS",
    "fused_matmul",
    "cell_step",
    "forward",
    "adagrad",
    "FastRNN",
    "build",
]

KINDS = {
    "rnn": keras.layers.SimpleRNNCell,
    "lstm": keras.layers.LSTMCell,
    "gru": keras.layers.GRUCell,
}


def fused_matmul(a: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    """``a @ b`` as a broadcast product and a sum, which XLA can fuse."""
    return tf.reduce_sum(a[:, :, None] * b[None, :, :], axis=1)


def cell_step(
    kind: str, weights, x: tf.Tensor, state: list[tf.Tensor]
) -> tuple[tf.Tensor, list[tf.Tensor]]:
    """One step of one layer, with Keras's equations and weight layout.

    ``weights`` is ``[kernel, recurrent_kernel, bias]``, as Keras stores them.
    """
    kernel, recurrent, bias = weights
    if kind == "rnn":
        h = tf.tanh(
            fused_matmul(x, kernel) + fused_matmul(state[0], recurrent) + bias
        )
        return h, [h]
    if kind == "lstm":
        h, c = state
        i, f, g, o = tf.split(
            fused_matmul(x, kernel) + fused_matmul(h, recurrent) + bias,
            4,
            axis=1,
        )
        c = tf.sigmoid(f) * c + tf.sigmoid(i) * tf.tanh(g)
        h = tf.sigmoid(o) * tf.tanh(c)
        return h, [h, c]
    # Keras's default reset_after=True: bias is [input bias, recurrent bias]
    if kind == "gru":
        h = state[0]
        x_z, x_r, x_h = tf.split(fused_matmul(x, kernel) + bias[0], 3, axis=1)
        h_z, h_r, h_h = tf.split(
            fused_matmul(h, recurrent) + bias[1], 3, axis=1
        )
        z, r = tf.sigmoid(x_z + h_z), tf.sigmoid(x_r + h_r)
        h = z * h + (1 - z) * tf.tanh(x_h + r * h_h)
        return h, [h]
    raise ValueError(f"kind must be one of {sorted(KINDS)}, got {kind!r}.")


def forward(kind: str, weights: list[tf.Tensor], x_window, state):
    """All logits of a window, ``[batch_size * T, num_classes]``, and the final
    state of every layer.

    ``weights`` holds ``[kernel, recurrent, bias]`` for each layer, then ``W2``
    and ``b2``; ``state`` holds one list per layer (``[h]``, or ``[h, c]``).
    """
    num_layers = (len(weights) - 2) // 3
    steps = tf.transpose(tf.cast(x_window, tf.float32))[
        :, :, None
    ]  # [T, batch_size, 1]
    window = x_window.shape[1]

    def step(t, state, outputs):
        x, new_state = steps[t], []
        for layer in range(num_layers):
            x, layer_state = cell_step(
                kind, weights[3 * layer : 3 * layer + 3], x, state[layer]
            )
            new_state.append(layer_state)
        return t + 1, new_state, outputs.write(t, x)

    outputs = tf.TensorArray(tf.float32, size=window)
    _, state, outputs = tf.while_loop(
        lambda t, *_: t < window,
        step,
        (0, state, outputs),
        maximum_iterations=window,
    )
    states_series = tf.reshape(
        tf.transpose(outputs.stack(), [1, 0, 2]), [-1, weights[-2].shape[0]]
    )
    return states_series @ weights[-2] + weights[-1], state


def adagrad(weights, gradients, accumulators, learning_rate, clip_norm):
    """One Adagrad update, as Keras computes it, after gradient clipping.

    The gradients' global norm is clipped to ``clip_norm``; with ``inf`` the
    scale below is 1 and nothing is clipped.
    """
    scale = tf.minimum(
        1.0, clip_norm / tf.maximum(tf.linalg.global_norm(gradients), 1e-12)
    )
    gradients = [g * scale for g in gradients]
    accumulators = [a + g * g for a, g in zip(accumulators, gradients)]
    weights = [
        w - learning_rate * g / tf.sqrt(a + 1e-7)
        for w, g, a in zip(weights, gradients, accumulators)
    ]
    return weights, accumulators


@functools.cache
def compiled_train_epoch(kind: str):
    """The whole-epoch trainer for one kind of cell, compiled once and shared
    by every model of that kind."""

    def train_epoch(
        weights,
        accumulators,
        x_windows,
        y_windows,
        state,
        learning_rate,
        clip_norm,
    ):
        def train_window(i, weights, accumulators, state, losses):
            with tf.GradientTape() as tape:
                tape.watch(weights)
                logits, state = forward(
                    kind, weights, tf.gather(x_windows, i), state
                )
                loss = dynamic.loss(logits, tf.gather(y_windows, i))
            gradients = tape.gradient(loss, weights)
            weights, accumulators = adagrad(
                weights, gradients, accumulators, learning_rate, clip_norm
            )
            return i + 1, weights, accumulators, state, losses.write(i, loss)

        count = x_windows.shape[0]
        losses = tf.TensorArray(tf.float32, size=count)
        _, weights, accumulators, state, losses = tf.while_loop(
            lambda i, *_: i < count,
            train_window,
            (0, weights, accumulators, state, losses),
        )
        return weights, accumulators, losses.stack(), state

    return tf.function(train_epoch, jit_compile=True)


@functools.cache
def compiled_predict_window(kind: str):
    """Logits of one window for one kind of cell, compiled once."""

    def predict_window(weights, x_window, state):
        logits, state = forward(kind, weights, x_window, state)
        return tf.reshape(
            logits, [x_window.shape[0], x_window.shape[1], -1]
        ), state

    return tf.function(predict_window, jit_compile=True)


@dataclass
class FastRNN:
    """A stacked-cell model whose weights live in plain tensors, trained one
    compiled epoch at a time.

    ``train_epoch`` and ``predict_step`` have the shapes that
    :func:`rnnbook.training.fit` expects (pass ``train_epoch=``).
    """

    kind: str
    weights: list[tf.Tensor]
    accumulators: list[tf.Tensor]
    learning_rate: float = 0.3
    # clip the gradient's global norm to this (chapter 9); inf: no clipping
    clip_norm: float = float("inf")

    @property
    def num_layers(self) -> int:
        return (len(self.weights) - 2) // 3

    @property
    def state_size(self) -> int:
        return int(self.weights[-2].shape[0])

    def zero_state(self, batch_size: int) -> list[list[tf.Tensor]]:
        shape = [positive_int("batch_size", batch_size), self.state_size]
        parts = 2 if self.kind == "lstm" else 1
        return [
            [tf.zeros(shape) for _ in range(parts)]
            for _ in range(self.num_layers)
        ]

    def train_epoch(self, x_windows, y_windows, state):
        """Train on every window of an epoch in one call; returns the
        per-window losses and the final state."""
        train_epoch = compiled_train_epoch(self.kind)
        self.weights, self.accumulators, losses, state = train_epoch(
            self.weights,
            self.accumulators,
            tf.convert_to_tensor(x_windows),
            tf.convert_to_tensor(y_windows),
            state,
            tf.constant(self.learning_rate),
            tf.constant(self.clip_norm),
        )
        return losses.numpy(), state

    def predict_step(self, x_window, state):
        """Logits ``[batch_size, T, num_classes]``, and the state to carry."""
        return compiled_predict_window(self.kind)(
            self.weights, tf.convert_to_tensor(x_window), state
        )


def build(
    kind: str,
    state_size: int,
    num_layers: int,
    num_classes: int = 2,
    *,
    seed: int,
    learning_rate: float = 0.3,
    clip_norm: float = float("inf"),
    initial_weights: list | None = None,
) -> FastRNN:
    """A fresh model with the initial values Keras would give the same cells
    (or ``initial_weights``).

    ``seed`` fixes the initial weights by the rule of
    :mod:`rnnbook.initializers`, as :func:`rnnbook.dynamic.stacked_lstm`
    does: the same seed gives the same cells and output layer.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {sorted(KINDS)}, got {kind!r}.")
    state_size = positive_int("state_size", state_size)
    num_layers = positive_int("num_layers", num_layers)
    if initial_weights is None:
        initial_weights = []
        for layer in range(num_layers):
            cell = KINDS[kind](
                state_size,
                **cell_initializers(seed, layer),
            )
            cell.build((None, 1 if layer == 0 else state_size))
            initial_weights += [cell.kernel, cell.recurrent_kernel, cell.bias]
        initial_weights += list(
            dynamic.output_layer(
                state_size, positive_int("num_classes", num_classes), seed=seed
            )
        )
    weights = [
        tf.convert_to_tensor(np.asarray(w), dtype=tf.float32)
        for w in initial_weights
    ]
    if len(weights) != 3 * num_layers + 2:
        raise ValueError(
            "initial_weights needs 3 tensors per layer plus W2 and b2: "
            f"{3 * num_layers + 2}, got {len(weights)}."
        )
    if not clip_norm > 0:
        raise ValueError(
            "clip_norm must be positive (or inf "
            f"for no clipping), got {clip_norm}."
        )
    if not learning_rate > 0:
        raise ValueError(
            f"learning_rate must be positive, got {learning_rate}."
        )
    return FastRNN(
        kind,
        weights,
        [tf.fill(w.shape, 0.1) for w in weights],
        learning_rate,
        clip_norm,
    )
