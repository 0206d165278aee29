"""Checks for chapter 5's exercises: a stack that shares a cell, layers of
different widths, and the 2016 state array.

Each check computes its expected answer from the chapter's parameters,
passed in, so it holds when a reader changes the parameters cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from rnnbook._checks import positive_int
from rnnbook.exercises.feedback import (
    Feedback,
    check_number,
    check_shape,
    wrong,
)

__all__ = [
    "lstm_count",
    "partly_shared_parameters",
    "top_kernel_shape",
    "packed_state_shape",
]


def lstm_count(units: int, input_width: int) -> int:
    """Parameters of one ``LSTMCell(units)`` reading ``input_width``
    numbers: two kernels and a bias, four gate blocks each."""
    return 4 * units * (input_width + units + 1)


def partly_shared_parameters(
    answer: object, *, state_size: int, num_layers: int
) -> Feedback:
    """Exercise 1: the parameters of a stack whose layer 0 has its own cell
    and whose layers 1 to ``num_layers - 1`` share one cell object."""
    units = positive_int("state_size", state_size)
    layers = positive_int("num_layers", num_layers)
    first = lstm_count(units, 1)
    shared = lstm_count(units, units) if layers > 1 else 0
    expected = first + shared
    feedback = check_number(
        answer, expected, name="the stack's parameters", tolerance=0
    )
    if feedback or answer is None:
        return feedback
    slips = {
        first + (layers - 1) * shared: "that counts every upper layer "
        "separately; one cell object is one set of weights, however many "
        "layers use it.",
        shared: "that is the shared cell alone; layer 0 has its own cell, "
        "with a kernel for the 1-bit input.",
        first: "that is layer 0 alone; add the one cell the upper layers "
        "share.",
        layers * first: "every layer reads the bit here; above layer 0 each "
        "reads the layer below, state_size numbers wide.",
    }
    if answer in slips and answer != expected:
        return wrong(f"not {answer}: {slips[answer]}")
    return feedback


def top_kernel_shape(answer: object, *, widths: Sequence[int]) -> Feedback:
    """Exercise 2: the input kernel's shape in the top layer of a stack of
    ``LSTMCell(w) for w in widths`` on a 1-bit input."""
    widths = [positive_int("widths", w) for w in widths]
    if len(widths) < 2:
        raise ValueError(
            f"widths needs at least two layers, got {widths}; "
            "pass e.g. [8, 4, 2]."
        )
    below, top = widths[-2], widths[-1]
    expected = (below, 4 * top)
    feedback = check_shape(answer, expected, name="the top layer's kernel")
    if feedback or answer is None:
        return feedback
    shape = tuple(answer) if isinstance(answer, (tuple, list)) else None
    slips = {
        (top, 4 * top): "that is the recurrent kernel's shape; the input "
        f"kernel's rows are the width of the layer below ({below}).",
        (1, 4 * top): "only layer 0 reads the bit; the top layer reads the "
        "output h of the layer below it.",
        (below, top): "each kernel holds the four gate blocks side by side: "
        "4 * units columns.",
        (widths[0], 4 * top): "the input of a layer is the layer right "
        "below it, not layer 0.",
    }
    if shape in slips and shape != expected:
        return wrong(f"not {shape}: {slips[shape]}")
    return feedback


def packed_state_shape(
    answer: object, *, num_layers: int, batch_size: int, state_size: int
) -> Feedback:
    """Exercise 3: the shape of the 2016 array holding every layer's
    ``(c, h)``."""
    layers = positive_int("num_layers", num_layers)
    batch = positive_int("batch_size", batch_size)
    units = positive_int("state_size", state_size)
    expected = (layers, 2, batch, units)
    feedback = check_shape(answer, expected, name="the packed state's shape")
    if feedback or answer is None:
        return feedback
    shape = tuple(answer) if isinstance(answer, (tuple, list)) else None
    slips = {
        (2, layers, batch, units): "the layers come first: one (c, h) pair "
        "per layer, so the pair's axis is the second.",
        (layers, batch, 2, units): "each layer's c and h are whole "
        "[batch_size, state_size] tensors, stacked on the second axis.",
        (layers, batch, 2 * units): "that is c and h side by side; the 2016 "
        "array stacks them on an axis of their own.",
        (layers, batch, units): "an LSTM layer's state is a pair, c and h: "
        "one more axis of 2.",
    }
    if shape in slips and shape != expected:
        return wrong(f"not {shape}: {slips[shape]}")
    return feedback
