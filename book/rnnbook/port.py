"""Moving a trained legacy LSTM into Keras 3.

A legacy ``LSTMCell`` (``tf.compat.v1.nn.rnn_cell``, from ``tf-keras``) and
a Keras 3 ``LSTMCell`` compute the same thing but store it differently:

* the legacy cell keeps **one** ``kernel`` of ``[input + units, 4 * units]``
  for the concatenated ``[input, h]``; Keras keeps a ``kernel`` of ``[input,
  4 * units]`` and a ``recurrent_kernel`` of ``[units, 4 * units]``;
* the legacy gate blocks come in the order (i, j, f, o), ``j`` being the
  candidate; Keras's in the order (i, f, c, o);
* the legacy cell adds ``forget_bias`` (1.0 by default) to the forget gate
  at run time; Keras stores the whole bias.

The array maths are plain NumPy functions; :func:`port_to_keras` applies
them to every layer of a ``MultiRNNCell`` and assigns the results to a
Keras ``RNN(StackedRNNCells)``. Chapter 10 uses it.
"""

from __future__ import annotations

import numbers
import re
from typing import Any

import numpy as np

__all__ = [
    "LEGACY_GATES",
    "KERAS_GATES",
    "reorder_gates",
    "fold_forget_bias",
    "split_kernel",
    "legacy_layers",
    "lstm_weights",
    "port_to_keras",
]

LEGACY_GATES = ("i", "j", "f", "o")  # j: the candidate
KERAS_GATES = ("i", "f", "c", "o")  # c: the candidate


def _gate_width(name: str, value: np.ndarray) -> int:
    """The width of one gate block along the last axis, checked."""
    if value.ndim == 0 or value.shape[-1] % 4:
        raise ValueError(
            f"{name} must hold four gate blocks along its last axis, got "
            f"shape {value.shape}; pass an LSTM's kernel or bias, whose last "
            "axis is 4 * units."
        )
    return value.shape[-1] // 4


def reorder_gates(value: np.ndarray) -> np.ndarray:
    """Gate blocks in the legacy order (i, j, f, o) moved to Keras's (i, f,
    c, o), along the last axis."""
    value = np.asarray(value)
    _gate_width("value", value)
    i, j, f, o = np.split(value, 4, axis=-1)
    return np.concatenate([i, f, j, o], axis=-1)


def fold_forget_bias(bias: np.ndarray, forget_bias: float) -> np.ndarray:
    """A legacy bias (gate order i, j, f, o) with ``forget_bias`` added to
    its forget block, as the legacy cell adds it at run time."""
    bias = np.array(bias)  # a copy: the caller's weights stay as they are
    if bias.ndim != 1:
        raise ValueError(
            f"bias must be 1-D, [4 * units], got shape {bias.shape}; pass "
            "one layer's bias."
        )
    if isinstance(forget_bias, bool) or not isinstance(
        forget_bias, numbers.Real
    ):
        raise TypeError(
            f"forget_bias must be a number, got {forget_bias!r}; use the "
            "legacy cell's value, 1.0 unless it was built with another."
        )
    units = _gate_width("bias", bias)
    bias[2 * units : 3 * units] += forget_bias  # f, third legacy block
    return bias


def split_kernel(kernel: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A legacy ``[input + units, 4 * units]`` kernel split into Keras's
    input kernel ``[input, 4 * units]`` and recurrent kernel ``[units, 4 *
    units]``."""
    kernel = np.asarray(kernel)
    if kernel.ndim != 2:
        raise ValueError(
            f"kernel must be 2-D, [input + units, 4 * units], got shape "
            f"{kernel.shape}; pass one layer's kernel."
        )
    units = _gate_width("kernel", kernel)
    input_width = kernel.shape[0] - units
    if input_width < 1:
        raise ValueError(
            f"kernel has {kernel.shape[0]} rows, but a cell of {units} units "
            f"needs more than {units} (its input's rows, then h's); pass a "
            "legacy LSTMCell kernel, which multiplies [input, h]."
        )
    # [input, h] @ kernel: the input's rows come first
    return kernel[:input_width], kernel[input_width:]


def legacy_layers(
    weights: dict[str, np.ndarray],
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each LSTM layer's ``(kernel, bias)``, bottom layer first, from a
    :func:`lstm_weights` dictionary."""

    def layer_number(name: str) -> int:
        # MultiRNNCell names its layers .../cell_0/..., .../cell_1/...
        found = re.search(r"cell_(\d+)/", name)
        return int(found.group(1)) if found else 0

    kernels = sorted(
        (name for name in weights if name.endswith("/kernel")),
        key=layer_number,
    )
    layers = []
    for name in kernels:
        bias_name = name[: -len("kernel")] + "bias"
        if bias_name not in weights:
            raise ValueError(
                f"{name} has no bias {bias_name} beside it; pass every "
                "trainable variable, as lstm_weights returns them."
            )
        layers.append((weights[name], weights[bias_name]))
    return layers


def lstm_weights(program: Any) -> dict[str, np.ndarray]:
    """The trained value of every trainable variable of a 2016 program.

    For parts 4 to 6 that is each layer's ``.../kernel`` and ``.../bias``,
    and ``W2`` and ``b2``. ``program`` is a :class:`rnnbook.sessions.Program`.
    """
    with program.graph.as_default():
        variables = program.graph.get_collection("trainable_variables")
    values = program.session.run(variables)
    return {
        variable.name.split(":")[0]: value
        for variable, value in zip(variables, values)
    }


def port_to_keras(
    weights: dict[str, np.ndarray], rnn, W2, b2, forget_bias: float = 1.0
) -> None:
    """Copy a legacy ``MultiRNNCell`` LSTM into a Keras 3 stacked LSTM.

    ``weights`` come from :func:`lstm_weights`; ``rnn`` is an
    ``RNN(StackedRNNCells)`` of ``LSTMCell``s, built, and ``W2``, ``b2`` the
    output layer's variables.
    """
    layers = legacy_layers(weights)
    cells = rnn.cell.cells
    if len(layers) != len(cells):
        raise ValueError(
            f"the legacy program has {len(layers)} LSTM layers, the Keras "
            f"model {len(cells)}; build the Keras model with "
            f"num_layers={len(layers)}."
        )
    for (kernel, bias), cell in zip(layers, cells):
        # the forget bias first: fold_forget_bias finds f in legacy order
        bias = reorder_gates(fold_forget_bias(bias, forget_bias))
        input_kernel, recurrent_kernel = split_kernel(kernel)
        cell.kernel.assign(reorder_gates(input_kernel))
        cell.recurrent_kernel.assign(reorder_gates(recurrent_kernel))
        cell.bias.assign(bias)
    W2.assign(weights["W2"])
    b2.assign(weights["b2"])
