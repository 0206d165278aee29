"""The training figure: the loss over the windows, then predictions.

The loss of every training window with its epochs marked, and the
predicted probabilities on the first held-out window (which starts from
the zero state) next to a later one. :func:`plot_training` draws it with
:func:`rnnbook.drawing.figure` (which shows and closes it) and returns None.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from rnnbook import baselines
from rnnbook._checks import integer_matrix, positive_int
from rnnbook.data import EchoTask
from rnnbook.drawing import COLORS, figure
from rnnbook.training import History

__all__ = ["plot_training", "epoch_windows", "running_median"]


def epoch_windows(history: History) -> int:
    """How many training windows each epoch of ``history`` holds."""
    epochs = len(history.epoch_losses)
    windows = len(history.window_losses)
    if epochs == 0 or windows % epochs:
        raise ValueError(
            f"history holds {windows} window losses for {epochs} epochs; "
            "pass a History that training.fit() returned."
        )
    return windows // epochs


def running_median(values: object, width: int) -> np.ndarray:
    """The median of the ``width`` values centred on each one.

    Near the ends the window shrinks to the values there are. Unlike a
    running mean, a median leaves a single outlier out instead of spreading
    it over ``width`` values.
    """
    values = np.asarray(values, dtype=float)
    if values.ndim != 1:
        raise ValueError(
            f"values must be 1-D, got shape {values.shape}; pass one loss "
            "per window."
        )
    half = positive_int("width", width) // 2
    return np.asarray(
        [
            np.median(values[max(0, i - half) : i + half + 1])
            for i in range(len(values))
        ]
    )


def _plot_losses(ax: Axes, history: History, task: EchoTask) -> None:
    """Per-window losses, a running median per epoch, epochs marked."""
    losses = np.asarray(history.window_losses, dtype=float)
    per_epoch = epoch_windows(history)
    windows = np.arange(1, len(losses) + 1)
    ax.plot(
        windows,
        losses,
        color=COLORS["input"],
        linewidth=0.6,
        alpha=0.35,
        label="each window",
    )
    width = max(5, per_epoch // 40) | 1  # odd, so it centres
    smooth = np.concatenate(
        [
            running_median(losses[start : start + per_epoch], width)
            for start in range(0, len(losses), per_epoch)
        ]
    )
    ax.plot(
        windows,
        smooth,
        color=COLORS["input"],
        linewidth=1.8,
        label=f"median of {width}",
    )
    starts = np.arange(0, len(losses), per_epoch)
    ax.plot(
        windows[starts],
        losses[starts],
        linestyle="",
        marker="o",
        markersize=6,
        color=COLORS["gradient"],
        label="first window of an epoch",
    )
    for epoch, start in enumerate(starts[1:], start=2):
        ax.axvline(start + 0.5, color=COLORS["muted"], linewidth=0.8)
        ax.text(
            start + per_epoch * 0.01,
            0.03,
            f"epoch {epoch} starts",
            transform=ax.get_xaxis_transform(),
            fontsize=9,
            color=COLORS["muted"],
            va="bottom",
        )
    ax.axhline(
        baselines.chance_loss(2),
        color=COLORS["muted"],
        linestyle=":",
        label="chance, ln 2",
    )
    ax.axhline(
        baselines.window_bound_loss(
            task.echo_step, task.truncated_backprop_length
        ),
        color=COLORS["target"],
        linestyle="--",
        label="window-bound",
    )
    ax.set_yscale("log")
    # room above the curves for the legend
    low = max(np.min(losses), 1e-6)
    ax.set_ylim(low / 2, baselines.chance_loss(2) * 150)
    ax.set_yticks([t for t in 10.0 ** np.arange(-8, 1) if t > low / 2])
    ax.set_xlim(0, len(losses) + 1)
    ax.set_xlabel("training window")
    ax.set_ylabel("loss (log scale)")
    ax.set_title("training loss", fontsize=10)


def _plot_window(
    ax: Axes,
    x: np.ndarray,
    y: np.ndarray,
    p1: np.ndarray,
    *,
    title: str,
    unknowable: int = 0,
) -> None:
    """P(1) as bars on a 0-to-1 axis, the targets as rings, inputs above."""
    steps = np.arange(len(x))
    if unknowable:
        ax.axvspan(-0.5, unknowable - 0.5, color="#EEEEEE", linewidth=0)
    ax.bar(
        steps,
        p1,
        width=0.6,
        color=COLORS["prediction"],
        label="P(1), predicted",
    )
    ax.plot(
        steps,
        y,
        linestyle="",
        marker="o",
        markersize=7,
        markerfacecolor="none",
        markeredgecolor=COLORS["target"],
        markeredgewidth=1.6,
        label="target",
    )
    for t, bit in zip(steps, x):
        ax.text(
            t,
            1.13,
            str(int(bit)),
            ha="center",
            va="center",
            fontsize=8.5,
            color=COLORS["input"],
        )
    ax.text(
        -0.9,
        1.13,
        "input",
        ha="right",
        va="center",
        fontsize=9,
        color=COLORS["input"],
    )
    ax.set_ylim(-0.08, 1.05)
    ax.set_xlim(-0.6, len(x) - 0.4)
    ax.set_yticks([0, 0.5, 1])
    ax.axhline(0.5, color=COLORS["muted"], linewidth=0.6, linestyle=":")
    ax.set_xticks(steps[:: int(np.ceil(len(x) / 8))])
    ax.set_title(title, fontsize=9, pad=16)


def plot_training(
    history: History, task: EchoTask, title: str | None = None, rows: int = 2
) -> None:
    """The loss over the training windows, then predictions on held-out rows.

    The loss panel shows every window's loss faintly, a running median
    within each epoch, the epoch boundaries and each epoch's first window.
    Below, for each of ``rows`` batch rows, the predicted probability of a 1
    on the first held-out window, which starts from the zero state (its
    first ``echo_step`` targets, shaded, echo nothing), and on the last.
    """
    if not isinstance(history, History) or history.evaluation is None:
        raise ValueError(
            "history must be a History returned by training.fit() after at "
            "least one epoch; train first, then plot what fit() returned."
        )
    evaluation = history.evaluation
    rows = min(positive_int("rows", rows), evaluation.x.shape[0])
    window = task.truncated_backprop_length
    x = integer_matrix("x", evaluation.x)
    y = evaluation.y
    p1 = evaluation.probabilities[..., 1]
    last = slice(x.shape[1] - window, x.shape[1])
    first = slice(0, window)
    later = x.shape[1] // window
    with figure(
        1 + rows,
        2,
        figsize=(8, 3.2 + 1.85 * rows),
        gridspec_kw={"height_ratios": [1.7] + [1] * rows},
    ) as (fig, axes):
        top = fig.add_subplot(axes[0, 0].get_gridspec()[0, :])
        axes[0, 0].remove()
        axes[0, 1].remove()
        _plot_losses(top, history, task)
        for row in range(rows):
            for column, (part, name, unknowable) in enumerate(
                (
                    (first, "first window, zero state", 1),
                    (last, f"window {later}, state carried", 0),
                )
            ):
                ax = axes[1 + row, column]
                _plot_window(
                    ax,
                    x[row, part],
                    y[row, part],
                    p1[row, part],
                    title=f"held-out row {row}: {name}",
                    unknowable=min(task.echo_step, window) * unknowable,
                )
                if column == 0:
                    ax.set_ylabel("P(1)")
        axes[-1, 0].set_xlabel("step in the window")
        axes[-1, 1].set_xlabel("step in the window")
        # one legend for all panels, beside the loss
        handles, labels = top.get_legend_handles_labels()
        more = axes[1, 0].get_legend_handles_labels()
        top.legend(
            handles + more[0],
            labels + more[1],
            fontsize=8.5,
            loc="upper center",
            bbox_to_anchor=(0.5, 1.0),
            ncol=4,
            framealpha=1.0,
            edgecolor="none",
        )
        fig.suptitle(
            title or f"held-out accuracy {evaluation.accuracy:.4f}",
            fontsize=11,
        )
