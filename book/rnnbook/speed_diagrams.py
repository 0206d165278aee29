"""Where each loop of training runs: Python, a TensorFlow graph, or XLA
(chapter 8).

Training an epoch is three nested loops: over the windows of the epoch,
over the steps (and layers) of a window, over the operations of one step.
Each way of running the model places each loop somewhere; the further in
Python stops, the fewer trips from Python into TensorFlow an epoch costs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib import patches, ticker

from rnnbook.drawing import COLORS, figure

__all__ = [
    "PLACES",
    "LOOPS",
    "plot_loop_places",
    "plot_timings",
    "plot_scaling_sweep",
]

# where a loop can run -> the colour it is drawn in
PLACES = {
    "Python": COLORS["target"],
    "graph": COLORS["input"],
    "XLA": COLORS["prediction"],
}
LOOPS = ("windows of an epoch", "steps of a window", "ops of a step")


def plot_loop_places(
    places: Mapping[str, Sequence[str]],
    calls: Mapping[str, str],
    *,
    title: str,
) -> None:
    """One row per variant: where each of the three loops runs, and how many
    calls from Python into TensorFlow an epoch costs.

    ``places[name]`` holds one of :data:`PLACES` per loop of :data:`LOOPS`;
    ``calls[name]`` is the text of the last column.
    """
    for name, row in places.items():
        if len(row) != len(LOOPS) or any(p not in PLACES for p in row):
            raise ValueError(
                f"places[{name!r}] must name one of {sorted(PLACES)} for "
                f"each of the {len(LOOPS)} loops {LOOPS}, got {row!r}."
            )
    missing = [name for name in places if name not in calls]
    if missing:
        raise ValueError(
            f"calls needs the calls per epoch of every variant; missing "
            f"{missing}."
        )
    names = list(places)
    height = 0.42 * len(names) + 1.3
    with figure(1, 1, figsize=(8, height)) as (fig, ax):
        columns = [*LOOPS, "Python calls\nper epoch"]
        left, width = 3.0, 1.25
        for column, label in enumerate(columns):
            ax.text(
                left + (column + 0.5) * width,
                len(names) + 0.1,
                label.replace(" of ", "\nof ", 1)
                if "\n" not in label
                else label,
                ha="center",
                va="bottom",
                fontsize=9,
            )
        for row, name in enumerate(names):
            y = len(names) - 1 - row
            ax.text(left - 0.1, y + 0.5, name, ha="right", va="center")
            for column, place in enumerate(places[name]):
                ax.add_patch(
                    patches.Rectangle(
                        (left + column * width + 0.04, y + 0.08),
                        width - 0.08,
                        0.84,
                        color=PLACES[place],
                        alpha=0.85,
                    )
                )
                ax.text(
                    left + (column + 0.5) * width,
                    y + 0.5,
                    place,
                    ha="center",
                    va="center",
                    color="white",
                    fontweight="bold",
                    fontsize=9,
                )
            ax.text(
                left + (len(LOOPS) + 0.5) * width,
                y + 0.5,
                calls[name],
                ha="center",
                va="center",
                fontsize=9,
            )
        ax.set_xlim(0, left + len(columns) * width)
        ax.set_ylim(0, len(names) + 1.0)
        ax.axis("off")
        ax.set_title(title, fontsize=11)


def _checked_rows(name: str, rows, count: int) -> np.ndarray:
    values = np.asarray(rows, dtype=float)
    if values.ndim != 2 or values.shape[0] != count or values.shape[1] < 1:
        raise ValueError(
            f"{name} must hold one list of repeats per variant ({count}), "
            f"got shape {values.shape}; pad short rows with nan."
        )
    return values


def plot_timings(
    names: Sequence[str],
    ms_per_window: Sequence[Sequence[float]],
    first_epoch_seconds: Sequence[float],
    *,
    title: str,
) -> None:
    """Two panels of horizontal bars, one bar per variant: the median time
    per window with a line from the fastest to the slowest repeat, and the
    first epoch (one measurement; nan: not measured, no bar).

    ``ms_per_window[i]`` holds variant ``i``'s repeats (nan-padded).
    """
    repeats = _checked_rows("ms_per_window", ms_per_window, len(names))
    first = np.asarray(first_epoch_seconds, dtype=float)
    if first.shape != (len(names),):
        raise ValueError(
            f"first_epoch_seconds needs one value per variant ({len(names)}),"
            f" got {first.shape}."
        )
    median = np.nanmedian(repeats, axis=1)
    low, high = np.nanmin(repeats, axis=1), np.nanmax(repeats, axis=1)
    positions = np.arange(len(names))[::-1]
    with figure(1, 2, figsize=(8, 0.42 * len(names) + 1.6), sharey=True) as (
        fig,
        (left, right),
    ):
        left.barh(positions, median, color=COLORS["input"], height=0.6)
        left.errorbar(
            median,
            positions,
            xerr=[median - low, high - median],
            fmt="none",
            ecolor="black",
            capsize=3,
            lw=1,
        )
        for y, value, top in zip(positions, median, high):
            left.text(top * 1.1, y, f"{value:.3g}", va="center", fontsize=8)
        left.set_xlim(np.nanmin(low) / 2, np.nanmax(high) * 5)
        left.set_title(
            "ms per training window\n(median; line: fastest to slowest)",
            fontsize=10,
        )
        known = ~np.isnan(first)
        right.barh(
            positions[known], first[known], color=COLORS["muted"], height=0.6
        )
        for y, value in zip(positions[known], first[known]):
            right.text(value * 1.1, y, f"{value:.3g}", va="center", fontsize=8)
        for y in positions[~known]:
            right.text(
                np.nanmin(first), y, "not measured", va="center", fontsize=8
            )
        right.set_xlim(np.nanmin(first) / 2, np.nanmax(first) * 4)
        right.set_title("first epoch, compiling included (s)", fontsize=10)
        for ax in (left, right):
            ax.set_xscale("log")
            ax.xaxis.set_major_locator(ticker.LogLocator(subs=(1.0, 3.0)))
            ax.xaxis.set_major_formatter(ticker.FormatStrFormatter("%g"))
            ax.xaxis.set_minor_formatter(ticker.NullFormatter())
            ax.grid(axis="x", alpha=0.3)
        left.set_yticks(positions)
        left.set_yticklabels(names)
        fig.suptitle(title, fontsize=11)


def plot_scaling_sweep(
    sweeps: Mapping[str, tuple[Sequence[int], Sequence[Sequence[float]]]],
    *,
    ylabel: str,
) -> None:
    """One panel per sweep, log-log: the median of the repeats at each size
    with a line from the fastest to the slowest repeat, and a dashed line for
    time growing in proportion to the size, from the first point.

    ``sweeps[xlabel] = (sizes, repeats)``, ``repeats[i]`` the measured
    values at ``sizes[i]``.
    """
    with figure(1, len(sweeps), figsize=(8, 3.4)) as (fig, axes):
        axes = np.atleast_1d(axes)
        for ax, (xlabel, (sizes, rows)) in zip(axes, sweeps.items()):
            sizes = np.asarray(sizes, dtype=float)
            values = _checked_rows(f"sweeps[{xlabel!r}]", rows, len(sizes))
            median = np.nanmedian(values, axis=1)
            ax.errorbar(
                sizes,
                median,
                yerr=[
                    median - np.nanmin(values, axis=1),
                    np.nanmax(values, axis=1) - median,
                ],
                marker="o",
                color=COLORS["input"],
                capsize=3,
                label="measured",
            )
            ax.plot(
                sizes,
                median[0] * sizes / sizes[0],
                ls="--",
                color=COLORS["muted"],
                label="in proportion to the size",
            )
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.xaxis.set_major_locator(ticker.FixedLocator(sizes))
            ax.xaxis.set_major_formatter(ticker.FormatStrFormatter("%g"))
            ax.xaxis.set_minor_locator(ticker.NullLocator())
            ax.yaxis.set_major_locator(ticker.LogLocator(subs=(1.0, 3.0)))
            ax.yaxis.set_major_formatter(ticker.FormatStrFormatter("%g"))
            ax.yaxis.set_minor_formatter(ticker.NullFormatter())
            ax.set_xlabel(xlabel)
            ax.set_ylabel(ylabel)
            ax.grid(alpha=0.3)
        axes[0].legend(fontsize=8, loc="upper left")
