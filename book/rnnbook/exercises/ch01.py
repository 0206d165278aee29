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
    check_choice,
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
        echo_step = positive_int("echo_step", echo_step)
        window = self.truncated_backprop_length
        expected = baselines.window_bound_loss(echo_step, window)
        feedback = check_number(
            answer,
            expected,
            name=f"the window-bound loss for echo_step={echo_step}",
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
    def reading(self, answer: object) -> Feedback:
        """What a held-out accuracy at the window-bound level shows."""
        accuracy = baselines.window_bound_accuracy(
            self.echo_step, self.truncated_backprop_length
        )
        return check_choice(
            answer,
            "window-bound",
            {
                "chance": (
                    f"a network that learned nothing scores 1/2, and "
                    f"{accuracy:.3f} is far above it."
                ),
                "perfect": (
                    f"it misses half of the first {self.echo_step} targets "
                    "of every window, the ones whose bit lies in the "
                    "window before."
                ),
            },
            name="the learner it matches",
            because=(
                f"{accuracy:.3f} is exactly what a memory that stops at "
                "window edges scores: the carried state is not used."
            ),
        )
