"""A stacked RNN drawn as a grid: layers up, time steps across.

Chapter 5 draws it before it stacks LSTM cells: every box is one cell call,
the boxes of a row share one set of weights (one colour, one name), the rows
have different weights, the state runs along each row and across the window
edges, and each layer's output climbs to the layer above.
"""

from __future__ import annotations

from matplotlib import patches
from matplotlib.axes import Axes

from rnnbook._checks import positive_int
from rnnbook.drawing import COLORS, VARIANT_COLORS, arrow, canvas, figure

__all__ = ["plot_stacked_grid"]

_WIDTH, _HEIGHT = 1.5, 0.8  # a cell's box, in data units
_PITCH_X, _PITCH_Y = 2.3, 1.55  # from one box to the next
_MAX_LAYERS, _MAX_STEPS = len(VARIANT_COLORS), 8


def _cell(ax: Axes, center: tuple[float, float], layer: int) -> None:
    """One call of layer ``layer``'s cell, named by its weights."""
    color = VARIANT_COLORS[layer]
    x, y = center
    ax.add_patch(
        patches.FancyBboxPatch(
            (x - _WIDTH / 2, y - _HEIGHT / 2),
            _WIDTH,
            _HEIGHT,
            boxstyle="round,pad=0.05",
            facecolor=color,
            edgecolor="none",
            alpha=0.85,
        )
    )
    ax.text(
        x,
        y,
        f"LSTM $W^{{({layer})}}$",
        ha="center",
        va="center",
        color="white",
        fontsize=10,
        fontweight="bold",
    )


def plot_stacked_grid(num_layers: int = 3, steps: int = 4) -> None:
    """A stack of ``num_layers`` LSTM layers unrolled over ``steps`` steps.

    Row ``l`` is layer ``l``: the same cell (weights ``W^(l)``) at every
    step, its state ``(h, c)`` carried to the right and across the window
    edges. Each cell's output ``h`` goes up to the layer above; the top
    layer's feeds the output layer and the loss.
    """
    num_layers = positive_int("num_layers", num_layers)
    steps = positive_int("steps", steps)
    if num_layers > _MAX_LAYERS or steps > _MAX_STEPS:
        raise ValueError(
            f"the grid shows at most {_MAX_LAYERS} layers and {_MAX_STEPS} "
            f"steps, got {num_layers} and {steps}; draw a few steps of a "
            "window, e.g. steps=4."
        )
    xs = [2.5 + _PITCH_X * t for t in range(steps)]
    ys = [_PITCH_Y * (layer + 1) for layer in range(num_layers)]
    top = ys[-1] + _PITCH_Y
    half_w, half_h = _WIDTH / 2 + 0.08, _HEIGHT / 2 + 0.08
    xlim, ylim = (0.0, xs[-1] + 4.4), (-0.4, top + 0.4)
    # equal units on both axes: the height follows from the width
    width = min(8.0, 0.62 * (xlim[1] - xlim[0]))
    height = width * (ylim[1] - ylim[0]) / (xlim[1] - xlim[0]) + 0.5
    with figure(figsize=(width, height)) as (_, ax):
        for t, x in enumerate(xs):
            ax.text(x, 0.0, f"$x_{t}$", ha="center", va="center", fontsize=12)
            arrow(ax, (x, 0.25), (x, ys[0] - half_h), color=COLORS["input"])
            for layer, y in enumerate(ys):
                _cell(ax, (x, y), layer)
                above = (
                    ys[layer + 1] - half_h
                    if layer + 1 < num_layers
                    else top - 0.3
                )
                arrow(ax, (x, y + half_h), (x, above), color=COLORS["state"])
            ax.text(
                x,
                top,
                f"$\\mathrm{{logits}}_{t}$",
                ha="center",
                va="center",
                fontsize=11,
                color=COLORS["prediction"],
            )
        for layer, y in enumerate(ys):
            color = VARIANT_COLORS[layer]
            arrow(ax, (0.2, y), (xs[0] - half_w, y), color=color)
            for left, right in zip(xs, xs[1:]):
                arrow(ax, (left + half_w, y), (right - half_w, y), color=color)
            arrow(ax, (xs[-1] + half_w, y), (xs[-1] + 1.5, y), color=color)
            ax.text(
                xs[-1] + 1.6,
                y,
                f"layer {layer}:\none $W^{{({layer})}}$ for every step",
                ha="left",
                va="center",
                fontsize=9,
                color=color,
            )
        # Labels on the first arrows of the bottom row and column.
        ax.text(
            (xs[0] + xs[min(1, steps - 1)]) / 2,
            ys[0] + 0.12,
            "$h, c$",
            ha="center",
            va="bottom",
            fontsize=9,
        )
        if num_layers > 1:
            ax.text(
                xs[0] + 0.1,
                (ys[0] + ys[1]) / 2,
                "$h$",
                ha="left",
                va="center",
                fontsize=9,
            )
        ax.text(
            0.1,
            ys[-1] + 0.5,
            "state from the\nprevious window",
            ha="left",
            va="bottom",
            fontsize=8,
            color=COLORS["muted"],
        )
        canvas(
            ax,
            xlim,
            ylim,
            f"{num_layers} stacked LSTM layer{'s' * (num_layers > 1)} over "
            f"{steps} steps: "
            "time runs right, layers up",
        )
