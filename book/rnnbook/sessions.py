"""Running a 2016 graph program today: graph, loss, optimizer, session.

What the six programs of :mod:`rnnbook.legacy` share: a check that the
legacy cells can be imported, a way to collect the deprecation messages the
``tf.compat.v1`` API prints, :func:`build_program`, which adds the 2016 loss
and optimizer to a graph and opens its session, and :class:`Program`, whose
``train_step`` and ``predict_step`` run that session the way the 2016
training loop did.
"""

from __future__ import annotations

import contextlib
import logging
import os
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = [
    "require_legacy_keras",
    "captured_messages",
    "ProgramTensors",
    "Program",
    "build_program",
]


def require_legacy_keras() -> None:
    """Fail clearly unless the legacy Keras cells can be imported."""
    if os.environ.get("TF_USE_LEGACY_KERAS") != "1":
        raise RuntimeError(
            "the 2016 programs need the legacy cells: set "
            "os.environ['TF_USE_LEGACY_KERAS'] = '1' before "
            "TensorFlow is imported (restart the kernel if it already was)."
        )
    try:
        import tf_keras  # noqa: F401
    except ImportError:
        import tensorflow as tf

        version = ".".join(tf.__version__.split(".")[:2])
        raise RuntimeError(
            "the legacy cells live in tf-keras: pip install "
            f"'tf-keras~={version}.0'"
        ) from None


@contextlib.contextmanager
def captured_messages() -> Iterator[list[str]]:
    """Collect a block's deprecation warnings and TensorFlow log lines."""
    import tensorflow as tf

    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage().strip())

    logger = tf.get_logger()
    handler, saved_handlers, saved_level = (
        Collect(),
        logger.handlers[:],
        logger.level,
    )
    logger.handlers, logger.level = [handler], logging.WARNING
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield messages
        messages.extend(str(warning.message).strip() for warning in caught)
    finally:
        logger.handlers, logger.level = saved_handlers, saved_level


@dataclass
class ProgramTensors:
    """The tensors a program's graph exposes: what to feed, what to fetch."""

    batchX: Any  # [batch_size, T] placeholder
    batchY: Any
    init_state: Any  # a placeholder, or a tuple of placeholders
    current_state: Any  # the final-state tensors to fetch
    logits: Any  # [B*T, C] tensor, or a list of T tensors of [B, C]
    labels: Any  # [B*T] tensor, or a list of T tensors of [B]
    # the top layer's outputs at every step, kept for display
    states_series: Any = None
    # extra feeds for training steps only (part 6's keep probability)
    training_feeds: dict = field(default_factory=dict)


@dataclass
class Program:
    """One built 2016 graph, its session, its tensors and its zero state."""

    name: str
    graph: Any
    session: Any
    tensors: ProgramTensors
    total_loss: Any
    train_op: Any
    zero_state: Any  # numpy value(s) to feed at the start of an epoch

    def _state_feed(self, state) -> dict:
        init_state = self.tensors.init_state
        if isinstance(init_state, tuple):
            return dict(zip(init_state, state))
        return {init_state: state}

    def _as_fed(self, state):
        # fetched states come back as tuples of LSTMStateTuple; the
        # placeholders want arrays
        return (
            tuple(state)
            if isinstance(self.tensors.init_state, tuple)
            else np.asarray(state, dtype=np.float32)
        )

    def train_step(self, x_window, y_window, state):
        """One training ``sess.run``: the window's loss, the state to carry."""
        feed = {
            self.tensors.batchX: x_window,
            self.tensors.batchY: y_window,
            **self._state_feed(state),
            **self.tensors.training_feeds,
        }
        loss, _, state = self.session.run(
            [self.total_loss, self.train_op, self.tensors.current_state],
            feed_dict=feed,
        )
        return loss, self._as_fed(state)

    def predict_step(self, x_window, state, *, dropout_on: bool = False):
        """Logits ``[batch_size, T, num_classes]``, and the state to carry.

        ``dropout_on=True`` adds the training feeds, to measure a part-6
        program the way the 2016 code did, with dropout active.
        """
        feed = {
            self.tensors.batchX: x_window,
            **self._state_feed(state),
            **(self.tensors.training_feeds if dropout_on else {}),
        }
        logits, state = self.session.run(
            [self.tensors.logits, self.tensors.current_state],
            feed_dict=feed,
        )
        logits = (
            np.stack(logits, axis=1) if isinstance(logits, list) else logits
        )
        return logits.reshape(
            x_window.shape[0], x_window.shape[1], -1
        ), self._as_fed(state)

    def close(self) -> None:
        """Release the session's resources."""
        self.session.close()


def build_program(
    name: str,
    build: Callable[[Any], ProgramTensors],
    seed: int,
    zero_state: Any,
) -> Program:
    """Build a fresh graph with the 2016 loss and optimizer; open a session.

    ``build(tf1)`` creates one program's placeholders, cells and output
    layer with ``tf1 = tf.compat.v1`` and returns its :class:`ProgramTensors`.
    """
    require_legacy_keras()
    import tensorflow as tf

    tf1 = tf.compat.v1
    graph = tf.Graph()
    with graph.as_default(), captured_messages():
        tf1.set_random_seed(seed)
        tensors = build(tf1)
        if not isinstance(tensors, ProgramTensors):
            raise TypeError(
                f"build must return ProgramTensors, got "
                f"{type(tensors).__name__}; end it with "
                "return ProgramTensors(batchX=..., ...)."
            )
        logits, labels = tensors.logits, tensors.labels
        # parts 1 to 4: one loss per step, then the mean
        if isinstance(logits, list):
            losses = [
                tf1.nn.sparse_softmax_cross_entropy_with_logits(
                    labels=y, logits=z
                )
                for z, y in zip(logits, labels)
            ]
        else:  # parts 5 and 6: one call over every step
            losses = tf1.nn.sparse_softmax_cross_entropy_with_logits(
                labels=labels, logits=logits
            )
        total_loss = tf1.reduce_mean(losses)
        train_op = tf1.train.AdagradOptimizer(0.3).minimize(total_loss)
        session = tf1.Session(graph=graph)
        session.run(tf1.global_variables_initializer())
    return Program(
        name, graph, session, tensors, total_loss, train_op, zero_state
    )
