"""What a check says: right, wrong (and why), or waiting for an answer.

The building blocks the chapter modules share: compare a shape, a number,
an array or a choice with the expected one, and word the difference; read a
list of shapes; take a function the reader wrote, and say when it fails.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from rnnbook._checks import positive_int

__all__ = [
    "Feedback",
    "right",
    "wrong",
    "waiting",
    "check_shape",
    "shape_list",
    "check_number",
    "check_array",
    "check_choice",
    "check_for_echo",
    "check_function",
    "raised",
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


def shape_list(
    answer: object, *, waiting_for: str, give: str
) -> list[object] | Feedback:
    """``answer`` as a list of shapes, one shape alone as a list of one.

    Feedback instead when there is no list to read: waiting for
    ``waiting_for`` when the answer is None, else wrong, asking to ``give``
    it. The shapes themselves are not checked (see :func:`check_shape`).
    """
    if answer is None:
        return waiting(waiting_for)
    if isinstance(answer, tuple) and all(
        isinstance(n, (int, np.integer)) for n in answer
    ):
        return [answer]  # one shape given on its own
    if isinstance(answer, str) or not isinstance(answer, Sequence):
        return wrong(f"give {give}, got {answer!r}.")
    return list(answer)


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


def check_for_echo(
    answer: object,
    baseline: Callable[[int, int], float],
    echo_step: int,
    truncated_backprop_length: int,
    *,
    name: str,
    tolerance: float,
) -> Feedback:
    """Compare a number of :mod:`rnnbook.baselines` for another echo.

    The expected value is ``baseline(echo_step, truncated_backprop_length)``
    and the feedback names it ``name`` for that ``echo_step``.
    """
    echo_step = positive_int("echo_step", echo_step)
    expected = baseline(echo_step, truncated_backprop_length)
    return check_number(
        answer,
        expected,
        name=f"{name} for echo_step={echo_step}",
        tolerance=tolerance,
    )


def check_function(answer: object, *, waiting_for: str) -> Feedback | None:
    """None when ``answer`` is a function to call, else what to say:
    waiting for ``waiting_for`` (answer None), or wrong."""
    if answer is None:
        return waiting(waiting_for)
    if not callable(answer):
        return wrong(f"pass the function itself, got {answer!r}.")
    return None


def raised(name: str, error: Exception) -> Feedback:
    """The reader's function ``name`` raised ``error``: say so."""
    return wrong(
        f"{name} raised {type(error).__name__}: {error}; "
        "run it on the arrays above to find the line."
    )
