"""Checks for chapter 6's exercises: masks, the reshape, causality.

Build one checker from the chapter's parameters,
``ex = ch06.Exercises(batch_size, truncated_backprop_length, state_size,
num_classes)``, then call its checks with your answers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnbook._checks import positive_int
from rnnbook.exercises.feedback import (
    Feedback,
    check_array,
    right,
    waiting,
    wrong,
)

__all__ = ["Exercises"]


@dataclass(frozen=True)
class Exercises:
    """The checks of chapter 6, for the chapter's parameters."""

    batch_size: int
    truncated_backprop_length: int
    state_size: int
    num_classes: int

    def __post_init__(self):
        for name in (
            "batch_size",
            "truncated_backprop_length",
            "state_size",
            "num_classes",
        ):
            positive_int(name, getattr(self, name))

    # Exercise 1
    def padding_mask(self, answer: object, lengths: object) -> Feedback:
        """The boolean ``[len(lengths), T]`` mask of rows with ``lengths``
        real steps each, padded at the end to T."""
        T = self.truncated_backprop_length
        lengths = np.asarray(lengths)
        if lengths.ndim != 1 or not np.all((lengths >= 1) & (lengths <= T)):
            raise ValueError(
                f"lengths must be a list of whole numbers in [1, {T}], got "
                f"{lengths.tolist()}."
            )
        expected = np.arange(T)[None, :] < lengths[:, None]
        if answer is None:
            return waiting("the mask, a boolean array")
        try:
            mask = np.asarray(answer)
        except (TypeError, ValueError):
            return wrong(f"give the mask as an array, got {answer!r}.")
        if mask.shape == expected.T.shape and mask.shape != expected.shape:
            return wrong(
                f"the mask is [batch_size, T] = {expected.shape}, one row per "
                f"sequence; yours is {mask.shape}, transposed."
            )
        if mask.shape != expected.shape:
            return wrong(
                f"expected a mask of shape {expected.shape}, got {mask.shape}."
            )
        mask = mask.astype(bool)
        if np.array_equal(mask, ~expected):
            return wrong(
                "your mask is true on the padding: Keras's mask is true on "
                "the REAL steps, the ones the layer should use."
            )
        if np.array_equal(mask, np.arange(T)[None, :] <= lengths[:, None]):
            return wrong(
                "one step too many in every row: a row of length n has real "
                "steps 0 to n - 1, so use t < n, not t <= n."
            )
        if not np.array_equal(mask, expected):
            row = int(np.flatnonzero((mask != expected).any(axis=1))[0])
            return wrong(
                f"row {row} (length {int(lengths[row])}) should be true on "
                f"its first {int(lengths[row])} steps and false after."
            )
        return right(
            f"row r is true on its first lengths[r] steps: {expected.sum()} "
            f"real steps out of {expected.size}."
        )

    # Exercise 2
    def reshape_by_hand(
        self, answer: object, states_series: object, y_window: object
    ) -> Feedback:
        """``(rows, labels)``: the reshape of ``states_series`` and
        ``y_window`` done by hand, in the order ``tf.reshape`` gives."""
        states = np.asarray(states_series, dtype=float)
        y = np.asarray(y_window)
        B, T = self.batch_size, self.truncated_backprop_length
        if states.shape != (B, T, self.state_size) or y.shape != (B, T):
            raise ValueError(
                "pass the chapter's states_series [batch_size, T, "
                f"state_size] and y_window [batch_size, T]; got "
                f"{states.shape} and {y.shape}."
            )
        if answer is None:
            return waiting("a pair (rows, labels) of NumPy arrays")
        if not isinstance(answer, (tuple, list)) or len(answer) != 2:
            return wrong(
                f"give a pair (rows, labels), got {type(answer).__name__}."
            )
        rows, labels = answer
        if rows is None or labels is None:
            return waiting("both rows and labels")
        expected_rows = states.reshape(B * T, self.state_size)
        expected_labels = y.reshape(B * T)
        rows_ok = check_array(rows, expected_rows, name="rows")
        labels_ok = check_array(labels, expected_labels, name="labels")
        if rows_ok and labels_ok:
            return right(
                f"row r * {T} + t holds batch row r at step t, in both the "
                f"[{B * T}, {self.state_size}] matrix and the [{B * T}] "
                "labels."
            )
        time_major = (
            check_array(
                rows,
                states.transpose(1, 0, 2).reshape(B * T, self.state_size),
            ),
            check_array(labels, y.T.reshape(B * T)),
        )
        if all(time_major):
            return wrong(
                "your rows and labels agree with each other, so the loss "
                "would be the same, but they are in time-major order (all "
                "batch rows of step 0, then of step 1, ...); tf.reshape "
                "keeps C order, where the step changes fastest."
            )
        if any(time_major):
            which = "rows" if time_major[0] else "labels"
            return wrong(
                f"the {which} are in time-major order and the others are "
                "not: logit row k would meet the label of another (row, "
                "step) pair."
            )
        return rows_ok if not rows_ok else labels_ok

    # Exercise 3
    def changed_steps(self, answer: object, flipped_step: int) -> Feedback:
        """The steps whose output in a forward (unidirectional) RNN can
        change when the input bit at ``flipped_step`` flips."""
        T = self.truncated_backprop_length
        if not 0 <= flipped_step < T:
            raise ValueError(
                f"flipped_step must be in [0, {T}), got {flipped_step}."
            )
        if answer is None:
            return waiting("the steps whose output changes, as a list")
        try:
            steps = sorted({int(t) for t in np.ravel(answer)})
        except (TypeError, ValueError):
            return wrong(
                f"give the steps as a list of numbers, got {answer!r}."
            )
        expected = list(range(flipped_step, T))
        if steps == expected:
            return right(
                f"steps {flipped_step} to {T - 1}: the flipped bit enters "
                f"at step {flipped_step} and is carried forward by the "
                "state; earlier outputs were computed before it arrived."
            )
        if steps == list(range(flipped_step + 1, T)):
            return wrong(
                f"step {flipped_step} itself changes too: its output is "
                "computed from its own input bit."
            )
        if steps == list(range(T)):
            return wrong(
                "a forward RNN's output at step t depends only on steps 0 "
                "to t; only a bidirectional layer would change them all."
            )
        if steps == list(range(flipped_step + 1)):
            return wrong(
                "that is backwards: a forward RNN carries a bit to LATER "
                "steps, not earlier ones."
            )
        return wrong(
            f"not quite: think of which steps' outputs are computed after "
            f"bit {flipped_step} has entered the state."
        )
