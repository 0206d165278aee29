"""Keras's recurrent pieces drawn: a cell is one step, a layer the loop.

Chapter 3 draws it before it uses ``keras.layers.SimpleRNN``: the cell of
chapter 2's unrolled network, then the layer that runs that one cell along
a window, with what ``return_sequences``, ``return_state`` and ``stateful``
each make it hand back or keep.
"""

from __future__ import annotations

from matplotlib import patches
from matplotlib.axes import Axes

from rnnbook import drawing
from rnnbook.drawing import COLORS

__all__ = ["plot_cell_and_layer"]

_BOX = 1.0  # side of a cell's box, in data units


def _cell_box(ax: Axes, left: float, bottom: float, label: str) -> None:
    """One cell: a box in the state's colour, named inside."""
    ax.add_patch(
        patches.FancyBboxPatch(
            (left, bottom),
            _BOX,
            _BOX,
            boxstyle="round,pad=0.04",
            facecolor="#E9E5F3",
            edgecolor=COLORS["state"],
            linewidth=1.6,
        )
    )
    ax.text(
        left + _BOX / 2,
        bottom + _BOX / 2,
        label,
        ha="center",
        va="center",
        fontsize=9,
    )


def _step(
    ax: Axes, left: float, bottom: float, x_label: str, h_label: str
) -> None:
    """A cell with its input below and its output above, labelled."""
    _cell_box(ax, left, bottom, "cell")
    middle = left + _BOX / 2
    drawing.arrow(
        ax, (middle, bottom - 0.55), (middle, bottom), color=COLORS["input"]
    )
    ax.text(middle, bottom - 0.62, x_label, ha="center", va="top", fontsize=10)
    drawing.arrow(
        ax,
        (middle, bottom + _BOX),
        (middle, bottom + _BOX + 0.55),
        color=COLORS["state"],
    )
    ax.text(
        middle,
        bottom + _BOX + 0.62,
        h_label,
        ha="center",
        va="bottom",
        fontsize=10,
    )


def plot_cell_and_layer(steps_shown: int = 4) -> None:
    """The cell (one step) beside the layer (the cell run over the steps).

    The layer shows ``steps_shown`` steps: the first ones, a gap, and the
    last, step ``T``. Both parts are the same cell with the same weights.
    """
    if isinstance(steps_shown, bool) or not isinstance(steps_shown, int):
        raise TypeError(
            f"steps_shown must be an int, got {type(steps_shown).__name__}."
        )
    if not 2 <= steps_shown <= 6:
        raise ValueError(
            f"steps_shown must be 2 to 6 (the first steps, a gap, step T), "
            f"got {steps_shown}; the figure is drawn for the page width."
        )
    state = COLORS["state"]
    with drawing.figure(figsize=(8, 3.9)) as (fig, ax):
        bottom = 0.0
        # Left: the cell alone, one step.
        _step(ax, 0.9, bottom, "$x_t$", "$h_t$")
        drawing.arrow(ax, (0.0, 0.5), (0.9, 0.5), color=state)
        ax.text(0.0, 0.62, "$h_{t-1}$", ha="left", va="bottom", fontsize=10)
        ax.text(
            1.4,
            -1.55,
            "a cell: one step\n(SimpleRNNCell)",
            ha="center",
            va="top",
            fontsize=10,
        )
        ax.plot([2.75, 2.75], [-2.2, 2.6], color=COLORS["muted"], lw=0.8)

        # Right: the layer, the same cell at every step.
        pitch = 1.55
        first = 4.3
        lefts = [first + i * pitch for i in range(steps_shown)]
        labels = [str(i + 1) for i in range(steps_shown - 1)] + ["T"]
        ax.text(
            first - 0.95,
            0.62,
            "$h_0$",
            ha="right",
            va="bottom",
            fontsize=10,
        )
        drawing.arrow(ax, (first - 1.0, 0.5), (first, 0.5), color=state)
        for i, (left, label) in enumerate(zip(lefts, labels)):
            _step(ax, left, bottom, f"$x_{{{label}}}$", f"$h_{{{label}}}$")
            if i + 1 < steps_shown:
                gap = i + 2 == steps_shown
                drawing.arrow(
                    ax,
                    (left + _BOX, 0.5),
                    (lefts[i + 1], 0.5),
                    color=state,
                    linestyle=":" if gap else "-",
                )
                if gap:
                    ax.text(
                        left + _BOX + (pitch - _BOX) / 2,
                        0.62,
                        "…",
                        ha="center",
                        va="bottom",
                        fontsize=11,
                    )
        right = lefts[-1] + _BOX
        ax.text(
            (first + right) / 2,
            -1.55,
            "a layer: the same cell, the same weights, at every step\n"
            "(SimpleRNN = RNN(SimpleRNNCell))",
            ha="center",
            va="top",
            fontsize=10,
        )
        # What the layer hands back.
        top = bottom + _BOX + 1.15
        ax.annotate(
            "",
            xy=(right, top),
            xytext=(first, top),
            arrowprops=dict(arrowstyle="|-|", color=COLORS["prediction"]),
        )
        ax.text(
            (first + right) / 2,
            top + 0.12,
            "return_sequences=True: every $h_t$, [batch, T, units]",
            ha="center",
            va="bottom",
            fontsize=9,
            color=COLORS["prediction"],
        )
        ax.text(
            right + 0.35,
            bottom + _BOX + 0.75,
            "return_sequences=False:\nonly $h_T$, [batch, units]\n"
            "return_state=True:\nalso the final state $h_T$",
            ha="left",
            va="center",
            fontsize=9,
        )
        # stateful=True: the final state starts the next call.
        drawing.arrow(
            ax,
            (right, 0.5),
            (right + 0.75, -0.55),
            color=state,
            linestyle="--",
        )
        ax.text(
            right + 0.35,
            -0.75,
            "stateful=True: $h_T$ is kept\nand is $h_0$ of the next call",
            ha="left",
            va="top",
            fontsize=9,
            color=state,
        )
        drawing.canvas(
            ax,
            (-0.1, right + 3.0),
            (-2.3, top + 0.6),
            "Chapter 2's unrolled network, as Keras splits it",
        )
