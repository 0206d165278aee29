"""Checks for chapter 7's exercises: what dropout keeps, scales and when.

Build one checker from the chapter's parameters,
``ex = ch07.Exercises(dropout_rate)``, then call its checks with your
answers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnbook.exercises.feedback import (
    Feedback,
    check_array,
    check_choice,
    wrong,
)

__all__ = ["Exercises"]

_ARROW_WHY_NOT = {
    "bit -> layer 1": (
        "the first layer's input is the bit itself, and its rate, the "
        "first in the list, is 0."
    ),
    "layer 2 -> layer 3": (
        "that arrow is layer 3's input, masked by the third rate, which "
        "is 0 here."
    ),
    "layer 2 along time": (
        "an arrow along time is masked by recurrent_dropout, not by dropout."
    ),
    "layer 3 -> W2": (
        "the top layer's output reaches W2 whole: dropout masks cell "
        "inputs, and W2 is not a cell."
    ),
}
_REUSE_WHY_NOT = {
    "fresh": (
        "Keras draws a mask at the first step of a call and reuses it at "
        "every step of that call (the scheme of Gal and Ghahramani); a "
        "fresh mask per step was the 2016 DropoutWrapper's way."
    ),
}


@dataclass(frozen=True)
class Exercises:
    """The checks of chapter 7, for the chapter's dropout rate."""

    dropout_rate: float

    def __post_init__(self):
        if not 0.0 <= self.dropout_rate < 1.0:
            raise ValueError(
                "dropout_rate must be in [0, 1), got "
                f"{self.dropout_rate}: it is the fraction of units dropped."
            )

    # Exercise 1
    def masked_arrow(self, answer: object) -> Feedback:
        """Which arrow ``dropout=[0, rate, 0]`` masks in a 3-layer stack."""
        return check_choice(
            answer,
            "layer 1 -> layer 2",
            _ARROW_WHY_NOT,
            name="the masked arrow",
            because=(
                "dropout masks a cell's input, and the second rate belongs "
                "to layer 2, whose input is layer 1's output."
            ),
        )

    # Exercise 2
    def dropout_by_hand(
        self, answer: object, activations: object, mask: object
    ) -> Feedback:
        """Inverted dropout of ``activations`` with a 0/1 ``mask``."""
        a = np.asarray(activations, dtype=float)
        m = np.asarray(mask, dtype=float)
        if a.shape != m.shape or not np.isin(m, (0.0, 1.0)).all():
            raise ValueError(
                "activations and mask must have the same shape, the mask "
                f"of 0s and 1s; got {a.shape} and {m.shape}."
            )
        keep = 1.0 - self.dropout_rate
        feedback = check_array(answer, a * m / keep, name="the output")
        if feedback or answer is None:
            return feedback
        try:
            values = np.asarray(answer, dtype=float)
        except (TypeError, ValueError):
            return feedback
        if values.shape == a.shape and self.dropout_rate > 0:
            if np.allclose(values, a * m):
                return wrong(
                    f"{feedback.message} The kept units must be scaled by "
                    f"1 / (1 - rate) = {1 / keep:.4g}, so that the "
                    "expected signal stays the same."
                )
            if np.allclose(values, a * m * keep):
                return wrong(
                    f"{feedback.message} Divide the kept units by "
                    f"1 - rate = {keep:.4g}, do not multiply."
                )
            if np.allclose(values, a * (1 - m) / keep):
                return wrong(
                    f"{feedback.message} The mask's 1s mark the units "
                    "kept, its 0s those dropped."
                )
        return feedback

    # Exercise 3
    def mask_reuse(self, answer: object) -> Feedback:
        """Whether two steps of one call share the dropout mask."""
        return check_choice(
            answer,
            "same",
            _REUSE_WHY_NOT,
            name="the masks of two steps",
            because=(
                "one mask per call of the layer, that is per window, used at "
                "every step; the next call draws a new one."
            ),
        )
