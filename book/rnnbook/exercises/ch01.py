"""Checks for chapter 1's exercises: windows, a baseline, reading a result.

Build one checker from the chapter's parameters,
``ex = ch01.Exercises(total_series_length, truncated_backprop_length,
echo_step, batch_size)``, then call its checks with your answers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rnnbook import baselines
from rnnbook._checks import positive_int
from rnnbook.exercises.feedback import (
    Feedback,
    check_for_echo,
    check_number,
    check_shape,
    wrong,
)

__all__ = ["Exercises"]


@dataclass(frozen=True)
class Exercises:
    """The checks of chapter 1, for the chapter's parameters."""

    total_series_length: int
    truncated_backprop_length: int
    echo_step: int
    batch_size: int

    def __post_init__(self):
        for name in (
            "total_series_length",
            "truncated_backprop_length",
            "echo_step",
            "batch_size",
        ):
            positive_int(name, getattr(self, name))

    # Exercise 1
    def windows_shape(self, answer: object) -> Feedback:
        """The shape of ``x_windows`` with windows twice as long."""
        window = 2 * self.truncated_backprop_length
        row_length = self.total_series_length // self.batch_size
        expected = (row_length // window, self.batch_size, window)
        feedback = check_shape(answer, expected, name="x_windows.shape")
        shape = tuple(answer) if isinstance(answer, tuple) else None
        if feedback or shape is None or len(shape) != 3:
            return feedback
        if shape[0] == self.total_series_length // window:
            return wrong(
                f"{feedback.message} The windows cut each row, "
                f"{row_length} steps long, not the whole series."
            )
        if shape[0] == row_length // self.truncated_backprop_length:
            return wrong(
                f"{feedback.message} That is the count for windows of "
                f"{self.truncated_backprop_length} steps; these are "
                f"{window} steps long."
            )
        return feedback

    # Exercise 2
    def window_bound_loss(self, answer: object, echo_step: int) -> Feedback:
        """The window-bound learner's loss for another ``echo_step``."""
        window = self.truncated_backprop_length
        feedback = check_for_echo(
            answer,
            baselines.window_bound_loss,
            echo_step,
            window,
            name="the window-bound loss",
            tolerance=0.005,
        )
        share = min(echo_step, window) / window
        if feedback or isinstance(answer, bool) or answer is None:
            return feedback
        if isinstance(answer, (int, float)) and math.isclose(
            answer, share, rel_tol=0.005
        ):
            return wrong(
                f"{answer:.4g} is the share of steps whose bit lies in the "
                "window before; each of them costs ln 2, the others 0."
            )
        if isinstance(answer, (int, float)) and math.isclose(
            answer, 1 - share / 2, rel_tol=0.005
        ):
            return wrong(
                f"{answer:.4g} is that learner's accuracy; the question "
                "asks for its loss."
            )
        return feedback

    # Exercise 3
    @property
    def accuracy_to_read(self) -> float:
        """The accuracy exercise 3 reads: midway from window-bound to bar."""
        window_bound = baselines.window_bound_accuracy(
            self.echo_step, self.truncated_backprop_length
        )
        bar = baselines.learned_bar(
            self.echo_step, self.truncated_backprop_length
        )
        return (window_bound + bar) / 2

    def remembered_share(self, answer: object, accuracy: float) -> Feedback:
        """The share of the bits from the window before that a network with
        held-out ``accuracy`` remembers, if it is right inside windows."""
        window = self.truncated_backprop_length
        share = min(self.echo_step, window) / window
        window_bound = 1 - share / 2
        if not window_bound <= accuracy <= 1:
            raise ValueError(
                f"accuracy must lie between the window-bound accuracy "
                f"{window_bound:.3f} and 1, got {accuracy}; pass e.g. "
                "ex.accuracy_to_read."
            )
        expected = 1 - 2 * (1 - accuracy) / share
        name = f"the share remembered at accuracy {accuracy:.4g}"
        feedback = check_number(answer, expected, name=name, tolerance=0.01)
        if feedback or not isinstance(answer, (int, float)):
            return feedback
        if isinstance(answer, bool):
            return feedback
        hints = {
            share: (
                "is the share of steps whose bit lies in the window "
                "before; the question asks how many of those bits the "
                "network knows."
            ),
            1 - (1 - accuracy) / share: (
                "is the accuracy on those steps; a guess already gets "
                "half of them right, so count only what beats guessing."
            ),
            accuracy - window_bound: (
                "is the gain over all steps; only a share "
                f"{share:.3g} of the steps can gain."
            ),
        }
        for value, hint in hints.items():
            if abs(answer - value) <= 0.005:
                return wrong(f"{answer:.4g} {hint}")
        return feedback
