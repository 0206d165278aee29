"""Figures shared by the chapters. Every ``plot_*`` function draws one figure,
shows it and returns None.

Returning None keeps notebooks free of stray ``<Figure ...>`` lines; tests
reach the figure through ``matplotlib.pyplot.gcf()``. The one exception is
:func:`plot_curves` given an ``ax``: it then draws into a figure the caller
made (inside :func:`style`) and shows.
"""

from __future__ import annotations

import numpy as np
from matplotlib import patches, ticker
from matplotlib import pyplot as plt

from rnnbook import baselines
from rnnbook._checks import integer_matrix, positive_int
from rnnbook.data import EchoTask
from rnnbook.training import History

__all__ = [
    "COLORS",
    "style",
    "plot_series",
    "plot_batch_rows",
    "plot_truncated_bptt",
    "plot_training",
    "plot_lstm_cell",
    "plot_lstm_gates",
    "plot_reshape",
    "plot_scaling",
    "plot_curves",
    "plot_bars",
]

COLORS = {
    "input": "#4C72B0",
    "target": "#DD8452",
    "prediction": "#55A868",
    "state": "#8172B3",
    "gradient": "#C44E52",
    "muted": "#8C8C8C",
}
# Seaborn's "deep" palette, written out: one colour per batch row, or per
# time step. Time steps skip its grey, which this book keeps for "muted".
DEEP = [
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
ROW_COLORS = DEEP[:8]
TIME_COLORS = DEEP[:7] + DEEP[8:]

# White figures stay readable on the book's dark theme too.
STYLE = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.size": 10,
}


def style():
    """The book's figure style: ``with plots.style(): ...``."""
    return plt.rc_context(STYLE)


def _bits(name: str, values: object) -> np.ndarray:
    values = np.asarray(values)
    if values.ndim != 1 or not np.issubdtype(values.dtype, np.integer):
        raise ValueError(
            f"{name} must be a 1-D integer array of bits, got shape "
            f"{values.shape} and dtype {values.dtype}."
        )
    return values


def _tape(
    ax, bits: np.ndarray, y: float, color: str, label: str, x0: float = 0.0
) -> None:
    """Draw ``bits`` as a row of unit squares, filled where the bit is 1."""
    for t, bit in enumerate(bits):
        ax.add_patch(
            patches.Rectangle(
                (x0 + t, y),
                0.9,
                0.9,
                facecolor=color if bit else "white",
                edgecolor=color,
                linewidth=1.2,
            )
        )
        ax.text(
            x0 + t + 0.45,
            y + 0.45,
            str(int(bit)),
            ha="center",
            va="center",
            color="white" if bit else color,
            fontsize=8,
        )
    ax.text(x0 - 0.4, y + 0.45, label, ha="right", va="center", fontsize=10)


def _blank(ax) -> None:
    ax.set_aspect("equal")
    ax.axis("off")


def plot_series(
    x: np.ndarray, y: np.ndarray, echo_step: int, steps: int = 24
) -> None:
    """The start of a series and its echo, arrows from each bit to its copy."""
    x, y = _bits("x", x), _bits("y", y)
    echo_step = positive_int("echo_step", echo_step)
    steps = min(positive_int("steps", steps), len(x))
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(min(2 + steps * 0.42, 14), 2.6))
        _tape(ax, x[:steps], 2.0, COLORS["input"], "input x")
        _tape(ax, y[:steps], 0.0, COLORS["target"], "target y")
        for t in range(echo_step, steps, max(1, steps // 6)):
            ax.annotate(
                "",
                xy=(t + 0.45, 0.95),
                xytext=(t - echo_step + 0.45, 1.95),
                arrowprops=dict(
                    arrowstyle="->", color=COLORS["muted"], linewidth=1
                ),
            )
        ax.text(
            echo_step / 2 - 0.05,
            -0.55,
            f"first {echo_step} targets: nothing to echo yet, set to 0",
            ha="left",
            va="center",
            fontsize=8,
            color=COLORS["muted"],
        )
        ax.set_xlim(-3.5, steps + 0.5)
        ax.set_ylim(-1, 3.2)
        _blank(ax)
        ax.set_title(
            f"y[t] = x[t - {echo_step}]: the target "
            f"is the input, {echo_step} steps late"
        )
        plt.show()


def plot_batch_rows(series: np.ndarray, batch_size: int) -> None:
    """A short series, and the ``[batch_size, -1]`` matrix reshaping gives."""
    series = _bits("series", series)
    batch_size = positive_int("batch_size", batch_size)
    if len(series) % batch_size:
        raise ValueError(
            f"a series of {len(series)} steps does not split into "
            f"{batch_size} equal rows."
        )
    row_length = len(series) // batch_size
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(
            figsize=(min(2 + len(series) * 0.3, 14), 1.2 + 0.5 * batch_size)
        )
        for t, bit in enumerate(series):
            color = ROW_COLORS[(t // row_length) % len(ROW_COLORS)]
            ax.add_patch(
                patches.Rectangle(
                    (t * 0.5, batch_size + 0.4),
                    0.45,
                    0.45,
                    facecolor=color if bit else "white",
                    edgecolor=color,
                )
            )
        ax.text(
            -0.4, batch_size + 0.62, "flat series", ha="right", va="center"
        )
        for row in range(batch_size):
            color = ROW_COLORS[row % len(ROW_COLORS)]
            for t in range(row_length):
                bit = series[row * row_length + t]
                ax.add_patch(
                    patches.Rectangle(
                        (t * 0.5, batch_size - 1 - row),
                        0.45,
                        0.45,
                        facecolor=color if bit else "white",
                        edgecolor=color,
                    )
                )
            ax.text(
                -0.4,
                batch_size - 1 - row + 0.22,
                f"row {row}",
                ha="right",
                va="center",
            )
        ax.set_xlim(-3.2, len(series) * 0.5 + 0.2)
        ax.set_ylim(-0.3, batch_size + 1)
        _blank(ax)
        ax.set_title(
            f"reshape(batch_size={batch_size}, -1): consecutive stretches "
            "become parallel rows"
        )
        plt.show()


def plot_truncated_bptt(
    truncated_backprop_length: int, echo_step: int, num_windows: int = 3
) -> None:
    """A batch row cut into windows: state crosses each edge, gradients not."""
    window = positive_int(
        "truncated_backprop_length", truncated_backprop_length
    )
    echo_step = positive_int("echo_step", echo_step)
    num_windows = positive_int("num_windows", num_windows)
    steps = window * num_windows
    state_y, input_y, gradient_y = 1.0, 0.0, 1.75
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(min(2 + steps * 0.3, 15), 3.6))
        for w in range(num_windows):
            ax.add_patch(
                patches.Rectangle(
                    (w * window - 0.5, -0.6),
                    window,
                    3.0,
                    facecolor="#F2F2F2" if w % 2 else "#E6ECF5",
                    edgecolor="none",
                )
            )
            ax.text(
                w * window + window / 2 - 0.5,
                2.6,
                f"window {w + 1}",
                ha="center",
            )
        for t in range(steps):
            ax.add_patch(
                patches.Rectangle(
                    (t - 0.3, input_y - 0.3),
                    0.6,
                    0.6,
                    facecolor="white",
                    edgecolor=COLORS["input"],
                    linewidth=1,
                )
            )
            ax.annotate(
                "",
                xy=(t, state_y - 0.28),
                xytext=(t, input_y + 0.3),
                arrowprops=dict(
                    arrowstyle="->", color=COLORS["input"], linewidth=0.8
                ),
            )
            ax.add_patch(
                patches.Circle(
                    (t, state_y),
                    0.28,
                    facecolor="white",
                    edgecolor=COLORS["state"],
                    linewidth=1.5,
                )
            )
            if t + 1 < steps:
                crossing = (t + 1) % window == 0
                ax.annotate(
                    "",
                    xy=(t + 0.72, state_y),
                    xytext=(t + 0.28, state_y),
                    arrowprops=dict(
                        arrowstyle="->",
                        color=COLORS["state"],
                        linewidth=2.6 if crossing else 1.2,
                    ),
                )
        for w in range(num_windows):
            first, last = w * window, (w + 1) * window - 1
            ax.annotate(
                "",
                xy=(first - 0.1, gradient_y),
                xytext=(last + 0.1, gradient_y),
                arrowprops=dict(
                    arrowstyle="->",
                    color=COLORS["gradient"],
                    linestyle="--",
                    linewidth=1.4,
                ),
            )
            if w:
                ax.plot(
                    first - 0.5,
                    gradient_y,
                    marker="X",
                    color=COLORS["gradient"],
                    markersize=10,
                )
        if num_windows > 1 and echo_step < steps:
            target = window + min(echo_step, window) - 1
            ax.annotate(
                "",
                xy=(target, input_y - 0.32),
                xytext=(target - echo_step, input_y - 0.32),
                arrowprops=dict(
                    arrowstyle="->",
                    color=COLORS["target"],
                    linewidth=1.8,
                    connectionstyle="arc3,rad=0.45",
                ),
            )
        handles = [
            plt.Line2D(
                [],
                [],
                color=COLORS["input"],
                marker="s",
                markerfacecolor="white",
                linestyle="",
                label="input bit",
            ),
            plt.Line2D(
                [],
                [],
                color=COLORS["state"],
                marker="o",
                markerfacecolor="white",
                linewidth=2,
                label="state, carried across every window edge",
            ),
            plt.Line2D(
                [],
                [],
                color=COLORS["gradient"],
                linestyle="--",
                marker="X",
                markevery=[1],
                label="gradient, cut at the window edge",
            ),
            plt.Line2D(
                [],
                [],
                color=COLORS["target"],
                linewidth=1.8,
                label=f"an echo of {echo_step} steps that needs the "
                "previous window",
            ),
        ]
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            ncol=2,
            frameon=False,
            fontsize=9,
        )
        ax.set_xlim(-0.8, steps - 0.2)
        ax.set_ylim(-1.2, 2.9)
        _blank(ax)
        ax.set_title(
            "truncated backpropagation through "
            f"time, windows of {window} steps"
        )
        fig.tight_layout()
        plt.show()


def plot_training(
    history: History, task: EchoTask, title: str | None = None, rows: int = 5
) -> None:
    """The 2016 figure, redrawn: the loss curve, then predictions on one
    held-out window per batch row.

    Each row panel shows the input bits (tall bars), the targets (half height)
    and the predicted probability that the bit is 1 (narrow bars, scaled to
    0.3), for the last held-out window.
    """
    if not isinstance(history, History) or history.evaluation is None:
        raise ValueError(
            "history must be a History returned by training.fit() after at "
            "least one epoch."
        )
    evaluation = history.evaluation
    rows = min(positive_int("rows", rows), evaluation.x.shape[0])
    window = task.truncated_backprop_length
    steps = np.arange(window)
    x = integer_matrix("x", evaluation.x)[:, -window:]
    y = evaluation.y[:, -window:]
    p1 = evaluation.probabilities[:, -window:, 1]

    with plt.rc_context(STYLE):
        columns = 3
        grid_rows = int(np.ceil((rows + 1) / columns))
        fig, axes = plt.subplots(
            grid_rows, columns, figsize=(12, 3.1 * grid_rows), squeeze=False
        )
        ax = axes.flat[0]
        losses = np.asarray(history.window_losses)
        ax.plot(
            np.arange(1, len(losses) + 1),
            losses,
            color=COLORS["input"],
            linewidth=0.6,
            alpha=0.5,
            label="per window",
        )
        if len(losses) >= 20:
            k = max(len(losses) // 50, 5)
            smooth = np.convolve(losses, np.ones(k) / k, mode="valid")
            ax.plot(
                np.arange(k, len(losses) + 1),
                smooth,
                color=COLORS["input"],
                linewidth=1.6,
                label=f"mean of {k}",
            )
        ax.axhline(
            baselines.chance_loss(2),
            color=COLORS["muted"],
            linestyle=":",
            label="chance, ln 2",
        )
        ax.axhline(
            baselines.window_bound_loss(task.echo_step, window),
            color=COLORS["target"],
            linestyle="--",
            label="window-bound",
        )
        ax.set_yscale("log")
        ax.set_xlabel("training window")
        ax.set_ylabel("loss")
        ax.set_title("training loss")
        ax.legend(fontsize=7, loc="upper right", framealpha=0.9)

        for row, ax in enumerate(axes.flat[1:]):
            if row >= rows:
                ax.axis("off")
                continue
            # Nested bars: the input behind, the target, the prediction
            # in front, each scaled so that all three stay visible.
            bars = (
                (x[row], 0.9, COLORS["input"], 0.35, "input"),
                (y[row] * 0.5, 0.6, COLORS["target"], 1.0, "target (x0.5)"),
                (p1[row] * 0.3, 0.3, COLORS["prediction"], 1.0, "P(1) (x0.3)"),
            )
            for heights, width, color, alpha, label in bars:
                ax.bar(
                    steps,
                    heights,
                    width=width,
                    color=color,
                    alpha=alpha,
                    label=label,
                )
            ax.set_ylim(0, 1.05)
            ax.set_xlim(-0.6, window - 0.4)
            ax.set_yticks([0, 0.3, 0.5, 1])
            ax.set_title(f"batch row {row}, last held-out window", fontsize=9)
            if row == 0:
                ax.legend(fontsize=7, loc="upper right", framealpha=0.9)
        fig.suptitle(
            title or f"held-out accuracy {evaluation.accuracy:.4f}",
            fontsize=11,
        )
        fig.tight_layout()
        plt.show()


def _box(ax, center, text, color, width=0.9, height=0.6) -> None:
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


def _node(ax, center, symbol, color=COLORS["muted"]) -> None:
    ax.add_patch(
        patches.Circle(
            center, 0.25, facecolor="white", edgecolor=color, linewidth=1.5
        )
    )
    ax.text(
        *center, symbol, ha="center", va="center", fontsize=12, color=color
    )


def _arrow(ax, start, end, color=COLORS["muted"], **style) -> None:
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops=dict(
            arrowstyle="->",
            color=color,
            linewidth=1.4,
            shrinkA=0,
            shrinkB=0,
            **style,
        ),
    )


def plot_lstm_cell() -> None:
    """A diagram of one LSTM step: three gates, the candidate, two states."""
    gate, candidate = COLORS["state"], COLORS["target"]
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9, 4.6))
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
        _arrow(ax, (0.0, 3.9), (2.25, 3.9), COLORS["input"])
        _node(ax, (2.5, 3.9), "×")
        _arrow(ax, (2.75, 3.9), (4.75, 3.9), COLORS["input"])
        _node(ax, (5.0, 3.9), "+")
        _arrow(ax, (5.25, 3.9), (9.0, 3.9), COLORS["input"])
        ax.text(-0.05, 4.1, "$c_{t-1}$", fontsize=12, ha="left")
        ax.text(8.55, 4.1, "$c_t$", fontsize=12)
        _arrow(ax, (0.0, 0.9), (1.4, 0.9))
        ax.text(-0.05, 0.55, "$h_{t-1}$", fontsize=12)
        _arrow(ax, (1.4, -0.2), (1.4, 0.85))
        ax.text(1.5, -0.25, "$x_t$", fontsize=12)
        ax.plot([1.4, 6.5], [0.9, 0.9], color=COLORS["muted"], linewidth=1.4)
        boxes = [
            (2.5, "σ", "f", gate),
            (3.7, "σ", "i", gate),
            (5.0, "tanh", "g", candidate),
            (6.3, "σ", "o", gate),
        ]
        for x, label, name, color in boxes:
            _arrow(ax, (x, 0.9), (x, 1.6))
            _box(ax, (x, 1.9), label, color)
            ax.text(x + 0.5, 1.45, f"${name}_t$", fontsize=11, color=color)
        _arrow(ax, (2.5, 2.2), (2.5, 3.65), gate)  # forget gate scales c_{t-1}
        _node(ax, (4.35, 3.0), "×")
        _arrow(ax, (3.7, 2.2), (4.15, 2.85), gate)  # input gate ...
        _arrow(ax, (5.0, 2.2), (4.55, 2.85), candidate)  # ... times candidate
        _arrow(ax, (4.35, 3.25), (4.85, 3.75))  # added to the cell state
        _box(ax, (7.3, 3.1), "tanh", candidate, width=0.8, height=0.45)
        _arrow(ax, (7.3, 3.9), (7.3, 3.35), COLORS["input"])
        _node(ax, (7.3, 2.1), "×")
        _arrow(ax, (7.3, 2.87), (7.3, 2.35), candidate)
        _arrow(ax, (6.3, 2.2), (7.05, 2.1), gate)
        _arrow(ax, (7.3, 1.85), (7.3, 0.9))
        _arrow(ax, (7.3, 0.9), (9.0, 0.9))
        ax.text(8.55, 0.55, "$h_t$", fontsize=12)
        _arrow(ax, (8.0, 0.9), (8.0, 4.9 - 0.3))
        ax.text(8.1, 4.55, "output $h_t$", fontsize=10)
        ax.text(
            4.4,
            -0.25,
            "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$      $h_t = o_t "
            "\\odot \\tanh(c_t)$",
            fontsize=11,
            ha="center",
        )
        ax.set_xlim(-0.2, 9.3)
        ax.set_ylim(-0.5, 4.9)
        _blank(ax)
        ax.set_title(
            "one LSTM step: forget (f), input "
            "(i) and output (o) gates, candidate g"
        )
        fig.tight_layout()
        plt.show()


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
    x, y = _bits("x", x), _bits("y", y)
    steps = len(x)
    for name, values in traces.items():
        if (
            np.asarray(values).shape[0] != steps
            or np.asarray(values).ndim != 2
        ):
            raise ValueError(
                f"traces[{name!r}] must have shape [T={steps}, units], got "
                f"{np.asarray(values).shape}."
            )
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(
            len(traces) + 1,
            1,
            figsize=(10, 1.2 + 1.05 * (len(traces) + 1)),
            sharex=True,
            gridspec_kw={"height_ratios": [0.7] + [1] * len(traces)},
        )
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
            values = np.asarray(values).T
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
        fig.tight_layout()
        plt.show()


def _matrix(
    ax,
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
        for c in range(values.shape[1]):
            color = colors[r] if colors else "#B0B0B0"
            ax.add_patch(
                patches.Rectangle(
                    (x0 + c, y),
                    0.95,
                    0.9,
                    facecolor=color,
                    alpha=0.3,
                    edgecolor=color,
                )
            )
            ax.text(
                x0 + c + 0.47,
                y + 0.45,
                fmt.format(values[r, c]),
                ha="center",
                va="center",
                fontsize=7.5,
            )
    ax.text(
        x0 + values.shape[1] / 2,
        max(rows_y) + 1.3,
        title,
        ha="center",
        va="bottom",
        fontsize=9,
    )


def plot_reshape(
    states_series: np.ndarray,
    W2: np.ndarray,
    b2: np.ndarray,
    logits: np.ndarray,
    labels: np.ndarray,
) -> None:
    """The chapter 6 figure: ``[batch, T, state]`` outputs reshaped to rows,
    times ``W2``, plus ``b2``.

    Rows are coloured by time step and grouped by batch row, which is the
    C order of the reshape: the time index changes fastest.
    """
    states_series = np.asarray(states_series)
    if states_series.ndim != 3:
        raise ValueError(
            "states_series must be [batch_size, T, state_size], got shape "
            f"{states_series.shape}."
        )
    batch_size, steps, state_size = states_series.shape
    if steps > len(TIME_COLORS):
        raise ValueError(
            "the figure colours at most "
            f"{len(TIME_COLORS)} time steps; got T={steps}."
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
                f"{name} must have shape {expected[name]}, got {array.shape}."
            )

    flat = states_series.reshape(rows, state_size)
    gap = 0.6
    rows_y = [-(r + (r // steps) * gap) for r in range(rows)]
    colors = [TIME_COLORS[r % steps] for r in range(rows)]
    num_classes = W2.shape[1]
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(12, 0.42 * rows + 2.2))

        def operator(symbol: str, at: float) -> None:
            # Between two matrices, level with the middle row.
            middle_row = rows_y[rows // 2] + 0.45
            ax.text(
                at, middle_row, symbol, ha="center", va="center", fontsize=14
            )

        x = 0.0
        _matrix(
            ax,
            flat,
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
        _matrix(
            ax, logits, x, rows_y, colors, f"logits\n[{rows}, {num_classes}]"
        )
        x += num_classes + 1.2
        _matrix(
            ax,
            labels[:, None],
            x,
            rows_y,
            colors,
            f"labels\n[{rows}]",
            fmt="{:d}",
        )
        handles = [
            patches.Patch(
                facecolor=TIME_COLORS[t], alpha=0.4, label=f"time step {t}"
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
        ax.set_xlim(-1.6, x + 1.5)
        ax.set_ylim(min(rows_y) - 0.4, max(rows_y) + 2.6)
        _blank(ax)
        ax.set_title(
            "reshape in C order: the time step "
            "changes fastest, the batch row slowest"
        )
        fig.tight_layout()
        plt.show()


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
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(
            1, len(series), figsize=(5.2 * len(series), 3.8), squeeze=False
        )
        for ax, (measure, variants) in zip(axes[0], series.items()):
            for index, (variant, values) in enumerate(variants.items()):
                values = np.asarray(values, dtype=float)
                if values.shape != (len(lengths),):
                    raise ValueError(
                        f"series[{measure!r}][{variant!r}] needs "
                        f"{len(lengths)} values, got {values.shape}."
                    )
                known = ~np.isnan(values)
                ax.plot(
                    np.asarray(lengths)[known],
                    values[known],
                    marker="o",
                    color=TIME_COLORS[index % len(TIME_COLORS)],
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
        fig.tight_layout()
        plt.show()


def plot_curves(
    x: list[float],
    curves: dict[str, np.ndarray],
    *,
    xlabel: str,
    ylabel: str,
    title: str,
    references: dict[str, float] | None = None,
    ax=None,
) -> None:
    """One line per named curve: the mean over repeats, with a band from the
    lowest to the highest.

    ``curves[name]`` is ``[repeats, len(x)]``; ``references`` draws labelled
    horizontal lines (baselines). Pass ``ax`` to draw into an existing panel
    (then the caller shows the figure).
    """
    own_figure = ax is None
    with plt.rc_context(STYLE):
        if own_figure:
            fig, ax = plt.subplots(figsize=(7.5, 4))
        for index, (name, values) in enumerate(curves.items()):
            values = np.atleast_2d(np.asarray(values, dtype=float))
            if values.shape[1] != len(x):
                raise ValueError(
                    f"curves[{name!r}] needs {len(x)} values per repeat, got "
                    f"shape {values.shape}."
                )
            color = TIME_COLORS[index % len(TIME_COLORS)]
            ax.plot(
                x,
                values.mean(axis=0),
                marker="o",
                markersize=3.5,
                color=color,
                label=f"{name} (mean of {values.shape[0]})"
                if values.shape[0] > 1
                else name,
            )
            if values.shape[0] > 1:
                ax.fill_between(
                    x,
                    values.min(axis=0),
                    values.max(axis=0),
                    color=color,
                    alpha=0.18,
                    linewidth=0,
                )
        for index, (name, level) in enumerate((references or {}).items()):
            ax.axhline(
                level,
                color=COLORS["muted"],
                linestyle=[":", "--", "-."][index % 3],
                linewidth=1,
                label=name,
            )
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.set_title(title, fontsize=10)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
        if own_figure:
            fig.tight_layout()
            plt.show()


def plot_bars(
    names: list[str],
    measures: dict[str, list[float]],
    *,
    title: str,
    highlight: str | None = None,
) -> None:
    """Horizontal bars, one panel per measure (log scale), one bar per named
    variant; missing values are nan."""
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(
            1,
            len(measures),
            figsize=(5.6 * len(measures), 0.45 * len(names) + 1.6),
            sharey=True,
            squeeze=False,
        )
        positions = np.arange(len(names))[::-1]
        for ax, (measure, values) in zip(axes[0], measures.items()):
            values = np.asarray(values, dtype=float)
            if values.shape != (len(names),):
                raise ValueError(
                    f"measures[{measure!r}] needs {len(names)} values, got "
                    f"{values.shape}."
                )
            colors = [
                COLORS["target"] if name == highlight else COLORS["input"]
                for name in names
            ]
            known = ~np.isnan(values)
            ax.barh(
                positions[known],
                values[known],
                color=np.asarray(colors)[known],
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
        fig.tight_layout()
        plt.show()
