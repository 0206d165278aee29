"""What a learner must beat on the echo task: the baselines chapter 1 derives.

Three reference learners bracket every result in the book:

* **chance** knows nothing and predicts 1/2 for every bit: loss ln 2, accuracy
  1/2;
* **window-bound** echoes perfectly whenever the echoed bit lies in the same
  truncated window, and guesses otherwise; it is what a network scores if it
  cannot carry its state across window edges;
* **perfect** carries state across windows and is right at every step.
"""

from __future__ import annotations

import math

from rnnbook._checks import positive_int

__all__ = [
    "chance_loss",
    "window_bound_accuracy",
    "window_bound_loss",
    "learned_bar",
]


def chance_loss(num_classes: int = 2) -> float:
    """Cross-entropy of predicting the uniform distribution over
    ``num_classes``: ln(num_classes)."""
    return math.log(positive_int("num_classes", num_classes))


def _unreachable_fraction(
    echo_step: int, truncated_backprop_length: int
) -> float:
    """Share of a window's steps whose echoed bit precedes the window."""
    echo_step = positive_int("echo_step", echo_step)
    window = positive_int(
        "truncated_backprop_length", truncated_backprop_length
    )
    return min(echo_step, window) / window


def window_bound_loss(echo_step: int, truncated_backprop_length: int) -> float:
    """Mean loss of a learner perfect inside a window, guessing across it."""
    return _unreachable_fraction(
        echo_step, truncated_backprop_length
    ) * chance_loss(2)


def window_bound_accuracy(
    echo_step: int, truncated_backprop_length: int
) -> float:
    """That learner's accuracy: 1 inside the window, 1/2 across its edge."""
    return (
        1.0 - _unreachable_fraction(echo_step, truncated_backprop_length) / 2
    )


def learned_bar(echo_step: int, truncated_backprop_length: int) -> float:
    """The held-out bar: halfway from window-bound to perfect accuracy.

    Clearing it proves more than "better than chance": the network must be
    using the state it carried across window edges.
    """
    return (
        window_bound_accuracy(echo_step, truncated_backprop_length) + 1.0
    ) / 2
