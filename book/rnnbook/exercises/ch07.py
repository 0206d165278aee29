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
    check_number,
    wrong,
)

__all__ = ["Exercises"]

_WHY_OFF = {
    "the network": (
        "with dropout on, every evaluation scores a random sub-network, a "
        "different one each call: the result is noisy and worse than the "
        "network the training produced. Switched off, the whole network "
        "is scored, and the 1 / (1 - rate) scaling during training has "
        "already made its expected signal match."
    ),
}
_WHY_NOT = {
    "overfitting": (
        "evaluation changes no weights, so it can neither cause nor prevent "
        "overfitting; dropout regularises through the training steps."
    ),
    "speed": (
        "dropping units does not make the matrix products smaller; the "
        "reason is what is measured, not how fast."
    ),
    "scaling": (
        "with inverted dropout the kept units are scaled during training, "
        "so nothing needs rescaling at evaluation: that is why switching "
        "it off is enough, not why it must be switched off."
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
    def kept_fraction(self, answer: object) -> Feedback:
        """The expected fraction of units a dropout mask keeps."""
        name = "the expected fraction kept"
        feedback = check_number(
            answer, 1.0 - self.dropout_rate, name=name, tolerance=1e-6
        )
        if (
            not feedback
            and answer is not None
            and self.dropout_rate != 0.5
            and np.isclose(float(answer), self.dropout_rate)
        ):
            return wrong(
                f"{feedback.message} {self.dropout_rate} is the fraction "
                "dropped (the rate); each unit is kept with probability "
                "1 - rate."
            )
        return feedback

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
    def why_off(self, answer: object) -> Feedback:
        """Why evaluation must switch dropout off."""
        return check_choice(
            answer,
            "the network",
            _WHY_NOT,
            name="the reason",
            because=_WHY_OFF["the network"],
        )
