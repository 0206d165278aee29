"""Checks for chapter 3's exercises: Keras's recurrent cells and layers.

Each check computes its expected answer from the chapter's parameters,
passed in, so it holds when a reader changes the parameters cell.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rnnbook._checks import positive_int
from rnnbook.exercises.feedback import (
    Feedback,
    check_array,
    check_choice,
    check_number,
    check_shape,
    right,
    waiting,
    wrong,
)

__all__ = [
    "UNITS",
    "simple_rnn_returns",
    "lstm_returns",
    "returned_shapes",
    "expected_shapes",
    "cell_parameters",
    "model_parameters",
    "state_variable_shape",
    "other_batch_size",
    "carried_by_hand",
]

# The layers of exercise 1 have this many units.
UNITS = 7
_LAYERS = ("SimpleRNN", "LSTM")
# What each layer's state is made of, in the order Keras returns it.
_STATE_PARTS = {"SimpleRNN": ("h",), "LSTM": ("h", "c")}


def expected_shapes(
    layer: str,
    *,
    units: int,
    return_sequences: bool,
    return_state: bool,
    batch_size: int,
    truncated_backprop_length: int,
) -> list[tuple[int, ...]]:
    """The shapes a recurrent layer returns for ``[batch, T, 1]`` inputs."""
    if layer not in _LAYERS:
        raise ValueError(f"layer must be one of {_LAYERS}, got {layer!r}.")
    units = positive_int("units", units)
    batch_size = positive_int("batch_size", batch_size)
    steps = positive_int(
        "truncated_backprop_length", truncated_backprop_length
    )
    output = (
        (batch_size, steps, units) if return_sequences else (batch_size, units)
    )
    states = [(batch_size, units)] * len(_STATE_PARTS[layer])
    return [output, *states] if return_state else [output]


def _names(layer: str, return_state: bool) -> list[str]:
    """What each returned tensor is, for the feedback."""
    states = [f"the final state {part}" for part in _STATE_PARTS[layer]]
    return ["the output", *states] if return_state else ["the output"]


def returned_shapes(
    answer: object,
    layer: str,
    *,
    units: int,
    return_sequences: bool,
    return_state: bool,
    batch_size: int,
    truncated_backprop_length: int,
) -> Feedback:
    """Check a list of shapes, one per tensor the layer returns."""
    expected = expected_shapes(
        layer,
        units=units,
        return_sequences=return_sequences,
        return_state=return_state,
        batch_size=batch_size,
        truncated_backprop_length=truncated_backprop_length,
    )
    names = _names(layer, return_state)
    if answer is None:
        return waiting(
            f"a list of {len(expected)} shape(s), one tuple per tensor "
            f"{layer} returns"
        )
    if isinstance(answer, tuple) and all(
        isinstance(n, (int, np.integer)) for n in answer
    ):
        answer = [answer]  # one shape given on its own
    if isinstance(answer, str) or not isinstance(answer, Sequence):
        return wrong(
            f"give a list of shapes, one tuple per returned tensor, such as "
            f"{expected}, got {answer!r}."
        )
    if len(answer) != len(expected):
        why = (
            "return_state=True adds the final state after the output"
            if return_state
            else "without return_state the layer returns its output alone"
        )
        if return_state and layer == "LSTM":
            why += "; an LSTM's state is two tensors, h and c"
        return wrong(
            f"{layer} returns {len(expected)} tensor(s) here "
            f"({', '.join(names)}), you gave {len(answer)}: {why}."
        )
    for shape, wanted, name in zip(answer, expected, names):
        verdict = check_shape(shape, wanted, name=f"{name}'s shape")
        if not verdict:
            if (
                name == "the output"
                and isinstance(shape, tuple)
                and len(wanted) != len(shape)
            ):
                hint = (
                    " return_sequences=True keeps every step's output"
                    if return_sequences
                    else " return_sequences=False keeps the last step's only"
                )
                return wrong(verdict.message + hint + ".")
            return verdict
    return right(f"{layer} returns {expected}.")


def _window_sizes(window) -> tuple[int, int]:
    """``(batch_size, T)`` of a ``[batch_size, T, 1]`` window."""
    shape = tuple(getattr(window, "shape", ()))
    if len(shape) != 3:
        raise ValueError(
            "window must be the chapter's [batch_size, T, 1] window, got "
            f"shape {shape}; pass the notebook's `window`."
        )
    return int(shape[0]), int(shape[1])


def simple_rnn_returns(answer: object, window) -> Feedback:
    """Exercise 1 (a): ``SimpleRNN(UNITS, return_state=True)(window)``."""
    batch_size, steps = _window_sizes(window)
    return returned_shapes(
        answer,
        "SimpleRNN",
        units=UNITS,
        return_sequences=False,
        return_state=True,
        batch_size=batch_size,
        truncated_backprop_length=steps,
    )


def lstm_returns(answer: object, window) -> Feedback:
    """Exercise 1 (b): ``LSTM(UNITS, return_sequences=True,
    return_state=True)(window)``."""
    batch_size, steps = _window_sizes(window)
    return returned_shapes(
        answer,
        "LSTM",
        units=UNITS,
        return_sequences=True,
        return_state=True,
        batch_size=batch_size,
        truncated_backprop_length=steps,
    )


def cell_parameters(
    answer: object, *, state_size: int, input_size: int = 1
) -> Feedback:
    """Check the number of weights of ``SimpleRNNCell(state_size)``."""
    state_size = positive_int("state_size", state_size)
    input_size = positive_int("input_size", input_size)
    kernel = input_size * state_size
    recurrent = state_size * state_size
    bias = state_size
    expected = kernel + recurrent + bias
    if answer is None:
        return waiting("the number of weights, as an integer")
    # (total without one part, the part left out); totals can coincide
    missing = [
        (recurrent + bias, f"the kernel ({input_size} x {state_size})"),
        (
            kernel + bias,
            f"the recurrent kernel ({state_size} x {state_size}), the "
            "weights that carry the state from step to step",
        ),
        (kernel + recurrent, f"the bias ({state_size})"),
    ]
    if isinstance(answer, int) and answer != expected:
        parts = [why for total, why in missing if total == answer]
        if parts:
            return wrong(
                f"{answer} leaves out {' or '.join(parts)}; the cell has "
                f"{expected}."
            )
        if answer > expected and answer % expected == 0:
            return wrong(
                f"{answer} counts the weights once per step: the cell is "
                f"the same at every step, so it has {expected}."
            )
    return check_number(
        answer, expected, name="the number of the cell's weights", tolerance=0
    )


def model_parameters(
    answer: object, *, state_size: int, num_classes: int, input_size: int = 1
) -> Feedback:
    """Check the weights of SimpleRNN(state_size) + Dense(num_classes)."""
    state_size = positive_int("state_size", state_size)
    num_classes = positive_int("num_classes", num_classes)
    cell = input_size * state_size + state_size * state_size + state_size
    dense = state_size * num_classes + num_classes
    if answer is None:
        return waiting("the model's number of weights, as an integer")
    if answer == cell:
        return wrong(
            f"{answer} is the recurrent layer alone; the Dense layer adds "
            f"{dense} ({state_size} x {num_classes} and a bias of "
            f"{num_classes})."
        )
    if answer == cell + dense - num_classes:
        return wrong(
            f"{answer} leaves out the Dense layer's bias ({num_classes})."
        )
    return check_number(
        answer,
        cell + dense,
        name="the number of the model's weights",
        tolerance=0,
    )


def state_variable_shape(
    answer: object, *, batch_size: int, state_size: int
) -> Feedback:
    """Check the shape of a stateful SimpleRNN's ``states[0]``."""
    expected = (
        positive_int("batch_size", batch_size),
        positive_int("state_size", state_size),
    )
    verdict = check_shape(answer, expected, name="the state variable's shape")
    if verdict.verdict == "wrong" and answer == (state_size,):
        return wrong(
            f"one state per batch row: the variable is {expected}, one row "
            f"of {state_size} numbers for each of the {batch_size} streams."
        )
    return verdict


def other_batch_size(answer: object) -> Feedback:
    """Check what a stateful layer does with a batch of another size."""
    return check_choice(
        answer,
        "error",
        {
            "zeros": (
                "Keras does not grow its state variables: it compares the "
                "batch size with theirs and refuses the call."
            ),
            "repeat": (
                "repeating state rows would hand one stream's memory to "
                "another; Keras refuses the call instead."
            ),
        },
        name="what happens",
        because=(
            "the state variable holds one row per stream, and row i of a "
            "batch continues row i of the batch before; with another number "
            "of rows that pairing is lost, so Keras raises a ValueError."
        ),
    )


def _carried_logits(model, windows) -> tuple[np.ndarray, np.ndarray]:
    """The last window's logits with the state carried, and from zeros."""
    import keras
    import tensorflow as tf

    rnn_layer = model.get_layer("rnn")
    logits_layer = model.get_layer("logits")
    loop = keras.layers.RNN(
        rnn_layer.cell, return_sequences=True, return_state=True
    )
    batch_size = np.asarray(windows[0]).shape[0]
    state = tf.zeros([batch_size, rnn_layer.cell.units])
    for window in windows:
        inputs = tf.cast(np.asarray(window)[..., None], tf.float32)
        outputs, state = loop(inputs, initial_state=[state])
    from_zeros, _ = loop(inputs, initial_state=[tf.zeros_like(state)])
    return (
        np.asarray(logits_layer(outputs)),
        np.asarray(logits_layer(from_zeros)),
    )


def carried_by_hand(answer: object, model, windows) -> Feedback:
    """Check the last window's logits, the state carried by hand.

    ``model`` is the chapter's model (layers named ``rnn`` and ``logits``);
    ``windows`` the consecutive windows, ``[num_windows, batch_size, T]``.
    """
    if answer is None:
        return waiting(
            "the logits of the last window, [batch_size, T, num_classes]"
        )
    expected, from_zeros = _carried_logits(model, windows)
    values = np.asarray(answer, dtype=float)
    if (
        values.shape == from_zeros.shape
        and len(windows) > 1
        and np.allclose(values, from_zeros, atol=1e-5)
    ):
        return wrong(
            "these are the last window's logits from a zero state: pass "
            "each window's final state as initial_state of the next."
        )
    return check_array(
        answer,
        expected,
        name="the last window's array of logits",
        tolerance=1e-4,
    )
