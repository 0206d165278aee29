"""Measuring time honestly: medians of repeats, first calls apart, and the
machine named (chapters 6, 8)."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from rnnbook._checks import positive_int

__all__ = [
    "first_call_seconds",
    "median_seconds",
    "machine_description",
    "compare",
]


def _wait_for(result: Any) -> None:
    """Block until ``result`` is computed, so the clock sees the work."""
    import tensorflow as tf

    for item in tf.nest.flatten(result):
        if hasattr(item, "numpy"):
            item.numpy()


def first_call_seconds(fn: Callable, *args: Any) -> float:
    """Seconds for the first call of ``fn(*args)``: for a fresh ``tf.function``
    that is tracing, graph optimisation (or XLA compilation) and one run."""
    start = time.perf_counter()
    _wait_for(fn(*args))
    return time.perf_counter() - start


def median_seconds(
    fn: Callable, *args: Any, repeats: int = 10, warmup: int = 1
) -> float:
    """Median seconds of ``repeats`` calls of ``fn(*args)``, after warm-up."""
    repeats = positive_int("repeats", repeats)
    if isinstance(warmup, bool) or not isinstance(warmup, int) or warmup < 0:
        raise ValueError(
            f"warmup must be a whole number, 0 or more, got {warmup!r}."
        )
    for _ in range(warmup):
        _wait_for(fn(*args))
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        _wait_for(fn(*args))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def machine_description() -> str:
    """One line naming the processor, core count and TensorFlow version."""
    import tensorflow as tf

    processor = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            processor = next(
                line.split(":", 1)[1].strip()
                for line in cpuinfo
                if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    gpus = tf.config.list_physical_devices("GPU")
    accelerator = f", {len(gpus)} GPU(s)" if gpus else ", no GPU"
    cores = (
        len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count()
    )
    return (
        f"{processor}, {cores} cores{accelerator}, TensorFlow {tf.__version__}"
    )


def compare(a: Sequence[float], b: Sequence[float]) -> str:
    """How the repeated times ``a`` compare with ``b``: ``"faster"`` when
    every repeat of ``a`` is below every repeat of ``b``, ``"slower"`` when
    every one is above, ``"within the spread"`` when the ranges overlap (too
    close to rank). NaNs are ignored."""
    a_values = [x for x in a if x == x]
    b_values = [x for x in b if x == x]
    if not a_values or not b_values:
        raise ValueError(
            "compare needs at least one measured time on each side; got "
            f"{list(a)!r} and {list(b)!r}."
        )
    if max(a_values) < min(b_values):
        return "faster"
    if min(a_values) > max(b_values):
        return "slower"
    return "within the spread"
