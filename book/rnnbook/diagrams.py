"""Diagrams of the echo data: the series, its echo, and batch rows.

The series and its echo, and the rows a reshape makes of it. The windows
that state crosses and gradients do not are drawn by
:mod:`rnnbook.bptt_diagrams`.

Every ``plot_*`` function draws one figure with :func:`rnnbook.drawing.figure`
(which shows and closes it) and returns None.
"""

from __future__ import annotations

import numpy as np

from rnnbook._checks import positive_int
from rnnbook.drawing import (
    COLORS,
    ROW_COLORS,
    arrow,
    bits,
    canvas,
    figure,
    tape,
)

__all__ = [
    "plot_series",
    "plot_batch_rows",
]


def plot_series(
    x: np.ndarray, y: np.ndarray, echo_step: int, steps: int = 24
) -> None:
    """The start of a series and its echo, arrows from each bit to its copy."""
    x, y = bits("x", x), bits("y", y)
    echo_step = positive_int("echo_step", echo_step)
    steps = min(positive_int("steps", steps), len(x))
    with figure(figsize=(min(2 + steps * 0.42, 14), 2.6)) as (_, ax):
        tape(ax, x[:steps], y=2.0, color=COLORS["input"], label="input x")
        tape(ax, y[:steps], y=0.0, color=COLORS["target"], label="target y")
        # A handful of arrows makes the point; one per bit would be clutter.
        for t in range(echo_step, steps, max(1, steps // 6)):
            arrow(
                ax,
                (t - echo_step + 0.45, 1.95),
                (t + 0.45, 0.95),
                linewidth=1,
                shrink=2,
            )
        ax.text(
            echo_step / 2 - 0.05,
            -0.55,
            f"first {echo_step} targets: nothing to echo yet, set to 0",
            ha="left",
            va="center",
            fontsize=8,
            color=COLORS["muted"],
        )
        canvas(
            ax,
            (-3.5, steps + 0.5),
            (-1, 3.2),
            f"y[t] = x[t - {echo_step}]: the target "
            f"is the input, {echo_step} steps late",
        )


def plot_batch_rows(series: np.ndarray, batch_size: int) -> None:
    """A short series, and the ``[batch_size, -1]`` matrix reshaping gives."""
    series = bits("series", series)
    batch_size = positive_int("batch_size", batch_size)
    if len(series) % batch_size:
        raise ValueError(
            f"a series of {len(series)} steps does not split into "
            f"{batch_size} equal rows; pass a series whose length is a "
            "multiple of batch_size."
        )
    row_length = len(series) // batch_size
    row_colors = [
        ROW_COLORS[row % len(ROW_COLORS)] for row in range(batch_size)
    ]
    small = dict(pitch=0.5, size=0.45, digits=False, linewidth=1.0)
    with figure(
        figsize=(min(2 + len(series) * 0.3, 14), 1.2 + 0.5 * batch_size)
    ) as (_, ax):
        # The flat series wears the colour of the row each stretch becomes.
        tape(
            ax,
            series,
            y=batch_size + 0.4,
            color=np.repeat(row_colors, row_length).tolist(),
            label="flat series",
            **small,
        )
        for row, row_bits in enumerate(series.reshape(batch_size, -1)):
            tape(
                ax,
                row_bits,
                y=batch_size - 1 - row,
                color=row_colors[row],
                label=f"row {row}",
                **small,
            )
        canvas(
            ax,
            (-3.2, len(series) * 0.5 + 0.2),
            (-0.3, batch_size + 1),
            f"reshape(batch_size={batch_size}, -1): consecutive stretches "
            "become parallel rows",
        )
