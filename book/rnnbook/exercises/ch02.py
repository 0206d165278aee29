"""Checks for chapter 2's exercises: the weights, and an echo too long.

Build one checker from the chapter's parameters,
``ex = ch02.Exercises(truncated_backprop_length, state_size,
num_classes)``, then call its checks with your answers.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

from rnnbook import baselines
from rnnbook._checks import positive_int
from rnnbook.exercises.feedback import (
    Feedback,
    check_number,
    check_shape,
    wrong,
)

__all__ = ["Exercises", "parameter_count"]


def parameter_count(state_size: int, num_classes: int, inputs: int = 1) -> int:
    """Trainable numbers in chapter 2's network: W, b, W2 and b2."""
    state_size = positive_int("state_size", state_size)
    num_classes = positive_int("num_classes", num_classes)
    inputs = positive_int("inputs", inputs)
    return (
        (inputs + state_size) * state_size
        + state_size
        + state_size * num_classes
        + num_classes
    )


@dataclass(frozen=True)
class Exercises:
    """The checks of chapter 2, for the chapter's parameters."""

    truncated_backprop_length: int
    state_size: int
    num_classes: int

    def __post_init__(self):
        for name in ("truncated_backprop_length", "state_size", "num_classes"):
            positive_int(name, getattr(self, name))

    # Exercise 1
    def w_shape(self, answer: object, inputs: int) -> Feedback:
        """The shape of ``W`` when every step reads ``inputs`` numbers."""
        inputs = positive_int("inputs", inputs)
        expected = (inputs + self.state_size, self.state_size)
        feedback = check_shape(answer, expected, name="W.shape")
        if feedback or not isinstance(answer, tuple) or len(answer) != 2:
            return feedback
        if tuple(answer) == (1 + self.state_size, self.state_size):
            return wrong(
                f"{feedback.message} W's first rows multiply the input: "
                f"{inputs} of them now, not 1."
            )
        if tuple(answer) == expected[::-1]:
            return wrong(
                f"{feedback.message} [x_t, h_(t-1)] is a row of "
                f"{expected[0]} numbers, multiplied from the left."
            )
        return feedback

    # Exercise 2
    def parameters(self, answer: object, state_size: int) -> Feedback:
        """The number of trainable numbers for another ``state_size``."""
        expected = parameter_count(state_size, self.num_classes)
        name = f"the parameter count for state_size={state_size}"
        if isinstance(answer, bool) or (
            answer is not None and not isinstance(answer, numbers.Integral)
        ):
            return wrong(f"give {name} as a whole number, got {answer!r}.")
        feedback = check_number(answer, expected, name=name, tolerance=0)
        if feedback or answer is None:
            return feedback
        biases = state_size + self.num_classes
        if answer == expected - biases:
            return wrong(
                f"{feedback.message} Count the biases too: b has "
                f"{state_size} numbers and b2 {self.num_classes}."
            )
        if answer == expected * self.truncated_backprop_length:
            return wrong(
                f"{feedback.message} The {self.truncated_backprop_length} "
                "steps share one set of weights: count it once."
            )
        return feedback

    # Exercise 3
    def long_echo_accuracy(self, answer: object, echo_step: int) -> Feedback:
        """The accuracy a window-bound memory reaches with this echo."""
        echo_step = positive_int("echo_step", echo_step)
        window = self.truncated_backprop_length
        expected = baselines.window_bound_accuracy(echo_step, window)
        feedback = check_number(
            answer,
            expected,
            name=f"the accuracy for echo_step={echo_step}",
            tolerance=0.01,
        )
        if feedback and echo_step >= window:
            return Feedback(
                "right",
                f"{feedback.message} Every target's bit arrived in an "
                "earlier window, and no gradient crosses a window edge: "
                "nothing teaches the network to keep the bit, so expect "
                "it to guess (chapter 9 measures it).",
            )
        if not feedback and answer == 1:
            return wrong(
                f"{feedback.message} The state could carry the bit, but "
                "training would have to teach it to, through a gradient "
                "that stops at the window edge."
            )
        return feedback
