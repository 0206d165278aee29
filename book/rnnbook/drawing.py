"""The book's figure style, and the drawing pieces its figures share.

Every figure of :mod:`rnnbook.diagrams` and :mod:`rnnbook.charts`, and every
figure a chapter composes itself, is drawn inside :func:`figure`::

    with drawing.figure(1, 2, figsize=(11, 4)) as (fig, axes):
        axes[0].plot(...)

which applies the style, lays the panels out, shows the figure and closes
it, so that a plotting cell prints no stray ``<Figure ...>`` line and leaves
no figure open. Arrows go through :func:`arrow`, rows of bits through
:func:`tape` and a diagram's axes through :func:`canvas`, so that every
diagram draws them alike.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
from matplotlib import patches
from matplotlib import pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from rnnbook._checks import positive_int

__all__ = [
    "COLORS",
    "ROW_COLORS",
    "STEP_COLORS",
    "VARIANT_COLORS",
    "RC_PARAMS",
    "figure",
    "arrow",
    "tape",
    "canvas",
    "bits",
]

# One colour per meaning, the same in every figure: an input is blue
# wherever it is drawn, a gradient red.
COLORS = {
    "input": "#4C72B0",
    "target": "#DD8452",
    "prediction": "#55A868",
    "state": "#8172B3",
    "gradient": "#C44E52",
    "muted": "#8C8C8C",
}
# Seaborn's "deep" palette, written out.
_DEEP = [
    "#4C72B0",
    "#DD8452",
    "#55A868",
    "#C44E52",
    "#8172B3",
    "#937860",
    "#DA8BC3",
    "#8C8C8C",
    "#CCB974",
]
# One colour per batch row (the batch-row figure).
ROW_COLORS = _DEEP[:8]
# One colour per time step (the reshape figure). It skips the grey, which
# stands for "muted" next to these colours.
STEP_COLORS = _DEEP[:7] + _DEEP[8:]
# One colour per line of a chart (variants, models, settings); no grey
# either, as grey draws the reference lines beside them.
VARIANT_COLORS = STEP_COLORS

# White figures stay readable on the book's dark theme too.
RC_PARAMS = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.size": 10,
}


@contextlib.contextmanager
def figure(
    nrows: int = 1,
    ncols: int = 1,
    *,
    figsize: tuple[float, float],
    **subplots: Any,
) -> Iterator[tuple[Figure, Any]]:
    """Style a new figure, then lay it out, show it and close it on exit.

    Use it as ``with figure(1, 2, figsize=(8, 3)) as (fig, axes):``. Yields the
    figure and its axes as :func:`matplotlib.pyplot.subplots` returns them
    (``subplots`` are passed on to it, e.g. ``sharey=True``). If the
    drawing fails, the figure is closed unshown and the error raised.
    """
    nrows = positive_int("nrows", nrows)
    ncols = positive_int("ncols", ncols)
    size = np.asarray(figsize, dtype=float)
    if size.shape != (2,) or not np.all(np.isfinite(size) & (size > 0)):
        raise ValueError(
            "figsize must be (width, height) in inches, both positive, got "
            f"{figsize!r}; pass e.g. figsize=(8, 4)."
        )
    # The style must still hold when the figure is rendered, at show().
    with plt.rc_context(RC_PARAMS):
        fig, axes = plt.subplots(nrows, ncols, figsize=figsize, **subplots)
        try:
            yield fig, axes
            fig.tight_layout()
            plt.show()
        finally:
            # show() closes the figure in a notebook, not in a script or a
            # test: close it here too, so that none is left open.
            plt.close(fig)


def _point(name: str, value: object) -> tuple[float, float]:
    """``value`` as an ``(x, y)`` pair of finite numbers, else an error."""
    point = np.asarray(value, dtype=float)
    if point.shape != (2,) or not np.all(np.isfinite(point)):
        raise ValueError(
            f"{name} must be an (x, y) pair of numbers in data coordinates, "
            f"got {value!r}."
        )
    return float(point[0]), float(point[1])


def arrow(
    ax: Axes,
    start: tuple[float, float],
    end: tuple[float, float],
    *,
    color: str = COLORS["muted"],
    linewidth: float = 1.4,
    shrink: float = 0.0,
    **style: Any,
) -> None:
    """An arrow from ``start`` to ``end``, head at ``end``.

    ``shrink`` stops it that many points short of both ends (0: it touches
    them); ``style`` goes to matplotlib's arrow (``linestyle``,
    ``connectionstyle``).
    """
    start, end = _point("start", start), _point("end", end)
    if not linewidth > 0:
        raise ValueError(f"linewidth must be positive, got {linewidth}.")
    if not shrink >= 0:
        raise ValueError(
            f"shrink must be 0 or more points, got {shrink}; use 0 for an "
            "arrow that touches both ends."
        )
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops=dict(
            arrowstyle="->",
            color=color,
            linewidth=linewidth,
            shrinkA=shrink,
            shrinkB=shrink,
            **style,
        ),
    )


def bits(name: str, values: object) -> np.ndarray:
    """``values`` as a 1-D array of 0s and 1s, else a clear error."""
    values = np.asarray(values)
    if values.ndim != 1 or not np.issubdtype(values.dtype, np.integer):
        raise ValueError(
            f"{name} must be a 1-D integer array of bits, got shape "
            f"{values.shape} and dtype {values.dtype}; pass one batch row, "
            "e.g. x[0]."
        )
    if not np.isin(values, (0, 1)).all():
        raise ValueError(
            f"{name} must hold only 0s and 1s, got values "
            f"{sorted(set(values.tolist()) - {0, 1})[:5]}."
        )
    return values


def tape(
    ax: Axes,
    values: object,
    *,
    y: float,
    color: str | Sequence[str],
    x0: float = 0.0,
    pitch: float = 1.0,
    size: float = 0.9,
    label: str | None = None,
    digits: bool = True,
    linewidth: float = 1.2,
) -> None:
    """A row of bits as squares, filled where the bit is 1, labelled left.

    Square ``t`` has its lower left corner at ``(x0 + t * pitch, y)`` and
    side ``size``; ``color`` is one colour or one per bit, and ``digits``
    writes each bit in its square.
    """
    values = bits("values", values)
    colors = [color] * len(values) if isinstance(color, str) else color
    if len(colors) != len(values):
        raise ValueError(
            f"color must be one colour or one per bit ({len(values)}), got "
            f"{len(colors)} colours."
        )
    if not 0 < size <= pitch:
        raise ValueError(
            f"size must be positive and at most pitch ({pitch}), got {size}; "
            "larger squares would overlap."
        )
    for t, (bit, edge) in enumerate(zip(values, colors)):
        left = x0 + t * pitch
        ax.add_patch(
            patches.Rectangle(
                (left, y),
                size,
                size,
                facecolor=edge if bit else "white",
                edgecolor=edge,
                linewidth=linewidth,
            )
        )
        if digits:
            ax.text(
                left + size / 2,
                y + size / 2,
                str(int(bit)),
                ha="center",
                va="center",
                color="white" if bit else edge,
                fontsize=8,
            )
    if label is not None:
        ax.text(
            x0 - 0.4, y + size / 2, label, ha="right", va="center", fontsize=10
        )


def canvas(
    ax: Axes,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    title: str,
) -> None:
    """Make ``ax`` a blank canvas for a diagram, equal units on both axes."""
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    # Equal units keep squares square and circles round.
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title)
