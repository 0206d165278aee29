"""Diagrams of backpropagation through time: the unrolled network, and the
truncated windows that state crosses and gradients do not.

Every ``plot_*`` function draws one figure with :func:`rnnbook.drawing.figure`
(which shows and closes it) and returns None. Both figures fit a page about
8 inches wide.
"""

from __future__ import annotations

from matplotlib import patches
from matplotlib.axes import Axes

from rnnbook._checks import positive_int
from rnnbook.drawing import COLORS, arrow, canvas, figure

__all__ = ["plot_unrolled_rnn", "plot_truncated_bptt"]

# The shared weights wear one colour of their own in every copy.
_WEIGHTS = "#937860"
_CENTERED = dict(ha="center", va="center")


def _node(
    ax: Axes,
    center: tuple[float, float],
    text: str,
    color: str,
    *,
    width: float = 0.62,
    height: float = 0.5,
    filled: bool = False,
    fontsize: float = 10,
) -> None:
    """A rounded box with centred text: an input, a state, a loss."""
    x, y = center
    ax.add_patch(
        patches.FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            boxstyle="round,pad=0.04",
            facecolor=color if filled else "white",
            edgecolor=color,
            linewidth=1.5,
        )
    )
    ax.text(
        x,
        y,
        text,
        color="white" if filled else color,
        fontsize=fontsize,
        **_CENTERED,
    )


def _weights_tag(ax: Axes, center: tuple[float, float], text: str) -> None:
    """The label of the shared weights, the same on every copy."""
    ax.text(
        *center,
        text,
        fontsize=9,
        color="white",
        bbox=dict(boxstyle="round,pad=0.2", facecolor=_WEIGHTS, lw=0),
        **_CENTERED,
    )


def plot_unrolled_rnn(steps: int = 4) -> None:
    """The network unrolled over ``steps`` steps, the same weights in each.

    From the zero state ``h_0`` every step reads ``x_t``, computes ``h_t``
    with ``W, b``, the logits with ``W2, b2`` and a loss against ``y_t``;
    dashed arrows carry the gradient back from every loss, through the
    states, to the start.
    """
    steps = positive_int("steps", steps)
    if steps > 6:
        raise ValueError(
            f"steps must be at most 6 to fit the page, got {steps}; the "
            "figure stands for a window of any length."
        )
    pitch = 1.7
    y_in, y_h, y_out, y_loss = 0.0, 1.5, 3.0, 4.3
    xlim = (-0.75, pitch * steps + 0.95)
    ylim = (y_in - 1.25, y_loss + 1.0)
    with figure(figsize=_page_size(xlim, ylim, 8.0)) as (_, ax):
        _node(ax, (0, y_h), "h₀ = 0", COLORS["state"], width=0.95)
        for t in range(1, steps + 1):
            x = t * pitch
            _node(ax, (x, y_in), f"x{_sub(t)}", COLORS["input"])
            _node(ax, (x, y_h), f"h{_sub(t)}", COLORS["state"], filled=True)
            _node(
                ax,
                (x, y_out),
                f"logits{_sub(t)}",
                COLORS["prediction"],
                width=1.1,
            )
            _node(ax, (x, y_loss), f"L{_sub(t)}", COLORS["gradient"])
            ax.text(
                x + 0.45,
                y_loss + 0.05,
                f"← y{_sub(t)}",
                color=COLORS["target"],
                fontsize=9,
                ha="left",
                va="center",
            )
            arrow(ax, (x, y_in + 0.27), (x, y_h - 0.27), shrink=1)
            arrow(ax, (x, y_h + 0.27), (x, y_out - 0.27), shrink=1)
            arrow(ax, (x, y_out + 0.27), (x, y_loss - 0.27), shrink=1)
            # the weights used on this step: the same ones at every step
            _weights_tag(ax, (x + 0.1, (y_in + y_h) / 2), "W, b")
            _weights_tag(ax, (x + 0.1, (y_h + y_out) / 2), "W2, b2")
            left = (t - 1) * pitch + (0.45 if t == 1 else 0.33)
            arrow(
                ax,
                (left, y_h + 0.08),
                (x - 0.33, y_h + 0.08),
                color=COLORS["state"],
                linewidth=2,
            )
            # the gradient: back from the loss, and back along the states
            arrow(
                ax,
                (x - 0.33, y_h - 0.12),
                (left, y_h - 0.12),
                color=COLORS["gradient"],
                linestyle="--",
            )
            arrow(
                ax,
                (x - 0.36, y_loss - 0.2),
                (x - 0.36, y_h + 0.22),
                color=COLORS["gradient"],
                linestyle="--",
            )
        ax.text(
            pitch * (steps + 1) / 2,
            y_loss + 0.75,
            "loss = mean of L₁ … L"
            f"{_sub(steps)}: one number, one gradient step",
            fontsize=10,
            **_CENTERED,
        )
        ax.text(
            pitch * (steps + 1) / 2,
            y_in - 0.75,
            "the same W, b, W2, b2 at every step (one set of weights, "
            f"used {steps} times):\ntheir gradient is the sum of the "
            f"gradients of the {steps} uses",
            fontsize=9.5,
            color=_WEIGHTS,
            **_CENTERED,
        )
        ax.text(
            0,
            y_loss - 0.3,
            "- - -  gradient,\nback from\nevery loss",
            color=COLORS["gradient"],
            fontsize=9,
            **_CENTERED,
        )
        canvas(ax, xlim, ylim, f"the network unrolled over {steps} steps")


def _page_size(
    xlim: tuple[float, float], ylim: tuple[float, float], width: float
) -> tuple[float, float]:
    """A figure ``width`` inches wide whose height keeps units equal."""
    height = width * (ylim[1] - ylim[0]) / (xlim[1] - xlim[0])
    return width, height + 0.5  # room for the title


def _sub(number: int) -> str:
    """``number`` in subscript digits, for labels such as h₁."""
    return str(number).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def _drawn_steps(window: int) -> list[int | None]:
    """The steps of a window that are drawn; None marks the elided middle.

    Short windows are drawn whole; longer ones as their first three and
    last three steps, which is where the window edges are.
    """
    if window <= 7:
        return list(range(window))
    return [0, 1, 2, None, window - 3, window - 2, window - 1]


def plot_truncated_bptt(
    truncated_backprop_length: int, echo_step: int, num_windows: int = 2
) -> None:
    """Consecutive windows: state crosses each edge, gradients do not.

    Each step shows its input, state, output and loss with the target;
    gradients start at the losses and flow back to the start of their own
    window; an arrow marks one echo whose input lies in the window before.
    """
    window = positive_int(
        "truncated_backprop_length", truncated_backprop_length
    )
    echo_step = positive_int("echo_step", echo_step)
    num_windows = positive_int("num_windows", num_windows)
    if num_windows > 3:
        raise ValueError(
            f"num_windows must be at most 3 to fit the page, got "
            f"{num_windows}; two windows show one edge, three show two."
        )
    y_in, y_h, y_loss = 0.0, 1.3, 2.6
    drawn = _drawn_steps(window)
    gap = 1.6  # between windows
    span = len(drawn) + gap
    # x position of every drawn step, as (window, step) -> x
    where = {
        (w, step): w * span + i
        for w in range(num_windows)
        for i, step in enumerate(drawn)
        if step is not None
    }
    total = num_windows * span - gap
    xlim, ylim = (-2.1, total + 0.2), (-2.0, 3.5)
    with figure(figsize=_page_size(xlim, ylim, 8.0)) as (_, ax):
        for w in range(num_windows):
            left = w * span - 0.5
            ax.add_patch(
                patches.Rectangle(
                    (left, -0.55),
                    len(drawn),
                    3.55,
                    facecolor="#F2F2F2" if w % 2 else "#E6ECF5",
                    edgecolor="none",
                )
            )
            ax.text(
                left + len(drawn) / 2,
                3.25,
                f"window {w + 1}: {window} steps",
                fontsize=10,
                **_CENTERED,
            )
            if None in drawn:
                middle = w * span + drawn.index(None)
                for y in (y_in, y_h, y_loss):
                    ax.text(middle, y, "…", fontsize=12, **_CENTERED)
            steps = [s for s in drawn if s is not None]
            for step in steps:
                x = where[(w, step)]
                _node(ax, (x, y_in), "x", COLORS["input"], width=0.5)
                _node(
                    ax,
                    (x, y_h),
                    "h",
                    COLORS["state"],
                    width=0.5,
                    filled=True,
                )
                _node(ax, (x, y_loss), "L", COLORS["gradient"], width=0.5)
                arrow(ax, (x, y_in + 0.25), (x, y_h - 0.25), shrink=1)
                arrow(ax, (x + 0.1, y_h + 0.25), (x + 0.1, y_loss - 0.25))
                arrow(
                    ax,
                    (x - 0.1, y_loss - 0.25),
                    (x - 0.1, y_h + 0.25),
                    color=COLORS["gradient"],
                    linestyle="--",
                )
            # the state chain inside the window, and the gradient back
            for a, b in zip(steps, steps[1:]):
                xa, xb = where[(w, a)], where[(w, b)]
                if b - a > 1:
                    xb = xa + 1.0  # into the elided middle
                arrow(
                    ax,
                    (xa + 0.27, y_h + 0.07),
                    (xb - 0.27, y_h + 0.07),
                    color=COLORS["state"],
                    linewidth=1.5,
                )
                arrow(
                    ax,
                    (xb - 0.27, y_h - 0.1),
                    (xa + 0.27, y_h - 0.1),
                    color=COLORS["gradient"],
                    linestyle="--",
                )
            if w + 1 < num_windows:
                # the edge: the value passes forward, no gradient comes back
                xa, xb = where[(w, window - 1)], where[(w + 1, 0)]
                arrow(
                    ax,
                    (xa + 0.27, y_h),
                    (xb - 0.27, y_h),
                    color=COLORS["state"],
                    linewidth=3,
                )
                edge = (xa + xb) / 2
                ax.plot(
                    edge,
                    y_h - 0.3,
                    marker="X",
                    color=COLORS["gradient"],
                    markersize=10,
                )
                for y, text, color in (
                    (y_h + 0.45, "state\nforward", COLORS["state"]),
                    (y_loss, "no gradient\nback", COLORS["gradient"]),
                ):
                    ax.text(
                        edge, y, text, color=color, fontsize=9, **_CENTERED
                    )
        if num_windows > 1 and echo_step <= window:
            # the target of step echo_step - 1 of window 2 is the last
            # input of window 1
            source = where[(0, window - 1)]
            target_step = echo_step - 1
            if (1, target_step) in where:
                target = where[(1, target_step)]
                arrow(
                    ax,
                    (source + 0.15, y_in - 0.27),
                    (target + 0.3, y_loss - 0.2),
                    color=COLORS["target"],
                    linewidth=1.8,
                    connectionstyle="arc3,rad=0.35",
                )
                ax.text(
                    source - 0.3,
                    y_in - 0.85,
                    f"echo: this target is the input {echo_step} "
                    "steps back,\nin the window before",
                    color=COLORS["target"],
                    fontsize=9,
                    ha="left",
                    va="center",
                )
        _legend(ax, total)
        canvas(ax, xlim, ylim, "truncated backpropagation through time")


def _legend(ax: Axes, right: float) -> None:
    """Say what the rows and the arrows are, in words, under the windows."""
    for y, text, color in (
        (0.0, "input", COLORS["input"]),
        (1.3, "state", COLORS["state"]),
        (2.6, "loss vs\ntarget", COLORS["gradient"]),
    ):
        ax.text(
            -0.75, y, text, color=color, fontsize=9, ha="right", va="center"
        )
    ax.text(
        -2.0,
        -1.7,
        "—— forward        - - - gradient: starts at every loss, "
        "stops at the start of its window",
        fontsize=9,
        ha="left",
        va="center",
        color=COLORS["muted"],
    )
