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
    check_choice,
    check_number,
    wrong,
)

__all__ = ["window_bound", "gradient_product", "clipping_keyword"]


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


def gradient_product(answer: object, factor: float, steps: int) -> Feedback:
    """Exercise 2: what ``steps`` factors of ``factor`` multiply to."""
    if not steps >= 1:
        raise ValueError(f"steps must be at least 1, got {steps}.")
    expected = factor**steps
    name = f"{steps} factors of {factor}"
    feedback = check_number(answer, expected, name=name, tolerance=0.01)
    if feedback or not _is_number(answer):
        return feedback
    if math.isclose(answer, factor * steps, rel_tol=0.01):
        return wrong(
            f"{name}: {answer:.4g} adds the factors; backpropagation "
            f"multiplies them, giving {expected:.4g}."
        )
    if math.isclose(answer, factor ** (steps - 1), rel_tol=0.01):
        return wrong(
            f"{name}: {answer:.4g} is {steps - 1} factors, one too few; "
            f"the expected value is {expected:.4g}."
        )
    return feedback


def clipping_keyword(answer: object) -> Feedback:
    """Exercise 3: the Keras optimizer keyword that clips as fast.adagrad."""
    return check_choice(
        answer,
        "global_clipnorm",
        {
            "clipnorm": (
                "it clips the gradient of each weight tensor on its own, "
                "with a factor of its own; fast.adagrad scales all of them "
                "by one common factor."
            ),
            "clipvalue": (
                "it cuts every single entry of the gradient to "
                "[-value, value], which changes the gradient's direction; "
                "fast.adagrad only shortens it."
            ),
        },
        name="the keyword",
        because=(
            "it scales all the gradients by one factor so that their "
            "global norm is at most the threshold, as fast.adagrad does."
        ),
    )
