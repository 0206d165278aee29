"""Checks for chapter 4's exercises: the LSTM step, its parameters, and
the long echo with more units.

Each check computes its expected answer from the chapter's parameters (or
from the chapter's own cell), so it holds when a reader changes the
parameters cell.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from rnnbook._checks import positive_int
from rnnbook.exercises.feedback import (
    Feedback,
    check_number,
    right,
    waiting,
    wrong,
)

__all__ = ["numpy_lstm_step", "lstm_parameters", "wider_lstm"]

# The order of the four gate blocks in Keras's kernels and bias.
KERAS_ORDER = "ifgo"


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _reference_step(
    x, h, c, weights, *, order: str = KERAS_ORDER, tanh_c: bool = True
):
    """One LSTM step in NumPy, with the blocks read in ``order``.

    ``order`` and ``tanh_c`` let the check recognise typical slips: the
    blocks read in another order, ``tanh`` left out of ``h``.
    """
    kernel, recurrent_kernel, bias = weights
    z = x @ kernel + h @ recurrent_kernel + bias
    blocks = dict(zip(order, np.split(z, 4, axis=1)))
    i, f, o = (_sigmoid(blocks[name]) for name in "ifo")
    g = np.tanh(blocks["g"])
    c_new = f * c + i * g
    return o * (np.tanh(c_new) if tanh_c else c_new), c_new


def _close(a, b) -> bool:
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-5)


def numpy_lstm_step(lstm_step: Callable | None, cell) -> Feedback:
    """Exercise 1: a NumPy LSTM step that matches the Keras cell ``cell``.

    ``lstm_step(x, h, c, kernel, recurrent_kernel, bias)`` must return the
    new ``(h, c)`` as NumPy arrays; ``cell`` is a built
    ``keras.layers.LSTMCell``. Both run on the same random inputs.
    """
    if lstm_step is None:
        return waiting("a function lstm_step(x, h, c, kernel, ...)")
    if not callable(lstm_step):
        return wrong(f"pass the function itself, got {lstm_step!r}.")
    weights = [
        np.asarray(w, dtype=np.float64)
        for w in (cell.kernel, cell.recurrent_kernel, cell.bias)
    ]
    input_size, units = weights[0].shape[0], weights[1].shape[0]
    rng = np.random.default_rng(0)
    x = rng.normal(size=(3, input_size))
    h, c = rng.normal(size=(2, 3, units))
    try:
        answer = lstm_step(x, h, c, *weights)
    except Exception as error:  # the reader's code: report any failure
        return wrong(
            f"lstm_step raised {type(error).__name__}: {error}; "
            "run it on the arrays above to find the line."
        )
    if answer is None:
        return waiting("lstm_step must return the new (h, c), not None")
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return wrong("lstm_step must return a pair: the new (h, c).")
    h_new, c_new = (np.asarray(part, dtype=np.float64) for part in answer)
    if h_new.shape != (3, units) or c_new.shape != (3, units):
        return wrong(
            f"expected h and c of shape {(3, units)} for a batch of 3, got "
            f"{h_new.shape} and {c_new.shape}."
        )
    output, (h_keras, c_keras) = cell(
        x.astype(np.float32), [h.astype(np.float32), c.astype(np.float32)]
    )
    h_keras, c_keras = np.asarray(h_keras), np.asarray(c_keras)
    if _close(h_new, h_keras) and _close(c_new, c_keras):
        return right(
            f"your step matches LSTMCell({units}): h and c agree to 1e-5."
        )
    if _close(h_new, c_keras) and _close(c_new, h_keras):
        return wrong("h and c are swapped: return (h, c), h first.")
    # other orders of the four blocks, which a reader may assume
    for order in ("ifog", "figo", "fiog", "igfo", "iofg", "gifo", "ogif"):
        h_slip, c_slip = _reference_step(x, h, c, weights, order=order)
        if _close(h_new, h_slip) and _close(c_new, c_slip):
            return wrong(
                f"the gate blocks are read as {order}: Keras stores them "
                "as i, f, g, o (input, forget, candidate, output)."
            )
    h_slip, _ = _reference_step(x, h, c, weights, tanh_c=False)
    if _close(h_new, h_slip):
        return wrong("h needs tanh of the new cell state: h = o * tanh(c).")
    if _close(c_new, c_keras):
        return wrong(
            "c is right, h is not: h = o * tanh(c), with the new c and "
            "the output gate o = sigmoid(...)."
        )
    worst = max(
        float(np.abs(h_new - h_keras).max()),
        float(np.abs(c_new - c_keras).max()),
    )
    return wrong(
        f"h and c differ from LSTMCell's by up to {worst:.3g}; compare "
        "each line with the equations (sigmoid for i, f, o; tanh for g)."
    )


def lstm_parameters(
    answer: object, *, state_size: int, input_size: int = 1
) -> Feedback:
    """Exercise 2: the parameters of ``LSTMCell(state_size)`` on an input of
    ``input_size`` numbers."""
    units = positive_int("state_size", state_size)
    inputs = positive_int("input_size", input_size)
    expected = 4 * units * (inputs + units + 1)
    feedback = check_number(
        answer,
        expected,
        name=f"the parameters of LSTMCell({units})",
        tolerance=0,
    )
    if feedback or answer is None:
        return feedback
    slips = {
        units * (inputs + units + 1): "that is one block, the plain RNN's "
        "count: the LSTM has four blocks (i, f, g, o).",
        4 * units * (inputs + units): "the kernels are right; add the bias, "
        "4 * state_size numbers.",
        4 * units * units: "the recurrent kernel alone: add the input "
        "kernel and the bias.",
    }
    if answer in slips:
        return wrong(f"not {answer}: {slips[answer]}")
    return feedback


def wider_lstm(
    prediction: object,
    *,
    units: object,
    accuracy: float | None,
    state_size: int,
    bar: float,
) -> Feedback:
    """Exercise 3: did a wider LSTM clear the long echo's bar, as predicted?

    ``prediction`` is True (it will clear ``bar``) or False; ``accuracy`` is
    the held-out accuracy the reader's run with ``units`` units measured.
    """
    state_size = positive_int("state_size", state_size)
    if units is None:
        return waiting(f"units, a number above state_size = {state_size}")
    units = positive_int("units", units)
    if units <= state_size:
        return wrong(
            f"units = {units} is not above state_size = {state_size}, which "
            "the chapter already tried: raise it."
        )
    if prediction is None:
        return waiting("your prediction, True (it clears the bar) or False")
    if not isinstance(prediction, (bool, np.bool_)):
        return wrong(f"predict True or False, got {prediction!r}.")
    if accuracy is None:
        return waiting("the run's accuracy: train the wider LSTM first")
    learned = accuracy >= bar
    outcome = (
        f"with {units} units the LSTM scored {accuracy:.3f}, "
        f"{'at or above' if learned else 'below'} the bar of {bar:.3f}"
    )
    if bool(prediction) == learned:
        return right(f"as you predicted: {outcome}.")
    return wrong(f"not as you predicted: {outcome}.")
