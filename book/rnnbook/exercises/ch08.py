"""Checks for chapter 8's exercises: what compiles again when the shape
changes, what compiles again for a new model, and the calls from Python per
epoch of model.fit."""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

from rnnbook._checks import positive_int
from rnnbook.exercises.feedback import (
    Feedback,
    check_choice,
    right,
    waiting,
    wrong,
)

__all__ = [
    "compilations_for_new_length",
    "compiles_again",
    "calls_per_epoch",
    "VARIANTS",
]


def compilations_for_new_length(
    answer: object, *, num_epochs: int
) -> Feedback:
    """Exercise 1: how many times the whole-epoch function compiles anew
    when, in the same session, it trains ``num_epochs`` epochs of a series of
    another length (so epochs of another number of windows)."""
    epochs = positive_int("num_epochs", num_epochs)
    if answer is None:
        return waiting("how many new compilations, a whole number")
    if (
        isinstance(answer, bool)
        or not isinstance(answer, numbers.Integral)
        or answer < 0
    ):
        return wrong(f"give a whole number, 0 or more, got {answer!r}.")
    if answer == 0:
        return wrong(
            "the windows arrive as one tensor [num_windows, batch_size, T]; "
            "another number of windows is another shape, and XLA compiles "
            "for exact shapes: the first call traces and compiles again."
        )
    if answer == epochs and epochs != 1:
        return wrong(
            "every epoch of the longer series has the same number of "
            "windows, so the same shape: the function compiled on the first "
            "call serves the later epochs."
        )
    if answer != 1:
        return wrong(
            f"{answer} is not it: count the distinct input shapes the "
            "function meets for the first time."
        )
    return right(
        "once: the new number of windows is a new input shape, traced and "
        f"compiled on the first call; the other {epochs - 1} epoch(s) reuse "
        "it (and the old shape stays compiled too)."
    )


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
    steps_per_execution: Sequence[int],
) -> Feedback:
    """Exercise 3: calls from Python into compiled code in one epoch of
    ``model.fit`` compiled with each of ``steps_per_execution``, as a
    tuple."""
    windows = positive_int("num_windows", num_windows)
    settings = [
        positive_int("steps_per_execution", k) for k in steps_per_execution
    ]
    expected = tuple(math.ceil(windows / k) for k in settings)
    if answer is None:
        return waiting(
            f"{len(settings)} whole numbers, as a tuple, one per setting"
        )
    if (
        not isinstance(answer, tuple | list)
        or len(answer) != len(settings)
        or not all(
            isinstance(n, numbers.Integral) and not isinstance(n, bool)
            for n in answer
        )
    ):
        return wrong(
            f"give {len(settings)} whole numbers as a tuple, got {answer!r}."
        )
    for k, given, want in zip(settings, answer, expected):
        if given == want:
            continue
        hint = ""
        if given == windows // k:
            hint = " the last call runs the windows left over."
        return wrong(
            f"steps_per_execution={k}: expected {want}, got {given}.{hint}"
        )
    return right(
        ", ".join(str(n) for n in expected)
        + f" calls: each call runs up to k of the {windows} windows, the "
        "last one those left over."
    )
