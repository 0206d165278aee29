"""Data charts: training, LSTM gates, curves over seeds.

Training curves with predictions (drawn by
:mod:`rnnbook.training_charts`, and available here as
:func:`plot_training`), LSTM gates over time, accuracies or other
measurements against a setting, over seeds.

Every ``plot_*`` function draws one figure with :func:`rnnbook.drawing.figure`
(which shows and closes it) and returns None; :func:`plot_curves` can also
draw into one panel of a figure the caller composes.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from rnnbook.drawing import COLORS, VARIANT_COLORS, bits, figure
from rnnbook.training_charts import plot_training

__all__ = [
    "plot_training",
    "plot_lstm_gates",
    "plot_curves",
]


def plot_lstm_gates(
    x: np.ndarray,
    y: np.ndarray,
    traces: dict[str, np.ndarray],
    title: str | None = None,
    gates: str = "ifo",
    highlight: tuple[str, int] | None = None,
) -> None:
    """Heat maps of LSTM gates and states over time, under the bits.

    ``x`` and ``y`` are the ``[T]`` bits of one batch row, drawn as two rows
    of their own; ``traces`` maps a name (``"f"``, ``"i"``, ``"o"``, ``"c"``
    ...) to a ``[T, units]`` array. Traces named in ``gates`` are drawn on a
    0-to-1 scale, the others (states) on a scale symmetric around 0.
    ``highlight``, e.g. ``("h", 3)``, outlines one unit's row in one map.
    """
    x, y = bits("x", x), bits("y", y)
    steps = len(x)
    if len(y) != steps:
        raise ValueError(
            f"x and y must be the same window, got {steps} and {len(y)} "
            "steps; pass x[row] and y[row] of one window."
        )
    traces = {name: np.asarray(values) for name, values in traces.items()}
    for name, values in traces.items():
        if values.ndim != 2 or values.shape[0] != steps:
            raise ValueError(
                f"traces[{name!r}] must have shape [T={steps}, units], got "
                f"{values.shape}; stack one [units] vector per time step."
            )
    if highlight is not None and (
        highlight[0] not in traces
        or not 0 <= highlight[1] < traces[highlight[0]].shape[1]
    ):
        raise ValueError(
            f"highlight must name a trace and one of its units, got "
            f"{highlight}; e.g. ('h', 0) with traces {sorted(traces)}."
        )
    units = max(values.shape[1] for values in traces.values())
    with figure(
        len(traces) + 2,
        1,
        figsize=(8, 1.4 + (0.35 + 0.22 * units) * len(traces)),
        sharex=True,
        gridspec_kw={"height_ratios": [0.3, 0.3] + [1] * len(traces)},
    ) as (fig, axes):
        for ax, values, label, color in (
            (axes[0], x, "input $x$", COLORS["input"]),
            (axes[1], y, "target $y$", COLORS["target"]),
        ):
            ax.bar(np.arange(steps), values, width=0.8, color=color)
            ax.set_ylim(0, 1.05)
            ax.set_yticks([])
            ax.set_ylabel(label, rotation=0, ha="right", va="center")
            for spine in ("top", "right", "left"):
                ax.spines[spine].set_visible(False)
        for ax, (name, values) in zip(axes[2:], traces.items()):
            values = values.T
            signed = name not in gates
            image = ax.imshow(
                values,
                aspect="auto",
                cmap="RdBu_r" if signed else "viridis",
                vmin=-np.abs(values).max() if signed else 0,
                vmax=np.abs(values).max() if signed else 1,
                interpolation="nearest",
            )
            ax.set_ylabel(
                f"${name}$\nunit", rotation=0, ha="right", va="center"
            )
            ax.set_yticks(range(values.shape[0]))
            ax.tick_params(axis="y", labelsize=9)
            fig.colorbar(image, ax=ax, pad=0.01, fraction=0.03)
            if highlight is not None and highlight[0] == name:
                ax.add_patch(
                    Rectangle(
                        (-0.5, highlight[1] - 0.5),
                        steps,
                        1,
                        fill=False,
                        edgecolor="black",
                        linewidth=2,
                    )
                )
        axes[-1].set_xlabel("time step in the window")
        axes[-1].set_xticks(range(steps))
        axes[0].set_title(title or "LSTM gates and states over one window")


def _values(
    name: str, values: object, length: int, *, repeats: bool = False
) -> np.ndarray:
    """``values`` as floats, one per x position, else a clear error.

    With ``repeats``, a ``[repeats, length]`` array (one row is one repeat);
    without, a ``[length]`` one.
    """
    values = np.asarray(values, dtype=float)
    if repeats:
        values = np.atleast_2d(values)
    if values.ndim != (2 if repeats else 1) or values.shape[-1] != length:
        raise ValueError(
            f"{name} needs {length} values"
            f"{' per repeat' if repeats else ''} (one per x position), got "
            f"shape {values.shape}; use nan for a missing measurement."
        )
    return values


def _draw_curves(
    ax: Axes,
    x: list[float],
    curves: dict[str, np.ndarray],
    references: dict[str, float],
    labels: tuple[str, str, str],
) -> None:
    """Draw the lines, bands, references and labels of :func:`plot_curves`."""
    for index, (name, values) in enumerate(curves.items()):
        color = VARIANT_COLORS[index % len(VARIANT_COLORS)]
        repeats = values.shape[0]
        ax.plot(
            x,
            values.mean(axis=0),
            marker="o",
            markersize=3.5,
            color=color,
            label=f"{name} (mean of {repeats})" if repeats > 1 else name,
        )
        if repeats > 1:
            ax.fill_between(
                x,
                values.min(axis=0),
                values.max(axis=0),
                color=color,
                alpha=0.18,
                linewidth=0,
            )
    for index, (name, level) in enumerate(references.items()):
        ax.axhline(
            level,
            color=COLORS["muted"],
            linestyle=[":", "--", "-."][index % 3],
            linewidth=1,
            label=name,
        )
    xlabel, ylabel, title = labels
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)


def plot_curves(
    x: list[float],
    curves: dict[str, np.ndarray],
    *,
    xlabel: str,
    ylabel: str,
    title: str,
    references: dict[str, float] | None = None,
    ax: Axes | None = None,
) -> None:
    """One line per curve: the mean over repeats, in a band from min to max.

    ``curves[name]`` is ``[repeats, len(x)]`` (or ``[len(x)]`` for one
    repeat); ``references`` draws labelled horizontal lines (baselines).
    Pass ``ax`` to draw into a panel of a figure the caller made with
    :func:`rnnbook.drawing.figure`, which then shows it.
    """
    curves = {
        name: _values(f"curves[{name!r}]", values, len(x), repeats=True)
        for name, values in curves.items()
    }
    labels = (xlabel, ylabel, title)
    if ax is None:
        with figure(figsize=(7.5, 4)) as (_, ax):
            _draw_curves(ax, x, curves, references or {}, labels)
    else:
        _draw_curves(ax, x, curves, references or {}, labels)
