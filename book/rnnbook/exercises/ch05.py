"""Checks for chapter 5's exercises: a stack that shares a cell, layers of
different widths, and where the 2016 state array keeps a layer's h.
"""

from __future__ import annotations

from collections.abc import Sequence

from rnnbook._checks import positive_int
from rnnbook.exercises.feedback import (
    Feedback,
    check_number,
    check_shape,
    right,
    waiting,
    wrong,
)

__all__ = [
    "lstm_count",
    "partly_shared_parameters",
    "top_kernel_shape",
    "packed_state_shape",
    "partly_shared_stack",
    "packed_index",
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
        answer, expected, name="the stack's parameter count", tolerance=0
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
        (below, 4 * below): "the rows are right; the columns are four "
        f"blocks of the top layer's own width ({top}), not the layer "
        "below's.",
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


def partly_shared_stack(
    stack: object, *, state_size: int, num_layers: int
) -> Feedback:
    """Exercise 1, the built stack: ``num_layers`` LSTM cells in a
    ``StackedRNNCells``, layer 0 its own, the layers above one shared cell
    object, called once so that its weights exist."""
    units = positive_int("state_size", state_size)
    layers = positive_int("num_layers", num_layers)
    if stack is None:
        return waiting("the stack, a StackedRNNCells called once on x_t")
    cells = getattr(stack, "cells", None)
    if cells is None:
        return wrong(
            f"expected a keras.layers.StackedRNNCells, got "
            f"{type(stack).__name__}."
        )
    if len(cells) != layers:
        return wrong(
            f"the stack has {len(cells)} layers; build num_layers = {layers}."
        )
    if layers > 1 and any(cell is not cells[1] for cell in cells[1:]):
        return wrong(
            "the layers above layer 0 must be one cell object: "
            "[own_cell] + [shared] * (num_layers - 1)."
        )
    if layers > 1 and cells[0] is cells[1]:
        return wrong(
            "layer 0 shares the upper layers' cell: give it a cell of its "
            "own (its input is 1 number wide, theirs state_size)."
        )
    if not stack.weights:
        return wrong("the stack has no weights yet: call it once on x_t.")
    expected = lstm_count(units, 1) + (
        lstm_count(units, units) if layers > 1 else 0
    )
    if stack.count_params() != expected:
        return wrong(
            f"count_params() is {stack.count_params()}, expected {expected}: "
            f"use LSTMCell({units}) in every layer."
        )
    return right(
        f"the stack shares one cell across layers 1 to {layers - 1}: "
        f"{len(stack.weights)} weight tensors, {expected} parameters."
    )


def packed_index(
    answer: object, *, layer: int, row: int, num_layers: int, batch_size: int
) -> Feedback:
    """Exercise 3: the index ``(layer, pair, row)`` of the 2016 array
    ``[num_layers, 2, batch_size, state_size]`` that holds layer ``layer``'s
    ``h`` for batch row ``row`` (``(c, h)``: h is at 1)."""
    layers = positive_int("num_layers", num_layers)
    batch = positive_int("batch_size", batch_size)
    if not (0 <= layer < layers and 0 <= row < batch):
        raise ValueError(
            f"layer must be in 0..{layers - 1} and row in 0..{batch - 1}, "
            f"got {layer} and {row}; both count from 0."
        )
    expected = (layer, 1, row)
    if answer is None:
        return waiting("the index, a tuple of three integers")
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        return wrong(
            f"give three indices, (layer, c-or-h, batch row), got {answer!r}."
        )
    answer = tuple(answer)
    if answer == expected:
        return right(
            f"packed[{layer}, 1, {row}] is layer {layer}'s h for batch row "
            f"{row}: one [state_size] vector."
        )
    slips = {
        (layer, 0, row): "index 0 of the pair axis is c: the 2016 order is "
        "(c, h).",
        (layer + 1, 1, row + 1): "indices count from 0: the last layer is "
        f"{layers - 1}, the last row {batch - 1}.",
        (layer, row, 1): "the pair axis (c, h) comes before the batch axis.",
        (1, layer, row): "the layer axis comes first, then the pair (c, h).",
    }
    if answer in slips:
        return wrong(f"not {answer}: {slips[answer]}")
    return wrong(
        f"not {answer}: the array is [num_layers, 2, batch_size, "
        "state_size]; pick the layer, then h in (c, h), then the row."
    )
