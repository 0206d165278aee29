"""Figures and text layouts of chapter 11: chapter 1's pictures, with letters.

Every ``plot_*`` function draws one figure inside
:func:`rnnbook.drawing.figure`, which styles, shows and closes it, and
returns None.
"""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib import patches

from rnnbook._checks import positive_int
from rnnbook.drawing import COLORS, ROW_COLORS, VARIANT_COLORS, arrow, figure

__all__ = [
    "visible",
    "plot_text_streams",
    "plot_next_character",
    "plot_bpc_by_order",
    "plot_bpc_curves",
    "plot_bpc_by_position",
    "side_by_side",
]

# how a space and a line break show in the figures and the samples
SHOWN = {" ": "\u2423", "\n": "\u21b5"}


def visible(text: str) -> str:
    """``text`` with spaces and line breaks shown as visible symbols."""
    return "".join(SHOWN.get(char, char) for char in text)


def _letters(ax, text: str, x0: float, y: float, color: str) -> None:
    """``text`` as a row of boxes, one character in each."""
    for t, char in enumerate(text):
        ax.add_patch(
            patches.Rectangle(
                (x0 + t, y), 0.9, 0.9, facecolor="white", edgecolor=color
            )
        )
        ax.text(
            x0 + t + 0.45,
            y + 0.42,
            visible(char),
            ha="center",
            va="center",
            color=color,
            fontsize=9,
            family="monospace",
        )


def plot_text_streams(text: str, num_streams: int, window_length: int) -> None:
    """A short text, its ``num_streams`` rows and their windows."""
    num_streams = positive_int("num_streams", num_streams)
    window_length = positive_int("window_length", window_length)
    row_length = (len(text) - 1) // num_streams
    if row_length < window_length:
        raise ValueError(
            f"{len(text)} characters make rows of {row_length}, shorter than "
            f"a window of {window_length}; pass a longer text."
        )
    num_windows = row_length // window_length
    used = num_streams * row_length
    with figure(
        figsize=(min(2.5 + 0.26 * len(text), 15), 1.6 + 0.55 * num_streams)
    ) as (_, ax):
        scale = 0.5  # the flat text is drawn at half size to fit above
        top = num_streams * 1.25 + 0.6
        for t in range(min(used + 1, len(text))):
            color = ROW_COLORS[min(t // row_length, num_streams - 1)]
            if t == used:
                color = COLORS["muted"]  # only ever a target
            ax.add_patch(
                patches.Rectangle(
                    (t * scale, top),
                    0.9 * scale,
                    0.9 * scale,
                    facecolor=color,
                    edgecolor=color,
                )
            )
            ax.text(
                (t + 0.45) * scale,
                top + 0.21,
                visible(text[t]),
                ha="center",
                va="center",
                color="white",
                fontsize=5.5,
                family="monospace",
            )
        ax.text(-0.5, top + 0.22, "the text", ha="right", va="center")
        for row in range(num_streams):
            y = (num_streams - 1 - row) * 1.25
            stretch = text[row * row_length : (row + 1) * row_length]
            _letters(ax, stretch, 0.0, y, ROW_COLORS[row % len(ROW_COLORS)])
            ax.text(-0.5, y + 0.45, f"stream {row}", ha="right", va="center")
        for w in range(num_windows + 1):
            x = w * window_length - 0.05
            ax.plot([x, x], [-0.3, num_streams * 1.25 - 0.1], "k-", lw=1.5)
            if w < num_windows:
                ax.text(
                    x + window_length / 2,
                    -0.75,
                    f"window {w}",
                    ha="center",
                    fontsize=9,
                )
        ax.set_xlim(-4.5, max(row_length, len(text) * scale) + 0.5)
        ax.set_ylim(-1.1, top + 1.0)
        ax.set_aspect("equal")
        ax.axis("off")
        last = (
            " (the last, grey, is only ever a target)"
            if used < len(text)
            else ""
        )
        ax.set_title(
            f"{used} characters as {num_streams} parallel streams of "
            f"{row_length}, cut into windows of {window_length}{last}"
        )


def plot_next_character(x_row, y_row, vocabulary) -> None:
    """Inputs and targets of one stream: each target is the next input."""
    x_row, y_row = np.asarray(x_row).ravel(), np.asarray(y_row).ravel()
    if x_row.shape != y_row.shape:
        raise ValueError(
            f"x_row and y_row must have the same length, got {x_row.size} "
            f"and {y_row.size}."
        )
    steps = len(x_row)
    with figure(figsize=(min(2.5 + 0.42 * steps, 15), 2.4)) as (_, ax):
        _letters(ax, vocabulary.decode(x_row), 0.0, 2.0, COLORS["input"])
        _letters(ax, vocabulary.decode(y_row), 0.0, 0.0, COLORS["target"])
        ax.text(-0.4, 2.45, "input x", ha="right", va="center")
        ax.text(-0.4, 0.45, "target y", ha="right", va="center")
        for t in range(1, steps, 1 if steps <= 20 else steps // 6):
            arrow(ax, (t + 0.45, 1.95), (t - 1 + 0.45, 0.95))
        ax.set_xlim(-3.5, steps + 0.5)
        ax.set_ylim(-0.3, 3.2)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title(
            "y[t] = x[t + 1]: each target is the next input (an echo of -1)"
        )


def plot_bpc_by_order(
    orders: list[int], bpc: dict[str, list[float]], *, uniform: float
) -> None:
    """Validation bits per character of n-gram models against their order."""
    with figure(figsize=(7.5, 4)) as (_, ax):
        markers = "osD^v"
        for index, (name, values) in enumerate(bpc.items()):
            if len(values) != len(orders):
                raise ValueError(
                    f"bpc[{name!r}] needs {len(orders)} values, got "
                    f"{len(values)}."
                )
            ax.plot(
                orders,
                values,
                marker=markers[index % len(markers)],
                color=VARIANT_COLORS[index % len(VARIANT_COLORS)],
                label=name,
            )
        ax.axhline(
            uniform, color=COLORS["muted"], ls=":", label="uniform guess"
        )
        ax.set_xticks(orders)
        ax.set_xlabel("order n (predicting from the n - 1 characters before)")
        ax.set_ylabel("validation bits per character")
        ax.set_title(
            "Counting models: how far a longer context helps each smoothing"
        )
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)


def plot_bpc_curves(
    curves: dict[str, tuple[list[float], list[float]]],
    baselines: dict[str, float],
    *,
    title: str = "The network against the counting models",
    xlabel: str = "training time (s, evaluation not counted)",
) -> None:
    """Validation bpc against training time (or windows), one line per
    training run (``curves[name] = (x, bpc)``), baselines as horizontal
    lines."""
    with figure(figsize=(7.5, 4.2)) as (_, ax):
        for index, (name, (x, bpc)) in enumerate(curves.items()):
            ax.plot(
                x,
                bpc,
                marker="o",
                markersize=3.5,
                color=VARIANT_COLORS[index % len(VARIANT_COLORS)],
                label=name,
            )
        styles = ["-.", "--", ":", (0, (1, 4))]
        for index, (name, level) in enumerate(baselines.items()):
            ax.axhline(
                level,
                color=COLORS["muted"],
                ls=styles[index % len(styles)],
                lw=1.2,
                label=f"{name} ({level:.2f})",
            )
        levels = [v for _, bpc in curves.values() for v in bpc]
        levels += list(baselines.values())
        ax.set_ylim(min(levels) - 0.3, max(levels) + 0.3)
        ax.set_xlabel(xlabel)
        ax.set_ylabel("validation bits per character")
        ax.set_title(title)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="upper right")


def plot_bpc_by_position(
    curves: dict[str, np.ndarray],
    references: dict[str, float],
    *,
    top: float | None = None,
) -> None:
    """Validation bpc at each position of a window, one line per way of
    training and scoring, reference levels as horizontal lines.

    With ``top``, the y axis stops there, so that one outlying point does
    not flatten the rest; a point above it is written at the top edge.
    """
    with figure(figsize=(7.5, 4.2)) as (_, ax):
        styles = ["-", "--", "-", "--"]
        for index, (name, bpc) in enumerate(curves.items()):
            bpc = np.asarray(bpc, dtype=float)
            color = VARIANT_COLORS[(index // 2) % len(VARIANT_COLORS)]
            ax.plot(
                np.arange(1, bpc.size + 1),
                bpc,
                ls=styles[index % len(styles)],
                color=color,
                marker="o" if index % 2 == 0 else None,
                markersize=3,
                label=name,
            )
            above = [] if top is None else np.flatnonzero(bpc > top)
            for position in above:
                ax.annotate(
                    f"{bpc[position]:.2f} \u2191",
                    (position + 1, top),
                    xytext=(4, -12),
                    textcoords="offset points",
                    fontsize=8,
                    color=color,
                )
        for index, (name, level) in enumerate(references.items()):
            ax.axhline(
                level,
                color=COLORS["muted"],
                ls=[":", "-."][index % 2],
                lw=1.2,
                label=f"{name} ({level:.2f})",
            )
        if top is not None:
            low = min(float(np.min(bpc)) for bpc in curves.values())
            ax.set_ylim(low - 0.15, top)
        ax.set_xlabel("position in the window (characters read so far)")
        ax.set_ylabel("validation bits per character")
        ax.set_title("Where in a window the reset state costs")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)


def side_by_side(texts: dict[str, str], width: int = 24) -> str:
    """Texts in columns under their titles, lines wrapped at ``width``;
    line breaks shown as in the figures, so the columns keep their shape."""
    width = positive_int("width", width)
    columns = []
    for title, text in texts.items():
        lines = []
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if index < len(pieces) - 1:
                piece += SHOWN["\n"]
            # a space where a line wraps is dropped, as in any wrapped text
            lines += textwrap.wrap(piece, width) or [""]
        columns.append([title[:width].ljust(width), "-" * width] + lines)
    height = max(len(column) for column in columns)
    rows = []
    for index in range(height):
        cells = [
            (column[index] if index < len(column) else "").ljust(width)
            for column in columns
        ]
        rows.append(" | ".join(cells).rstrip())
    return "\n".join(rows)
