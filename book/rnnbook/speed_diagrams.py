"""Where each loop of training runs: Python, a TensorFlow graph, or XLA
(chapter 8).

Training an epoch is three nested loops: over the windows of the epoch,
over the steps (and layers) of a window, over the operations of one step.
Each way of running the model places each loop somewhere; the further in
Python stops, the fewer trips from Python into TensorFlow an epoch costs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib import patches

from rnnbook.drawing import COLORS, figure

__all__ = ["PLACES", "LOOPS", "plot_loop_places"]

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
