"""Checks for chapter 8's exercises: the time of an epoch, what compiles
again for a new model, and the calls from Python per epoch."""

from __future__ import annotations

import math
import numbers

from rnnbook._checks import positive_int
from rnnbook.exercises.feedback import (
    Feedback,
    check_choice,
    check_number,
    right,
    waiting,
    wrong,
)

__all__ = ["epoch_seconds", "compiles_again", "calls_per_epoch", "VARIANTS"]


def _windows(total_series_length: int, batch_size: int, window: int) -> int:
    return (total_series_length // batch_size) // window


def epoch_seconds(
    answer: object,
    *,
    ms_per_window: float,
    total_series_length: int,
    batch_size: int,
    truncated_backprop_length: int,
) -> Feedback:
    """Exercise 1: seconds for one epoch of a series of
    ``total_series_length`` steps, at ``ms_per_window`` milliseconds a
    window."""
    total = positive_int("total_series_length", total_series_length)
    batch = positive_int("batch_size", batch_size)
    window = positive_int(
        "truncated_backprop_length", truncated_backprop_length
    )
    if not ms_per_window > 0:
        raise ValueError(
            f"ms_per_window must be positive, got {ms_per_window!r}: pass "
            "the measured time per window in milliseconds."
        )
    windows = _windows(total, batch, window)
    expected = windows * ms_per_window / 1e3
    if answer is None:
        return waiting("the seconds one epoch takes, as a number")
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        if math.isclose(answer, expected * 1e3, rel_tol=0.01):
            return wrong(
                f"{answer:.4g} is the epoch in milliseconds; give seconds "
                f"({expected:.4g})."
            )
        if math.isclose(
            answer, total / window * ms_per_window / 1e3, rel_tol=0.01
        ):
            return wrong(
                "a window covers batch_size rows at once: an epoch has "
                "(total_series_length // batch_size) // "
                f"truncated_backprop_length = {windows} windows, not "
                f"{total // window}."
            )
    feedback = check_number(
        answer, expected, name="one epoch, in seconds", tolerance=0.01
    )
    if feedback:
        return right(
            f"{windows} windows x {ms_per_window:.3g} ms = {expected:.4g} s "
            "per epoch."
        )
    return feedback


# the variants exercise 2 names, and why each one does compile again
VARIANTS = {
    "tf.function": "make_steps wraps the new model's variables in a new "
    "tf.function, which is traced again.",
    "tf.function + XLA": "a new tf.function for the new model's variables: "
    "traced and compiled by XLA again.",
    "whole epoch, Keras + XLA": "keras_epoch_for builds a new compiled "
    "function around the new model's variables.",
    "model.fit": "a new model gets its own train function, traced (and "
    "compiled) on its first fit.",
}


def compiles_again(answer: object) -> Feedback:
    """Exercise 2: the variant that trains a new model (another seed)
    without compiling anything new."""
    return check_choice(
        answer,
        "whole epoch, written for XLA",
        VARIANTS,
        name="the variant",
        because="its compiled function takes the weights as arguments, so "
        "fast.compiled_train_epoch serves every model of the same kind and "
        "shape.",
    )


def calls_per_epoch(
    answer: object,
    *,
    num_windows: int,
    steps_per_execution: int,
) -> Feedback:
    """Exercise 3: calls from Python into compiled code in one epoch, as
    ``(tf.function per window, model.fit with steps_per_execution, whole
    epoch written for XLA)``."""
    windows = positive_int("num_windows", num_windows)
    spe = positive_int("steps_per_execution", steps_per_execution)
    expected = (windows, math.ceil(windows / spe), 1)
    names = (
        "tf.function, one window per call",
        f"model.fit with steps_per_execution={spe}",
        "the whole epoch written for XLA",
    )
    if answer is None:
        return waiting("three whole numbers, as a tuple (a, b, c)")
    if (
        not isinstance(answer, tuple | list)
        or len(answer) != 3
        or not all(
            isinstance(n, numbers.Integral) and not isinstance(n, bool)
            for n in answer
        )
    ):
        return wrong(
            f"give three whole numbers as a tuple (a, b, c), got {answer!r}."
        )
    for name, given, want in zip(names, answer, expected):
        if given == want:
            continue
        hint = ""
        if want == math.ceil(windows / spe) and given == windows // spe:
            hint = " the last call runs the windows left over."
        return wrong(f"{name}: expected {want}, got {given}.{hint}")
    return right(
        f"{expected[0]}, {expected[1]} and {expected[2]} calls: the loop "
        "over windows moved out of Python step by step."
    )
