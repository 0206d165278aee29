"""What a check says: right, wrong (and why), or waiting for an answer.

The building blocks the chapter modules share: compare a shape, a number,
an array or a choice with the expected one, and word the difference.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "Feedback",
    "right",
    "wrong",
    "waiting",
    "check_shape",
    "check_number",
    "check_array",
    "check_choice",
]

_MARKS = {"right": "✓", "wrong": "✗", "waiting": "…"}


@dataclass(frozen=True)
class Feedback:
    """The verdict of a check and the sentence that explains it.

    It is true only when the answer is right, so a solution can be tested
    with ``assert``; in a notebook it shows as one line, marked ✓, ✗ or ….
    """

    verdict: str
    message: str

    def __post_init__(self):
        if self.verdict not in _MARKS:
            raise ValueError(
                f"verdict must be one of {sorted(_MARKS)}, "
                f"got {self.verdict!r}."
            )

    def __bool__(self) -> bool:
        return self.verdict == "right"

    def __str__(self) -> str:
        return f"{_MARKS[self.verdict]} {self.message}"

    __repr__ = __str__


def right(message: str) -> Feedback:
    """A right answer, with what it shows."""
    return Feedback("right", message)


def wrong(message: str) -> Feedback:
    """A wrong answer, with what is wrong."""
    return Feedback("wrong", message)


def waiting(what: str) -> Feedback:
    """No answer yet: say what to put in place of ``None``."""
    return Feedback("waiting", f"waiting for your answer: {what}")


def _as_shape(answer: object) -> tuple[int, ...] | None:
    """``answer`` as a tuple of ints, or None if it is not a shape."""
    if hasattr(answer, "shape") and not isinstance(answer, tuple):
        return None  # an array, not its shape
    if isinstance(answer, str) or not isinstance(answer, Sequence):
        return None
    if not all(
        isinstance(n, numbers.Integral) and not isinstance(n, bool)
        for n in answer
    ):
        return None
    return tuple(int(n) for n in answer)


def check_shape(
    answer: object, expected: Sequence[int], *, name: str = "the shape"
) -> Feedback:
    """Compare a shape given as a tuple of integers."""
    expected = tuple(int(n) for n in expected)
    if answer is None:
        return waiting(f"{name}, as a tuple of integers")
    shape = _as_shape(answer)
    if shape is None:
        return wrong(
            f"give {name} as a tuple of integers, such as "
            f"{expected[:1] + (0,) * (len(expected) - 1)}, got {answer!r}."
        )
    if len(shape) != len(expected):
        return wrong(
            f"expected {name} to have {len(expected)} dimensions, "
            f"got {len(shape)}: {shape}."
        )
    if shape != expected:
        axes = [i for i, (a, b) in enumerate(zip(shape, expected)) if a != b]
        return wrong(
            f"expected {name} {expected}, got {shape}: "
            f"dimension {axes[0]} differs."
        )
    return right(f"{name} is {expected}.")


def check_number(
    answer: object,
    expected: float,
    *,
    name: str = "the value",
    tolerance: float = 0.01,
) -> Feedback:
    """Compare a number, to ``tolerance`` (relative, or absolute near 0)."""
    if answer is None:
        return waiting(f"{name}, as a number")
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        if np.ndim(answer) == 0 and np.issubdtype(
            np.asarray(answer).dtype, np.number
        ):
            answer = float(np.asarray(answer))
        else:
            return wrong(f"give {name} as a number, got {answer!r}.")
    if not np.isclose(answer, expected, rtol=tolerance, atol=tolerance):
        direction = "high" if answer > expected else "low"
        return wrong(
            f"{name}: {answer:.4g} is too {direction}; "
            f"the expected value is {expected:.4g}."
        )
    return right(f"{name} is {expected:.4g}.")


def check_array(
    answer: object,
    expected: np.ndarray,
    *,
    name: str = "the array",
    tolerance: float = 1e-5,
) -> Feedback:
    """Compare an array's shape, then its values, to ``tolerance``."""
    if answer is None:
        return waiting(f"{name}, as an array")
    try:
        values = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return wrong(f"{name} must be an array of numbers, got {answer!r}.")
    expected = np.asarray(expected, dtype=float)
    if values.shape != expected.shape:
        return wrong(
            f"expected {name} of shape {expected.shape}, "
            f"got shape {values.shape}."
        )
    close = np.isclose(values, expected, rtol=tolerance, atol=tolerance)
    if not close.all():
        first = tuple(int(i) for i in np.argwhere(~close)[0])
        return wrong(
            f"{name} differs in {int((~close).sum())} of {close.size} "
            f"entries; the first is at {first}: expected "
            f"{expected[first]:.4g}, got {values[first]:.4g}."
        )
    return right(f"{name} matches, all {close.size} entries.")


def check_choice(
    answer: object,
    correct: str,
    why_not: Mapping[str, str],
    *,
    name: str = "your choice",
    because: str = "",
) -> Feedback:
    """Compare one of a few named options; a wrong one says why it is not.

    ``why_not`` maps each wrong option to the reason it is wrong; ``because``
    explains the right one.
    """
    options = sorted({correct, *why_not})
    if answer is None:
        return waiting(f"{name}, one of {options}")
    if answer not in options:
        return wrong(f"{name} must be one of {options}, got {answer!r}.")
    if answer != correct:
        return wrong(f"not {answer!r}: {why_not[answer]}")
    return right(f"{correct!r} is right{': ' + because if because else '.'}")
