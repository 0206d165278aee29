"""Checks for the exercises of chapter 10: the 2016 code, today."""

from __future__ import annotations

import numpy as np

from rnnbook import port
from rnnbook._checks import positive_int
from rnnbook.exercises.feedback import (
    Feedback,
    check_array,
    check_shape,
    right,
    waiting,
    wrong,
)

__all__ = ["legacy_kernel_shape", "keras_bias", "keras_state"]


def legacy_kernel_shape(
    answer: object, *, state_size: int, layer: int, input_size: int = 1
) -> Feedback:
    """Exercise 1: the shape of layer ``layer``'s legacy LSTM kernel.

    Layer 0 reads ``input_size`` features; every layer above reads the
    ``state_size`` outputs of the layer below.
    """
    state_size = positive_int("state_size", state_size)
    input_size = positive_int("input_size", input_size)
    if layer < 0:
        raise ValueError(f"layer counts from 0, got {layer}.")
    input_width = input_size if layer == 0 else state_size
    expected = (input_width + state_size, 4 * state_size)
    feedback = check_shape(
        answer, expected, name=f"the kernel of layer {layer}"
    )
    shape = tuple(answer) if isinstance(answer, tuple | list) else None
    if feedback or shape is None:
        return feedback
    if shape == (input_width, 4 * state_size):
        return wrong(
            f"{shape} is Keras's input kernel; the legacy cell keeps one "
            "kernel for the concatenated [input, h], so it has rows for h "
            "too."
        )
    if shape == expected[::-1]:
        return wrong(
            f"{shape} is transposed: the legacy cell computes [input, h] @ "
            "kernel, so the rows are the inputs and h, the columns the gates."
        )
    if shape == (input_width + state_size, state_size):
        return wrong(
            f"{shape} has one gate's columns; the kernel holds four gate "
            f"blocks side by side, 4 * {state_size} columns."
        )
    return feedback


def keras_bias(
    answer: object, legacy_bias: np.ndarray, *, forget_bias: float = 1.0
) -> Feedback:
    """Exercise 2: one layer's legacy bias as Keras stores it."""
    expected = port.reorder_gates(
        port.fold_forget_bias(legacy_bias, forget_bias)
    )
    feedback = check_array(answer, expected, name="the Keras bias")
    if feedback or answer is None or np.shape(answer) != expected.shape:
        return feedback
    answer = np.asarray(answer, dtype=float)
    reordered = port.reorder_gates(legacy_bias)
    if np.allclose(answer, reordered, atol=1e-5):
        return wrong(
            "the gates are in Keras's order, but the forget bias is "
            f"missing: add {forget_bias} to the forget block."
        )
    if np.allclose(
        answer, port.fold_forget_bias(legacy_bias, forget_bias), atol=1e-5
    ):
        return wrong(
            "the forget bias is in, but the blocks are still in the legacy "
            "order (i, j, f, o): Keras wants (i, f, c, o)."
        )
    added = np.split(answer - reordered, 4)
    for block, extra in enumerate(added):
        others = [a for k, a in enumerate(added) if k != block]
        if (
            block != port.KERAS_GATES.index("f")
            and np.allclose(extra, forget_bias, atol=1e-5)
            and np.allclose(others, 0.0, atol=1e-5)
        ):
            return wrong(
                "the gates are in Keras's order, but the forget bias went "
                f"to block {block} ({port.KERAS_GATES[block]}); in Keras's "
                "order (i, f, c, o) the forget gate is block 1."
            )
    return feedback


def keras_state(answer: object, legacy_state: np.ndarray) -> Feedback:
    """Exercise 3: a 2016 ``[num_layers, 2, batch, units]`` state of (c, h)
    per layer as Keras's list of ``[h, c]`` pairs."""
    legacy_state = np.asarray(legacy_state, dtype=float)
    if legacy_state.ndim != 4 or legacy_state.shape[1] != 2:
        raise ValueError(
            "legacy_state must have shape [num_layers, 2, batch_size, "
            f"state_size], got {legacy_state.shape}; pass the 2016 state."
        )
    name = "the Keras state"
    if answer is None:
        return waiting(f"{name}, a list of [h, c] pairs, one per layer")
    layers = legacy_state.shape[0]
    try:
        values = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return wrong(
            f"{name} must be a list of {layers} [h, c] pairs of arrays of "
            f"shape {legacy_state.shape[2:]}."
        )
    if values.shape != legacy_state.shape:
        return wrong(
            f"{name} should be {layers} pairs of {legacy_state.shape[2:]} "
            f"arrays, shape {legacy_state.shape} once stacked; got "
            f"{values.shape}."
        )
    expected = legacy_state[:, ::-1]  # (c, h) -> [h, c]
    if np.allclose(values, expected, atol=1e-6):
        return right(
            f"{name} matches: {layers} layers, each [h, c], layer 0 first."
        )
    if np.allclose(values, legacy_state, atol=1e-6):
        return wrong(
            "each pair is still (c, h), the LSTMStateTuple order; Keras "
            "wants [h, c]. Keras would run without complaint and start "
            "from the wrong memory."
        )
    if layers > 1 and np.allclose(values, expected[::-1], atol=1e-6):
        return wrong(
            "the pairs are [h, c], but the layers are reversed: the 2016 "
            "array and Keras both list the bottom layer first."
        )
    return check_array(values, expected, name=name)
