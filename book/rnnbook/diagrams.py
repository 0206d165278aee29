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
    x: np.ndarray, y: np.ndarray, echo_step: int, steps: int = 16
) -> None:
    """The start of a series and its echo, arrows from each bit to its copy."""
    x, y = bits("x", x), bits("y", y)
    echo_step = positive_int("echo_step", echo_step)
    steps = min(positive_int("steps", steps), len(x))
    # The page is 8 inches wide: the figure is drawn at that width, so that
    # its digits print at their own size.
    xlim, ylim = (-3.5, steps + 0.5), (-1, 3.2)
    height = 8 * (ylim[1] - ylim[0]) / (xlim[1] - xlim[0]) + 0.4
    with figure(figsize=(8, height)) as (_, ax):
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
            -0.05,
            -0.55,
            f"first {echo_step} targets: nothing to echo yet, set to 0",
            ha="left",
            va="center",
            fontsize=9,
            color="#4D4D4D",
        )
        canvas(
            ax,
            xlim,
            ylim,
            f"y[t] = x[t - {echo_step}]: the target "
            f"is the input, {echo_step} steps late",
        )


def plot_batch_rows(series: np.ndarray, batch_size: int) -> None:
    """A short series, and the ``[batch_size, -1]`` matrix reshaping gives.

    Bits are written in their squares (filled = 1, empty = 0); ticks on the
    flat series mark where one row ends and the next begins.
    """
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
    top = batch_size + 0.6
    xlim = (-3.4, len(series) + 0.3)
    ylim = (-0.4, top + 1.7)
    height = 8 * (ylim[1] - ylim[0]) / (xlim[1] - xlim[0]) + 0.4
    with figure(figsize=(8, height)) as (_, ax):
        # The flat series wears the colour of the row each stretch becomes.
        tape(
            ax,
            series,
            y=top,
            color=np.repeat(row_colors, row_length).tolist(),
            label="flat series",
            size=0.85,
        )
        for row in range(1, batch_size):
            cut = row * row_length - 0.075
            ax.plot([cut, cut], [top - 0.25, top + 1.1], color="black", lw=1.2)
            ax.text(
                cut, top + 1.35, "cut", ha="center", va="center", fontsize=9
            )
        for row, row_bits in enumerate(series.reshape(batch_size, -1)):
            tape(
                ax,
                row_bits,
                y=batch_size - 1 - row,
                color=row_colors[row],
                label=f"row {row}",
                size=0.85,
            )
        ax.text(
            row_length + 1,
            (batch_size - 1) / 2 + 0.4,
            "filled square = 1, empty = 0;\nrow r holds steps "
            f"r·{row_length} to r·{row_length} + {row_length - 1}",
            ha="left",
            va="center",
            fontsize=9,
        )
        canvas(
            ax,
            xlim,
            ylim,
            f"series.reshape({batch_size}, -1): consecutive stretches "
            "become parallel rows",
        )
