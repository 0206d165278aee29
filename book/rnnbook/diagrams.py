"""Diagrams of the echo data: series, batch rows and truncated windows.

The series and its echo, the rows a reshape makes of it, and the windows
that state crosses and gradients do not.

Every ``plot_*`` function draws one figure with :func:`rnnbook.drawing.figure`
(which shows and closes it) and returns None.
"""

from __future__ import annotations

import numpy as np
from matplotlib import patches
from matplotlib import pyplot as plt

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
    "plot_truncated_bptt",
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


def plot_truncated_bptt(
    truncated_backprop_length: int, echo_step: int, num_windows: int = 3
) -> None:
    """A batch row cut into windows: state crosses each edge, gradients not."""
    window = positive_int(
        "truncated_backprop_length", truncated_backprop_length
    )
    echo_step = positive_int("echo_step", echo_step)
    num_windows = positive_int("num_windows", num_windows)
    steps = window * num_windows
    state_y, input_y, gradient_y = 1.0, 0.0, 1.75
    with figure(figsize=(min(2 + steps * 0.3, 15), 3.6)) as (_, ax):
        for w in range(num_windows):
            ax.add_patch(
                patches.Rectangle(
                    (w * window - 0.5, -0.6),
                    window,
                    3.0,
                    facecolor="#F2F2F2" if w % 2 else "#E6ECF5",
                    edgecolor="none",
                )
            )
            ax.text(
                w * window + window / 2 - 0.5,
                2.6,
                f"window {w + 1}",
                ha="center",
            )
        # The input slots; their values do not matter here, so all blank.
        tape(
            ax,
            np.zeros(steps, int),
            y=input_y - 0.3,
            x0=-0.3,
            size=0.6,
            color=COLORS["input"],
            digits=False,
            linewidth=1,
        )
        for t in range(steps):
            arrow(
                ax,
                (t, input_y + 0.3),
                (t, state_y - 0.28),
                color=COLORS["input"],
                linewidth=0.8,
                shrink=2,
            )
            ax.add_patch(
                patches.Circle(
                    (t, state_y),
                    0.28,
                    facecolor="white",
                    edgecolor=COLORS["state"],
                    linewidth=1.5,
                )
            )
            if t + 1 < steps:
                crossing = (t + 1) % window == 0
                arrow(
                    ax,
                    (t + 0.28, state_y),
                    (t + 0.72, state_y),
                    color=COLORS["state"],
                    linewidth=2.6 if crossing else 1.2,
                    shrink=2,
                )
        for w in range(num_windows):
            first, last = w * window, (w + 1) * window - 1
            arrow(
                ax,
                (last + 0.1, gradient_y),
                (first - 0.1, gradient_y),
                color=COLORS["gradient"],
                shrink=2,
                linestyle="--",
            )
            if w:
                ax.plot(
                    first - 0.5,
                    gradient_y,
                    marker="X",
                    color=COLORS["gradient"],
                    markersize=10,
                )
        if num_windows > 1 and echo_step < steps:
            target = window + min(echo_step, window) - 1
            arrow(
                ax,
                (target - echo_step, input_y - 0.32),
                (target, input_y - 0.32),
                color=COLORS["target"],
                linewidth=1.8,
                shrink=2,
                connectionstyle="arc3,rad=0.45",
            )
        legend = [
            (
                "input bit",
                "input",
                dict(marker="s", mfc="white", linestyle=""),
            ),
            (
                "state, carried across every window edge",
                "state",
                dict(marker="o", mfc="white", linewidth=2),
            ),
            (
                "gradient, cut at the window edge",
                "gradient",
                dict(linestyle="--", marker="X", markevery=[1]),
            ),
            (
                f"an echo of {echo_step} steps that needs the previous window",
                "target",
                dict(linewidth=1.8),
            ),
        ]
        handles = [
            plt.Line2D(
                [],
                [],
                color=COLORS[role],
                label=label,
                **style,
            )
            for label, role, style in legend
        ]
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            ncol=2,
            frameon=False,
            fontsize=9,
        )
        canvas(
            ax,
            (-0.8, steps - 0.2),
            (-1.2, 2.9),
            "truncated backpropagation through "
            f"time, windows of {window} steps",
        )
