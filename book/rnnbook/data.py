"""The echo task: random bits, their echo, batch rows, truncated windows.

Chapter 1 builds all of this step by step; later chapters call it from here.
Everything is plain NumPy, so it can be tested and plotted without TensorFlow.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnbook._checks import integer_matrix, positive_int

__all__ = ["EchoTask", "generate_echo_data", "to_windows"]


def generate_echo_data(
    total_series_length: int,
    *,
    echo_step: int,
    batch_size: int,
    seed: int | np.random.Generator | None = None,
    roll_across_rows: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Draw one epoch of the echo task, already split into ``batch_size`` rows.

    Returns ``(x, y)``, two int32 arrays of shape
    ``[batch_size, total_series_length // batch_size]``. ``x`` holds fair coin
    flips; inside every row, ``y[:, t] == x[:, t - echo_step]`` and the first
    ``echo_step`` targets, which echo nothing the row has seen, are 0.

    ``roll_across_rows=True`` reproduces the 2016 code instead: it shifts the
    flat series *before* splitting it into rows, so the first ``echo_step``
    targets of every row but the first echo the end of the previous row.
    Chapter 1 uses it to show that erratum; nothing else should.
    """
    _checked_row_length(total_series_length, echo_step, batch_size)
    echo_step = int(echo_step)
    rng = np.random.default_rng(seed)
    bits = rng.integers(0, 2, size=total_series_length, dtype=np.int32)
    if roll_across_rows:
        echoed = np.roll(bits, echo_step)
        echoed[:echo_step] = 0
        return bits.reshape(batch_size, -1), echoed.reshape(batch_size, -1)
    x = bits.reshape(batch_size, -1)
    y = np.zeros_like(x)
    y[:, echo_step:] = x[:, :-echo_step]
    return x, y


def _checked_row_length(
    total_series_length: int, echo_step: int, batch_size: int
) -> int:
    """Check the sizes of one epoch and return the length of a batch row."""
    total_series_length = positive_int(
        "total_series_length", total_series_length
    )
    echo_step = positive_int("echo_step", echo_step)
    batch_size = positive_int("batch_size", batch_size)
    if total_series_length % batch_size:
        raise ValueError(
            f"total_series_length={total_series_length} does not split into "
            f"batch_size={batch_size} "
            f"equal rows; choose a length that is a multiple of batch_size, "
            f"e.g. {total_series_length - total_series_length % batch_size}."
        )
    row_length = total_series_length // batch_size
    if echo_step >= row_length:
        raise ValueError(
            f"echo_step={echo_step} must be shorter than a batch row "
            f"(total_series_length // batch_size = {row_length} steps); "
            "use a smaller echo_step or a longer series."
        )
    return row_length


def _check_window(truncated_backprop_length: int, row_length: int) -> int:
    window = positive_int(
        "truncated_backprop_length", truncated_backprop_length
    )
    if window > row_length:
        raise ValueError(
            f"truncated_backprop_length={window} is longer than a batch row "
            f"({row_length} steps); "
            "use a shorter window or a longer series."
        )
    return window


def to_windows(
    series: np.ndarray, truncated_backprop_length: int
) -> np.ndarray:
    """Cut every batch row into consecutive windows of
    ``truncated_backprop_length`` steps.

    ``series`` has shape ``[batch_size, steps]``; the result has shape
    ``[num_windows, batch_size, truncated_backprop_length]`` where
    ``num_windows = steps // truncated_backprop_length``, so ``result[i]`` is
    the ``i``-th window of every row at once. Steps left over at the end of a
    row do not fill a window and are dropped, as the 2016 code dropped them.
    """
    series = integer_matrix("series", series)
    batch_size, steps = series.shape
    window = _check_window(truncated_backprop_length, steps)
    num_windows = steps // window
    used = series[:, : num_windows * window]
    return used.reshape(batch_size, num_windows, window).transpose(1, 0, 2)


@dataclass(frozen=True)
class EchoTask:
    """The four sizes that define one echo task, checked once.

    Chapters build it from their ``parameters`` cell and pass it around
    instead of four loose numbers. ``roll_across_rows=True`` makes it draw
    the 2016 data, with its cross-row erratum (chapter 10 trains on both).
    """

    total_series_length: int
    truncated_backprop_length: int
    echo_step: int
    batch_size: int
    roll_across_rows: bool = False

    def __post_init__(self) -> None:
        row_length = _checked_row_length(
            self.total_series_length, self.echo_step, self.batch_size
        )
        _check_window(self.truncated_backprop_length, row_length)

    @property
    def row_length(self) -> int:
        """Steps in one batch row."""
        return self.total_series_length // self.batch_size

    @property
    def num_windows(self) -> int:
        """Truncated windows per epoch (the 2016 ``num_batches``)."""
        return self.row_length // self.truncated_backprop_length

    def generate(
        self, seed: int | np.random.Generator | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """One epoch of data as ``(x, y)`` batch rows; see
        :func:`generate_echo_data`."""
        return generate_echo_data(
            self.total_series_length,
            echo_step=self.echo_step,
            batch_size=self.batch_size,
            seed=seed,
            roll_across_rows=self.roll_across_rows,
        )

    def windows(
        self, seed: int | np.random.Generator | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """One epoch cut into windows of ``[batch_size, T]`` each."""
        x, y = self.generate(seed)
        return to_windows(x, self.truncated_backprop_length), to_windows(
            y, self.truncated_backprop_length
        )
