"""The 2016 programs for ``tf.compat.v1``: graphs, placeholders, sessions.

Chapter 10 runs them and fixes their errata; chapter 8 times two of them as
its baseline. The legacy cells (``BasicRNNCell``, ``LSTMCell``,
``MultiRNNCell``, ``DropoutWrapper``) come from the ``tf-keras`` package and
exist only when ``TF_USE_LEGACY_KERAS=1`` is set before TensorFlow is
imported, so this module lives in processes that set it: chapter 10's
kernel, and the subprocess chapter 8 starts (``python -m rnnbook.legacy``).

Each ``part*`` function builds one program in its own graph and returns a
:class:`Program`, whose ``train_step`` and ``predict_step`` run the session
the way the 2016 training loop did, so :func:`rnnbook.training.fit` can drive
it like any other model.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rnnbook._checks import positive_int

__all__ = [
    "require_legacy_keras",
    "captured_messages",
    "Program",
    "part1_hand_rnn",
    "part2_rnn_cell",
    "part3_lstm",
    "part4_multi_lstm",
    "part5_dynamic_rnn",
    "part6_dropout",
    "lstm_weights",
    "port_to_keras",
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
    """Collect the deprecation warnings and TensorFlow log lines of a block,
    instead of printing them."""
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
class Program:
    """One built 2016 graph, its session, and its feeds and fetches."""

    name: str
    graph: Any
    session: Any
    batchX: Any
    batchY: Any
    init_state: Any  # a placeholder, or a structure of placeholders
    current_state: Any  # the final-state tensors to fetch
    total_loss: Any
    train_op: Any
    logits: Any  # [B*T, C] tensor, or a list of T tensors of [B, C]
    zero_state: Any  # numpy value(s) to feed at the start of an epoch
    # extra feeds for training only (dropout)
    training_feeds: dict = field(default_factory=dict)
    # named intermediate tensors, for display
    tensors: dict = field(default_factory=dict)

    def _state_feed(self, state) -> dict:
        if isinstance(self.init_state, tuple):
            return dict(zip(self.init_state, state))
        return {self.init_state: state}

    def _as_fed(self, state):
        """Fetched states come back as tuples of LSTMStateTuple; the
        placeholders want arrays."""
        return (
            tuple(state)
            if isinstance(self.init_state, tuple)
            else np.asarray(state, dtype=np.float32)
        )

    def train_step(self, x_window, y_window, state):
        """One training ``sess.run``: the window's loss, the state to carry."""
        feed = {
            self.batchX: x_window,
            self.batchY: y_window,
            **self._state_feed(state),
            **self.training_feeds,
        }
        loss, _, state = self.session.run(
            [self.total_loss, self.train_op, self.current_state],
            feed_dict=feed,
        )
        return loss, self._as_fed(state)

    def predict_step(self, x_window, state, *, dropout_on: bool = False):
        """Logits ``[batch_size, T, num_classes]``, and the state to carry.

        ``dropout_on=True`` adds the training feeds, to measure a part-6
        program the way the 2016 code did, with dropout active.
        """
        feed = {
            self.batchX: x_window,
            **self._state_feed(state),
            **(self.training_feeds if dropout_on else {}),
        }
        logits, state = self.session.run(
            [self.logits, self.current_state], feed_dict=feed
        )
        logits = (
            np.stack(logits, axis=1) if isinstance(logits, list) else logits
        )
        return logits.reshape(
            x_window.shape[0], x_window.shape[1], -1
        ), self._as_fed(state)

    def close(self) -> None:
        self.session.close()


def _check_sizes(
    batch_size,
    truncated_backprop_length,
    state_size,
    num_classes,
    num_layers=1,
):
    for name, value in [
        ("batch_size", batch_size),
        ("truncated_backprop_length", truncated_backprop_length),
        ("state_size", state_size),
        ("num_classes", num_classes),
        ("num_layers", num_layers),
    ]:
        positive_int(name, value)


def _build(
    name: str, build: Callable, seed: int, zero_state: Any, **feeds
) -> Program:
    """Build a fresh graph with the 2016 loss and optimizer; open a session."""
    require_legacy_keras()
    import tensorflow as tf

    tf1 = tf.compat.v1
    graph = tf.Graph()
    with graph.as_default(), captured_messages():
        tf1.set_random_seed(seed)
        parts = build(tf, tf1)
        logits, labels = parts["logits"], parts["labels"]
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
        name,
        graph,
        session,
        parts["batchX"],
        parts["batchY"],
        parts["init_state"],
        parts["current_state"],
        total_loss,
        train_op,
        logits,
        zero_state,
        tensors=parts.get("tensors", {}),
        **feeds,
    )


def _inputs(tf1, batch_size, window):
    batchX = tf1.placeholder(tf1.float32, [batch_size, window], name="batchX")
    batchY = tf1.placeholder(tf1.int32, [batch_size, window], name="batchY")
    return batchX, batchY


def _output_layer(tf1, state_size, num_classes, seed):
    # not the seed of the cell's weights: no shared stream
    init = tf1.glorot_uniform_initializer(seed=seed + 1)
    W2 = tf1.get_variable("W2", [state_size, num_classes], initializer=init)
    b2 = tf1.get_variable(
        "b2", [1, num_classes], initializer=tf1.zeros_initializer()
    )
    return W2, b2


def _steps(tf1, batchX, batch_size):
    """The window as a list of ``[batch_size, 1]`` tensors, one per step."""
    return [
        tf1.reshape(x, [batch_size, 1]) for x in tf1.unstack(batchX, axis=1)
    ]


def _per_step_program(
    tf1, batchX, batchY, init_state, current_state, states_series, W2, b2
):
    """What parts 1 to 4 hand to :func:`_build`: the output layer applied step
    by step, labels per step."""
    return dict(
        batchX=batchX,
        batchY=batchY,
        init_state=init_state,
        current_state=current_state,
        logits=[tf1.matmul(state, W2) + b2 for state in states_series],
        labels=tf1.unstack(batchY, axis=1),
    )


def _multi_layer_state(tf1, init_state, num_layers):
    """The part-4 trick: one [num_layers, 2, B, S] placeholder unstacked into a
    tuple of LSTMStateTuple."""
    state_per_layer_list = tf1.unstack(init_state, axis=0)
    return tuple(
        tf1.nn.rnn_cell.LSTMStateTuple(
            state_per_layer_list[idx][0], state_per_layer_list[idx][1]
        )
        for idx in range(num_layers)
    )


def part1_hand_rnn(
    batch_size, truncated_backprop_length, state_size, num_classes, *, seed
) -> Program:
    """Part 1: weights by hand, ``[input, state] @ W``, tanh, lists."""
    _check_sizes(
        batch_size, truncated_backprop_length, state_size, num_classes
    )

    def build(tf, tf1):
        batchX, batchY = _inputs(tf1, batch_size, truncated_backprop_length)
        init_state = tf1.placeholder(
            tf1.float32, [batch_size, state_size], name="init_state"
        )
        init = tf1.glorot_uniform_initializer(seed=seed)
        W = tf1.get_variable(
            "W", [state_size + 1, state_size], initializer=init
        )
        b = tf1.get_variable(
            "b", [1, state_size], initializer=tf1.zeros_initializer()
        )
        W2, b2 = _output_layer(tf1, state_size, num_classes, seed)
        inputs_series = tf1.unstack(batchX, axis=1)
        current_state, states_series = init_state, []
        for current_input in inputs_series:
            current_input = tf1.reshape(current_input, [batch_size, 1])
            input_and_state_concatenated = tf1.concat(
                [current_input, current_state], axis=1
            )
            current_state = tf1.tanh(
                tf1.matmul(input_and_state_concatenated, W) + b
            )
            states_series.append(current_state)
        return _per_step_program(
            tf1,
            batchX,
            batchY,
            init_state,
            current_state,
            states_series,
            W2,
            b2,
        )

    return _build(
        "part 1: RNN by hand",
        build,
        seed,
        np.zeros((batch_size, state_size), np.float32),
    )


def part2_rnn_cell(
    batch_size, truncated_backprop_length, state_size, num_classes, *, seed
) -> Program:
    """Part 2: ``BasicRNNCell`` unrolled by ``static_rnn`` (2016:
    ``tf.nn.rnn``) over the list."""
    _check_sizes(
        batch_size, truncated_backprop_length, state_size, num_classes
    )

    def build(tf, tf1):
        batchX, batchY = _inputs(tf1, batch_size, truncated_backprop_length)
        init_state = tf1.placeholder(
            tf1.float32, [batch_size, state_size], name="init_state"
        )
        W2, b2 = _output_layer(tf1, state_size, num_classes, seed)
        inputs_series = _steps(tf1, batchX, batch_size)
        cell = tf1.nn.rnn_cell.BasicRNNCell(state_size)
        states_series, current_state = tf1.nn.static_rnn(
            cell, inputs_series, init_state
        )
        return _per_step_program(
            tf1,
            batchX,
            batchY,
            init_state,
            current_state,
            states_series,
            W2,
            b2,
        )

    return _build(
        "part 2: BasicRNNCell + static_rnn",
        build,
        seed,
        np.zeros((batch_size, state_size), np.float32),
    )


def part3_lstm(
    batch_size, truncated_backprop_length, state_size, num_classes, *, seed
) -> Program:
    """Part 3: ``BasicLSTMCell``, its ``LSTMStateTuple(c, h)`` fed in."""
    _check_sizes(
        batch_size, truncated_backprop_length, state_size, num_classes
    )

    def build(tf, tf1):
        batchX, batchY = _inputs(tf1, batch_size, truncated_backprop_length)
        cell_state = tf1.placeholder(
            tf1.float32, [batch_size, state_size], name="cell_state"
        )
        hidden_state = tf1.placeholder(
            tf1.float32, [batch_size, state_size], name="hidden_state"
        )
        init_state = tf1.nn.rnn_cell.LSTMStateTuple(cell_state, hidden_state)
        W2, b2 = _output_layer(tf1, state_size, num_classes, seed)
        inputs_series = _steps(tf1, batchX, batch_size)
        cell = tf1.nn.rnn_cell.BasicLSTMCell(state_size, state_is_tuple=True)
        states_series, current_state = tf1.nn.static_rnn(
            cell, inputs_series, init_state
        )
        return _per_step_program(
            tf1,
            batchX,
            batchY,
            (cell_state, hidden_state),
            current_state,
            states_series,
            W2,
            b2,
        )

    zero = np.zeros((batch_size, state_size), np.float32)
    return _build(
        "part 3: BasicLSTMCell, LSTMStateTuple", build, seed, (zero, zero)
    )


def part4_multi_lstm(
    batch_size,
    truncated_backprop_length,
    state_size,
    num_classes,
    num_layers,
    *,
    seed,
) -> Program:
    """Part 4: ``MultiRNNCell`` unrolled by ``static_rnn``, one state feed."""
    _check_sizes(
        batch_size,
        truncated_backprop_length,
        state_size,
        num_classes,
        num_layers,
    )

    def build(tf, tf1):
        batchX, batchY = _inputs(tf1, batch_size, truncated_backprop_length)
        init_state = tf1.placeholder(
            tf1.float32,
            [num_layers, 2, batch_size, state_size],
            name="init_state",
        )
        W2, b2 = _output_layer(tf1, state_size, num_classes, seed)
        inputs_series = _steps(tf1, batchX, batch_size)
        cell = tf1.nn.rnn_cell.MultiRNNCell(
            [
                tf1.nn.rnn_cell.LSTMCell(state_size, state_is_tuple=True)
                for _ in range(num_layers)
            ]
        )
        states_series, current_state = tf1.nn.static_rnn(
            cell,
            inputs_series,
            initial_state=_multi_layer_state(tf1, init_state, num_layers),
        )
        return _per_step_program(
            tf1,
            batchX,
            batchY,
            init_state,
            current_state,
            states_series,
            W2,
            b2,
        )

    zero = np.zeros((num_layers, 2, batch_size, state_size), np.float32)
    return _build("part 4: MultiRNNCell + static_rnn", build, seed, zero)


def part5_dynamic_rnn(
    batch_size,
    truncated_backprop_length,
    state_size,
    num_classes,
    num_layers,
    *,
    seed,
    output_keep_prob: float | None = None,
    switch_off_dropout: bool = True,
) -> Program:
    """Part 5: ``dynamic_rnn``, one reshape, one loss; part 6: dropout.

    With ``output_keep_prob`` each cell is wrapped in a ``DropoutWrapper``. The
    2016 code used a constant keep probability, so dropout was on at every
    ``sess.run``; ``switch_off_dropout=True`` (the fix) feeds it during
    training steps only.
    """
    _check_sizes(
        batch_size,
        truncated_backprop_length,
        state_size,
        num_classes,
        num_layers,
    )
    keep_prob_tensor = {}

    def build(tf, tf1):
        batchX, batchY = _inputs(tf1, batch_size, truncated_backprop_length)
        init_state = tf1.placeholder(
            tf1.float32,
            [num_layers, 2, batch_size, state_size],
            name="init_state",
        )
        W2, b2 = _output_layer(tf1, state_size, num_classes, seed)
        cells = [
            tf1.nn.rnn_cell.LSTMCell(state_size, state_is_tuple=True)
            for _ in range(num_layers)
        ]
        if output_keep_prob is not None:
            keep_prob = (
                tf1.placeholder_with_default(1.0, [], name="keep_prob")
                if switch_off_dropout
                else tf1.constant(output_keep_prob)
            )
            keep_prob_tensor["tensor"] = keep_prob
            cells = [
                tf1.nn.rnn_cell.DropoutWrapper(
                    cell, output_keep_prob=keep_prob, seed=seed + i
                )
                for i, cell in enumerate(cells)
            ]
        cell = tf1.nn.rnn_cell.MultiRNNCell(cells, state_is_tuple=True)
        rnn_outputs, current_state = tf1.nn.dynamic_rnn(
            cell,
            tf1.expand_dims(batchX, -1),
            initial_state=_multi_layer_state(tf1, init_state, num_layers),
        )
        states_series = tf1.reshape(rnn_outputs, [-1, state_size])
        logits = tf1.matmul(states_series, W2) + b2  # broadcast b2
        labels = tf1.reshape(batchY, [-1])
        return dict(
            batchX=batchX,
            batchY=batchY,
            init_state=init_state,
            current_state=current_state,
            logits=logits,
            labels=labels,
            tensors={"states_series": rnn_outputs},
        )

    zero = np.zeros((num_layers, 2, batch_size, state_size), np.float32)
    name = (
        "part 5: dynamic_rnn"
        if output_keep_prob is None
        else "part 6: DropoutWrapper"
    )
    program = _build(name, build, seed, zero)
    if output_keep_prob is not None and switch_off_dropout:
        program.training_feeds = {keep_prob_tensor["tensor"]: output_keep_prob}
    return program


def part6_dropout(
    batch_size,
    truncated_backprop_length,
    state_size,
    num_classes,
    num_layers,
    *,
    seed,
    output_keep_prob: float = 0.5,
    switch_off_dropout: bool = True,
) -> Program:
    """Part 6: part 5 with each cell's output dropped (``DropoutWrapper``)."""
    return part5_dynamic_rnn(
        batch_size,
        truncated_backprop_length,
        state_size,
        num_classes,
        num_layers,
        seed=seed,
        output_keep_prob=output_keep_prob,
        switch_off_dropout=switch_off_dropout,
    )


def lstm_weights(program: Program) -> dict[str, np.ndarray]:
    """The trained values of every trainable variable of a program, by name.

    For parts 4 to 6 that is each layer's ``.../kernel`` and ``.../bias``, and
    ``W2`` and ``b2``.
    """
    with program.graph.as_default():
        variables = program.graph.get_collection("trainable_variables")
    values = program.session.run(variables)
    return {
        variable.name.split(":")[0]: value
        for variable, value in zip(variables, values)
    }


def port_to_keras(
    weights: dict[str, np.ndarray], rnn, W2, b2, forget_bias: float = 1.0
) -> None:
    """Copy a legacy ``MultiRNNCell`` LSTM into a Keras 3 stacked LSTM.

    The Keras side is an ``RNN(StackedRNNCells)`` of ``LSTMCell``s.
    The legacy cell keeps one ``kernel`` of ``[input + units, 4 * units]`` with
    the gates in the order (i, j, f, o), ``j`` being the candidate, and adds
    ``forget_bias`` to the forget gate at run time. Keras keeps ``kernel``
    ``[input, 4 * units]`` and ``recurrent_kernel`` ``[units, 4 * units]`` in
    the order (i, f, c, o), and stores the whole bias.
    """

    def layer_number(name: str) -> int:
        found = re.search(r"cell_(\d+)/", name)
        return int(found.group(1)) if found else 0

    kernels = sorted(
        (name for name in weights if name.endswith("/kernel")),
        key=layer_number,
    )
    cells = rnn.cell.cells
    if len(kernels) != len(cells):
        raise ValueError(
            f"the legacy program has {len(kernels)} LSTM layers, the Keras "
            f"model {len(cells)}."
        )
    for name, cell in zip(kernels, cells):
        kernel = weights[name]
        bias = weights[name[: -len("kernel")] + "bias"].copy()
        units = kernel.shape[1] // 4
        input_width = kernel.shape[0] - units
        # Legacy blocks (i, j, f, o) taken as (i, f, j, o): Keras's order.
        order = np.concatenate(
            [np.arange(g * units, (g + 1) * units) for g in (0, 2, 1, 3)]
        )
        bias[2 * units : 3 * units] += forget_bias  # legacy f block
        cell.kernel.assign(kernel[:input_width, order])
        cell.recurrent_kernel.assign(kernel[input_width:, order])
        cell.bias.assign(bias[order])
    W2.assign(weights["W2"])
    b2.assign(weights["b2"])


def _benchmark(arguments: list[str]) -> None:
    """``python -m rnnbook.legacy benchmark SIZES...``: train and time parts 5
    and 4 for chapter 8, print JSON."""
    import json
    import time

    from rnnbook import baselines, timing, training
    from rnnbook.data import EchoTask

    (
        total,
        window,
        state_size,
        num_classes,
        echo_step,
        batch_size,
        num_layers,
        epochs,
        seed,
        repeats,
    ) = (int(a) for a in arguments)
    task = EchoTask(total, window, echo_step, batch_size)
    part1_hand_rnn(
        batch_size, window, state_size, num_classes, seed=seed
    ).close()  # untimed: one-off start-up costs
    results = {}
    for builder in (part5_dynamic_rnn, part4_multi_lstm):
        start = time.perf_counter()
        program = builder(
            batch_size, window, state_size, num_classes, num_layers, seed=seed
        )
        build_seconds = time.perf_counter() - start
        history = training.fit(
            program.train_step,
            program.predict_step,
            program.zero_state,
            task,
            num_epochs=epochs,
            seed=seed,
            log=None,
        )
        x_windows, y_windows = task.windows(training.epoch_rng(seed, 0))
        results[program.name] = {
            "build_seconds": build_seconds,
            "epoch_seconds": history.epoch_seconds,
            "epochs_to_learn": history.first_epoch_reaching(
                baselines.learned_bar(echo_step, window)
            ),
            "step_seconds": timing.median_seconds(
                program.train_step,
                x_windows[0],
                y_windows[0],
                program.zero_state,
                repeats=repeats,
            ),
        }
        program.close()
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    if sys.argv[1:2] != ["benchmark"]:
        raise SystemExit(
            "usage: TF_USE_LEGACY_KERAS=1 python -m rnnbook.legacy benchmark "
            "TOTAL WINDOW STATE CLASSES ECHO BATCH LAYERS EPOCHS SEED REPEATS"
        )
    from rnnbook import quiet_tensorflow

    quiet_tensorflow()
    _benchmark(sys.argv[2:])
