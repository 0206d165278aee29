"""Truncated backpropagation through time: a loop that carries state.

Chapter 2 writes this loop out and explains it; every later chapter reuses it.
It knows nothing about the model: a chapter hands it two step functions,

* ``train_step(x_window, y_window, state) -> (loss, new_state)``, which also
  updates the weights, and
* ``predict_step(x_window, state) -> (logits, new_state)`` with ``logits`` of
  shape ``[batch_size, truncated_backprop_length, num_classes]``,

where the windows are ``[batch_size, truncated_backprop_length]`` integer
arrays and ``state`` is whatever the model carries (a tensor, a list of
tensors, ...). The state returned for one window is fed to the next, so it
crosses the window edge; the gradients stop there, because each
``train_step`` differentiates only its own window.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rnnbook._checks import integer_matrix, positive_int
from rnnbook.data import EchoTask, to_windows

__all__ = [
    "Evaluation",
    "History",
    "evaluate",
    "fit",
    "epoch_rng",
    "held_out_rng",
    "run_epoch",
    "timed_epoch",
    "held_out_data",
]

TrainStep = Callable[[Any, Any, Any], tuple[Any, Any]]
PredictStep = Callable[[Any, Any], tuple[Any, Any]]


def epoch_rng(seed: int, epoch: int) -> np.random.Generator:
    """The generator that draws epoch ``epoch``'s fresh training data."""
    return np.random.default_rng([seed, 0, epoch])


def held_out_rng(seed: int) -> np.random.Generator:
    """The generator that draws the held-out data, never used for training."""
    return np.random.default_rng([seed, 1])


def held_out_data(task: EchoTask, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The held-out rows :func:`fit` scores on: fresh data.

    With the 2016 sizes that is some 10 000 predictions, enough to measure an
    accuracy near the chapters' bar of 95 % to a few tenths of a percentage
    point, at a fifth of the cost of a whole epoch.
    """
    x, y = task.generate(held_out_rng(seed))
    steps = max(task.truncated_backprop_length, task.row_length // 5)
    return x[:, :steps], y[:, :steps]


@dataclass
class Evaluation:
    """A model's predictions over whole batch rows, window after window.

    ``x`` and ``y`` are the inputs and targets that filled whole windows,
    ``[batch_size, steps]``; ``probabilities`` is ``[batch_size, steps,
    num_classes]``; ``accuracy`` and ``loss`` are means over every step.
    """

    x: np.ndarray
    y: np.ndarray
    probabilities: np.ndarray
    accuracy: float
    loss: float

    @property
    def predictions(self) -> np.ndarray:
        """The most probable class at every step, ``[batch_size, steps]``."""
        return self.probabilities.argmax(axis=-1)


@dataclass
class History:
    """What :func:`fit` measured: one loss per training window and per epoch,
    one accuracy per evaluation.

    ``epoch_seconds`` count training only, not evaluation; the first epoch's
    includes the tracing or compiling of the first call.
    """

    window_losses: list[float] = field(default_factory=list)
    epoch_losses: list[float] = field(default_factory=list)
    evaluated_epochs: list[int] = field(default_factory=list)
    epoch_accuracies: list[float] = field(default_factory=list)
    epoch_seconds: list[float] = field(default_factory=list)
    evaluation: Evaluation | None = None

    @property
    def final_accuracy(self) -> float:
        """Held-out accuracy after the last epoch."""
        if not self.epoch_accuracies:
            raise ValueError(
                "this history is empty: run at "
                "least one epoch with fit() first."
            )
        return self.epoch_accuracies[-1]

    def first_epoch_reaching(self, threshold: float) -> int | None:
        """The first evaluated epoch (counted from 1) whose held-out accuracy
        reached ``threshold``, or None."""
        for epoch, reached in zip(
            self.evaluated_epochs, self.epoch_accuracies
        ):
            if reached >= threshold:
                return epoch
        return None


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def evaluate(
    predict_step: PredictStep,
    initial_state: Any,
    x: np.ndarray,
    y: np.ndarray,
    truncated_backprop_length: int,
) -> Evaluation:
    """Run ``predict_step`` over rows ``x`` window by window, with state.

    Starts from ``initial_state`` and scores the predictions against ``y``.
    """
    x = integer_matrix("x", x)
    y = integer_matrix("y", y)
    if x.shape != y.shape:
        raise ValueError(
            f"x and y must have the same shape, got {x.shape} and {y.shape}."
        )
    x_windows = to_windows(x, truncated_backprop_length)
    y_windows = to_windows(y, truncated_backprop_length)

    state = initial_state
    logits = []
    for x_window in x_windows:
        window_logits, state = predict_step(x_window, state)
        logits.append(np.asarray(window_logits))
    logits = np.concatenate(logits, axis=1)
    expected = (x.shape[0], x_windows.shape[0] * x_windows.shape[2])
    if logits.shape[:2] != expected:
        raise ValueError(
            "predict_step must return logits of shape [batch_size, "
            "truncated_backprop_length, "
            f"num_classes]; over all windows they stacked to {logits.shape}, "
            f"expected {expected} + (num_classes,)."
        )

    targets = np.concatenate(list(y_windows), axis=1)
    probabilities = _softmax(logits.astype(np.float64))
    target_probability = np.take_along_axis(
        probabilities, targets[..., None], axis=-1
    )[..., 0]
    return Evaluation(
        x=np.concatenate(list(x_windows), axis=1),
        y=targets,
        probabilities=probabilities,
        accuracy=float((probabilities.argmax(axis=-1) == targets).mean()),
        loss=float(-np.log(np.maximum(target_probability, 1e-12)).mean()),
    )


def run_epoch(
    train_step: TrainStep, x_windows, y_windows, initial_state: Any
) -> tuple[list[float], Any]:
    """Truncated backpropagation through one epoch: the heart of :func:`fit`.

    Each window starts from the state the previous window returned, so the
    state crosses every window edge; ``train_step`` differentiates only its
    own window, so the gradients do not.
    """
    state, losses = initial_state, []
    for x_window, y_window in zip(x_windows, y_windows):
        loss, state = train_step(x_window, y_window, state)
        losses.append(loss)
    return [float(loss) for loss in losses], state


def timed_epoch(
    train_step: TrainStep | None,
    train_epoch: Callable | None,
    x_windows,
    y_windows,
    initial_state: Any,
) -> tuple[list[float], Any, float]:
    """One epoch of training: its losses, final state and wall time in
    seconds, the clock of :func:`fit`. Give ``train_step`` (one call per
    window) or ``train_epoch`` (one call per epoch), the other None."""
    start = time.perf_counter()
    if train_epoch is not None:
        losses, state = train_epoch(x_windows, y_windows, initial_state)
    else:
        losses, state = run_epoch(
            train_step, x_windows, y_windows, initial_state
        )
    # one conversion for the epoch; it waits for the last window
    losses = np.asarray(losses, dtype=np.float64).tolist()
    return losses, state, time.perf_counter() - start


def fit(
    train_step: TrainStep | None,
    predict_step: PredictStep,
    initial_state: Any,
    task: EchoTask,
    *,
    num_epochs: int,
    seed: int,
    log: Callable[[str], None] | None = print,
    training_windows: tuple[np.ndarray, np.ndarray] | None = None,
    held_out: tuple[np.ndarray, np.ndarray] | None = None,
    evaluate_every: int = 1,
    train_epoch: Callable[[np.ndarray, np.ndarray, Any], tuple[Any, Any]]
    | None = None,
) -> History:
    """Train with truncated backpropagation through time, as in 2016.

    Every epoch draws fresh data (see :func:`epoch_rng`), starts from
    ``initial_state`` and feeds each window the state the previous window
    returned. Every ``evaluate_every`` epochs (and after the last) the model
    is scored on the same held-out rows (see :func:`held_out_data`) and
    ``log`` gets one line; pass ``log=None`` for silence.

    ``training_windows``, ``(x_windows, y_windows)`` as :func:`to_windows`
    makes them, replaces the fresh draws by one fixed training set, seen
    again every epoch; ``held_out``, ``(x, y)`` batch rows, replaces the
    held-out rows. Chapter 7 uses both to make overfitting possible.

    ``train_epoch(x_windows, y_windows, state) -> (losses, final_state)``,
    given in place of ``train_step``, trains on a whole epoch of windows in
    one call (chapter 8's compiled epochs); the loop is then inside it.
    """
    if not isinstance(task, EchoTask):
        raise TypeError(
            "task must be an rnnbook.data.EchoTask, got "
            f"{type(task).__name__}."
        )
    if (train_step is None) == (train_epoch is None):
        raise TypeError(
            "pass exactly one of train_step (one window per call) and "
            "train_epoch (a whole epoch)."
        )
    num_epochs = positive_int("num_epochs", num_epochs)
    evaluate_every = positive_int("evaluate_every", evaluate_every)
    if training_windows is not None:
        x_fixed, y_fixed = (np.asarray(a) for a in training_windows)
        if x_fixed.ndim != 3 or x_fixed.shape != y_fixed.shape:
            raise ValueError(
                "training_windows must be (x_windows, "
                "y_windows) of the same shape "
                f"[num_windows, batch_size, T], got {x_fixed.shape} and "
                f"{y_fixed.shape}."
            )
    x_held_out, y_held_out = (
        held_out if held_out is not None else held_out_data(task, seed)
    )

    history = History()
    for epoch in range(1, num_epochs + 1):
        if training_windows is None:
            x_windows, y_windows = task.windows(epoch_rng(seed, epoch))
        else:
            x_windows, y_windows = x_fixed, y_fixed
        losses, _, seconds = timed_epoch(
            train_step, train_epoch, x_windows, y_windows, initial_state
        )
        history.epoch_seconds.append(seconds)
        history.window_losses.extend(losses)
        history.epoch_losses.append(float(np.mean(losses)))

        if epoch % evaluate_every and epoch != num_epochs:
            continue
        history.evaluation = evaluate(
            predict_step,
            initial_state,
            x_held_out,
            y_held_out,
            task.truncated_backprop_length,
        )
        # epochs trained since the last log
        since = history.evaluated_epochs[-1] if history.evaluated_epochs else 0
        history.evaluated_epochs.append(epoch)
        history.epoch_accuracies.append(history.evaluation.accuracy)
        if log is not None:
            log(
                f"epoch {epoch}/{num_epochs}  training loss "
                f"{history.epoch_losses[-1]:.4f}  "
                f"held-out accuracy {history.evaluation.accuracy:.4f}  "
                f"({sum(history.epoch_seconds[since:]):.1f} s)"
            )
    return history
