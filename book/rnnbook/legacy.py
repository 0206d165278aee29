"""The six 2016 programs, rebuilt for ``tf.compat.v1``.

Chapter 10 runs them and fixes their errata; chapter 8 times two of them as
its baseline (:mod:`rnnbook.benchmark_2016`). Each ``part*`` function builds
one program in its own graph with :func:`rnnbook.sessions.build_program` and
returns a :class:`~rnnbook.sessions.Program`, which
:func:`rnnbook.training.fit` drives like any other model.

The legacy cells (``BasicRNNCell``, ``LSTMCell``, ``MultiRNNCell``,
``DropoutWrapper``) come from the ``tf-keras`` package and exist only when
``TF_USE_LEGACY_KERAS=1`` is set before TensorFlow is imported, so this
module lives in processes that set it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from rnnbook._checks import positive_int
from rnnbook.initializers import layer_seed, output_seed
from rnnbook.sessions import Program, ProgramTensors, build_program

__all__ = [
    "Sizes",
    "part1_hand_rnn",
    "part2_rnn_cell",
    "part3_lstm",
    "part4_multi_lstm",
    "part5_dynamic_rnn",
    "part6_dropout",
]


@dataclass(frozen=True)
class Sizes:
    """The sizes every 2016 program takes, checked once."""

    batch_size: int
    truncated_backprop_length: int
    state_size: int
    num_classes: int

    def __post_init__(self) -> None:
        for size in fields(self):
            positive_int(size.name, getattr(self, size.name))


def _inputs(tf1, sizes: Sizes) -> tuple[Any, Any]:
    shape = [sizes.batch_size, sizes.truncated_backprop_length]
    batchX = tf1.placeholder(tf1.float32, shape, name="batchX")
    batchY = tf1.placeholder(tf1.int32, shape, name="batchY")
    return batchX, batchY


def _output_layer(tf1, sizes: Sizes, seed: int) -> tuple[Any, Any]:
    # the book's one seed rule, so that W2 never shares a cell's stream
    init = tf1.glorot_uniform_initializer(seed=output_seed(seed))
    W2 = tf1.get_variable(
        "W2", [sizes.state_size, sizes.num_classes], initializer=init
    )
    b2 = tf1.get_variable(
        "b2", [1, sizes.num_classes], initializer=tf1.zeros_initializer()
    )
    return W2, b2


def _steps(tf1, batchX, batch_size: int) -> list:
    """The window as a list of ``[batch_size, 1]`` tensors, one per step."""
    return [
        tf1.reshape(x, [batch_size, 1]) for x in tf1.unstack(batchX, axis=1)
    ]


def _per_step_program(
    name: str,
    sizes: Sizes,
    seed: int,
    zero_state: Any,
    unroll: Callable[[Any, list], tuple[Any, Any, list]],
) -> Program:
    """Parts 1 to 4: a list of steps in, the output layer step by step.

    ``unroll(tf1, inputs_series)`` creates the state placeholder(s) and the
    cell, and returns ``(init_state, current_state, states_series)``.
    """

    def build(tf1) -> ProgramTensors:
        batchX, batchY = _inputs(tf1, sizes)
        W2, b2 = _output_layer(tf1, sizes, seed)
        init_state, current_state, states_series = unroll(
            tf1, _steps(tf1, batchX, sizes.batch_size)
        )
        return ProgramTensors(
            batchX=batchX,
            batchY=batchY,
            init_state=init_state,
            current_state=current_state,
            logits=[tf1.matmul(state, W2) + b2 for state in states_series],
            labels=tf1.unstack(batchY, axis=1),
        )

    return build_program(name, build, seed, zero_state)


def _multi_layer_state(tf1, init_state, num_layers: int) -> tuple:
    """The part-4 trick: one ``[num_layers, 2, B, S]`` placeholder unstacked
    into a tuple of ``LSTMStateTuple``."""
    state_per_layer_list = tf1.unstack(init_state, axis=0)
    return tuple(
        tf1.nn.rnn_cell.LSTMStateTuple(
            state_per_layer_list[idx][0], state_per_layer_list[idx][1]
        )
        for idx in range(num_layers)
    )


def part1_hand_rnn(sizes: Sizes, *, seed: int) -> Program:
    """Part 1: weights by hand, ``[input, state] @ W``, tanh, lists."""
    batch_size, state_size = sizes.batch_size, sizes.state_size

    def unroll(tf1, inputs_series):
        init_state = tf1.placeholder(
            tf1.float32, [batch_size, state_size], name="init_state"
        )
        init = tf1.glorot_uniform_initializer(seed=layer_seed(seed, 0))
        W = tf1.get_variable(
            "W", [state_size + 1, state_size], initializer=init
        )
        b = tf1.get_variable(
            "b", [1, state_size], initializer=tf1.zeros_initializer()
        )
        current_state, states_series = init_state, []
        for current_input in inputs_series:
            input_and_state_concatenated = tf1.concat(
                [current_input, current_state], axis=1
            )
            current_state = tf1.tanh(
                tf1.matmul(input_and_state_concatenated, W) + b
            )
            states_series.append(current_state)
        return init_state, current_state, states_series

    zero = np.zeros((batch_size, state_size), np.float32)
    return _per_step_program("part 1: RNN by hand", sizes, seed, zero, unroll)


def part2_rnn_cell(sizes: Sizes, *, seed: int) -> Program:
    """Part 2: ``BasicRNNCell`` unrolled by ``static_rnn`` (2016:
    ``tf.nn.rnn``) over the list."""
    batch_size, state_size = sizes.batch_size, sizes.state_size

    def unroll(tf1, inputs_series):
        init_state = tf1.placeholder(
            tf1.float32, [batch_size, state_size], name="init_state"
        )
        cell = tf1.nn.rnn_cell.BasicRNNCell(state_size)
        states_series, current_state = tf1.nn.static_rnn(
            cell, inputs_series, init_state
        )
        return init_state, current_state, states_series

    zero = np.zeros((batch_size, state_size), np.float32)
    return _per_step_program(
        "part 2: BasicRNNCell + static_rnn", sizes, seed, zero, unroll
    )


def part3_lstm(sizes: Sizes, *, seed: int) -> Program:
    """Part 3: ``BasicLSTMCell``, its ``LSTMStateTuple(c, h)`` fed in."""
    batch_size, state_size = sizes.batch_size, sizes.state_size

    def unroll(tf1, inputs_series):
        cell_state = tf1.placeholder(
            tf1.float32, [batch_size, state_size], name="cell_state"
        )
        hidden_state = tf1.placeholder(
            tf1.float32, [batch_size, state_size], name="hidden_state"
        )
        init_state = tf1.nn.rnn_cell.LSTMStateTuple(cell_state, hidden_state)
        cell = tf1.nn.rnn_cell.BasicLSTMCell(state_size, state_is_tuple=True)
        states_series, current_state = tf1.nn.static_rnn(
            cell, inputs_series, init_state
        )
        # the feed's keys: the two placeholders
        return (cell_state, hidden_state), current_state, states_series

    zero = np.zeros((batch_size, state_size), np.float32)
    return _per_step_program(
        "part 3: BasicLSTMCell, LSTMStateTuple",
        sizes,
        seed,
        (zero, zero),
        unroll,
    )


def part4_multi_lstm(sizes: Sizes, num_layers: int, *, seed: int) -> Program:
    """Part 4: ``MultiRNNCell`` unrolled by ``static_rnn``, one state feed."""
    batch_size, state_size = sizes.batch_size, sizes.state_size
    positive_int("num_layers", num_layers)

    def unroll(tf1, inputs_series):
        init_state = tf1.placeholder(
            tf1.float32,
            [num_layers, 2, batch_size, state_size],
            name="init_state",
        )
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
        return init_state, current_state, states_series

    zero = np.zeros((num_layers, 2, batch_size, state_size), np.float32)
    return _per_step_program(
        "part 4: MultiRNNCell + static_rnn", sizes, seed, zero, unroll
    )


def part5_dynamic_rnn(
    sizes: Sizes,
    num_layers: int,
    *,
    seed: int,
    output_keep_prob: float | None = None,
    switch_off_dropout: bool = True,
) -> Program:
    """Part 5: ``dynamic_rnn``, one reshape, one loss; part 6: dropout.

    With ``output_keep_prob`` each cell is wrapped in a ``DropoutWrapper``. The
    2016 code used a constant keep probability, so dropout was on at every
    ``sess.run``; ``switch_off_dropout=True`` (the fix) feeds it during
    training steps only.
    """
    batch_size, state_size = sizes.batch_size, sizes.state_size
    positive_int("num_layers", num_layers)
    if output_keep_prob is not None and not 0 < output_keep_prob <= 1:
        raise ValueError(
            "output_keep_prob is the probability of keeping an output, got "
            f"{output_keep_prob}; pass a number in (0, 1], such as 0.5."
        )

    def build(tf1) -> ProgramTensors:
        batchX, batchY = _inputs(tf1, sizes)
        init_state = tf1.placeholder(
            tf1.float32,
            [num_layers, 2, batch_size, state_size],
            name="init_state",
        )
        W2, b2 = _output_layer(tf1, sizes, seed)
        cells = [
            tf1.nn.rnn_cell.LSTMCell(state_size, state_is_tuple=True)
            for _ in range(num_layers)
        ]
        training_feeds = {}
        if output_keep_prob is not None:
            if switch_off_dropout:
                keep_prob = tf1.placeholder_with_default(
                    1.0, [], name="keep_prob"
                )
                training_feeds[keep_prob] = output_keep_prob
            else:
                keep_prob = tf1.constant(output_keep_prob)
            cells = [
                tf1.nn.rnn_cell.DropoutWrapper(
                    cell,
                    output_keep_prob=keep_prob,
                    seed=layer_seed(seed, layer),
                )
                for layer, cell in enumerate(cells)
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
        return ProgramTensors(
            batchX=batchX,
            batchY=batchY,
            init_state=init_state,
            current_state=current_state,
            logits=logits,
            labels=labels,
            states_series=rnn_outputs,
            training_feeds=training_feeds,
        )

    zero = np.zeros((num_layers, 2, batch_size, state_size), np.float32)
    name = (
        "part 5: dynamic_rnn"
        if output_keep_prob is None
        else "part 6: DropoutWrapper"
    )
    return build_program(name, build, seed, zero)


def part6_dropout(
    sizes: Sizes,
    num_layers: int,
    *,
    seed: int,
    output_keep_prob: float = 0.5,
    switch_off_dropout: bool = True,
) -> Program:
    """Part 6: part 5 with each cell's output dropped (``DropoutWrapper``)."""
    return part5_dynamic_rnn(
        sizes,
        num_layers,
        seed=seed,
        output_keep_prob=output_keep_prob,
        switch_off_dropout=switch_off_dropout,
    )
