"""Argument checks: each failure says what is wrong and how to fix it."""

from __future__ import annotations

import numbers

import numpy as np


def positive_int(name: str, value: object) -> int:
    """``value`` as an ``int`` if it is positive, else a clear error."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be a positive integer, got {value!r} of type "
            f"{type(value).__name__}; "
            f"pass a whole number such as {name}=5."
        )
    if value <= 0:
        raise ValueError(
            f"{name} must be a positive integer, "
            f"got {value}; use a value of at least 1."
        )
    return int(value)


def integer_matrix(name: str, array: object) -> np.ndarray:
    """``array`` as a 2-D integer NumPy array, else a clear error."""
    array = np.asarray(array)
    if array.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array of shape [batch_size, steps], got "
            f"shape {array.shape}; "
            "reshape the series into batch rows first (see "
            "data.generate_echo_data)."
        )
    if not np.issubdtype(array.dtype, np.integer):
        raise TypeError(
            f"{name} must hold integers (bits and class labels), got dtype "
            f"{array.dtype}; "
            f"convert it with {name}.astype(np.int32)."
        )
    return array
