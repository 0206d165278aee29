"""Checks for chapter 9's exercises: how far back a network can remember.

Each check computes its expected answer from the numbers it is given (the
chapter's parameters), so it still holds when a reader changes them.
"""

from __future__ import annotations

import math
import numbers

from rnnbook import baselines
from rnnbook.exercises.feedback import (
    Feedback,
    check_number,
    wrong,
)

__all__ = ["window_bound", "per_step_factor"]


def _is_number(answer: object) -> bool:
    return isinstance(answer, numbers.Real) and not isinstance(answer, bool)


def window_bound(
    answer: object, echo_step: int, truncated_backprop_length: int
) -> Feedback:
    """Exercise 1: the accuracy of the window-bound learner.

    It is right on every target whose input lies in the same window and
    guesses (right half the time) on the others.
    """
    expected = baselines.window_bound_accuracy(
        echo_step, truncated_backprop_length
    )
    name = (
        f"the window-bound accuracy for an echo of {echo_step} steps in "
        f"windows of {truncated_backprop_length}"
    )
    feedback = check_number(answer, expected, name=name, tolerance=0.005)
    if feedback or not _is_number(answer):
        return feedback
    unreachable = min(echo_step, truncated_backprop_length) / (
        truncated_backprop_length
    )
    if math.isclose(answer, 1 - unreachable, abs_tol=0.005):
        return wrong(
            f"{name}: {answer:.4g} counts every guess as wrong; a guess "
            "is right half the time, so the expected value is "
            f"{expected:.4g}."
        )
    if echo_step > truncated_backprop_length and math.isclose(
        answer, 1 - echo_step / truncated_backprop_length / 2, abs_tol=0.005
    ):
        return wrong(
            f"{name}: {answer:.4g} uses echo_step / T, but no more than "
            "every target of a window can be out of reach; the expected "
            f"value is {expected:.4g}."
        )
    return feedback


def per_step_factor(answer: object, ratio: float, steps: int) -> Feedback:
    """Exercise 2: the factor per step that, ``steps`` times, gives
    ``ratio``: its ``steps``-th root."""
    if not steps >= 1:
        raise ValueError(
            f"steps must be at least 1, got {steps}; pass the number of "
            "steps between the two gradients compared."
        )
    if not ratio > 0:
        raise ValueError(
            f"ratio must be positive, got {ratio}; pass the gradient far "
            "back divided by the gradient one step back."
        )
    expected = ratio ** (1 / steps)
    name = f"the factor per step that gives {ratio:.2g} over {steps} steps"
    feedback = check_number(answer, expected, name=name, tolerance=0.002)
    if feedback or not _is_number(answer):
        return feedback
    if math.isclose(answer, ratio ** (1 / (steps + 1)), rel_tol=0.01):
        return wrong(
            f"{name}: {answer:.4g} counts {steps + 1} steps; k = 1 and "
            f"k = {steps + 1} are {steps} steps apart, so the expected "
            f"value is {expected:.4g}."
        )
    if math.isclose(answer, ratio / steps, rel_tol=0.01):
        return wrong(
            f"{name}: {answer:.4g} divides the ratio by the number of "
            "steps; the factors multiply, so take the root: "
            f"{expected:.4g}."
        )
    return feedback
