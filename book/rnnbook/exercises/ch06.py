"""Checks for chapter 6's exercises: the reshape before the loss.

Build one checker from the chapter's parameters,
``ex = ch06.Exercises(batch_size, truncated_backprop_length, state_size,
num_classes)``, then call its checks with your answers.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np

from rnnbook._checks import positive_int
from rnnbook.exercises.feedback import (
    Feedback,
    check_array,
    check_number,
    check_shape,
    right,
    waiting,
    wrong,
)

__all__ = ["Exercises"]


@dataclass(frozen=True)
class Exercises:
    """The checks of chapter 6, for the chapter's parameters."""

    batch_size: int
    truncated_backprop_length: int
    state_size: int
    num_classes: int

    def __post_init__(self):
        for name in (
            "batch_size",
            "truncated_backprop_length",
            "state_size",
            "num_classes",
        ):
            positive_int(name, getattr(self, name))

    # Exercise 1
    def logits_shape(self, answer: object) -> Feedback:
        """The shape of the logits that ``dynamic.forward`` returns."""
        B, T = self.batch_size, self.truncated_backprop_length
        expected = (B * T, self.num_classes)
        feedback = check_shape(answer, expected, name="logits.shape")
        if feedback or not isinstance(answer, (tuple, list)):
            return feedback
        shape = tuple(answer)
        if shape == (B, T, self.num_classes):
            return wrong(
                f"{feedback.message} That is the shape before the reshape; "
                "the logits are computed from the reshaped [batch_size * T, "
                "state_size] matrix."
            )
        if shape == (B * T, self.state_size):
            return wrong(
                f"{feedback.message} That is the reshaped states_series; "
                "W2 maps its state_size columns to num_classes."
            )
        return feedback

    # Exercise 2
    def reshape_by_hand(
        self, answer: object, states_series: object, y_window: object
    ) -> Feedback:
        """``(rows, labels)``: the reshape of ``states_series`` and
        ``y_window`` done by hand, in the order ``tf.reshape`` gives."""
        states = np.asarray(states_series, dtype=float)
        y = np.asarray(y_window)
        B, T = self.batch_size, self.truncated_backprop_length
        if states.shape != (B, T, self.state_size) or y.shape != (B, T):
            raise ValueError(
                "pass the chapter's states_series [batch_size, T, "
                f"state_size] and y_window [batch_size, T]; got "
                f"{states.shape} and {y.shape}."
            )
        if answer is None:
            return waiting("a pair (rows, labels) of NumPy arrays")
        if not isinstance(answer, (tuple, list)) or len(answer) != 2:
            return wrong(
                f"give a pair (rows, labels), got {type(answer).__name__}."
            )
        rows, labels = answer
        if rows is None or labels is None:
            return waiting("both rows and labels")
        expected_rows = states.reshape(B * T, self.state_size)
        expected_labels = y.reshape(B * T)
        rows_ok = check_array(rows, expected_rows, name="rows")
        labels_ok = check_array(labels, expected_labels, name="labels")
        if rows_ok and labels_ok:
            return right(
                f"row r * {T} + t holds batch row r at step t, in both the "
                f"[{B * T}, {self.state_size}] matrix and the [{B * T}] "
                "labels."
            )
        time_major = (
            check_array(
                rows,
                states.transpose(1, 0, 2).reshape(B * T, self.state_size),
            ),
            check_array(labels, y.T.reshape(B * T)),
        )
        if all(time_major):
            return wrong(
                "your rows and labels agree with each other, so the loss "
                "would be the same, but they are in time-major order (all "
                "batch rows of step 0, then of step 1, ...); tf.reshape "
                "keeps C order, where the step changes fastest."
            )
        if any(time_major):
            which = "rows" if time_major[0] else "labels"
            return wrong(
                f"the {which} are in time-major order and the others are "
                "not: logit row k would meet the label of another (row, "
                "step) pair."
            )
        return rows_ok if not rows_ok else labels_ok

    # Exercise 3
    def label_row(self, answer: object, r: int, t: int) -> Feedback:
        """The row of ``labels`` (and of the logits) that holds batch row
        ``r`` at step ``t``."""
        B, T = self.batch_size, self.truncated_backprop_length
        if not 0 <= r < B or not 0 <= t < T:
            raise ValueError(
                f"r must be in [0, {B}) and t in [0, {T}), got r={r}, t={t}."
            )
        name = f"the row of batch row {r}, step {t}"
        if isinstance(answer, bool) or (
            answer is not None and not isinstance(answer, numbers.Integral)
        ):
            return wrong(f"give {name} as a whole number, got {answer!r}.")
        feedback = check_number(answer, r * T + t, name=name, tolerance=0)
        if feedback or answer is None:
            return feedback
        if answer == t * B + r:
            return wrong(
                f"{feedback.message} {answer} = t * batch_size + r is the "
                "time-major position; in C order each batch row's T steps "
                "come together: r * T + t."
            )
        if answer == r * B + t:
            return wrong(
                f"{feedback.message} Each batch row fills T = {T} rows, so "
                "multiply r by T, not by batch_size."
            )
        return feedback
