"""Diagrams of what the model computes: one LSTM step, and one reshape.

The reshape brings every time step to one output layer and one loss.

Every ``plot_*`` function draws one figure with :func:`rnnbook.drawing.figure`
(which shows and closes it) and returns None.
"""

from __future__ import annotations

import numpy as np
from matplotlib import patches
from matplotlib.axes import Axes

from rnnbook.drawing import COLORS, STEP_COLORS, arrow, canvas, figure

__all__ = ["plot_lstm_cell", "plot_reshape"]

# Text centred on a point: a digit in its square, an operator.
_CENTERED = dict(ha="center", va="center")


def _box(
    ax: Axes,
    center: tuple[float, float],
    text: str,
    color: str,
    width: float = 0.9,
    height: float = 0.6,
) -> None:
    """A filled, rounded box with white bold text: one layer of the cell."""
    x, y = center
    ax.add_patch(
        patches.FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            boxstyle="round,pad=0.05",
            facecolor=color,
            edgecolor="none",
        )
    )
    ax.text(
        x,
        y,
        text,
        ha="center",
        va="center",
        color="white",
        fontsize=11,
        fontweight="bold",
    )


def _node(
    ax: Axes,
    center: tuple[float, float],
    symbol: str,
    color: str = COLORS["muted"],
) -> None:
    """A small circle holding an operator: an elementwise × or +."""
    ax.add_patch(
        patches.Circle(
            center, 0.25, facecolor="white", edgecolor=color, linewidth=1.5
        )
    )
    ax.text(
        *center, symbol, ha="center", va="center", fontsize=12, color=color
    )


def plot_lstm_cell() -> None:
    """A diagram of one LSTM step: three gates, the candidate, two states."""
    gate, candidate, cell = COLORS["state"], COLORS["target"], COLORS["input"]
    with figure(figsize=(9, 4.6)) as (_, ax):
        ax.add_patch(
            patches.FancyBboxPatch(
                (0.6, 0.4),
                7.6,
                4.0,
                boxstyle="round,pad=0.1",
                facecolor="#F4F6FA",
                edgecolor="#C9D1E0",
            )
        )
        # The cell state runs along the top, the hidden state along the bottom.
        arrow(ax, (0.0, 3.9), (2.25, 3.9), color=cell)
        _node(ax, (2.5, 3.9), "×")
        arrow(ax, (2.75, 3.9), (4.75, 3.9), color=cell)
        _node(ax, (5.0, 3.9), "+")
        arrow(ax, (5.25, 3.9), (9.0, 3.9), color=cell)
        ax.text(-0.05, 4.1, "$c_{t-1}$", fontsize=12, ha="left")
        ax.text(8.55, 4.1, "$c_t$", fontsize=12)
        arrow(ax, (0.0, 0.9), (1.4, 0.9))
        ax.text(-0.05, 0.55, "$h_{t-1}$", fontsize=12)
        arrow(ax, (1.4, -0.2), (1.4, 0.85))
        ax.text(1.5, -0.25, "$x_t$", fontsize=12)
        ax.plot([1.4, 6.5], [0.9, 0.9], color=COLORS["muted"], linewidth=1.4)
        boxes = [
            (2.5, "σ", "f", gate),
            (3.7, "σ", "i", gate),
            (5.0, "tanh", "g", candidate),
            (6.3, "σ", "o", gate),
        ]
        for x, label, name, color in boxes:
            arrow(ax, (x, 0.9), (x, 1.6))
            _box(ax, (x, 1.9), label, color)
            ax.text(x + 0.5, 1.45, f"${name}_t$", fontsize=11, color=color)
        arrow(ax, (2.5, 2.2), (2.5, 3.65), color=gate)  # f scales c_{t-1}
        _node(ax, (4.35, 3.0), "×")
        arrow(ax, (3.7, 2.2), (4.15, 2.85), color=gate)  # input gate ...
        arrow(ax, (5.0, 2.2), (4.55, 2.85), color=candidate)  # ... times g
        arrow(ax, (4.35, 3.25), (4.85, 3.75))  # added to the cell state
        _box(ax, (7.3, 3.1), "tanh", candidate, width=0.8, height=0.45)
        arrow(ax, (7.3, 3.9), (7.3, 3.35), color=cell)
        _node(ax, (7.3, 2.1), "×")
        arrow(ax, (7.3, 2.87), (7.3, 2.35), color=candidate)
        arrow(ax, (6.3, 2.2), (7.05, 2.1), color=gate)
        arrow(ax, (7.3, 1.85), (7.3, 0.9))
        arrow(ax, (7.3, 0.9), (9.0, 0.9))
        ax.text(8.55, 0.55, "$h_t$", fontsize=12)
        arrow(ax, (8.0, 0.9), (8.0, 4.9 - 0.3))
        ax.text(8.1, 4.55, "output $h_t$", fontsize=10)
        ax.text(
            4.4,
            -0.25,
            "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$      $h_t = o_t "
            "\\odot \\tanh(c_t)$",
            fontsize=11,
            ha="center",
        )
        canvas(
            ax,
            (-0.2, 9.3),
            (-0.5, 4.9),
            "one LSTM step: forget (f), input "
            "(i) and output (o) gates, candidate g",
        )


def _matrix(
    ax: Axes,
    values: np.ndarray,
    x0: float,
    rows_y: list[float],
    colors: list[str] | None,
    title: str,
    fmt: str = "{:.2f}",
) -> None:
    """Draw a 2-D array as labelled cells; row ``r`` at ``rows_y[r]``."""
    values = np.atleast_2d(values)
    for r, y in enumerate(rows_y):
        color = colors[r] if colors else "#B0B0B0"
        for c, value in enumerate(values[r]):
            ax.add_patch(
                patches.Rectangle(
                    (x0 + c, y), 0.95, 0.9, fc=color, alpha=0.3, ec=color
                )
            )
            text = fmt.format(value)
            ax.text(x0 + c + 0.47, y + 0.45, text, **_CENTERED, fontsize=7.5)
    top = max(rows_y) + 1.3
    ax.text(
        x0 + values.shape[1] / 2,
        top,
        title,
        ha="center",
        va="bottom",
        fontsize=9,
    )


def _reshape_arrays(
    states_series: object,
    W2: object,
    b2: object,
    logits: object,
    labels: object,
) -> tuple[np.ndarray, ...]:
    """The five arrays of :func:`plot_reshape`, their shapes checked."""
    states_series = np.asarray(states_series)
    if states_series.ndim != 3:
        raise ValueError(
            "states_series must be [batch_size, T, state_size], got shape "
            f"{states_series.shape}; pass the RNN's outputs for a few rows."
        )
    batch_size, steps, state_size = states_series.shape
    if steps > len(STEP_COLORS):
        raise ValueError(
            f"the figure colours at most {len(STEP_COLORS)} time steps; got "
            f"T={steps}: slice the window, e.g. states_series[:, :3]."
        )
    rows = batch_size * steps
    W2, b2, logits, labels = (np.asarray(a) for a in (W2, b2, logits, labels))
    expected = {
        "W2": (state_size, W2.shape[-1]),
        "b2": (1, W2.shape[-1]),
        "logits": (rows, W2.shape[-1]),
        "labels": (rows,),
    }
    for name, array in zip(expected, (W2, b2, logits, labels)):
        if array.shape != expected[name]:
            raise ValueError(
                f"{name} must have shape {expected[name]}, got {array.shape}; "
                "compute it from the same states_series."
            )
    return states_series, W2, b2, logits, labels


def plot_reshape(
    states_series: np.ndarray,
    W2: np.ndarray,
    b2: np.ndarray,
    logits: np.ndarray,
    labels: np.ndarray,
    first_step: int = 0,
) -> None:
    """The reshape before the loss: ``[batch, T, state]`` rows, @ W2 + b2.

    Chapter 6's figure, drawn from the real tensors. Rows are coloured by time
    step and grouped by batch row, which is the C order of the reshape: the
    time index changes fastest. ``first_step`` names the window's step that
    the first column of ``states_series`` shows (for a slice of a window).
    """
    if isinstance(first_step, bool) or not isinstance(first_step, int):
        raise TypeError(f"first_step must be an int, got {first_step!r}.")
    if first_step < 0:
        raise ValueError(f"first_step counts from 0, got {first_step}.")
    states_series, W2, b2, logits, labels = _reshape_arrays(
        states_series, W2, b2, logits, labels
    )
    batch_size, steps, state_size = states_series.shape
    rows, num_classes = batch_size * steps, W2.shape[1]
    gap = 0.6  # between batch rows
    rows_y = [-(r + (r // steps) * gap) for r in range(rows)]
    colors = [STEP_COLORS[r % steps] for r in range(rows)]
    with figure(figsize=(12, 0.42 * rows + 2.2)) as (_, ax):

        def operator(symbol: str, at: float) -> None:
            """Write ``symbol`` between two matrices, at the middle row."""
            middle_row = rows_y[rows // 2] + 0.45
            ax.text(at, middle_row, symbol, **_CENTERED, fontsize=14)

        x = 0.0
        _matrix(
            ax,
            states_series.reshape(rows, state_size),
            x,
            rows_y,
            colors,
            "states_series\n[batch_size*T, "
            f"state_size] = [{rows}, {state_size}]",
        )
        for b in range(batch_size):
            ax.text(
                x - 0.3,
                rows_y[b * steps] - (steps - 1) / 2 + 0.45,
                f"batch\nrow {b}",
                ha="right",
                va="center",
                fontsize=8,
            )
        x += state_size + 0.8
        operator("@", x - 0.4)
        middle = rows_y[0] - (rows - 1) / 2 * (1 + gap / steps)
        w_rows = [middle + state_size / 2 - r for r in range(state_size)]
        _matrix(ax, W2, x, w_rows, None, f"W2\n[{state_size}, {num_classes}]")
        x += num_classes + 0.8
        operator("+", x - 0.4)
        _matrix(ax, b2, x, [middle], None, f"b2\n[1, {num_classes}]")
        x += num_classes + 0.8
        operator("=", x - 0.4)
        title = f"logits\n[{rows}, {num_classes}]"
        _matrix(ax, logits, x, rows_y, colors, title)
        x += num_classes + 1.2
        title = f"labels\n[{rows}]"
        _matrix(ax, labels[:, None], x, rows_y, colors, title, fmt="{:d}")
        handles = [
            patches.Patch(
                fc=STEP_COLORS[t],
                alpha=0.4,
                label=f"time step {first_step + t}",
            )
            for t in range(steps)
        ]
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            fontsize=8,
        )
        canvas(
            ax,
            (-1.6, x + 1.5),
            (min(rows_y) - 0.4, max(rows_y) + 2.6),
            "reshape in C order: the time step "
            "changes fastest, the batch row slowest",
        )
