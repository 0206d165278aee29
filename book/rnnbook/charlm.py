"""A character-level language model: chapter 6's stacked LSTM on text.

The model is the one of chapters 5 to 8 with two changes at its ends: the
input is a character id looked up in an *embedding* (a trainable vector per
character) instead of a bit, and the output layer scores ``vocab_size``
classes instead of 2. In between sit :func:`rnnbook.dynamic.stacked_lstm`,
chapter 6's reshape and one sparse softmax cross-entropy over every step
(:func:`rnnbook.dynamic.loss`). Training carries the state across windows,
as every chapter did, or resets it to zero at every window (``carry=False``)
for comparison. Losses are in nats; divide by ln 2 for bits per character.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import keras
import numpy as np
import tensorflow as tf

from rnnbook import dynamic
from rnnbook._checks import positive_int

__all__ = [
    "CharLM",
    "build",
    "forward",
    "make_train_window",
    "make_train_epoch",
    "evaluate",
    "loss_by_position",
    "TrainingLog",
    "train",
    "sample",
]

EMBEDDING_SEED_OFFSET = 2000


@dataclass
class CharLM:
    """The weights of the model and the optimizer that updates them."""

    embedding: tf.Variable  # [vocab_size, embedding_size]
    rnn: keras.layers.RNN  # stacked LSTM, returns sequences and state
    W2: tf.Variable  # [units, vocab_size]
    b2: tf.Variable  # [1, vocab_size]
    optimizer: keras.optimizers.Optimizer
    # drops units of the top layer's output while training (chapter 7)
    output_dropout: keras.layers.Dropout
    # the compiled functions of this model, made once, on first use
    compiled: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def variables(self) -> list[tf.Variable]:
        """Every trainable weight, in a fixed order."""
        return [
            self.embedding,
            *self.rnn.trainable_variables,
            self.W2,
            self.b2,
        ]

    @property
    def units(self) -> int:
        return int(self.W2.shape[0])

    @property
    def vocab_size(self) -> int:
        return int(self.W2.shape[1])

    def zero_state(self, batch_size: int) -> list[tf.Tensor]:
        """``[h, c]`` of every layer, all zeros, for ``batch_size`` rows."""
        return self.rnn.cell.get_initial_state(
            batch_size=positive_int("batch_size", batch_size)
        )

    def count_weights(self) -> int:
        """How many numbers the model learns."""
        return int(sum(np.prod(v.shape) for v in self.variables))


def build(
    vocab_size: int,
    *,
    embedding_size: int,
    units: int,
    layers: int,
    seed: int,
    learning_rate: float = 2e-3,
    clip_norm: float = 5.0,
    dropout: float = 0.0,
    decay_windows: int | None = None,
) -> CharLM:
    """A fresh model, trained with Adam and the gradient's global norm
    clipped to ``clip_norm``.

    With ``decay_windows``, the learning rate falls from ``learning_rate``
    to a tenth of it along a half cosine over that many windows, and stays
    there: big steps first, fine ones at the end.

    ``dropout`` (chapter 7) drops that fraction of the signal between the
    LSTM layers and of the top layer's output, in training only.
    """
    vocab_size = positive_int("vocab_size", vocab_size)
    embedding_size = positive_int("embedding_size", embedding_size)
    if not learning_rate > 0 or not clip_norm > 0:
        raise ValueError(
            f"learning_rate and clip_norm must be positive, got "
            f"{learning_rate} and {clip_norm}."
        )
    init = keras.initializers.RandomUniform(
        -0.05, 0.05, seed=seed + EMBEDDING_SEED_OFFSET
    )
    embedding = tf.Variable(
        init([vocab_size, embedding_size]), name="embedding"
    )
    rnn = dynamic.stacked_lstm(units, layers, seed=seed, dropout=dropout)
    rnn.build((None, None, embedding_size))
    W2, b2 = dynamic.output_layer(units, vocab_size, seed=seed)
    if decay_windows is not None:
        learning_rate = keras.optimizers.schedules.CosineDecay(
            learning_rate,
            positive_int("decay_windows", decay_windows),
            alpha=0.1,
        )
    optimizer = keras.optimizers.Adam(
        learning_rate=learning_rate, global_clipnorm=clip_norm
    )
    output_dropout = keras.layers.Dropout(
        dropout, seed=seed + EMBEDDING_SEED_OFFSET
    )
    model = CharLM(embedding, rnn, W2, b2, optimizer, output_dropout)
    optimizer.build(model.variables)
    return model


def forward(model: CharLM, x_window, state, training: bool = False):
    """Logits ``[batch_size * T, vocab_size]`` and the final state."""
    # [batch_size, T, embedding_size]: one learned vector per character
    inputs = tf.gather(model.embedding, x_window)
    # [batch_size, T, units]
    states_series, *state = model.rnn(
        inputs, initial_state=state, training=training
    )
    # [batch_size * T, units], then chapter 6's broadcast output layer
    states_series = tf.reshape(states_series, [-1, model.units])
    if training and model.output_dropout.rate > 0:
        states_series = model.output_dropout(states_series, training=True)
    return states_series @ model.W2 + model.b2, state


def _train_window(model: CharLM, x_window, y_window, state):
    with tf.GradientTape() as tape:
        logits, state = forward(model, x_window, state, training=True)
        window_loss = dynamic.loss(logits, y_window)
    variables = model.variables
    gradients = tape.gradient(window_loss, variables)
    model.optimizer.apply_gradients(zip(gradients, variables))
    return window_loss, state


def make_train_window(model: CharLM):
    """One compiled (XLA) training step per window: Python loops over the
    windows, as in chapters 2 to 7."""

    @tf.function(jit_compile=True)
    def train_window(x_window, y_window, state):
        return _train_window(model, x_window, y_window, state)

    return train_window


def make_train_epoch(model: CharLM):
    """The loop over windows compiled too, as in chapter 8.

    ``train_windows(x_windows, y_windows, start, count, state, carry)``
    trains on ``count`` windows from index ``start`` on (wrapping around
    the epoch, so any number of windows can be asked for) in one call and
    returns their summed loss and the state. All windows of the epoch are
    passed every time, so the shapes never change and XLA compiles once.
    ``carry=False`` starts every window from the zero state.
    """

    @tf.function(jit_compile=True)
    def train_windows(x_windows, y_windows, start, count, state, carry):
        total = tf.constant(0.0)
        zero = tf.nest.map_structure(tf.zeros_like, state)
        size = tf.shape(x_windows)[0]
        for i in tf.range(count):
            j = (start + i) % size
            if not carry:
                state = zero
            window_loss, state = _train_window(
                model, x_windows[j], y_windows[j], state
            )
            total += window_loss
        return total, state

    return train_windows


def _evaluator(model: CharLM):
    """One compiled function per model: the loss at every position of a
    window, summed over windows and averaged over rows, ``[T]``."""
    if "evaluate" not in model.compiled:

        @tf.function(jit_compile=True)
        def evaluate_windows(x_windows, y_windows, state, carry):
            totals = tf.zeros([tf.shape(x_windows)[2]])
            zero = tf.nest.map_structure(tf.zeros_like, state)
            for i in tf.range(tf.shape(x_windows)[0]):
                if not carry:
                    state = zero
                logits, state = forward(model, x_windows[i], state)
                losses = tf.nn.sparse_softmax_cross_entropy_with_logits(
                    labels=tf.reshape(y_windows[i], [-1]), logits=logits
                )
                totals += tf.reduce_mean(
                    tf.reshape(losses, tf.shape(y_windows[i])), axis=0
                )
            return totals

        model.compiled["evaluate"] = evaluate_windows
    return model.compiled["evaluate"]


def loss_by_position(
    model: CharLM, x_windows, y_windows, carry: bool = True
) -> np.ndarray:
    """Mean loss in nats at each position of a window, ``[T]``, over
    windows ``[n, batch, T]``.

    With ``carry=True`` every row's state crosses the window edges, so each
    prediction sees everything earlier in its row; with ``carry=False`` each
    window starts from zero, and the prediction at position ``t`` sees only
    the ``t + 1`` characters read in that window.
    """
    x_windows, y_windows = np.asarray(x_windows), np.asarray(y_windows)
    if x_windows.ndim != 3 or x_windows.shape != y_windows.shape:
        raise ValueError(
            "x_windows and y_windows must both have shape [num_windows, "
            f"batch_size, T], got {x_windows.shape} and {y_windows.shape}; "
            "cut them with rnnbook.text.text_windows."
        )
    totals = _evaluator(model)(
        tf.constant(x_windows),
        tf.constant(y_windows),
        model.zero_state(x_windows.shape[1]),
        bool(carry),
    )
    return totals.numpy().astype(np.float64) / x_windows.shape[0]


def evaluate(model: CharLM, x_windows, y_windows, carry: bool = True):
    """Mean loss in nats per character over windows ``[n, batch, T]``
    (see :func:`loss_by_position`)."""
    return float(loss_by_position(model, x_windows, y_windows, carry).mean())


@dataclass
class TrainingLog:
    """What :func:`train` measured at each evaluation.

    ``seconds`` is training time only (evaluation excluded), and includes
    the compiling of the first call; ``windows`` counts windows trained on;
    ``train_bpc`` is the mean training loss of the windows since the last
    evaluation, ``validation_bpc`` the loss on the validation windows, both
    in bits per character.
    """

    windows: list[int] = field(default_factory=lambda: [0])
    seconds: list[float] = field(default_factory=lambda: [0.0])
    train_bpc: list[float] = field(default_factory=lambda: [math.nan])
    validation_bpc: list[float] = field(default_factory=list)

    @property
    def final_bpc(self) -> float:
        """The validation bpc after the last evaluation."""
        return self.validation_bpc[-1]


def train(
    model: CharLM,
    train_windows: tuple,
    validation_windows: tuple,
    *,
    num_windows: int,
    evaluations: int,
    carry: bool = True,
) -> TrainingLog:
    """Train on ``num_windows`` windows (cycling through the epoch), and
    score the validation windows ``evaluations`` times along the way.

    Training and evaluation both carry the state (``carry=True``), or both
    reset it at every window. Each stretch between two evaluations runs in
    one compiled call of :func:`make_train_epoch`.
    """
    num_windows = positive_int("num_windows", num_windows)
    evaluations = positive_int("evaluations", evaluations)
    if evaluations > num_windows:
        raise ValueError(
            f"evaluations={evaluations} is more than num_windows="
            f"{num_windows}: evaluate at most once per window."
        )
    x_train, y_train = (tf.constant(np.asarray(a)) for a in train_windows)
    size = int(x_train.shape[0])
    if "train" not in model.compiled:
        model.compiled["train"] = make_train_epoch(model)
    step = model.compiled["train"]
    state = model.zero_state(int(x_train.shape[1]))
    log = TrainingLog()
    log.validation_bpc.append(
        evaluate(model, *validation_windows, carry=carry) / math.log(2)
    )
    ends = np.linspace(0, num_windows, evaluations + 1).round().astype(int)
    elapsed = 0.0
    for start, end in zip(ends[:-1], ends[1:]):
        began = time.perf_counter()
        total, state = step(
            x_train,
            y_train,
            tf.constant(start % size, tf.int32),
            tf.constant(end - start, tf.int32),
            state,
            bool(carry),
        )
        total = float(total)  # waits for the computation to finish
        elapsed += time.perf_counter() - began
        log.windows.append(int(end))
        log.seconds.append(elapsed)
        log.train_bpc.append(total / int(end - start) / math.log(2))
        log.validation_bpc.append(
            evaluate(model, *validation_windows, carry=carry) / math.log(2)
        )
    return log


def sample(
    model: CharLM,
    vocabulary,
    *,
    prime: str,
    length: int,
    temperatures: list[float],
    seed: int,
) -> list[str]:
    """Generate ``length`` characters after ``prime``, one text per
    temperature, all at once (one batch row per temperature).

    The model first reads ``prime``; then, one character at a time, it turns
    its logits into probabilities ``softmax(logits / temperature)``, draws
    the next character, and reads it back in, the state carried from
    character to character. Temperature 0 takes the most probable character
    (argmax); below 1 sharpens the distribution, above 1 flattens it.
    """
    length = positive_int("length", length)
    temperatures = [float(t) for t in temperatures]
    if not temperatures or min(temperatures) < 0:
        raise ValueError(
            f"temperatures must be a non-empty list of numbers >= 0, got "
            f"{temperatures}; 0 means always the most probable character."
        )
    if not prime:
        raise ValueError("prime must hold at least one character to start.")
    rows = len(temperatures)
    read = _reader(model)
    x = np.tile(vocabulary.encode(prime), (rows, 1))
    logits, state = read(tf.constant(x), model.zero_state(rows))
    rng = np.random.default_rng(seed)
    out = np.zeros((rows, length), np.int32)
    for t in range(length):
        last = logits.numpy()[:, -1, :].astype(np.float64)
        for row, temperature in enumerate(temperatures):
            if temperature == 0:
                out[row, t] = int(np.argmax(last[row]))
                continue
            scaled = last[row] / temperature
            p = np.exp(scaled - scaled.max())
            out[row, t] = rng.choice(p.size, p=p / p.sum())
        logits, state = read(tf.constant(out[:, t : t + 1]), state)
    return [vocabulary.decode(row) for row in out]


def _reader(model: CharLM):
    """Compiled: logits ``[rows, steps, vocab_size]`` for some characters."""
    if "read" not in model.compiled:

        @tf.function(jit_compile=True)
        def read(x, state):
            logits, state = forward(model, x, state)
            return tf.reshape(
                logits, [tf.shape(x)[0], tf.shape(x)[1], -1]
            ), state

        model.compiled["read"] = read
    return model.compiled["read"]
