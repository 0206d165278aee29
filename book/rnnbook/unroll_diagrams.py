"""Diagrams of how an RNN runs over time and where its masks act.

Chapter 6: the static graph (one copy of the cell per step) against the
dynamic one (one copy inside a loop), the graph sizes measured, and a
padding mask. Chapter 7: where dropout and recurrent dropout act in a
stack, one mask per window against one per step, and overfitting curves
with every seed drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib import patches
from matplotlib.axes import Axes

from rnnbook.drawing import COLORS, VARIANT_COLORS, arrow, canvas, figure

__all__ = [
    "mixed_steps",
    "plot_static_dynamic",
    "plot_graph_sizes",
    "plot_padding_mask",
    "plot_dropout_places",
    "plot_mask_reuse",
    "plot_seed_curves",
]

_C = dict(ha="center", va="center")


def _box(ax: Axes, x: float, y: float, text: str, color: str, w=1.4, h=0.8):
    """A rounded box centred at ``(x, y)`` with ``text`` in it."""
    ax.add_patch(
        patches.FancyBboxPatch(
            (x - w / 2, y - h / 2),
            w,
            h,
            boxstyle="round,pad=0.05",
            fc=color,
            ec=color,
            alpha=0.25,
        )
    )
    ax.text(x, y, text, **_C, fontsize=10)


def mixed_steps(y_window: object, rows: Sequence[int], first: int, width=3):
    """The first of ``width`` consecutive steps, from ``first`` on, whose
    labels in ``rows`` are the most mixed (both classes, as evenly as can be).

    Chapter 6 draws the reshape on those steps, so that both classes show.
    """
    y = np.asarray(y_window)[list(rows)]
    if y.ndim != 2 or y.shape[1] < width:
        raise ValueError(
            f"y_window needs at least {width} steps, got shape {y.shape}."
        )
    first = min(max(0, int(first)), y.shape[1] - width)
    size = y.shape[0] * width

    def mix(t: int) -> int:
        ones = int(y[:, t : t + width].sum())
        return min(ones, size - ones)

    return max(range(first, y.shape[1] - width + 1), key=mix)


def plot_static_dynamic(steps: int = 4) -> None:
    """Static: ``steps`` copies of the cell in a row. Dynamic: one copy in
    a ``while`` loop that runs it T times."""
    with figure(1, 2, figsize=(8, 2.8), width_ratios=[1.6, 1]) as (_, axes):
        ax = axes[0]
        for t in range(steps):
            x = 1.8 * t
            _box(ax, x, 0, f"cell\nstep {t}", COLORS["state"])
            arrow(ax, (x, -1.3), (x, -0.45), color=COLORS["input"])
            ax.text(x, -1.55, f"x[:, {t}]", **_C, fontsize=9)
            arrow(ax, (x, 0.45), (x, 1.2), color=COLORS["prediction"])
            if t:
                arrow(ax, (x - 1.1, 0), (x - 0.7, 0), color=COLORS["state"])
        ax.text(1.8 * steps - 0.6, 0, "...", **_C, fontsize=14)
        canvas(
            ax,
            (-1.0, 1.8 * steps),
            (-1.9, 1.9),
            "static: one copy of the cell per step\n(the graph grows with T)",
        )
        ax = axes[1]
        _box(ax, 0, 0, "cell", COLORS["state"])
        arrow(
            ax,
            (0.7, 0.2),
            (0.7, -0.2),
            color=COLORS["state"],
            connectionstyle="arc3,rad=-2.2",
        )
        ax.text(2.0, 0, "while\nt < T", **_C, fontsize=9)
        arrow(ax, (0, -1.3), (0, -0.45), color=COLORS["input"])
        ax.text(0, -1.55, "x: [B, T, 1]", **_C, fontsize=9)
        arrow(ax, (0, 0.45), (0, 1.2), color=COLORS["prediction"])
        canvas(
            ax,
            (-1.4, 2.8),
            (-1.9, 1.9),
            "dynamic: one copy inside a loop\n(the graph's size is fixed)",
        )


def plot_graph_sizes(lengths: Sequence[int], counts: dict) -> None:
    """Operations in each traced training step against the window length."""
    with figure(figsize=(6.5, 3.6)) as (_, ax):
        for index, (name, values) in enumerate(counts.items()):
            ax.plot(
                lengths,
                values,
                marker="o",
                color=VARIANT_COLORS[index],
                label=name,
            )
        ax.set_xticks(list(lengths))
        ax.set_ylim(bottom=0)
        ax.set_xlabel("window length T")
        ax.set_ylabel("operations in the traced graph")
        ax.set_title("size of one traced training step (counted, not timed)")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=9)


def plot_padding_mask(bits_row: Sequence[int], length: int) -> None:
    """One row padded after ``length`` real steps, its mask, and the state:
    updated on real steps, carried unchanged through the padded ones."""
    steps = len(bits_row)
    with figure(figsize=(8, 2.6)) as (_, ax):
        for t in range(steps):
            real = t < length
            color = COLORS["input"] if real else COLORS["muted"]
            ax.add_patch(
                patches.Rectangle((t, 1.6), 0.9, 0.8, fc="white", ec=color)
            )
            text = str(int(bits_row[t])) if real else "-1"
            ax.text(t + 0.45, 2.0, text, **_C, fontsize=9, color=color)
            ax.text(t + 0.45, 0.9, "T" if real else "F", **_C, fontsize=9)
            ax.text(
                t + 0.45,
                0.1,
                "new" if real else "kept",
                **_C,
                fontsize=8,
                color=COLORS["state"] if real else COLORS["muted"],
            )
            if t:
                arrow(
                    ax,
                    (t - 0.15, 0.1),
                    (t + 0.1, 0.1),
                    color=COLORS["state"],
                )
        for y, label in ((2.0, "input"), (0.9, "mask"), (0.1, "state h")):
            ax.text(-0.3, y, label, ha="right", va="center", fontsize=10)
        canvas(
            ax,
            (-2.0, steps + 0.2),
            (-0.4, 2.9),
            f"{length} real steps, padded with -1 to {steps}: on a padded "
            "step the state is carried over unchanged",
        )


def plot_dropout_places(num_layers: int = 3, steps: int = 4) -> None:
    """A layers x time grid: ``dropout`` acts on the arrows going up,
    ``recurrent_dropout`` on the arrows going along."""
    up, along = COLORS["gradient"], COLORS["input"]
    with figure(figsize=(8, 4.4)) as (_, ax):
        for layer in range(num_layers):
            y = 1.4 * layer
            for t in range(steps):
                x = 2.0 * t
                _box(ax, x, y, f"layer {layer + 1}", COLORS["state"])
                if t:
                    arrow(ax, (x - 1.3, y), (x - 0.75, y), color=along)
                if layer:
                    arrow(ax, (x, y - 1.0), (x, y - 0.45), color=up)
                else:
                    arrow(ax, (x, -1.0), (x, -0.45), color=COLORS["muted"])
            if layer == num_layers - 1:
                for t in range(steps):
                    arrow(
                        ax,
                        (2.0 * t, y + 0.45),
                        (2.0 * t, y + 0.95),
                        color=COLORS["prediction"],
                    )
        ax.text(2.0 * steps - 0.6, 1.4, "...", **_C, fontsize=14)
        legend = [
            (up, "up, between layers: dropout (input of layers 2 and up)"),
            (along, "along, h(t-1) -> step t: recurrent_dropout"),
            (COLORS["muted"], "the bit: never dropped here"),
            (COLORS["prediction"], "top output to W2: kept whole"),
        ]
        handles = [patches.Patch(color=c, label=text) for c, text in legend]
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
            (-1.0, 2.0 * steps),
            (-1.3, 1.4 * num_layers + 0.2),
            "where Keras's LSTMCell drops units",
        )


def plot_mask_reuse(units: int = 4, steps: int = 5, seed: int = 0) -> None:
    """Keras: one mask drawn per window, reused at every step. The 2016
    ``DropoutWrapper``: a fresh mask at every step."""
    rng = np.random.default_rng(seed)
    one = rng.permutation(np.arange(units) < units // 2)
    fresh = rng.random((steps, units)) < 0.5
    with figure(1, 2, figsize=(8, 2.8)) as (_, axes):
        for ax, masks, title in (
            (axes[0], [one] * steps, "Keras: one mask per window"),
            (axes[1], list(fresh), "2016 DropoutWrapper: one per step"),
        ):
            for t, mask in enumerate(masks):
                for u, kept in enumerate(mask):
                    ax.add_patch(
                        patches.Rectangle(
                            (t, units - 1 - u),
                            0.85,
                            0.85,
                            fc=COLORS["state"] if kept else "white",
                            ec=COLORS["state"],
                        )
                    )
                ax.text(t + 0.42, -0.5, f"t={t}", **_C, fontsize=9)
            canvas(
                ax,
                (-0.3, steps),
                (-0.9, units + 0.1),
                f"{title}\n(filled: unit kept)",
            )


def plot_seed_curves(
    x: Sequence[float],
    panels: dict[str, dict[str, np.ndarray]],
    *,
    ylabel: str,
    xlabel: str,
    reference: tuple[str, float] | None = None,
) -> None:
    """One panel per question: the seed mean as a thick line, every seed
    as a thin one in the same colour."""
    with figure(1, len(panels), figsize=(8, 3.8), sharey=True) as (_, axes):
        axes = np.atleast_1d(axes)
        colors = {}
        for ax, (title, curves) in zip(axes, panels.items()):
            for name, values in curves.items():
                values = np.atleast_2d(values)
                color = colors.setdefault(
                    name, VARIANT_COLORS[len(colors) % len(VARIANT_COLORS)]
                )
                for seed_curve in values:
                    ax.plot(x, seed_curve, color=color, lw=0.7, alpha=0.5)
                ax.plot(
                    x, values.mean(axis=0), color=color, lw=2.2, label=name
                )
            if reference is not None:
                ax.axhline(
                    reference[1],
                    color=COLORS["muted"],
                    ls=":",
                    lw=1,
                    label=reference[0],
                )
            ax.set_title(title, fontsize=10)
            ax.set_xlabel(xlabel)
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8, loc="lower right")
        axes[0].set_ylabel(ylabel)
