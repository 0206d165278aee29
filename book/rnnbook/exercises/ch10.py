"""Checks for the exercises of chapter 10: the 2016 code, today."""

from __future__ import annotations

import numpy as np

from rnnbook import port
from rnnbook._checks import positive_int
from rnnbook.exercises.feedback import (
    Feedback,
    check_array,
    check_choice,
    check_shape,
    wrong,
)

__all__ = ["legacy_kernel_shape", "keras_bias", "silent_loss"]


def legacy_kernel_shape(
    answer: object, *, state_size: int, layer: int
) -> Feedback:
    """Exercise 1: the shape of layer ``layer``'s legacy LSTM kernel."""
    state_size = positive_int("state_size", state_size)
    if layer < 0:
        raise ValueError(f"layer counts from 0, got {layer}.")
    input_width = 1 if layer == 0 else state_size  # a bit, or h below
    feedback = check_shape(
        answer,
        (input_width + state_size, 4 * state_size),
        name=f"the kernel of layer {layer}",
    )
    shape = tuple(answer) if isinstance(answer, tuple | list) else None
    if not feedback and shape == (input_width, 4 * state_size):
        return wrong(
            f"{shape} is Keras's input kernel; the legacy cell keeps one "
            "kernel for the concatenated [input, h], so it has rows for h "
            "too."
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
    if np.allclose(answer, port.reorder_gates(legacy_bias), atol=1e-5):
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
    return feedback


def silent_loss(answer: object) -> Feedback:
    """Exercise 3: which loss, called with (logits, labels) by position,
    runs without an error and computes the wrong thing."""
    return check_choice(
        answer,
        "dense",
        {
            "sparse": "swapped, the sparse loss gets float logits as its "
            "integer labels and a tensor of the wrong rank; it fails loudly.",
            "neither": "the dense loss takes labels and logits of the same "
            "shape and dtype, so a swap goes unnoticed.",
        },
        name="the loss that fails silently",
        because="labels and logits have the same shape and dtype there, so "
        "nothing stops the swap; the result is not a cross-entropy.",
    )
