"""Data charts: training, LSTM gates, timings, curves over seeds, bars.

Training curves with predictions (drawn by
:mod:`rnnbook.training_charts`, and available here as
:func:`plot_training`), LSTM gates over time, timings and accuracies
against a setting, bars side by side.

Every ``plot_*`` function draws one figure with :func:`rnnbook.drawing.figure`
(which shows and closes it) and returns None; :func:`plot_curves` can also
draw into one panel of a figure the caller composes.
"""

from __future__ import annotations

import numpy as np
from matplotlib import ticker
from matplotlib.axes import Axes

from rnnbook.drawing import COLORS, VARIANT_COLORS, bits, figure
from rnnbook.training_charts import plot_training

__all__ = [
    "plot_training",
    "plot_lstm_gates",
    "plot_scaling",
    "plot_curves",
    "plot_bars",
]


def plot_lstm_gates(
    x: np.ndarray,
    y: np.ndarray,
    traces: dict[str, np.ndarray],
    title: str | None = None,
    gates: str = "ifo",
) -> None:
    """Heat maps of LSTM gates and states over time, under the bits.

    ``x`` and ``y`` are the ``[T]`` bits of one batch row; ``traces`` maps a
    name (``"f"``, ``"i"``, ``"o"``, ``"c"`` ...) to a ``[T, units]`` array.
    Traces named in ``gates`` are drawn on a 0-to-1 scale, the others (states)
    on a scale symmetric around 0.
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
    with figure(
        len(traces) + 1,
        1,
        figsize=(10, 1.2 + 1.05 * (len(traces) + 1)),
        sharex=True,
        gridspec_kw={"height_ratios": [0.7] + [1] * len(traces)},
    ) as (fig, axes):
        axes[0].bar(
            np.arange(steps),
            x,
            width=0.8,
            color=COLORS["input"],
            alpha=0.4,
            label="input",
        )
        axes[0].bar(
            np.arange(steps),
            y * 0.5,
            width=0.4,
            color=COLORS["target"],
            label="target (x0.5)",
        )
        axes[0].set_yticks([])
        axes[0].legend(
            fontsize=7,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
        )
        for ax, (name, values) in zip(axes[1:], traces.items()):
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
            ax.set_ylabel(name, rotation=0, ha="right", va="center")
            ax.set_yticks(range(values.shape[0]))
            ax.tick_params(axis="y", labelsize=7)
            fig.colorbar(image, ax=ax, pad=0.01, fraction=0.03)
        axes[-1].set_xlabel("time step in the window")
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


def plot_scaling(
    lengths: list[int],
    series: dict[str, dict[str, list[float]]],
    xlabel: str,
    title: str,
) -> None:
    """Log-log panels, one per measure, one line per variant.

    ``series[measure][variant]`` holds one value per entry of ``lengths``;
    missing measurements are ``nan`` and left out of the line.
    """
    series = {
        measure: {
            variant: _values(
                f"series[{measure!r}][{variant!r}]", values, len(lengths)
            )
            for variant, values in variants.items()
        }
        for measure, variants in series.items()
    }
    with figure(
        1, len(series), figsize=(5.2 * len(series), 3.8), squeeze=False
    ) as (fig, axes):
        for ax, (measure, variants) in zip(axes[0], series.items()):
            for index, (variant, values) in enumerate(variants.items()):
                known = ~np.isnan(values)
                ax.plot(
                    np.asarray(lengths)[known],
                    values[known],
                    marker="o",
                    color=VARIANT_COLORS[index % len(VARIANT_COLORS)],
                    label=variant,
                )
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xticks(lengths)
            ax.set_xticklabels([str(n) for n in lengths])
            ax.minorticks_off()
            ax.yaxis.set_major_locator(ticker.LogLocator(subs=(1.0, 2.0, 5.0)))
            ax.yaxis.set_major_formatter(
                ticker.FuncFormatter(lambda value, _: f"{value:g}")
            )
            ax.set_xlabel(xlabel)
            ax.set_title(measure, fontsize=10)
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8)
        fig.suptitle(title, fontsize=11)


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


def plot_bars(
    names: list[str],
    measures: dict[str, list[float]],
    *,
    title: str,
    highlight: str | None = None,
    panel_width: float = 5.6,
) -> None:
    """Horizontal bars: one panel per measure (log scale), one bar per name.

    Missing values are nan and get no bar; each panel is ``panel_width``
    inches wide.
    """
    measures = {
        measure: _values(f"measures[{measure!r}]", values, len(names))
        for measure, values in measures.items()
    }
    colors = np.asarray(
        [
            COLORS["target"] if name == highlight else COLORS["input"]
            for name in names
        ]
    )
    positions = np.arange(len(names))[::-1]
    with figure(
        1,
        len(measures),
        figsize=(panel_width * len(measures), 0.45 * len(names) + 1.6),
        sharey=True,
        squeeze=False,
    ) as (fig, axes):
        for ax, (measure, values) in zip(axes[0], measures.items()):
            known = ~np.isnan(values)
            ax.barh(
                positions[known],
                values[known],
                color=colors[known],
                height=0.6,
            )
            for y, value in zip(positions[known], values[known]):
                ax.text(
                    value * 1.08, y, f"{value:.3g}", va="center", fontsize=8
                )
            ax.set_xscale("log")
            ax.set_xlim(np.nanmin(values) / 2, np.nanmax(values) * 4)
            ax.set_title(measure, fontsize=10)
            ax.grid(axis="x", alpha=0.3)
        axes[0][0].set_yticks(positions)
        axes[0][0].set_yticklabels(names)
        fig.suptitle(title, fontsize=11)
